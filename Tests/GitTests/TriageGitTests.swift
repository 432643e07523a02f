import Foundation
import Report
import Scan
import Testing
import Vocabulary
import TestSupport
import Triage

/// Issue "Triage": age, owner, blast radius and risk of findings in real git repositories.
@Suite struct TriageGitTests {
    /// The repository of the age/owner tests: two authors on fixed dates, an overlapping
    /// CODEOWNERS, an uncommitted line and an untracked file with fixed modification times.
    struct OwnedRepo {
        let repo: GitRepo
        /// Secrets by name: k1 (app/settings.py:2, Alice, HEAD~2), k2 (services/api/config.py:3,
        /// Bob, HEAD~1), k3 (services/api/.env:1, Bob, HEAD~1), k4 (services/legacy/old.py:1, Bob,
        /// HEAD~1), k5 (app/settings.py:3, Alice, HEAD), k6 (app/settings.py:4, not committed),
        /// k7 (notes/keys.txt:1, untracked).
        let k: [String: String]
    }

    static let codeowners = """
        # Last matching line wins.
        *                  @org/all
        /services/         @org/svc
        *.env              @org/secrets @carol
        /services/legacy/

        """

    static func makeOwnedRepo() throws -> OwnedRepo {
        let repo = try GitRepo()
        var k: [String: String] = [:]
        for n in 1...7 { k["k\(n)"] = Keys.akia() }
        try repo.commit([
            ".github/CODEOWNERS": codeowners,
            "app/settings.py": "import os\nAWS_ACCESS_KEY_ID = \"\(k["k1"]!)\"\n",
        ], as: .alice, date: "2024-03-01T12:00:00Z")
        try repo.commit([
            "services/api/config.py": "# api\nREGION = 'eu-west-1'\nKEY_ID = '\(k["k2"]!)'\n",
            "services/api/.env": "AWS_ACCESS_KEY_ID=\(k["k3"]!)\n",
            "services/legacy/old.py": "KEY = '\(k["k4"]!)'\n",
        ], as: .bob, date: "2024-06-15T08:30:00+02:00")
        try repo.commit([
            "app/settings.py": "import os\nAWS_ACCESS_KEY_ID = \"\(k["k1"]!)\"\nBACKUP_KEY_ID = \"\(k["k5"]!)\"\n",
        ], as: .alice, date: "2024-11-20T09:15:00-05:00")
        // Not committed: a new line in a tracked file, and a file git does not track.
        try repo.write("app/settings.py",
                       "import os\nAWS_ACCESS_KEY_ID = \"\(k["k1"]!)\"\nBACKUP_KEY_ID = \"\(k["k5"]!)\"\nSPARE_KEY_ID = \"\(k["k6"]!)\"\n")
        try repo.setModificationDate("app/settings.py", "2025-02-10T06:00:00Z")
        try repo.write("notes/keys.txt", "key \(k["k7"]!)\n")
        try repo.setModificationDate("notes/keys.txt", "2025-01-01T00:00:00Z")
        return OwnedRepo(repo: repo, k: k)
    }

    /// What one finding must show.
    struct Expected {
        let secret: String
        let file: String
        let line: Int
        let column: Int
        let age: Age
        let owner: Owner
        let level: Level
        let pathReasons: [String]
    }

    @Test func ageOwnerAndRiskFromBlameCodeownersAndModificationTime() throws {
        let o = try Self.makeOwnedRepo()
        let repo = o.repo, k = o.k
        let c1 = try repo.rev("HEAD~2"), c2 = try repo.rev("HEAD~1"), c3 = try repo.rev("HEAD")
        let alice = Person.alice, bob = Person.bob
        let expected: [Expected] = [
            Expected(secret: k["k1"]!, file: "app/settings.py", line: 2, column: 22,
                     age: Age(introduced: "2024-03-01T12:00:00Z", days: 364, commit: c1, source: .git),
                     owner: Owner(team: ["@org/all"], author: alice.name, email: alice.email), level: .high, pathReasons: []),
            Expected(secret: k["k5"]!, file: "app/settings.py", line: 3, column: 18,
                     age: Age(introduced: "2024-11-20T09:15:00-05:00", days: 100, commit: c3, source: .git),
                     owner: Owner(team: ["@org/all"], author: alice.name, email: alice.email), level: .high, pathReasons: []),
            // Uncommitted line: its age is the file's modification time, nobody wrote it yet.
            Expected(secret: k["k6"]!, file: "app/settings.py", line: 4, column: 17,
                     age: Age(introduced: "2025-02-10T06:00:00Z", days: 18, commit: nil, source: .mtime),
                     owner: Owner(team: ["@org/all"], author: nil, email: nil), level: .high, pathReasons: []),
            Expected(secret: k["k7"]!, file: "notes/keys.txt", line: 1, column: 5,
                     age: Age(introduced: "2025-01-01T00:00:00Z", days: 59, commit: nil, source: .mtime),
                     owner: Owner(team: ["@org/all"], author: nil, email: nil), level: .high, pathReasons: []),
            // `*.env` comes after `/services/`: the last match wins, with both of its owners in order.
            Expected(secret: k["k3"]!, file: "services/api/.env", line: 1, column: 19,
                     age: Age(introduced: "2024-06-15T08:30:00+02:00", days: 258, commit: c2, source: .git),
                     owner: Owner(team: ["@org/secrets", "@carol"], author: bob.name, email: bob.email), level: .critical,
                     pathReasons: ["a .env file: runtime configuration loaded by the application"]),
            Expected(secret: k["k2"]!, file: "services/api/config.py", line: 3, column: 11,
                     age: Age(introduced: "2024-06-15T08:30:00+02:00", days: 258, commit: c2, source: .git),
                     owner: Owner(team: ["@org/svc"], author: bob.name, email: bob.email), level: .high, pathReasons: []),
            // `/services/legacy/` names no owner and is the last match: unowned (team null).
            Expected(secret: k["k4"]!, file: "services/legacy/old.py", line: 1, column: 8,
                     age: Age(introduced: "2024-06-15T08:30:00+02:00", days: 258, commit: c2, source: .git),
                     owner: Owner(team: nil, author: bob.name, email: bob.email), level: .high, pathReasons: []),
        ]
        let report = try Fixed.scan(repo.path)
        #expect(report.findings.count == expected.count)
        #expect(report.findings.map { $0.file.relative(to: repo.path) } == expected.map(\.file))
        for e in expected {
            let f = try #require(report.finding(e.secret), "\(e.file):\(e.line)")
            #expect(f.rule == "aws-access-key-id")
            #expect(f.file == repo.path + "/" + e.file)
            #expect(f.line == e.line, "\(e.file)")
            #expect(f.column == e.column, "\(e.file)")
            #expect(f.age == e.age, "\(e.file):\(e.line)")
            #expect(f.owner?.plain == e.owner, "\(e.file):\(e.line)")
            #expect(f.commit == nil)
            #expect(f.presentAtHead == nil)
            #expect(f.suppression == nil)
            #expect(f.blastRadius.plain == BlastRadiusInfo(
                level: e.level, lifetime: .longLived, capabilities: [.identifyAccount, .apiAccessWithSecret],
                reasons: [Fixed.impact("aws-access-key-id"), Keys.anAKIAReason, Keys.oldGenerationReason] + e.pathReasons
                    + [Keys.loneKeyIDReason]),
                "\(e.file):\(e.line)")
            let r = RiskModel.score(level: e.level, lifetime: .longLived, committed: e.age.source == .git,
                                      inHistoryOnly: false, ageDays: e.age.days)
            #expect(f.risk == r, "\(e.file):\(e.line)")
        }
        // The documented formula, by hand, for two of them (Sources/Triage/Risk.swift):
        // k1: high 50 + long-lived 10 + committed 10 + min(10, 364 / 30) 10 = 80 → critical.
        #expect(report.finding(k["k1"]!)?.risk.plain == Risk(score: 80, level: .critical))
        // k6: high 50 + long-lived 10 + not committed 0 + min(10, 18 / 30) 0 = 60 → high.
        #expect(report.finding(k["k6"]!)?.risk.plain == Risk(score: 60, level: .high))
        // k3 (.env raises high to critical): 70 + 10 + 10 + min(10, 258 / 30) 8 = 98 → critical.
        #expect(report.finding(k["k3"]!)?.risk.plain == Risk(score: 98, level: .critical))
    }

    @Test func noGitMeansNoBlameAndNoCodeowners() throws {
        let repo = try GitRepo()
        let k1 = Keys.akia()
        try repo.commit([".github/CODEOWNERS": "* @org/all\n", "app/settings.py": "KEY = '\(k1)'\n"],
                        as: .alice, date: "2024-03-01T12:00:00Z")
        try repo.setModificationDate("app/settings.py", "2025-02-27T12:00:00Z")
        let report = try Fixed.scan(repo.path, useGit: false)
        #expect(report.findings.count == 1)
        let f = try #require(report.finding(k1))
        #expect(f.age == Age(introduced: "2025-02-27T12:00:00Z", days: 1, commit: nil, source: .mtime))
        #expect(f.owner?.plain == Owner(team: nil, author: nil, email: nil))
        // high 50 + long-lived 10 + not committed 0 + min(10, 1 / 30) 0 = 60 → high.
        #expect(f.risk.plain == Risk(score: 60, level: .high))
        let r = RiskModel.score(level: .high, lifetime: .longLived, committed: false, inHistoryOnly: false, ageDays: 1)
        #expect(f.risk == r)

        // With git the same line is the commit's, and CODEOWNERS applies.
        let withGit = try #require(try Fixed.scan(repo.path).finding(k1))
        #expect(withGit.age == Age(introduced: "2024-03-01T12:00:00Z", days: 364, commit: try repo.rev("HEAD"), source: .git))
        #expect(withGit.owner?.plain == Owner(team: ["@org/all"], author: Person.alice.name, email: Person.alice.email))
    }

    @Test func keyAnatomyAndPathSetLevelAndLifetime() throws {
        let repo = try GitRepo()
        let akia = Keys.akia(), asia = Keys.asia(), fixture = Keys.akia(), workflow = Keys.akia()
        let good = Keys.githubToken(), bad = Keys.badChecksum(Keys.githubToken())
        // exp 2025-01-01T00:00:00Z: expired 59 days before the scan.
        let jwt = Keys.jwt(claims: #"{"sub":"svc-billing","exp":1735689600}"#)
        try repo.commit([
            "creds/aws.txt": "primary \(akia)\nsession \(asia)\n",
            "creds/github.txt": "token \(good)\ntoken \(bad)\n",
            "creds/jwt.txt": "bearer \(jwt)\n",
            "tests/fixtures/aws.json": "{\"key\": \"\(fixture)\"}\n",
            ".github/workflows/deploy.yml": "env:\n  AWS_ACCESS_KEY_ID: \(workflow)\n",
        ], as: .alice, date: "2024-03-01T12:00:00Z")
        let report = try Fixed.scan(repo.path)
        let head = try repo.rev("HEAD")
        let age = Age(introduced: "2024-03-01T12:00:00Z", days: 364, commit: head, source: .git)
        #expect(report.findings.map { "\($0.file.relative(to: repo.path)):\($0.line) \($0.rule)" } == [
            ".github/workflows/deploy.yml:2 aws-access-key-id",
            "creds/aws.txt:1 aws-access-key-id",
            "creds/aws.txt:2 aws-temporary-access-key-id",
            "creds/github.txt:1 github-classic-pat",   // line 2: wrong checksum, not reported
            "creds/jwt.txt:1 jwt",
            "tests/fixtures/aws.json:1 aws-access-key-id",
        ])
        #expect(report.finding(bad) == nil)
        let awsCaps: [Capability] = [.identifyAccount, .apiAccessWithSecret]

        let a = try #require(report.finding(akia))
        #expect(a.blastRadius.plain == BlastRadiusInfo(level: .high, lifetime: .longLived, capabilities: awsCaps, reasons: [
            Fixed.impact("aws-access-key-id"), Keys.anAKIAReason, Keys.oldGenerationReason, Keys.loneKeyIDReason]))
        let s = try #require(report.finding(asia))
        #expect(s.blastRadius.plain == BlastRadiusInfo(level: .medium, lifetime: .temporary, capabilities: awsCaps, reasons: [
            Fixed.impact("aws-temporary-access-key-id"), Keys.anASIAReason, Keys.oldGenerationReason, Keys.loneKeyIDReason]))
        let g = try #require(report.finding(good))
        #expect(g.blastRadius.plain == BlastRadiusInfo(level: .high, lifetime: .longLived,
                                                 capabilities: Fixed.capabilities("github-classic-pat"), reasons: [
            Fixed.impact("github-classic-pat"),
            "classic personal access token: its scopes (often repo, workflow, admin:org) cover every repository and organization the user can reach, and it may never expire",
            "checksum verified: the token has GitHub's format"]))
        let j = try #require(report.finding(jwt))
        #expect(j.blastRadius.plain == BlastRadiusInfo(level: .low, lifetime: .expired, capabilities: [.authenticate, .sessionHijack], reasons: [
            Fixed.impact("jwt"), "expired at 2025-01-01T00:00:00Z (59 days ago): rejected by services that check exp",
            "subject svc-billing"],
            details: ["jwtAlgorithm": "HS256", "jwtSubject": "svc-billing", "jwtExpires": "2025-01-01T00:00:00Z"]))
        // Test fixtures: one level down, one reason per fixture folder.
        let t = try #require(report.finding(fixture))
        #expect(t.blastRadius.plain == BlastRadiusInfo(level: .medium, lifetime: .longLived, capabilities: awsCaps, reasons: [
            Fixed.impact("aws-access-key-id"), Keys.anAKIAReason, Keys.oldGenerationReason,
            "path looks like test fixtures (tests/)", "path looks like test fixtures (fixtures/)", Keys.loneKeyIDReason]))
        // A GitHub Actions workflow: one level up.
        let w = try #require(report.finding(workflow))
        #expect(w.blastRadius.plain == BlastRadiusInfo(level: .critical, lifetime: .longLived, capabilities: awsCaps, reasons: [
            Fixed.impact("aws-access-key-id"), Keys.anAKIAReason, Keys.oldGenerationReason,
            "GitHub Actions file: runs in CI next to the repository's secrets", Keys.loneKeyIDReason]))

        for f in report.findings {
            #expect(f.age == age, "\(f.file)")
            #expect(f.owner?.plain == Owner(team: nil, author: Person.alice.name, email: Person.alice.email))
            let r = RiskModel.score(level: f.blastRadius.level, lifetime: f.blastRadius.lifetime,
                                      committed: true, inHistoryOnly: false, ageDays: 364)
            #expect(f.risk.plain == Risk(score: r.score, level: r.level), "\(f.file):\(f.line)")
        }
        // By hand from the documented formula: the expired JWT is low 10 − expired 40 + committed 10
        // + age 10 = −10, clamped to 0; the workflow key is critical 70 + 10 + 10 + 10 = 100.
        #expect(j.risk.plain == Risk(score: 0, level: .low))
        #expect(w.risk.plain == Risk(score: 100, level: .critical))
        #expect(t.risk.plain == Risk(score: 60, level: .high))   // medium 30 + 10 + 10 + 10
        #expect(s.risk.plain == Risk(score: 40, level: .medium)) // medium 30 − temporary 10 + 10 + 10
    }

    @Test func checksumHelperMatchesGitHubsPublishedExample() {
        // The example token of the algorithm's write-up (see Sources/Triage/GitHubToken.swift).
        let body = "zQWBuTSOoRi4A9spHcVY5ncnsDkxkJ"
        #expect(FakeKeys.base62(FakeKeys.crc32(Array(body.utf8))) == "0mLq17")
    }

    @Test func textReportEndsWithASummary() throws {
        let o = try Self.makeOwnedRepo()
        let report = try Fixed.scan(o.repo.path)
        let text = TextReporter().render(report)
        let root = o.repo.path
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
        func top(_ level: String, _ score: Int, _ file: String, _ line: Int, _ owner: String, _ days: Int) -> String {
            "  \(pad(level, 8)) \(pad(String(score), 3)) \(pad("aws-access-key-id", 34)) \(root)/\(file):\(line)  owner \(owner)  age \(days)d"
        }
        // Scores from the documented formula: high 50 (critical 70) + long-lived 10 + committed 10
        // + min(10, days / 30).
        let expected = [
            "Summary",
            "  by risk:     2 critical, 5 high",
            "  by provider: 7 Amazon Web Services",
            "  by owner:    4 @org/all, 1 (no owner), 1 @org/secrets @carol, 1 @org/svc",
            "  AI credentials (LLMjacking exposure): 7",   // AWS keys reach Bedrock (issue 12)
            "Revoke first",
            top("critical", 98, "services/api/.env", 1, "@org/secrets @carol", 258),
            top("critical", 80, "app/settings.py", 2, "@org/all", 364),
            top("high", 78, "services/api/config.py", 3, "@org/svc", 258),
            top("high", 78, "services/legacy/old.py", 1, Person.bob.name, 258),   // no team: the author
            top("high", 73, "app/settings.py", 3, "@org/all", 100),
            top("high", 61, "notes/keys.txt", 1, "@org/all", 59),             // not committed: 50 + 10 + 59 / 30
            top("high", 60, "app/settings.py", 4, "@org/all", 18),
            "",
        ]
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex(of: "Summary"))
        #expect(Array(lines[start..<min(lines.count, start + expected.count)]) == expected)
        // Then only the totals line.
        #expect(lines.count == start + expected.count + 2)
        #expect(lines[start + expected.count].hasPrefix("7 findings in 6 files"))
        #expect(lines.last == "")
    }
}
