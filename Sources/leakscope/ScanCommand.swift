import ArgumentParser
import Foundation
import Report
import Rules
import Scan

struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan files and folders (or staged changes, a commit range, the git history) for secrets.",
        discussion: "Exit status: 0 nothing found, 1 findings (at or above --fail-on), 2 usage or configuration error."
    )

    @Argument(help: "Files and folders to scan (the repository for --staged, --since, --range, --history).", completion: .file())
    var paths: [String] = ["."]

    @Option(name: .long, help: "Output format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: String = "text"

    @Option(name: .shortAndLong, help: "Write the report to this file (mode 0600) instead of stdout.")
    var output: String?

    @Flag(name: .long, help: "Show full secrets (default: a short prefix and the length).")
    var showSecrets = false

    @Option(name: .long, help: "Worker threads (default: all cores).")
    var threads: Int?

    @Flag(name: .long, help: "Do not honour .gitignore, .ignore and .git/info/exclude.")
    var noIgnore = false

    @Option(name: .long, help: "Skip paths matching this gitignore-style glob (repeatable).")
    var exclude: [String] = []

    @Option(name: .long, help: "Skip files larger than this (bytes; K, M, G suffixes). Default 10M.")
    var maxFileSize: String?

    @Flag(name: .long, help: "Follow symbolic links (loops are detected).")
    var followSymlinks = false

    @Option(name: .long, help: "Extra rule file or folder of .toml rule files (repeatable).")
    var rules: [String] = []

    @Flag(name: .long, help: "Load only the --rules files, not the built-in rules.")
    var noBuiltinRules = false

    @Flag(name: .long, help: "Scan what is staged in the git index: only the lines the commit adds (pre-commit).")
    var staged = false

    @Option(name: .long, help: "Scan only what the commits since REV add (REV..HEAD).")
    var since: String?

    @Option(name: .long, help: "Scan only what the commits in A..B add.")
    var range: String?

    @Flag(name: .long, help: "Scan every blob reachable from any ref, once, and say which commit introduced each secret.")
    var history = false

    @Flag(name: .long, help: "Do not decode base64/hex text to look for secrets inside it.")
    var noDecode = false

    @Flag(name: .long, help: "Skip git lookups (blame, CODEOWNERS).")
    var noGit = false

    @Option(name: .long, help: "Exit 1 only when a finding's risk is at or above this level (low, medium, high, critical).")
    var failOn: String?

    @Option(name: .long, help: "Hide findings whose risk is below this level.")
    var minRisk: String?

    @Option(name: .long, help: "Config file (default: .leakscope.toml at the scan root, if any).")
    var config: String?

    @Option(name: .long, help: "Report only findings whose fingerprint is not in this earlier JSON report.")
    var baseline: String?

    @Option(name: .long, help: "Write every finding of this scan to FILE as a baseline (a JSON report).")
    var writeBaseline: String?

    @Option(name: .long, help: "Also scan the paths listed in FILE, one per line (# comments and blank lines ignored).")
    var reposFile: String?

    @Flag(name: .shortAndLong, help: "No progress line and no warnings on stderr.")
    var quiet = false

    @Flag(name: .long, help: "Exit 3 when the scan was incomplete (unreadable files, a rule that hit a limit, interrupted).")
    var strict = false

    static let levels = ["low", "medium", "high", "critical"]

    func validate() throws {
        guard ReportFormat(rawValue: format) != nil else {
            throw ValidationError("unknown format '\(format)' (one of: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        if let threads, threads < 1 || threads > 1024 { throw ValidationError("--threads must be from 1 to 1024") }
        if let maxFileSize, ByteSize.parse(maxFileSize) == nil {
            throw ValidationError("--max-file-size '\(maxFileSize)' is not a size (e.g. 500K, 10M, 1G)")
        }
        if noBuiltinRules && rules.isEmpty { throw ValidationError("--no-builtin-rules needs at least one --rules file") }
        let modes = [staged, since != nil, range != nil, history].filter { $0 }.count
        if modes > 1 { throw ValidationError("--staged, --since, --range and --history exclude each other") }
        if modes == 1 && paths.count > 1 { throw ValidationError("git modes take one repository path") }
        if let range, !range.contains("..") { throw ValidationError("--range takes A..B") }
        for (flag, value) in [("--fail-on", failOn), ("--min-risk", minRisk)] {
            if let value, !Self.levels.contains(value) { throw ValidationError("\(flag) takes one of: \(Self.levels.joined(separator: ", "))") }
        }
    }

    func run() throws {
        var roots = paths
        if let reposFile {
            guard let text = try? String(contentsOfFile: reposFile, encoding: .utf8) else {
                warn("error: cannot read \(reposFile)")
                throw ExitCode(2)
            }
            let listed = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.hasPrefix("#") }
            // An explicit list replaces the default ".".
            roots = (paths == ["."] ? [] : paths) + listed
            if roots.isEmpty { warn("error: \(reposFile) lists no paths"); throw ExitCode(2) }
        }
        var options = ScanOptions(roots: roots)
        if staged { options.mode = .staged }
        if let since { options.mode = .range("\(since)..HEAD") }
        if let range { options.mode = .range(range) }
        if history { options.mode = .history }
        options.honorIgnoreFiles = !noIgnore
        options.excludes = exclude
        options.followSymlinks = followSymlinks
        options.showSecrets = showSecrets
        options.useGit = !noGit
        options.decode = !noDecode
        if let threads { options.threads = threads }
        if let maxFileSize, let n = ByteSize.parse(maxFileSize) { options.maxFileSize = n }

        // Configuration: --config, else .leakscope.toml at the (first) scan root.
        var configRules: [String] = []
        var disabled: Set<String> = []
        do {
            if let file = configFile() {
                let config = try Config.load(path: file)
                options.excludes += config.exclude
                configRules = config.ruleFiles
                disabled = config.disabledRules
                options.allowlist = Allowlist(config: config)
            }
            if let baseline {
                options.allowlist.baseline = try Baseline.load(path: baseline)
                options.allowlist.baselineFile = baseline
            }
        } catch {
            warn("error: \(error)")
            throw ExitCode(2)
        }
        let ruleSet: RuleSet
        do {
            ruleSet = try RuleSet.load(builtin: !noBuiltinRules, extraPaths: rules + configRules, disabled: disabled)
        } catch {
            warn("error: rules:\n\(error.description)")
            throw ExitCode(2)
        }

        // Ctrl-C: stop within a second, still write what was found, marked incomplete.
        signal(SIGINT, SIG_IGN)
        let cancellation = options.cancellation
        let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        interrupt.setEventHandler { cancellation.cancel() }
        interrupt.resume()
        defer { interrupt.cancel() }

        let progressLine = !quiet && isatty(STDERR_FILENO) != 0 ? ProgressLine(progress: options.progress) : nil
        progressLine?.start()
        var report: ScanReport
        do { report = try Scanner(rules: ruleSet).scan(options) } catch {
            progressLine?.stop()
            warn("error: \(error)")
            throw ExitCode(2)
        }
        progressLine?.stop()
        if !quiet { for w in report.summary.warnings { warn("warning: \(w)") } }
        if let minRisk, let floor = Self.levels.firstIndex(of: minRisk) {
            report.findings.removeAll { (Self.levels.firstIndex(of: $0.risk.level) ?? 0) < floor }
            report.summary.findings = report.visible.count
        }
        if let writeBaseline { try writeFile(JSONReporter().renderAll(report), to: writeBaseline) }
        let reportFormat = ReportFormat(rawValue: format)!
        let toTerminal = output == nil && isatty(STDOUT_FILENO) != 0
        let text = reportFormat.reporter(color: toTerminal).render(report)
        if let output {
            try writeFile(text, to: output)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        if cancellation.isCancelled { throw ExitCode(130) }
        if strict && !report.summary.complete { throw ExitCode(3) }
        let failing = report.visible.filter { f in
            guard let failOn, let floor = Self.levels.firstIndex(of: failOn) else { return true }
            return (Self.levels.firstIndex(of: f.risk.level) ?? 0) >= floor
        }
        if !failing.isEmpty {
            if staged {
                warn("""
                leakscope: commit blocked: \(failing.count) secret\(failing.count == 1 ? "" : "s") in the staged changes.
                  Remove the secret (and revoke it if it is real). If a finding is a false positive:
                  - add `leakscope:allow` in a comment on that line, or
                  - allowlist the value or path in .leakscope.toml ([allowlist] values / regexes / paths), or
                  - record it in a baseline: leakscope scan --write-baseline .leakscope-baseline.json, then pass --baseline.
                """)
            }
            throw ExitCode(1)
        }
    }

    /// Writes a report file (mode 0600); when it cannot, says why and exits 2.
    func writeFile(_ text: String, to path: String) throws {
        do { try OutputFile.write(text, to: path) } catch {
            warn("error: cannot write \(path): \(error)")
            throw ExitCode(2)
        }
    }

    /// The config file to read: --config, else `.leakscope.toml` in the first root folder.
    func configFile() -> String? {
        if let config { return config }
        let root = paths.first ?? "."
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDir), isDir.boolValue else { return nil }
        let candidate = (root as NSString).appendingPathComponent(Config.fileName)
        return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
    }
}

/// Sizes such as `500K`, `10M`, `1G` (powers of 1024) or plain bytes.
enum ByteSize {
    static func parse(_ text: String) -> Int? {
        let t = text.trimmingCharacters(in: .whitespaces).uppercased()
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        var digits = Substring(t)
        var unit = 1
        if let last = t.last, let u = units[last] { unit = u; digits = t.dropLast() }
        guard let n = Int(digits), n > 0 else { return nil }
        let (product, overflow) = n.multipliedReportingOverflow(by: unit)
        return overflow ? nil : product
    }
}

/// Report files are created with mode 0600: they may hold secrets with --show-secrets.
enum OutputFile {
    static func write(_ text: String, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        fchmod(fd, 0o600)
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
            bytes = bytes.dropFirst(n)
        }
    }
}
