import Foundation
import Testing
import Match
@testable import Rules

/// The `path` condition: path-only rules (a path, no regex) and content rules with a path.
@Suite struct PathRuleTests {
    static let pathOnly = """
    [[rule]]
    id = "demo-store"
    name = "Demo key store"
    provider = "Demo"
    category = "keys"
    path = '''(?:^|/)[^/]+\\.demostore$'''
    examples = ['''certs/server.demostore''', '''Client.DEMOSTORE''']
    negative_examples = ['''certs/server.demostore.md''', '''docs/demostore.txt''']

    [rule.blast_radius]
    level = "high"
    lifetime = "long-lived"
    capabilities = ["sign"]
    impact = "Signs as the owner."
    """

    static let gated = """
    [[rule]]
    id = "demo-state-secret"
    name = "Demo state secret"
    provider = "Demo"
    category = "cloud"
    path = '''(?:^|/)[^/]+\\.demostate$'''
    keywords = ["secret"]
    regex = '''"secret"\\s*:\\s*"(?<secret>[A-Za-z0-9]{12,40})"'''
    examples = ['''"secret": "«Zq8xW2mLp7Vz4Rk8»"''']
    negative_examples = ['''"secret": "short"''']
    path_examples = ['''infra/prod.demostate''']
    negative_path_examples = ['''infra/prod.demostate.bak''', '''src/secret.json''']

    [rule.blast_radius]
    level = "high"
    impact = "Reads the state's secrets."
    """

    func errors(_ text: String) -> [String] {
        RuleLoader.parse(text, file: "bad.toml").errors.map(\.description)
    }

    @Test func aPathOnlyRuleParsesWithoutRegexOrKeywords() throws {
        let (rules, errors) = RuleLoader.parse(Self.pathOnly, file: "p.toml")
        #expect(errors.isEmpty, "\(errors)")
        let rule = try #require(rules.first)
        #expect(rule.pathOnly)
        #expect(rule.keywords.isEmpty && rule.regex.isEmpty)
        #expect(rule.examples == ["certs/server.demostore", "Client.DEMOSTORE"])
        #expect(rule.matchPattern.keywords.isEmpty && rule.matchPattern.pathGated, "never runs on content")
        #expect(RuleCheck.run(rules).failures.isEmpty)
    }

    @Test func aBadPathRegexIsAnErrorWithFileAndLine() {
        let e = errors(Self.pathOnly.replacingOccurrences(of: "\\.demostore$", with: "(\\.demostore$"))
        #expect(e.count == 1)
        #expect(e.first?.hasPrefix("bad.toml:6: rule 'demo-store': path:") == true, "\(e)")
        // In a multi-line literal, the line of the offset.
        let multi = Self.pathOnly.replacingOccurrences(of: "path = '''(?:^|/)[^/]+\\.demostore$'''",
                                                       with: "path = '''\n(?x) (?:^|/)\n [^/]+ (\\.demostore$\n'''")
        #expect(errors(multi).first?.hasPrefix("bad.toml:9: rule 'demo-store': path:") == true, "\(errors(multi))")
    }

    @Test func keywordsAreOptionalOnlyForRulesWithAPath() {
        // A path-only rule may not have them (nor other content fields).
        let withKeywords = errors(Self.pathOnly.replacingOccurrences(of: "category = \"keys\"", with: "category = \"keys\"\nkeywords = [\"store\"]\nmin_entropy = 3"))
        #expect(withKeywords.count == 2, "\(withKeywords)")
        #expect(withKeywords.allSatisfy { $0.contains("path-only rule") })
        // A content rule without a path needs them.
        let noPath = errors(Self.gated.replacingOccurrences(of: "keywords = [\"secret\"]\n", with: "")
            .replacingOccurrences(of: "path = '''(?:^|/)[^/]+\\.demostate$'''\n", with: "")
            .replacingOccurrences(of: "path_examples = ['''infra/prod.demostate''']\n", with: "")
            .replacingOccurrences(of: "negative_path_examples = ['''infra/prod.demostate.bak''', '''src/secret.json''']\n", with: ""))
        #expect(noPath == ["bad.toml:1: missing field 'keywords'"])
        // With a path, a content rule may leave them out: it runs from the start of the file.
        let (rules, e) = RuleLoader.parse(Self.gated.replacingOccurrences(of: "keywords = [\"secret\"]\n", with: ""), file: "g.toml")
        #expect(e.isEmpty, "\(e)")
        #expect(rules.first?.matchPattern.fromStart == true)
        #expect(RuleCheck.run(rules).failures.isEmpty)
    }

    @Test func pathExamplesBelongToRulesWithAPathAndARegex() {
        let missing = errors(Self.gated.replacingOccurrences(of: "path_examples = ['''infra/prod.demostate''']\n", with: ""))
        #expect(missing.count == 1 && missing[0].contains("missing field 'path_examples'"), "\(missing)")
        let onPathOnly = errors(Self.pathOnly.replacingOccurrences(of: "category = \"keys\"", with: "category = \"keys\"\npath_examples = ['''a.demostore''']"))
        #expect(onPathOnly.count == 1 && onPathOnly[0].contains("path-only rule's examples"), "\(onPathOnly)")
        let noPath = errors(RuleLoaderTests.valid.replacingOccurrences(of: "category = \"saas\"", with: "category = \"saas\"\npath_examples = ['''x''']"))
        #expect(noPath.count == 1 && noPath[0].contains("needs a 'path' condition"), "\(noPath)")
    }

    @Test func rulesCheckTestsPathExamplesAsPaths() {
        let bad = Self.pathOnly
            .replacingOccurrences(of: "'''Client.DEMOSTORE'''", with: "'''Client.DEMOSTORE''', '''server.demostore.txt'''")
            .replacingOccurrences(of: "'''docs/demostore.txt'''", with: "'''docs/demostore.txt''', '''x/a.demostore'''")
        let failures = RuleCheck.run(RuleLoader.parse(bad, file: "p.toml").rules).failures.map(\.message)
        #expect(failures.count == 2, "\(failures)")
        #expect(failures.contains { $0.contains("example 3 is a path the condition does not match: server.demostore.txt") })
        #expect(failures.contains { $0.contains("negative example 3 is a path the condition matches: x/a.demostore") })
    }

    @Test func rulesCheckTestsPathExamplesOfAGatedRule() {
        let bad = Self.gated.replacingOccurrences(of: "'''src/secret.json'''", with: "'''src/secret.json''', '''b.demostate'''")
            .replacingOccurrences(of: "['''infra/prod.demostate''']", with: "['''infra/prod.demostate''', '''infra/prod.tfstate''']")
        let failures = RuleCheck.run(RuleLoader.parse(bad, file: "g.toml").rules).failures.map(\.message)
        #expect(failures.count == 2, "\(failures)")
        #expect(failures.contains { $0.contains("path example 2 is a path the condition does not match") })
        #expect(failures.contains { $0.contains("negative path example 3 is a path the condition matches") })
    }

    @Test func aPathOnlyExampleAnotherRuleTakesFailsInTheWholeSet() {
        let broad = Self.pathOnly.replacingOccurrences(of: "id = \"demo-store\"", with: "id = \"broad-store\"")
            .replacingOccurrences(of: "category = \"keys\"", with: "category = \"keys\"\nprecedence = 50")
        let (rules, errors) = RuleLoader.parse(Self.pathOnly + "\n" + broad, file: "x.toml")
        #expect(errors.isEmpty, "\(errors)")
        let failures = RuleCheck.run(rules).failures
        #expect(failures.count == 2, "both examples of demo-store: \(failures)")
        #expect(failures.allSatisfy { $0.rule == "demo-store" && $0.message.contains("comes out under 'broad-store'") })
    }

    @Test func theRuleSetPicksOnePathOnlyRuleAndOpensGatesByPath() throws {
        let (rules, errors) = RuleLoader.parse(Self.pathOnly + "\n" + Self.gated + "\n" + RuleLoaderTests.valid, file: "x.toml")
        #expect(errors.isEmpty, "\(errors)")
        let set = try RuleSet(rules: rules)
        let ws = MatchWorkspace()
        #expect(set.paths.pathOnlyRule(for: "a/b.demostore", workspace: ws) == 0)
        #expect(set.paths.pathOnlyRule(for: "a/b.demostate", workspace: ws) == nil)
        let text = Array("\"secret\": \"Zq8xW2mLp7Vz4Rk8\" t = demo_q8w7e6r5t4y3".utf8)
        func found() -> [String] { text.withUnsafeBufferPointer { set.scan($0, workspace: ws).matches.map { set.rules[$0.pattern].id } } }
        set.paths.openGates(for: "infra/prod.demostate", in: ws)
        #expect(found() == ["demo-state-secret", "demo-token"])
        set.paths.openGates(for: "src/app.json", in: ws)
        #expect(found() == ["demo-token"])
        set.paths.openGates(for: nil, in: ws)
        #expect(found() == ["demo-token"])
    }

    @Test func theUnionOfTheConditionsMatchesWhereOneOfThemDoes() throws {
        let set = try RuleSet.load()
        let ws = MatchWorkspace()
        #expect(set.paths.anyPathOnly != nil && set.paths.anyGated != nil, "the built-in conditions join")
        let paths = ["config/master.key", "a/b/Keystore.P12", "certs/truststore.p12", "android/app/debug.keystore",
                     "x/release.jks", "ops/team.kdbx", "etc/krb5.keytab", "home/u/.gnupg/secring.gpg", "ci/b.keychain-db",
                     "home/u/.vault-token", "home/u/.ssh/id_rsa", "home/u/.ssh/id_rsa.pub", "home/u/.aws/credentials",
                     "infra/terraform.tfstate", "infra/main.tf", "src/app.swift", "README.md", "", "/", "a//b"]
        for path in paths {
            let each = set.paths.pathOnly.first { $0.pattern.matches(path: path, workspace: ws) }?.rule
            #expect(set.paths.pathOnlyRule(for: path, workspace: ws) == each, "\(path)")
            #expect(set.paths.anyGated!.matches(path: path, workspace: ws)
                    == set.paths.gated.contains { $0.pattern.matches(path: path, workspace: ws) }, "\(path)")
        }
        // Joined only when it means the same: no back-references, recursion or verbs.
        #expect(PathConditions.union(["a", #"(x)\1"#]) == nil)
        #expect(PathConditions.union(["a", "(?1)"]) == nil)
        #expect(PathConditions.union(["a", "(*ACCEPT)b"]) == nil)
        #expect(PathConditions.union(["(?<n>a)", "(?<n>b)"]) == nil, "two groups of one name do not compile")
        // A (?x) source ending in a comment does not swallow the rest.
        let joined = try #require(PathConditions.union([#"(?x) \.p12$  # PKCS#12"#, #"(?-i)\.JKS$"#]))
        #expect(joined.matches(path: "a.P12", workspace: ws) && joined.matches(path: "b.JKS", workspace: ws))
        #expect(!joined.matches(path: "b.jks", workspace: ws), "(?-i) stays inside its alternative")
    }

    @Test func aBadPathInARuleSetNamesTheRule() {
        var (rules, _) = RuleLoader.parse(Self.pathOnly, file: "p.toml", compile: false)
        rules[0].path = "(oops"
        #expect(throws: RuleSetError.self) { try RuleSet(rules: rules) }
        do { _ = try RuleSet(rules: rules) } catch {
            #expect(error.description.hasPrefix("p.toml:1: rule 'demo-store': path:"), "\(error)")
        }
    }
}
