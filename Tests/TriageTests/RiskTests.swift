import Foundation
import Vocabulary
import Testing
@testable import Triage

@Suite struct RiskTests {
    @Test func scoresFollowTheFormula() {
        // 70 + 10 + 10 + min(10, 400/30 = 13) = 100
        #expect(RiskModel.score(level: .critical, lifetime: .longLived, committed: true, inHistoryOnly: false, ageDays: 400).plain == Risk(score: 100, level: .critical))
        // 50 + 10 + 10 + 2 = 72
        #expect(RiskModel.score(level: .high, lifetime: .longLived, committed: true, inHistoryOnly: false, ageDays: 60).plain == Risk(score: 72, level: .high))
        // 50 + 10 + 0 = 60
        #expect(RiskModel.score(level: .high, lifetime: .longLived, committed: false, inHistoryOnly: false, ageDays: nil).plain == Risk(score: 60, level: .high))
        // 30 - 10 + 10 - 5 + 1 = 26
        #expect(RiskModel.score(level: .medium, lifetime: .temporary, committed: true, inHistoryOnly: true, ageDays: 45).plain == Risk(score: 26, level: .low))
        // 30 + 0 + 10 = 40
        #expect(RiskModel.score(level: .medium, lifetime: .unknown, committed: true, inHistoryOnly: false, ageDays: 0).plain == Risk(score: 40, level: .medium))
        // 10 - 40 clamps to 0
        #expect(RiskModel.score(level: .low, lifetime: .expired, committed: false, inHistoryOnly: false, ageDays: nil).plain == Risk(score: 0, level: .low))
        // bands at their edges: 70+10 = 80 critical; 50+10 = 60 high; 30+10-5 = 35 medium; 30+0+0+4 = 34 low
        #expect(RiskModel.score(level: .critical, lifetime: .longLived, committed: false, inHistoryOnly: false, ageDays: nil).level == .critical)
        #expect(RiskModel.score(level: .medium, lifetime: .longLived, committed: false, inHistoryOnly: true, ageDays: nil).plain == Risk(score: 35, level: .medium))
        #expect(RiskModel.score(level: .medium, lifetime: .unknown, committed: false, inHistoryOnly: false, ageDays: 120).plain == Risk(score: 34, level: .low))
    }

    @Test func ageNeverSubtracts() {
        #expect(RiskModel.score(level: .high, lifetime: .longLived, committed: true, inHistoryOnly: false, ageDays: -50).score == 70)
    }

    @Test func movingALevelClamps() {
        #expect(Level.high.moved(by: 1) == .critical)
        #expect(Level.high.moved(by: 3) == .critical)
        #expect(Level.medium.moved(by: -2) == .low)
        #expect(Level.critical.moved(by: -1) == .high)
        #expect(Level.low.moved(by: 0) == .low)
    }

    @Test func assessmentCombinesTheParts() {
        // A broad rule's secret in a test folder: medium, lowered one step.
        let test = Assessment.assess(ruleID: "generic-secret-assignment", baseLevel: .medium, baseLifetime: .unknown,
                                     baseCapabilities: [.read], secret: "sk_test_" + String(repeating: "a1B2", count: 8),
                                     path: "tests/payments_test.py", now: H.now)
        #expect(test.level == .low)
        #expect(test.reasons.contains { $0.contains("test") })
        // An AWS key in production configuration: high + 1.
        let prod = Assessment.assess(ruleID: "aws-access-key-id", baseLevel: .high, baseLifetime: .longLived,
                                     baseCapabilities: [.read, .write], secret: "AKIA" + "Y34FZKBOKMUTVV7A",
                                     path: "deploy/.env", now: H.now)
        #expect(prod.level == .critical)
        #expect(prod.details["awsAccountID"] == "609629065308")
        #expect(prod.reasons.contains { $0.contains("deployment") })
        // A bad GitHub checksum is invalid whatever else is true.
        let bad = Assessment.assess(ruleID: "github-classic-pat", baseLevel: .high, baseLifetime: .longLived,
                                    baseCapabilities: [], secret: H.mutate(GitHubTokenTests.documented, at: 5),
                                    path: "a", now: H.now)
        #expect(!bad.valid)
        // The variant's sentence comes first, before what the secret and its path say.
        let typed = Assessment.assess(ruleID: "x", baseLevel: .low, baseLifetime: .longLived, baseCapabilities: [],
                                      typeReasons: ["Stripe test-mode key"], secret: "sk_test_abc", path: "deploy/x", now: H.now)
        #expect(typed.reasons.first == "Stripe test-mode key")
        #expect(typed.level == .medium)
    }
}

@Suite struct RiskFactorTests {
    @Test func factorsAddUpToEveryScore() {
        for level in [Level.critical, .high, .medium, .low] {
            for lifetime in [Lifetime.longLived, .temporary, .expired, .unknown] {
                for committed in [true, false] {
                    for history in [true, false] {
                        for days in [nil, 0, 45, 400] as [Int?] {
                            let r = RiskModel.score(level: level, lifetime: lifetime, committed: committed, inHistoryOnly: history, ageDays: days)
                            #expect(r.factors?.reduce(0) { $0 + $1.points } == r.score)
                        }
                    }
                }
            }
        }
    }

    @Test func cloudCredentialsThatReachModelServicesAreLLMjacking() {
        #expect(LLMjacking.reason(ruleID: "aws-access-key-id", category: .cloud)?.contains("Bedrock") == true)
        #expect(LLMjacking.reason(ruleID: "gcp-service-account-key", category: .cloud)?.contains("Vertex AI") == true)
        #expect(LLMjacking.reason(ruleID: "azure-openai-key", category: .ai)?.contains("Azure OpenAI") == true)
        #expect(LLMjacking.reason(ruleID: "azure-entra-client-secret", category: .cloud)?.contains("Azure OpenAI") == true)
        #expect(LLMjacking.reason(ruleID: "github-pat", category: .vcs) == nil)
    }
}

extension Risk {
    /// Score and level only, for tests written before factors.
    var plain: Risk { Risk(score: score, level: level) }
}
