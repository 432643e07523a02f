import Foundation
import Testing
@testable import Triage

@Suite struct RiskTests {
    @Test func scoresFollowTheFormula() {
        // 70 + 10 + 10 + min(10, 400/30 = 13) = 100
        #expect(Risk.score(level: "critical", lifetime: "long-lived", committed: true, inHistoryOnly: false, ageDays: 400) == (100, "critical"))
        // 50 + 10 + 10 + 2 = 72
        #expect(Risk.score(level: "high", lifetime: "long-lived", committed: true, inHistoryOnly: false, ageDays: 60) == (72, "high"))
        // 50 + 10 + 0 = 60
        #expect(Risk.score(level: "high", lifetime: "long-lived", committed: false, inHistoryOnly: false, ageDays: nil) == (60, "high"))
        // 30 - 10 + 10 - 5 + 1 = 26
        #expect(Risk.score(level: "medium", lifetime: "temporary", committed: true, inHistoryOnly: true, ageDays: 45) == (26, "low"))
        // 30 + 0 + 10 = 40
        #expect(Risk.score(level: "medium", lifetime: "unknown", committed: true, inHistoryOnly: false, ageDays: 0) == (40, "medium"))
        // 10 - 40 clamps to 0
        #expect(Risk.score(level: "low", lifetime: "expired", committed: false, inHistoryOnly: false, ageDays: nil) == (0, "low"))
        // bands at their edges: 70+10 = 80 critical; 50+10 = 60 high; 30+10-5 = 35 medium; 30+0+0+4 = 34 low
        #expect(Risk.score(level: "critical", lifetime: "long-lived", committed: false, inHistoryOnly: false, ageDays: nil).level == "critical")
        #expect(Risk.score(level: "medium", lifetime: "long-lived", committed: false, inHistoryOnly: true, ageDays: nil) == (35, "medium"))
        #expect(Risk.score(level: "medium", lifetime: "unknown", committed: false, inHistoryOnly: false, ageDays: 120) == (34, "low"))
    }

    @Test func ageNeverSubtracts() {
        #expect(Risk.score(level: "high", lifetime: "long-lived", committed: true, inHistoryOnly: false, ageDays: -50).score == 70)
    }

    @Test func combineClamps() {
        #expect(Risk.combine(baseLevel: "high", adjustments: [1]) == "critical")
        #expect(Risk.combine(baseLevel: "high", adjustments: [1, 1, 1]) == "critical")
        #expect(Risk.combine(baseLevel: "medium", adjustments: [-1, -1]) == "low")
        #expect(Risk.combine(baseLevel: "critical", adjustments: [-1, 1, -1]) == "high")
        #expect(Risk.combine(baseLevel: "low", adjustments: []) == "low")
        #expect(Risk.combine(baseLevel: "High", adjustments: [0]) == "high")
        #expect(Risk.combine(baseLevel: "bogus", adjustments: [1]) == "high")
    }

    @Test func assessmentCombinesTheParts() {
        let blame = BlameInfo(commit: String(repeating: "a", count: 40), author: "A", email: "a@example.com",
                              authorTime: Int64(H.now.timeIntervalSince1970) - 90 * 86_400, date: "", committed: true)
        // Stripe test key found by a broad rule, in a test folder: low, then lowered again (clamped).
        let test = Assessment.assess(ruleID: "generic-secret-assignment", baseLevel: "medium", baseLifetime: "unknown",
                                     baseCapabilities: ["read"], secret: "sk_test_" + String(repeating: "a1B2", count: 8),
                                     path: "tests/payments_test.py", blame: blame, now: H.now)
        #expect(test.level == "low")
        #expect(test.lifetime == "long-lived")
        #expect(test.riskScore == 10 + 10 + 10 + 3)
        #expect(test.riskLevel == "low")
        // An AWS key in production configuration: high + 1.
        let prod = Assessment.assess(ruleID: "aws-access-key-id", baseLevel: "high", baseLifetime: "long-lived",
                                     baseCapabilities: ["read", "write"], secret: "AKIA" + "Y34FZKBOKMUTVV7A",
                                     path: "deploy/.env", blame: blame, now: H.now)
        #expect(prod.level == "critical")
        #expect(prod.details["awsAccountID"] == "609629065308")
        #expect(prod.riskScore == 70 + 10 + 10 + 3)
        #expect(prod.reasons.contains { $0.contains("deployment") })
        // A bad GitHub checksum is invalid whatever else is true.
        let bad = Assessment.assess(ruleID: "github-classic-pat", baseLevel: "high", baseLifetime: "long-lived",
                                    baseCapabilities: [], secret: H.mutate(GitHubTokenTests.documented, at: 5),
                                    path: "a", blame: nil, now: H.now)
        #expect(!bad.valid)
    }
}
