import Foundation
import Inputs
import Match
import Report
import Rules
import Vocabulary

/// One worker thread: it owns everything mutable it needs (file reader buffer, PCRE2 match data,
/// counters, findings), so the hot path takes no lock, and every input reaches the same core,
/// `scan(_:)`: match → decode → build findings → note rule problems.
final class ScanWorker {
    let rules: RuleSet
    let options: ScanOptions
    let reader: FileReader
    let workspace = MatchWorkspace()
    let builder: FindingBuilder
    let decoding: DecodingStage?
    let context: ContextStage
    let pairing: PairingStage
    let margins: HistoryMargins
    /// What this worker found and counted; taken by the scanner when the worker ends.
    var state = WorkerState()
    /// Rules that hit a PCRE2 limit in the current item, with the first message: one warning an item.
    private var problems: [Int: String] = [:]

    init(rules: RuleSet, options: ScanOptions, margins: HistoryMargins) {
        self.rules = rules
        self.options = options
        self.margins = margins
        reader = FileReader(maxFileSize: options.maxFileSize, followSymlinks: options.followSymlinks,
                            chunkSize: options.chunkSize)
        var builder = FindingBuilder(rules: rules.rules, showSecrets: options.showSecrets, now: options.now)
        builder.allowlist = options.allowlist
        builder.anchor = options.anchor
        self.builder = builder
        decoding = options.decode ? DecodingStage(rules: rules) : nil
        context = ContextStage(rules: rules)
        pairing = PairingStage(rules: rules.rules)
    }

    /// Takes items until the queue is closed and drained; after a cancellation it only drains.
    func run(_ queue: BoundedQueue<WorkItem>) {
        while let item = queue.pop() {
            if options.cancellation.isCancelled { continue }
            handle(item)
        }
    }

    func handle(_ item: WorkItem) {
        openPathGates(for: item)
        switch item {
        case .file(let entry): scanFile(entry)
        case .added(let change): scanAdded(change)
        case .stream(let fd, let name): scanStream(fd: fd, name: name)
        case .blob(let info, let bytes): scanBlob(info, bytes, base: nil)
        case .delta(let info, let bytes, let base): scanBlob(info, bytes, base: base)
        }
    }

    // MARK: The core

    /// Matches one fragment and builds its findings: the one path every input takes. Decoded
    /// text and names on other lines (`ContextStage`) are scanned by the same rules.
    func scan(_ fragment: Fragment) -> [Candidate] {
        var result = rules.scan(fragment.bytes, workspace: workspace)
        for p in result.problems where problems[p.pattern] == nil { problems[p.pattern] = p.message }
        if let below = fragment.reportBelow { result.matches.removeAll { $0.secret.lowerBound >= below } }
        var decoded: [Candidate] = []
        if let decoding {
            let outcome = decoding.apply(fragment, matches: result.matches, builder: builder, workspace: workspace)
            result.matches = outcome.kept
            decoded = outcome.decoded
        }
        let context = self.context.apply(fragment, plain: result.matches, builder: builder, workspace: workspace)
        result.matches = context.kept
        guard !result.matches.isEmpty || !decoded.isEmpty || !context.found.isEmpty else { return [] }
        return builder.build(result.matches, in: fragment) + decoded + context.found
    }

    /// The warnings of the rules that hit a limit in the item just scanned, named `name`.
    func flushProblems(_ name: String) {
        guard !problems.isEmpty else { return }
        for (rule, message) in problems.sorted(by: { $0.key < $1.key }) {
            state.incomplete("\(name): partially scanned: rule '\(rules.rules[rule].id)' hit a limit (\(message))")
        }
        problems.removeAll()
    }

    // MARK: Inputs

    private func scanFile(_ entry: FileEntry) {
        let provenance = Provenance.file(path: entry.displayPath, contextPath: entry.rootRelativePath)
        switch reader.read(entry) {
        case .skipped(let reason, let message):
            state.skipped[reason, default: 0] += 1
            if reason == .unreadable {
                state.incomplete("\(entry.displayPath): unreadable\(message.map { " (\($0))" } ?? "")")
            }
        case .content(let buffer):
            let found = pairing.apply(scan(Fragment(bytes: buffer, provenance: provenance)))
            state.count(bytes: buffer.count, progress: options.progress, found: found.count)
            state.findings += found.map(\.finding)
        case .large(let file):
            scanLarge(file, provenance: provenance)
        }
        flushProblems(entry.displayPath)
    }

    /// A file above the chunk size, in overlapping chunks: memory stays bounded, and a match is
    /// reported by the chunk it starts in (before the part the next chunk repeats), so a secret
    /// across a boundary is found exactly once.
    private func scanLarge(_ file: FileReader.LargeFile, provenance: Provenance) {
        scanChunked(provenance: provenance, size: file.size) { stop, body in reader.readChunks(file, shouldStop: stop, body: body) }
    }

    /// Standard input, chunked like a large file: bounded memory whatever its length.
    private func scanStream(fd: Int32, name: String) {
        scanChunked(provenance: .file(path: name, contextPath: name), size: nil) { stop, body in
            reader.readStream(fd: fd, shouldStop: stop, body: body)
        }
        flushProblems(name)
    }

    /// The core over the chunks `read` yields, stopping between chunks on Ctrl-C; a read that
    /// fails or stops part way keeps what was found and marks the scan incomplete. `size`: the
    /// bytes to count (nil: those read).
    private func scanChunked(provenance: Provenance, size: Int?,
                             read: (_ shouldStop: () -> Bool, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) -> FileReader.ChunkedRead) {
        var position = TextPosition()
        var found: [Candidate] = []
        var bytes = 0
        let cancellation = options.cancellation
        let end = read({ cancellation.isCancelled }) { chunk, reportBelow in
            let fragment = Fragment(bytes: chunk, provenance: provenance, lines: .origin(position), reportBelow: reportBelow)
            found += scan(fragment)
            position = position.advanced(over: chunk, to: reportBelow)
            bytes += reportBelow
        }
        switch end {
        case .binary:
            state.skipped[.binary, default: 0] += 1
            return
        case .failed(let message):
            state.incomplete("\(provenance.path): read failed part way (\(message)); findings up to there are reported")
        case .stopped:
            state.incomplete("\(provenance.path): interrupted part way; findings up to there are reported")
        case .done: break
        }
        found = pairing.apply(found)
        state.count(bytes: size ?? bytes, progress: options.progress, found: found.count)
        state.findings += found.map(\.finding)
    }

    private func scanAdded(_ change: AddedLines) {
        let (bytes, numbers) = change.text()
        let commit = change.commit
        let found = pairing.apply(bytes.withUnsafeBufferPointer {
            scan(Fragment(bytes: $0, provenance: .added(path: change.path, commit: commit), lines: .numbers(numbers)))
        })
        state.count(bytes: bytes.count, progress: options.progress, found: found.count)
        state.findings += found.map(\.finding)
        flushProblems(change.path)
    }
}
