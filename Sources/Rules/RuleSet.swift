import Foundation
import Match
import Vocabulary

/// The compiled rules: one matcher over all of them, shared read-only by the workers. Pattern
/// `i` of the matcher is `rules[i]`, so a `RawMatch`'s and a `MatchProblem`'s `pattern` index
/// the rules.
public final class RuleSet: Sendable {
    public let rules: [Rule]
    public let matcher: Matcher
    /// The rules' path conditions: path-only rules, and the gates of content rules with a path.
    public let paths: PathConditions

    /// Compiles `rules`. Duplicate ids are an error (the later file names the clash).
    public init(rules: [Rule], eager: Bool = false) throws(RuleSetError) {
        var seen: [String: SourceLocation] = [:]
        var errors: [RuleFileError] = []
        for r in rules {
            if let first = seen[r.id] {
                errors.append(RuleFileError(r.origin, "duplicate rule id '\(r.id)' (first defined at \(first))"))
            } else { seen[r.id] = r.origin }
        }
        guard errors.isEmpty else { throw RuleSetError(errors: errors) }
        self.rules = rules
        paths = try PathConditions(rules: rules)
        do {
            matcher = try Matcher(patterns: rules.map(\.matchPattern), eager: eager)
        } catch {
            throw RuleSetError(errors: [RuleFileError(rules[error.pattern].origin, "rule '\(rules[error.pattern].id)': regex: \(error.error)")])
        }
    }

    /// The built-in rules (embedded at build time), plus the rule files at `extraPaths`.
    /// `disabled` ids are left out; each must name a loaded rule (a misspelt id would silently
    /// disable nothing): `disabledAt` says where each was written, for the message.
    public static func load(builtin: Bool = true, extraPaths: [String] = [], disabled: Set<String> = [],
                            disabledAt: [String: SourceLocation] = [:]) throws(RuleSetError) -> RuleSet {
        var rules: [Rule] = []
        var errors: [RuleFileError] = []
        if builtin {
            let (r, e) = BuiltinRules.load()
            rules += r; errors += e
        }
        for path in extraPaths {
            for file in RuleLoader.ruleFiles(at: path) {
                let (r, e) = RuleLoader.load(path: file)
                rules += r; errors += e
            }
        }
        let ids = Set(rules.map(\.id))
        for id in disabled.sorted() where !ids.contains(id) {
            errors.append(RuleFileError(disabledAt[id] ?? SourceLocation(file: "config", line: 0),
                                        "disable_rules names no rule '\(id)'\(didYouMean(id, among: ids))"))
        }
        guard errors.isEmpty else { throw RuleSetError(errors: errors) }
        return try RuleSet(rules: rules.filter { !disabled.contains($0.id) })
    }

    /// Scans a buffer: matches of every rule, the same secret reported once.
    public func scan(_ buffer: UnsafeBufferPointer<UInt8>, workspace: MatchWorkspace) -> MatchResult {
        let result = matcher.scan(buffer, workspace: workspace)
        var kept: [RawMatch] = []
        kept.reserveCapacity(result.matches.count)
        for candidate in result.matches {
            // Matches arrive by secret start: only the latest kept ones can overlap this one.
            var clash: Int?
            for k in stride(from: kept.count - 1, through: max(0, kept.count - 16), by: -1)
            where kept[k].secret.overlaps(candidate.secret) {
                clash = k
                break
            }
            if let c = clash {
                if better(candidate, than: kept[c]) { kept[c] = candidate }
            } else {
                kept.append(candidate)
            }
        }
        return MatchResult(matches: dropDataLines(kept, buffer), problems: result.problems, suspended: result.suspended)
    }

    /// More generic findings than this on one line mark it as data (test vectors, minified
    /// JSON of fixtures), not configuration: the generic ones there are dropped.
    static let genericPerLineLimit = 3

    /// Drops generic-category matches on lines that hold more than `genericPerLineLimit` of them.
    func dropDataLines(_ matches: [RawMatch], _ buffer: UnsafeBufferPointer<UInt8>) -> [RawMatch] {
        let generic = matches.indices.filter { rules[matches[$0].pattern].category == .generic }
        guard generic.count > Self.genericPerLineLimit else { return matches }
        var drop = Set<Int>()
        var run: [Int] = []
        func flush() {
            if run.count > Self.genericPerLineLimit { drop.formUnion(run) }
            run.removeAll()
        }
        for i in generic {
            if let last = run.last {
                let from = matches[last].secret.upperBound, to = matches[i].secret.lowerBound
                let sameLine = from >= to || !buffer[from..<to].contains { $0 == 0x0A || $0 == 0x0D }
                if !sameLine { flush() }
            }
            run.append(i)
        }
        flush()
        guard !drop.isEmpty else { return matches }
        return matches.indices.filter { !drop.contains($0) }.map { matches[$0] }
    }

    /// The more specific of two matches of one secret: higher precedence, longer match, smaller id.
    func better(_ a: RawMatch, than b: RawMatch) -> Bool {
        let ra = rules[a.pattern], rb = rules[b.pattern]
        if ra.precedence != rb.precedence { return ra.precedence > rb.precedence }
        if a.match.count != b.match.count { return a.match.count > b.match.count }
        return ra.id < rb.id
    }
}

/// Rule files that failed to load or compile.
public struct RuleSetError: Error, Sendable, CustomStringConvertible {
    public var errors: [RuleFileError]
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

/// The rules embedded in the binary from the package's `rules/` folder.
public enum BuiltinRules {
    /// Names and texts of the embedded rule files.
    public static var files: [(name: String, text: String)] {
        embeddedRuleFiles.map { ($0.name, String(decoding: Data(base64Encoded: $0.base64) ?? Data(), as: UTF8.self)) }
    }

    /// Parses the embedded files (regexes compile lazily, on first use), on every core: parsing
    /// is most of a pre-commit run's start. The files are ours and checked by the tests, so the
    /// screen for hostile TOML is skipped. Results keep the files' order.
    public static func load() -> (rules: [Rule], errors: [RuleFileError]) {
        let files = self.files
        let results = UnsafeMutableBufferPointer<(rules: [Rule], errors: [RuleFileError])>.allocate(capacity: files.count)
        results.initialize(repeating: ([], []))
        defer { results.deinitialize(); results.deallocate() }
        let slots = SendableSlots(base: results.baseAddress!)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            slots.base[i] = RuleLoader.parse(files[i].text, file: "builtin:rules/\(files[i].name)", compile: false, screen: false)
        }
        var rules: [Rule] = []
        var errors: [RuleFileError] = []
        for r in results { rules += r.rules; errors += r.errors }
        return (rules, errors)
    }
}

/// Disjoint slots written by `concurrentPerform`'s iterations, one each.
private struct SendableSlots<T>: @unchecked Sendable { let base: UnsafeMutablePointer<T> }
