import Vocabulary

/// One reported secret: the JSON contract that other tools and the tests read.
public struct Finding: Sendable, Codable, Equatable {
    /// Rule id.
    public var rule: String
    /// Rule name, for people.
    public var ruleName: String
    /// Who issued the credential.
    public var provider: String
    public var category: Category
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
    /// When the secret was introduced (null when unknown or `--no-git` without a file date).
    public var age: Age?
    /// Who owns the file and who added the secret.
    public var owner: Owner?
    /// Combined 0-100 score and level: what to revoke first.
    public var risk: Risk
    /// The commit a history or range scan found the secret in (null for a plain file scan).
    public var commit: Commit?
    /// Whether the secret is still in the files at HEAD (history scans; null otherwise).
    public var presentAtHead: Bool?
    /// Set when a baseline, an inline `leakscope:allow` or the config suppresses the finding:
    /// kept in SARIF (so dashboards do not reopen alerts), CSV and JUnit (as skipped); left out
    /// of text, JSON and Markdown listings (counted in the summary).
    public var suppression: Suppression?
    /// The decoding that revealed the secret (`base64`, ...), when it was found in decoded text.
    public var decoded: String?
    /// The parts of one credential found together (`docs/pairs.md`): this finding's own secret
    /// and its partners (key id, session token ...), each with its location; nil for a lone
    /// secret (then the JSON leaves the key out).
    public var components: [Component]?

    public init(rule: String, ruleName: String, provider: String, category: Category, file: String, line: Int,
                column: Int, secret: String, secretLength: Int, redacted: Bool, fingerprint: String, entropy: Double,
                context: String, blastRadius: BlastRadiusInfo, tags: [String], age: Age? = nil, owner: Owner? = nil,
                risk: Risk = Risk(score: 0, level: .low), commit: Commit? = nil, presentAtHead: Bool? = nil,
                suppression: Suppression? = nil, decoded: String? = nil) {
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
        self.age = age
        self.owner = owner
        self.risk = risk
        self.commit = commit
        self.presentAtHead = presentAtHead
        self.suppression = suppression
        self.decoded = decoded
    }

    /// The report order: file, line, column, rule.
    public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.file != b.file { return a.file.utf8.lexicographicallyPrecedes(b.file.utf8) }
        if a.line != b.line { return a.line < b.line }
        if a.column != b.column { return a.column < b.column }
        return a.rule < b.rule
    }
}

/// One part of a whole credential: its own rule, location, redacted secret and fingerprint.
public struct Component: Sendable, Codable, Equatable {
    public var rule: String
    /// What the part is ("secret access key", "access key ID").
    public var role: String
    public var line: Int
    public var column: Int
    /// Redacted unless the user asked for secrets.
    public var secret: String
    public var fingerprint: String

    public init(rule: String, role: String, line: Int, column: Int, secret: String, fingerprint: String) {
        self.rule = rule
        self.role = role
        self.line = line
        self.column = column
        self.secret = secret
        self.fingerprint = fingerprint
    }
}

/// What a credential reaches.
public struct BlastRadiusInfo: Sendable, Codable, Equatable {
    public var level: Level
    public var lifetime: Lifetime
    public var capabilities: [Capability]
    /// Human sentences explaining the level.
    public var reasons: [String]
    /// Facts read from the secret itself (`awsAccountID`, `jwtExpires`, `keyBits`...), to route and
    /// correlate findings; nil when it tells none (then the JSON leaves the key out).
    public var details: [String: String]?

    public init(level: Level, lifetime: Lifetime, capabilities: [Capability], reasons: [String],
                details: [String: String]? = nil) {
        self.level = level
        self.lifetime = lifetime
        self.capabilities = capabilities
        self.reasons = reasons
        self.details = details
    }
}

/// When a secret was introduced.
public struct Age: Sendable, Codable, Equatable {
    /// ISO 8601 date (author date of the commit, or the file's modification time).
    public var introduced: String
    /// Whole days from `introduced` to the scan.
    public var days: Int
    /// The commit that introduced the line (null for `mtime`).
    public var commit: String?
    public var source: AgeSource
    /// The last commit that changed the secret's line (git blame), when it is not the introducing
    /// commit (nil then, and outside plain file scans): a later edit of the line is not the secret's age.
    public var lastTouched: LastTouch?

    public init(introduced: String, days: Int, commit: String?, source: AgeSource, lastTouched: LastTouch? = nil) {
        self.introduced = introduced
        self.days = days
        self.commit = commit
        self.source = source
        self.lastTouched = lastTouched
    }
}

/// The last commit that changed a line: who touched a secret's line most recently, and when.
public struct LastTouch: Sendable, Codable, Equatable {
    /// ISO 8601 author date.
    public var date: String
    /// Whole days from `date` to the scan.
    public var days: Int
    public var commit: String
    /// The last toucher, a second person to ask.
    public var author: String
    public var email: String

    public init(date: String, days: Int, commit: String, author: String, email: String) {
        self.date = date
        self.days = days
        self.commit = commit
        self.author = author
        self.email = email
    }
}

/// Who answers for a secret.
public struct Owner: Sendable, Codable, Equatable {
    /// CODEOWNERS owners of the file, in file order (null when no CODEOWNERS line matches).
    public var team: [String]?
    /// Author of the commit that introduced the line.
    public var author: String?
    public var email: String?
    /// True when the repository has a CODEOWNERS file and no line of it covers this file: nobody
    /// is named to rotate the secret (nil when there is no CODEOWNERS file to ask).
    public var unowned: Bool?

    public init(team: [String]?, author: String?, email: String?, unowned: Bool? = nil) {
        self.team = team
        self.author = author
        self.email = email
        self.unowned = unowned
    }
}

/// Why a finding is suppressed.
public struct Suppression: Sendable, Codable, Equatable {
    public var kind: SuppressionKind
    /// A human explanation (e.g. the baseline file).
    public var justification: String

    public init(kind: SuppressionKind, justification: String) {
        self.kind = kind
        self.justification = justification
    }
}

/// Totals of one scan.
public struct ScanSummary: Sendable, Codable, Equatable {
    public var filesScanned: Int
    public var bytesScanned: Int
    /// Files (and folders) passed over, by reason.
    public var filesSkipped: [String: Int]
    public var seconds: Double
    /// Of `seconds`, the time spent on git blame and CODEOWNERS.
    public var triageSeconds: Double = 0
    public var rulesLoaded: Int
    /// Findings reported (not suppressed).
    public var findings: Int
    /// Findings a baseline, an inline allow or the config suppressed.
    public var suppressed: Int = 0
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
    /// The repository root (absolute) that SARIF's `%SRCROOT%` stands for; nil when unknown.
    /// Not part of the JSON contract.
    public var sourceRoot: String?
    /// Each finding's path relative to `sourceRoot`, keyed by the path as reported (files under
    /// another root are absent).
    public var sourcePaths: [String: String] = [:]

    enum CodingKeys: String, CodingKey { case findings, summary }

    public init(findings: [Finding], summary: ScanSummary) {
        self.findings = findings
        self.summary = summary
    }

    /// The findings every format but SARIF lists: the unsuppressed ones.
    public var visible: [Finding] { findings.filter { $0.suppression == nil } }

    /// The same report with only `visible` findings (what JSON and text show).
    public var withoutSuppressed: ScanReport { ScanReport(findings: visible, summary: summary) }
}

// Unknown values are written as `null`, not left out, so the JSON contract always has every
// key (the synthesized encoders skip nil optionals).
extension Finding {
    enum CodingKeys: String, CodingKey {
        case rule, ruleName, provider, category, file, line, column, secret, secretLength, redacted, fingerprint,
             entropy, context, blastRadius, tags, age, owner, risk, commit, presentAtHead, suppression, decoded
        case components
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rule, forKey: .rule)
        try c.encode(ruleName, forKey: .ruleName)
        try c.encode(provider, forKey: .provider)
        try c.encode(category, forKey: .category)
        try c.encode(file, forKey: .file)
        try c.encode(line, forKey: .line)
        try c.encode(column, forKey: .column)
        try c.encode(secret, forKey: .secret)
        try c.encode(secretLength, forKey: .secretLength)
        try c.encode(redacted, forKey: .redacted)
        try c.encode(fingerprint, forKey: .fingerprint)
        try c.encode(entropy, forKey: .entropy)
        try c.encode(context, forKey: .context)
        try c.encode(blastRadius, forKey: .blastRadius)
        try c.encode(tags, forKey: .tags)
        try c.encode(age, forKey: .age)
        try c.encode(owner, forKey: .owner)
        try c.encode(risk, forKey: .risk)
        try c.encode(commit, forKey: .commit)
        try c.encode(presentAtHead, forKey: .presentAtHead)
        try c.encode(suppression, forKey: .suppression)
        try c.encode(decoded, forKey: .decoded)
        // Left out when there are none: reports without pairs stay as they were.
        if let components, !components.isEmpty { try c.encode(components, forKey: .components) }
    }
}

extension Age {
    enum CodingKeys: String, CodingKey { case introduced, days, commit, source, lastTouched }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(introduced, forKey: .introduced)
        try c.encode(days, forKey: .days)
        try c.encode(commit, forKey: .commit)
        try c.encode(source, forKey: .source)
        try c.encodeIfPresent(lastTouched, forKey: .lastTouched)
    }
}

extension Owner {
    enum CodingKeys: String, CodingKey { case team, author, email, unowned }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(team, forKey: .team)
        try c.encode(author, forKey: .author)
        try c.encode(email, forKey: .email)
        try c.encodeIfPresent(unowned, forKey: .unowned)
    }
}
