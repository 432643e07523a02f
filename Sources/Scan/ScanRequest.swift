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

    public init() {}
}
