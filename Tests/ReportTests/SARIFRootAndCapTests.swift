import Foundation
import Vocabulary
import Testing
import TestSupport
@testable import Report
@testable import Scan

/// Issue 14, "SARIF that GitHub accepts at any size": URIs relative to the repository root under
/// `%SRCROOT%` (declared in `originalUriBaseIds`) whatever folder the scan starts from, and at
/// most 25,000 results a run, the highest-risk kept and the rest counted.
extension SARIFTests {
    func scanReport(_ root: String) throws -> ScanReport {
        var r = ScanRequest()
        r.paths = [root]
        r.useGit = false
        r.threads = 2
        return try ScanPlan.make(r).run()
    }

    @Test func sarifURIsAreRelativeToTheRepositoryRootWhateverTheRootsSpelling() throws {
        let d = try TempDir()
        try d.mkdir(".git")
        try d.write("src/app.env", "KEY=\(FakeKeys.awsAccessKeyID())\n")
        let real = try #require(PathAnchor.realPath(d.path))
        for root in [d.path, d.path + "/src/..", d.path + "/src", d.path + "/src/app.env"] {
            let sarif = reporter.render(try scanReport(root))
            try validate(sarif)
            let run = try decode(sarif).runs[0]
            let location = try #require(run.results.first?.locations.first?.physicalLocation.artifactLocation)
            #expect(location.uri == "src/app.env", "\(root)")
            #expect(location.uriBaseId == "%SRCROOT%")
            #expect(run.originalUriBaseIds?["%SRCROOT%"]?.uri == "file://" + SARIFReporter.percentEncodePath(real + "/", keepDriveColon: false))
        }
    }

    @Test func aFileUnderAnotherRootKeepsAnAbsoluteURI() throws {
        let d = try TempDir()
        try d.mkdir("one/.git")
        try d.mkdir("two/.git")
        try d.write("one/a.env", "KEY=\(FakeKeys.awsAccessKeyID())\n")
        try d.write("two/b.env", "KEY=\(FakeKeys.awsAccessKeyID())\n")
        var r = ScanRequest()
        r.paths = [d.path + "/one", d.path + "/two"]
        r.useGit = false
        let sarif = reporter.render(try ScanPlan.make(r).run())
        try validate(sarif)
        let locations = try decode(sarif).runs[0].results.map { $0.locations[0].physicalLocation.artifactLocation }
        #expect(locations.contains(SARIF.ArtifactLocation(uri: "a.env", uriBaseId: "%SRCROOT%")))
        #expect(locations.contains { $0.uriBaseId == nil && $0.uri.hasPrefix("file:///") && $0.uri.hasSuffix("/two/b.env") })
    }

    @Test func aRunOverTheCapKeepsTheHighestRiskAndCountsTheRest() throws {
        var findings: [Finding] = []
        for i in 0..<30 {
            var f = Fixture.with(file: "f\(i / 10)/k\(i).env")
            f.risk = Risk(score: (i * 37) % 100, level: .medium)
            f.fingerprint = String(format: "%032x", i)
            findings.append(f)
        }
        findings.sort(by: Finding.reportOrder)
        let report = ScanReport(findings: findings, summary: ScanSummary(filesScanned: 30, bytesScanned: 1, seconds: 0, rulesLoaded: 1))
        let sarif = SARIFReporter(maxResults: 10).render(report)
        try validate(sarif)
        let run = try decode(sarif).runs[0]
        #expect(run.results.count == 10)
        let kept = findings.sorted { $0.risk.score > $1.risk.score }.prefix(10).map(\.fingerprint)
        #expect(Set(run.results.compactMap { $0.partialFingerprints["leakscope/v1"] }) == Set(kept))
        // Still in report order.
        let order = findings.map(\.fingerprint).filter(Set(kept).contains)
        #expect(run.results.compactMap { $0.partialFingerprints["leakscope/v1"] } == order)
        #expect(run.properties == SARIF.RunProperties(resultsOmitted: 20, resultsTotal: 30))
        #expect(run.invocations[0].toolExecutionNotifications?.contains { $0.message.text.hasPrefix("20 of 30 results left out") } == true)
        // Under the cap nothing is said.
        let small = try decode(SARIFReporter(maxResults: 30).render(report)).runs[0]
        #expect(small.results.count == 30 && small.properties == nil)
        #expect(SARIFReporter.defaultMaxResults == 25_000)
    }

    @Test func suppressedFindingsAreTheFirstLeftOutAtTheCap() {
        var loud = Fixture.with(file: "a.env")
        loud.risk = Risk(score: 10, level: .low)
        var quiet = Fixture.with(file: "b.env", suppression: Suppression(kind: .baseline, justification: "in baseline"))
        quiet.risk = Risk(score: 99, level: .critical)
        let (kept, omitted) = SARIFReporter.capped([loud, quiet], to: 1)
        #expect(kept.map(\.file) == ["a.env"] && omitted == 1)
    }
}
