import Foundation

// Where a blob differs from an older version of it: what history scans match instead of the whole blob.
extension GitHistory {
    /// Where `new` differs from `old`, an older version of the same file, as sorted byte ranges
    /// of `new`: its lines that are not in `old`, and (a byte of each of) the two kept lines
    /// either side of a place where lines of `old` were removed, which now touch. Outside these ranges, `new` is made of runs
    /// of lines that stand in `old` in the same order and next to each other, so whatever lies
    /// wholly inside such a run was in `old` too. Common prefix and suffix are skipped with
    /// memcmp; the rest is aligned line by line (hashes, in order, a jump ahead in `old`
    /// confirmed by the next line), and a line it cannot place counts as new.
    public static func changes(in new: UnsafeBufferPointer<UInt8>, from old: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        let n = new.count, m = old.count
        guard n > 0, let nb = new.baseAddress else { return [] }
        guard m > 0, let ob = old.baseAddress else { return [0..<n] }
        let limit = min(n, m)
        var p = 0
        while p + 64 <= limit && memcmp(nb + p, ob + p, 64) == 0 { p += 64 }
        while p < limit && nb[p] == ob[p] { p += 1 }
        if p == n && p == m { return [] }
        var s = 0
        let suffixLimit = limit - p
        while s + 64 <= suffixLimit && memcmp(nb + n - s - 64, ob + m - s - 64, 64) == 0 { s += 64 }
        while s < suffixLimit && nb[n - s - 1] == ob[m - s - 1] { s += 1 }
        // Whole lines: the prefix back to the start of its last line, the suffix on past its
        // first newline (both stay common to the two versions).
        var start = p
        while start > 0 && nb[start - 1] != 0x0A { start -= 1 }
        var newEnd = n
        if s > 0, let nl = memchr(nb + (n - s), 0x0A, s) {
            newEnd = UnsafePointer<UInt8>(nl.assumingMemoryBound(to: UInt8.self)) - nb + 1
        }
        let oldEnd = m - (n - newEnd)

        let newLines = lines(nb, start, newEnd), oldLines = lines(ob, start, oldEnd)
        func same(_ a: Line, _ b: Line) -> Bool {
            a.hash == b.hash && a.range.count == b.range.count && memcmp(nb + a.range.lowerBound, ob + b.range.lowerBound, a.range.count) == 0
        }
        // Old lines by hash: for each hash, its positions in order (a chain through `nextSame`)
        // and a cursor that only moves forward, as the position asked for (`j`) only grows.
        var table = HashCursors(capacity: oldLines.count)
        var nextSame = [Int32](repeating: -1, count: oldLines.count)
        for k in oldLines.indices.reversed() { nextSame[k] = table.push(oldLines[k].hash, k) }
        func firstOld(_ line: Line, from j: Int) -> Int? {
            guard let slot = table.slot(of: line.hash) else { return nil }
            var k = Int(table.cursor[slot])
            while k >= 0 && k < j { k = Int(nextSame[k]) }
            table.cursor[slot] = Int32(k)
            guard k >= 0, same(line, oldLines[k]) else { return nil }
            return k
        }
        var out: [Range<Int>] = []
        func mark(_ r: Range<Int>) {
            if let last = out.last, last.upperBound >= r.lowerBound {
                out[out.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                out.append(r)
            }
        }
        func join(at x: Int) { mark(max(0, x - 1)..<min(n, x + 1)) }
        // A join matters between two kept lines; next to a new line, the margins cover it.
        var j = 0, previousKept = true
        for (i, line) in newLines.enumerated() {
            if let pos = firstOld(line, from: j) {
                if pos == j { j += 1; previousKept = true; continue }
                let confirmed = i + 1 == newLines.count
                    || (pos + 1 < oldLines.count && same(newLines[i + 1], oldLines[pos + 1]))
                if confirmed {
                    if previousKept { join(at: line.range.lowerBound) }
                    j = pos + 1; previousKept = true
                    continue
                }
            }
            mark(line.range)
            previousKept = false
        }
        if j < oldLines.count && previousKept { join(at: newEnd) }
        return out
    }

    /// Open addressing, hash → the first position not yet passed (or -1).
    struct HashCursors {
        var keys: [UInt64]
        var cursor: [Int32]
        var used: [Bool]
        let mask: Int

        init(capacity: Int) {
            var size = 16
            while size < capacity * 2 { size <<= 1 }
            keys = [UInt64](repeating: 0, count: size)
            cursor = [Int32](repeating: -1, count: size)
            used = [Bool](repeating: false, count: size)
            mask = size - 1
        }

        /// Makes `index` the first position of `hash`; returns the one it displaces (-1 if none).
        mutating func push(_ hash: UInt64, _ index: Int) -> Int32 {
            var i = Int(truncatingIfNeeded: hash) & mask
            while used[i] && keys[i] != hash { i = (i + 1) & mask }
            let previous = used[i] ? cursor[i] : -1
            used[i] = true; keys[i] = hash; cursor[i] = Int32(index)
            return previous
        }

        func slot(of hash: UInt64) -> Int? {
            var i = Int(truncatingIfNeeded: hash) & mask
            while used[i] {
                if keys[i] == hash { return i }
                i = (i + 1) & mask
            }
            return nil
        }
    }

    struct Line {
        let range: Range<Int>
        let hash: UInt64
    }

    /// The lines of `base[from..<to]` (each with its newline), hashed.
    static func lines(_ base: UnsafePointer<UInt8>, _ from: Int, _ to: Int) -> [Line] {
        var out: [Line] = []
        var i = from
        while i < to {
            let end = memchr(base + i, 0x0A, to - i).map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base + 1 } ?? to
            out.append(Line(range: i..<end, hash: hash(base + i, end - i)))
            i = end
        }
        return out
    }

    /// A fast 64-bit hash of a line (equal hashes are confirmed with memcmp).
    static func hash(_ p: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
        var i = 0
        let raw = UnsafeRawPointer(p)
        while i + 8 <= count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x100_0000_01B3
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        while i < count { tail = tail << 8 | UInt64(p[i]); i += 1 }
        h = (h ^ tail) &* 0x100_0000_01B3
        return h ^ (h >> 32)
    }
}
