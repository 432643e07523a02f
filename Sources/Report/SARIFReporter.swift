import Vocabulary
import Foundation

/// SARIF 2.1.0 for code-scanning dashboards (GitHub code scanning, Azure DevOps, IDE viewers).
///
/// One run, one `reportingDescriptor` per rule that has a finding, one result per finding.
/// Suppressed findings are emitted with `suppressions` (never dropped), so a dashboard closes
/// their alerts instead of reopening them. Secrets are rendered exactly as the finding holds them:
/// redacted unless the scan ran with `--show-secrets`.
public struct SARIFReporter: Reporter {
    /// The version the SARIF `tool.driver.semanticVersion` reports.
    public let toolVersion: String

    /// The leakscope version written when the caller gives none.
    public static let defaultToolVersion = "0.1.0"

    /// Most results one run holds: GitHub code scanning rejects a run with more than 25,000.
    public static let defaultMaxResults = 25_000

    /// Results kept in the run (the highest-risk ones); the rest are counted in the run's
    /// `resultsOmitted` property and a warning.
    public let maxResults: Int

    public init(toolVersion: String = SARIFReporter.defaultToolVersion, maxResults: Int = SARIFReporter.defaultMaxResults) {
        self.toolVersion = toolVersion
        self.maxResults = max(0, maxResults)
    }

    public func render(_ report: ScanReport) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Plain structs of strings, integers and booleans: encoding cannot fail.
        let data = try! encoder.encode(log(for: report))
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The SARIF document for `report`, as Codable values (tests inspect it).
    public func log(for report: ScanReport) -> SARIF.Log {
        let (findings, omitted) = SARIFReporter.capped(report.findings, to: maxResults)
        let ruleIDs = Array(Set(findings.map(\.rule))).sorted()
        let ruleIndex = Dictionary(uniqueKeysWithValues: ruleIDs.enumerated().map { ($1, $0) })
        let byRule = Dictionary(grouping: findings, by: \.rule)
        let rules = ruleIDs.map { SARIFReporter.descriptor(id: $0, findings: byRule[$0]!) }
        let results = findings.map {
            SARIFReporter.result($0, ruleIndex: ruleIndex[$0.rule]!, sourcePath: report.sourcePaths[$0.file])
        }
        var warnings = report.summary.warnings
        if omitted > 0 {
            warnings.append("\(omitted) of \(report.findings.count) results left out of this run: GitHub code scanning "
                + "accepts at most \(maxResults) a run; the \(maxResults) highest-risk are kept (the JSON report has them all)")
        }
        let notifications = warnings.map {
            SARIF.Notification(level: "warning", message: SARIF.Message(text: $0))
        }
        let invocation = SARIF.Invocation(
            executionSuccessful: true,
            toolExecutionNotifications: notifications.isEmpty ? nil : notifications,
            properties: SARIF.InvocationProperties(
                complete: report.summary.complete, filesScanned: report.summary.filesScanned,
                bytesScanned: report.summary.bytesScanned, rulesLoaded: report.summary.rulesLoaded))
        let driver = SARIF.ToolComponent(
            name: "leakscope", informationUri: "https://github.com/leakscope/leakscope",
            semanticVersion: toolVersion, rules: rules)
        var run = SARIF.Run(tool: SARIF.Tool(driver: driver), invocations: [invocation], results: results,
                            columnKind: "unicodeCodePoints")
        if let root = report.sourceRoot, root.hasPrefix("/") {
            let folder = root.hasSuffix("/") ? root : root + "/"
            run.originalUriBaseIds = ["%SRCROOT%": SARIF.ArtifactLocation(uri: "file://" + SARIFReporter.percentEncodePath(folder, keepDriveColon: false))]
        }
        if omitted > 0 { run.properties = SARIF.RunProperties(resultsOmitted: omitted, resultsTotal: report.findings.count) }
        return SARIF.Log(schema: "https://json.schemastore.org/sarif-2.1.0.json", version: "2.1.0", runs: [run])
    }

    // MARK: - Rules

    static func descriptor(id: String, findings: [Finding]) -> SARIF.ReportingDescriptor {
        // Rule metadata is the same on every finding of a rule: take the first in report order.
        let f = findings.min(by: Finding.reportOrder)!
        let maxScore = findings.map(\.risk.score).max() ?? 0
        let blast = f.blastRadius
        let attacker = blast.reasons.first ?? "Anyone who holds it can act with its permissions."
        let capabilities = blast.capabilities.isEmpty ? "" : " Capabilities: \(blast.capabilities.spelled.joined(separator: ", "))."
        let what = "\(f.ruleName): a credential issued by \(f.provider) (category \(f.category))."
        let fix = "Revoke or rotate the credential at \(f.provider) first (assume it is compromised), "
            + "then remove it from the code and from the git history, and load it from a secret store "
            + "or the environment instead."
        let full = "\(f.ruleName), a credential issued by \(f.provider). Blast radius \(blast.level), \(blast.lifetime).\(capabilities)"
        let text = "\(what)\n\nWhat an attacker can do: \(attacker)\n\nHow to fix: \(fix)"
        let markdown = """
            **\(markdownText(f.ruleName))**: a credential issued by \(markdownText(f.provider)) (category \(markdownText(f.category.rawValue)), \
            blast radius **\(blast.level)**, \(blast.lifetime)).

            **What an attacker can do:** \(markdownText(attacker))

            **How to fix:** revoke or rotate the credential at \(markdownText(f.provider)) first (assume it is \
            compromised), then remove it from the code and from the git history, and load it from a secret store \
            or the environment instead.
            """
        var tags = ["security", f.category.rawValue]
        for finding in findings { tags.append(contentsOf: finding.tags) }
        return SARIF.ReportingDescriptor(
            id: id, name: pascalName(id), shortDescription: SARIF.MultiformatMessage(text: f.ruleName),
            fullDescription: SARIF.MultiformatMessage(text: full),
            help: SARIF.MultiformatMessage(text: text, markdown: markdown),
            properties: SARIF.RuleProperties(tags: unique(tags), securitySeverity: securitySeverity(maxScore)))
    }

    /// A 0-100 risk score as a CVSS-like `"0.0"`-`"10.0"` string.
    static func securitySeverity(_ score: Int) -> String {
        let clamped = min(max(score, 0), 100)
        return "\(clamped / 10).\(clamped % 10)"
    }

    /// SARIF wants a readable name: `openai-project-key` → `OpenaiProjectKey`.
    static func pascalName(_ id: String) -> String {
        id.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined()
    }

    /// Backslash-escapes the characters that would change markdown rendering.
    static func markdownText(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            if "\\`*_[]<>|#".unicodeScalars.contains(u) { out += "\\" }
            out.unicodeScalars.append(u)
        }
        return out
    }

    // MARK: - Results

    /// At most `limit` findings, in report order: the highest-risk ones (unsuppressed before
    /// suppressed, then by score, ties in report order); and how many were left out.
    static func capped(_ findings: [Finding], to limit: Int) -> ([Finding], Int) {
        guard findings.count > limit else { return (findings, 0) }
        let ranked = findings.indices.sorted { a, b in
            let x = findings[a], y = findings[b]
            if (x.suppression == nil) != (y.suppression == nil) { return x.suppression == nil }
            if x.risk.score != y.risk.score { return x.risk.score > y.risk.score }
            return a < b
        }
        let kept = ranked.prefix(limit).sorted()
        return (kept.map { findings[$0] }, findings.count - limit)
    }

    static func result(_ f: Finding, ruleIndex: Int, sourcePath: String? = nil) -> SARIF.Result {
        let shown = f.redacted ? "\(f.secret) (\(f.secretLength) bytes, redacted)" : f.secret
        var message = "\(f.ruleName) (\(f.provider)): \(shown); risk \(f.risk.level) \(f.risk.score)/100"
        if let parts = TextReporter.componentsText(f) { message += "; parts: \(parts)" }
        // The context holds the secret itself unless redacted: a snippet only when it is.
        let snippet = f.redacted && !f.context.isEmpty ? SARIF.ArtifactContent(text: f.context) : nil
        // Relative to the repository root when the scan knows it, whatever the root's spelling.
        let (uri, base) = artifactURI(sourcePath ?? f.file)
        let location = SARIF.Location(physicalLocation: SARIF.PhysicalLocation(
            artifactLocation: SARIF.ArtifactLocation(uri: uri, uriBaseId: base),
            region: SARIF.Region(startLine: max(f.line, 1), startColumn: max(f.column, 1), snippet: snippet)))
        let suppressions = f.suppression.map {
            [SARIF.Suppression(kind: $0.kind == .inline ? "inSource" : "external", justification: $0.justification)]
        }
        let properties = SARIF.ResultProperties(
            tags: f.tags.isEmpty ? nil : unique(f.tags), provider: f.provider, category: f.category.rawValue,
            riskScore: f.risk.score, riskLevel: f.risk.level.rawValue, blastRadius: f.blastRadius, age: f.age,
            owner: f.owner, commit: f.commit, presentAtHead: f.presentAtHead, decoded: f.decoded,
            components: f.components?.isEmpty == false ? f.components : nil)
        return SARIF.Result(
            ruleId: f.rule, ruleIndex: ruleIndex, level: level(f.risk.level), message: SARIF.Message(text: message),
            locations: [location], partialFingerprints: ["leakscope/v1": f.fingerprint],
            suppressions: suppressions, properties: properties)
    }

    /// `error` for critical and high risk, `warning` for medium, `note` for low.
    static func level(_ risk: Level) -> String {
        switch risk {
        case .critical, .high: "error"
        case .medium: "warning"
        case .low: "note"
        }
    }

    /// A finding's path as a SARIF URI: relative paths (the usual case) become RFC 3986 relative
    /// references under `%SRCROOT%`; absolute paths become `file://` URIs without a base.
    static func artifactURI(_ path: String) -> (uri: String, base: String?) {
        var p = path.replacingOccurrences(of: "\\", with: "/")
        let isDrive = p.count >= 3 && p.first!.isLetter && p.dropFirst().hasPrefix(":/")
        if p.hasPrefix("/") || isDrive {
            while p.hasPrefix("//") { p.removeFirst() }
            return ("file://" + (isDrive ? "/" : "") + percentEncodePath(p, keepDriveColon: isDrive), nil)
        }
        // `./a/./b` → `a/b`; empty segments collapse. `..` stays (a valid relative reference).
        let segments = p.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        return (percentEncodePath(segments.joined(separator: "/"), keepDriveColon: false), "%SRCROOT%")
    }

    /// Percent-encodes every byte except RFC 3986 unreserved characters and `/`.
    static func percentEncodePath(_ path: String, keepDriveColon: Bool) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for (i, b) in path.utf8.enumerated() {
            let unreserved = (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)
                || b == 0x2D || b == 0x2E || b == 0x5F || b == 0x7E || b == 0x2F
            // `C:` of a Windows drive stays readable (`file:///C:/...`).
            if unreserved || (keepDriveColon && i == 1 && b == 0x3A) {
                out.append(b)
            } else {
                out += [0x25, hex[Int(b >> 4)], hex[Int(b & 0x0F)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}

/// The subset of the SARIF 2.1.0 object model leakscope writes, as Codable values.
public enum SARIF {
    /// The top-level `sarifLog`.
    public struct Log: Codable, Sendable, Equatable {
        public var schema: String
        public var version: String
        public var runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema", version, runs
        }
    }

    /// One invocation of one tool and its results.
    public struct Run: Codable, Sendable, Equatable {
        public var tool: Tool
        public var invocations: [Invocation]
        public var results: [Result]
        /// How `startColumn` counts: leakscope counts Unicode code points.
        public var columnKind: String
        /// `%SRCROOT%`: the repository root the result URIs are relative to.
        public var originalUriBaseIds: [String: ArtifactLocation]?
        /// Set when results were left out (more than `maxResults`).
        public var properties: RunProperties?
    }

    /// A run's property bag: how many results the 25,000 cap left out.
    public struct RunProperties: Codable, Sendable, Equatable {
        public var resultsOmitted: Int
        public var resultsTotal: Int
    }

    /// The analysis tool.
    public struct Tool: Codable, Sendable, Equatable {
        public var driver: ToolComponent
    }

    /// The tool's main component, with the rules the results refer to.
    public struct ToolComponent: Codable, Sendable, Equatable {
        public var name: String
        public var informationUri: String
        public var semanticVersion: String
        public var rules: [ReportingDescriptor]
    }

    /// One rule's metadata.
    public struct ReportingDescriptor: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        public var shortDescription: MultiformatMessage
        public var fullDescription: MultiformatMessage
        public var help: MultiformatMessage
        public var properties: RuleProperties
    }

    /// A message with an optional markdown form.
    public struct MultiformatMessage: Codable, Sendable, Equatable {
        public var text: String
        public var markdown: String?

        public init(text: String, markdown: String? = nil) {
            self.text = text
            self.markdown = markdown
        }
    }

    /// A rule's property bag: tags and the severity GitHub code scanning sorts by.
    public struct RuleProperties: Codable, Sendable, Equatable {
        public var tags: [String]
        /// `"0.0"` to `"10.0"`: the highest risk score of the rule's findings divided by ten.
        public var securitySeverity: String

        enum CodingKeys: String, CodingKey {
            case tags, securitySeverity = "security-severity"
        }
    }

    /// A plain-text message.
    public struct Message: Codable, Sendable, Equatable {
        public var text: String
    }

    /// How the scan ran: warnings become notifications.
    public struct Invocation: Codable, Sendable, Equatable {
        public var executionSuccessful: Bool
        public var toolExecutionNotifications: [Notification]?
        public var properties: InvocationProperties
    }

    /// A warning raised by the scan (unreadable file, rule limit).
    public struct Notification: Codable, Sendable, Equatable {
        public var level: String
        public var message: Message
    }

    /// Scan totals.
    public struct InvocationProperties: Codable, Sendable, Equatable {
        /// False when some input could not be fully scanned.
        public var complete: Bool
        public var filesScanned: Int
        public var bytesScanned: Int
        public var rulesLoaded: Int
    }

    /// One finding.
    public struct Result: Codable, Sendable, Equatable {
        public var ruleId: String
        public var ruleIndex: Int
        public var level: String
        public var message: Message
        public var locations: [Location]
        /// `leakscope/v1`: the finding's fingerprint (rule, file, secret; never the line).
        public var partialFingerprints: [String: String]
        /// Present (and non-empty) only for suppressed findings.
        public var suppressions: [Suppression]?
        public var properties: ResultProperties
    }

    /// Where a result is.
    public struct Location: Codable, Sendable, Equatable {
        public var physicalLocation: PhysicalLocation
    }

    /// A file and a region in it.
    public struct PhysicalLocation: Codable, Sendable, Equatable {
        public var artifactLocation: ArtifactLocation
        public var region: Region
    }

    /// A file, as a URI relative to `uriBaseId`.
    public struct ArtifactLocation: Codable, Sendable, Equatable {
        public var uri: String
        public var uriBaseId: String?
    }

    /// The secret's start; the snippet is the redacted line around it.
    public struct Region: Codable, Sendable, Equatable {
        public var startLine: Int
        public var startColumn: Int
        public var snippet: ArtifactContent?
    }

    /// Text from a file.
    public struct ArtifactContent: Codable, Sendable, Equatable {
        public var text: String
    }

    /// Why a result is suppressed: `external` (baseline, config) or `inSource` (inline comment).
    public struct Suppression: Codable, Sendable, Equatable {
        public var kind: String
        public var justification: String
    }

    /// A result's property bag: leakscope's risk, blast radius, age and ownership.
    public struct ResultProperties: Codable, Sendable, Equatable {
        public var tags: [String]?
        public var provider: String
        public var category: String
        public var riskScore: Int
        public var riskLevel: String
        public var blastRadius: BlastRadiusInfo
        public var age: Age?
        public var owner: Owner?
        public var commit: Commit?
        public var presentAtHead: Bool?
        public var decoded: String?
        /// The parts of a whole credential, each with its location (left out for a lone secret).
        public var components: [Component]? = nil
    }
}
