import Vocabulary

/// The lines one change adds to one file: what a pre-commit hook or a pull-request check judges.
public struct AddedLines: Sendable {
    /// The file's path in the repository (new name for a rename).
    public let path: String
    /// The commit that adds them (nil for staged changes).
    public let commit: Commit?
    /// Line numbers in the new version of the file, ascending.
    public var numbers: [Int] = []
    /// The added lines' bytes, each without its newline.
    public var lines: [[UInt8]] = []

    public init(path: String, commit: Commit?) {
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

/// Parses `git diff --raw -p -z -U0` / `git log --raw -p -z -c -U0` output into the lines each
/// file gains. Commit headers are `\u{1}commit <sha>\0<author>\0<email>\0<date>\0`. Paths come
/// from the NUL-separated `--raw` records, byte for byte, never from the patch headers (where git
/// quotes some names and ends a name holding a blank with a tab): each `diff --git` section is
/// the record of the same position in its commit, checked against the header git writes for it.
/// A merge's combined sections (`diff --combined`) give the lines that are in none of the
/// merge's parents: what the merge itself adds. A section without a record (plain `git diff`
/// output) takes its path from its `+++` line.
public enum PatchParser {
    public static let commitMarker = "\u{1}commit "
    /// The `--format` that produces the commit header lines above.
    public static let logFormat = "--format=%x01commit %H%x00%an%x00%ae%x00%aI"

    /// The commit header whose marker starts at `i`: its commit (nil when it has not four
    /// fields) and the offset past it. Fields end at a NUL or a newline; a newline ends the header.
    static func commitHeader(_ data: UnsafeBufferPointer<UInt8>, at i: Int) -> (commit: Commit?, end: Int) {
        let n = data.count
        var fields: [String] = []
        var j = i + commitMarker.utf8.count
        while fields.count < 4 && j < n {
            var k = j
            while k < n && data[k] != 0 && data[k] != 0x0A { k += 1 }
            fields.append(String(decoding: UnsafeBufferPointer(rebasing: data[j..<k]), as: UTF8.self))
            j = k + 1
            if k < n && data[k] == 0x0A { break }
        }
        let commit = fields.count == 4 ? Commit(sha: fields[0], author: fields[1], email: fields[2], date: fields[3]) : nil
        return (commit, j)
    }

    public static func parse(_ data: [UInt8]) -> [AddedLines] {
        data.withUnsafeBufferPointer { parse($0) }
    }

    static func parse(_ data: UnsafeBufferPointer<UInt8>) -> [AddedLines] {
        var out: [AddedLines] = []
        var current: AddedLines?
        var commit: Commit?
        var records: [RawRecord] = []
        var nextRecord = 0
        var newLine = 0
        // Lines of the current section are not collected (binary, deleted, a submodule).
        var skipSection = false
        // Between a section's `diff` line and its first hunk: `---`/`+++` are headers there only
        // (in a hunk, `+++ x` is the added line `++ x`).
        var preamble = false
        // Prefix columns of a hunk's lines: 1, or one per parent in a combined section.
        var columns = 1
        var readingRecords = true
        func flush() {
            if let c = current, !c.lines.isEmpty { out.append(c) }
            current = nil
        }
        let marker = Array(commitMarker.utf8)
        let n = data.count
        var i = 0
        while i < n {
            // Separators between header, records and patch: NUL, and newlines before the patch.
            if data[i] == 0 || (readingRecords && data[i] == 0x0A) { i += 1; continue }
            if data[i] == 0x01 && data[i...].starts(with: marker) {
                flush()
                let (header, j) = commitHeader(data, at: i)
                commit = header
                records = []; nextRecord = 0
                readingRecords = true
                skipSection = true
                i = j
                continue
            }
            if readingRecords && data[i] == UInt8(ascii: ":") {
                if let (record, next) = RawRecord.parse(data, at: i) {
                    records.append(record)
                    i = next
                    continue
                }
            }
            readingRecords = false
            var end = i
            while end < n && data[end] != 0x0A { end += 1 }
            let line = data[i..<end]
            i = end + 1
            if line.starts(with: "diff --git ".utf8) || line.starts(with: "diff --combined ".utf8) || line.starts(with: "diff --cc ".utf8) {
                flush()
                preamble = true
                columns = 1
                skipSection = false
                if let r = record(for: line, in: records, from: &nextRecord) {
                    if r.isSubmodule { skipSection = true }
                    current = AddedLines(path: String(decoding: r.path, as: UTF8.self), commit: commit)
                } else {
                    current = nil   // named by its `+++` line
                }
                continue
            }
            if preamble {
                if line.starts(with: "@@".utf8) {
                    preamble = false
                } else {
                    if line.starts(with: "+++ ".utf8) {
                        let target = Array(line.dropFirst(4))
                        if target == Array("/dev/null".utf8) { skipSection = true; continue }
                        if current == nil { current = AddedLines(path: pathOfTarget(target), commit: commit) }
                    }
                    continue
                }
            }
            if line.starts(with: "@@".utf8) {
                var ats = 0
                while ats < line.count && line[line.startIndex + ats] == UInt8(ascii: "@") { ats += 1 }
                columns = max(1, ats - 1)
                newLine = hunkStart(line) ?? 0
                continue
            }
            guard !skipSection, current != nil, line.count >= columns else { continue }
            let prefix = line.prefix(columns)
            // A line in the result (no `-` column); new in it when no parent has it (all `+`).
            guard prefix.allSatisfy({ $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: " ") }) else { continue }
            if prefix.allSatisfy({ $0 == UInt8(ascii: "+") }) {
                var content = Array(line.dropFirst(columns))
                if content.last == 0x0D { content.removeLast() }
                current!.numbers.append(newLine)
                current!.lines.append(content)
            }
            newLine += 1
        }
        flush()
        return out
    }

    /// The record of a section whose header line is `line`: the next one in order when git wrote
    /// this header for it (else the first later one it did write it for, else the next anyway).
    static func record(for line: UnsafeBufferPointer<UInt8>.SubSequence, in records: [RawRecord], from next: inout Int) -> RawRecord? {
        guard next < records.count else { return nil }
        for k in next..<records.count where GitQuote.headers(for: records[k]).contains(where: { line.elementsEqual($0) }) {
            next = k + 1
            return records[k]
        }
        next += 1
        return records[next - 1]
    }

    /// The path of a `+++ b/<path>` line: unquoted, without the `b/`, and without the tab git
    /// puts after an unquoted name that holds a blank.
    static func pathOfTarget(_ target: [UInt8]) -> String {
        var path = target
        if path.first != UInt8(ascii: "\""), path.last == 0x09 { path.removeLast() }
        path = unquote(path)
        if path.starts(with: Array("b/".utf8)) { path.removeFirst(2) }
        return String(decoding: path, as: UTF8.self)
    }

    /// `@@ -a,b +c,d @@` → c.
    static func hunkStart<C: Collection>(_ line: C) -> Int? where C.Element == UInt8, C.Index == Int {
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
