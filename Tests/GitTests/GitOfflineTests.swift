import Foundation
import GitExec
import Inputs
import Report
import Scan
import Testing
import TestSupport

/// Issue 11, cases 2 and 8: a partial clone never goes online (git would fetch every missing
/// blob from its promisor remote), the blobs it lacks are counted; a shallow clone is detected.
@Suite struct GitOfflineTests {
    /// A repository with `count` versions of `keys.env` (a key each) and its partial clone made
    /// through `file://` from a bare copy that allows filters: the clone checks out HEAD, so it
    /// holds the last version's blob and misses the older ones.
    struct PartialClone {
        let origin: GitRepo
        let clone: String
        let keys: [String]
    }

    static func makePartialClone(versions count: Int = 3, at name: String = "partial") throws -> PartialClone {
        let origin = try GitRepo()
        var keys: [String] = []
        for v in 1...count {
            let key = Keys.akia()
            keys.append(key)
            try origin.commit(["keys.env": "V=\(v)\nAWS_ACCESS_KEY_ID=\(key)\n", "README.md": "version \(v)\n"],
                              date: "2024-0\(v)-01T00:00:00Z")
        }
        let bare = origin.tmp.path + "/origin.git"
        try origin.git("clone", "-q", "--bare", origin.path, bare)
        try origin.git("-C", bare, "config", "uploadpack.allowFilter", "true")
        let clone = origin.tmp.path + "/" + name
        try origin.git("clone", "-q", "--filter=blob:none", "file://" + bare, clone)
        return PartialClone(origin: origin, clone: clone, keys: keys)
    }

    /// How many objects `clone` lacks (asked without any chance of a fetch).
    static func missing(in clone: String, _ origin: GitRepo) throws -> Int {
        var env = origin.environment()
        env["GIT_NO_LAZY_FETCH"] = "1"
        let r = try Program.run("/usr/bin/env", ["git", "-C", clone, "rev-list", "--objects", "--all", "--missing=print"], environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout.split(separator: "\n").filter { $0.hasPrefix("?") }.count
    }

    /// The test's premise: without the offline settings, reading the history the way leakscope
    /// did (`rev-list --objects | cat-file --batch-check`) makes git fetch the blobs.
    @Test func withoutTheOfflineSettingsGitFetchesAPartialClonesBlobs() throws {
        let p = try Self.makePartialClone(at: "premise")
        let before = try Self.missing(in: p.clone, p.origin)
        #expect(before == 2 * 2)   // keys.env and README.md of versions 1 and 2
        let r = try Program.run("/bin/sh", ["-c", "git rev-list --objects --all | git cat-file --batch-check >/dev/null"],
                                cwd: p.clone, environment: p.origin.environment())
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try Self.missing(in: p.clone, p.origin) == 0, "git did not fetch: the premise of the next test does not hold")
    }

    @Test func partialCloneHistoryDoesNotLazyFetchAndCountsTheMissingBlobs() throws {
        let p = try Self.makePartialClone()
        #expect(GitCommand.isPartialClone(repository: p.clone))
        #expect(!GitCommand.isPartialClone(repository: p.origin.path))
        let before = try Self.missing(in: p.clone, p.origin)
        #expect(before == 4)

        var seen: [String] = []
        let result = try GitHistory.streamHistory(repository: p.clone, skip: { _ in nil }, deltas: GitHistory.IntroductionLog(repository: p.clone)) { info, bytes, _ in
            seen.append(info.path + ":" + String(decoding: bytes, as: UTF8.self))
        }
        #expect(try Self.missing(in: p.clone, p.origin) == before, "git fetched from the promisor remote")
        #expect(result.missingObjects == 4)
        #expect(!result.complete)
        #expect(result.skipped == [.unreadable: 4])
        #expect(result.warning == "history: 4 objects of the history not in this repository (a partial clone?): not fetched and not scanned")
        #expect(seen.sorted() == ["README.md:version 3\n", "keys.env:V=3\nAWS_ACCESS_KEY_ID=\(p.keys[2])\n"])

        // The whole pipeline (history, then blame-free triage) stays offline too, and finds the
        // key the clone has; the missing blobs are counted as unreadable.
        let report = try Fixed.scan(p.clone, mode: .history)
        #expect(try Self.missing(in: p.clone, p.origin) == before, "the scan fetched from the promisor remote")
        #expect(report.findings.map(\.secret) == [p.keys[2]])
        #expect(report.summary.filesSkipped["unreadable"] == 4)
        // A files scan blames the finding's line: blame needs old blobs, fails offline, and the
        // finding falls back to the file's date; nothing is fetched.
        let files = try Fixed.scan(p.clone)
        #expect(files.findings.map(\.secret) == [p.keys[2]])
        #expect(try Self.missing(in: p.clone, p.origin) == before, "blame fetched from the promisor remote")
    }

    /// The pipeline's part, once it passes `GitHistory.streamHistory`'s result on: one warning,
    /// and the scan marked incomplete (docs/reliability.md, "what the pipeline must wire").
    @Test
    func partialCloneHistoryScanIsMarkedIncompleteWithOneWarning() throws {
        let p = try Self.makePartialClone()
        let report = try Fixed.scan(p.clone, mode: .history)
        #expect(!report.summary.complete)
        #expect(report.summary.warnings.filter { $0.contains("not in this repository") }.count == 1)
    }

    /// Every git child leakscope starts has lazy fetching off and no transport it may use.
    @Test func gitEnvironmentIsOffline() {
        let env = Git.environment()
        #expect(env["GIT_NO_LAZY_FETCH"] == "1")
        #expect(env["GIT_ALLOW_PROTOCOL"] == "leakscope-offline")
    }

    @Test func shallowCloneIsDetected() throws {
        let origin = try GitRepo()
        for v in 1...3 { try origin.commit(["a.txt": "\(v)\n"], date: "2024-0\(v)-01T00:00:00Z") }
        let shallow = origin.tmp.path + "/shallow"
        try origin.git("clone", "-q", "--depth", "1", "file://" + origin.path, shallow)
        #expect(GitCommand.isShallow(repository: shallow))
        #expect(!GitCommand.isShallow(repository: origin.path))
        #expect(!GitCommand.isShallow(repository: origin.home))   // not a repository
        #expect(try origin.git("-C", shallow, "rev-list", "--count", "HEAD") == "1")
    }
}
