import Report
import Vocabulary

/// What the user asked for, as the command line spells it: flags and paths, nothing looked up
/// yet. `ScanPlan.make` turns it into a plan (config found and merged, rules and baseline loaded).
public struct ScanRequest: Sendable {
    public var paths: [String] = ["."]
    public var mode: ScanOptions.Mode = .files
    public var format: ReportFormat = .text
    public var output: String?
    public var showSecrets = false
    public var threads: Int?
    public var honorIgnoreFiles = true
    public var excludes: [String] = []
    /// Bytes (the CLI parses `10M`).
    public var maxFileSize: Int?
    public var followSymlinks = false
    public var ruleFiles: [String] = []
    public var builtinRules = true
    public var decode = true
    public var useGit = true
    public var failOn: Level?
    public var minRisk: Level?
    /// `--config`; nil: `.leakscope.toml` at the first root, when there is one.
    public var config: String?
    public var baseline: String?
    public var writeBaseline: String?
    /// A file listing more roots, one a line.
    public var reposFile: String?
    public var strict = false
    /// Standard input's name in reports when a path is `-` (`--stdin-name`).
    public var stdinName: String?

    public init() {}

    /// The settings a CI can give by environment, each the same as its flag (a flag wins):
    /// `LEAKSCOPE_CONFIG` (`--config`), `LEAKSCOPE_BASELINE` (`--baseline`), `LEAKSCOPE_FAIL_ON`
    /// (`--fail-on`). Empty values count as unset.
    public static let environmentKeys = ["LEAKSCOPE_CONFIG", "LEAKSCOPE_BASELINE", "LEAKSCOPE_FAIL_ON"]

    /// Fills what the flags left unset from `environment` (the process's, for the CLI).
    public mutating func applyEnvironment(_ environment: [String: String]) throws(ScanPlan.Failure) {
        func value(_ key: String) -> String? { environment[key].flatMap { $0.isEmpty ? nil : $0 } }
        if config == nil { config = value("LEAKSCOPE_CONFIG") }
        if baseline == nil { baseline = value("LEAKSCOPE_BASELINE") }
        if failOn == nil, let text = value("LEAKSCOPE_FAIL_ON") {
            guard let level = Level(rawValue: text.lowercased()) else {
                throw ScanPlan.Failure(message: "LEAKSCOPE_FAIL_ON='\(text)' is not a level (\(Level.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            failOn = level
        }
    }

    /// The report format: `--format` when given, else the one `-o`'s extension names, else text.
    public static func format(explicit: ReportFormat?, output: String?) -> ReportFormat {
        explicit ?? output.flatMap(ReportFormat.inferred(fromPath:)) ?? .text
    }
}
