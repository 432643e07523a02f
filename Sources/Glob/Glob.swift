/// A gitignore-style glob over `/`-separated paths: `*` and `?` stop at `/`, `[...]` classes
/// (with `!` or `^` negation and ranges), `**/` any number of leading folders, `/**` everything
/// below, `\x` a literal x.
struct Glob: Sendable {
    enum Token: Sendable, Equatable {
        case byte(UInt8)
        case any            // ?
        case star           // *
        case anyDirs        // **/  (zero or more whole folders)
        case everything     // trailing ** (anything, slashes included)
        case set([ClosedRange<UInt8>], negated: Bool)
    }

    let tokens: [Token]
    /// A pure literal (no wildcard): compared directly.
    let literal: [UInt8]?

    init(_ pattern: [UInt8]) {
        var t: [Token] = []
        var i = 0
        let n = pattern.count
        while i < n {
            let c = pattern[i]
            switch c {
            case UInt8(ascii: "\\") where i + 1 < n:
                t.append(.byte(pattern[i + 1])); i += 2
            case UInt8(ascii: "?"):
                t.append(.any); i += 1
            case UInt8(ascii: "*"):
                if i + 1 < n && pattern[i + 1] == UInt8(ascii: "*") {
                    let atStart = i == 0 || pattern[i - 1] == UInt8(ascii: "/")
                    if atStart && i + 2 < n && pattern[i + 2] == UInt8(ascii: "/") {
                        t.append(.anyDirs); i += 3
                    } else if atStart && i + 2 == n {
                        t.append(.everything); i += 2
                    } else {
                        t.append(.star); i += 2
                    }
                } else { t.append(.star); i += 1 }
            case UInt8(ascii: "["):
                if let (set, next) = Glob.parseSet(pattern, from: i) { t.append(set); i = next } else {
                    t.append(.byte(c)); i += 1
                }
            default:
                t.append(.byte(c)); i += 1
            }
        }
        tokens = t
        var lit: [UInt8] = []
        for tok in t { if case .byte(let b) = tok { lit.append(b) } else { lit = []; break } }
        literal = lit.count == t.count ? lit : nil
    }

    static func parseSet(_ p: [UInt8], from start: Int) -> (Token, Int)? {
        var i = start + 1
        var negated = false
        if i < p.count && (p[i] == UInt8(ascii: "!") || p[i] == UInt8(ascii: "^")) { negated = true; i += 1 }
        var ranges: [ClosedRange<UInt8>] = []
        var first = true
        while i < p.count {
            var c = p[i]
            if c == UInt8(ascii: "]") && !first { return (.set(ranges, negated: negated), i + 1) }
            first = false
            if c == UInt8(ascii: "\\") && i + 1 < p.count { i += 1; c = p[i] }
            if i + 2 < p.count && p[i + 1] == UInt8(ascii: "-") && p[i + 2] != UInt8(ascii: "]") {
                let hi = p[i + 2]
                if c <= hi { ranges.append(c...hi) }
                i += 3
            } else {
                ranges.append(c...c); i += 1
            }
        }
        return nil
    }

    /// Whether the whole of `path` matches.
    func matches(_ path: ArraySlice<UInt8>) -> Bool {
        if let literal { return path.elementsEqual(literal) }
        var failed = Set<Int>()
        return Glob.match(tokens[...], path, failed: &failed)
    }

    /// Whether tokens `t` match all of `s`. Each `*` and `**/` retries the rest at every position,
    /// so without memory a pattern of many stars (`*a*a*a*a*b`, `**********x`) takes time
    /// exponential in their number (fuzz: ignore); `failed` remembers the (token, byte) positions
    /// already known not to match, which keeps it polynomial.
    private static func match(_ t: ArraySlice<Token>, _ s: ArraySlice<UInt8>, failed: inout Set<Int>) -> Bool {
        let key = t.startIndex &* (s.endIndex &+ 1) &+ s.startIndex
        if failed.contains(key) { return false }
        if matchOnce(t, s, failed: &failed) { return true }
        failed.insert(key)
        return false
    }

    private static func matchOnce(_ t: ArraySlice<Token>, _ s: ArraySlice<UInt8>, failed: inout Set<Int>) -> Bool {
        var t = t, s = s
        while let tok = t.first {
            switch tok {
            case .byte(let b):
                guard s.first == b else { return false }
                t = t.dropFirst(); s = s.dropFirst()
            case .any:
                guard let c = s.first, c != UInt8(ascii: "/") else { return false }
                t = t.dropFirst(); s = s.dropFirst()
            case .set(let ranges, let negated):
                guard let c = s.first, c != UInt8(ascii: "/") else { return false }
                guard ranges.contains(where: { $0.contains(c) }) != negated else { return false }
                t = t.dropFirst(); s = s.dropFirst()
            case .everything:
                return true
            case .star:
                let rest = t.dropFirst()
                var k = s.startIndex
                while true {
                    if match(rest, s[k...], failed: &failed) { return true }
                    if k == s.endIndex || s[k] == UInt8(ascii: "/") { return false }
                    k += 1
                }
            case .anyDirs:
                let rest = t.dropFirst()
                if match(rest, s, failed: &failed) { return true }
                var k = s.startIndex
                while k < s.endIndex {
                    if s[k] == UInt8(ascii: "/") && match(rest, s[(k + 1)...], failed: &failed) { return true }
                    k += 1
                }
                return false
            }
        }
        return s.isEmpty
    }
}
