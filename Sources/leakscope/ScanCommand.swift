import ArgumentParser
import Foundation
import Report
import Scan
import Vocabulary

struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan files and folders (or staged changes, a commit range, the git history) for secrets.",
        discussion: "Exit status: 0 nothing found, 1 findings (at or above --fail-on), 2 usage or configuration error."
    )

    @Argument(help: "Files and folders to scan; - reads standard input (the repository for --staged, --since, --range, --history).", completion: .file())
    var paths: [String] = ["."]

    @Option(name: .long, help: "The name standard input (the path -) has in reports (default: -).")
    var stdinName: String?

    @Option(name: .long, help: "Output format (default: from -o's extension, else text).")
    var format: ReportFormat?

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

    @Option(name: .long, help: "Exit 1 only when a finding's risk is at or above this level (default: $LEAKSCOPE_FAIL_ON).")
    var failOn: Level?

    @Option(name: .long, help: "Hide findings whose risk is below this level.")
    var minRisk: Level?

    @Option(name: [.short, .long], help: "Config file (default: $LEAKSCOPE_CONFIG, else .leakscope.toml at the scan root, if any).")
    var config: String?

    @Option(name: .long, help: "Report only findings whose fingerprint is not in this earlier JSON report (default: $LEAKSCOPE_BASELINE, the config's baseline, or .leakscope-baseline.json at the repository root).")
    var baseline: String?

    @Option(name: .long, help: "Write every finding of this scan to FILE as a baseline (a JSON report).")
    var writeBaseline: String?

    @Option(name: .long, help: "Also scan the paths listed in FILE, one per line (# comments and blank lines ignored).")
    var reposFile: String?

    @Flag(name: .shortAndLong, help: "No progress line and no warnings on stderr.")
    var quiet = false

    @Flag(name: .long, help: "Exit 3 when the scan was incomplete (unreadable files, a rule that hit a limit, interrupted).")
    var strict = false

    func validate() throws {
        if let threads, threads < 1 || threads > 1024 { throw ValidationError("--threads must be from 1 to 1024") }
        if let maxFileSize, ByteSize.parse(maxFileSize) == nil {
            throw ValidationError("--max-file-size '\(maxFileSize)' is not a size (e.g. 500K, 10M, 1G)")
        }
        if noBuiltinRules && rules.isEmpty { throw ValidationError("--no-builtin-rules needs at least one --rules file") }
        let modes = [staged, since != nil, range != nil, history].filter { $0 }.count
        if modes > 1 { throw ValidationError("--staged, --since, --range and --history exclude each other") }
        if modes == 1 && paths.count > 1 { throw ValidationError("git modes take one repository path") }
        if let range, !range.contains("..") { throw ValidationError("--range takes A..B") }
    }

    /// The flags as the library's request.
    var request: ScanRequest {
        var r = ScanRequest()
        r.paths = paths
        if staged { r.mode = .staged }
        if let since { r.mode = .range("\(since)..HEAD") }
        if let range { r.mode = .range(range) }
        if history { r.mode = .history }
        r.format = ScanRequest.format(explicit: format, output: output)
        r.output = output
        r.showSecrets = showSecrets
        r.threads = threads
        r.honorIgnoreFiles = !noIgnore
        r.excludes = exclude
        r.maxFileSize = maxFileSize.flatMap(ByteSize.parse)
        r.followSymlinks = followSymlinks
        r.ruleFiles = rules
        r.builtinRules = !noBuiltinRules
        r.decode = !noDecode
        r.useGit = !noGit
        r.failOn = failOn
        r.minRisk = minRisk
        r.config = config
        r.baseline = baseline
        r.writeBaseline = writeBaseline
        r.reposFile = reposFile
        r.strict = strict
        r.stdinName = stdinName
        return r
    }

    func run() throws {
        // Ctrl-C: stop within a second, still write what was found, marked incomplete. The
        // handler is a plain one, installed before anything else: a dispatch source registers
        // late, and a signal before that was lost (the scan then ran to its end).
        // A parent may have left SIGINT blocked (the mask is inherited): unblock it, or it
        // would stay pending for the whole scan. Threads started later inherit this mask.
        var mask = sigset_t()
        sigemptyset(&mask)
        sigaddset(&mask, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &mask, nil)
        signal(SIGINT) { _ in interruptCancellation.cancel() }
        var plan: ScanPlan
        do {
            var request = request
            try request.applyEnvironment(ProcessInfo.processInfo.environment)
            plan = try ScanPlan.make(request)
        } catch {
            warn("error: \(error)")
            throw ExitCode(2)
        }

        plan.options.cancellation = interruptCancellation

        let progressLine = !quiet && isatty(STDERR_FILENO) != 0 ? ProgressLine(progress: plan.options.progress) : nil
        progressLine?.start()
        let report: ScanReport
        do { report = try plan.run() } catch {
            progressLine?.stop()
            warn("error: \(error)")
            throw ExitCode(2)
        }
        progressLine?.stop()
        if !quiet { for w in report.summary.warnings { warn("warning: \(w)") } }
        if let writeBaseline { try writeFile(JSONReporter().renderAll(report), to: writeBaseline) }
        let toTerminal = output == nil && isatty(STDOUT_FILENO) != 0
        if let output {
            try writeFile(plan.format.reporter(color: toTerminal).render(report), to: output)
        } else {
            do {
                if plan.format == .jsonl {
                    // Line by line: a reader (`| jq`) starts before the last line is encoded.
                    try JSONLReporter().write(report) { try OutputFile.writeAll(Array($0.utf8), to: STDOUT_FILENO) }
                } else {
                    try OutputFile.writeAll(Array(plan.format.reporter(color: toTerminal).render(report).utf8), to: STDOUT_FILENO)
                }
            } catch let e as POSIXError where e.code == .EPIPE {
                // The reader went away (`| head`): stop quietly, as grep does.
            } catch {
                warn("error: cannot write the report to standard output: \(error.localizedDescription)")
                throw ExitCode(2)
            }
        }
        let outcome = plan.outcome(of: report)
        if case .findings = outcome, staged {
            let baseline = plan.options.allowlist.baselineFile
            warn(HookInstaller.blockMessage(failing: plan.failing(report), baseline: baseline.isEmpty ? nil : baseline))
        }
        if outcome != .clean { throw ExitCode(outcome.exitStatus) }
    }

    /// Writes a report file (mode 0600); when it cannot, says why and exits 2.
    func writeFile(_ text: String, to path: String) throws {
        do { try OutputFile.write(text, to: path) } catch {
            warn("error: cannot write \(path): \(error)")
            throw ExitCode(2)
        }
    }
}

/// Raised by the SIGINT handler (an atomic store: safe in a signal handler).
let interruptCancellation = Cancellation()

extension ReportFormat: ExpressibleByArgument {}
extension Level: ExpressibleByArgument {}
