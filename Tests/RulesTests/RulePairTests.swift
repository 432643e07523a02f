import Foundation
import Testing
@testable import Rules

/// `[[rule.pair]]`: the other parts of a credential, validated by the loader (shape) and by
/// `rules check` (the partner rules exist in the whole set).
@Suite struct RulePairTests {
    static let valid = RuleLoaderTests.valid

    static func withPair(_ pair: String) -> String { valid + "\n\n" + pair }

    static let partner = valid.replacingOccurrences(of: "id = \"demo-token\"", with: "id = \"demo-id\"")
        .replacingOccurrences(of: "demo_", with: "dmid_")

    @Test func pairTablesAreParsed() throws {
        let text = Self.withPair("""
        [[rule.pair]]
        rules = ["demo-id"]
        role = "demo id"
        [[rule.pair]]
        rules = ["demo-session"]
        role = "session"
        optional = true
        """)
        let (rules, errors) = RuleLoader.parse(text, file: "demo.toml")
        #expect(errors.isEmpty, "\(errors)")
        #expect(rules.first?.pairs == [RulePair(rules: ["demo-id"], role: "demo id"),
                                      RulePair(rules: ["demo-session"], role: "session", optional: true)])
    }

    @Test func badPairTablesAreErrorsWithTheirLine() {
        func errors(_ pair: String) -> [String] { RuleLoader.parse(Self.withPair(pair), file: "d.toml").errors.map(\.description) }
        #expect(errors("[[rule.pair]]\nrole = \"x\"").contains { $0.contains("pair.rules must list") })
        #expect(errors("[[rule.pair]]\nrules = [\"demo-id\"]").contains { $0.contains("pair.role is missing") })
        #expect(errors("[[rule.pair]]\nrules = [\"demo-id\"]\nrole = \"x\"\nwith = 1").contains { $0.contains("unknown pair field 'with'") })
        #expect(errors("[[rule.pair]]\nrules = [\"demo-id\"]\nrole = \"x\"\noptional = 1").contains { $0.contains("pair.optional must be") })
        #expect(errors("[[rule.pair]]\nrules = [\"demo-id\"]\nrole = \"x\"").first?.hasPrefix("d.toml:") != false)
    }

    @Test func rulesCheckRejectsAPairNamingNoRule() {
        let text = Self.withPair("[[rule.pair]]\nrules = [\"demo-idd\"]\nrole = \"demo id\"") + "\n\n" + Self.partner
        let (rules, errors) = RuleLoader.parse(text, file: "d.toml")
        #expect(errors.isEmpty, "\(errors)")
        let failures = RuleCheck.run(rules).failures.map(\.message)
        #expect(failures.contains("pair 'demo id' names no rule 'demo-idd'"), "\(failures)")
        // Named rightly, it passes.
        let good = RuleLoader.parse(Self.withPair("[[rule.pair]]\nrules = [\"demo-id\"]\nrole = \"demo id\"") + "\n\n" + Self.partner,
                                    file: "d.toml").rules
        #expect(RuleCheck.run(good).failures.isEmpty, "\(RuleCheck.run(good).failures)")
        // Itself, or another secret half, is an error.
        let selfPair = RuleLoader.parse(Self.withPair("[[rule.pair]]\nrules = [\"demo-token\"]\nrole = \"me\""), file: "d.toml").rules
        #expect(RuleCheck.pairProblems(selfPair, all: selfPair).map(\.message) == ["pair 'me' names the rule itself"])
    }

    @Test func builtInPairsNameExistingRules() throws {
        let rules = try RuleSet.load().rules
        #expect(RuleCheck.pairProblems(rules, all: rules).isEmpty)
        let halves = rules.filter { !$0.pairs.isEmpty }.map(\.id).sorted()
        #expect(halves == ["alibaba-access-key-secret", "alibaba-access-key-secret-paired", "aws-secret-access-key",
                           "aws-secret-access-key-paired", "langfuse-secret-key", "modal-token-secret", "twilio-api-key-secret"])
    }
}
