import ArgumentParser
import Foundation
import Report
import Rules
import Scan

struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan files and folders for secrets."
    )

    @Argument(help: "Files and folders to scan.", completion: .file())
    var paths: [String] = ["."]

    @Option(name: .long, help: "Output format: text or json.")
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

    func validate() throws {
        guard ReportFormat(rawValue: format) != nil else {
            throw ValidationError("unknown format '\(format)' (one of: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        if let threads, threads < 1 || threads > 1024 { throw ValidationError("--threads must be from 1 to 1024") }
        if let maxFileSize, ByteSize.parse(maxFileSize) == nil {
            throw ValidationError("--max-file-size '\(maxFileSize)' is not a size (e.g. 500K, 10M, 1G)")
        }
        if noBuiltinRules && rules.isEmpty { throw ValidationError("--no-builtin-rules needs at least one --rules file") }
    }

    func run() throws {
        let ruleSet: RuleSet
        do {
            ruleSet = try RuleSet.load(builtin: !noBuiltinRules, extraPaths: rules)
        } catch {
            warn("error: rules:\n\(error.description)")
            throw ExitCode(2)
        }
        var options = ScanOptions(roots: paths)
        options.honorIgnoreFiles = !noIgnore
        options.excludes = exclude
        options.followSymlinks = followSymlinks
        options.showSecrets = showSecrets
        if let threads { options.threads = threads }
        if let maxFileSize, let n = ByteSize.parse(maxFileSize) { options.maxFileSize = n }

        let report = Scanner(rules: ruleSet).scan(options)
        for w in report.summary.warnings { warn("warning: \(w)") }
        let reportFormat = ReportFormat(rawValue: format)!
        let toTerminal = output == nil && isatty(STDOUT_FILENO) != 0
        let text = reportFormat.reporter(color: toTerminal).render(report)
        if let output {
            do { try OutputFile.write(text, to: output) } catch {
                warn("error: cannot write \(output): \(error)")
                throw ExitCode(2)
            }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        if !report.findings.isEmpty { throw ExitCode(1) }
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
        if digits.hasSuffix("I") || digits.hasSuffix("B") { return nil }
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
