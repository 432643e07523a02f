import Foundation
import Report
import Scan
import Testing
import TestSupport

/// Issue 11, case 1: file names git quotes or cuts (a blank, a tab, a newline, quotes, a
/// backslash, non-ASCII, a leading blank) come back byte for byte in all three git modes.
@Suite struct GitPathNameTests {
    /// Names that once came back wrong: `my keys.env` kept git's trailing tab (`+++ b/my keys.env\t`),
    /// history cut `new\nline.env` at the newline and dropped the blank of ` lead.env`.
    static let names = [
        "my keys.env",
        "tab\there.env",
        "new\nline.env",
        "quo\"te.env",
        "back\\slash.env",
        "ünïcødé 密钥.env",
        " lead.env",
        "dir with space/in\nside.env",
    ]

    /// `name` → a fresh key in it.
    static func keys() -> [String: String] {
        Dictionary(uniqueKeysWithValues: names.map { ($0, Keys.akia()) })
    }

    static func files(_ keys: [String: String]) -> [String: String] {
        keys.mapValues { "X=1\nAWS_ACCESS_KEY_ID=\($0)\n" }
    }

    /// file → secret, from a report.
    static func found(_ report: ScanReport) -> [String: String] {
        Dictionary(report.findings.map { ($0.file, $0.secret) }, uniquingKeysWith: { a, _ in a })
    }

    @Test func stagedNamesWithBlanksTabsNewlinesQuotesAndNonASCIIAreExact() throws {
        let repo = try GitRepo()
        try repo.commit(["README.md": "hi\n"])
        let keys = Self.keys()
        for (file, text) in Self.files(keys) { try repo.write(file, text) }
        try repo.git(["add", "--"] + Self.names)
        let report = try Fixed.scan(repo.path, mode: .staged)
        #expect(Self.found(report) == keys)
        #expect(report.findings.allSatisfy { $0.line == 2 })
    }

    @Test func rangeNamesWithBlanksTabsNewlinesQuotesAndNonASCIIAreExact() throws {
        let repo = try GitRepo()
        let base = try repo.commit(["README.md": "hi\n"])
        let keys = Self.keys()
        let c = try repo.commit(Self.files(keys))
        let report = try Fixed.scan(repo.path, mode: .range("\(base)..HEAD"))
        #expect(Self.found(report) == keys)
        #expect(report.findings.allSatisfy { $0.commit?.sha == c && $0.line == 2 })
        // A rename with an edit: the new name, exactly.
        try repo.git("mv", "my keys.env", "renamed to\tthis.env")
        let added = Keys.akia()
        try repo.write("renamed to\tthis.env", "X=1\nAWS_ACCESS_KEY_ID=\(keys["my keys.env"]!)\nMORE=\(added)\n")
        try repo.git("add", "renamed to\tthis.env")
        try repo.commitStaged()
        let renamed = try Fixed.scan(repo.path, mode: .range("HEAD~1..HEAD"))
        #expect(renamed.findings.map { "\($0.file):\($0.line) \($0.secret)" } == ["renamed to\tthis.env:3 \(added)"])
    }

    @Test func historyNamesWithBlanksTabsNewlinesQuotesAndNonASCIIAreExact() throws {
        let repo = try GitRepo()
        let keys = Self.keys()
        let c = try repo.commit(Self.files(keys))
        let report = try Fixed.scan(repo.path, mode: .history)
        #expect(Self.found(report) == keys)
        #expect(report.findings.allSatisfy { $0.commit?.sha == c && $0.presentAtHead == true })
    }

    /// `--exclude` judges the exact name too: a newline name is excluded by its real last part.
    @Test func historyExcludesJudgeTheWholeName() throws {
        let repo = try GitRepo()
        let kept = Keys.akia()
        try repo.commit(["new\nline.secret": "K=\(Keys.akia())\n", "kept.env": "K=\(kept)\n"])
        let report = try Fixed.scan(repo.path, mode: .history) { $0.excludes = ["*.secret"] }
        #expect(report.findings.map(\.secret) == [kept])
        #expect(report.summary.filesSkipped == ["excluded": 1])
    }
}
