import Match
import Vocabulary

/// What the credential reaches, as the rule file states it.
public struct BlastRadius: Sendable, Equatable, Codable {
    public var level: Level
    public var lifetime: Lifetime
    /// e.g. admin, write, read, spend, model-inference.
    public var capabilities: [Capability]
    /// One sentence: what an attacker can do with it.
    public var impact: String
}

/// A kind of credential within one rule, told by the secret's prefix (`sk_test_` and `rk_test_`
/// of one Stripe rule): the level, lifetime and powers that kind has, so one rule file is the one
/// home of what is known about a provider's credentials.
public struct RuleVariant: Sendable, Equatable {
    /// The secret starts with this.
    public var prefix: String
    /// Replaces the rule's level (default: the rule's).
    public var level: Level?
    /// Replaces the rule's lifetime (default: the rule's).
    public var lifetime: Lifetime?
    /// Added to the rule's capabilities.
    public var capabilities: [Capability]
    /// One sentence: what this kind is and can do (the first reason of its blast radius).
    public var reason: String
}

/// Another part of the credential a rule's secret belongs to (`[[rule.pair]]`): the findings of
/// `rules` found together with this rule's (see `docs/pairs.md`) join it as components of one
/// finding. The rule that declares the pair is the secret half: its finding is the one kept.
public struct RulePair: Sendable, Equatable {
    /// Ids of the rules whose findings are this part (e.g. both AWS key id rules).
    public var rules: [String]
    /// What the part is, for people ("access key ID", "session token").
    public var role: String
    /// Whether the credential works without it (an AWS session token is needed only by ASIA keys).
    public var optional: Bool

    public init(rules: [String], role: String, optional: Bool = false) {
        self.rules = rules
        self.role = role
        self.optional = optional
    }
}

/// A detection rule: metadata for people plus the pattern the matcher runs.
public struct Rule: Sendable {
    public var id: String
    public var name: String
    public var provider: String
    public var category: Category
    /// Literal keywords (prefilter). Empty for a path-only rule, and for a rule with a path
    /// whose regex runs from the start of the file.
    public var keywords: [String]
    /// The PCRE2 source; empty for a path-only rule.
    public var regex: String
    public var secretGroup: SecretGroup
    public var minEntropy: Double?
    public var multiline: Bool
    public var window: Int
    /// Higher wins when two rules report the same secret at one place.
    public var precedence: Int
    public var placeholderCheck: Bool
    public var references: [String]
    /// Positive examples, as scanned (the `«…»` marks removed).
    public var examples: [String]
    /// For each positive example, the byte range its `«…»` marks gave as the secret, if any.
    public var exampleSecrets: [Range<Int>?] = []
    public var negativeExamples: [String]
    public var blastRadius: BlastRadius
    /// Kinds of this rule's credential by prefix, longest prefix first.
    public var variants: [RuleVariant] = []
    /// Where the rule was defined, for messages.
    public var origin: SourceLocation
    /// The path condition: PCRE2 matched case-insensitively against the path below the scan root
    /// (`/`-separated). With no `regex` the rule is path-only (it reports the file itself; its
    /// examples and negative examples are paths); with one, the regex runs only on files whose
    /// path matches. Nil: any file.
    public var path: String?
    /// For a rule with both `path` and `regex`: paths that must meet the condition (the first is
    /// where the content examples are checked) and paths that must not.
    public var pathExamples: [String] = []
    public var negativePathExamples: [String] = []
    /// The other parts of this rule's credential (`[[rule.pair]]`), in file order.
    public var pairs: [RulePair] = []

    /// A rule that matches the path alone: the file is the secret.
    public var pathOnly: Bool { path != nil && regex.isEmpty }

    /// The variant `secret` belongs to (the longest prefix it starts with), if any.
    public func variant(of secret: String) -> RuleVariant? {
        variants.first { secret.hasPrefix($0.prefix) }
    }

    /// The matcher's view of this rule.
    /// The matcher's view of this rule. A path-only rule has no keywords and never runs there;
    /// a rule with a path runs only where the path opens its gate.
    public var matchPattern: MatchPattern {
        if pathOnly { return MatchPattern(keywords: [], regex: "(?!)", pathGated: true) }
        return MatchPattern(keywords: keywords, regex: regex, secretGroup: secretGroup, minEntropy: minEntropy,
                            multiline: multiline, window: window, placeholderCheck: placeholderCheck,
                            pathGated: path != nil, fromStart: path != nil && keywords.isEmpty)
    }
}

/// Examples may mark their secret as `«secret»`: the marks are not part of the text scanned,
/// and the rule's secret must be exactly what they enclose (`rules check` holds it).
public enum ExampleMarks {
    static let open = "«", close = "»"

    /// An example's text without marks, and the marked secret (a byte range of that text).
    /// Searched as UTF-8 bytes: Foundation's `range(of:)` costs a millisecond of start-up per
    /// hundred examples, and every built-in example is unmarked at each start.
    public static func unmark(_ example: String) -> (text: String, secret: Range<Int>?) {
        let bytes = Array(example.utf8), o = Array(open.utf8), c = Array(close.utf8)
        guard let a = find(o, in: bytes, from: 0), let b = find(c, in: bytes, from: a + o.count) else {
            return (example, nil)
        }
        let text = Array(bytes[..<a]) + bytes[(a + o.count)..<b] + bytes[(b + c.count)...]
        return (String(decoding: text, as: UTF8.self), a..<(b - o.count))
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count - start else { return nil }
        var i = start
        while i + needle.count <= haystack.count {
            if haystack[i] == needle[0] && haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}

/// A place in a rule or config file.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public init(file: String, line: Int) { self.file = file; self.line = line }
    public var description: String { "\(file):\(line)" }
}

/// A problem in a rule file, with its location.
public struct RuleFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String
    public init(_ location: SourceLocation, _ message: String) { self.location = location; self.message = message }
    public var description: String { "\(location): \(message)" }
}
