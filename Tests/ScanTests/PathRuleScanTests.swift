import Foundation
import Testing
import Vocabulary
import TestSupport
@testable import Report
@testable import Rules
@testable import Scan

/// Files that are secrets by name (rules/files-by-name.toml): path-only findings on a real tree,
/// binary files included, ignored and excluded ones not; content rules with a path condition.
@Suite struct PathRuleScanTests {
    /// A binary blob shaped like a DER PKCS#12 file (a NUL in its first bytes).
    static func keyStore(_ n: Int) -> Data {
        var d = Data([0x30, 0x82, 0x0A, 0x28, 0x02, 0x01, 0x03, 0x00])
        var rng = SystemRandomNumberGenerator()
        d.append(contentsOf: (0..<(n - 8)).map { _ in UInt8.random(in: 0...255, using: &rng) })
        return d
    }

    static let tfstate = """
    {
      "version": 4,
      "resources": [
        {
          "mode": "managed",
          "type": "aws_db_instance",
          "name": "orders",
          "instances": [
            {
              "attributes": {
                "engine": "postgres",
                "password": "Zr8#qLw2Vx9!mT4pKe",
                "username": "orders"
              }
            }
          ]
        }
      ]
    }

    """

    func scan(_ d: TempDir, configure: (inout ScanOptions) -> Void = { _ in }) throws -> ScanReport {
        var o = ScanOptions(roots: [d.path])
        o.threads = 2
        o.useGit = false
        configure(&o)
        return try Scanner(rules: builtin).scan(o)
    }

    func relative(_ d: TempDir, _ f: Finding) -> String { String(f.file.dropFirst(d.path.count + 1)) }

    @Test func keyStoresMasterKeyAndStateAreFoundIgnoredAndExcludedOnesAreNot() throws {
        let d = try TempDir()
        try d.write("certs/server.p12", Self.keyStore(2604))
        try d.write("config/master.key", "9f3c1a7e5b2d4c6e8a0b1c2d3e4f5a6b")
        try d.write("infra/terraform.tfstate", Self.tfstate)
        try d.write("vendor/lib.jks", Self.keyStore(900))          // --exclude vendor/
        try d.write(".gitignore", "secrets/\n")
        try d.write("secrets/app.keystore", Self.keyStore(700))    // ignored
        try d.write("certs/empty.pfx", "")                         // holds nothing
        try d.write("certs/truststore.p12", Self.keyStore(500))    // CA certificates only
        let r = try scan(d) { $0.excludes = ["vendor/"] }
        #expect(r.findings.map { "\(relative(d, $0)):\($0.line):\($0.column) \($0.rule)" } == [
            "certs/server.p12:1:1 pkcs12-key-store",
            "config/master.key:1:1 rails-master-key-file",
            "infra/terraform.tfstate:12:26 terraform-state-secret",
        ])
        let p12 = r.findings[0]
        #expect(p12.secret == "server.p12")
        #expect(p12.redacted)
        #expect(p12.secretLength == 2604)
        #expect(p12.context == "PKCS#12 key store (binary, 2,604 bytes)")
        #expect(p12.category == .keys)
        #expect(p12.blastRadius.level == .high)
        #expect(p12.blastRadius.reasons.first == builtin.rules.first { $0.id == "pkcs12-key-store" }!.blastRadius.impact)
        #expect(p12.entropy > 7)
        #expect(p12.age?.source == .mtime, "triage as for any finding")
        #expect(p12.risk.score > 0)
        #expect(r.findings[1].context == "Rails master key file (text, 32 bytes)")
        #expect(r.findings[1].blastRadius.level == .critical)
        #expect(r.findings[2].secret.hasPrefix("Zr8#") && r.findings[2].secretLength == 18)
        // Skips are counted as before: the key stores are binary to the reader.
        #expect(r.summary.filesSkipped["binary"] == 2)
        #expect(r.summary.filesSkipped["excluded"] == 1)
        #expect(r.summary.filesSkipped["ignored"] == 1)
        #expect(r.summary.complete)
    }

    @Test func showSecretsShowsTheNameNeverTheContents() throws {
        let d = try TempDir()
        try d.write("config/master.key", "9f3c1a7e5b2d4c6e8a0b1c2d3e4f5a6b\n")
        let f = try #require(try scan(d) { $0.showSecrets = true }.findings.first)
        #expect(f.secret == "master.key" && f.redacted)
        #expect(!f.context.contains("9f3c"))
    }

    @Test func theFingerprintFollowsPathAndContents() throws {
        let d = try TempDir()
        let store = Self.keyStore(1200)
        try d.write("a/release.jks", store)
        try d.write("b/release.jks", store)
        let first = try scan(d).findings
        #expect(first.count == 2 && first.allSatisfy { $0.rule == "java-key-store" })
        #expect(first[0].fingerprint != first[1].fingerprint, "another path is another finding")
        #expect(try scan(d).findings.map(\.fingerprint) == first.map(\.fingerprint), "stable")
        try d.write("a/release.jks", Self.keyStore(1200))
        let second = try scan(d).findings
        #expect(second[0].fingerprint != first[0].fingerprint, "a replaced key store is a new finding")
        #expect(second[1].fingerprint == first[1].fingerprint)
    }

    @Test func pathAndContentFindingsOfOneFileAreBothReported() throws {
        let d = try TempDir()
        let key = FakeKeys.awsAccessKeyID()
        let text = "# exported by hand\naws_access_key_id = \(key)\n"
        try d.write("conf/server.keystore", text)
        let r = try scan(d)
        #expect(r.findings.map { "\($0.line):\($0.column) \($0.rule)" } == ["1:1 java-key-store", "2:21 aws-access-key-id"])
        #expect(r.findings[0].context == "Java or Android key store (text, \(text.utf8.count) bytes)")
    }

    @Test func theConditionIsMatchedBelowTheRootOrAsANamedFileIsWritten() throws {
        let d = try TempDir()
        try d.write("app/config/master.key", "9f3c1a7e5b2d4c6e8a0b1c2d3e4f5a6b")
        // Below the root `app/config`, the path is `master.key`: no config/ in it.
        var o = ScanOptions(roots: [d.path + "/app/config"])
        o.useGit = false
        #expect(try Scanner(rules: builtin).scan(o).findings.isEmpty)
        // A file named as a root is matched as written.
        o.roots = [d.path + "/app/config/master.key"]
        #expect(try Scanner(rules: builtin).scan(o).findings.map(\.rule) == ["rails-master-key-file"])
    }

    @Test func testFixturesLowerTheBlastRadiusAndTheConfigCanTurnARuleOff() throws {
        let d = try TempDir()
        try d.write("Tests/Certificates/client.p12", Self.keyStore(800))
        try d.write("deploy/signing.p12", Self.keyStore(800))
        let r = try scan(d)
        #expect(r.findings.map(\.blastRadius.level) == [.medium, .critical])
        let config = try Config.parse("""
            [allowlist]
            paths = ["deploy/"]
            [[override]]
            paths = ["Tests/"]
            disable_rules = ["pkcs12-key-store"]
            """, file: ".leakscope.toml")
        let quiet = try scan(d) { $0.allowlist = Allowlist(config: config) }
        #expect(quiet.findings.map { relative(d, $0) } == ["deploy/signing.p12"])
        #expect(quiet.findings.first?.suppression?.kind == .config)
    }

    @Test func aContentRuleWithAPathRunsOnlyWhereThePathMatches() throws {
        let d = try TempDir()
        try d.write("infra/prod.tfstate", Self.tfstate)
        try d.write("notes/state.json", Self.tfstate)
        try d.write("home/.vault-token", "s.Xj7Kq2LmN9pR4tV8wY3zA6bC\n")
        try d.write("notes/token.txt", "s.Xj7Kq2LmN9pR4tV8wY3zA6bC\n")
        let r = try scan(d)
        let rules = r.findings.map { "\(relative(d, $0)) \($0.rule)" }
        #expect(rules.contains("infra/prod.tfstate terraform-state-secret"))
        #expect(rules.contains("home/.vault-token vault-token-file"))
        #expect(!rules.contains { $0.hasPrefix("notes/") && ($0.hasSuffix("terraform-state-secret") || $0.hasSuffix("vault-token-file")) }, "\(rules)")
        // The same bytes scanned as if they were the file: the gate follows the name.
        #expect(Scanner(rules: builtin).scan(bytes: Array(Self.tfstate.utf8), name: "x.tfstate").map(\.rule) == ["terraform-state-secret"])
        #expect(!Scanner(rules: builtin).scan(bytes: Array(Self.tfstate.utf8), name: "x.json").map(\.rule).contains("terraform-state-secret"))
        #expect(Scanner(rules: builtin).scan(bytes: Array(Self.keyStore(300)), name: "k/a.pfx").map(\.rule) == ["pkcs12-key-store"])
    }

    @Test func aModernVaultTokenInItsFileIsOneFinding() throws {
        let d = try TempDir()
        let token = "hvs." + FakeKeys.random(24, from: Array("ABCDEFGHIJKLMNOPQRSTUVWYZabcdefghijklmnopqrstuvwyz0123456789"))
        try d.write(".vault-token", token)
        #expect(try scan(d).findings.map(\.rule) == ["vault-service-token"])
    }
}
