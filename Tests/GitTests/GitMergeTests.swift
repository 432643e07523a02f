import Foundation
import Report
import Scan
import Testing
import TestSupport

/// Issue 11, case 3: `--since`/`--range` skipped merge commits (`--no-merges`), so a key typed
/// while resolving a conflict passed. A merge now adds what its result has that no parent has.
@Suite struct GitMergeTests {
    /// main and side both change line 1 of `f.env`; the merge resolves the conflict by keeping
    /// both and adding a key, and adds a new file of its own.
    @Test func rangeFindsAKeyAddedWhileResolvingAMergeConflict() throws {
        let repo = try GitRepo()
        let base = try repo.commit(["f.env": "A=base\nB=2\n"], date: "2024-01-01T00:00:00Z")
        try repo.git("checkout", "-q", "-b", "side")
        try repo.commit(["f.env": "A=side\nB=2\n"], date: "2024-01-02T00:00:00Z")
        try repo.git("checkout", "-q", "main")
        try repo.commit(["f.env": "A=main\nB=2\n"], date: "2024-01-03T00:00:00Z")
        #expect(throws: GitFailure.self) { try repo.git("merge", "-q", "side") }   // the conflict
        let key = Keys.akia(), other = Keys.akia()
        try repo.write("f.env", "A=main\nA2=side\nAWS_ACCESS_KEY_ID=\(key)\nB=2\n")
        try repo.write("resolved.env", "K=\(other)\n")
        try repo.git("add", "f.env", "resolved.env")
        let merge = try repo.commitStaged(date: "2024-01-04T00:00:00Z", message: "merge side")
        #expect(try repo.git("rev-list", "--parents", "-n", "1", "HEAD").split(separator: " ").count == 3)

        for mode in [ScanOptions.Mode.range("\(base)..HEAD"), .range("HEAD~1..HEAD")] {
            let report = try Fixed.scan(repo.path, mode: mode)
            #expect(report.findings.map { "\($0.file):\($0.line) \($0.secret) \($0.commit?.sha ?? "-")" } == [
                "f.env:3 \(key) \(merge)",
                "resolved.env:1 \(other) \(merge)",
            ], "\(mode)")
        }
    }

    /// What a merge takes from a parent is not its own: merging main into a feature branch
    /// (GitHub's "Update branch") does not make main's key a finding of `--since main`, and a
    /// key a branch commit added is reported once, with that commit, not again with the merge.
    @Test func mergeDoesNotReReportWhatItsParentsAdded() throws {
        let repo = try GitRepo()
        try repo.commit(["README.md": "hi\n"], date: "2024-01-01T00:00:00Z")
        try repo.git("checkout", "-q", "-b", "feature")
        let featureKey = Keys.akia()
        let f1 = try repo.commit(["feature.env": "K=\(featureKey)\n"], date: "2024-01-02T00:00:00Z")
        try repo.git("checkout", "-q", "main")
        try repo.commit(["main.env": "K=\(Keys.akia())\n"], date: "2024-01-03T00:00:00Z")
        try repo.git("checkout", "-q", "feature")
        try repo.git("merge", "-q", "--no-edit", "main")
        let report = try Fixed.scan(repo.path, mode: .range("main..feature"))
        #expect(report.findings.map { "\($0.file) \($0.secret) \($0.commit?.sha ?? "-")" } == ["feature.env \(featureKey) \(f1)"])
    }
}
