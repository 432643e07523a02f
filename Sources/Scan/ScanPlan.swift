import Foundation
import Inputs
import Report
import Rules
import Vocabulary

/// Everything one scan needs, decided before it starts: the options (with the config's excludes
/// and allowlist, the baseline), the compiled rules, and the policy that turns a report into an
/// exit status. Built from a request without a process, so tests drive it directly.
public struct ScanPlan: Sendable {
    public var options: ScanOptions
    public let rules: RuleSet
    public let format: ReportFormat
    public let output: String?
    public let writeBaseline: String?
    public let failOn: Level?
    public let minRisk: Level?
    public let strict: Bool

    /// A request that cannot become a plan: the message names the file (and line) at fault.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// Resolves the roots (`--repos-file`), finds and merges the config, loads the baseline and
    /// the rules.
    public static func make(_ request: ScanRequest) throws(Failure) -> ScanPlan {
        var options = ScanOptions(roots: try roots(of: request))
        options.mode = request.mode
        options.honorIgnoreFiles = request.honorIgnoreFiles
        options.excludes = request.excludes
        options.followSymlinks = request.followSymlinks
        options.showSecrets = request.showSecrets
        options.useGit = request.useGit
        options.decode = request.decode
        if let threads = request.threads { options.threads = threads }
        if let name = request.stdinName { options.stdinName = name }
        if let size = request.maxFileSize { options.maxFileSize = size }

        try checkInputs(request, roots: options.roots)
        var configRules: [String] = []
        var disabled: Set<String> = []
        var named: Set<String> = []
        var namedAt: [String: SourceLocation] = [:]
        var configBaseline: String?
        do {
            if let file = configFile(request) {
                let config = try Config.load(path: file)
                options.excludes += config.exclude
                configRules = config.ruleFiles
                disabled = config.disabledRules
                named = config.namedRuleIDs
                for id in named { namedAt[id] = SourceLocation(file: file, line: config.ruleIDLines[id] ?? 0) }
                options.allowlist = Allowlist(config: config)
                configBaseline = config.baseline
            }
            if let baseline = request.baseline ?? configBaseline ?? conventionalBaseline(options.roots) {
                options.allowlist.baseline = try Baseline.load(path: baseline)
                options.allowlist.baselineFile = baseline
            }
        } catch {
            throw Failure(message: "\(error)")
        }
        if let top = projectRoot(options.roots) {
            var ignores = IgnoreFile()
            for (name, gitleaks) in [(IgnoreFile.fileName, false), (IgnoreFile.gitleaksFileName, true)] {
                if let file = IgnoreFile.load((top as NSString).appendingPathComponent(name), gitleaks: gitleaks) {
                    ignores.merge(file)
                }
            }
            options.allowlist.ignores = ignores
        }
        if request.mode == .files { options.anchor = PathAnchor(roots: options.roots) } else { options.anchor.top = projectRoot(options.roots) }
        let rules: RuleSet
        do {
            rules = try RuleSet.load(builtin: request.builtinRules, extraPaths: request.ruleFiles + configRules,
                                     disabled: disabled, disabledAt: namedAt)
        } catch {
            throw Failure(message: "rules:\n\(error.description)")
        }
        // Ids that only overrides disable must name rules too.
        let loaded = Set(rules.rules.map(\.id)).union(disabled)
        let unknown = named.subtracting(loaded).sorted()
        if !unknown.isEmpty {
            throw Failure(message: "rules:\n" + unknown.map {
                "\(namedAt[$0]?.description ?? "config"): disable_rules names no rule '\($0)'\(didYouMean($0, among: loaded))"
            }.joined(separator: "\n"))
        }
        return ScanPlan(options: options, rules: rules, format: request.format, output: request.output,
                        writeBaseline: request.writeBaseline, failOn: request.failOn, minRisk: request.minRisk,
                        strict: request.strict)
    }

    /// Every root must exist: a typo must not turn a CI check into a scan of nothing. A lone
    /// missing root that looks like a subcommand is said to be one. Git modes need a work tree
    /// (the staged changes) or a repository, said in one line rather than git's usage text.
    static func checkInputs(_ request: ScanRequest, roots: [String]) throws(Failure) {
        let fm = FileManager.default
        if roots.filter({ $0 == ScanOptions.stdinRoot }).count > 1 {
            throw Failure(message: "'-' (standard input) can be named once")
        }
        if request.mode != .files && roots.contains(ScanOptions.stdinRoot) {
            throw Failure(message: "'-' (standard input) cannot be scanned with --staged, --since, --range or --history")
        }
        for root in roots where root != ScanOptions.stdinRoot && !fm.fileExists(atPath: root) && (try? fm.destinationOfSymbolicLink(atPath: root)) == nil {
            let hint = roots.count == 1 && !root.contains("/") ? didYouMean(root, among: subcommands) : ""
            throw Failure(message: hint.isEmpty ? "\(root): no such file or folder"
                                                : "\(root): no such file, folder or subcommand\(hint)")
        }
        guard request.mode != .files else { return }
        let repo = roots.first ?? "."
        let inside = try? GitCommand.run(["rev-parse", "--is-bare-repository", "--is-inside-work-tree"], in: repo)
        guard let inside else { throw Failure(message: "\(repo) is not in a git repository") }
        let answers = String(decoding: inside, as: UTF8.self).split(separator: "\n")
        if request.mode == .staged && answers.first == "true" {
            throw Failure(message: "\(repo) is a bare repository: it has no staged changes to scan (use --history or --range)")
        }
    }

    /// What the command line's subcommands are called, for the hint above.
    public static let subcommands = ["scan", "rules", "install-hook", "help"]

    /// The paths to scan: the arguments, plus those `--repos-file` lists (an explicit list
    /// replaces the default ".").
    static func roots(of request: ScanRequest) throws(Failure) -> [String] {
        guard let file = request.reposFile else { return request.paths }
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            throw Failure(message: "cannot read \(file)")
        }
        let listed = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        let roots = (request.paths == ["."] ? [] : request.paths) + listed
        if roots.isEmpty { throw Failure(message: "\(file) lists no paths") }
        return roots
    }

    /// The config file to read: `--config`, else `.leakscope.toml` in the first root folder.
    static func configFile(_ request: ScanRequest) -> String? {
        if let config = request.config { return config }
        let first = request.paths.first ?? "."
        let root = first == ScanOptions.stdinRoot ? "." : first
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDir), isDir.boolValue else { return nil }
        let candidate = (root as NSString).appendingPathComponent(Config.fileName)
        return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
    }

    /// The baseline's conventional place: the repository root's file (or the scan root's,
    /// outside a repository), used when it exists and nothing else names a baseline.
    public static let baselineFileName = ".leakscope-baseline.json"

    /// Where the conventional files (`.leakscope-baseline.json`, `.leakscopeignore`,
    /// `.gitleaksignore`) are looked for: the top of the repository that holds the first root,
    /// else the first root's folder.
    static func projectRoot(_ roots: [String]) -> String? {
        // Standard input alone: the current folder's repository.
        guard let first = roots.first else { return nil }
        let root = first == ScanOptions.stdinRoot ? "." : first
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDir) else { return nil }
        let folder = isDir.boolValue ? root : (root as NSString).deletingLastPathComponent
        let start = folder.isEmpty ? "." : folder
        guard let real = PathAnchor.realPath(start) else { return nil }
        return PathAnchor.repositoryTop(from: real) ?? real
    }

    /// `.leakscope-baseline.json` at the project root, when there is one.
    static func conventionalBaseline(_ roots: [String]) -> String? {
        guard let top = projectRoot(roots) else { return nil }
        let candidate = (top as NSString).appendingPathComponent(baselineFileName)
        return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
    }

    /// Runs the scan: the full report, suppressed findings included, less those under `--min-risk`.
    public func run() throws(ScanError) -> ScanReport {
        var report = try Scanner(rules: rules).scan(options)
        if let minRisk {
            report.findings.removeAll { $0.risk.level < minRisk }
            report.summary.findings = report.visible.count
        }
        return report
    }

    /// The findings that fail the scan: every visible one, or those at or above `--fail-on`.
    public func failing(_ report: ScanReport) -> [Finding] {
        report.visible.filter { f in failOn.map { f.risk.level >= $0 } ?? true }
    }

    /// What the scan's end means for the caller.
    public func outcome(of report: ScanReport) -> ScanOutcome {
        if options.cancellation.isCancelled { return .interrupted }
        if strict && !report.summary.complete { return .incomplete }
        let failing = failing(report)
        return failing.isEmpty ? .clean : .findings(failing.count)
    }
}

/// How a scan ended, and the exit status each way has.
public enum ScanOutcome: Equatable, Sendable {
    /// Nothing at or above `--fail-on`.
    case clean
    /// This many findings at or above `--fail-on`.
    case findings(Int)
    /// `--strict` and some input was not fully scanned.
    case incomplete
    /// Ctrl-C: what was found so far was still reported.
    case interrupted

    public var exitStatus: Int32 {
        switch self {
        case .clean: 0
        case .findings: 1
        case .incomplete: 3
        case .interrupted: 130
        }
    }
}
