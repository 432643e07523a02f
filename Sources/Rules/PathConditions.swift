import Match

/// The `path` conditions of a rule set, compiled once: which path-only rule names a file, and
/// which content rules with a path may run on it. Paths are the ones below the scan root,
/// `/`-separated; the patterns are case-insensitive (see `Pattern.path`). Shared read-only by the
/// workers; each brings its own `MatchWorkspace`.
public struct PathConditions: Sendable {
    struct Condition: Sendable {
        let rule: Int
        let pattern: Pattern
    }

    /// Path-only rules, best first: higher precedence, then smaller id.
    let pathOnly: [Condition]
    /// Content rules with a path condition.
    let gated: [Condition]
    let ruleCount: Int
    /// One pattern that matches where any of `pathOnly` (`gated`) does: a single match call
    /// rules out the many paths none names, before each condition is tried. Nil when the
    /// conditions cannot be joined safely (back-references, recursion, verbs).
    let anyPathOnly: Pattern?
    let anyGated: Pattern?

    init(rules: [Rule]) throws(RuleSetError) {
        var only: [Condition] = [], gated: [Condition] = [], errors: [RuleFileError] = []
        for (i, rule) in rules.enumerated() {
            guard let source = rule.path else { continue }
            do {
                let condition = Condition(rule: i, pattern: try Pattern.path(source))
                if rule.pathOnly { only.append(condition) } else { gated.append(condition) }
            } catch {
                errors.append(RuleFileError(rule.origin, "rule '\(rule.id)': path: \(error)"))
            }
        }
        guard errors.isEmpty else { throw RuleSetError(errors: errors) }
        pathOnly = only.sorted {
            let a = rules[$0.rule], b = rules[$1.rule]
            return a.precedence != b.precedence ? a.precedence > b.precedence : a.id < b.id
        }
        self.gated = gated
        ruleCount = rules.count
        anyPathOnly = PathConditions.union(pathOnly.map { rules[$0.rule].path ?? "" })
        anyGated = PathConditions.union(gated.map { rules[$0.rule].path ?? "" })
    }

    /// The alternation of `sources`, or nil when there are fewer than two or one of them uses a
    /// construct whose meaning depends on its place in the pattern (group numbers, recursion,
    /// verbs, `\K`) or the union does not compile (two groups of one name).
    static func union(_ sources: [String]) -> Pattern? {
        guard sources.count > 1 else { return nil }
        let unsafe = try! Pattern(#"\\[1-9gkK]|\(\?(?:[0-9R&C]|P[=>]|[+-][0-9])|\(\*"#)
        let extended = try! Pattern(#"\(\?[a-zA-Z^-]*x"#)
        guard !sources.contains(where: unsafe.matches) else { return nil }
        // A `(?x)` source may end in a comment: a newline (space there) ends it before the `)`.
        return try? Pattern.path(sources.map { "(?:" + $0 + (extended.matches($0) ? "\n)" : ")") }.joined(separator: "|"))
    }

    /// Whether any rule reports files by path alone.
    public var hasPathOnlyRules: Bool { !pathOnly.isEmpty }

    /// The path-only rule that names `path`: of those whose condition matches, the highest
    /// precedence, then the smallest id (one finding a file, as one secret is one finding).
    public func pathOnlyRule(for path: String, workspace: MatchWorkspace) -> Int? {
        if let any = anyPathOnly, !any.matches(path: path, workspace: workspace) { return nil }
        return pathOnly.first { $0.pattern.matches(path: path, workspace: workspace) }?.rule
    }

    /// Opens in `workspace` the gates of the content rules whose condition `path` meets and
    /// closes the others: what the workspace scans next belongs to that file. A nil path (bytes
    /// of no known file) closes them all.
    public func openGates(for path: String?, in workspace: MatchWorkspace) {
        guard !gated.isEmpty else { return }
        if workspace.openGates.count != ruleCount { workspace.openGates = [Bool](repeating: false, count: ruleCount) }
        let some = path.map { p in anyGated.map { $0.matches(path: p, workspace: workspace) } ?? true } ?? false
        for g in gated {
            workspace.openGates[g.rule] = some && g.pattern.matches(path: path!, workspace: workspace)
        }
    }
}
