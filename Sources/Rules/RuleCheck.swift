import Foundation
import Match
import Vocabulary

/// Runs every rule's examples. Alone: each positive example must yield a finding of its rule
/// (at the marked secret, when the example marks it), no negative example may. Then with the
/// whole rule set, as a scan runs them: each positive example must still come out under its own
/// rule, so precedence between rules is tested too. Counts all failures instead of stopping.
/// A path-only rule's examples are paths that must meet its condition (and, in the whole set,
/// come out under it), its negative examples paths that must not; a rule with a path and a regex
/// has its content examples checked as if in the file at its first `path_examples` entry.
public enum RuleCheck {
    public struct Failure: Sendable, CustomStringConvertible {
        public var rule: String
        public var location: SourceLocation
        public var message: String
        public var description: String { "\(location): rule '\(rule)': \(message)" }
    }

    /// Checks `rules` one by one (each alone, so precedence does not hide a rule's own
    /// behaviour), then every positive example against `set` (default: the same rules together).
    public static func run(_ rules: [Rule], set: RuleSet? = nil) -> (checked: Int, failures: [Failure]) {
        var failures: [Failure] = []
        var checked = 0
        let ws = MatchWorkspace()
        // Examples that failed alone are not reported again by the whole-set pass.
        var failedAlone = Set<String>()
        let whole = set ?? (try? RuleSet(rules: rules))
        for rule in rules {
            if rule.pathOnly {
                checked += checkPathOnly(rule, set: whole, failures: &failures, ws)
                continue
            }
            if rule.path != nil { checked += checkPaths(rule, failures: &failures, ws) }
            let matcher: Matcher
            do { matcher = try Matcher(patterns: [rule.matchPattern], eager: true) } catch {
                failures.append(Failure(rule: rule.id, location: rule.origin, message: "regex: \(error.error)"))
                continue
            }
            func fail(_ message: String) { failures.append(Failure(rule: rule.id, location: rule.origin, message: message)) }
            // Alone, the rule's gate is open: its examples are content of a file its path names.
            ws.openGates = [rule.path != nil]
            if rule.examples.isEmpty { fail("no positive examples") }
            for (i, text) in rule.examples.enumerated() {
                checked += 1
                let example = text
                let marked = rule.exampleSecrets[i]
                // Behind a multi-byte prefix too, to catch offset bugs.
                let shift = "ünïcødé → ".utf8.count
                // (Not for a rule that runs from the start of a file: it may anchor there.)
                let variants = rule.matchPattern.fromStart ? [(text, 0)] : [(text, 0), ("ünïcødé → \(text)", shift)]
                for (prefixed, offset) in variants {
                    let secrets = self.secrets(matcher, prefixed, ws)
                    if secrets.isEmpty {
                        failedAlone.insert("\(rule.id) \(i)")
                        fail("example \(i + 1) yields no finding: \(excerpt(example))")
                        break
                    }
                    if let marked, !secrets.contains(marked.lowerBound + offset..<marked.upperBound + offset) {
                        failedAlone.insert("\(rule.id) \(i)")
                        let got = secrets.map { String(decoding: Array(prefixed.utf8)[$0], as: UTF8.self) }
                        fail("example \(i + 1): the secret is not the marked «…» part (found \(got.map { "'\(excerpt($0))'" }.joined(separator: ", ")))")
                        break
                    }
                }
            }
            for (i, example) in rule.negativeExamples.enumerated() {
                checked += 1
                if !secrets(matcher, example, ws).isEmpty {
                    fail("negative example \(i + 1) yields a finding: \(excerpt(example))")
                }
            }
        }
        if let whole {
            for rule in rules where !rule.pathOnly {
                // As in a scan: the gates the file's path opens (none for a rule without a path).
                whole.paths.openGates(for: rule.pathExamples.first, in: ws)
                for (i, example) in rule.examples.enumerated() where !failedAlone.contains("\(rule.id) \(i)") {
                    let marked = rule.exampleSecrets[i]
                    let text = example
                    let found = Array(text.utf8).withUnsafeBufferPointer { whole.scan($0, workspace: ws).matches }
                    let own = found.filter { whole.rules[$0.pattern].id == rule.id }
                    if own.isEmpty || (marked != nil && !own.contains { $0.secret == marked }) {
                        let others = Set(found.map { whole.rules[$0.pattern].id }).sorted()
                        failures.append(Failure(rule: rule.id, location: rule.origin, message:
                            "example \(i + 1) comes out under \(others.isEmpty ? "no rule" : others.map { "'\($0)'" }.joined(separator: ", ")) in the whole rule set (precedence): \(excerpt(example))"))
                    }
                }
            }
        }
        return (checked, failures)
    }

    /// A path-only rule: each example a path its condition matches (and, in `set`, no other
    /// path-only rule takes first), each negative example a path it does not.
    static func checkPathOnly(_ rule: Rule, set: RuleSet?, failures: inout [Failure], _ ws: MatchWorkspace) -> Int {
        func fail(_ message: String) { failures.append(Failure(rule: rule.id, location: rule.origin, message: message)) }
        let pattern: Pattern
        do { pattern = try Pattern.path(rule.path ?? "") } catch {
            fail("path: \(error)")
            return 0
        }
        if rule.examples.isEmpty { fail("no positive examples") }
        for (i, path) in rule.examples.enumerated() {
            if !pattern.matches(path: path, workspace: ws) {
                fail("example \(i + 1) is a path the condition does not match: \(excerpt(path))")
            } else if let set, let own = set.rules.firstIndex(where: { $0.id == rule.id }),
                      let first = set.paths.pathOnlyRule(for: path, workspace: ws), first != own {
                fail("example \(i + 1) comes out under '\(set.rules[first].id)' in the whole rule set (precedence): \(excerpt(path))")
            }
        }
        for (i, path) in rule.negativeExamples.enumerated() where pattern.matches(path: path, workspace: ws) {
            fail("negative example \(i + 1) is a path the condition matches: \(excerpt(path))")
        }
        return rule.examples.count + rule.negativeExamples.count
    }

    /// A rule with a path and a regex: its path examples meet the condition, its negative path
    /// examples do not.
    static func checkPaths(_ rule: Rule, failures: inout [Failure], _ ws: MatchWorkspace) -> Int {
        func fail(_ message: String) { failures.append(Failure(rule: rule.id, location: rule.origin, message: message)) }
        guard let pattern = try? Pattern.path(rule.path ?? "") else { fail("path: does not compile"); return 0 }
        for (i, path) in rule.pathExamples.enumerated() where !pattern.matches(path: path, workspace: ws) {
            fail("path example \(i + 1) is a path the condition does not match: \(excerpt(path))")
        }
        for (i, path) in rule.negativePathExamples.enumerated() where pattern.matches(path: path, workspace: ws) {
            fail("negative path example \(i + 1) is a path the condition matches: \(excerpt(path))")
        }
        return rule.pathExamples.count + rule.negativePathExamples.count
    }

    static func secrets(_ matcher: Matcher, _ text: String, _ ws: MatchWorkspace) -> [Range<Int>] {
        Array(text.utf8).withUnsafeBufferPointer { matcher.scan($0, workspace: ws).matches.map(\.secret) }
    }

    static func excerpt(_ s: String) -> String {
        let flat = s.replacingOccurrences(of: "\n", with: "\\n")
        return flat.count > 80 ? String(flat.prefix(77)) + "..." : flat
    }
}
