import Foundation
import Match
import Report
import Rules
import Sources

/// The pipeline: walker → bounded queue → worker threads (read, match, build findings) → one
/// sorted report. Deterministic whatever the thread count.
public final class Scanner: Sendable {
    public let rules: RuleSet

    public init(rules: RuleSet) { self.rules = rules }

    /// What each worker collects; merged once when it finishes.
    final class WorkerState: @unchecked Sendable {
        var findings: [Finding] = []
        var filesScanned = 0
        var bytesScanned = 0
        var skipped: [SkipReason: Int] = [:]
        var warnings: [String] = []
        var complete = true
    }

    /// Scans the roots in `options` and returns the full report.
    public func scan(_ options: ScanOptions) -> ScanReport {
        let started = DispatchTime.now()
        let queue = BoundedQueue<FileEntry>(capacity: 1024)
        let walkState = WorkerState()
        let walker = Walker(options: WalkOptions(roots: options.roots, honorIgnoreFiles: options.honorIgnoreFiles,
                                                 excludes: options.excludes, followSymlinks: options.followSymlinks))
        let threadCount = max(1, options.threads)
        let states = (0..<threadCount).map { _ in WorkerState() }
        let group = DispatchGroup()
        let walkThread = Thread {
            walker.walk(file: { queue.push($0) }, skip: { skip in
                walkState.skipped[skip.reason, default: 0] += 1
                if skip.reason == .unreadable || skip.reason == .symlinkLoop {
                    walkState.warnings.append("\(skip.displayPath): \(skip.reason.rawValue)\(skip.message.map { " (\($0))" } ?? "")")
                    if skip.reason == .unreadable { walkState.complete = false }
                }
            })
            queue.close()
            group.leave()
        }
        group.enter()
        walkThread.start()
        for state in states {
            let thread = Thread { [self] in
                self.work(queue: queue, options: options, state: state)
                group.leave()
            }
            group.enter()
            thread.start()
        }
        group.wait()

        var summary = ScanSummary(rulesLoaded: rules.rules.count)
        var findings: [Finding] = []
        var skipped: [SkipReason: Int] = [:]
        for s in [walkState] + states {
            findings += s.findings
            summary.filesScanned += s.filesScanned
            summary.bytesScanned += s.bytesScanned
            summary.warnings += s.warnings
            summary.complete = summary.complete && s.complete
            for (k, v) in s.skipped { skipped[k, default: 0] += v }
        }
        findings.sort(by: Finding.reportOrder)
        summary.warnings.sort()
        summary.filesSkipped = Dictionary(uniqueKeysWithValues: skipped.map { ($0.key.rawValue, $0.value) })
        summary.findings = findings.count
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return ScanReport(findings: findings, summary: summary)
    }

    private func work(queue: BoundedQueue<FileEntry>, options: ScanOptions, state: WorkerState) {
        let reader = FileReader(maxFileSize: options.maxFileSize, followSymlinks: options.followSymlinks)
        let workspace = MatchWorkspace()
        let builder = FindingBuilder(rules: rules.rules, showSecrets: options.showSecrets)
        while let entry = queue.pop() {
            switch reader.read(entry) {
            case .skipped(let reason, let message):
                state.skipped[reason, default: 0] += 1
                if reason == .unreadable {
                    state.complete = false
                    state.warnings.append("\(entry.displayPath): unreadable\(message.map { " (\($0))" } ?? "")")
                }
            case .content(let buffer):
                state.filesScanned += 1
                state.bytesScanned += buffer.count
                let (matches, problems) = rules.scan(buffer, workspace: workspace)
                for p in problems {
                    state.complete = false
                    state.warnings.append("\(entry.displayPath): partially scanned: rule '\(rules.rules[p.rule].id)' hit a limit (\(p.message))")
                }
                if !matches.isEmpty {
                    state.findings += builder.findings(for: matches, in: buffer, file: entry.displayPath)
                }
            }
        }
    }

    /// Scans one in-memory buffer as if it were the file `name` (tests, stdin, examples).
    public func scan(bytes: [UInt8], name: String, showSecrets: Bool = false) -> [Finding] {
        let workspace = MatchWorkspace()
        let builder = FindingBuilder(rules: rules.rules, showSecrets: showSecrets)
        return bytes.withUnsafeBufferPointer { buf in
            builder.findings(for: rules.scan(buf, workspace: workspace).matches, in: buf, file: name)
        }
    }
}
