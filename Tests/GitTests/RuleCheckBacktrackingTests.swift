import Testing
import TestSupport
import Rules

/// (In GitTests, the target this work may add files to, not RulesTests.)
/// Issue 11, case 7: `rules check` warns about regex shapes that backtrack exponentially.
@Suite struct RuleCheckBacktrackingTests {
    @Test(arguments: [#"(a+)+$"#, #"(\w+\s?)*$"#, #"(a|aa)+$"#, #"key=(?<secret>(?:[A-Za-z0-9]+)*)!"#, #"(?<x>a+){2,}"#, #"((ab)*c?)+"#])
    func nestedQuantifiersAreWarnedAbout(regex: String) {
        #expect(RuleCheck.backtrackingRisk(in: regex) != nil, "\(regex)")
    }

    @Test(arguments: [#"(a++)+$"#, #"(?>a+)+$"#, #"(?:[a-z0-9-]+\.)+[a-z]{2,}"#, #"(?<secret>AKIA[0-9A-Z]{16})"#,
                      #"(?:ab|cd)+"#, #"\(a+\)+"#, #"[(a+)]+"#, #"(?<=x+)y"#, #"(a+){1,3}"#, #"(?#(a+)+)x"#, #"\Q(a+)+\E"#])
    func safeShapesAreNotWarnedAbout(regex: String) {
        #expect(RuleCheck.backtrackingRisk(in: regex) == nil, "\(regex)")
    }

    @Test func warningsNameTheRuleAndItsFile() throws {
        let (rules, errors) = RuleLoader.parse(RuleText.rule(regex: "(?<secret>(a+)+$)"), file: "evil.toml", compile: true)
        #expect(errors.isEmpty)
        let warnings = RuleCheck.warnings(rules)
        #expect(warnings.count == 1)
        #expect(warnings.first?.description.hasPrefix("evil.toml:") == true)
        #expect(warnings.first?.description.contains("rule 'evil': regex: nested quantifiers in '(a+)+'") == true)
    }

    /// No built-in rule has such a shape.
    @Test func builtinRulesHaveNoBacktrackingRisk() {
        #expect(RuleCheck.warnings(BuiltinRules.load().rules).map(\.description) == [])
    }
}
