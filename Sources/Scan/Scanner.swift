import Foundation
import Inputs
import Match
import Report
import Rules
import Vocabulary

/// The pipeline: a producer (walker, git changes, git history) → bounded queue → worker threads
/// (read, match, build findings) → attribution (history) → triage → baseline → one sorted
/// report. Deterministic whatever the thread count.
public final class Scanner: Sendable {
    public let rules: RuleSet

    public init(rules: RuleSet) { self.rules = rules }

    /// Most bytes of git blobs waiting for a worker in a history scan.
    static let historyQueueBytes = 64 << 20

    /// Scans what `options` names and returns the full report (suppressed findings included).
    public func scan(_ options: ScanOptions) throws(ScanError) -> ScanReport {
        let started = DispatchTime.now()
        var (state, introductions) = try collect(options)
        if options.cancellation.isCancelled {
            state.incomplete("interrupted: the scan stopped early; findings so far are reported")
        }
        var findings = state.findings
        if options.mode == .history, let repo = options.roots.first, let introductions {
            findings += try Scanner.attribute(state.blobFindings, repository: repo, introductions: introductions)
        }
        var summary = ScanSummary(rulesLoaded: rules.rules.count)
        let triageStarted = DispatchTime.now()
        var triage = TriageStage(options: options)
        triage.apply(to: &findings)
        options.allowlist.applyBaseline(to: &findings)
        options.allowlist.applyIgnores(to: &findings, anchor: options.anchor)
        summary.triageSeconds = Scanner.seconds(since: triageStarted)
        findings.sort(by: Finding.reportOrder)
        summary.filesScanned = state.filesScanned
        summary.bytesScanned = state.bytesScanned
        summary.complete = state.complete
        summary.warnings = (state.warnings + triage.warnings + options.allowlist.ignores.warnings).sorted()
        summary.filesSkipped = Dictionary(uniqueKeysWithValues: state.skipped.map { ($0.key.rawValue, $0.value) })
        summary.findings = findings.filter { $0.suppression == nil }.count
        summary.suppressed = findings.count - summary.findings
        summary.seconds = Scanner.seconds(since: started)
        var report = ScanReport(findings: findings, summary: summary)
        report.sourceRoot = options.anchor.top
        if let top = options.anchor.top {
            for f in findings where report.sourcePaths[f.file] == nil {
                // Git modes' paths are already relative to the repository root.
                if options.mode != .files { report.sourcePaths[f.file] = f.file; continue }
                if let place = options.anchor.located(f.file), place.top == top {
                    report.sourcePaths[f.file] = place.path
                } else if f.file != ScanOptions.stdinRoot {
                    // Under another root (`--repos-file`): absolute, never relative to `%SRCROOT%`.
                    let absolute = f.file.hasPrefix("/") ? f.file
                        : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(f.file)
                    report.sourcePaths[f.file] = URL(fileURLWithPath: absolute).standardized.path
                }
            }
        }
        return report
    }

    /// Runs the producer and one worker a thread until the input is exhausted (or cancelled);
    /// what they gathered, merged, and the history's introduction log.
    private func collect(_ options: ScanOptions) throws(ScanError) -> (WorkerState, GitHistory.IntroductionLog?) {
        // Files are read by the workers, blobs by git: history items carry their bytes.
        let queue = options.mode == .history ? BoundedQueue<WorkItem>(capacity: 64, byteBudget: Scanner.historyQueueBytes)
                                             : BoundedQueue<WorkItem>(capacity: 1024)
        // History scans run `git log` from the start: it names the older version of each
        // changed blob (delta scanning) and the commit that introduced each finding.
        let introductions = options.mode == .history ? GitHistory.IntroductionLog(repository: options.roots.first ?? ".") : nil
        introductions?.start()
        let margins = HistoryMargins(rules: rules.rules)
        let producer = Box(WorkProducer(options: options, queue: queue, introductions: introductions,
                                        paths: PathStage(rules: rules, options: options)))
        let workers = (0..<max(1, options.threads)).map { _ in ScanWorker(rules: rules, options: options, margins: margins) }
        let group = DispatchGroup()
        group.enter()
        Thread.detachNewThread {
            producer.value.run()
            group.leave()
        }
        for worker in workers {
            let box = Box(worker)
            group.enter()
            Thread.detachNewThread {
                box.value.run(queue)
                group.leave()
            }
        }
        group.wait()
        var merged = producer.value.state
        if let error = merged.error { throw error }
        for w in workers { merged.merge(w.state) }
        return (merged, introductions)
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    /// Scans one in-memory buffer as if it were the file `name` (tests, stdin, examples): the
    /// same core as a scan, then the risk score triage gives a file outside git.
    public func scan(bytes: [UInt8], name: String, showSecrets: Bool = false) -> [Finding] {
        var options = ScanOptions(roots: [])
        options.showSecrets = showSecrets
        let worker = ScanWorker(rules: rules, options: options, margins: HistoryMargins(rules: []))
        rules.paths.openGates(for: name, in: worker.workspace)
        var findings = bytes.withUnsafeBufferPointer {
            worker.pairing.apply(worker.scan(Fragment(bytes: $0, provenance: .file(path: name, contextPath: name)))).map(\.finding)
        }
        findings += PathStage(rules: rules, options: options).findings(bytes: bytes, name: name)
        for i in findings.indices { TriageStage.score(&findings[i]) }
        return findings.sorted(by: Finding.reportOrder)
    }
}

/// Hands a value owned by one thread to that thread (the scanner reads it only after the
/// thread has finished, through the dispatch group's wait).
final class Box<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}
