#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One pattern as the matcher sees it: bytes in, byte ranges out. Rule metadata lives above.
public struct MatchPattern: Sendable {
    /// Literals, compared ASCII-case-insensitively; the regex only runs near one of them.
    public var keywords: [String]
    /// PCRE2 source (byte mode).
    public var regex: String
    /// Which group holds the secret.
    public var secretGroup: SecretGroup
    /// Minimum Shannon entropy (bits/byte) of the secret, if the format needs one.
    public var minEntropy: Double?
    /// Whether a match may cross line breaks (then `window` bounds it).
    public var multiline: Bool
    /// Bytes after a keyword that a multiline match may reach.
    public var window: Int
    /// Whether obvious placeholders are dropped.
    public var placeholderCheck: Bool
    /// Runs only on buffers whose workspace opens this pattern's gate (rules with a path
    /// condition): a scan that says nothing of the path never runs it.
    public var pathGated: Bool
    /// With no keywords: runs over the first `window` bytes of each buffer its gate is open for.
    public var fromStart: Bool

    public init(keywords: [String], regex: String, secretGroup: SecretGroup = .automatic,
                minEntropy: Double? = nil, multiline: Bool = false, window: Int = 8192,
                placeholderCheck: Bool = true, pathGated: Bool = false, fromStart: Bool = false) {
        self.keywords = keywords
        self.regex = regex
        self.secretGroup = secretGroup
        self.minEntropy = minEntropy
        self.multiline = multiline
        self.window = window
        self.placeholderCheck = placeholderCheck
        self.pathGated = pathGated
        self.fromStart = fromStart
    }
}

/// Where the secret sits in a match.
public enum SecretGroup: Sendable, Equatable {
    /// The group named `secret`, else group 1, else the whole match.
    case automatic
    case named(String)
    case number(Int)
}

/// A secret found in a buffer.
public struct RawMatch: Sendable, Equatable {
    /// Index of the pattern in the matcher's list.
    public var pattern: Int
    /// The whole regex match.
    public var match: Range<Int>
    /// The secret group.
    public var secret: Range<Int>
    /// Shannon entropy of the secret.
    public var entropy: Double
}

/// A pattern that could not finish searching part of a buffer (a PCRE2 limit was hit).
public struct MatchProblem: Sendable, Equatable {
    public var pattern: Int
    public var message: String
}

/// A pattern the matcher stopped running for the rest of a buffer: it hit PCRE2's match limit
/// `MatchWorkspace.maxLimitHits` times, or spent its `MatchWorkspace.timeBudget`.
public struct SuspendedPattern: Sendable, Equatable {
    public enum Reason: String, Sendable, Equatable {
        case matchLimit = "match limit"
        case timeBudget = "time budget"
    }
    /// Index of the pattern in the matcher's list.
    public var pattern: Int
    public var reason: Reason
    /// Windows where the pattern hit the match limit (each left partly unsearched).
    public var limitHits: Int
    /// Keyword windows (about one line each) not searched after the suspension.
    public var windowsSkipped: Int
}

/// What one scan of a buffer produced.
public struct MatchResult: Sendable {
    /// Matches ordered by secret start, then pattern.
    public var matches: [RawMatch] = []
    /// Patterns that hit a resource limit or ran out of time: at most one per pattern, whose
    /// message says how often and what was left unsearched (one warning for the pipeline).
    public var problems: [MatchProblem] = []
    /// Patterns suspended for the rest of the buffer, with what they skipped (also in `problems`).
    public var suspended: [SuspendedPattern] = []

    public init(matches: [RawMatch] = [], problems: [MatchProblem] = [], suspended: [SuspendedPattern] = []) {
        self.matches = matches
        self.problems = problems
        self.suspended = suspended
    }
}

/// A compiled pattern plus the resolved secret group.
struct CompiledPattern: Sendable {
    let pattern: Pattern
    let secretGroup: Int
}

/// Compiles a pattern the first time it is needed, once, whatever the number of threads.
final class LazyPattern: Sendable {
    let spec: MatchPattern
    private let state = PthreadLock<Result<CompiledPattern, PatternError>?>(nil)

    init(_ spec: MatchPattern) { self.spec = spec }

    func get() -> Result<CompiledPattern, PatternError> {
        state.withLock { cached in
            if let cached { return cached }
            let result = Result { () throws(PatternError) -> CompiledPattern in
                try LazyPattern.compile(spec)
            }
            cached = result
            return result
        }
    }

    static func compile(_ spec: MatchPattern) throws(PatternError) -> CompiledPattern {
        let p = try Pattern(spec.regex)
        if p.captureCount >= Int(MatchWorkspace.ovectorPairs) {
            throw PatternError(message: "too many capture groups (\(p.captureCount))", offset: 0)
        }
        let group: Int
        switch spec.secretGroup {
        case .automatic: group = p.groupNumber(named: "secret") ?? (p.captureCount >= 1 ? 1 : 0)
        case .named(let name):
            guard let n = p.groupNumber(named: name) else {
                throw PatternError(message: "no group named '\(name)'", offset: 0)
            }
            group = n
        case .number(let n):
            guard n >= 0 && n <= p.captureCount else {
                throw PatternError(message: "no group \(n) (the pattern has \(p.captureCount))", offset: 0)
            }
            group = n
        }
        return CompiledPattern(pattern: p, secretGroup: group)
    }
}

/// Keyword prefilter → PCRE2 → entropy and placeholder checks, over a byte buffer.
/// Shared read-only by all workers; each worker brings its own `MatchWorkspace`.
public final class Matcher: Sendable {
    /// Longest distance searched either side of a keyword on one line (minified files).
    public static let lineReach = 4096

    public let patterns: [MatchPattern]
    private let compiled: [LazyPattern]
    private let automaton: KeywordAutomaton
    /// Keyword index → patterns that use it.
    private let keywordPatterns: [[Int32]]
    /// Gated patterns without keywords that run from the start of a buffer.
    private let startPatterns: [Int]

    /// Builds the matcher. With `eager`, every pattern is compiled now and the first failure
    /// is thrown with its index; otherwise patterns compile on first use.
    public init(patterns: [MatchPattern], eager: Bool = false) throws(MatcherError) {
        self.patterns = patterns
        compiled = patterns.map(LazyPattern.init)
        var index: [String: Int] = [:]
        var keywords: [String] = []
        var users: [[Int32]] = []
        for (p, spec) in patterns.enumerated() {
            for kw in Set(spec.keywords.map { String(decoding: $0.utf8.map(KeywordAutomaton.fold), as: UTF8.self) })
            where !kw.isEmpty {
                if let k = index[kw] { users[k].append(Int32(p)) } else {
                    index[kw] = keywords.count
                    keywords.append(kw)
                    users.append([Int32(p)])
                }
            }
        }
        automaton = KeywordAutomaton(keywords: keywords)
        keywordPatterns = users
        startPatterns = patterns.indices.filter { patterns[$0].fromStart && patterns[$0].pathGated && patterns[$0].keywords.isEmpty }
        if eager {
            for (i, lazy) in compiled.enumerated() {
                if case .failure(let e) = lazy.get() { throw MatcherError(pattern: i, error: e) }
            }
        }
    }

    /// Compiles pattern `index` now (if not yet) and reports a failure.
    public func compileError(of index: Int) -> PatternError? {
        if case .failure(let e) = compiled[index].get() { return e }
        return nil
    }

    /// Scans `buffer` and returns its matches in order of secret start.
    public func scan(_ buffer: UnsafeBufferPointer<UInt8>, workspace: MatchWorkspace) -> MatchResult {
        var result = MatchResult()
        guard let base = buffer.baseAddress, buffer.count > 0 else { return result }
        let count = buffer.count
        if workspace.lastWindowEnd.count != patterns.count {
            workspace.lastWindowEnd = [Int](repeating: -1, count: patterns.count)
            workspace.lastWindowIndex = [Int](repeating: 0, count: patterns.count)
        } else {
            for i in workspace.lastWindowEnd.indices { workspace.lastWindowEnd[i] = -1 }
        }
        workspace.windows.removeAll(keepingCapacity: true)
        let lengths = automaton.keywordLengths
        automaton.forEachHit(in: buffer) { keyword, end in
            let start = end - lengths[keyword]
            for p32 in keywordPatterns[keyword] {
                let p = Int(p32)
                let spec = patterns[p]
                if spec.pathGated && !workspace.gateOpen(p) { continue }
                if end <= workspace.lastWindowEnd[p] {
                    // Inside the pattern's current window. A multi-line window grows so that a
                    // match starting at this hit still fits.
                    if spec.multiline {
                        let i = workspace.lastWindowIndex[p]
                        let grown = min(count, end + spec.window)
                        if grown > workspace.windows[i].end {
                            workspace.windows[i].end = grown
                            workspace.lastWindowEnd[p] = grown
                        }
                    }
                    continue
                }
                let wStart = Matcher.lineStart(base, before: start)
                let wEnd = spec.multiline
                    ? min(count, end + spec.window)
                    : Matcher.lineEnd(base, count: count, after: end)
                workspace.lastWindowIndex[p] = workspace.windows.count
                workspace.windows.append((Int32(p), wStart, wEnd))
                workspace.lastWindowEnd[p] = wEnd
            }
        }
        for p in startPatterns where workspace.gateOpen(p) {
            workspace.windows.append((Int32(p), 0, min(count, patterns[p].window)))
        }
        searchWindows(base: base, count: count, workspace: workspace, into: &result)
        if result.matches.count > 1 {
            result.matches.sort { ($0.secret.lowerBound, $0.pattern, $0.secret.upperBound) < ($1.secret.lowerBound, $1.pattern, $1.secret.upperBound) }
            var unique: [RawMatch] = []
            unique.reserveCapacity(result.matches.count)
            for m in result.matches where unique.last.map({ $0.pattern != m.pattern || $0.secret != m.secret }) ?? true {
                unique.append(m)
            }
            result.matches = unique
        }
        return result
    }

    /// Runs each pattern over its windows, one pattern at a time (windows were found in order
    /// of position; they are grouped by pattern, in order, with a counting sort). A pattern that
    /// hits the match limit `maxLimitHits` times, or whose windows have taken its time budget
    /// (`MatchWorkspace.budget`) of CPU time (read every `clockEvery` regex calls, and after each limit hit), is
    /// suspended: its remaining windows are counted, not searched. One problem per pattern.
    private func searchWindows(base: UnsafePointer<UInt8>, count: Int, workspace: MatchWorkspace, into result: inout MatchResult) {
        let windows = workspace.windows
        guard !windows.isEmpty else { return }
        // Counting sort by pattern into `workspace.order`.
        var starts = workspace.patternStarts
        if starts.count != patterns.count + 1 { starts = [Int](repeating: 0, count: patterns.count + 1) }
        else { for i in starts.indices { starts[i] = 0 } }
        for w in windows { starts[Int(w.pattern) + 1] += 1 }
        for i in 1..<starts.count { starts[i] += starts[i - 1] }
        var next = starts
        workspace.order.removeAll(keepingCapacity: true)
        workspace.order.append(contentsOf: repeatElement(0, count: windows.count))
        for (i, w) in windows.enumerated() {
            workspace.order[next[Int(w.pattern)]] = Int32(i)
            next[Int(w.pattern)] += 1
        }
        workspace.patternStarts = starts
        let seconds = workspace.budget(forBytes: count)
        let budget = UInt64(max(0, seconds) * 1e9)
        for p in 0..<patterns.count where starts[p + 1] > starts[p] {
            guard case .success(let cp) = compiled[p].get() else { continue }
            let from = starts[p], to = starts[p + 1]
            let began = Matcher.threadNanoseconds()
            var calls = 0, nextCheck = MatchWorkspace.clockEvery
            var hits = 0, lastMessage = ""
            var suspended: SuspendedPattern.Reason?
            var k = from
            while k < to {
                let w = windows[Int(workspace.order[k])]
                k += 1
                let outcome = search(cp, patternIndex: p, base: base, window: w.start..<w.end, workspace: workspace, into: &result)
                calls += outcome.calls
                var check = calls >= nextCheck
                if let message = outcome.limitHit {
                    hits += 1; lastMessage = message; check = true
                    if hits >= workspace.maxLimitHits { suspended = .matchLimit }
                }
                if suspended == nil && check {
                    nextCheck = calls + MatchWorkspace.clockEvery
                    if Matcher.threadNanoseconds() &- began > budget { suspended = .timeBudget }
                }
                if suspended != nil { break }
            }
            let skipped = to - k
            if let reason = suspended {
                result.suspended.append(SuspendedPattern(pattern: p, reason: reason, limitHits: hits, windowsSkipped: skipped))
                let cause = reason == .matchLimit
                    ? "hit the match limit \(hits) times (\(lastMessage))"
                    : "ran out of its time budget (\((seconds * 10).rounded() / 10) s of CPU for this buffer)" + (hits > 0 ? " after \(hits) match-limit hits" : "")
                result.problems.append(MatchProblem(pattern: p, message:
                    "\(cause); suspended for the rest of the buffer: \(skipped) more keyword window\(skipped == 1 ? "" : "s") (about a line each) not searched"))
            } else if hits > 0 {
                result.problems.append(MatchProblem(pattern: p, message: hits == 1 ? lastMessage : "\(lastMessage) (\(hits) times)"))
            }
        }
    }

    /// The calling thread's CPU time in nanoseconds: what a pattern costs, however busy the
    /// machine (wall time would charge a rule for the other threads' work on a loaded machine).
    /// Read every `clockEvery` regex calls, so its cost (well under a microsecond) is spread thin.
    @inline(__always)
    static func threadNanoseconds() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return UInt64(t.tv_sec) &* 1_000_000_000 &+ UInt64(t.tv_nsec)
    }

    /// Searches one window; returns how many regex calls it made, and PCRE2's message when one
    /// hit a limit (the rest of the window is then not searched).
    @inline(__always)
    private func search(_ cp: CompiledPattern, patternIndex p: Int, base: UnsafePointer<UInt8>,
                        window: Range<Int>, workspace: MatchWorkspace, into result: inout MatchResult) -> (calls: Int, limitHit: String?) {
        let spec = patterns[p]
        var from = window.lowerBound
        var calls = 0
        while from < window.upperBound {
            let ov: UnsafeMutablePointer<Int>
            calls += 1
            do {
                guard let o = try cp.pattern.firstMatch(in: base, end: window.upperBound, from: from, workspace: workspace)
                else { return (calls, nil) }
                ov = o
            } catch {
                return (calls, error.message)
            }
            let ms = ov[0], me = ov[1]
            from = me > ms ? me : me + 1
            let ss = ov[2 * cp.secretGroup], se = ov[2 * cp.secretGroup + 1]
            guard ss >= 0, se > ss else { continue }
            let secret = UnsafeBufferPointer(start: base + ss, count: se - ss)
            let entropy = Entropy.shannon(secret, histogram: &workspace.histogram)
            if let min = spec.minEntropy, entropy < min { continue }
            if spec.placeholderCheck && Placeholder.isPlaceholder(secret) { continue }
            result.matches.append(RawMatch(pattern: p, match: ms..<me, secret: ss..<se, entropy: entropy))
        }
        return (calls, nil)
    }

    /// Start of the line holding `offset`, looking back at most `lineReach` bytes.
    @inline(__always)
    static func lineStart(_ base: UnsafePointer<UInt8>, before offset: Int) -> Int {
        var i = offset
        let limit = max(0, offset - lineReach)
        while i > limit {
            let b = base[i - 1]
            if b == 0x0A || b == 0x0D { return i }
            i -= 1
        }
        return i
    }

    /// End of the line holding `offset` (exclusive), looking ahead at most `lineReach` bytes.
    @inline(__always)
    static func lineEnd(_ base: UnsafePointer<UInt8>, count: Int, after offset: Int) -> Int {
        var i = offset
        let limit = min(count, offset + lineReach)
        while i < limit {
            let b = base[i]
            if b == 0x0A || b == 0x0D { return i }
            i += 1
        }
        return i
    }
}

/// A pattern failed to compile.
public struct MatcherError: Error, CustomStringConvertible {
    /// Index of the pattern in the list given to the matcher.
    public let pattern: Int
    public let error: PatternError
    public var description: String { "pattern \(pattern): \(error)" }
}

extension Matcher {
    /// Compiles one pattern and resolves its secret group, reporting what is wrong.
    public static func validate(_ spec: MatchPattern) throws(PatternError) -> Int {
        try LazyPattern.compile(spec).secretGroup
    }
}
