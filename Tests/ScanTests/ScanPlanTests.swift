import Foundation
import Testing
import TestSupport
import Report
import Vocabulary
@testable import Scan

/// The plan the CLI runs, built and run without a process: config discovery and merge, the
/// baseline, --min-risk and --fail-on, and the exit status each outcome has.
@Suite struct ScanPlanTests {
    func request(_ dir: TempDir, _ change: (inout ScanRequest) -> Void = { _ in }) -> ScanRequest {
        var r = ScanRequest()
        r.paths = [dir.path]
        r.useGit = false
        r.threads = 2
        change(&r)
        return r
    }

    @Test func configAtTheRootIsFoundAndMerged() throws {
        let d = try TempDir()
        let allowed = FakeKeys.awsAccessKeyID(), real = FakeKeys.awsAccessKeyID()
        try d.write(".leakscope.toml", """
            [scan]
            exclude = ["vendor/"]
            disable_rules = ["huggingface-user-token"]

            [allowlist]
            values = ["\(allowed)"]

            """)
        try d.write("vendor/lib.env", "KEY=\(FakeKeys.awsAccessKeyID())\n")
        try d.write("app/hub.py", "hub = '\(FakeKeys.huggingFaceToken())'\n")
        try d.write("app/allowed.env", "KEY=\(allowed)\n")
        try d.write("app/real.env", "KEY=\(real)\n")
        let plan = try ScanPlan.make(request(d))
        #expect(plan.options.excludes == ["vendor/"])
        #expect(!plan.rules.rules.contains { $0.id == "huggingface-user-token" })
        let report = try plan.run()
        #expect(report.visible.map { URL(fileURLWithPath: $0.file).lastPathComponent } == ["real.env"])
        #expect(report.findings.first { $0.file.hasSuffix("allowed.env") }?.suppression?.kind == .config)
        #expect(report.summary.filesSkipped["excluded"] == 1)
        #expect(plan.outcome(of: report) == .findings(1))
        #expect(plan.outcome(of: report).exitStatus == 1)
    }

    @Test func malformedConfigNamesFileAndLine() throws {
        let d = try TempDir()
        try d.write(".leakscope.toml", "[scan]\nexclude = []\nexcludes = [\"vendor/\"]\n")
        do {
            _ = try ScanPlan.make(request(d))
            Issue.record("a config with an unknown key made a plan")
        } catch {
            #expect(error.message.contains(".leakscope.toml:3: unknown key 'excludes' in [scan]"), "\(error)")
        }
    }

    @Test func baselineSuppressesWhatItHolds() throws {
        let d = try TempDir()
        let old = FakeKeys.awsAccessKeyID(), new = FakeKeys.awsAccessKeyID()
        try d.write("a.env", "KEY=\(old)\n")
        let first = try ScanPlan.make(request(d)).run()
        let baseline = try d.write("../baseline-\(UUID().uuidString).json", JSONReporter().renderAll(first))
        defer { try? FileManager.default.removeItem(atPath: baseline) }
        try d.write("a.env", "# moved\nKEY=\(old)\nNEW=\(new)\n")
        let plan = try ScanPlan.make(request(d) { $0.baseline = baseline; $0.showSecrets = true })
        let report = try plan.run()
        #expect(report.visible.map(\.secret) == [new])
        #expect(report.summary.suppressed == 1)
        #expect(report.findings.contains { $0.suppression?.kind == .baseline })
    }

    @Test func minRiskHidesAndFailOnDecides() throws {
        let d = try TempDir()
        try d.write("a.env", "KEY=\(FakeKeys.awsAccessKeyID())\n")
        let levels = try ScanPlan.make(request(d)).run().visible.map(\.risk.level)
        let level = try #require(levels.first)
        let above = Level.allCases.first { $0 > level }
        if let above {
            #expect(try ScanPlan.make(request(d) { $0.minRisk = above }).run().visible.isEmpty)
            let lenient = try ScanPlan.make(request(d) { $0.failOn = above })
            #expect(lenient.outcome(of: try lenient.run()) == .clean)
        }
        let strict = try ScanPlan.make(request(d) { $0.failOn = level })
        #expect(strict.outcome(of: try strict.run()) == .findings(1))
    }

    @Test func reposFileAddsRootsAndABadOneIsAnError() throws {
        let d = try TempDir()
        try d.write("one/a.env", "KEY=\(FakeKeys.awsAccessKeyID())\n")
        let list = try d.write("repos.txt", "# roots\n\(d.path)/one\n\n")
        let plan = try ScanPlan.make(request(d) { $0.paths = ["."]; $0.reposFile = list })
        #expect(plan.options.roots == ["\(d.path)/one"])
        do {
            _ = try ScanPlan.make(request(d) { $0.reposFile = d.path + "/missing.txt" })
            Issue.record("a missing repos file made a plan")
        } catch {
            #expect(error.message.contains("cannot read"))
        }
    }
}
