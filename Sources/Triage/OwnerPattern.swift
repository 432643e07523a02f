/// One CODEOWNERS path pattern, with GitHub's gitignore-like semantics: a leading `/` (or any `/`
/// before the last character) anchors it at the root, otherwise it matches at any depth; a trailing
/// `/` matches only a folder's contents; `*` and `?` stay within one path segment, `**` spans
/// segments; a pattern matching a folder covers everything below, except one ending in a lone `*`
/// (`docs/*` owns `docs/a.md`, not `docs/sub/b.md`). Matching is case-sensitive.
struct OwnerPattern: Sendable, Equatable {
    /// One `/`-separated piece of a pattern.
    enum Segment: Sendable, Equatable {
        /// `**`: any number of whole segments.
        case anyDepth
        /// A glob within one segment: literal bytes, `*`, `?`.
        case glob([GlobToken])
    }

    /// One element of a single-segment glob.
    enum GlobToken: Sendable, Equatable {
        case byte(UInt8)
        case star
        case any
    }

    /// The pattern, anchored at the root (unanchored ones start with `anyDepth`).
    let segments: [Segment]
    /// Trailing `/`: the pattern must match a folder above the path, not the path itself.
    let folderOnly: Bool
    /// A last segment of a lone `*` covers direct children only, not deeper paths.
    let directChildrenOnly: Bool
    /// A trailing `**` needs at least one segment below the folder before it.
    let trailingAnyDepth: Bool

    init(_ pattern: String) {
        var text = Substring(pattern)
        var folderOnly = false
        if text.count > 1 && text.hasSuffix("/") { folderOnly = true; text = text.dropLast() }
        let anchored = text.contains("/")
        if text.hasPrefix("/") { text = text.dropFirst() }
        var segments: [Segment] = anchored ? [] : [.anyDepth]
        for piece in text.split(separator: "/", omittingEmptySubsequences: true) {
            if piece == "**" {
                if segments.last != .anyDepth { segments.append(.anyDepth) }
            } else {
                segments.append(.glob(OwnerPattern.tokens(piece)))
            }
        }
        let trailingAnyDepth = anchored && segments.last == .anyDepth
        if trailingAnyDepth { folderOnly = false }   // `foo/**/` means the same as `foo/**`
        self.segments = segments
        self.folderOnly = folderOnly
        self.trailingAnyDepth = trailingAnyDepth
        self.directChildrenOnly = !folderOnly && segments.last == .glob([.star])
    }

    /// Tokens of one segment; a backslash makes the next character literal.
    static func tokens(_ piece: Substring) -> [GlobToken] {
        var out: [GlobToken] = []
        var escaped = false
        for b in piece.utf8 {
            if escaped { out.append(.byte(b)); escaped = false; continue }
            switch b {
            case UInt8(ascii: "\\"): escaped = true
            case UInt8(ascii: "*"): if out.last != .star { out.append(.star) }
            case UInt8(ascii: "?"): out.append(.any)
            default: out.append(.byte(b))
            }
        }
        if escaped { out.append(.byte(UInt8(ascii: "\\"))) }
        return out
    }

    /// Whether `path` (relative to the repository root, `/`-separated) is owned through this pattern.
    func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/").map { Array($0.utf8) }
        guard !parts.isEmpty else { return false }
        // The pattern must match the first k segments; k == count is the path itself, a smaller k
        // a folder holding it.
        for k in stride(from: parts.count, through: 1, by: -1) {
            let isPath = k == parts.count
            if isPath && folderOnly { continue }
            if !isPath && directChildrenOnly { continue }
            if OwnerPattern.match(segments[...], parts[0..<k], trailingNeedsOne: trailingAnyDepth) { return true }
        }
        return false
    }

    /// Segment-wise match of the whole of `parts`, by dynamic programming over (pattern
    /// segment, path segment): linear in each, however many `**` the pattern has (a recursive
    /// search would try every way of spreading the path over them, exponential in their number).
    private static func match(_ pattern: ArraySlice<Segment>, _ parts: ArraySlice<[UInt8]>, trailingNeedsOne: Bool) -> Bool {
        let n = parts.count
        // `rest[j]`: the pattern from the segment after the current one matches parts[j...].
        var rest = [Bool](repeating: false, count: n + 1)
        rest[n] = true
        var here = rest
        for i in stride(from: pattern.endIndex - 1, through: pattern.startIndex, by: -1) {
            switch pattern[i] {
            case .anyDepth:
                // Skip any number of whole segments (at least one for a trailing `**` that needs it).
                let minimum = i == pattern.endIndex - 1 && trailingNeedsOne ? 1 : 0
                var any = false
                for j in stride(from: n, through: 0, by: -1) {
                    if j + minimum <= n && rest[j + minimum] { any = true }
                    here[j] = any
                }
            case .glob(let tokens):
                for j in 0...n {
                    here[j] = j < n && rest[j + 1] && globMatch(tokens[...], parts[parts.startIndex + j][...])
                }
            }
            swap(&rest, &here)
        }
        return rest[0]
    }

    /// Glob match of one segment, with backtracking on the last `*`.
    static func globMatch(_ tokens: ArraySlice<GlobToken>, _ text: ArraySlice<UInt8>) -> Bool {
        var t = tokens.startIndex, s = text.startIndex
        var starT: Int? = nil, starS = text.startIndex
        while s < text.endIndex {
            if t < tokens.endIndex {
                switch tokens[t] {
                case .star:
                    starT = t; starS = s; t += 1; continue
                case .any:
                    t += 1; s += 1; continue
                case .byte(let b) where b == text[s]:
                    t += 1; s += 1; continue
                default: break
                }
            }
            guard let st = starT else { return false }
            t = st + 1
            starS += 1
            s = starS
        }
        while t < tokens.endIndex, tokens[t] == .star { t += 1 }
        return t == tokens.endIndex
    }
}
