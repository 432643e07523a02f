/// One reported secret: the JSON contract that other tools and the tests read.
public struct Finding: Sendable, Codable, Equatable {
    /// Rule id.
    public var rule: String
    /// Rule name, for people.
    public var ruleName: String
    /// Who issued the credential.
    public var provider: String
    /// ai, cloud, vcs, saas, keys or generic.
    public var category: String
    /// Path as reached from the scan root.
    public var file: String
    /// 1-based line of the secret's first byte.
    public var line: Int
    /// 1-based column (in characters) of the secret's first byte.
    public var column: Int
    /// The secret, redacted unless the user asked for it.
    public var secret: String
    /// The secret's length in bytes.
    public var secretLength: Int
    /// Whether `secret` is redacted.
    public var redacted: Bool
    /// Hash of rule, file and secret (never the line), so baselines survive edits.
    public var fingerprint: String
    /// Shannon entropy of the secret, bits per byte.
    public var entropy: Double
    /// The line around the secret, with the secret redacted (unless shown).
    public var context: String
    /// What the credential reaches, from the rule.
    public var blastRadius: BlastRadiusInfo
    /// Labels such as `llmjacking`.
    public var tags: [String]

    public init(rule: String, ruleName: String, provider: String, category: String, file: String, line: Int,
                column: Int, secret: String, secretLength: Int, redacted: Bool, fingerprint: String, entropy: Double,
                context: String, blastRadius: BlastRadiusInfo, tags: [String]) {
        self.rule = rule
        self.ruleName = ruleName
        self.provider = provider
        self.category = category
        self.file = file
        self.line = line
        self.column = column
        self.secret = secret
        self.secretLength = secretLength
        self.redacted = redacted
        self.fingerprint = fingerprint
        self.entropy = entropy
        self.context = context
        self.blastRadius = blastRadius
        self.tags = tags
    }

    /// The report order: file, line, column, rule.
    public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.file != b.file { return a.file.utf8.lexicographicallyPrecedes(b.file.utf8) }
        if a.line != b.line { return a.line < b.line }
        if a.column != b.column { return a.column < b.column }
        return a.rule < b.rule
    }
}

/// What a credential reaches.
public struct BlastRadiusInfo: Sendable, Codable, Equatable {
    /// critical, high, medium, low.
    public var level: String
    /// long-lived, temporary, expired, unknown.
    public var lifetime: String
    public var capabilities: [String]
    /// Human sentences explaining the level.
    public var reasons: [String]

    public init(level: String, lifetime: String, capabilities: [String], reasons: [String]) {
        self.level = level
        self.lifetime = lifetime
        self.capabilities = capabilities
        self.reasons = reasons
    }
}

/// Totals of one scan.
public struct ScanSummary: Sendable, Codable, Equatable {
    public var filesScanned: Int
    public var bytesScanned: Int
    /// Files (and folders) passed over, by reason.
    public var filesSkipped: [String: Int]
    public var seconds: Double
    public var rulesLoaded: Int
    public var findings: Int
    /// False when some input could not be fully scanned (a rule hit a PCRE2 limit, a file vanished).
    public var complete: Bool
    /// Problems worth a look: unreadable files, rules that hit a limit.
    public var warnings: [String]

    public init(filesScanned: Int = 0, bytesScanned: Int = 0, filesSkipped: [String: Int] = [:], seconds: Double = 0,
                rulesLoaded: Int = 0, findings: Int = 0, complete: Bool = true, warnings: [String] = []) {
        self.filesScanned = filesScanned
        self.bytesScanned = bytesScanned
        self.filesSkipped = filesSkipped
        self.seconds = seconds
        self.rulesLoaded = rulesLoaded
        self.findings = findings
        self.complete = complete
        self.warnings = warnings
    }
}

/// A whole report: what every reporter renders.
public struct ScanReport: Sendable, Codable, Equatable {
    public var findings: [Finding]
    public var summary: ScanSummary

    public init(findings: [Finding], summary: ScanSummary) {
        self.findings = findings
        self.summary = summary
    }
}
