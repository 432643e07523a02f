import Foundation

/// Every blob reachable from any ref, each read once (deduplicated by object id), streamed from
/// `git cat-file --batch`; plus the commit that first introduced a blob and the blobs at HEAD.
public enum GitHistory {
    /// A blob to scan.
    public struct BlobInfo: Sendable {
        public let oid: String
        public let size: Int
        /// The path the blob has in the oldest commit holding it (where it was introduced).
        public let path: String
    }

    /// The `--batch-check` format `listBlobs` and `stream` parse: `%(rest)` carries the path
    /// rev-list prints after the object id.
    static let checkFormat = "--batch-check=%(objecttype) %(objectname) %(objectsize) %(rest)"

    /// Starts `git rev-list --objects --all --reverse --missing=print | git cat-file --batch-check`,
    /// which lists every reachable object with its type, size and path. `--reverse` walks the
    /// oldest commits' trees first, so a blob reached under several paths (a copy, a rename,
    /// another branch) is named by the path of the commit that introduced it, the commit
    /// `introducingCommits` reports. An object the repository lacks (a partial clone's, never
    /// fetched) comes out as `?<id> missing`: counted, never fetched (see `Git.offline`).
    ///
    /// rev-list cuts a path at a newline, and cat-file drops the blanks that start `%(rest)`
    /// and a carriage return that ends it: such names are taken from the introduction log
    /// (NUL-separated, exact), `DeltaBases.exactPaths`.
    private static func startListing(repository: String) throws(GitError) -> (revList: Process, check: Process, out: FileHandle) {
        let revList = GitCommand.makeProcess(["rev-list", "--objects", "--all", "--reverse", "--missing=print"], in: repository)
        let check = GitCommand.makeProcess(["cat-file", checkFormat], in: repository)
        let link = Pipe(), out = Pipe()
        revList.standardOutput = link
        revList.standardError = FileHandle.nullDevice
        revList.standardInput = FileHandle.nullDevice
        check.standardInput = link
        check.standardOutput = out
        check.standardError = FileHandle.nullDevice
        do { try revList.run(); try check.run() } catch { throw GitError(message: "cannot run git: \(error)") }
        return (revList, check, out.fileHandleForReading)
    }

    /// A `--batch-check` line `blob <oid> <size> <path>` → its blob; nil for other objects.
    static func parseListing(_ line: ArraySlice<UInt8>) -> BlobInfo? {
        guard line.starts(with: "blob ".utf8) else { return nil }
        let parts = line.dropFirst(5).split(separator: 0x20, maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, let size = Int(String(decoding: parts[1], as: UTF8.self)) else { return nil }
        let path = parts.count == 3 ? String(decoding: parts[2], as: UTF8.self) : ""
        return BlobInfo(oid: String(decoding: parts[0], as: UTF8.self), size: size, path: path)
    }

    /// A cat-file line `<name> missing`: an object the repository does not have.
    static func isMissing<C: Collection>(_ line: C) -> Bool where C.Element == UInt8 {
        let parts = line.split(separator: 0x20, omittingEmptySubsequences: false)
        return parts.count == 2 && parts[1].elementsEqual("missing".utf8)
    }

    /// `blob` with its exact name when the log knows one.
    static func exact(_ blob: BlobInfo, _ paths: [String: String]) -> BlobInfo {
        guard let path = paths[blob.oid] else { return blob }
        return BlobInfo(oid: blob.oid, size: blob.size, path: path)
    }

    static func revListFailed(_ repository: String) -> GitError {
        GitError(message: "git rev-list failed in \(repository) (not a repository, or no commits)")
    }

    /// Lists reachable blobs, each once, oldest commits first (see `startListing`). `log` gives
    /// the exact names rev-list cannot print (one is started when not given).
    public static func listBlobs(repository: String, log: IntroductionLog? = nil) throws(GitError) -> [BlobInfo] {
        let log = log ?? IntroductionLog(repository: repository)
        log.start()
        let (revList, check, out) = try startListing(repository: repository)
        var reader = BufferedReader(fd: out.fileDescriptor)
        var blobs: [BlobInfo] = []
        while let line = reader.readLine() {
            if let blob = parseListing(line) { blobs.append(blob) }
        }
        revList.waitUntilExit(); check.waitUntilExit()
        guard revList.terminationStatus == 0 else { throw revListFailed(repository) }
        let paths = log.deltaBases()?.exactPaths ?? [:]
        return paths.isEmpty ? blobs : blobs.map { exact($0, paths) }
    }

    /// What reading the history met besides the blobs: `stream`'s result.
    public struct StreamResult: Sendable, Equatable {
        /// Blobs passed over, by reason; the missing objects below count as `unreadable`.
        public var skipped: [SkipReason: Int] = [:]
        /// Objects the history names that this repository does not have (a partial clone's,
        /// `--filter=blob:none`, or a damaged one): not fetched, not scanned.
        public var missingObjects = 0

        /// Whether every reachable blob was either read or skipped for a reason of the scan's.
        public var complete: Bool { missingObjects == 0 }

        /// The one warning a scan should give for them, or nil.
        public var warning: String? {
            guard missingObjects > 0 else { return nil }
            let what = missingObjects == 1 ? "1 object" : "\(missingObjects) objects"
            return "history: \(what) of the history not in this repository (a partial clone?): not fetched and not scanned"
        }
    }

    /// Lists reachable blobs (as `listBlobs`, in the same order) and streams the contents of
    /// those `skip` lets through: `body(info, bytes)` for each, on the calling thread. One
    /// pipeline: rev-list | cat-file --batch-check → `skip` (on another thread) → cat-file
    /// --batch → body. Returns how many blobs `skip` passed over, by the reason it gave, and how
    /// many objects the repository lacks (they count as `unreadable` too); git never fetches them.
    ///
    /// With `deltas`, a blob that first appeared as a change of an older blob at the same path
    /// comes with that older blob's contents (`base`, else nil) when it was read earlier and is
    /// still held: the caller may then scan only where the two differ (see `changes`). Bases
    /// are held while blobs that change them are still to come, up to `deltaCacheLimit` bytes;
    /// blobs at HEAD never get one. The log (`deltas`, or one started here) is waited for before
    /// the first blob is passed to `skip`: it holds the exact names rev-list cannot print.
    public static func streamHistory(repository: String, skip: @escaping @Sendable (BlobInfo) -> SkipReason?,
                                     deltas: IntroductionLog? = nil, shouldStop: () -> Bool = { false },
                                     body: (BlobInfo, [UInt8], _ base: [UInt8]?) -> Void) throws(GitError) -> StreamResult {
        let log = deltas ?? IntroductionLog(repository: repository)
        log.start()
        let (revList, check, listing) = try startListing(repository: repository)
        // Ids only go in; the listing's blobs wait in `pending`, in order, for their contents
        // (cat-file answers in the order it is asked): a path never passes through a line-based
        // protocol.
        let cat = GitCommand.makeProcess(["cat-file", "--batch=%(objectname) %(objectsize)"], in: repository)
        let input = Pipe(), output = Pipe()
        cat.standardInput = input
        cat.standardOutput = output
        cat.standardError = FileHandle.nullDevice
        do { try cat.run() } catch {
            revList.terminate(); check.terminate()
            throw GitError(message: "cannot run git: \(error)")
        }
        let contents = output.fileHandleForReading.fileDescriptor
        widenPipe(contents)
        let feeder = Feeder()
        let pending = Pending()
        let writer = input.fileHandleForWriting
        Thread.detachNewThread {
            let paths = log.deltaBases()?.exactPaths ?? [:]
            var reader = BufferedReader(fd: listing.fileDescriptor)
            var chunk: [UInt8] = []
            chunk.reserveCapacity(1 << 16)
            var batch: [BlobInfo] = []
            var skipped: [SkipReason: Int] = [:]
            var missing = 0
            var writing = true
            while let line = reader.readLine() {
                if isMissing(line) { missing += 1; continue }
                guard let listed = parseListing(line) else { continue }
                let blob = exact(listed, paths)
                if let reason = skip(blob) { skipped[reason, default: 0] += 1; continue }
                batch.append(blob)
                chunk.append(contentsOf: blob.oid.utf8); chunk.append(0x0A)
                if chunk.count >= 1 << 16 {
                    pending.push(batch); batch.removeAll(keepingCapacity: true)
                    // A write fails once cat-file is gone (scan interrupted): stop feeding it.
                    if (try? writer.write(contentsOf: chunk)) == nil { writing = false; break }
                    chunk.removeAll(keepingCapacity: true)
                }
            }
            if writing, !chunk.isEmpty { pending.push(batch); _ = try? writer.write(contentsOf: chunk) }
            try? writer.close()
            try? listing.close()  // a stopped scan: rev-list and batch-check end on a broken pipe
            feeder.finish(skipped, missing: missing)
        }
        var reader = BufferedReader(fd: contents, capacity: 1 << 20)
        var stopped = false
        var index: DeltaBases?
        var indexRead = deltas == nil
        var children: [String: Int] = [:]  // blobs still to come that change each held blob
        var cache: [String: (path: String, bytes: [UInt8])] = [:]
        var cached = 0
        var missingRead = 0
        while true {
            if shouldStop() { stopped = true; feeder.stop(); cat.terminate(); break }
            guard let header = reader.readLine() else { break }
            // "<oid> <size>", or "<oid> missing"
            if isMissing(header) { _ = pending.pop(); missingRead += 1; continue }
            let fields = header.split(separator: 0x20, maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count >= 2, let size = Int(String(decoding: fields[1], as: UTF8.self)) else { continue }
            let oid = String(decoding: fields[0], as: UTF8.self)
            var path = fields.count == 3 ? String(decoding: fields[2], as: UTF8.self) : ""
            if let asked = pending.pop(), asked.oid == oid { path = asked.path }
            let info = BlobInfo(oid: oid, size: size, path: path)
            guard let bytes = reader.read(count: size) else { break }
            guard reader.skip(count: 1) else { break }  // the newline after the contents
            if !indexRead {
                index = deltas?.deltaBases()
                children = index?.children ?? [:]
                indexRead = true
            }
            var base: [UInt8]?
            if let index {
                if let b = index.base[info.oid], let held = cache[b] {
                    if held.path == info.path && !index.head.contains(info.oid) { base = held.bytes }
                    let left = (children[b] ?? 1) - 1
                    children[b] = left
                    if left <= 0 { cache[b] = nil; cached -= held.bytes.count }
                }
                if let n = children[info.oid], n > 0, cached + bytes.count <= deltaCacheLimit, plainText(bytes) {
                    cache[info.oid] = (info.path, bytes)
                    cached += bytes.count
                }
            }
            body(info, bytes, base)
        }
        cat.waitUntilExit()
        let (skippedByReason, missingListed) = feeder.wait()
        revList.waitUntilExit(); check.waitUntilExit()
        if !stopped && revList.terminationStatus != 0 { throw revListFailed(repository) }
        var result = StreamResult(skipped: skippedByReason, missingObjects: missingListed + missingRead)
        if result.missingObjects > 0 { result.skipped[.unreadable, default: 0] += result.missingObjects }
        return result
    }

    /// `streamHistory`'s blob counts by reason alone (objects the repository lacks count as
    /// `unreadable`; `streamHistory` also says how many there were, for a warning).
    public static func stream(repository: String, skip: @escaping @Sendable (BlobInfo) -> SkipReason?,
                              deltas: IntroductionLog? = nil, shouldStop: () -> Bool = { false },
                              body: (BlobInfo, [UInt8], _ base: [UInt8]?) -> Void) throws(GitError) -> [SkipReason: Int] {
        try streamHistory(repository: repository, skip: skip, deltas: deltas, shouldStop: shouldStop, body: body).skipped
    }

    /// Most bytes of base blobs `stream` holds for delta scanning (beyond it, blobs are scanned
    /// whole). A history read oldest first needs about one checkout per live branch.
    public static let deltaCacheLimit = 256 << 20

    /// Text that a later version may be compared with byte for byte: no NUL in the first 8 KiB,
    /// no UTF-16 byte-order mark (binary and UTF-16 blobs are never delta-scanned, nor bases).
    static func plainText(_ bytes: [UInt8]) -> Bool {
        if bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)) { return false }
        return bytes.withUnsafeBufferPointer { b in
            b.count == 0 || memchr(b.baseAddress!, 0, min(b.count, FileReader.binaryProbe)) == nil
        }
    }

    /// The feeding thread's result, and the reader's word that the scan stopped.
    private final class Feeder: @unchecked Sendable {
        private let lock = NSLock()
        private let done = DispatchSemaphore(value: 0)
        private var _stopped = false
        private var skipped: [SkipReason: Int] = [:]
        private var missing = 0
        var stopped: Bool { lock.withLock { _stopped } }
        func stop() { lock.withLock { _stopped = true } }
        func finish(_ counts: [SkipReason: Int], missing: Int) {
            lock.withLock { skipped = counts; self.missing = missing }
            done.signal()
        }
        func wait() -> ([SkipReason: Int], Int) { done.wait(); return lock.withLock { (skipped, missing) } }
    }

    /// The blobs asked of cat-file --batch whose contents have not come back yet, oldest first.
    private final class Pending: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [BlobInfo] = []
        private var head = 0

        func push(_ batch: [BlobInfo]) { lock.withLock { items += batch } }

        func pop() -> BlobInfo? {
            lock.withLock {
                guard head < items.count else { return nil }
                let item = items[head]
                head += 1
                if head >= 4096 && head * 2 >= items.count { items.removeFirst(head); head = 0 }
                return item
            }
        }
    }

    /// Asks for a 1 MiB pipe (Linux; the default is 64 KiB): git's writes and our reads then
    /// wake each other 16 times less often. Harmless when refused.
    static func widenPipe(_ fd: Int32) {
        #if os(Linux)
        let setPipeSize: Int32 = 1031  // F_SETPIPE_SZ
        _ = fcntl(fd, setPipeSize, 1 << 20)
        #endif
    }
}
