import Foundation
import Report
import Scan
import Testing
import Vocabulary
import TestSupport

/// Files that are secrets by name in the git modes: a key store staged, committed in a range,
/// or only in the history is reported, though its patch carries no lines.
@Suite struct PathRuleGitTests {
    static func keyStore(_ n: Int) -> Data {
        var d = Data([0x30, 0x82, 0x04, 0xB0, 0x02, 0x01, 0x03, 0x00])
        var rng = SystemRandomNumberGenerator()
        d.append(contentsOf: (0..<(n - 8)).map { _ in UInt8.random(in: 0...255, using: &rng) })
        return d
    }

    func writeStore(_ repo: GitRepo, _ path: String, _ size: Int) throws {
        try repo.tmp.write("repo/" + path, Self.keyStore(size))
    }

    @Test func aStagedKeyStoreIsReportedAndAnExcludedOneIsNot() throws {
        let repo = try GitRepo()
        try repo.commit(["README.md": "hello\n"])
        try writeStore(repo, "android/app/release.jks", 1300)
        try writeStore(repo, "vendor/sdk/client.p12", 700)
        try repo.write("config/master.key", "9f3c1a7e5b2d4c6e8a0b1c2d3e4f5a6b")
        try repo.git("add", ".")
        let report = try Fixed.scan(repo.path, mode: .staged) { $0.excludes = ["vendor/"] }
        #expect(report.findings.map { "\($0.file):\($0.line):\($0.column) \($0.rule) \($0.secret) \($0.secretLength)" } == [
            "android/app/release.jks:1:1 java-key-store release.jks 1300",
            "config/master.key:1:1 rails-master-key-file master.key 32",
        ])
        #expect(report.findings.allSatisfy { $0.commit == nil && $0.redacted })
        #expect(report.findings[0].context == "Java or Android key store (binary, 1,300 bytes)")

        // The command line blocks the commit.
        let run = try repo.leakscope(["scan", "--staged", "--exclude", "vendor/", "."])
        #expect(run.status == 1)
        #expect(run.stdout.contains("android/app/release.jks:1:1  java-key-store"), "\(run.stdout)")
    }

    @Test func aRangeReportsTheCommitThatAddedTheKeyStore() throws {
        let repo = try GitRepo()
        let base = try repo.commit(["README.md": "hello\n"])
        try writeStore(repo, "certs/signing.pfx", 900)
        try repo.git("add", ".")
        let sha = try repo.commitStaged(as: .bob, date: "2024-06-01T10:00:00Z", message: "signing key")
        // A rename in a later commit writes the same store at a new path: a new finding there.
        try repo.git("mv", "certs/signing.pfx", "certs/token-signing.pfx")
        let renamed = try repo.commitStaged(date: "2024-06-02T10:00:00Z", message: "rename")
        let report = try Fixed.scan(repo.path, mode: .range("\(base)..HEAD"))
        #expect(report.findings.map { "\($0.file) \($0.rule) \($0.commit?.sha ?? "-")" } == [
            "certs/signing.pfx pkcs12-key-store \(sha)",
            "certs/token-signing.pfx pkcs12-key-store \(renamed)",
        ])
        let f = report.findings[0]
        #expect(f.age?.source == .git && f.age?.commit == sha)
        #expect(f.owner?.author == Person.bob.name)
    }

    @Test func historyReportsAKeyStoreRemovedSinceWithItsCommit() throws {
        let repo = try GitRepo()
        try repo.commit(["README.md": "hello\n"])
        try writeStore(repo, "mobile/release.keystore", 1500)
        try repo.git("add", ".")
        let added = try repo.commitStaged(as: .bob, date: "2024-04-01T09:00:00Z", message: "add keystore")
        try repo.git("rm", "-q", "mobile/release.keystore")
        try repo.commitStaged(date: "2024-04-02T09:00:00Z", message: "remove keystore")
        let report = try Fixed.scan(repo.path, mode: .history)
        let f = try #require(report.findings.first)
        #expect(report.findings.count == 1)
        #expect(f.file == "mobile/release.keystore" && f.line == 1 && f.column == 1 && f.rule == "java-key-store")
        #expect(f.commit?.sha == added)
        #expect(f.presentAtHead == false)
        #expect(f.secretLength == 1500)
        #expect(f.owner?.author == Person.bob.name)
        #expect(f.blastRadius.reasons.last?.contains("history") == true)
        // The binary blob is still counted as skipped: its contents were never scanned.
        #expect((report.summary.filesSkipped["binary"] ?? 0) >= 1)
    }

    @Test func historyIsConsistentWithAFileScanAndTriageBlamesTheFile() throws {
        let repo = try GitRepo()
        try writeStore(repo, "certs/server.p12", 1000)
        try repo.git("add", ".")
        let sha = try repo.commitStaged(as: .bob, date: "2024-05-01T08:00:00Z", message: "cert")
        let files = try Fixed.scan(repo.path)
        let history = try Fixed.scan(repo.path, mode: .history)
        let f = try #require(files.findings.first), h = try #require(history.findings.first)
        #expect(files.findings.count == 1 && history.findings.count == 1)
        #expect(f.age?.source == .git && f.age?.commit == sha, "blame of line 1 of the binary file")
        #expect(f.owner?.author == Person.bob.name)
        #expect(h.presentAtHead == true)
        // From the repository's top, a file scan and a history scan name the file alike.
        func fingerprints(_ args: [String]) throws -> [String] {
            let run = try repo.leakscope(["scan"] + args + ["--format", "json", "-q"])
            let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
            return (json?["findings"] as? [[String: Any]] ?? []).compactMap { $0["fingerprint"] as? String }
        }
        let fromFiles = try fingerprints(["."]), fromHistory = try fingerprints(["--history"])
        #expect(fromFiles.count == 1)
        #expect(fromFiles == fromHistory, "same rule, path and contents")
    }
}
