import Foundation
import Match
import Report
import Rules
import Inputs

/// The pipeline: a producer (walker, git changes, git history) → bounded queue → worker threads
/// (read, match, build findings) → one sorted report. Deterministic whatever the thread count.
public final class Scanner: Sendable {
    public let rules: RuleSet

    public init(rules: RuleSet) { self.rules = rules }

    /// One unit of work for a worker.
    enum WorkItem: Sendable {
        case file(FileEntry)
        case added(AddedLines)
        case blob(GitHistory.BlobInfo, [UInt8])
        /// A blob and an older version of it (same path) that was scanned already: only where
        /// they differ, with margins, is scanned.
        case delta(GitHistory.BlobInfo, [UInt8], base: [UInt8])
    }

    /// A finding plus what the history stage needs to attribute it.
    struct BlobFinding {
        var finding: Finding
        let oid: String
        /// Hash of rule and secret: the same secret in other blobs or paths.
        let secretKey: String
    }

    /// What each worker collects; merged once when it finishes.
    final class WorkerState: @unchecked Sendable {
        var findings: [Finding] = []
        var blobFindings: [BlobFinding] = []
        var filesScanned = 0
        var bytesScanned = 0
        var skipped: [SkipReason: Int] = [:]
        var warnings: [String] = []
        var complete = true
        var error: ScanError?
        /// Shared running totals (the progress line).
        var progress: ScanProgress?
    }

    /// Most bytes of git blobs waiting for a worker in a history scan.
    static let historyQueueBytes = 64 << 20

    /// Scans what `options` names and returns the full report (suppressed findings included).
    public func scan(_ options: ScanOptions) throws(ScanError) -> ScanReport {
        let started = DispatchTime.now()
        // Files are read by the workers, blobs by git: history items carry their bytes.
        let queue = options.mode == .history ? BoundedQueue<WorkItem>(capacity: 64, byteBudget: Scanner.historyQueueBytes)
                                             : BoundedQueue<WorkItem>(capacity: 1024)
        let producerState = WorkerState()
        let threadCount = max(1, options.threads)
        let states = (0..<threadCount).map { _ in WorkerState() }
        for s in states { s.progress = options.progress }
        // History scans run `git log` from the start: it names the older version of each
        // changed blob (delta scanning) and the commit that introduced each finding.
        let introductions = options.mode == .history ? GitHistory.IntroductionLog(repository: options.roots.first ?? ".") : nil
        introductions?.start()
        let margins = HistoryMargins(rules: rules.rules)
        let group = DispatchGroup()
        group.enter()
        Thread.detachNewThread {
            Scanner.produce(options, into: queue, state: producerState, introductions: introductions)
            queue.close()
            group.leave()
        }
        for state in states {
            group.enter()
            Thread.detachNewThread { [self] in
                self.work(queue: queue, options: options, state: state, margins: margins)
                group.leave()
            }
        }
        group.wait()
        if let error = producerState.error { throw error }
        if options.cancellation.isCancelled {
            producerState.complete = false
            producerState.warnings.append("interrupted: the scan stopped early; findings so far are reported")
        }

        var summary = ScanSummary(rulesLoaded: rules.rules.count)
        var findings: [Finding] = []
        var blobFindings: [BlobFinding] = []
        var skipped: [SkipReason: Int] = [:]
        for s in [producerState] + states {
            findings += s.findings
            blobFindings += s.blobFindings
            summary.filesScanned += s.filesScanned
            summary.bytesScanned += s.bytesScanned
            summary.warnings += s.warnings
            summary.complete = summary.complete && s.complete
            for (k, v) in s.skipped { skipped[k, default: 0] += v }
        }
        if options.mode == .history, let repo = options.roots.first, let introductions {
            findings += try Scanner.attribute(blobFindings, repository: repo, introductions: introductions)
        }
        let triageStarted = DispatchTime.now()
        var triage = TriageStage(options: options)
        triage.apply(to: &findings)
        summary.warnings += triage.warnings
        options.allowlist.applyBaseline(to: &findings)
        summary.triageSeconds = Double(DispatchTime.now().uptimeNanoseconds - triageStarted.uptimeNanoseconds) / 1e9
        findings.sort(by: Finding.reportOrder)
        summary.warnings.sort()
        summary.filesSkipped = Dictionary(uniqueKeysWithValues: skipped.map { ($0.key.rawValue, $0.value) })
        summary.findings = findings.filter { $0.suppression == nil }.count
        summary.suppressed = findings.count - summary.findings
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return ScanReport(findings: findings, summary: summary)
    }

    /// Feeds the queue from the source the mode names.
    static func produce(_ options: ScanOptions, into queue: BoundedQueue<WorkItem>, state: WorkerState,
                        introductions: GitHistory.IntroductionLog? = nil) {
        switch options.mode {
        case .files:
            let walker = Walker(options: WalkOptions(roots: options.roots, honorIgnoreFiles: options.honorIgnoreFiles,
                                                     excludes: options.excludes, followSymlinks: options.followSymlinks))
            walker.walk(file: { queue.push(.file($0)) }, skip: { skip in
                state.skipped[skip.reason, default: 0] += 1
                if skip.reason == .unreadable || skip.reason == .symlinkLoop {
                    state.warnings.append("\(skip.displayPath): \(skip.reason.rawValue)\(skip.message.map { " (\($0))" } ?? "")")
                    if skip.reason == .unreadable { state.complete = false }
                }
            }, shouldStop: { options.cancellation.isCancelled })
        case .staged, .range:
            let repo = options.roots.first ?? "."
            do {
                let changes: [AddedLines]
                if case .range(let r) = options.mode {
                    changes = try GitChanges.range(r, repository: repo)
                } else {
                    changes = try GitChanges.staged(repository: repo)
                }
                let excludes = IgnoreRules(globs: options.excludes)
                for c in changes where !options.cancellation.isCancelled {
                    if excludes.ignores(filePath: Array(c.path.utf8)) {
                        state.skipped[.excluded, default: 0] += 1
                    } else {
                        queue.push(.added(c))
                    }
                }
            } catch {
                state.error = ScanError(message: error.message)
            }
        case .history:
            let repo = options.roots.first ?? "."
            do {
                let excludes = IgnoreRules(globs: options.excludes)
                let maxFileSize = options.maxFileSize
                // Blobs are passed over before git reads them: too large, binary by name, excluded.
                let skipped = try GitHistory.stream(repository: repo, skip: { b in
                    if b.size > maxFileSize { return .tooLarge }
                    let path = Array(b.path.utf8)
                    let name = path.lastIndex(of: UInt8(ascii: "/")).map { Array(path[($0 + 1)...]) } ?? path
                    if Walker.hasBinaryExtension(name) { return .binary }
                    if excludes.ignores(filePath: path) { return .excluded }
                    return nil
                }, deltas: introductions, shouldStop: { options.cancellation.isCancelled }) { info, bytes, base in
                    queue.push(base.map { .delta(info, bytes, base: $0) } ?? .blob(info, bytes), size: bytes.count + (base?.count ?? 0))
                }
                for (reason, n) in skipped { state.skipped[reason, default: 0] += n }
            } catch {
                state.error = ScanError(message: error.message)
            }
        }
    }

    private func work(queue: BoundedQueue<WorkItem>, options: ScanOptions, state: WorkerState, margins: HistoryMargins) {
        let reader = FileReader(maxFileSize: options.maxFileSize, followSymlinks: options.followSymlinks,
                                chunkSize: options.chunkSize)
        let workspace = MatchWorkspace()
        var builder = FindingBuilder(rules: rules.rules, showSecrets: options.showSecrets, now: options.now)
        builder.allowlist = options.allowlist
        while let item = queue.pop() {
            if options.cancellation.isCancelled { continue }  // drain without work
            switch item {
            case .file(let entry):
                var builder = builder
                builder.contextPath = entry.rootRelativePath
                switch reader.read(entry) {
                case .skipped(let reason, let message):
                    state.skipped[reason, default: 0] += 1
                    if reason == .unreadable {
                        state.complete = false
                        state.warnings.append("\(entry.displayPath): unreadable\(message.map { " (\($0))" } ?? "")")
                    }
                case .content(let buffer):
                    state.findings += scanBuffer(buffer, name: entry.displayPath, builder: builder, workspace: workspace, state: state, decode: options.decode)
                case .large(let file):
                    scanLarge(file, entry: entry, reader: reader, builder: builder, workspace: workspace, state: state,
                              decode: options.decode)
                }
            case .added(let change):
                let (bytes, numbers) = change.text()
                var found = bytes.withUnsafeBufferPointer {
                    scanBuffer($0, name: change.path, builder: builder, workspace: workspace, state: state, decode: options.decode)
                }
                let commit = change.commit.map { CommitInfo(sha: $0.sha, author: $0.author, email: $0.email, date: $0.date) }
                for i in found.indices {
                    found[i].line = numbers[found[i].line - 1]
                    found[i].commit = commit
                }
                state.findings += found
            case .blob(let info, let bytes):
                scanBlob(info, bytes, base: nil, margins: margins, builder: builder, workspace: workspace, state: state, decode: options.decode)
            case .delta(let info, let bytes, let base):
                scanBlob(info, bytes, base: base, margins: margins, builder: builder, workspace: workspace, state: state, decode: options.decode)
            }
        }
    }

    /// One history blob: whole, or (text with a `base`) only the regions around its changes.
    private func scanBlob(_ info: GitHistory.BlobInfo, _ bytes: [UInt8], base: [UInt8]?, margins: HistoryMargins,
                          builder: FindingBuilder, workspace: MatchWorkspace, state: WorkerState, decode: Bool) {
        bytes.withUnsafeBufferPointer { raw in
            func keep(_ found: [(Finding, String)]) {
                state.blobFindings += found.map { BlobFinding(finding: $0.0, oid: info.oid, secretKey: $0.1) }
            }
            switch ContentCheck.classify(raw) {
            case .binary: state.skipped[.binary, default: 0] += 1
            case .decoded(let text):
                text.withUnsafeBufferPointer {
                    keep(scanBuffer($0, name: info.path, builder: builder, workspace: workspace, state: state, keys: true, decode: decode))
                }
            case .text:
                guard let base else {
                    keep(scanBuffer(raw, name: info.path, builder: builder, workspace: workspace, state: state, keys: true, decode: decode))
                    return
                }
                let changes = base.withUnsafeBufferPointer { GitHistory.changes(in: raw, from: $0) }
                let found = scanRegions(raw, margins.regions(around: changes, in: raw), name: info.path, builder: builder,
                                        workspace: workspace, state: state, decode: decode)
                state.filesScanned += 1
                state.bytesScanned += raw.count
                state.progress?.add(files: 1, bytes: raw.count, findings: found.count)
                keep(found)
            }
        }
    }

    /// Matches `regions` (sorted, whole lines) of one buffer, each as a buffer of its own (it
    /// starts at column 1 of a line); what is found is then placed in the whole buffer.
    private func scanRegions(_ buffer: UnsafeBufferPointer<UInt8>, _ regions: [Range<Int>], name: String, builder: FindingBuilder,
                             workspace: MatchWorkspace, state: WorkerState, decode: Bool) -> [(Finding, String)] {
        var out: [(Finding, String)] = []
        var line = 1, counted = 0
        for region in regions {
            // Matched as if it began the file; lines are counted only when something is found.
            let part = UnsafeBufferPointer(rebasing: buffer[region])
            var found: [(Finding, String)] = []
            var (matches, problems) = rules.scan(part, workspace: workspace)
            for p in problems {
                state.complete = false
                state.warnings.append("\(name): partially scanned: rule '\(rules.rules[p.rule].id)' hit a limit (\(p.message))")
            }
            if decode {
                let result = DecodingStage(rules: rules).apply(part, matches: matches, builder: builder, file: name, workspace: workspace)
                matches = result.kept
                found += result.decoded.map { ($0.finding, $0.secretKey) }
            }
            if !matches.isEmpty {
                found += builder.build(matches, in: part, file: name).map { ($0.finding, $0.secretKey) }
            }
            guard !found.isEmpty else { continue }
            line += HistoryMargins.lineBreaks(buffer, counted..<region.lowerBound)
            counted = region.lowerBound
            for i in found.indices { found[i].0.line += line - 1 }
            out += found
        }
        return out
    }

    /// A file above the chunk size, in overlapping chunks: memory stays bounded, and a match is
    /// reported by the chunk it starts in (before the part the next chunk repeats), so a secret
    /// across a boundary is found exactly once.
    private func scanLarge(_ file: FileReader.LargeFile, entry: FileEntry, reader: FileReader, builder: FindingBuilder,
                           workspace: MatchWorkspace, state: WorkerState, decode: Bool) {
        var position = TextPosition()
        var found: [Finding] = []
        var problems = Set<Int>()
        let end = reader.readChunks(file) { chunk, reportBelow in
            let (matches, chunkProblems) = rules.scan(chunk, workspace: workspace)
            for p in chunkProblems { problems.insert(p.rule) }
            var mine = matches.filter { $0.secret.lowerBound < reportBelow }
            if decode {
                let result = DecodingStage(rules: rules).apply(chunk, matches: mine, builder: builder, file: entry.displayPath,
                                                               workspace: workspace, origin: position, reportBelow: reportBelow)
                mine = result.kept
                found += result.decoded.map(\.finding)
            }
            found += builder.findings(for: mine, in: chunk, file: entry.displayPath, origin: position)
            position = position.advanced(over: chunk, to: reportBelow)
        }
        switch end {
        case .binary:
            state.skipped[.binary, default: 0] += 1
            return
        case .failed(let message):
            state.complete = false
            state.warnings.append("\(entry.displayPath): read failed part way (\(message)); findings up to there are reported")
        case .done: break
        }
        state.filesScanned += 1
        state.bytesScanned += file.size
        state.progress?.add(files: 1, bytes: file.size, findings: found.count)
        for p in problems.sorted() {
            state.complete = false
            state.warnings.append("\(entry.displayPath): partially scanned: rule '\(rules.rules[p].id)' hit a limit")
        }
        state.findings += found
    }

    /// Matches one buffer and builds its findings; counts it as scanned.
    private func scanBuffer(_ buffer: UnsafeBufferPointer<UInt8>, name: String, builder: FindingBuilder,
                            workspace: MatchWorkspace, state: WorkerState, decode: Bool) -> [Finding] {
        scanBuffer(buffer, name: name, builder: builder, workspace: workspace, state: state, keys: false, decode: decode).map(\.0)
    }

    private func scanBuffer(_ buffer: UnsafeBufferPointer<UInt8>, name: String, builder: FindingBuilder,
                            workspace: MatchWorkspace, state: WorkerState, keys: Bool, decode: Bool) -> [(Finding, String)] {
        let found = scanBufferCounted(buffer, name: name, builder: builder, workspace: workspace, state: state, keys: keys, decode: decode)
        state.progress?.add(files: 1, bytes: buffer.count, findings: found.count)
        return found
    }

    private func scanBufferCounted(_ buffer: UnsafeBufferPointer<UInt8>, name: String, builder: FindingBuilder,
                                   workspace: MatchWorkspace, state: WorkerState, keys: Bool, decode: Bool) -> [(Finding, String)] {
        state.filesScanned += 1
        state.bytesScanned += buffer.count
        var (matches, problems) = rules.scan(buffer, workspace: workspace)
        for p in problems {
            state.complete = false
            state.warnings.append("\(name): partially scanned: rule '\(rules.rules[p.rule].id)' hit a limit (\(p.message))")
        }
        var decoded: [(finding: Finding, secretKey: String)] = []
        if decode {
            let result = DecodingStage(rules: rules).apply(buffer, matches: matches, builder: builder, file: name, workspace: workspace)
            matches = result.kept
            decoded = result.decoded
        }
        guard !matches.isEmpty || !decoded.isEmpty else { return [] }
        return builder.build(matches, in: buffer, file: name).map { ($0.finding, $0.secretKey) } + decoded.map { ($0.finding, $0.secretKey) }
    }

    /// History findings: one per rule, path and secret, attributed to the oldest commit that
    /// added it, and marked present at HEAD when any blob holding that secret is in HEAD's tree.
    static func attribute(_ found: [BlobFinding], repository: String,
                          introductions: GitHistory.IntroductionLog) throws(ScanError) -> [Finding] {
        guard !found.isEmpty else { return [] }
        let introduced: [String: (CommitMeta, String)]
        do {
            introduced = try introductions.introducingCommits(of: Set(found.map(\.oid)))
        } catch {
            throw ScanError(message: error.message)
        }
        let head = GitHistory.headBlobs(repository: repository)
        var atHead = Set<String>()
        for f in found where head.contains(f.oid) { atHead.insert(f.secretKey) }
        // Compare instants, not date text: authors write their own UTC offsets, so
        // "2024-03-01T10:00:00+09:00" is earlier than "2024-03-01T05:00:00+00:00".
        let iso = ISO8601DateFormatter()
        var instants: [String: Double] = [:]
        func instant(_ f: Finding) -> Double {
            guard let date = f.commit?.date else { return .infinity }
            if let t = instants[date] { return t }
            let t = iso.date(from: date)?.timeIntervalSince1970 ?? .infinity
            instants[date] = t
            return t
        }
        var best: [String: Finding] = [:]
        for var bf in found {
            if let (c, _) = introduced[bf.oid] {
                bf.finding.commit = CommitInfo(sha: c.sha, author: c.author, email: c.email, date: c.date)
            }
            bf.finding.presentAtHead = atHead.contains(bf.secretKey)
            let key = bf.finding.fingerprint
            if let existing = best[key] {
                let a = instant(bf.finding), b = instant(existing)
                if a < b || (a == b && bf.finding.line < existing.line) { best[key] = bf.finding }
            } else {
                best[key] = bf.finding
            }
        }
        return Array(best.values)
    }

    /// Scans one in-memory buffer as if it were the file `name` (tests, stdin, examples).
    public func scan(bytes: [UInt8], name: String, showSecrets: Bool = false) -> [Finding] {
        let workspace = MatchWorkspace()
        let builder = FindingBuilder(rules: rules.rules, showSecrets: showSecrets, now: Date())
        return bytes.withUnsafeBufferPointer { buf in
            builder.findings(for: rules.scan(buf, workspace: workspace).matches, in: buf, file: name)
        }
    }
}

/// How far around its changes a history blob is scanned, from the rules. A match only
/// involves bytes from the start of its keyword's line to the end of that line (single-line
/// patterns) or to `window` bytes past the keyword (multi-line ones), and a decoded run never
/// crosses a line. So whole lines from `window + longest keyword` bytes before a change to
/// `window` bytes after it hold every match that touches the change, with the keyword and the
/// window that found it; anything further away lies wholly in lines the older version has in
/// the same order, and was found there. Two tiers: the margins of the multi-line patterns
/// with windows up to `shortWindow` bytes always; those of the long-window ones (private keys,
/// service-account files) only around a change that one of their keywords lies close enough
/// before (or in) to reach.
struct HistoryMargins: Sendable {
    static let shortWindow = 4096
    let before: Int
    let after: Int
    let longBefore: Int
    let longAfter: Int
    /// The keywords of the multi-line patterns with windows over `shortWindow`.
    let longKeywords: LiteralFinder?

    init(rules: [Rule]) {
        let keyword = rules.flatMap(\.keywords).map(\.utf8.count).max() ?? 0
        let multiline = rules.filter(\.multiline)
        let short = multiline.filter { $0.window <= Self.shortWindow }.map(\.window).max() ?? 0
        let long = multiline.filter { $0.window > Self.shortWindow }
        let longWindow = long.map(\.window).max() ?? 0
        before = short + keyword
        after = short
        longBefore = max(before, longWindow + keyword)
        longAfter = max(after, longWindow)
        longKeywords = long.isEmpty ? nil : LiteralFinder(long.flatMap(\.keywords))
    }

    /// `changes` (sorted) widened by the margins to whole lines, merged where they meet.
    func regions(around changes: [Range<Int>], in buffer: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        guard let base = buffer.baseAddress else { return [] }
        let n = buffer.count
        // Starts of long-window keywords that could reach a change: one pass over each stretch
        // from `longBefore` bytes ahead of a change to its end.
        var hits: [Int] = []
        if let finder = longKeywords {
            func search(_ r: Range<Int>) {
                finder.forEachStart(in: UnsafeBufferPointer(rebasing: buffer[r])) { hits.append(r.lowerBound + $0) }
            }
            var stretch: Range<Int>?
            for c in changes {
                let r = max(0, c.lowerBound - longBefore)..<c.upperBound
                if let s = stretch, r.lowerBound <= s.upperBound {
                    stretch = s.lowerBound..<max(s.upperBound, r.upperBound)
                } else {
                    if let s = stretch { search(s) }
                    stretch = r
                }
            }
            if let s = stretch { search(s) }
            hits.sort()
        }
        func longKeyword(in r: Range<Int>) -> Bool {
            var lo = 0, hi = hits.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if hits[mid] < r.lowerBound { lo = mid + 1 } else { hi = mid }
            }
            return lo < hits.count && hits[lo] < r.upperBound
        }
        var out: [Range<Int>] = []
        for c in changes {
            let long = !hits.isEmpty && longKeyword(in: (c.lowerBound - longBefore)..<c.upperBound)
            var lo = max(0, c.lowerBound - (long ? longBefore : before))
            while lo > 0 && base[lo - 1] != 0x0A { lo -= 1 }
            var hi = min(n, c.upperBound + (long ? longAfter : after))
            if hi > 0 && hi < n && base[hi - 1] != 0x0A {
                hi = memchr(base + hi, 0x0A, n - hi).map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base + 1 } ?? n
            }
            if let last = out.last, lo <= last.upperBound {
                out[out.count - 1] = last.lowerBound..<max(last.upperBound, hi)
            } else {
                out.append(lo..<hi)
            }
        }
        return out
    }

    /// Line breaks in `buffer[range]` as `TextPosition` counts them: `\n`, `\r\n`, a lone `\r`
    /// (a `\r` at the end of the range looks at the byte after it).
    static func lineBreaks(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        guard let base = buffer.baseAddress, !range.isEmpty else { return 0 }
        var lf = 0, cr = 0
        for i in range {
            lf &+= base[i] == 0x0A ? 1 : 0
            cr &+= base[i] == 0x0D ? 1 : 0
        }
        guard cr > 0 else { return lf }
        var crlf = 0
        for i in range where base[i] == 0x0D && i + 1 < buffer.count && base[i + 1] == 0x0A { crlf += 1 }
        return lf + cr - crlf
    }
}
