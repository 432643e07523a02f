import Foundation
import Vocabulary
import Testing
import TestSupport
@testable import Report
@testable import Scan
@testable import Rules

@Suite struct SARIFTests {
    let reporter = SARIFReporter()

    /// Validates `sarif` against the SARIF 2.1.0 schema with `scripts/validate-sarif.py`
    /// (python3 + the `jsonschema` package). A missing python3 or jsonschema fails the test.
    func validate(_ sarif: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let schema = Paths.schemasDir.appendingPathComponent("sarif-schema-2.1.0.json")
        guard FileManager.default.fileExists(atPath: schema.path) else {
            Issue.record("SARIF schema not found at \(schema.path) (vendored in Tests/ReportTests/Schemas)",
                         sourceLocation: sourceLocation)
            return
        }
        let dir = try TempDir()
        let file = try dir.write("report.sarif", sarif)
        let script = Paths.repoRoot.appendingPathComponent("scripts/validate-sarif.py").path
        let run = try Program.run("/usr/bin/env", ["python3", script, schema.path, file])
        switch run.status {
        case 0: break
        case 127: Issue.record("python3 is not installed: SARIF schema validation needs python3 and `pip install jsonschema`",
                               sourceLocation: sourceLocation)
        default: Issue.record("SARIF schema validation failed (status \(run.status)):\n\(run.stderr)",
                              sourceLocation: sourceLocation)
        }
    }

    func decode(_ sarif: String) throws -> SARIF.Log {
        try JSONDecoder().decode(SARIF.Log.self, from: Data(sarif.utf8))
    }

    @Test func fixtureIsValidSARIF() throws {
        try validate(reporter.render(Fixture.report))
    }

    @Test func cleanScanIsValidSARIF() throws {
        let sarif = reporter.render(Fixture.clean)
        try validate(sarif)
        let log = try decode(sarif)
        #expect(log.runs.count == 1)
        #expect(log.runs[0].results.isEmpty)
        #expect(log.runs[0].tool.driver.rules.isEmpty)
    }

    @Test func awkwardTextsAndWarningsAreValidSARIF() throws {
        var report = Fixture.report
        report.findings.append(Fixture.with(file: "/abs/path with space/ключ.env", context: "\u{01}\u{7F}\"\\",
                                            ruleName: "ruleName \"quoted\" \n newline"))
        report.findings.append(Fixture.with(file: "C:\\Users\\me\\a b.txt", from: Fixture.aws))
        report.summary.complete = false
        report.summary.warnings = ["cannot read secret/file: permission denied"]
        let sarif = reporter.render(report)
        try validate(sarif)
        let log = try decode(sarif)
        #expect(log.runs[0].invocations[0].toolExecutionNotifications?.count == 1)
        #expect(log.runs[0].invocations[0].properties.complete == false)
    }

    @Test func documentShape() throws {
        let log = try decode(reporter.render(Fixture.report))
        #expect(log.schema == "https://json.schemastore.org/sarif-2.1.0.json")
        #expect(log.version == "2.1.0")
        let run = try #require(log.runs.first)
        #expect(run.tool.driver.name == "leakscope")
        #expect(run.tool.driver.informationUri == "https://github.com/leakscope/leakscope")
        #expect(run.tool.driver.semanticVersion == SARIFReporter.defaultToolVersion)
        #expect(run.tool.driver.rules.map(\.id) == ["aws-access-key-id", "huggingface-token", "openai-project-key"])
        #expect(run.results.count == 3)
        for r in run.results {
            #expect(run.tool.driver.rules[r.ruleIndex].id == r.ruleId)
        }
        let openAI = try #require(run.results.first { $0.ruleId == "openai-project-key" })
        #expect(openAI.level == "error")
        #expect(openAI.partialFingerprints == ["leakscope/v1": Fixture.openAI.fingerprint])
        #expect(openAI.message.text.contains("OpenAI project API key"))
        #expect(openAI.message.text.contains("sk-proj-…"))
        #expect(openAI.message.text.contains("critical"))
        let loc = openAI.locations[0].physicalLocation
        #expect(loc.artifactLocation.uri == "services/app/.env")
        #expect(loc.artifactLocation.uriBaseId == "%SRCROOT%")
        #expect(loc.region.startLine == 3 && loc.region.startColumn == 16)
        #expect(loc.region.snippet?.text == Fixture.openAI.context)
        #expect(openAI.properties.riskScore == 92)
        #expect(openAI.properties.owner == Fixture.openAI.owner)
        #expect(openAI.properties.commit == Fixture.openAI.commit)
        #expect(openAI.suppressions == nil)

        let rule = try #require(run.tool.driver.rules.first { $0.id == "openai-project-key" })
        #expect(rule.shortDescription.text == "OpenAI project API key")
        #expect(rule.properties.securitySeverity == "9.2")
        #expect(rule.properties.tags == ["security", "ai", "llmjacking"])
        #expect(rule.help.text.contains(Fixture.openAI.blastRadius.reasons[0]))
        #expect(rule.help.text.contains("Revoke or rotate"))
        #expect(rule.help.markdown?.contains("history") == true)
    }

    @Test func levelsFollowRisk() {
        #expect(SARIFReporter.level(.critical) == "error")
        #expect(SARIFReporter.level(.high) == "error")
        #expect(SARIFReporter.level(.medium) == "warning")
        #expect(SARIFReporter.level(.low) == "note")
    }

    @Test func securitySeverityIsTheRulesHighestScoreOverTen() throws {
        var low = Fixture.openAI
        low.risk = Risk(score: 40, level: .medium)
        low.file = "other/.env"
        var top = Fixture.openAI
        top.risk = Risk(score: 100, level: .critical)
        top.file = "z/.env"
        let log = try decode(reporter.render(ScanReport(findings: [low, top], summary: ScanSummary())))
        #expect(log.runs[0].tool.driver.rules.count == 1)
        #expect(log.runs[0].tool.driver.rules[0].properties.securitySeverity == "10.0")
        #expect(SARIFReporter.securitySeverity(0) == "0.0")
        #expect(SARIFReporter.securitySeverity(57) == "5.7")
    }

    @Test func suppressedFindingsAreKeptWithSuppressions() throws {
        var inline = Fixture.openAI
        inline.file = "src/inline.py"
        inline.suppression = Suppression(kind: .inline, justification: "leakscope:allow test fixture")
        var report = Fixture.report
        report.findings.append(inline)
        let log = try decode(reporter.render(report))
        #expect(log.runs[0].results.count == 4)
        let baseline = try #require(log.runs[0].results.first { $0.ruleId == "huggingface-token" })
        #expect(baseline.suppressions == [SARIF.Suppression(kind: "external",
                                                             justification: "in baseline .leakscope-baseline.json")])
        let inSource = try #require(log.runs[0].results.first {
            $0.locations[0].physicalLocation.artifactLocation.uri == "src/inline.py"
        })
        #expect(inSource.suppressions?.first?.kind == "inSource")
        #expect(log.runs[0].results.filter { $0.suppressions != nil }.count == 2)
    }

    @Test func aRedactedSecretNeverAppearsWhole() throws {
        let key = FakeKeys.openAIProjectKey()
        let shown = Redaction.redact(key)
        let f = Fixture.with(context: "OPENAI_API_KEY=\(shown)", secret: shown)
        let sarif = reporter.render(ScanReport(findings: [f], summary: ScanSummary()))
        #expect(!sarif.contains(key))
        #expect(!sarif.contains(String(key.prefix(20))))
        #expect(sarif.contains(shown))
    }

    @Test func aRealScanRedactsInSARIF() throws {
        let key = FakeKeys.anthropicKey()
        let rules = try RuleSet.load()
        let findings = Scanner(rules: rules).scan(bytes: Array("ANTHROPIC_API_KEY=\(key)\n".utf8), name: "svc/.env")
        try #require(!findings.isEmpty)
        let report = ScanReport(findings: findings, summary: ScanSummary(findings: findings.count))
        let sarif = reporter.render(report)
        #expect(!sarif.contains(key))
        try validate(sarif)
        // With --show-secrets the finding holds the whole secret, and SARIF shows it as is, but
        // never as a snippet of context.
        let shown = Scanner(rules: rules).scan(bytes: Array("ANTHROPIC_API_KEY=\(key)\n".utf8), name: "svc/.env",
                                               showSecrets: true)
        let log = try decode(reporter.render(ScanReport(findings: shown, summary: ScanSummary())))
        #expect(log.runs[0].results[0].message.text.contains(key))
        #expect(log.runs[0].results[0].locations[0].physicalLocation.region.snippet == nil)
    }

    @Test func urisAreRelativeForwardSlashedAndPercentEncoded() {
        #expect(SARIFReporter.artifactURI("services/app/.env") == ("services/app/.env", "%SRCROOT%"))
        #expect(SARIFReporter.artifactURI("./a/./b c.txt") == ("a/b%20c.txt", "%SRCROOT%"))
        #expect(SARIFReporter.artifactURI("dir\\sub\\f#1?.txt") == ("dir/sub/f%231%3F.txt", "%SRCROOT%"))
        #expect(SARIFReporter.artifactURI("a:b/100%.txt") == ("a%3Ab/100%25.txt", "%SRCROOT%"))
        #expect(SARIFReporter.artifactURI("ключ.env") == ("%D0%BA%D0%BB%D1%8E%D1%87.env", "%SRCROOT%"))
        #expect(SARIFReporter.artifactURI("../up/x") == ("../up/x", "%SRCROOT%"))
        #expect(SARIFReporter.artifactURI("/tmp/a b/x") == ("file:///tmp/a%20b/x", nil))
        #expect(SARIFReporter.artifactURI("C:\\Users\\a b") == ("file:///C:/Users/a%20b", nil))
    }
}
