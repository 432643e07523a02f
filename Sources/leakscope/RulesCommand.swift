import ArgumentParser
import Foundation
import Rules
import Scan

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List or check detection rules.",
        subcommands: [List.self, Check.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the rules.")

        @Option(name: .long, help: "Extra rule file or folder (repeatable).")
        var rules: [String] = []

        func run() throws {
            let set: RuleSet
            do { set = try RuleSet.load(extraPaths: rules) } catch {
                warn("error: rules:\n\(error.description)")
                throw ExitCode(2)
            }
            var out = ""
            for r in set.rules {
                let pad = String(repeating: " ", count: max(1, 34 - r.id.count))
                out += "\(r.id)\(pad)\(r.category.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0))\(r.blastRadius.level.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0))\(r.name)\n"
            }
            out += "\(set.rules.count) rules\n"
            try? OutputFile.writeAll(Array(out.utf8), to: STDOUT_FILENO)
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate rule files and run every rule's examples (default: the built-in rules)."
        )

        @Argument(help: "Rule files or folders to check (default: the built-in rules).")
        var files: [String] = []

        func run() throws {
            var rules: [Rule] = []
            var errors: [RuleFileError] = []
            if files.isEmpty {
                for f in BuiltinRules.files {
                    let (r, e) = RuleLoader.parse(f.text, file: "builtin:rules/\(f.name)", compile: true)
                    rules += r; errors += e
                }
            } else {
                for path in files {
                    for file in RuleLoader.ruleFiles(at: path) {
                        let (r, e) = RuleLoader.load(path: file, compile: true)
                        rules += r; errors += e
                    }
                }
            }
            // The set the examples run against together: the files with the built-in rules, as
            // a scan would load them (or the built-in rules alone).
            var together: RuleSet?
            if errors.isEmpty {
                let builtin = files.isEmpty ? [] : BuiltinRules.load().rules.filter { b in !rules.contains { $0.id == b.id } }
                do { together = try RuleSet(rules: builtin + rules) } catch { errors += error.errors }
            }
            for e in errors { warn("error: \(e)") }
            for w in RuleCheck.warnings(rules) { warn("warning: \(w)") }
            let (checked, failures) = RuleCheck.run(rules, set: together)
            for f in failures { warn("fail: \(f)") }
            print("\(rules.count) rules, \(checked) examples checked: \(errors.count) errors, \(failures.count) failures")
            if !errors.isEmpty || !failures.isEmpty { throw ExitCode(errors.isEmpty ? 1 : 2) }
        }
    }
}
