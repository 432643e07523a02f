/// Finds the line of a table header or of a key in TOML text, for error messages (TOMLKit
/// gives no positions for values).
public struct TOMLLines: Sendable {
    let text: String
    /// Byte offset of each line's first byte.
    let starts: [Int]
    /// 1-based lines of the `[[rule]]` headers.
    let headers: [Int]

    /// Runs at every start for every built-in rule file, so it only scans bytes: line starts
    /// (lines end at `\n`; a `\r` before it is trimmed where lines are compared) and the
    /// array-table headers, indented by spaces or tabs or not. The lines themselves are cut
    /// only when a message needs one.
    public init(text: String, arrayTable: String = "rule") {
        self.text = text
        let header = Array("[[\(arrayTable)]]".utf8)
        func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> (starts: [Int], headers: [Int]) {
            var starts = [0], headers: [Int] = []
            var i = 0
            let n = bytes.count
            while true {
                // At a line start: skip blanks, test for the header.
                var j = i
                while j < n, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 }
                if j + header.count <= n {
                    var k = 0
                    while k < header.count, bytes[j + k] == header[k] { k += 1 }
                    if k == header.count { headers.append(starts.count) }
                }
                while j < n, bytes[j] != 0x0A { j += 1 }
                guard j < n else { break }
                i = j + 1
                starts.append(i)
            }
            return (starts, headers)
        }
        let found = text.utf8.withContiguousStorageIfAvailable(scan)
            ?? Array(text.utf8).withUnsafeBufferPointer(scan)
        starts = found.starts
        headers = found.headers
    }

    /// The text's lines, without their `\n` (cut on demand: messages and config files only).
    public var lines: [Substring] {
        let utf8 = text.utf8
        var out: [Substring] = []
        out.reserveCapacity(starts.count)
        for (n, start) in starts.enumerated() {
            let from = utf8.index(utf8.startIndex, offsetBy: start)
            let to = n + 1 < starts.count ? utf8.index(utf8.startIndex, offsetBy: starts[n + 1] - 1) : utf8.endIndex
            out.append(text[from..<to])
        }
        return out
    }

    /// `line` without leading and trailing spaces, tabs and carriage returns.
    public static func trimmed(_ line: Substring) -> Substring {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        var t = line.drop(while: blank)
        while let last = t.last, blank(last) { t = t.dropLast() }
        return t
    }

    /// The line of the `index`-th array-table header (1 when there is none).
    public func ruleHeaderLine(_ index: Int) -> Int { index < headers.count ? headers[index] : 1 }

    /// The line of a `[name]` table header, or nil.
    public func line(ofTable name: String) -> Int? {
        let header = "[\(name)]"
        return lines.firstIndex { Self.trimmed($0) == header }.map { $0 + 1 }
    }

    /// The first line at or after `after` (1-based) that assigns `key`, before the next table
    /// header; else `after` (or 1).
    public func line(ofKey key: String, after: Int) -> Int {
        let lines = self.lines
        let start = max(after - 1, 0)
        let end = lines.count
        var i = start
        while i < end {
            let t = lines[i].drop { $0 == " " || $0 == "\t" }
            if t.hasPrefix(key) {
                let rest = t.dropFirst(key.count).drop { $0 == " " || $0 == "\t" }
                if rest.hasPrefix("=") || rest.hasPrefix("]") || key.hasPrefix("[") { return i + 1 }
            }
            if i > start, t.hasPrefix("[[") { break }
            i += 1
        }
        return max(after, 1)
    }
}
