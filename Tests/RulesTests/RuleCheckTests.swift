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
