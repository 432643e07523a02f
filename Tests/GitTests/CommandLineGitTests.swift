import Foundation
import Report
import Scan
import Testing
import Vocabulary
import TestSupport

/// The built binary on real repositories: exit status by risk, hidden low risks, JSON field
/// names, baselines, inline allows and `.leakscope.toml`.
@Suite struct CommandLineGitTests {
    /// The JSON report's findings as plain objects, to check the field names themselves.
    static func jsonFindings(_ text: String) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        return try #require(object?["findings"] as? [[String: Any]])
    }

    static func jsonSummary(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        return try #require(object?["summary"] as? [String: Any])
    }

    /// A repository whose committed findings are medium (ASIA key) and low (expired JWT) only.
    /// Scores use today's clock here, but every commit is more than 300 days old, so the age
    /// term is its maximum, 10.
    static func lowAndMediumRepo() throws -> (GitRepo, asia: String, jwt: String) {
        let repo = try GitRepo()
        let asia = Keys.asia()
        let jwt = Keys.jwt(claims: #"{"sub":"svc-billing","exp":1735689600}"#)   // expired 2025-01-01
        try repo.commit([".github/CODEOWNERS": "* @org/all\n", "creds/session.txt": "session \(asia)\n",
                         "creds/jwt.txt": "bearer \(jwt)\n"], as: .alice, date: "2024-03-01T12:00:00Z")
        return (repo, asia, jwt)
    }

    @Test func failOnHighIgnoresLowAndMediumFindings() throws {
        let (repo, _, _) = try Self.lowAndMediumRepo()
        // ASIA: medium 30 − temporary 10 + committed 10 + age 10 = 40 (medium);
        // JWT: low (medium, one down for expired) 10 − expired 40 + 10 + 10 → 0 (low).
        let json = try repo.leakscope(["scan", ".", "--format", "json"])
        #expect(json.status == 1)
        let findings = try Self.jsonFindings(json.stdout)
        #expect(findings.compactMap { ($0["risk"] as? [String: Any])?["level"] as? String } == ["low", "medium"])
        #expect(findings.compactMap { ($0["risk"] as? [String: Any])?["score"] as? Int } == [0, 40])

        #expect(try repo.leakscope(["scan", ".", "--fail-on", "high"]).status == 0)
        #expect(try repo.leakscope(["scan", ".", "--fail-on", "critical"]).status == 0)
        #expect(try repo.leakscope(["scan", ".", "--fail-on", "medium"]).status == 1)
        #expect(try repo.leakscope(["scan", ".", "--fail-on", "low"]).status == 1)

        // An AKIA key committed: high 50 + long-lived 10 + committed 10 + age 10 = 80 (critical).
        try repo.commit(["creds/aws.txt": "key \(Keys.akia())\n"], as: .bob, date: "2024-03-01T12:00:00Z")
        #expect(try repo.leakscope(["scan", ".", "--fail-on", "high"]).status == 1)
        #expect(try repo.leakscope(["scan", ".", "--fail-on", "critical"]).status == 1)
        #expect(try repo.leakscope(["scan", ".", "--fail-on", "severe"]).status == 2)
    }

    @Test func minRiskHidesFindingsBelowIt() throws {
        let (repo, asia, jwt) = try Self.lowAndMediumRepo()
        let akia = Keys.akia()
        try repo.commit(["creds/aws.txt": "key \(akia)\n"], as: .bob, date: "2024-03-01T12:00:00Z")
        func secrets(_ args: [String]) throws -> (Int32, [String], Int) {
            let r = try repo.leakscope(["scan", ".", "--format", "json", "--show-secrets"] + args)
            let findings = try Self.jsonFindings(r.stdout).compactMap { $0["secret"] as? String }
            return (r.status, findings, try Self.jsonSummary(r.stdout)["findings"] as? Int ?? -1)
        }
        let all = try secrets([])
        #expect(all.1 == [akia, jwt, asia])   // file order: aws.txt, jwt.txt, session.txt
        #expect(all.2 == 3)
        let medium = try secrets(["--min-risk", "medium"])
        #expect(medium.0 == 1)
        #expect(medium.1 == [akia, asia])
        #expect(medium.2 == 2)
        let high = try secrets(["--min-risk", "high"])
        #expect(high.1 == [akia])
        #expect(high.2 == 1)
        // Only hidden findings left: nothing fails.
        let (repo2, _, _) = try Self.lowAndMediumRepo()
        let r = try repo2.leakscope(["scan", ".", "--min-risk", "high"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("0 findings"))
    }

    @Test func jsonFieldNamesOfTriage() throws {
        let repo = try GitRepo()
        let committed = Keys.akia(), untracked = Keys.akia()
        let c = try repo.commit([".github/CODEOWNERS": "*.env @org/secrets @carol\n", "app.env": "KEY=\(committed)\n"],
                                as: .bob, date: "2024-06-15T08:30:00+02:00")
        try repo.write("notes.txt", "key \(untracked)\n")
        let r = try repo.leakscope(["scan", ".", "--format", "json"])
        #expect(r.status == 1)
        let findings = try Self.jsonFindings(r.stdout)
        #expect(findings.count == 2)
        let f = findings[0], u = findings[1]
        #expect(f["file"] as? String == "app.env")
        let age = try #require(f["age"] as? [String: Any])
        #expect(Set(age.keys) == ["introduced", "days", "commit", "source"])
        #expect(age["introduced"] as? String == "2024-06-15T08:30:00+02:00")
        #expect(age["commit"] as? String == c)
        #expect(age["source"] as? String == "git")
        #expect((age["days"] as? Int ?? 0) >= 258)   // today's clock: at least the days to 2025-03-01
        let owner = try #require(f["owner"] as? [String: Any])
        #expect(Set(owner.keys) == ["team", "author", "email", "unowned"])   // a CODEOWNERS file exists
        #expect(owner["unowned"] as? Bool == false)
        #expect(owner["team"] as? [String] == ["@org/secrets", "@carol"])
        #expect(owner["author"] as? String == Person.bob.name)
        #expect(owner["email"] as? String == Person.bob.email)
        let blast = try #require(f["blastRadius"] as? [String: Any])
        #expect(Set(blast.keys) == ["level", "lifetime", "capabilities", "reasons"])
        #expect(blast["level"] as? String == "high")   // `app.env` is not a `.env` file
        #expect(blast["lifetime"] as? String == "long-lived")
        let risk = try #require(f["risk"] as? [String: Any])
        #expect(Set(risk.keys) == ["score", "level", "factors"])
        let factors = try #require(risk["factors"] as? [[String: Any]])
        #expect(factors.compactMap { $0["points"] as? Int }.reduce(0, +) == risk["score"] as? Int)
        #expect(risk["score"] as? Int == 80)   // high 50 + long-lived 10 + committed 10 + age 10
        #expect(risk["level"] as? String == "critical")

        // The untracked file: modification time, no commit, no author (absent or null), no team.
        #expect(u["file"] as? String == "notes.txt")
        let uage = try #require(u["age"] as? [String: Any])
        #expect(uage["source"] as? String == "mtime")
        #expect(uage["days"] as? Int == 0)
        #expect(uage["commit"] == nil || uage["commit"] is NSNull)
        let uowner = try #require(u["owner"] as? [String: Any])
        for key in ["team", "author", "email"] { #expect(uowner[key] == nil || uowner[key] is NSNull, "\(key)") }
    }

    // MARK: Baseline

    @Test func baselineSuppressesKnownFindingsOnly() throws {
        let repo = try GitRepo()
        let old = Keys.akia(), new = Keys.akia()
        try repo.commit(["a.env": "KEY=\(old)\n"])
        let baseline = repo.home + "/baseline.json"
        let first = try repo.leakscope(["scan", ".", "--format", "json", "--write-baseline", baseline])
        #expect(first.status == 1)
        let written = try String(contentsOfFile: baseline, encoding: .utf8)
        #expect(try Self.jsonFindings(written).count == 1)
        let attributes = try FileManager.default.attributesOfItem(atPath: baseline)
        #expect(attributes[.posixPermissions] as? Int == 0o600)

        // Nothing new: clean.
        let known = try repo.leakscope(["scan", ".", "--format", "json", "--baseline", baseline])
        #expect(known.status == 0)
        #expect(try Self.jsonFindings(known.stdout).isEmpty)
        #expect(try Self.jsonSummary(known.stdout)["suppressed"] as? Int == 1)

        // The old secret moved down a line (fingerprints ignore lines), a new one added.
        try repo.write("a.env", "# moved\nKEY=\(old)\nNEW=\(new)\n")
        let r = try repo.leakscope(["scan", ".", "--format", "json", "--show-secrets", "--baseline", baseline])
        #expect(r.status == 1)
        let findings = try Self.jsonFindings(r.stdout)
        #expect(findings.compactMap { $0["secret"] as? String } == [new])
        #expect(findings.first?["line"] as? Int == 3)
        let summary = try Self.jsonSummary(r.stdout)
        #expect(summary["suppressed"] as? Int == 1)
        #expect(summary["findings"] as? Int == 1)
    }

    @Test func malformedBaselineIsAConfigurationError() throws {
        let repo = try GitRepo()
        try repo.commit(["a.env": "KEY=\(Keys.akia())\n"])
        let missing = repo.home + "/missing-fingerprint.json"
        try Data("{\n  \"findings\": [\n    {\n      \"rule\": \"aws-access-key-id\"\n    }\n  ]\n}\n".utf8)
            .write(to: URL(fileURLWithPath: missing))
        let r = try repo.leakscope(["scan", ".", "--baseline", missing])
        #expect(r.status == 2)
        #expect(r.stderr.contains("\(missing):3: finding 1 has no \"fingerprint\""), "\(r.stderr)")
        #expect(r.stdout.isEmpty)

        let notJSON = repo.home + "/broken.json"
        try Data("{\n  \"findings\": [\n    {\"fingerprint\": \"abc\",,}\n  ]\n}\n".utf8).write(to: URL(fileURLWithPath: notJSON))
        let b = try repo.leakscope(["scan", ".", "--baseline", notJSON])
        #expect(b.status == 2)
        #expect(b.stderr.contains("\(notJSON):3: not valid JSON"), "\(b.stderr)")   // the doubled comma

        let noFindings = repo.home + "/other.json"
        try Data("{\"results\": []}\n".utf8).write(to: URL(fileURLWithPath: noFindings))
        let o = try repo.leakscope(["scan", ".", "--baseline", noFindings])
        #expect(o.status == 2)
        #expect(o.stderr.contains("\(noFindings):1: no \"findings\" array"), "\(o.stderr)")
    }

    // MARK: Inline allow

    @Test func inlineAllowSuppressesThatLineOnly() throws {
        let repo = try GitRepo()
        let allowed = Keys.akia(), other = Keys.akia()
        try repo.commit(["app.py": "KEY = '\(allowed)'  # leakscope:allow (test account)\nOTHER = '\(other)'\n"])
        let report = try Fixed.scan(repo.path)
        #expect(report.findings.count == 2)
        #expect(report.finding(allowed)?.suppression == Suppression(kind: .inline, justification: "leakscope:allow on the line"))
        #expect(report.finding(other)?.suppression == nil)
        #expect(report.summary.findings == 1)
        #expect(report.summary.suppressed == 1)

        let r = try repo.leakscope(["scan", ".", "--format", "json", "--show-secrets"])
        #expect(r.status == 1)
        #expect(try Self.jsonFindings(r.stdout).compactMap { $0["secret"] as? String } == [other])
        #expect(try Self.jsonSummary(r.stdout)["suppressed"] as? Int == 1)
    }

    // MARK: .leakscope.toml

    @Test func configAtTheScanRoot() throws {
        let repo = try GitRepo()
        let allowedValue = Keys.akia()
        let allowedByRegex = "AKIAT3ST" + Keys.random(12, Keys.base32)
        let acme = "acme_" + Keys.random(32, Array("abcdefghijklmnopqrstuvwyz0123456789"))
        let real = Keys.akia(), legacyAWS = Keys.akia(), legacyAnthropic = FakeKeys.anthropicKey()
        let acmeExample = "acme_" + Keys.random(32, Array("abcdefghijklmnopqrstuvwyz0123456789"))
        try repo.commit([
            ".leakscope.toml": """
                [scan]
                exclude = ["vendor/", ".leakscope/"]
                disable_rules = ["huggingface-user-token"]
                rules = [".leakscope/acme.toml"]

                [allowlist]
                values = ["\(allowedValue)"]
                regexes = ["^AKIAT3ST[A-Z2-7]{12}$"]
                paths = ["docs/"]

                [[override]]
                paths = ["legacy/**"]
                disable_rules = ["aws-access-key-id"]

                """,
            ".leakscope/acme.toml": """
                [[rule]]
                id = "acme-internal-token"
                name = "ACME internal token"
                provider = "ACME"
                category = "saas"
                keywords = ["acme_"]
                regex = '''(?<![a-z0-9_])(?<secret>acme_[a-z0-9]{32})(?![a-z0-9])'''
                references = ["https://acme.invalid/tokens"]
                examples = ['''ACME=\(acmeExample)''']
                negative_examples = ['''ACME=acme_short''']
                [rule.blast_radius]
                level = "medium"
                lifetime = "long-lived"
                capabilities = ["read"]
                impact = "Reads ACME data."

                """,
            "vendor/lib.env": "KEY=\(Keys.akia())\n",
            "app/hub.py": "hub = '\(FakeKeys.huggingFaceToken())'\n",
            "app/acme.txt": "ACME=\(acme)\n",
            "app/allowed.env": "KEY=\(allowedValue)\n",
            "app/regex.env": "KEY=\(allowedByRegex)\n",
            "docs/setup.md": "Use `\(Keys.akia())`.\n",
            "legacy/old/keys.py": "AWS = '\(legacyAWS)'\nANTHROPIC = '\(legacyAnthropic)'\n",
            "app/real.env": "KEY=\(real)\n",
        ])
        let r = try repo.leakscope(["scan", ".", "--format", "json", "--show-secrets"])
        #expect(r.status == 1, "\(r.stderr)")
        let findings = try Self.jsonFindings(r.stdout)
        #expect(findings.map { "\($0["file"] as? String ?? "?") \($0["rule"] as? String ?? "?")" } == [
            "app/acme.txt acme-internal-token",
            "app/real.env aws-access-key-id",
            "legacy/old/keys.py anthropic-api-key",
        ])
        #expect(findings.compactMap { $0["secret"] as? String } == [acme, real, legacyAnthropic])
        let summary = try Self.jsonSummary(r.stdout)
        // allowed.env (value), regex.env (regex), docs/setup.md (path), and the allowlisted value
        // written in .leakscope.toml itself.
        #expect(summary["suppressed"] as? Int == 4)
        #expect(summary["findings"] as? Int == 3)
        #expect((summary["filesSkipped"] as? [String: Int])?["excluded"] == 2)
    }

    @Test func malformedConfigIsAConfigurationErrorWithFileAndLine() throws {
        let cases: [(text: String, line: Int, message: String)] = [
            ("[scan]\nexclude = [\"a/\"]\ndisable_rules = = [\"x\"]\n", 3, "TOML"),
            ("[scan]\nexclude = []\nexcludes = [\"vendor/\"]\n", 3, "unknown key 'excludes' in [scan]"),
            ("# comment\n[allowlist]\nvalues = []\nregexes = [\"(unclosed\"]\n", 4, "allowlist regex '(unclosed'"),
            ("[scan]\nexclude = []\n\n[alowlist]\nvalues = []\n", 4, "unknown section 'alowlist'"),
        ]
        for c in cases {
            let repo = try GitRepo()
            try repo.commit([".leakscope.toml": c.text, "a.env": "KEY=\(Keys.akia())\n"])
            let r = try repo.leakscope(["scan", "."])
            #expect(r.status == 2, "\(c.text)")
            #expect(r.stderr.contains("./.leakscope.toml:\(c.line): \(c.message)"), "\(c.text) → \(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
    }
}
