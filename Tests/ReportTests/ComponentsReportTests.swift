import Foundation
import Testing
import Vocabulary
@testable import Report

/// A whole credential's `components` in the reports: JSON only when there are some (so
/// reports without pairs are byte-identical), the hand-written writer as the encoder, text and
/// SARIF naming each part's location.
@Suite struct ComponentsReportTests {
    static var joined: Finding {
        var f = Fixture.aws
        f.rule = "aws-secret-access-key"
        f.components = [
            Component(rule: "aws-access-key-id", role: "access key ID", line: 11, column: 21, secret: "AKIA…",
                      fingerprint: "00112233445566778899aabbccddeeff"),
            Component(rule: "aws-secret-access-key", role: "AWS secret access key", line: 12, column: 5,
                      secret: "Qz/a…", fingerprint: f.fingerprint),
        ]
        return f
    }

    func encoderText(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func jsonListsComponentsOnlyWhenThereAreSome() throws {
        let report = ScanReport(findings: [Self.joined, Fixture.openAI], summary: ScanSummary())
        var json = PrettyJSON()
        report.write(&json)
        let text = json.text
        #expect(text == (try encoderText(report)))
        #expect(text.components(separatedBy: "\"components\"").count == 2, "one finding has components")
        #expect(text.contains("\"role\" : \"access key ID\""))
        let back = try JSONReporter.decode(Data(JSONReporter().render(report).utf8))
        #expect(back.findings.first?.components == Self.joined.components)
        #expect(back.findings.last?.components == nil)
        // An empty list is left out as well.
        var empty = Fixture.openAI
        empty.components = []
        var plain = PrettyJSON(), none = PrettyJSON()
        ScanReport(findings: [empty], summary: ScanSummary()).write(&plain)
        ScanReport(findings: [Fixture.openAI], summary: ScanSummary()).write(&none)
        #expect(plain.text == none.text)
    }

    @Test func textAndSARIFNameEachPartsLocation() throws {
        let report = ScanReport(findings: [Self.joined], summary: ScanSummary())
        let text = TextReporter().render(report)
        #expect(text.contains("    parts:   access key ID at 11:21 (aws-access-key-id), AWS secret access key at 12:5 (aws-secret-access-key)\n"))
        let sarif = SARIFReporter().render(report)
        #expect(sarif.contains("; parts: access key ID at 11:21 (aws-access-key-id)"))
        #expect(sarif.contains("\"components\""))
        #expect(!SARIFReporter().render(ScanReport(findings: [Fixture.openAI], summary: ScanSummary())).contains("\"components\""))
    }
}
