import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Everything a scan needs to know, as one plain value (the CLI fills it in).
public struct ScanOptions: Sendable {
    /// Default `--max-file-size`: larger files are skipped (and counted). Lockfiles, minified
    /// bundles and generated code that carry secrets are far below it; data dumps are above.
    public static let defaultMaxFileSize = 10 * 1024 * 1024

    /// What to read.
    public enum Mode: Sendable, Equatable {
        /// Files and folders on disk (the roots).
        case files
        /// The lines the staged changes add (pre-commit); the root is the repository.
        case staged
        /// The lines each commit of a range adds (`A..B`); the root is the repository.
        case range(String)
        /// Every blob reachable from any ref, once; the root is the repository.
        case history
    }

    public var roots: [String]
    public var mode: Mode = .files
    public var honorIgnoreFiles = true
    public var excludes: [String] = []
    public var followSymlinks = false
    public var maxFileSize = ScanOptions.defaultMaxFileSize
    /// Files above this are read in overlapping chunks of this size (memory stays bounded).
    public var chunkSize = 16 << 20
    /// Worker threads (default: all cores).
    public var threads = ScanOptions.defaultThreads
    /// Show full secrets in every output (off: a short prefix and the length).
    public var showSecrets = false
    /// Decode base64/hex runs and scan what they hide (off: `--no-decode`).
    public var decode = true
    /// Look up age and author with git blame (off: `--no-git`).
    public var useGit = true
    /// Totals for a progress line, updated as files are scanned.
    public var progress = ScanProgress()
    /// Raised on Ctrl-C: the scan stops early and returns what it found, marked incomplete.
    public var cancellation = Cancellation()
    /// Config allowlist and baseline.
    public var allowlist = Allowlist()
    /// The moment ages and expiry dates are measured against (tests fix it).
    public var now = Date()
    /// The name standard input (a root `-`) has in reports (`--stdin-name`).
    public var stdinName = "-"
    /// The descriptor a root `-` reads (tests give a pipe or a file).
    public var stdinDescriptor: Int32 = 0
    /// What fingerprints measure paths from (the repository root, whatever the root's spelling).
    public var anchor = PathAnchor()

    public init(roots: [String]) { self.roots = roots.isEmpty ? ["."] : roots }

    /// The root that names standard input.
    public static let stdinRoot = "-"

    public static var defaultThreads: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}

/// A scan that could not start (not a git repository, unknown revision...).
public struct ScanError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
