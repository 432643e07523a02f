#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One record of git's `--raw -z` output, where paths are NUL-terminated and never quoted:
/// `:<old mode> <new mode> <old id> <new id> <status>\0<path>\0` (a rename or copy:
/// `...R086\0<old path>\0<new path>\0`); a merge's combined record has one `:` and one mode and id
/// per parent (`::100644 100644 100644 <id> <id> <id> MM\0<path>\0`).
struct RawRecord: Sendable, Equatable {
    /// How many parents the record compares with (more than 1 for a merge's combined record).
    var parents: Int
    /// Mode of the file in the result (`160000` for a submodule, `000000` when deleted).
    var newMode: [UInt8]
    /// The first parent's blob id (all zeros when the file is new).
    var oldID: [UInt8]
    /// The result's blob id (all zeros when the file was deleted).
    var newID: [UInt8]
    /// The status letters (`A`, `M`, `R086`...; one letter per parent in a combined record).
    var status: [UInt8]
    /// The path in the result (the new name of a rename).
    var path: [UInt8]
    /// The old name of a rename or copy.
    var source: [UInt8]?

    /// The first status letter.
    var kind: UInt8 { status.first ?? 0 }
    /// A submodule (gitlink): its "content" is a commit id.
    var isSubmodule: Bool { newMode == Array("160000".utf8) }

    /// Parses the record at `i` (`data[i]` is `:`); returns it and the index just past it, or nil
    /// when the bytes there are not a whole record.
    static func parse(_ data: UnsafeBufferPointer<UInt8>, at i: Int) -> (RawRecord, Int)? {
        guard let r = RawRecordRanges.scan(data, at: i) else { return nil }
        let record = RawRecord(parents: r.parents, newMode: Array(data[r.newMode]), oldID: Array(data[r.oldID]),
                               newID: Array(data[r.newID]), status: Array(data[r.status]), path: Array(data[r.path]),
                               source: r.source.map { Array(data[$0]) })
        return (record, r.end)
    }
}

/// Where the parts of one raw record lie in the buffer (no copies: the history log has one per
/// changed file of every commit).
struct RawRecordRanges {
    var parents: Int
    var newMode: Range<Int>
    var oldID: Range<Int>
    var newID: Range<Int>
    var status: Range<Int>
    var path: Range<Int>
    var source: Range<Int>?
    /// Just past the record.
    var end: Int

    static func scan(_ data: UnsafeBufferPointer<UInt8>, at i: Int) -> RawRecordRanges? {
        let n = data.count
        guard i < n, data[i] == UInt8(ascii: ":"), let base = data.baseAddress else { return nil }
        var parents = 0
        var j = i
        while j < n && data[j] == UInt8(ascii: ":") { parents += 1; j += 1 }
        guard let nul = memchr(base + j, 0, n - j) else { return nil }
        let headerEnd = UnsafePointer<UInt8>(nul.assumingMemoryBound(to: UInt8.self)) - base
        // Fields: modes (parents + 1), ids (parents + 1), status.
        let wanted = 2 * (parents + 1) + 1
        var field = 0, start = j
        var newMode = 0..<0, oldID = 0..<0, newID = 0..<0, status = 0..<0
        var k = j
        while k <= headerEnd {
            if k == headerEnd || data[k] == 0x20 {
                guard k > start, field < wanted else { return nil }
                let r = start..<k
                if field == parents { newMode = r }
                if field == parents + 1 { oldID = r }
                if field == 2 * parents + 1 { newID = r }
                if field == 2 * parents + 2 { status = r }
                field += 1
                start = k + 1
            }
            k += 1
        }
        guard field == wanted else { return nil }
        func path(from k: Int) -> (Range<Int>, Int)? {
            guard k < n, let end = memchr(base + k, 0, n - k) else { return nil }
            let e = UnsafePointer<UInt8>(end.assumingMemoryBound(to: UInt8.self)) - base
            return (k..<e, e + 1)
        }
        guard let (first, afterFirst) = path(from: headerEnd + 1) else { return nil }
        var r = RawRecordRanges(parents: parents, newMode: newMode, oldID: oldID, newID: newID, status: status,
                                path: first, source: nil, end: afterFirst)
        let kind = data[status.lowerBound]
        if parents == 1 && (kind == UInt8(ascii: "R") || kind == UInt8(ascii: "C")) {
            guard let (second, afterSecond) = path(from: afterFirst) else { return nil }
            r.source = first
            r.path = second
            r.end = afterSecond
        }
        return r
    }
}

/// Git's quoting of a path in patch headers (`quote_c_style` with `core.quotePath=false`): as is,
/// unless it holds a control character, `"` or `\`, then in double quotes with C escapes.
enum GitQuote {
    static func quote(_ name: [UInt8]) -> [UInt8] {
        func special(_ c: UInt8) -> Bool { c < 0x20 || c == 0x7F || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") }
        guard name.contains(where: special) else { return name }
        var out: [UInt8] = [UInt8(ascii: "\"")]
        for c in name {
            switch c {
            case 0x07: out += Array("\\a".utf8)
            case 0x08: out += Array("\\b".utf8)
            case 0x09: out += Array("\\t".utf8)
            case 0x0A: out += Array("\\n".utf8)
            case 0x0B: out += Array("\\v".utf8)
            case 0x0C: out += Array("\\f".utf8)
            case 0x0D: out += Array("\\r".utf8)
            case UInt8(ascii: "\""): out += Array("\\\"".utf8)
            case UInt8(ascii: "\\"): out += Array("\\\\".utf8)
            case _ where special(c):
                out.append(UInt8(ascii: "\\"))
                for shift: UInt8 in [6, 3, 0] { out.append(UInt8(ascii: "0") + ((c >> shift) & 7)) }
            default: out.append(c)
            }
        }
        out.append(UInt8(ascii: "\""))
        return out
    }

    /// The `diff --git` / `diff --combined` / `diff --cc` line git writes for `record`.
    static func headers(for record: RawRecord) -> [[UInt8]] {
        if record.parents > 1 {
            let q = quote(record.path)
            return [Array("diff --combined ".utf8) + q, Array("diff --cc ".utf8) + q]
        }
        let a = quote(Array("a/".utf8) + (record.source ?? record.path))
        let b = quote(Array("b/".utf8) + record.path)
        return [Array("diff --git ".utf8) + a + [0x20] + b]
    }
}
