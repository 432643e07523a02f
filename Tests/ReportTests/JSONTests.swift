import Foundation
import Vocabulary
import Testing
@testable import Report

/// The hand-written JSON writer against `JSONEncoder`, the reference for the contract's text.
@Suite struct PrettyJSONTests {
    func encoderText(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    func writerText(_ report: ScanReport) -> String {
        var json = PrettyJSON()
        report.write(&json)
        return json.text
    }

    @Test func fixtureReportsMatchTheEncoder() throws {
        for report in [Fixture.report, Fixture.clean] {
            #expect(writerText(report) == (try encoderText(report)))
        }
    }

    /// Every field both set and unset, awkward texts and doubles.
    @Test func everyShapeMatchesTheEncoder() throws {
        let controls = String((0..<0x20).map { Character(Unicode.Scalar($0)!) })
        let texts = ["", "plain", controls, "quote \" backslash \\ slash / tab\t", "ünïcødé \u{2028}\u{2029} 🔑", "\u{7F}\u{80}"]
        let doubles = [0, 4, 3.5, 5.41234, 0.1 + 0.2, 1e-7, 123456789.125, 7.999999999]
        var findings: [Finding] = []
        for (i, text) in texts.enumerated() {
            var f = Fixture.with(file: text, context: text, ruleName: text, secret: text, from: [Fixture.openAI, Fixture.aws, Fixture.huggingFace][i % 3])
            f.entropy = doubles[i % doubles.count]
            f.tags = i % 2 == 0 ? [] : [text, "llmjacking"]
            f.blastRadius.reasons = i % 2 == 0 ? [text] : []
            f.age = i % 2 == 0 ? nil : Age(introduced: text, days: i, commit: i % 3 == 0 ? nil : text, source: .git)
            f.owner = i % 2 == 1 ? nil : Owner(team: i % 4 == 0 ? nil : [text, "@b"], author: i % 3 == 0 ? nil : text, email: text)
            f.commit = i % 2 == 0 ? nil : Commit(sha: text, author: text, email: text, date: text)
            f.presentAtHead = [nil, true, false][i % 3]
            f.suppression = i % 2 == 0 ? nil : Suppression(kind: [.baseline, .inline, .config][i % 3], justification: text)
            f.decoded = i % 2 == 0 ? nil : text
            findings.append(f)
        }
        for d in doubles {
            let summary = ScanSummary(filesScanned: 1, bytesScanned: -1, filesSkipped: ["z": 1, "a": 2, "B": 3, "": 0],
                                      seconds: d, rulesLoaded: 0, findings: 0, complete: false, warnings: texts)
            let report = ScanReport(findings: findings, summary: summary)
            #expect(writerText(report) == (try encoderText(report)))
        }
    }

    @Test func theReportReadsBack() throws {
        let text = JSONReporter().render(Fixture.report)
        let back = try JSONReporter.decode(Data(text.utf8))
        #expect(back.findings.count == Fixture.report.visible.count)
        #expect(back.findings.map(\.fingerprint) == Fixture.report.visible.map(\.fingerprint))
    }
}
