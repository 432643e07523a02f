import Foundation
import Testing
@testable import Rules

/// `rules check`: marked secrets and precedence in the whole rule set.
@Suite struct RuleCheckTests {
    static let valid = RuleLoaderTests.valid

    @Test func markedExamplesPinTheSecret() {
        let marked = Self.valid.replacingOccurrences(of: "t = demo_q8w7e6r5t4y3", with: "t = «demo_q8w7e6r5t4y3»")
        let (rules, errors) = RuleLoader.parse(marked, file: "x.toml")
        #expect(errors.isEmpty)
        #expect(rules.first?.examples == ["t = demo_q8w7e6r5t4y3"], "the marks are not scanned")
        #expect(rules.first?.exampleSecrets == [4..<21])
        #expect(RuleCheck.run(rules).failures.isEmpty)
        // A mark off by a few characters fails.
        let wrong = Self.valid.replacingOccurrences(of: "t = demo_q8w7e6r5t4y3", with: "t = «demo_q8w7»e6r5t4y3")
        let failures = RuleCheck.run(RuleLoader.parse(wrong, file: "x.toml").rules).failures
        #expect(failures.count == 1, "reported once, not again by the whole-set pass: \(failures)")
        #expect(failures.first?.message.contains("not the marked") == true, "\(failures)")
    }

    @Test func anExampleAnotherRuleWinsFailsInTheWholeSet() {
        // A second rule with higher precedence takes the same secret: the example's own rule
        // never reports it in a scan, and the check says which rule does.
        let broad = Self.valid.replacingOccurrences(of: "id = \"demo-token\"", with: "id = \"broad-token\"")
            .replacingOccurrences(of: "category = \"saas\"", with: "category = \"saas\"\nprecedence = 50")
        let (rules, errors) = RuleLoader.parse(Self.valid + "\n" + broad, file: "x.toml")
        #expect(errors.isEmpty, "\(errors)")
        let failures = RuleCheck.run(rules).failures
        #expect(failures.count == 1)
        #expect(failures.first?.rule == "demo-token")
        #expect(failures.first?.message.contains("comes out under 'broad-token'") == true, "\(failures)")
    }
}

@Suite struct RuleVariantParsingTests {
    static let withVariants = RuleLoaderTests.valid + """

    [[rule.variant]]
    prefix = "demo_"
    reason = "a demo token"

    [[rule.variant]]
    prefix = "demo_live"
    level = "critical"
    capabilities = ["payments"]
    reason = "a live demo token"
    """

    @Test func variantsAreParsedValidatedAndLongestFirst() throws {
        let (rules, errors) = RuleLoader.parse(Self.withVariants, file: "t.toml")
        #expect(errors.isEmpty, "\(errors)")
        let rule = try #require(rules.first)
        #expect(rule.variants.map(\.prefix) == ["demo_live", "demo_"])
        #expect(rule.variant(of: "demo_liveabc")?.level == .critical)
        #expect(rule.variant(of: "demo_abc")?.level == nil)
        #expect(rule.variant(of: "xdemo_abc") == nil)
    }

    @Test func anUndeclaredCapabilityOrAMissingReasonIsAnError() {
        let typo = Self.withVariants.replacingOccurrences(of: "[\"payments\"]", with: "[\"paymnets\"]")
        let problems = RuleLoader.parse(typo, file: "t.toml").errors
        #expect(problems.contains { $0.message.contains("unknown capability 'paymnets' (did you mean 'payments'?)") }, "\(problems)")
        let noReason = Self.withVariants.replacingOccurrences(of: "reason = \"a demo token\"\n", with: "")
        #expect(RuleLoader.parse(noReason, file: "t.toml").errors.contains { $0.message.contains("reason is missing") })
    }
}
