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
    }

    /// Whether any rule reports files by path alone.
    public var hasPathOnlyRules: Bool { !pathOnly.isEmpty }

    /// The path-only rule that names `path`: of those whose condition matches, the highest
    /// precedence, then the smallest id (one finding a file, as one secret is one finding).
    public func pathOnlyRule(for path: String, workspace: MatchWorkspace) -> Int? {
        pathOnly.first { $0.pattern.matches(path: path, workspace: workspace) }?.rule
    }

    /// Opens in `workspace` the gates of the content rules whose condition `path` meets and
    /// closes the others: what the workspace scans next belongs to that file. A nil path (bytes
    /// of no known file) closes them all.
    public func openGates(for path: String?, in workspace: MatchWorkspace) {
        guard !gated.isEmpty else { return }
        if workspace.openGates.count != ruleCount { workspace.openGates = [Bool](repeating: false, count: ruleCount) }
        for g in gated {
            workspace.openGates[g.rule] = path.map { g.pattern.matches(path: $0, workspace: workspace) } ?? false
        }
    }
}
