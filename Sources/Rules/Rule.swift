import Match

/// What kind of credential a rule finds; the report groups by it.
public enum Category: String, Sendable, CaseIterable, Codable {
    case ai, cloud, vcs, saas, keys, generic
}

/// How bad a leak of the credential is, from the rule's point of view (triage refines it).
public enum Level: String, Sendable, CaseIterable, Codable, Comparable {
    case low, medium, high, critical
    var rank: Int { Level.allCases.firstIndex(of: self)! }
    public static func < (a: Level, b: Level) -> Bool { a.rank < b.rank }
}

/// How long a credential stays valid.
public enum Lifetime: String, Sendable, CaseIterable, Codable {
    case longLived = "long-lived", temporary, expired, unknown
}

/// What the credential reaches, as the rule file states it.
public struct BlastRadius: Sendable, Equatable, Codable {
    public var level: Level
    public var lifetime: Lifetime
    /// e.g. admin, write, read, spend, model-inference.
    public var capabilities: [String]
    /// One sentence: what an attacker can do with it.
    public var impact: String
}

/// A detection rule: metadata for people plus the pattern the matcher runs.
public struct Rule: Sendable {
    public var id: String
    public var name: String
    public var provider: String
    public var category: Category
    /// Literal keywords (prefilter).
    public var keywords: [String]
    /// The PCRE2 source.
    public var regex: String
    public var secretGroup: SecretGroup
    public var minEntropy: Double?
    public var multiline: Bool
    public var window: Int
    /// Higher wins when two rules report the same secret at one place.
    public var precedence: Int
    public var placeholderCheck: Bool
    public var references: [String]
    public var examples: [String]
    public var negativeExamples: [String]
    public var blastRadius: BlastRadius
    /// Where the rule was defined, for messages.
    public var origin: SourceLocation

    /// The matcher's view of this rule.
    public var matchPattern: MatchPattern {
        MatchPattern(keywords: keywords, regex: regex, secretGroup: secretGroup, minEntropy: minEntropy,
                     multiline: multiline, window: window, placeholderCheck: placeholderCheck)
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
