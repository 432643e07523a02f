import Foundation
import Testing
import TestSupport

@Suite struct CLITests {
    @Test func exitStatusZeroWhenCleanOneWithFindings() throws {
        let d = try TempDir()
        try d.write("clean.py", "print('hello')\n")
        let clean = try CLI.run(["scan", d.path])
        #expect(clean.status == 0)
        #expect(clean.stdout.contains("0 findings"))
        try d.write("leak.env", "AWS_ACCESS_KEY_ID=\(FakeKeys.awsAccessKeyID())\n")
        let leak = try CLI.run(["scan", d.path])
        #expect(leak.status == 1)
        #expect(leak.stdout.contains("leak.env:1:19"))
    }

    @Test func usageAndConfigurationErrorsExitTwo() throws {
        let d = try TempDir()
        #expect(try CLI.run(["scan", d.path, "--format", "yaml"]).status == 2)
        #expect(try CLI.run(["scan", d.path, "--threads", "0"]).status == 2)
        #expect(try CLI.run(["scan", d.path, "--max-file-size", "lots"]).status == 2)
        #expect(try CLI.run(["scan", "--bogus-flag"]).status == 2)
        let bad = try d.write("bad.toml", "[[rule]]\nid = \"x-y\"\nname = \"n\"\n")
        let r = try CLI.run(["scan", d.path, "--rules", bad])
        #expect(r.status == 2)
        #expect(r.stderr.contains("bad.toml:1: missing field"))
    }

    @Test func secretsAreRedactedEverywhereUnlessAsked() throws {
        let d = try TempDir()
        let key = FakeKeys.openAIProjectKey()
        try d.write("a.env", "OPENAI_API_KEY=\(key)\n")
        for format in ["text", "json", "sarif", "csv", "junit", "markdown", "html"] {
            let r = try CLI.run(["scan", d.path, "--format", format])
            #expect(r.status == 1)
            #expect(!r.stdout.contains(key) && !r.stderr.contains(key), "\(format) leaks the secret")
            #expect(!r.stdout.contains(String(key.prefix(20))))
            // Markdown job summaries never carry secrets; every other format shows it on request.
            let shown = try CLI.run(["scan", d.path, "--format", format, "--show-secrets"])
            #expect(shown.stdout.contains(key) == (format != "markdown"), "\(format)")
        }
    }

    @Test func outputFileIsPrivateValidJSON() throws {
        let d = try TempDir()
        try d.write("src/k.env", "HF_TOKEN=\(FakeKeys.huggingFaceToken())\n")
        let out = d.path + "/report.json"
        let r = try CLI.run(["scan", "src", "--format", "json", "--output", out], cwd: d.path)
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        let attrs = try FileManager.default.attributesOfItem(atPath: out)
        #expect((attrs[.posixPermissions] as? Int) == 0o600)
        let obj = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any]
        let findings = obj?["findings"] as? [[String: Any]]
        #expect(findings?.first?["file"] as? String == "src/k.env")
    }

    @Test func builtinRulesLoadFromAnUnrelatedFolder() throws {
        let d = try TempDir()
        let r = try CLI.run(["rules", "list"], cwd: d.path)
        #expect(r.status == 0)
        let count = Int(r.stdout.split(separator: "\n").last?.split(separator: " ").first ?? "") ?? 0
        #expect(count > 50)
        #expect(r.stdout.contains("openai-project-key"))
    }

    @Test func rulesCheckReportsEveryFailureWithFileAndLine() throws {
        let d = try TempDir()
        let file = try d.write("mine.toml", """
        [[rule]]
        id = "mine-token"
        name = "Mine"
        provider = "Me"
        category = "saas"
        keywords = ["mine_"]
        regex = '''(?<secret>mine_[a-z0-9]{12})'''
        examples = ['''mine_abc''', '''mine_q8w7e6r5t4y3''']
        negative_examples = ['''mine_a1b2c3d4e5f6''']

        [rule.blast_radius]
        level = "low"
        impact = "Nothing much."
        """)
        let r = try CLI.run(["rules", "check", file])
        #expect(r.status == 1)
        #expect(r.stderr.contains("mine.toml:1: rule 'mine-token': example 1 yields no finding"))
        #expect(r.stderr.contains("negative example 1 yields a finding"))
        #expect(r.stdout.contains("2 failures"))
        let builtin = try CLI.run(["rules", "check"])
        #expect(builtin.status == 0, "\(builtin.stderr)")
    }
}

@Suite struct ManyRootsTests {
    @Test func reposFileAddsRootsAndPathsKeepTheirRoot() throws {
        let d = try TempDir()
        try d.write("repo-a/.env", "AWS_ACCESS_KEY_ID=\(FakeKeys.awsAccessKeyID())\n")
        try d.write("repo-b/app/settings.py", "HF_TOKEN = \"\(FakeKeys.huggingFaceToken())\"\n")
        try d.write("repos.txt", "# the estate\nrepo-a\n\nrepo-b\n")
        let r = try CLI.run(["scan", "--repos-file", "repos.txt", "--format", "json", "--no-git"], cwd: d.path)
        #expect(r.status == 1)
        let obj = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let files = (obj?["findings"] as? [[String: Any]])?.compactMap { $0["file"] as? String }
        #expect(files == ["repo-a/.env", "repo-b/app/settings.py"])
        #expect(try CLI.run(["scan", "--repos-file", "missing.txt"], cwd: d.path).status == 2)
    }
}
