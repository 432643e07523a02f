import Foundation
import Match
import Vocabulary

/// Runs every rule's examples: each positive example must yield a finding of its rule, no
/// negative example may. Counts all failures instead of stopping at the first.
public enum RuleCheck {
    public struct Failure: Sendable, CustomStringConvertible {
        public var rule: String
        public var location: SourceLocation
        public var message: String
        public var description: String { "\(location): rule '\(rule)': \(message)" }
    }

    /// Checks `rules` one by one (each alone, so precedence does not hide a rule's own behaviour).
    public static func run(_ rules: [Rule]) -> (checked: Int, failures: [Failure]) {
        var failures: [Failure] = []
        var checked = 0
        let ws = MatchWorkspace()
        for rule in rules {
            let matcher: Matcher
            do { matcher = try Matcher(patterns: [rule.matchPattern], eager: true) } catch {
                failures.append(Failure(rule: rule.id, location: rule.origin, message: "regex: \(error.error)"))
                continue
            }
            if rule.examples.isEmpty {
                failures.append(Failure(rule: rule.id, location: rule.origin, message: "no positive examples"))
            }
            for (i, example) in rule.examples.enumerated() {
                checked += 1
                // Behind a multi-byte prefix too, to catch offset bugs.
                for text in [example, "ünïcødé → \(example)"] {
                    let hits = count(matcher, text, ws)
                    if hits == 0 {
                        failures.append(Failure(rule: rule.id, location: rule.origin,
                                                message: "example \(i + 1) yields no finding: \(excerpt(example))"))
                        break
                    }
                }
            }
            for (i, example) in rule.negativeExamples.enumerated() {
                checked += 1
                if count(matcher, example, ws) > 0 {
                    failures.append(Failure(rule: rule.id, location: rule.origin,
                                            message: "negative example \(i + 1) yields a finding: \(excerpt(example))"))
                }
            }
        }
        return (checked, failures)
    }

    static func count(_ matcher: Matcher, _ text: String, _ ws: MatchWorkspace) -> Int {
        Array(text.utf8).withUnsafeBufferPointer { matcher.scan($0, workspace: ws).matches.count }
    }

    static func excerpt(_ s: String) -> String {
        let flat = s.replacingOccurrences(of: "\n", with: "\\n")
        return flat.count > 80 ? String(flat.prefix(77)) + "..." : flat
    }
}
