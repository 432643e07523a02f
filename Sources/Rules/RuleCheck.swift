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
        failures += pairProblems(rules, all: whole?.rules ?? rules)
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

    /// `[[rule.pair]]` tables that name no rule of `all`, the rule itself, or a rule that is
    /// itself a secret half (a pair joins one secret with its identifiers, not two secrets).
    public static func pairProblems(_ rules: [Rule], all: [Rule]) -> [Failure] {
        let ids = Set(all.map(\.id))
        let halves = Set(all.filter { !$0.pairs.isEmpty }.map(\.id))
        var failures: [Failure] = []
        for rule in rules {
            var seen = Set<String>()
            for pair in rule.pairs {
                for id in pair.rules {
                    func fail(_ m: String) { failures.append(Failure(rule: rule.id, location: rule.origin, message: m)) }
                    if id == rule.id { fail("pair '\(pair.role)' names the rule itself"); continue }
                    if !ids.contains(id) { fail("pair '\(pair.role)' names no rule '\(id)'"); continue }
                    if halves.contains(id) { fail("pair '\(pair.role)' names '\(id)', which declares pairs of its own"); continue }
                    if !seen.insert(id).inserted { fail("pair names '\(id)' twice") }
                }
            }
        }
        return failures
    }

    static func secrets(_ matcher: Matcher, _ text: String, _ ws: MatchWorkspace) -> [Range<Int>] {
        Array(text.utf8).withUnsafeBufferPointer { matcher.scan($0, workspace: ws).matches.map(\.secret) }
    }

    static func excerpt(_ s: String) -> String {
        let flat = s.replacingOccurrences(of: "\n", with: "\\n")
        return flat.count > 80 ? String(flat.prefix(77)) + "..." : flat
    }
}

extension RuleCheck {
    /// Advice, not failures: each rule whose regex has a shape that backtracks exponentially
    /// on text that almost matches (see `backtrackingRisk`). The matcher bounds what such a rule
    /// costs (match limit, suspension, time budget), but the rule then misses secrets.
    public static func warnings(_ rules: [Rule]) -> [Failure] {
        rules.compactMap { rule in
            backtrackingRisk(in: rule.regex).map { Failure(rule: rule.id, location: rule.origin, message: "regex: \($0)") }
        }
    }

    /// Why `regex` may backtrack catastrophically, or nil: a group repeated without bound
    /// (`+`, `*`, `{n,}`) that holds an unbounded quantifier itself (`(a+)+`, `(\w+\s?)*`), or
    /// alternatives that can start with the same text (`(a|aa)+`). Possessive quantifiers and
    /// atomic groups do not backtrack and are left alone. A reading of the source, not a proof.
    public static func backtrackingRisk(in regex: String) -> String? {
        let b = Array(regex.utf8)
        struct Group {
            var start: Int
            var atomic: Bool
            var innerUnbounded = false
            var alternativeStarts: [[UInt8]] = []
            var atAlternativeStart = true
            /// The atoms repeated without bound directly inside (nil once a group is among them).
            var unboundedAtoms: [[UInt8]]? = []
            /// The last atom, and whether a quantifier follows it.
            var last: [UInt8] = []
            var lastQuantified = false
            var hasAlternation = false
        }
        var stack: [Group] = [Group(start: 0, atomic: false)]
        var i = 0
        var lastAtom: [UInt8] = []
        /// The quantifier at `j`: its length, whether unbounded and whether possessive.
        func quantifier(at j: Int) -> (length: Int, unbounded: Bool, possessive: Bool)? {
            guard j < b.count else { return nil }
            var k = j
            var unbounded = false
            switch b[j] {
            case UInt8(ascii: "+"), UInt8(ascii: "*"): unbounded = true; k += 1
            case UInt8(ascii: "?"): k += 1
            case UInt8(ascii: "{"):
                guard let close = b[j...].firstIndex(of: UInt8(ascii: "}")) else { return nil }
                let body = b[(j + 1)..<close]
                guard !body.isEmpty, body.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: ",") }) else { return nil }
                unbounded = body.last == UInt8(ascii: ",")
                k = close + 1
            default: return nil
            }
            var possessive = false
            if k < b.count && b[k] == UInt8(ascii: "+") { possessive = true; k += 1 } else if k < b.count && b[k] == UInt8(ascii: "?") { k += 1 }
            return (k - j, unbounded, possessive)
        }
        func noteAtom(_ atom: [UInt8]) {
            lastAtom = atom
            stack[stack.count - 1].last = atom
            stack[stack.count - 1].lastQuantified = false
            if stack[stack.count - 1].atAlternativeStart {
                stack[stack.count - 1].alternativeStarts.append(atom)
                stack[stack.count - 1].atAlternativeStart = false
            }
        }
        /// Whether each repetition of `group` ends with a literal none of its repeated atoms can
        /// match (`([a-z0-9-]+\.)+`): the literal then splits the text one way only.
        func separated(_ group: Group) -> Bool {
            guard !group.hasAlternation, !group.lastQuantified, let atoms = group.unboundedAtoms, !atoms.isEmpty,
                  let literal = literalByte(group.last) else { return false }
            return atoms.allSatisfy { !RuleCheck.atom($0, mayMatch: literal) }
        }
        while i < b.count {
            let c = b[i]
            switch c {
            case UInt8(ascii: "\\"):
                if i + 1 < b.count && b[i + 1] == UInt8(ascii: "Q") {   // \Q...\E: literal
                    var j = i + 2
                    while j + 1 < b.count && !(b[j] == UInt8(ascii: "\\") && b[j + 1] == UInt8(ascii: "E")) { j += 1 }
                    if i + 2 < b.count { noteAtom([b[i + 2]]) }
                    i = min(b.count, j + 2)
                    continue
                }
                noteAtom(Array(b[i..<min(b.count, i + 2)]))
                i += 2
            case UInt8(ascii: "["):
                var j = i + 1
                if j < b.count && b[j] == UInt8(ascii: "^") { j += 1 }
                if j < b.count && b[j] == UInt8(ascii: "]") { j += 1 }
                while j < b.count && b[j] != UInt8(ascii: "]") { j += b[j] == UInt8(ascii: "\\") ? 2 : 1 }
                noteAtom(Array(b[i..<min(b.count, j + 1)]))
                i = j + 1
            case UInt8(ascii: "("):
                let rest = b[(i + 1)...]
                if rest.starts(with: "?#".utf8) {   // a comment
                    i = b[i...].firstIndex(of: UInt8(ascii: ")")).map { $0 + 1 } ?? b.count
                    continue
                }
                if stack[stack.count - 1].atAlternativeStart { stack[stack.count - 1].atAlternativeStart = false }
                stack.append(Group(start: i, atomic: rest.starts(with: "?>".utf8)))
                // Skip the group's opening syntax: (?:  (?<name>  (?P<name>  (?'name'  (?=  (?i) ...
                var j = i + 1
                if j < b.count && b[j] == UInt8(ascii: "?") {
                    j += 1
                    if j < b.count && (b[j] == UInt8(ascii: "<") || b[j] == UInt8(ascii: "P") || b[j] == UInt8(ascii: "'")) {
                        if b[j] == UInt8(ascii: "P") { j += 1 }
                        if j + 1 < b.count && b[j] == UInt8(ascii: "<") && (b[j + 1] == UInt8(ascii: "=") || b[j + 1] == UInt8(ascii: "!")) {
                            j += 2   // (?<= (?<!
                        } else if let end = b[(j + 1)...].firstIndex(where: { $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "'") }) {
                            j = end + 1
                        }
                    } else {
                        while j < b.count && b[j] != UInt8(ascii: ":") && b[j] != UInt8(ascii: ")") && b[j] != UInt8(ascii: "(") { j += 1 }
                        if j < b.count && b[j] == UInt8(ascii: ":") { j += 1 }
                    }
                }
                i = j
            case UInt8(ascii: ")"):
                guard stack.count > 1 else { i += 1; continue }
                let group = stack.removeLast()
                i += 1
                lastAtom = Array(b[group.start..<i])
                if let q = quantifier(at: i) {
                    if q.unbounded && !q.possessive && !group.atomic {
                        let text = String(decoding: b[group.start..<(i + q.length)], as: UTF8.self)
                        if group.innerUnbounded && !separated(group) {
                            return "nested quantifiers in '\(text)': a repeated group that repeats inside backtracks exponentially on text that almost matches (make the inner or outer quantifier possessive, e.g. '++', or the group atomic, '(?>...)')"
                        }
                        let starts = group.alternativeStarts
                        if starts.count > 1, Set(starts.map { $0 }).count < starts.count || starts.contains([UInt8(ascii: ".")]) {
                            return "alternatives that can match the same text in repeated group '\(text)' backtrack exponentially on text that almost matches (make them exclusive, or the group atomic, '(?>...)')"
                        }
                    }
                    if q.unbounded && !q.possessive {
                        stack[stack.count - 1].innerUnbounded = true
                        stack[stack.count - 1].unboundedAtoms = nil
                    }
                    if group.innerUnbounded && !group.atomic { stack[stack.count - 1].innerUnbounded = true; stack[stack.count - 1].unboundedAtoms = nil }
                    stack[stack.count - 1].last = lastAtom
                    stack[stack.count - 1].lastQuantified = true
                    i += q.length
                    continue
                }
                if group.innerUnbounded && !group.atomic { stack[stack.count - 1].innerUnbounded = true; stack[stack.count - 1].unboundedAtoms = nil }
                stack[stack.count - 1].last = lastAtom
                stack[stack.count - 1].lastQuantified = false
                continue
            case UInt8(ascii: "|"):
                stack[stack.count - 1].atAlternativeStart = true
                stack[stack.count - 1].hasAlternation = true
                i += 1
                continue
            case UInt8(ascii: "+"), UInt8(ascii: "*"), UInt8(ascii: "?"), UInt8(ascii: "{"):
                if let q = quantifier(at: i), !lastAtom.isEmpty {
                    if q.unbounded && !q.possessive {
                        stack[stack.count - 1].innerUnbounded = true
                        stack[stack.count - 1].unboundedAtoms?.append(lastAtom)
                    }
                    stack[stack.count - 1].lastQuantified = true
                    i += q.length
                } else {
                    noteAtom([c]); i += 1
                }
                continue
            case UInt8(ascii: "^"), UInt8(ascii: "$"):
                lastAtom = []
                i += 1
                continue
            default:
                noteAtom([c])
                i += 1
            }
        }
        return nil
    }

    /// The byte a one-byte literal atom (`x`, `\.`) stands for.
    static func literalByte(_ atom: [UInt8]) -> UInt8? {
        if atom.count == 1, ![UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "$")].contains(atom[0]) { return atom[0] }
        if atom.count == 2, atom[0] == UInt8(ascii: "\\"), !isAlnum(atom[1]) { return atom[1] }
        return nil
    }

    static func isAlnum(_ c: UInt8) -> Bool {
        (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
    }

    /// Whether the atom `atom` (a literal, `.`, an escape or a bracket class) may match `byte`;
    /// true when unsure.
    static func atom(_ atom: [UInt8], mayMatch byte: UInt8) -> Bool {
        func escape(_ e: UInt8) -> Bool {
            switch e {
            case UInt8(ascii: "w"): return isAlnum(byte) || byte == UInt8(ascii: "_")
            case UInt8(ascii: "d"): return byte >= 48 && byte <= 57
            case UInt8(ascii: "s"): return [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D].contains(byte)
            case _ where !isAlnum(e): return e == byte
            default: return true   // \W, \S, \p{..}, ...: unsure
            }
        }
        guard let first = atom.first else { return true }
        if atom.count == 1 { return first == UInt8(ascii: ".") ? byte != 0x0A : first == byte }
        if first == UInt8(ascii: "\\") { return atom.count == 2 ? escape(atom[1]) : true }
        guard first == UInt8(ascii: "["), atom.last == UInt8(ascii: "]"), atom.count >= 3 else { return true }
        var body = Array(atom[1..<(atom.count - 1)])
        if body.first == UInt8(ascii: "^") { return true }
        var k = 0
        var items: [(UInt8, UInt8)] = []
        while k < body.count {
            var lo = body[k]
            if lo == UInt8(ascii: "\\") && k + 1 < body.count {
                let e = body[k + 1]
                if isAlnum(e) { if escape(e) { return true }; k += 2; continue }
                lo = e; k += 1
            } else if lo == UInt8(ascii: "[") && k + 1 < body.count && body[k + 1] == UInt8(ascii: ":") {
                return true   // [:alpha:]: unsure
            }
            if k + 2 < body.count && body[k + 1] == UInt8(ascii: "-") && body[k + 2] != UInt8(ascii: "]") {
                var hi = body[k + 2]
                if hi == UInt8(ascii: "\\") && k + 3 < body.count { hi = body[k + 3]; k += 1 }
                items.append((lo, hi)); k += 3
            } else {
                items.append((lo, lo)); k += 1
            }
        }
        body.removeAll()
        return items.contains { byte >= $0.0 && byte <= $0.1 }
    }
}
