import Foundation
import Match
import Vocabulary

/// Runs every rule's examples. Alone: each positive example must yield a finding of its rule
/// (at the marked secret, when the example marks it), no negative example may. Then with the
/// whole rule set, as a scan runs them: each positive example must still come out under its own
/// rule, so precedence between rules is tested too. Counts all failures instead of stopping.
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
        for rule in rules {
            let matcher: Matcher
            do { matcher = try Matcher(patterns: [rule.matchPattern], eager: true) } catch {
                failures.append(Failure(rule: rule.id, location: rule.origin, message: "regex: \(error.error)"))
                continue
            }
            func fail(_ message: String) { failures.append(Failure(rule: rule.id, location: rule.origin, message: message)) }
            if rule.examples.isEmpty { fail("no positive examples") }
            for (i, text) in rule.examples.enumerated() {
                checked += 1
                let example = text
                let marked = rule.exampleSecrets[i]
                // Behind a multi-byte prefix too, to catch offset bugs.
                let shift = "ünïcødé → ".utf8.count
                for (prefixed, offset) in [(text, 0), ("ünïcødé → \(text)", shift)] {
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
        let whole = set ?? (try? RuleSet(rules: rules))
        if let whole {
            for rule in rules {
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

    static func secrets(_ matcher: Matcher, _ text: String, _ ws: MatchWorkspace) -> [Range<Int>] {
        Array(text.utf8).withUnsafeBufferPointer { matcher.scan($0, workspace: ws).matches.map(\.secret) }
    }

    static func excerpt(_ s: String) -> String {
        let flat = s.replacingOccurrences(of: "\n", with: "\\n")
        return flat.count > 80 ? String(flat.prefix(77)) + "..." : flat
    }
}
