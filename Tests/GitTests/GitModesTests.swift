import Foundation
import Report
import Scan
import Testing
import Vocabulary
import TestSupport

/// Issue "Where it runs": staged changes, commit ranges and the whole history of real repositories.
@Suite struct GitModesTests {
    // MARK: --staged

    @Test func stagedScansOnlyTheLinesTheIndexAdds() throws {
        let repo = try GitRepo()
        let old = Keys.akia(), gone = Keys.akia()
        try repo.commit([
            "config/app.env": "A=1\nOLD_KEY=\(old)\nC=3\n",
            "gone.env": "KEY=\(gone)\n",
            "config/other.txt": "nothing here\n",
            "svc/e.yaml": "x: 1\n",
        ])
        let added = Keys.akia(), newFile = Keys.akia(), unstaged = Keys.akia(), staged = Keys.akia(), later = Keys.akia()
        // (a) a modification: a line above the old secret, a new secret at the end.
        try repo.write("config/app.env", "# header\nA=1\nOLD_KEY=\(old)\nC=3\nNEW_KEY=\(added)\n")
        try repo.git("add", "config/app.env")
        // (b) a new file.
        try repo.write("new/secret.py", "import os\nKEY = '\(newFile)'\n")
        try repo.git("add", "new/secret.py")
        // (c) a deleted file that held a secret.
        try repo.git("rm", "-q", "gone.env")
        // (d) a working-tree change never staged.
        try repo.write("config/other.txt", "nothing here\nKEY=\(unstaged)\n")
        // (e) a staged change, then a different unstaged edit of the same file.
        try repo.write("svc/e.yaml", "x: 1\ny: \(staged)\n")
        try repo.git("add", "svc/e.yaml")
        try repo.write("svc/e.yaml", "a: 0\nb: 0\nc: 0\nx: 1\ny: \(staged)\nz: \(later)\n")

        let report = try Fixed.scan(repo.path, mode: .staged)
        #expect(report.findings.map { "\($0.file):\($0.line):\($0.column) \($0.secret)" } == [
            "config/app.env:5:9 \(added)",       // numbered as in the staged file; the old secret is not added
            "new/secret.py:2:8 \(newFile)",
            "svc/e.yaml:2:4 \(staged)",           // the staged version's line, not the working tree's 5
        ])
        for f in report.findings {
            #expect(f.rule == "aws-access-key-id")
            #expect(f.commit == nil)
            #expect(f.age == nil)
            #expect(f.owner?.plain == Owner(team: nil, author: nil, email: nil))
            #expect(f.presentAtHead == nil)
            #expect(f.suppression == nil)
        }
        #expect(report.summary.filesScanned == 3)
        #expect(report.summary.findings == 3)
    }

    @Test func stagedCommandBlocksTheCommitAndSaysHowToAllow() throws {
        let repo = try GitRepo()
        try repo.commit(["README.md": "hello\n"])
        let clean = try repo.leakscope(["scan", "--staged", "."])
        #expect(clean.status == 0)

        try repo.write("deploy/prod.env", "AWS_ACCESS_KEY_ID=\(Keys.akia())\n")
        try repo.git("add", "deploy/prod.env")
        let blocked = try repo.leakscope(["scan", "--staged", "."])
        #expect(blocked.status == 1)
        #expect(blocked.stdout.contains("deploy/prod.env:1:19"))
        #expect(blocked.stderr.contains("leakscope: commit blocked: 1 secret in the staged changes."))
        #expect(blocked.stderr.contains("`leakscope:allow`"))

        // The same line marked inline passes.
        try repo.write("deploy/prod.env", "AWS_ACCESS_KEY_ID=\(Keys.akia())  # leakscope:allow\n")
        try repo.git("add", "deploy/prod.env")
        let allowed = try repo.leakscope(["scan", "--staged", "."])
        #expect(allowed.status == 0)
        #expect(allowed.stderr.isEmpty)
    }

    // MARK: --range, --since

    struct RangeRepo {
        let repo: GitRepo
        let k1: String, k2: String, k3: String
        let c1: String, c2: String, c3: String, c4: String
    }

    static func makeRangeRepo() throws -> RangeRepo {
        let repo = try GitRepo()
        let k1 = Keys.akia(), k2 = Keys.akia(), k3 = Keys.akia()
        let c1 = try repo.commit(["a.env": "A=1\nK1=\(k1)\n"], as: .alice, date: "2024-01-10T10:00:00+01:00")
        let c2 = try repo.commit(["b.env": "K2=\(k2)\n"], as: .bob, date: "2024-02-20T15:30:00-08:00")
        let c3 = try repo.commit(["a.env": "A=1\nK1=\(k1)\nK3=\(k3)\n"], as: .alice, date: "2024-04-05T08:00:00+05:30")
        let c4 = try repo.commit(["c.txt": "no secret here\n"], as: .bob, date: "2024-05-01T00:00:00+02:00")
        return RangeRepo(repo: repo, k1: k1, k2: k2, k3: k3, c1: c1, c2: c2, c3: c3, c4: c4)
    }

    @Test func rangeReportsWhatItsCommitsAddWithTheCommit() throws {
        let r = try Self.makeRangeRepo()
        let report = try Fixed.scan(r.repo.path, mode: .range("\(r.c1)..\(r.c3)"))
        #expect(report.findings.map { "\($0.file):\($0.line) \($0.secret)" } == ["a.env:3 \(r.k3)", "b.env:1 \(r.k2)"])
        let f2 = try #require(report.finding(r.k2))
        #expect(f2.commit == Commit(sha: r.c2, author: Person.bob.name, email: Person.bob.email, date: "2024-02-20T15:30:00-08:00"))
        #expect(f2.age == Age(introduced: "2024-02-20T15:30:00-08:00", days: 374, commit: r.c2, source: .git))
        #expect(f2.owner?.plain == Owner(team: nil, author: Person.bob.name, email: Person.bob.email))
        #expect(f2.column == 4)
        let f3 = try #require(report.finding(r.k3))
        #expect(f3.commit == Commit(sha: r.c3, author: Person.alice.name, email: Person.alice.email, date: "2024-04-05T08:00:00+05:30"))
        #expect(f3.age == Age(introduced: "2024-04-05T08:00:00+05:30", days: 329, commit: r.c3, source: .git))
        #expect(f3.owner?.plain == Owner(team: nil, author: Person.alice.name, email: Person.alice.email))
        for f in report.findings {
            #expect(f.presentAtHead == nil)
            // high 50 + long-lived 10 + committed 10 + min(10, days / 30) 10 = 80 (`a.env` is not a
            // `.env` file, which would raise the level).
            #expect(f.blastRadius.level == .high)
            #expect(f.risk.plain == Risk(score: 80, level: .critical))
        }
        #expect(report.finding(r.k1) == nil)
    }

    @Test func sinceReportsOnlyLaterCommits() throws {
        let r = try Self.makeRangeRepo()
        let report = try Fixed.scan(r.repo.path, mode: .range("\(r.c2)..HEAD"))   // what --since c2 runs
        #expect(report.findings.map { "\($0.file):\($0.line) \($0.secret)" } == ["a.env:3 \(r.k3)"])
        #expect(report.findings.first?.commit?.sha == r.c3)

        // The command line: --since REV, and --range A..B with a symbolic range.
        let since = try r.repo.leakscope(["scan", "--since", r.c2, "--format", "json", "--show-secrets", "."])
        #expect(since.status == 1)
        let json = try JSONReporter.decode(Data(since.stdout.utf8))
        #expect(json.findings.map(\.secret) == [r.k3])
        #expect(json.findings.first?.commit == Commit(sha: r.c3, author: Person.alice.name, email: Person.alice.email,
                                                          date: "2024-04-05T08:00:00+05:30"))
        let range = try r.repo.leakscope(["scan", "--range", "HEAD~3..HEAD~2", "--format", "json", "--show-secrets", "."])
        #expect(range.status == 1)
        #expect(try JSONReporter.decode(Data(range.stdout.utf8)).findings.map(\.secret) == [r.k2])
        let empty = try r.repo.leakscope(["scan", "--range", "HEAD~1..HEAD", "."])
        #expect(empty.status == 0)
        let bad = try r.repo.leakscope(["scan", "--range", "nosuch..HEAD", "."])
        #expect(bad.status == 2)
    }

    // MARK: excludes in git modes

    @Test func folderExcludesApplyToGitModes() throws {
        let repo = try GitRepo()
        let vendored = Keys.akia(), app = Keys.akia(), stagedVendored = Keys.akia(), stagedApp = Keys.akia()
        let base = try repo.commit(["README.md": "hi\n"], date: "2024-01-01T00:00:00+01:00")
        try repo.commit(["vendor/lib/keys.env": "K=\(vendored)\n", "app/keys.env": "K=\(app)\n"], date: "2024-02-01T00:00:00+01:00")
        try repo.write("vendor/lib/more.env", "K=\(stagedVendored)\n")
        try repo.write("app/more.env", "K=\(stagedApp)\n")
        try repo.git("add", "vendor", "app")
        for globs in [["vendor/"], ["vendor"], ["/vendor/lib/"]] {
            let configure: (inout ScanOptions) -> Void = { $0.excludes = globs }
            let staged = try Fixed.scan(repo.path, mode: .staged, configure: configure)
            #expect(staged.findings.map(\.secret) == [stagedApp], "\(globs)")
            #expect(staged.summary.filesSkipped == ["excluded": 1], "\(globs)")
            let range = try Fixed.scan(repo.path, mode: .range("\(base)..HEAD"), configure: configure)
            #expect(range.findings.map(\.secret) == [app], "\(globs)")
            #expect(range.summary.filesSkipped == ["excluded": 1], "\(globs)")
            let history = try Fixed.scan(repo.path, mode: .history, configure: configure)
            #expect(history.findings.map(\.secret) == [app], "\(globs)")
            #expect(history.summary.filesSkipped == ["excluded": 1], "\(globs)")
        }
    }

    // MARK: --history

    @Test func historyReportsEachSecretOnceWithTheCommitThatIntroducedIt() throws {
        let repo = try GitRepo()
        let removed = Keys.akia(), kept = Keys.akia(), versioned = Keys.akia(), shared = Keys.akia()
        let c1 = try repo.commit(["a.env": "A=1\nK1=\(removed)\n", "keep.env": "K2=\(kept)\n"],
                                 as: .alice, date: "2024-01-10T10:00:00+01:00")
        try repo.commit(["a.env": "A=1\n"], as: .bob, date: "2024-02-01T09:00:00+09:00")
        // Three successive versions holding one secret, by authors in different time zones: the
        // first is the oldest in time (01:00Z) though its local date reads later than the second's.
        let v1 = try repo.commit(["multi.txt": "M=\(versioned)\n"], as: .bob, date: "2024-03-01T10:00:00+09:00")
        try repo.commit(["multi.txt": "# v2\nM=\(versioned)\n"], as: .alice, date: "2024-03-01T05:00:00+00:00")
        let v3 = try repo.commit(["multi.txt": "# v3\n# more\nM=\(versioned)\n"], as: .bob, date: "2024-03-02T08:00:00-07:00")
        // The same blob on two branches: main first, then a feature branch made before it.
        let onMain = try repo.commit(["shared.env": "S=\(shared)\n"], as: .alice, date: "2024-04-01T12:00:00+02:00")
        try repo.git("checkout", "-q", "-b", "feature", v3)
        try repo.commit(["copy.env": "S=\(shared)\n"], as: .bob, date: "2024-05-01T12:00:00+02:00")
        try repo.git("checkout", "-q", "main")

        let report = try Fixed.scan(repo.path, mode: .history)
        #expect(report.findings.map { "\($0.file):\($0.line) \($0.secret)" } == [
            "a.env:2 \(removed)",
            "keep.env:1 \(kept)",
            "multi.txt:1 \(versioned)",
            "shared.env:1 \(shared)",
        ])
        // Blobs, each read once: a.env ×2, keep.env, multi.txt ×3, shared.env = copy.env.
        let blobs = try repo.git("cat-file", "--batch-all-objects", "--batch-check=%(objecttype)")
            .split(separator: "\n").filter { $0 == "blob" }.count
        #expect(blobs == 7)
        #expect(report.summary.filesScanned == 7)

        let a = try #require(report.finding(removed))
        #expect(a.commit == Commit(sha: c1, author: Person.alice.name, email: Person.alice.email, date: "2024-01-10T10:00:00+01:00"))
        #expect(a.age == Age(introduced: "2024-01-10T10:00:00+01:00", days: 415, commit: c1, source: .git))
        #expect(a.owner?.plain == Owner(team: nil, author: Person.alice.name, email: Person.alice.email))
        #expect(a.presentAtHead == false)
        #expect(a.blastRadius.reasons.last == "Removed from the files at HEAD but still in the git history: every clone has it.")
        // high 50 + long-lived 10 + committed 10 − history only 5 + min(10, 415 / 30) 10 = 75.
        #expect(a.risk.plain == Risk(score: 75, level: .high))

        let k = try #require(report.finding(kept))
        #expect(k.commit?.sha == c1)
        #expect(k.presentAtHead == true)
        #expect(k.risk.plain == Risk(score: 80, level: .critical))   // the same, present at HEAD: no −5

        let m = try #require(report.finding(versioned))
        #expect(m.commit == Commit(sha: v1, author: Person.bob.name, email: Person.bob.email, date: "2024-03-01T10:00:00+09:00"))
        #expect(m.age == Age(introduced: "2024-03-01T10:00:00+09:00", days: 364, commit: v1, source: .git))
        #expect(m.presentAtHead == true)

        let s = try #require(report.finding(shared))
        #expect(s.commit == Commit(sha: onMain, author: Person.alice.name, email: Person.alice.email, date: "2024-04-01T12:00:00+02:00"))
        #expect(s.presentAtHead == true)
        for f in report.findings { #expect(f.suppression == nil) }
    }

    // MARK: --history, later versions scanned where they change

    /// Filler lines `from...to`: "line N: ..." on line N when the file starts with line `from`.
    static func filler(_ from: Int, _ to: Int) -> String {
        (from...to).map { "line \($0): nothing to see here, only ordinary text\n" }.joined()
    }

    /// A later version of a file is scanned around its changes only (the rules' margins, whole
    /// lines); what it keeps from the version before was found there. Each secret is still found
    /// once, on its own line (counted through the parts not scanned, `\r\n` too), with the
    /// commit that added it, and present at HEAD when it is, wherever it sits in HEAD's file.
    @Test func historyFindsSecretsDeepInLaterVersionsOfLargeFiles() throws {
        let repo = try GitRepo()
        let early = Keys.akia(), deep = Keys.akia(), gone = Keys.akia(), crlf = Keys.akia()
        // About 150 KB: far beyond the margins (about 12 KB), so versions 2 to 4 are scanned in parts.
        let t1 = "A=\(early)\n" + Self.filler(2, 1500) + "G=\(gone)\n" + Self.filler(1502, 3000)
        let w1 = Self.filler(1, 3000).replacingOccurrences(of: "\n", with: "\r\n")
        let v1 = try repo.commit(["big.txt": t1, "dos.txt": w1], date: "2024-01-01T00:00:00Z")
        // Version 2: one line deep in each file now holds a secret.
        let t2 = t1.replacingOccurrences(of: "line 2500: nothing to see here, only ordinary text\n", with: "D=\(deep)\n")
        let w2 = w1.replacingOccurrences(of: "line 2999: nothing to see here, only ordinary text\r\n", with: "W=\(crlf)\r\n")
        let v2 = try repo.commit(["big.txt": t2, "dos.txt": w2], date: "2024-02-01T00:00:00Z")
        // Version 3: a line near the top changes (the secrets lie far from it); version 4: `gone` is removed.
        let t3 = t2.replacingOccurrences(of: "line 2: nothing", with: "line two: nothing")
        let w3 = w2.replacingOccurrences(of: "line 3: nothing", with: "line three: nothing")
        try repo.commit(["big.txt": t3, "dos.txt": w3], date: "2024-03-01T00:00:00Z")
        let t4 = t3.replacingOccurrences(of: "G=\(gone)\n", with: "")
        try repo.commit(["big.txt": t4], date: "2024-04-01T00:00:00Z")

        let report = try Fixed.scan(repo.path, mode: .history)
        #expect(report.findings.map { "\($0.file):\($0.line):\($0.column) \($0.secret) \($0.commit?.sha ?? "-") \($0.presentAtHead ?? false)" } == [
            "big.txt:1:3 \(early) \(v1) true",
            "big.txt:1501:3 \(gone) \(v1) false",
            "big.txt:2500:3 \(deep) \(v2) true",
            "dos.txt:2999:3 \(crlf) \(v2) true",
        ])
        #expect(report.findings.first { $0.secret == deep }?.context == "D=\(deep)")
        // Every version counts as scanned, whole.
        #expect(report.summary.filesScanned == 7)
        #expect(report.summary.bytesScanned == [t1, t2, t3, t4, w1, w2, w3].map(\.utf8.count).reduce(0, +))
    }

    /// A change inside a private key: the key's BEGIN line lies further back than the margins of
    /// most rules reach, so the keywords of the long-window rules widen the part scanned, and
    /// the new key is found whole, from its first line.
    @Test func historyFindsAPrivateKeyChangedInsideItsBlock() throws {
        let repo = try GitRepo()
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        let body = (0..<50).map { _ in Keys.random(64, alphabet) + "\n" }
        func key(_ lines: [String]) -> String { "-----BEGIN RSA PRIVATE KEY-----\n" + lines.joined() + "-----END RSA PRIVATE KEY-----\n" }
        let head = Self.filler(1, 2000), tail = Self.filler(2053, 4000)
        let v1 = try repo.commit(["keys.txt": head + key(body) + tail], date: "2024-01-01T00:00:00Z")
        var changed = body
        changed[46] = Keys.random(64, alphabet) + "\n"   // about 3 KB after the BEGIN line
        let v2 = try repo.commit(["keys.txt": head + key(changed) + tail], date: "2024-02-01T00:00:00Z")
        // Version 3 (HEAD, scanned whole) changes the end: version 2 is a blob of the history only.
        try repo.commit(["keys.txt": head + key(changed) + tail + "the end\n"], date: "2024-03-01T00:00:00Z")

        let report = try Fixed.scan(repo.path, mode: .history)
        let keys = report.findings.filter { $0.rule == "private-key-pem" }
        #expect(Set(keys.map { "\($0.file):\($0.line) \($0.commit?.sha ?? "-") \($0.presentAtHead ?? false)" }) == [
            "keys.txt:2001 \(v1) false",
            "keys.txt:2001 \(v2) true",
        ])
        #expect(Set(keys.map(\.secret)) == [String(key(body).dropLast()), String(key(changed).dropLast())])
    }
}
