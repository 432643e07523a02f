/// The patterns of one ignore file (`.gitignore`, `.ignore`, `info/exclude`) or of the user's
/// `--exclude` globs, with git's semantics: the last matching pattern decides, `!` re-includes,
/// a trailing `/` matches folders only, a pattern with a `/` before its end is anchored to
/// the file's folder, and one without matches a name at any depth.
public struct IgnoreRules: Sendable {
    struct Entry: Sendable {
        let glob: Glob
        let negated: Bool
        let directoryOnly: Bool
        let anchored: Bool
    }

    let entries: [Entry]
    /// Path of the folder the patterns are relative to, as bytes, with a trailing `/` (or empty for the root).
    let base: [UInt8]

    /// Parses the text of an ignore file that lives in folder `base` (relative to the walk root).
    public init(text: [UInt8], base: [UInt8]) {
        self.base = base
        var out: [Entry] = []
        for rawLine in text.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            var line = Array(rawLine)
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            // Trailing spaces are ignored unless escaped.
            while line.last == UInt8(ascii: " ") && !(line.count >= 2 && line[line.count - 2] == UInt8(ascii: "\\")) {
                line.removeLast()
            }
            guard let first = line.first, first != UInt8(ascii: "#") else { continue }
            var negated = false
            if first == UInt8(ascii: "!") { negated = true; line.removeFirst() }
            else if first == UInt8(ascii: "\\"), line.count > 1, line[1] == UInt8(ascii: "#") || line[1] == UInt8(ascii: "!") {
                line.removeFirst()
            }
            var directoryOnly = false
            if line.last == UInt8(ascii: "/") { directoryOnly = true; line.removeLast() }
            guard !line.isEmpty else { continue }
            var anchored = line.contains(UInt8(ascii: "/"))
            if line.first == UInt8(ascii: "/") { line.removeFirst(); anchored = true }
            if line.starts(with: Array("**/".utf8)) && !line.dropFirst(3).contains(UInt8(ascii: "/")) {
                // `**/name` is the same as an unanchored `name`.
                line.removeFirst(3); anchored = false
            }
            out.append(Entry(glob: Glob(line), negated: negated, directoryOnly: directoryOnly, anchored: anchored))
        }
        entries = out
    }

    /// Builds rules from the user's glob strings (each a gitignore-style pattern at the root).
    public init(globs: [String]) {
        self.init(text: Array(globs.joined(separator: "\n").utf8), base: [])
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// The verdict of these patterns for `path` (relative to the walk root, no leading `/`):
    /// true ignore, false re-included, nil no pattern matched.
    public func verdict(path: [UInt8], isDirectory: Bool) -> Bool? {
        guard path.starts(with: base) else { return nil }
        let rel = path[base.count...]
        var nameStart = rel.endIndex
        while nameStart > rel.startIndex && rel[nameStart - 1] != UInt8(ascii: "/") { nameStart -= 1 }
        let name = rel[nameStart...]
        for e in entries.reversed() {
            if e.directoryOnly && !isDirectory { continue }
            if e.glob.matches(e.anchored ? rel : name) { return !e.negated }
        }
        return nil
    }

    /// Whether a file at `path` (relative to the root, no leading `/`) is ignored, judging its
    /// folders too, as the walker does on its way down: a folder pattern (`vendor/`, `docs`)
    /// covers every file below it, and nothing inside an ignored folder is re-included. For
    /// paths that come without a walk (git changes, history blobs, allowlists).
    public func ignores(filePath path: [UInt8]) -> Bool {
        var start = path.startIndex
        while let slash = path[start...].firstIndex(of: UInt8(ascii: "/")) {
            if slash > path.startIndex, verdict(path: Array(path[..<slash]), isDirectory: true) == true { return true }
            start = slash + 1
        }
        return verdict(path: path, isDirectory: false) == true
    }
}
