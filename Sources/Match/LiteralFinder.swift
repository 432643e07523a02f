#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a few literals occur, compared ASCII-case-insensitively as the keyword prefilter
/// compares them: memchr for one byte of each literal (a rare one: punctuation or digits
/// before letters, uncommon letters first; a letter in both cases), then the whole literal
/// around each occurrence. Many times faster than a DFA pass over text that seldom holds them.
public struct LiteralFinder: Sendable {
    /// Lower-cased literals, with the offset of the byte searched for in each.
    let literals: [(bytes: [UInt8], anchor: Int)]
    /// Each byte searched for, with the literals anchored on it.
    let searches: [(byte: UInt8, literals: [Int])]

    /// Bytes by how rarely they occur in source code and prose, rarest first (letters folded).
    static let rarity: [UInt8] = Array("#|~^`@$!%&?;<>+=*[]{}0123456789-_.:/\\qzjxkvbywgfpmhucdlrnsoiate\"'(), ".utf8)

    public init(_ keywords: [String]) {
        var literals: [(bytes: [UInt8], anchor: Int)] = []
        var byByte: [UInt8: [Int]] = [:]
        for keyword in Set(keywords.map { $0.lowercased() }).sorted() {
            let bytes = keyword.utf8.map { ($0 >= 65 && $0 <= 90) ? $0 | 0x20 : $0 }
            guard !bytes.isEmpty else { continue }
            func rank(_ b: UInt8) -> Int { LiteralFinder.rarity.firstIndex(of: b) ?? (b >= 0x80 ? 0 : LiteralFinder.rarity.count) }
            let anchor = bytes.indices.min { rank(bytes[$0]) < rank(bytes[$1]) }!
            byByte[bytes[anchor], default: []].append(literals.count)
            literals.append((bytes, anchor))
        }
        var searches: [(byte: UInt8, literals: [Int])] = []
        for (b, list) in byByte.sorted(by: { $0.key < $1.key }) {
            searches.append((b, list))
            if b >= 97 && b <= 122 { searches.append((b & ~0x20, list)) }   // the upper-case letter too
        }
        self.literals = literals
        self.searches = searches
    }

    /// Calls `start(offset)` for every occurrence lying wholly in `buffer` (in no set order).
    public func forEachStart(in buffer: UnsafeBufferPointer<UInt8>, _ start: (Int) -> Void) {
        guard let base = buffer.baseAddress else { return }
        let n = buffer.count
        for search in searches {
            var i = 0
            while i < n, let found = memchr(base + i, Int32(search.byte), n - i) {
                let at = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
                for k in search.literals {
                    let (bytes, anchor) = literals[k]
                    let s = at - anchor
                    guard s >= 0, s + bytes.count <= n else { continue }
                    var same = true
                    for j in 0..<bytes.count {
                        let b = base[s + j]
                        if ((b >= 65 && b <= 90) ? b | 0x20 : b) != bytes[j] { same = false; break }
                    }
                    if same { start(s) }
                }
                i = at + 1
            }
        }
    }
}
