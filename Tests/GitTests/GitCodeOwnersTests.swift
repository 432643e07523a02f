import Foundation
import Report
import Scan
import Testing
import TestSupport

/// Issue 11, case 5, through the pipeline: one `!` line no longer drops every owner.
@Suite struct GitCodeOwnersTests {
    static func repo() throws -> (GitRepo, String) {
        let repo = try GitRepo()
        let key = Keys.akia()
        try repo.commit([".github/CODEOWNERS": "* @org/all\n!vendor/ @org/vendor\ndeploy/ @org/ops\n",
                         "deploy/prod.env": "AWS_ACCESS_KEY_ID=\(key)\n"])
        return (repo, key)
    }

    @Test func negatedCodeOwnersLineKeepsTheOtherOwners() throws {
        let (repo, key) = try Self.repo()
        for mode in [ScanOptions.Mode.files, .history] {
            let report = try Fixed.scan(repo.path, mode: mode)
            #expect(report.finding(key)?.owner?.team == ["@org/ops"], "\(mode)")
        }
    }

    /// The pipeline's part, once it reports `CodeOwners.warnings`: one warning naming file and line.
    @Test
    func negatedCodeOwnersLineIsAWarningWithFileAndLine() throws {
        let (repo, _) = try Self.repo()
        let report = try Fixed.scan(repo.path)
        #expect(report.summary.warnings.filter { $0.hasPrefix(".github/CODEOWNERS:2: ") }.count == 1)
    }
}
