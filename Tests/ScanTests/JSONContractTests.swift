import Foundation
import Testing
import Vocabulary
import TestSupport
@testable import Report
@testable import Rules
@testable import Scan

@Suite struct JSONContractTests {
    @Test func reportHasTheDocumentedShape() throws {
        let d = try TempDir()
        try d.write("k.env", "HF_TOKEN=\(FakeKeys.huggingFaceToken())\n")
        let report = try Scanner(rules: builtin).scan(ScanOptions(roots: [d.path]))
        let json = JSONReporter().render(report)
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let findings = try #require(obj["findings"] as? [[String: Any]])
        let summary = try #require(obj["summary"] as? [String: Any])
        #expect(findings.count == 1)
        for key in ["rule", "provider", "category", "file", "line", "column", "secret", "fingerprint", "entropy", "blastRadius"] {
            #expect(findings[0][key] != nil, "missing \(key)")
        }
        for key in ["filesScanned", "bytesScanned", "filesSkipped", "seconds", "rulesLoaded"] {
            #expect(summary[key] != nil, "missing \(key)")
        }
        #expect(findings[0]["line"] as? Int == 1)
        #expect(findings[0]["category"] as? String == "ai")
        // And it reads back.
        #expect(try JSONReporter.decode(Data(json.utf8)).findings.count == 1)
    }
}
