import Foundation
import Vocabulary
import Testing
import TestSupport
@testable import Triage

@Suite struct AWSKeyIDTests {
    // Vector: https://awsteele.com/blog/2020/09/26/aws-access-key-format.html names this key id,
    // and https://medium.com/@TalBeerySec/a-short-note-on-aws-key-id-f88cc4317489 decodes it to
    // account 609629065308. Split so that no scanner reads it as a live key.
    static let documentedKeyID = "ASIA" + "Y34FZKBOKMUTVV7A"

    @Test func decodesDocumentedAccountID() {
        #expect(AWSKeyID.accountID(Self.documentedKeyID) == "609629065308")
        let a = KeyAnatomy.inspect(ruleID: "aws-temporary-access-key-id", secret: Self.documentedKeyID, now: H.now)
        #expect(a.valid)
        #expect(a.details["awsAccountID"] == "609629065308")
        #expect(a.lifetime == .temporary)
        #expect(a.level == .medium)
        #expect(a.reasons.contains { $0.contains("609629065308") })
    }

    @Test func akiaIsLongLived() {
        // Same account bits under the long-lived prefix.
        let a = KeyAnatomy.inspect(ruleID: "aws-access-key-id", secret: "AKIA" + "Y34FZKBOKMUTVV7A", now: H.now)
        #expect(a.valid)
        #expect(a.lifetime == .longLived)
        #expect(a.level == .high)
        #expect(a.details["awsAccountID"] == "609629065308")
    }

    @Test func accountIDIsZeroPaddedToTwelveDigits() {
        // Generation bit set, then account 42 in the next 40 bits: 0x80 | 0, ..., 42 << 7.
        let value: UInt64 = (1 << 47) | (42 << 7)
        var bytes = (0..<6).map { UInt8((value >> (8 * (5 - UInt64($0)))) & 0xff) } + [0, 0, 0, 0]
        bytes = Array(bytes.prefix(10))
        let tail = base32(bytes)
        #expect(tail.count == 16)
        #expect(AWSKeyID.accountID("AKIA" + tail) == "000000000042")
    }

    @Test func oldGenerationKeyIDsHaveNoAccount() {
        // AWS's documentation example: first decoded bit 0 (old generation).
        let a = KeyAnatomy.inspect(ruleID: "aws-access-key-id", secret: "AKIA" + "IOSFODNN7EXAMPLE", now: H.now)
        #expect(a.valid)
        #expect(a.details["awsAccountID"] == nil)
        #expect(a.reasons.contains { $0.contains("old-generation") })
    }

    @Test func charactersOutsideBase32AreNotAWS() {
        let a = KeyAnatomy.inspect(ruleID: "aws-access-key-id", secret: "AKIA" + "QX4NZ7RL2KD8MPWE", now: H.now)
        #expect(!a.valid)
    }

    @Test func fakeKeysFromTestSupportDecode() {
        for _ in 0..<20 {
            let key = FakeKeys.awsAccessKeyID()
            #expect(KeyAnatomy.inspect(ruleID: "aws-access-key-id", secret: key, now: H.now).valid)
        }
    }

    /// RFC 4648 base32 of 10 bytes (16 characters), to build key ids.
    func base32(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var bits = 0, buffer = 0, out = ""
        for b in bytes {
            buffer = (buffer << 8) | Int(b); bits += 8
            while bits >= 5 { bits -= 5; out.append(alphabet[(buffer >> bits) & 31]) }
        }
        return out
    }
}

@Suite struct GitHubTokenTests {
    // Vector: https://gist.github.com/coolaj86/eb8cddfd3e4251258712dfed03e1f86d gives
    // "ghp_" + "zQWBuTSOoRi4A9spHcVY5ncnsDkxkJ" + "0mLq17" as an example of the format.
    static let documented = "ghp" + "_" + "zQWBuTSOoRi4A9spHcVY5ncnsDkxkJ" + "0mLq17"

    @Test func crc32KnownValues() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)   // the CRC-32 check value
        #expect(CRC32.checksum([UInt8]()) == 0)
    }

    @Test func base62Encoding() {
        #expect(Base62.encode(0, width: 6) == "000000")
        #expect(Base62.encode(61, width: 6) == "00000z")
        #expect(Base62.encode(62, width: 6) == "000010")
        #expect(Base62.encode(UInt32.max, width: 6) == "4gfFC3")
    }

    @Test func documentedTokenVerifies() {
        #expect(GitHubToken.checksumMatches(Self.documented.dropFirst(4)))
        let a = KeyAnatomy.inspect(ruleID: "github-classic-pat", secret: Self.documented, now: H.now)
        #expect(a.valid)
        #expect(a.reasons == ["checksum verified: the token has GitHub's format"])
    }

    @Test(arguments: 4..<40)
    func anyChangedCharacterFailsTheChecksum(offset: Int) {
        let changed = H.mutate(Self.documented, at: offset)
        #expect(!KeyAnatomy.inspect(ruleID: "github-classic-pat", secret: changed, now: H.now).valid)
    }

    /// What each prefix means is in rules/github.toml (RuleVariantTests); here: the checksum.
    @Test func checksOfEachPrefix() {
        for prefix in ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"] {
            let token = H.githubToken(prefix)
            let a = KeyAnatomy.inspect(ruleID: "x", secret: token, now: H.now)
            #expect(a.valid, "\(token)")
            #expect(a.reasons.contains { $0.contains("checksum verified") }, "\(prefix)")
            #expect(!KeyAnatomy.inspect(ruleID: "x", secret: H.mutate(token, at: 7), now: H.now).valid)
        }
    }

    @Test func fineGrainedTokensRankBelowClassic() {
        let token = "github_pat_" + String(repeating: "A1b2C3d4E5", count: 2) + "AB" + "_"
            + String(repeating: "xY9", count: 19) + "zz"
        let a = KeyAnatomy.inspect(ruleID: "github-fine-grained-pat", secret: token, now: H.now)
        #expect(a.valid)
        #expect(a.level == nil, "the rule's variant says what it is; there is no checksum to check")
    }

    @Test func statelessInstallationTokenReadsItsJWT() {
        let exp = Int(H.now.timeIntervalSince1970) + 3600
        let jwt = H.jwt(header: #"{"alg":"RS256","typ":"JWT"}"#, claims: #"{"exp":\#(exp),"iss":"github"}"#)
        let a = KeyAnatomy.inspect(ruleID: "github-app-installation-token", secret: "ghs_123456_" + jwt, now: H.now)
        #expect(a.valid)
        #expect(a.details["githubAppID"] == "123456")
        #expect(a.lifetime == .temporary)
        #expect(a.details["jwtExpires"] == "2024-06-10T01:00:00Z")
    }

    @Test(.enabled(if: H.which("python3") != nil, "python3 is needed to run corpus/tools/fake_github_token.py"))
    func acceptsTheCorpusGenerator() throws {
        let script = PackageRoot.url.appendingPathComponent("corpus/tools/fake_github_token.py").path
        let run = try H.run(H.which("python3")!, [script, "ghp", "gho", "ghu", "ghs", "ghr", "ghp", "ghp", "ghp"])
        #expect(run.status == 0, "\(run.stderr)")
        let tokens = run.stdout.split(separator: "\n").map(String.init)
        #expect(tokens.count == 8)
        for token in tokens {
            #expect(KeyAnatomy.inspect(ruleID: "github", secret: token, now: H.now).valid, "\(token)")
            #expect(!KeyAnatomy.inspect(ruleID: "github", secret: H.mutate(token, at: 12), now: H.now).valid, "\(token)")
        }
        // And the generator accepts ours.
        let ours = (0..<5).map { _ in H.githubToken("ghp_") }
        let check = try H.run(H.which("python3")!, [script, "--check"] + ours)
        #expect(check.status == 0, "\(check.stdout)")
    }
}

@Suite struct NeutralAnatomyTests {
    @Test func unknownSecretsAreNeutral() {
        let a = KeyAnatomy.inspect(ruleID: "generic-password", secret: "hunter2-correct-horse", now: H.now)
        #expect(a == Anatomy())
    }
}

@Suite struct JWTAnatomyTests {
    @Test func expiredTokenIsLowered() {
        // exp 1718003600 = 2024-06-10T07:13:20Z; now is 2024-06-10T00:00:00Z, so pick an earlier one.
        let token = H.jwt(header: #"{"alg":"HS256","typ":"JWT"}"#,
                          claims: #"{"sub":"usr_7Qm2Lx9","iss":"https://auth.example.io","exp":1717000000,"scope":"invoices:write payments:read"}"#)
        let a = KeyAnatomy.inspect(ruleID: "jwt", secret: token, now: H.now)
        #expect(a.valid)
        #expect(a.lifetime == .expired)
        #expect(a.levelAdjustment == -1)
        #expect(a.details["jwtExpires"] == "2024-05-29T16:26:40Z")
        #expect(a.details["jwtIssuer"] == "https://auth.example.io")
        #expect(a.details["jwtSubject"] == "usr_7Qm2Lx9")
        #expect(a.details["jwtAlgorithm"] == "HS256")
        #expect(a.reasons.contains { $0.contains("expired") && $0.contains("11 days ago") })
        #expect(a.reasons.contains("scopes: invoices:write payments:read"))
    }

    @Test func futureExpiryIsTemporary() {
        let token = H.jwt(header: #"{"alg":"ES256"}"#,
                          claims: #"{"aud":["api","billing"],"exp":1718003600,"iat":1718000000,"scp":["read","write"]}"#)
        let a = KeyAnatomy.inspect(ruleID: "jwt", secret: token, now: H.now)
        #expect(a.lifetime == .temporary)
        #expect(a.levelAdjustment == 0)
        #expect(a.details["jwtAudience"] == "api billing")
        #expect(a.details["jwtIssuedAt"] == "2024-06-10T06:13:20Z")
        #expect(a.reasons.contains("audience api, billing"))
        #expect(a.reasons.contains("scopes: read write"))
    }

    @Test func farOrMissingExpiryIsLongLived() {
        let far = H.jwt(header: #"{"alg":"HS256"}"#, claims: #"{"exp":2000000000,"role":"service_role"}"#)
        let a = KeyAnatomy.inspect(ruleID: "jwt", secret: far, now: H.now)
        #expect(a.lifetime == .longLived)
        #expect(a.levelAdjustment == 1)
        #expect(a.capabilities.contains(.admin))
        let none = H.jwt(header: #"{"alg":"HS256"}"#, claims: #"{"sub":"svc"}"#)
        #expect(KeyAnatomy.inspect(ruleID: "jwt", secret: none, now: H.now).lifetime == .longLived)
    }

    @Test func absurdClaimsDoNotCrash() {
        for exp in ["1e300", "-1e300", "\"soon\"", "null", "[1]", "9223372036854775807"] {
            let token = H.jwt(header: #"{"alg":"HS256"}"#, claims: #"{"exp":\#(exp),"iat":1e308,"aud":[1,"x"],"sub":{"a":1}}"#)
            let a = KeyAnatomy.inspect(ruleID: "jwt", secret: token, now: H.now)
            #expect(a.valid, "\(exp)")
            #expect(a.lifetime == .longLived, "\(exp)")
        }
    }

    @Test func algNoneIsNoted() {
        let token = H.base64url(Array(#"{"alg":"none"}"#.utf8)) + "." + H.base64url(Array(#"{"sub":"x"}"#.utf8)) + "."
        let a = KeyAnatomy.inspect(ruleID: "jwt", secret: token, now: H.now)
        #expect(a.valid)
        #expect(a.levelAdjustment == -1)
        #expect(a.reasons.contains { $0.contains("alg none") })
    }

    @Test func undecodableTokensAreInvalid() {
        #expect(!KeyAnatomy.inspect(ruleID: "jwt", secret: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIi$$$.abc", now: H.now).valid)
        #expect(!KeyAnatomy.inspect(ruleID: "jwt", secret: "eyJub3QganNvbg.eyJzdWIiOiJ4In0.sig", now: H.now).valid)
        let headerOnly = "eyJhbGci" + "OiJIUzI1NiJ9"
        #expect(!KeyAnatomy.inspect(ruleID: "jwt", secret: headerOnly, now: H.now).valid)
        // Outside a JWT rule, a string that is not JWT-shaped is simply not a JWT.
        #expect(KeyAnatomy.inspect(ruleID: "docker-config-auth", secret: "eyJhdXRocyI6e30", now: H.now).valid)
    }

    @Test func ruleExampleFromJwtToml() {
        // The jwt rule's own first example (rules/jwt.toml): exp 1718003600.
        // Joined at run time so that scanning this repository does not report it.
        let token = ["eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9",
                     "eyJzdWIiOiJ1c3JfN1FtMkx4OSIsInJvbGUiOiJhZG1pbiIsImlzcyI6Imh0dHBzOi8vYXV0aC5vcmJpdGRlc2suaW8iLCJpYXQiOjE3MTgwMDAwMDAsImV4cCI6MTcxODAwMzYwMH0",
                     "nNZASvnyxcC6tw2gGr8dbwFm513GMxX8-MlONEpY4TQ"].joined(separator: ".")
        let a = KeyAnatomy.inspect(ruleID: "jwt", secret: token, now: H.now)
        #expect(a.details["jwtExpires"] == "2024-06-10T07:13:20Z")
        #expect(a.details["jwtIssuer"] == "https://auth.orbitdesk.io")
        #expect(a.capabilities.contains(.admin))   // role admin
        let later = KeyAnatomy.inspect(ruleID: "jwt", secret: token, now: Date(timeIntervalSince1970: 1_718_003_601))
        #expect(later.lifetime == .expired)
    }
}
