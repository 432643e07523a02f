/// A file the walker found, before it is read.
public struct FileEntry: Sendable {
    /// Filesystem path as raw bytes (names need not be UTF-8), used to open the file.
    public let path: [UInt8]
    /// The path as the user reached it from a root argument (`services/app/.env` when scanning
    /// `.`), for display: valid UTF-8 as it is, any other byte as `\xNN` (`FileName.display`), so
    /// two names that differ only in such bytes keep two paths (and two fingerprints).
    public let displayPath: String

    /// The path below the scan root (`services/app/.env`), for judging it (test fixtures,
    /// production config) whatever folder the root itself sits in.
    public let rootRelativePath: String

    public init(path: [UInt8], displayPath: String, rootRelativePath: String? = nil) {
        self.path = path
        self.displayPath = displayPath
        self.rootRelativePath = rootRelativePath ?? displayPath
    }
}

/// Why a file was not scanned. Every skip is counted in the summary.
public enum SkipReason: String, Sendable, CaseIterable, Codable, Comparable {
    /// Matched a `.gitignore`, `.ignore` or `info/exclude` pattern.
    case ignored
    /// Matched a `--exclude` glob.
    case excluded
    /// A NUL byte in its first 8 KiB, or a known binary extension.
    case binary
    /// Larger than `--max-file-size`.
    case tooLarge = "too-large"
    /// A symbolic link, not followed.
    case symlink
    /// A FIFO, socket or device: never opened.
    case special
    /// Could not be opened or read (permissions, vanished).
    case unreadable
    /// A symlink that leads back into a folder already being walked.
    case symlinkLoop = "symlink-loop"

    public static func < (a: SkipReason, b: SkipReason) -> Bool { a.rawValue < b.rawValue }
}

/// A file or folder passed over, with the reason (and a message for unreadable ones).
public struct Skip: Sendable {
    public let displayPath: String
    public let reason: SkipReason
    public let message: String?
    /// The file itself, for a file skipped as binary by its extension: rules that judge a file by
    /// its path (key stores) still see it.
    public var entry: FileEntry? = nil
}
