import Foundation
import Report
import Scan
import Testing
import Vocabulary
import TestSupport

/// Issue 14, "Baselines and suppressions that work in the hook": `scan --staged` (what the
/// pre-commit hook runs) reads the conventional baseline and `.leakscopeignore` at the
/// repository root, with the same fingerprints as a scan of the work tree.
@Suite struct HookBaselineTests {
    func staged(_ repo: GitRepo) throws -> ScanReport {
        var r = ScanRequest()
        r.paths = [repo.path]
        r.mode = .staged
        r.useGit = false
        r.threads = 2
        return try ScanPlan.make(r).run()
    }

    @Test func stagedScanUsesTheBaselineAtTheRepositoryRoot() throws {
        let repo = try GitRepo()
        try repo.commit(["README": "hello\n"])
        let known = Keys.akia(), fresh = Keys.akia()
        try repo.write("config/app.env", "KEY=\(known)\n")
        // What the block message tells the user to run: a baseline of the work tree.
        var whole = ScanRequest()
        whole.paths = [repo.path]
        whole.useGit = false
        let baseline = try ScanPlan.make(whole).run()
        try repo.write(ScanPlan.baselineFileName, JSONReporter().renderAll(baseline))
        try repo.write("config/app.env", "KEY=\(known)\nNEW=\(fresh)\n")
        try repo.git("add", "config/app.env")
        let report = try staged(repo)
        #expect(report.visible.count == 1)
        #expect(report.visible.first?.context.contains("NEW=") == true)
        #expect(report.findings.filter { $0.suppression?.kind == .baseline }.count == 1)
    }

    @Test func stagedScanHonoursLeakscopeignore() throws {
        let repo = try GitRepo()
        try repo.commit(["README": "hello\n"])
        try repo.write("app.env", "KEY=\(Keys.akia())\n")
        try repo.git("add", "app.env")
        let fp = try #require(try staged(repo).visible.first).fingerprint
        try repo.write(IgnoreFile.fileName, "\(fp) # reviewed\n")
        let report = try staged(repo)
        #expect(report.visible.isEmpty)
        #expect(report.findings.first?.suppression?.kind == .ignoreFile)
    }
}
