import Foundation
import Inputs
import Report
import Scan
import Testing
import TestSupport

/// Issue 11, case 4: `git mv a b` plus an edit of another line in one commit made `--history`
/// report the key again, credited to the rename. The introduction log now follows renames, and
/// a secret's introducing commit is the oldest version (through changes and renames) holding it.
@Suite struct GitRenameTests {
    struct Renamed {
        let repo: GitRepo
        let key: String, added: String
        let c1: String, c2: String
        /// The blob of `a.env` in c1, of `b.env` in c2.
        let before: String, after: String
    }

    static func makeRename() throws -> Renamed {
        let repo = try GitRepo()
        let key = Keys.akia(), added = Keys.akia()
        let lines = (1...20).map { "SETTING_\($0)=value \($0)\n" }.joined()
        let c1 = try repo.commit(["a.env": "AWS_ACCESS_KEY_ID=\(key)\n" + lines], date: "2024-01-01T00:00:00Z")
        try repo.git("mv", "a.env", "b.env")
        try repo.write("b.env", "AWS_ACCESS_KEY_ID=\(key)\n" + lines.replacingOccurrences(of: "value 7", with: "seven")
                           + "NEW_KEY=\(added)\n")
        try repo.git("add", "b.env")
        let c2 = try repo.commitStaged(date: "2024-02-01T00:00:00Z", message: "rename a.env to b.env, edit")
        return Renamed(repo: repo, key: key, added: added, c1: c1, c2: c2,
                       before: try repo.rev("\(c1):a.env"), after: try repo.rev("\(c2):b.env"))
    }

    @Test func renamePlusEditKeepsTheKeysIntroducingCommit() throws {
        let r = try Self.makeRename()
        // git sees the rename (the premise): `R` from a.env to b.env in c2.
        #expect(try r.repo.git("show", "-M", "--name-status", "--format=", r.c2).hasPrefix("R"))
        let log = GitHistory.IntroductionLog(repository: r.repo.path)
        #expect(log.followsRenames)
        #expect(log.deltaBases()?.renamedFrom == [r.after: r.before])
        let found = try log.introducingCommits(ofSecrets: [
            (oid: r.before, secret: "key"),
            (oid: r.after, secret: "key"),     // the same key, kept through the rename
            (oid: r.after, secret: "added"),   // a key new in the renamed version
        ])
        #expect(found.map { $0.map { "\($0.commit.sha) \($0.path) \($0.origin)" } }
                == ["\(r.c1) a.env \(r.before)", "\(r.c1) a.env \(r.before)", "\(r.c2) b.env \(r.after)"])
        // Blob by blob, b.env's version is the rename's: what the pipeline credited before.
        #expect(try log.introducingCommits(of: [r.after])[r.after]?.0.sha == r.c2)
    }

    /// Through several versions: changed (same path) several times, then renamed with an edit,
    /// then changed again: the key is credited to its first commit; a key added and removed
    /// then added again counts from its first addition.
    @Test func secretsAreFollowedThroughChangesAndRenames() throws {
        let repo = try GitRepo()
        let key = Keys.akia()
        let body = (1...20).map { "LINE_\($0)=\($0)\n" }.joined()
        let c1 = try repo.commit(["x/one.env": "K=\(key)\n" + body], date: "2024-01-01T00:00:00Z")
        try repo.commit(["x/one.env": "K=\(key)\n" + body + "MORE=1\n"], date: "2024-01-02T00:00:00Z")
        try repo.tmp.mkdir("repo/y")
        try repo.git("mv", "x/one.env", "y/two.env")
        try repo.write("y/two.env", "K=\(key)\n" + body + "MORE=2\n")
        try repo.git("add", "y/two.env")
        try repo.commitStaged(date: "2024-01-03T00:00:00Z")
        try repo.commit(["y/two.env": "K=\(key)\n" + body + "MORE=3\n"], date: "2024-01-04T00:00:00Z")
        let head = try repo.rev("HEAD:y/two.env"), first = try repo.rev("\(c1):x/one.env")
        let log = GitHistory.IntroductionLog(repository: repo.path)
        // Only the first and last versions were seen holding it (the middle ones were scanned
        // where they changed): the walk goes through them.
        let found = try log.introducingCommits(ofSecrets: [(oid: head, secret: "k"), (oid: first, secret: "k")])
        #expect(found.map { $0?.commit.sha } == [c1, c1])
        #expect(found.first??.path == "x/one.env")
    }

    /// The pipeline's part, once `Scanner.attribute` credits findings with
    /// `IntroductionLog.introducingCommits(ofSecrets:)`: both findings (a.env in the history,
    /// b.env at HEAD) name c1; the key new in the rename names c2.
    @Test
    func historyCreditsAKeyKeptThroughARenameToItsFirstCommit() throws {
        let r = try Self.makeRename()
        let report = try Fixed.scan(r.repo.path, mode: .history)
        #expect(report.findings.filter { $0.secret == r.key }.allSatisfy { $0.commit?.sha == r.c1 })
        #expect(report.finding(r.added)?.commit?.sha == r.c2)
    }

    /// In a partial clone rename detection would read blobs the clone lacks (git fails rather
    /// than fetch them): the log runs without it, and still names every blob's commit.
    @Test func partialCloneLogDoesNotFollowRenamesButWorks() throws {
        let r = try Self.makeRename()
        let bare = r.repo.tmp.path + "/origin.git"
        try r.repo.git("clone", "-q", "--bare", r.repo.path, bare)
        try r.repo.git("-C", bare, "config", "uploadpack.allowFilter", "true")
        let clone = r.repo.tmp.path + "/partial"
        try r.repo.git("clone", "-q", "--filter=blob:none", "file://" + bare, clone)
        let log = GitHistory.IntroductionLog(repository: clone)
        #expect(!log.followsRenames)
        #expect(try log.introducingCommits(of: [r.after])[r.after]?.0.sha == r.c2)
    }
}
