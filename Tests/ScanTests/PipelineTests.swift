import Foundation
import Testing
import Vocabulary
import TestSupport
@testable import Report
@testable import Rules
@testable import Scan

@Suite struct PipelineTests {
    func scan(_ dir: TempDir, threads: Int = 2, show: Bool = false) -> ScanReport {
        var o = ScanOptions(roots: [dir.path])
        o.threads = threads
        o.showSecrets = show
        return try! Scanner(rules: builtin).scan(o)
    }

    @Test func findsKeysWithLineColumnAndRedaction() throws {
        let d = try TempDir()
        let key = FakeKeys.anthropicKey()
        try d.write("svc/.env", "# settings\nDEBUG=1\nANTHROPIC_API_KEY=\(key)\n")
        let r = scan(d)
        #expect(r.findings.count == 1)
        let f = try #require(r.findings.first)
        #expect(f.rule.hasPrefix("anthropic"))
        #expect(f.category == .ai)
        #expect(f.file == d.path + "/svc/.env")
        #expect(f.line == 3)
        #expect(f.column == 19)
        #expect(f.redacted)
        #expect(f.secretLength == key.utf8.count)
        #expect(key.hasPrefix(f.secret.dropLast()))
        #expect(f.secret.count <= 9)
        #expect(!f.context.contains(key))
        #expect(f.tags == ["llmjacking"])
        #expect(r.summary.filesScanned == 1)
        #expect(r.summary.rulesLoaded == builtin.rules.count)
    }

    @Test func showSecretsShowsTheWholeSecret() throws {
        let d = try TempDir()
        let key = FakeKeys.anthropicKey()
        try d.write("a.py", "client = Anthropic(api_key=\"\(key)\")\n")
        let f = try #require(scan(d, show: true).findings.first)
        #expect(f.secret == key)
        #expect(!f.redacted)
        #expect(f.context.contains(key))
    }

    @Test func sameResultsWhateverTheThreadCount() throws {
        let d = try TempDir()
        for i in 0..<60 {
            try d.write("dir\(i % 7)/f\(i).env", "A=1\nOPENAI_API_KEY=\(FakeKeys.openAIProjectKey())\nAWS_ACCESS_KEY_ID=\(FakeKeys.awsAccessKeyID())\n")
        }
        let one = scan(d, threads: 1).findings
        let four = scan(d, threads: 4).findings
        #expect(one.count == 120)
        #expect(one == four)
        #expect(one == one.sorted(by: Finding.reportOrder))
    }

    @Test func fingerprintIgnoresLineButNotFileOrSecret() throws {
        let d = try TempDir()
        let key = FakeKeys.awsAccessKeyID()
        try d.write("a.env", "AWS_ACCESS_KEY_ID=\(key)\n")
        let before = try #require(scan(d).findings.first)
        try d.write("a.env", "# new line above\n\nAWS_ACCESS_KEY_ID=\(key)\n")
        let after = try #require(scan(d).findings.first)
        #expect(after.line == before.line + 2)
        #expect(after.fingerprint == before.fingerprint)
        try d.write("a.env", "AWS_ACCESS_KEY_ID=\(FakeKeys.awsAccessKeyID())\n")
        #expect(try #require(scan(d).findings.first).fingerprint != before.fingerprint)
        #expect(before.fingerprint.count == 32)
    }

    @Test func lineNumbersWithCRLFAndCROnlyAndMultibyteColumns() throws {
        let d = try TempDir()
        let key = FakeKeys.awsAccessKeyID()
        try d.write("crlf.env", "a=1\r\nb=2\r\nK=\(key)\r\n")
        try d.write("cr.env", "a=1\rb=2\rK=\(key)\r")
        try d.write("utf8.env", "# é\nnamé=\"\(key)\"\n")
        let f = scan(d).findings
        #expect(f.map { "\(URL(fileURLWithPath: $0.file).lastPathComponent):\($0.line):\($0.column)" }
                == ["cr.env:3:3", "crlf.env:3:3", "utf8.env:2:7"])
    }

    @Test func sameSecretTwoRulesIsOneFinding() throws {
        let d = try TempDir()
        // The generic assignment rule and the OpenAI rule both see this key.
        try d.write("config.py", "api_key = \"\(FakeKeys.openAIProjectKey())\"\n")
        let f = scan(d).findings
        #expect(f.count == 1)
        #expect(f.first?.rule.hasPrefix("openai") == true)
    }

    @Test func skipsAreCountedByReason() throws {
        let d = try TempDir()
        try d.write(".gitignore", "ignored.txt\n")
        try d.write("ignored.txt", "x")
        try d.write("bin.dat2", Data([0x41, 0, 0x42]))
        try d.write("big.txt", String(repeating: "a", count: 2048))
        var o = ScanOptions(roots: [d.path])
        o.maxFileSize = 1024
        let s = try Scanner(rules: builtin).scan(o).summary
        #expect(s.filesSkipped == ["ignored": 1, "binary": 1, "too-large": 1])
        #expect(s.filesScanned == 1)
    }

    @Test func placeholdersAndReferencesAreNotFindings() throws {
        let d = try TempDir()
        try d.write(".env.example", """
        OPENAI_API_KEY=sk-proj-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX
        ANTHROPIC_API_KEY=<your-key-here>
        HF_TOKEN=${HF_TOKEN}
        AWS_SECRET_ACCESS_KEY=your_secret_here
        """)
        try d.write("ci.yml", "env:\n  OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}\n")
        try d.write("app.py", "import os\nkey = os.environ[\"OPENAI_API_KEY\"]\ntoken = os.getenv(\"HF_TOKEN\")\n")
        #expect(scan(d).findings.isEmpty)
    }
}
