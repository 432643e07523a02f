import Foundation
import Report
import Rules
import Testing
import TestSupport
import Vocabulary
@testable import Scan

/// Whole credentials (PairingStage, `[[rule.pair]]`): the parts of one credential found within
/// `PairingStage.reach` lines of each other are one finding, the secret half's, with
/// `components`; a lone half is still reported and says what it is missing.
@Suite struct PairingStageTests {
    static let alnum = Array("ABCDEFGHJKLMNPQRSTUVWYZabcdefghijkmnopqrstuvwyz23456789")
    static let upper = Array("ABCDEFGHJKLMNPQRSTUVWYZ234567")
    static let hex = Array("0123456789abcdef")

    static func awsID(_ prefix: String = "AKIA") -> String { prefix + FakeKeys.random(16, from: upper) }
    static func awsSecret() -> String { "Qz/" + FakeKeys.random(36, from: alnum) + "+" }
    static func sessionToken() -> String { "IQoJb3JpZ2luX2VjE" + FakeKeys.random(180, from: alnum) + "/Zq" }
    static func uuid() -> String {
        [8, 4, 4, 4, 12].map { FakeKeys.random($0, from: hex) }.joined(separator: "-")
    }

    func scan(_ text: String, _ name: String) -> [Finding] {
        Scanner(rules: builtin).scan(bytes: Array(text.utf8), name: name, showSecrets: true)
    }

    @Test func awsCredentialsFileJoinsEachProfileWithItsOwnKeyID() throws {
        let (id1, s1) = (Self.awsID(), Self.awsSecret())
        let (id2, s2, t2) = (Self.awsID("ASIA"), Self.awsSecret(), Self.sessionToken())
        let text = """
        [default]
        aws_access_key_id = \(id1)
        aws_secret_access_key = \(s1)

        [ci]
        aws_access_key_id = \(id2)
        aws_secret_access_key = \(s2)
        aws_session_token = \(t2)
        region = eu-west-1
        """
        let found = scan(text, "home/marta/.aws/credentials").filter { $0.rule.hasPrefix("aws-") }
        #expect(found.map(\.rule) == ["aws-secret-access-key", "aws-secret-access-key"], "\(found.map(\.rule))")
        let first = try #require(found.first { $0.secret == s1 })
        #expect(first.components?.map(\.rule) == ["aws-access-key-id", "aws-secret-access-key"])
        #expect(first.components?.first?.secret == id1)
        #expect(first.components?.first.map { [$0.line, $0.column] } == [2, 21])
        let second = try #require(found.first { $0.secret == s2 })
        #expect(second.components?.map(\.secret) == [id2, s2, t2])
        #expect(second.components?.map(\.role) == ["access key ID", "AWS secret access key", "session token"])
        #expect(second.blastRadius.reasons.contains { $0.hasPrefix("Whole credential: found with its access key ID on line 6 and its session token on line 8") })
        // An ASIA key id makes the whole credential temporary; an AKIA one leaves it long-lived.
        #expect(second.blastRadius.lifetime == .temporary)
        #expect(first.blastRadius.lifetime == .longLived)
        // The secret half's fingerprint is the finding's: baselines of the secret keep working.
        #expect(second.components?.first { $0.secret == s2 }?.fingerprint == second.fingerprint)
        #expect(first.fingerprint == FindingBuilder.fingerprint(rule: "aws-secret-access-key", file: "home/marta/.aws/credentials", secret: s1))
    }

    @Test func envFileJoinsEveryPairKindOfTheRulePack() throws {
        let aliID = "LTAI5t" + FakeKeys.random(18, from: Self.alnum), aliSecret = FakeKeys.random(30, from: Self.alnum)
        let sid = "SK" + FakeKeys.random(32, from: Self.hex), twSecret = FakeKeys.random(32, from: Self.alnum)
        let modalID = "ak-" + FakeKeys.random(22, from: Self.alnum), modalSecret = "as-" + FakeKeys.random(22, from: Self.alnum)
        let pk = "pk-lf-" + Self.uuid(), sk = "sk-lf-" + Self.uuid()
        let text = """
        # deploy settings
        ALIBABA_CLOUD_ACCESS_KEY_ID=\(aliID)
        ALIBABA_CLOUD_ACCESS_KEY_SECRET=\(aliSecret)

        TWILIO_API_KEY=\(sid)
        TWILIO_API_SECRET=\(twSecret)

        MODAL_TOKEN_ID=\(modalID)
        MODAL_TOKEN_SECRET=\(modalSecret)

        LANGFUSE_PUBLIC_KEY=\(pk)
        LANGFUSE_SECRET_KEY=\(sk)
        """
        let found = scan(text, "services/api/.env")
        let expected: [(secret: String, partner: String, partnerSecret: String)] = [
            ("alibaba-access-key-secret", "alibaba-access-key-id", aliID),
            ("twilio-api-key-secret", "twilio-api-key-sid", sid),
            ("modal-token-secret", "modal-token-id", modalID),
            ("langfuse-secret-key", "langfuse-public-key", pk),
        ]
        #expect(found.map(\.rule) == expected.map(\.secret), "\(found.map(\.rule))")
        for e in expected {
            let f = try #require(found.first { $0.rule == e.secret })
            #expect(f.components?.count == 2, "\(e.secret)")
            #expect(f.components?.first?.rule == e.partner, "\(e.secret)")
            #expect(f.components?.first?.secret == e.partnerSecret, "\(e.secret)")
            #expect(f.components?.first?.line == f.line - 1, "\(e.secret)")
        }
    }

    @Test func jsonObjectOfTemporaryCredentialsIsOneFinding() throws {
        let (id, secret, token) = (Self.awsID("ASIA"), Self.awsSecret(), Self.sessionToken())
        let text = """
        {
          "Credentials": {
            "AccessKeyId": "\(id)",
            "SecretAccessKey": "\(secret)",
            "SessionToken": "\(token)",
            "Expiration": "2026-12-03T18:00:00Z"
          }
        }
        """
        let found = scan(text, "ci/assume-role-output.json").filter { $0.rule.hasPrefix("aws-") }
        #expect(found.count == 1)
        let f = try #require(found.first)
        #expect(f.rule == "aws-secret-access-key")
        #expect(f.components?.map(\.rule) == ["aws-temporary-access-key-id", "aws-secret-access-key", "aws-session-token"])
        #expect(f.components?.map(\.line) == [3, 4, 5])
    }

    @Test func loneHalvesAreReportedWithWhatTheyMiss() throws {
        let found = scan("AWS_ACCESS_KEY_ID=\(Self.awsID())\nAWS_REGION=eu-west-1\n", ".env")
        let id = try #require(found.first { $0.rule == "aws-access-key-id" })
        #expect(id.components == nil)
        #expect(id.blastRadius.reasons.last?.hasPrefix("Access key ID without its secret (AWS secret access key) within 8 lines") == true,
                "\(id.blastRadius.reasons)")

        let sk = try #require(scan("LANGFUSE_SECRET_KEY=sk-lf-\(Self.uuid())\n", ".env").first)
        #expect(sk.components == nil)
        #expect(sk.blastRadius.reasons.last?.hasPrefix("Langfuse secret key without its public key within 8 lines") == true,
                "\(sk.blastRadius.reasons)")

        // A secret with only its optional part missing says nothing of it.
        let pair = scan("aws_access_key_id = \(Self.awsID())\naws_secret_access_key = \(Self.awsSecret())\n", "home/u/.aws/credentials")
            .filter { $0.rule.hasPrefix("aws-") }
        #expect(pair.count == 1)
        #expect(pair.first?.blastRadius.reasons.contains { $0.contains("without") } == false)
    }

    @Test func partsFurtherApartThanTheReachAreTwoFindings() {
        let filler = (1...PairingStage.reach).map { "SETTING_\($0)=on" }.joined(separator: "\n")
        let text = "AWS_ACCESS_KEY_ID=\(Self.awsID())\n\(filler)\nAWS_SECRET_ACCESS_KEY=\(Self.awsSecret())\n"
        let found = scan(text, ".env")
        #expect(found.map(\.rule) == ["aws-access-key-id", "aws-secret-access-key"])
        #expect(found.allSatisfy { $0.components == nil })
    }

    @Test func twoPairsInOneFileJoinTheNearestPartnerWhateverTheOrderFound() throws {
        // Ids first, then secrets in reverse order: the nearest id is the right one.
        let (a, b) = (Self.awsID(), Self.awsID())
        let (sa, sb) = (Self.awsSecret(), Self.awsSecret())
        let text = """
        AWS_ACCESS_KEY_ID_A=\(a)
        AWS_SECRET_ACCESS_KEY_A=\(sa)
        AWS_ACCESS_KEY_ID_B=\(b)
        AWS_SECRET_ACCESS_KEY_B=\(sb)
        """
        let found = scan(text, "deploy/.env")
        #expect(found.count == 2)
        #expect(found.first { $0.secret == sa }?.components?.first?.secret == a)
        #expect(found.first { $0.secret == sb }?.components?.first?.secret == b)

        // The stage itself: the same joins whatever order the matcher handed the findings in.
        let worker = ScanWorker(rules: builtin, options: ScanOptions(roots: []), margins: HistoryMargins(rules: []))
        let raw = Array(text.utf8).withUnsafeBufferPointer {
            worker.scan(Fragment(bytes: $0, provenance: .file(path: "deploy/.env", contextPath: "deploy/.env")))
        }
        #expect(raw.count == 4)
        let forward = worker.pairing.apply(raw).map(\.finding).sorted(by: Finding.reportOrder)
        let backward = worker.pairing.apply(raw.reversed()).map(\.finding).sorted(by: Finding.reportOrder)
        #expect(forward == backward)
        #expect(forward.map { $0.components?.map(\.line) } == [[1, 2], [3, 4]])
    }
}
