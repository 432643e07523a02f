/// Who made a commit and when (range and history scans).
public struct CommitMeta: Sendable, Equatable {
    public let sha: String
    public let author: String
    public let email: String
    /// ISO 8601 author date.
    public let date: String

    public init(sha: String, author: String, email: String, date: String) {
        self.sha = sha
        self.author = author
        self.email = email
        self.date = date
    }
}

/// The lines one change adds to one file: what a pre-commit hook or a pull-request check judges.
public struct AddedLines: Sendable {
    /// The file's path in the repository (new name for a rename).
    public let path: String
    /// The commit that adds them (nil for staged changes).
    public let commit: CommitMeta?
    /// Line numbers in the new version of the file, ascending.
    public var numbers: [Int] = []
    /// The added lines' bytes, each without its newline.
    public var lines: [[UInt8]] = []

    public init(path: String, commit: CommitMeta?) {
        self.path = path
        self.commit = commit
    }

    /// The added lines joined by newlines (so a multi-line secret added in one piece stays
    /// whole) and, for each line of that text, its number in the real file.
    public func text() -> (bytes: [UInt8], lineNumbers: [Int]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(lines.reduce(0) { $0 + $1.count + 1 })
        for l in lines { bytes += l; bytes.append(0x0A) }
        return (bytes, numbers)
    }
}

/// Parses `git diff -U0` / `git log -p -U0` output into the lines each file gains.
/// Commit headers, when present, are lines `\u{1}commit <sha>\0<author>\0<email>\0<date>`.
public enum PatchParser {
    public static let commitMarker = "\u{1}commit "
    /// The `--format` that produces the commit header lines above.
    public static let logFormat = "--format=%x01commit %H%x00%an%x00%ae%x00%aI"

    public static func parse(_ data: [UInt8]) -> [AddedLines] {
        var out: [AddedLines] = []
        var current: AddedLines?
        var commit: CommitMeta?
        var newLine = 0
        var binaryOrDeleted = false
        func flush() {
            if let c = current, !c.lines.isEmpty { out.append(c) }
            current = nil
        }
        var start = 0
        let n = data.count
        while start < n {
            var end = start
            while end < n && data[end] != 0x0A { end += 1 }
            let line = data[start..<end]
            start = end + 1
            if line.starts(with: [0x01]) {  // commit header
                flush()
                let fields = line.dropFirst(commitMarker.utf8.count).split(separator: 0, omittingEmptySubsequences: false)
                    .map { String(decoding: $0, as: UTF8.self) }
                if fields.count >= 4 { commit = CommitMeta(sha: fields[0], author: fields[1], email: fields[2], date: fields[3]) }
                continue
            }
            if line.starts(with: Array("diff --git ".utf8)) {
                flush(); binaryOrDeleted = false; continue
            }
            if line.starts(with: Array("+++ ".utf8)) {
                let target = Array(line.dropFirst(4))
                if target == Array("/dev/null".utf8) { binaryOrDeleted = true; continue }
                var path = unquote(target)
                if path.starts(with: Array("b/".utf8)) { path.removeFirst(2) }
                current = AddedLines(path: String(decoding: path, as: UTF8.self), commit: commit)
                continue
            }
            if line.starts(with: Array("@@ ".utf8)) {
                newLine = hunkStart(line) ?? 0
                continue
            }
            guard !binaryOrDeleted, current != nil else { continue }
            if line.first == UInt8(ascii: "+") {
                var content = Array(line.dropFirst())
                if content.last == 0x0D { content.removeLast() }
                current!.numbers.append(newLine)
                current!.lines.append(content)
                newLine += 1
            } else if line.first == UInt8(ascii: " ") {
                newLine += 1
            }
        }
        flush()
        return out
    }

    /// `@@ -a,b +c,d @@` → c.
    static func hunkStart(_ line: ArraySlice<UInt8>) -> Int? {
        guard let plus = line.firstIndex(of: UInt8(ascii: "+")) else { return nil }
        var i = plus + 1
        var value = 0
        var digits = 0
        while i < line.endIndex, let d = Optional(line[i]), d >= 48 && d <= 57 {
            // More digits than any file has lines would overflow (a fuzzed or hostile diff).
            guard digits < 18 else { return nil }
            value = value * 10 + Int(d - 48); i += 1; digits += 1
        }
        return digits > 0 ? value : nil
    }

    /// Git C-quotes paths with special bytes: `"a\tb\303\251"`.
    static func unquote(_ path: [UInt8]) -> [UInt8] {
        guard path.count >= 2, path.first == UInt8(ascii: "\""), path.last == UInt8(ascii: "\"") else { return path }
        var out: [UInt8] = []
        var i = 1
        let end = path.count - 1
        while i < end {
            let c = path[i]
            if c == UInt8(ascii: "\\") && i + 1 < end {
                let e = path[i + 1]
                switch e {
                case UInt8(ascii: "n"): out.append(0x0A); i += 2
                case UInt8(ascii: "t"): out.append(0x09); i += 2
                case UInt8(ascii: "r"): out.append(0x0D); i += 2
                case UInt8(ascii: "a"): out.append(0x07); i += 2
                case UInt8(ascii: "b"): out.append(0x08); i += 2
                case UInt8(ascii: "f"): out.append(0x0C); i += 2
                case UInt8(ascii: "v"): out.append(0x0B); i += 2
                // Three octal digits, all before the closing quote (else the escape is literal).
                case UInt8(ascii: "0")...UInt8(ascii: "7")
                    where i + 3 < end && path[(i + 2)...(i + 3)].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "7") }):
                    let octal = path[(i + 1)...(i + 3)].reduce(0) { $0 * 8 + Int($1 - 48) }
                    out.append(UInt8(truncatingIfNeeded: octal)); i += 4
                default: out.append(e); i += 2
                }
            } else { out.append(c); i += 1 }
        }
        return out
    }
}
