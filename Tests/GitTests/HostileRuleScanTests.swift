import Foundation
import Rules
import Scan
import Testing
import TestSupport

/// Issue 11, case 7, through the pipeline: a 2 MB file and a hostile user rule finish in
/// seconds, with one warning for the file and the scan marked incomplete.
@Suite struct HostileRuleScanTests {
    static func rule(_ regex: String) -> String { RuleText.rule(regex: regex, keyword: "aaa", example: "aaa") }

    @Test(arguments: [#"(?<secret>(a+)+$)"#, #"(?<secret>(\w+\s?)*$)"#, #"(?<secret>(a|aa)+$)"#])
    func twoMegabytesWithAHostileRuleFinishInSeconds(regex: String) throws {
        let d = try TempDir()
        var text = ""
        var i = 0
        while text.utf8.count < 2 << 20 {
            text += String(repeating: "a", count: 18 + i % 30) + "!\n"
            text += Array(repeating: "aaaa", count: 4 + i % 8).joined(separator: " ") + " !\n"
            i += 1
        }
        let key = Keys.akia()
        try d.write("src/long.txt", text + "AWS_ACCESS_KEY_ID=\(key)\n")
        let (evil, errors) = RuleLoader.parse(Self.rule(regex), file: "evil.toml", compile: true)
        #expect(errors.isEmpty)
        let rules = try RuleSet(rules: BuiltinRules.load().rules + evil)
        var o = ScanOptions(roots: [d.path + "/src"])
        o.useGit = false
        o.showSecrets = true
        o.threads = 2
        let start = Date()
        let report = try Scanner(rules: rules).scan(o)
        let seconds = Date().timeIntervalSince(start)
        #expect(seconds < 30, "\(regex): \(seconds) s")   // before: minutes
        #expect(report.findings.map(\.secret) == [key])
        #expect(!report.summary.complete)
        let warnings = report.summary.warnings.filter { $0.contains("rule 'evil'") }
        #expect(warnings.count == 1, "\(warnings)")
        #expect(warnings.first?.contains("suspended for the rest of the buffer") == true)
    }
}
