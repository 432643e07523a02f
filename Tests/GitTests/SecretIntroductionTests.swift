import Foundation
import Report
import Scan
import Testing
import Vocabulary
import TestSupport
import Triage

/// Issue 12: the age and introducer of the secret, not of its line; risk factors; LLMjacking reach.
@Suite struct SecretIntroductionTests {
    static let carol = Person(name: "Carol Example", email: "carol@example.net")

    /// Alice commits a key, Bob renames the file, Carol adds a comment on the key's line: the
    /// secret is Alice's and as old as her commit; Carol is only its last toucher.
    @Test func commentEditedOntoKeyLineKeepsTheSecretsAgeAndIntroducer() throws {
        let repo = try GitRepo()
        let key = Keys.akia()
        let token = Keys.githubToken()
        let expired = Keys.jwt(claims: #"{"sub":"svc","exp":1600000000}"#)
        try repo.commit([".github/CODEOWNERS": "/app/ @org/app\n",
                         "config/settings.py": "import os\nAWS_ACCESS_KEY_ID = \"\(key)\"\n"],
                        as: .alice, date: "2023-01-10T12:00:00Z")
        try FileManager.default.createDirectory(atPath: repo.path + "/app", withIntermediateDirectories: true)
        try repo.git("mv", "config/settings.py", "app/settings.py")
        try repo.commitStaged(as: .bob, date: "2023-06-01T12:00:00Z", message: "move settings")
        try repo.commit(["app/settings.py": "import os\nAWS_ACCESS_KEY_ID = \"\(key)\"  # rotate me\n",
                         "tests/fixtures/auth.json": "{\"token\": \"\(expired)\"}\n",
                         "scripts/ci.sh": "export GITHUB_TOKEN=\(token)\n"],
                        as: Self.carol, date: "2024-12-01T12:00:00Z")

        let report = try Fixed.scan(repo.path)
        let aws = try #require(report.findings.first { $0.rule == "aws-access-key-id" })
        #expect(aws.file.hasSuffix("app/settings.py"))
        #expect(aws.age?.introduced == "2023-01-10T12:00:00Z")
        #expect(aws.age?.days == Fixed.days(since: "2023-01-10T12:00:00Z"))
        #expect(aws.owner?.author == "Alice Example")
        #expect(aws.age?.lastTouched?.author == "Carol Example")
        #expect(aws.age?.lastTouched?.date == "2024-12-01T12:00:00Z")
        #expect(aws.age?.lastTouched?.days == Fixed.days(since: "2024-12-01T12:00:00Z"))
        #expect(aws.owner?.team == ["@org/app"])
        #expect(aws.owner?.unowned == false)
        // AWS keys reach Bedrock: tagged, with the reason.
        #expect(aws.tags.contains("llmjacking"))
        #expect(aws.blastRadius.reasons.contains { $0.hasPrefix("LLMjacking:") && $0.contains("Bedrock") })

        let gh = try #require(report.findings.first { $0.file.hasSuffix("scripts/ci.sh") })
        #expect(gh.owner?.author == "Carol Example")
        #expect(gh.owner?.unowned == true)
        #expect(!gh.tags.contains("llmjacking"))

        // Every score is the sum of its factors.
        for f in report.findings {
            let factors = try #require(f.risk.factors, "\(f.rule) has no factors")
            #expect(factors.reduce(0) { $0 + $1.points } == f.risk.score, "\(f.rule) at \(f.file)")
        }
        // The expired JWT in a fixture ranks below the live AWS key.
        if let jwt = report.findings.first(where: { $0.file.hasSuffix("auth.json") }) {
            #expect(jwt.risk.score < aws.risk.score)
            #expect(jwt.risk.factors?.contains { $0.points < 0 } == true)
        }
    }

    @Test func secretNeverCommittedFallsBackToBlame() throws {
        let repo = try GitRepo()
        let key = Keys.akia()
        try repo.commit(["a.py": "x = 1\n"], as: .alice, date: "2023-01-10T12:00:00Z")
        try repo.write("a.py", "x = 1\nKEY = \"\(key)\"\n")
        let report = try Fixed.scan(repo.path)
        let aws = try #require(report.findings.first { $0.rule == "aws-access-key-id" })
        #expect(aws.age?.source != .git)
        #expect(aws.owner?.unowned == nil)   // no CODEOWNERS file
    }
}
