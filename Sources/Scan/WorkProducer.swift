import Glob
import Inputs

/// Feeds the workers' queue from the input the mode names: the walker, the lines staged or
/// committed changes add, or every blob of the history. It knows nothing of rules.
struct WorkProducer {
    let options: ScanOptions
    let queue: BoundedQueue<WorkItem>
    /// The history's introduction log, which also names the older version of a changed blob.
    let introductions: GitHistory.IntroductionLog?
    /// Path-only rules (the producer judges each path it meets; see PathStage.swift).
    var paths: PathStage? = nil
    var state = WorkerState()

    mutating func run() {
        switch options.mode {
        case .files: walk()
        case .staged, .range: changes()
        case .history: history()
        }
        queue.close()
    }

    private mutating func walk() {
        // `-` is standard input: read once, by one worker, whatever its place among the roots.
        if options.roots.contains(ScanOptions.stdinRoot) {
            queue.push(.stream(fd: options.stdinDescriptor, name: options.stdinName))
        }
        let roots = options.roots.filter { $0 != ScanOptions.stdinRoot }
        guard !roots.isEmpty else { return }
        let walker = Walker(options: WalkOptions(roots: roots, honorIgnoreFiles: options.honorIgnoreFiles,
                                                 excludes: options.excludes, followSymlinks: options.followSymlinks))
        let cancellation = options.cancellation
        walker.walk(file: { entry in
            if let found = paths?.finding(for: entry) { state.found(found, progress: options.progress) }
            queue.push(.file(entry))
        }, skip: { skip in
            if let entry = skip.entry, let found = paths?.finding(for: entry) { state.found(found, progress: options.progress) }
            state.skipped[skip.reason, default: 0] += 1
            let detail = "\(skip.displayPath): \(skip.reason.rawValue)\(skip.message.map { " (\($0))" } ?? "")"
            switch skip.reason {
            case .unreadable: state.incomplete(detail)
            case .symlinkLoop: state.warnings.append(detail)
            default: break
            }
        }, shouldStop: { cancellation.isCancelled })
    }

    private mutating func changes() {
        let repo = options.roots.first ?? "."
        let listing = paths?.hasPathOnlyRules == true ? ChangedFilesListing(mode: options.mode, repository: repo) : nil
        do {
            let changes: [AddedLines]
            if case .range(let r) = options.mode {
                changes = try GitChanges.range(r, repository: repo)
            } else {
                changes = try GitChanges.staged(repository: repo)
            }
            let excludes = IgnoreRules(globs: options.excludes)
            if let paths, let listing {
                let files = try listing.wait()
                for f in paths.findings(for: files.filter { !excludes.ignores(filePath: Array($0.path.utf8)) }, repository: repo) {
                    state.found(f, progress: options.progress)
                }
            }
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
    }

    private mutating func history() {
        let repo = options.roots.first ?? "."
        let excludes = IgnoreRules(globs: options.excludes)
        let maxFileSize = options.maxFileSize
        let cancellation = options.cancellation
        let queue = self.queue
        let hits = paths?.historyHits()
        do {
            // Blobs are passed over before git reads them: too large, binary by name, excluded.
            let streamed = try GitHistory.streamHistory(repository: repo, skip: { b in
                let path = Array(b.path.utf8)
                let excluded = excludes.ignores(filePath: path)
                if !excluded { hits?.note(b) }  // path-only rules see binary and large blobs too
                if b.size > maxFileSize { return .tooLarge }
                let name = path.lastIndex(of: UInt8(ascii: "/")).map { Array(path[($0 + 1)...]) } ?? path
                if Walker.hasBinaryExtension(name) { return .binary }
                if excluded { return .excluded }
                return nil
            }, deltas: introductions, shouldStop: { cancellation.isCancelled }) { info, bytes, base in
                queue.push(base.map { .delta(info, bytes, base: $0) } ?? .blob(info, bytes), size: bytes.count + (base?.count ?? 0))
            }
            for (reason, n) in streamed.skipped { state.skipped[reason, default: 0] += n }
            if let w = streamed.warning { state.incomplete(w) }
            if let hits, let paths { state.blobFindings += paths.blobFindings(hits, repository: repo) }
        } catch {
            state.error = ScanError(message: error.message)
        }
    }
}
