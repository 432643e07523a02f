import Foundation
import Rules
import Scan
import Testing
import Vocabulary

/// What a prefix says about a credential lives in its rule file (`[[rule.variant]]`): every
/// positive example of a rule with variants comes out with its variant's level, lifetime,
/// capabilities and sentence.
@Suite struct RuleVariantTests {
    @Test func everyVariantShapesTheFindingsOfItsRule() throws {
        var seen = Set<String>()
        for rule in builtin.rules where !rule.variants.isEmpty {
            for example in rule.examples {
                let found = Scanner(rules: builtin).scan(bytes: Array(example.utf8), name: "notes.txt", showSecrets: true)
                for f in found where f.rule == rule.id {
                    guard let v = rule.variant(of: f.secret) else { continue }
                    seen.insert("\(rule.id) \(v.prefix)")
                    #expect(f.blastRadius.reasons.dropFirst().first == v.reason, "\(rule.id): \(example)")
                    #expect(f.blastRadius.lifetime == v.lifetime ?? rule.blastRadius.lifetime, "\(rule.id)")
                    #expect(f.blastRadius.level == v.level ?? rule.blastRadius.level, "\(rule.id)")
                    #expect(Set(v.capabilities).isSubset(of: f.blastRadius.capabilities), "\(rule.id)")
                }
            }
        }
        // Each kind that had a table in Swift before is now a variant some example exercises.
        for kind in ["github-classic-pat ghp_", "github-refresh-token ghr_", "github-fine-grained-pat github_pat_",
                     "anthropic-admin-key sk-ant-admin01-", "openai-project-key sk-proj-", "openai-admin-key sk-admin-",
                     "stripe-live-secret-key sk_live_", "stripe-test-key sk_test_", "slack-user-token xoxp-",
                     "slack-bot-token xoxb-"] {
            #expect(seen.contains(kind), "no example exercises \(kind)")
        }
    }

    @Test func stripeKindsRankByMoney() {
        let body = String(repeating: "a1B2c3", count: 5) + "Qz9"
        func level(_ key: String) -> Level? {
            Scanner(rules: builtin).scan(bytes: Array("STRIPE_KEY=\(key)\n".utf8), name: "notes.txt").first?.blastRadius.level
        }
        #expect(level("sk_live_" + body) == .critical)
        #expect(level("rk_live_" + body) == .high)
        #expect(level("sk_test_" + body) == .low)
        #expect(level("rk_test_" + body) == .low)
    }
}
