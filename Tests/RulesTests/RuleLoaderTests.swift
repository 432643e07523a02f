import Foundation
import Testing
import TestSupport
@testable import Rules

@Suite struct RuleLoaderTests {
    static let valid = """
    [[rule]]
    id = "demo-token"
    name = "Demo token"
    provider = "Demo"
    category = "saas"
    keywords = ["demo_"]
    regex = '''(?<secret>demo_[a-z0-9]{12})'''
    examples = ['''t = demo_q8w7e6r5t4y3''']
    negative_examples = ['''t = demo_short''']

    [rule.blast_radius]
    level = "medium"
    lifetime = "long-lived"
    capabilities = ["read"]
    impact = "Reads demo data."
    """

    /// The marked secret is a byte range of the unmarked text, multi-byte letters before it included.
    @Test func unmarkGivesTheSecretsByteRange() {
        let (text, secret) = ExampleMarks.unmark("clé = «abc»;")
        #expect(text == "clé = abc;")
        #expect(secret == 7..<10) // "clé = " is 7 bytes
        #expect(ExampleMarks.unmark("no marks").secret == nil)
        #expect(ExampleMarks.unmark("only «open").secret == nil)
        #expect(ExampleMarks.unmark("«»").text == "" && ExampleMarks.unmark("«»").secret == 0..<0)
    }

    /// The built-in files are parsed in parallel: the rules come out in the files' order, the
    /// same as one file after another with the screen on.
    @Test func parallelBuiltinLoadKeepsTheFilesOrder() {
        let parallel = BuiltinRules.load()
        let serial = BuiltinRules.files.flatMap { RuleLoader.parse($0.text, file: "builtin:rules/\($0.name)", compile: false).rules }
        #expect(parallel.errors.isEmpty)
        #expect(parallel.rules.map(\.id) == serial.map(\.id))
        #expect(parallel.rules.map(\.origin) == serial.map(\.origin))
    }

    @Test func parsesAValidRule() {
        let (rules, errors) = RuleLoader.parse(Self.valid, file: "demo.toml")
        #expect(errors.isEmpty)
        #expect(rules.count == 1)
        #expect(rules[0].id == "demo-token")
        #expect(rules[0].category == .saas)
        #expect(rules[0].precedence == 10)
        #expect(rules[0].blastRadius.level == .medium)
        #expect(rules[0].origin == SourceLocation(file: "demo.toml", line: 1))
    }

    func errors(_ text: String) -> [String] {
        RuleLoader.parse(text, file: "bad.toml").errors.map(\.description)
    }

    @Test func tomlSyntaxErrorNamesTheLine() {
        let e = errors("[[rule]]\nid = \"x\"\nname = \n")
        #expect(e.count == 1)
        #expect(e[0].hasPrefix("bad.toml:3:"))
    }

    @Test func missingFieldNamesTheRule() {
        let e = errors("\n" + Self.valid.replacingOccurrences(of: "provider = \"Demo\"\n", with: ""))
        #expect(e == ["bad.toml:2: missing field 'provider'"])
    }

    @Test func regexPCRE2RejectsNamesTheLine() {
        let e = errors(Self.valid.replacingOccurrences(of: "[a-z0-9]{12})", with: "[a-z0-9]{12}"))
        #expect(e.count == 1)
        #expect(e[0].hasPrefix("bad.toml:7: rule 'demo-token': regex:"))
    }

    @Test func secretGroupTheRegexLacks() {
        let e = errors(Self.valid.replacingOccurrences(of: "keywords", with: "secret_group = \"token\"\nkeywords"))
        #expect(e.count == 1)
        #expect(e[0].contains("no group named 'token'"))
    }

    @Test func unknownFieldsBadValuesAndShortKeywords() {
        let text = Self.valid
            .replacingOccurrences(of: "category = \"saas\"", with: "category = \"nope\"\ncolour = 1")
            .replacingOccurrences(of: "[\"demo_\"]", with: "[\"de\"]")
        let e = errors(text)
        #expect(e.contains { $0.contains("unknown category 'nope'") && $0.hasPrefix("bad.toml:5:") })
        #expect(e.contains { $0.contains("unknown field 'colour'") && $0.hasPrefix("bad.toml:6:") })
        #expect(e.contains { $0.contains("keyword 'de' is too short") })
    }

    @Test func allErrorsOfAFileAreCounted() {
        let two = Self.valid.replacingOccurrences(of: "name = \"Demo token\"\n", with: "") + "\n\n"
            + Self.valid.replacingOccurrences(of: "id = \"demo-token\"", with: "id = \"Bad Id\"")
        let e = errors(two)
        #expect(e.count == 2)
        #expect(e[0].hasPrefix("bad.toml:1: missing field 'name'"))
        #expect(e[1].hasPrefix("bad.toml:17:"))
    }

    @Test func duplicateIdsAreRejected() {
        let (rules, errors) = RuleLoader.parse(Self.valid + "\n" + Self.valid, file: "dup.toml")
        #expect(errors.isEmpty)
        #expect(throws: RuleSetError.self) { try RuleSet(rules: rules) }
    }

    @Test func ruleCheckCountsFailingExamples() {
        let text = Self.valid.replacingOccurrences(of: "negative_examples = ['''t = demo_short''']",
                                                   with: "negative_examples = ['''t = demo_a1b2c3d4e5f6''']")
        let (rules, _) = RuleLoader.parse(text, file: "x.toml")
        let (checked, failures) = RuleCheck.run(rules)
        #expect(checked == 2)
        #expect(failures.count == 1)
        #expect(failures[0].message.contains("negative example 1"))
    }
}

@Suite struct BuiltinRulesTests {
    @Test func everyBuiltinRuleLoadsCompilesAndPassesItsExamples() throws {
        var rules: [Rule] = []
        for f in BuiltinRules.files {
            let (r, e) = RuleLoader.parse(f.text, file: f.name, compile: true)
            #expect(e.isEmpty, "\(e)")
            rules += r
        }
        #expect(rules.count > 50)
        _ = try RuleSet(rules: rules, eager: true)
        let (checked, failures) = RuleCheck.run(rules)
        #expect(checked > rules.count * 3)
        #expect(failures.isEmpty, "\(failures.map(\.description).joined(separator: "\n"))")
    }

    @Test func embeddedRulesAreTheRulesFolder() throws {
        let dir = PackageRoot.url.appendingPathComponent("rules")
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".toml") }.sorted()
        #expect(BuiltinRules.files.map(\.name) == onDisk)
        for f in BuiltinRules.files {
            #expect(f.text == (try String(contentsOf: dir.appendingPathComponent(f.name), encoding: .utf8)))
        }
    }

    @Test func everyRuleHasReferencesAndBlastRadius() {
        for r in BuiltinRules.load().rules {
            #expect(!r.references.isEmpty, "\(r.id) has no references")
            #expect(!r.blastRadius.impact.isEmpty)
            #expect(r.examples.count >= 2, "\(r.id) needs two positive examples")
            #expect(r.negativeExamples.count >= 2, "\(r.id) needs negative examples")
        }
    }
}
