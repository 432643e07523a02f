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

    /// What delta scanning needs from the introduction log.
    public struct DeltaBases: Sendable {
        /// For a blob whose first appearance is a change (`M`, not in a merge) of another blob
        /// at the same path: that older blob.
        public var base: [String: String] = [:]
        /// How many blobs each blob is the base of.
        public var children: [String: Int] = [:]
        /// The blobs at HEAD: always scanned whole, so `presentAtHead` sees every secret in them.
        public var head: Set<String> = []
        /// For a blob whose first appearance is a rename (`R`, with or without changes, not in a
        /// merge): the blob at the old name. Followed by `introducingCommits(ofSecrets:)`, never
        /// used as a delta base (a secret kept through a rename is found again under the new name).
        public var renamedFrom: [String: String] = [:]
        /// Exact names of blobs first added under a name rev-list or cat-file would change: one
        /// with a newline or carriage return, or starting with a blank.
        public var exactPaths: [String: String] = [:]

        /// The older version a blob was made from: its base, or the blob it was renamed from.
        public func previous(of oid: String) -> String? { base[oid] ?? renamedFrom[oid] }
    }

    /// A name `rev-list --objects | cat-file --batch-check` would not give back whole.
    static func mangledByListing(_ path: UnsafeBufferPointer<UInt8>.SubSequence) -> Bool {
        guard let first = path.first else { return false }
        return first == 0x20 || first == 0x09 || path.contains(0x0A) || path.contains(0x0D)
    }

    /// Reads `introductionLog` output: the base of each blob that first appears as a modification,
    /// the source of each that first appears as a rename, and the names the listing would mangle.
    static func parseDeltaBases(_ data: Data) -> DeltaBases {
        var bases = DeltaBases()
        var seen = Set<String>()
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let buffer = raw.bindMemory(to: UInt8.self)
            walkLog(buffer, header: { _ in }) { r in
                let newID = buffer[r.newID]
                guard !isNull(newID) else { return true }
                let new = String(decoding: newID, as: UTF8.self)
                guard seen.insert(new).inserted else { return true }
                let path = buffer[r.path]
                if mangledByListing(path) { bases.exactPaths[new] = String(decoding: path, as: UTF8.self) }
                // ":100644 100644 <old> <new> M" (one parent; merges have "::" and more fields)
                guard r.parents == 1, !isNull(buffer[r.oldID]) else { return true }
                let kind = buffer[r.status.lowerBound]
                if kind == UInt8(ascii: "M") && r.status.count == 1 {
                    let old = String(decoding: buffer[r.oldID], as: UTF8.self)
                    bases.base[new] = old
                    bases.children[old, default: 0] += 1
                } else if kind == UInt8(ascii: "R") {
                    bases.renamedFrom[new] = String(decoding: buffer[r.oldID], as: UTF8.self)
                }
                return true
            }
        }
        return bases
    }

    /// Walks `introductionLog` output: `header` gets each commit header's bytes (after the
    /// marker: `<sha>\0<author>\0<email>\0<date>`), `record` each raw record of that commit, and
    /// stops the walk by returning false.
    static func walkLog(_ data: UnsafeBufferPointer<UInt8>, header: (Range<Int>) -> Void,
                        record: (RawRecordRanges) -> Bool) {
        guard let base = data.baseAddress else { return }
        let marker = PatchParser.commitMarker.utf8.count
        let n = data.count
        var i = 0
        while i < n {
            let c = data[i]
            if c == 0 || c == 0x0A { i += 1; continue }
            if c == 0x01 {
                // Four fields, each ended by a NUL (the last by a NUL or a newline).
                var j = min(n, i + marker), fields = 0
                while j < n && fields < 4 {
                    if data[j] == 0 || data[j] == 0x0A { fields += 1 }
                    if fields < 4 { j += 1 }
                }
                header(min(n, i + marker)..<j)
                i = j + 1
                continue
            }
            if c == UInt8(ascii: ":"), let r = RawRecordRanges.scan(data, at: i) {
                guard record(r) else { return }
                i = r.end
                continue
            }
            // Not a record: resynchronise at the next NUL.
            guard let nul = memchr(base + i, 0, n - i) else { return }
            i = UnsafePointer<UInt8>(nul.assumingMemoryBound(to: UInt8.self)) - base + 1
        }
    }

    static func isNull<C: Collection>(_ oid: C) -> Bool where C.Element == UInt8 { oid.allSatisfy { $0 == UInt8(ascii: "0") } }


    /// Where `new` differs from `old`, an older version of the same file, as sorted byte ranges
    /// of `new`: its lines that are not in `old`, and (a byte of each of) the two kept lines
    /// either side of a place where lines of `old` were removed, which now touch. Outside these ranges, `new` is made of runs
    /// of lines that stand in `old` in the same order and next to each other, so whatever lies
    /// wholly inside such a run was in `old` too. Common prefix and suffix are skipped with
    /// memcmp; the rest is aligned line by line (hashes, in order, a jump ahead in `old`
    /// confirmed by the next line), and a line it cannot place counts as new.
    public static func changes(in new: UnsafeBufferPointer<UInt8>, from old: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        let n = new.count, m = old.count
        guard n > 0, let nb = new.baseAddress else { return [] }
        guard m > 0, let ob = old.baseAddress else { return [0..<n] }
        let limit = min(n, m)
        var p = 0
        while p + 64 <= limit && memcmp(nb + p, ob + p, 64) == 0 { p += 64 }
        while p < limit && nb[p] == ob[p] { p += 1 }
        if p == n && p == m { return [] }
        var s = 0
        let suffixLimit = limit - p
        while s + 64 <= suffixLimit && memcmp(nb + n - s - 64, ob + m - s - 64, 64) == 0 { s += 64 }
        while s < suffixLimit && nb[n - s - 1] == ob[m - s - 1] { s += 1 }
        // Whole lines: the prefix back to the start of its last line, the suffix on past its
        // first newline (both stay common to the two versions).
        var start = p
        while start > 0 && nb[start - 1] != 0x0A { start -= 1 }
        var newEnd = n
        if s > 0, let nl = memchr(nb + (n - s), 0x0A, s) {
            newEnd = UnsafePointer<UInt8>(nl.assumingMemoryBound(to: UInt8.self)) - nb + 1
        }
        let oldEnd = m - (n - newEnd)

        let newLines = lines(nb, start, newEnd), oldLines = lines(ob, start, oldEnd)
        func same(_ a: Line, _ b: Line) -> Bool {
            a.hash == b.hash && a.range.count == b.range.count && memcmp(nb + a.range.lowerBound, ob + b.range.lowerBound, a.range.count) == 0
        }
        // Old lines by hash: for each hash, its positions in order (a chain through `nextSame`)
        // and a cursor that only moves forward, as the position asked for (`j`) only grows.
        var table = HashCursors(capacity: oldLines.count)
        var nextSame = [Int32](repeating: -1, count: oldLines.count)
        for k in oldLines.indices.reversed() { nextSame[k] = table.push(oldLines[k].hash, k) }
        func firstOld(_ line: Line, from j: Int) -> Int? {
            guard let slot = table.slot(of: line.hash) else { return nil }
            var k = Int(table.cursor[slot])
            while k >= 0 && k < j { k = Int(nextSame[k]) }
            table.cursor[slot] = Int32(k)
            guard k >= 0, same(line, oldLines[k]) else { return nil }
            return k
        }
        var out: [Range<Int>] = []
        func mark(_ r: Range<Int>) {
            if let last = out.last, last.upperBound >= r.lowerBound {
                out[out.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                out.append(r)
            }
        }
        func join(at x: Int) { mark(max(0, x - 1)..<min(n, x + 1)) }
        // A join matters between two kept lines; next to a new line, the margins cover it.
        var j = 0, previousKept = true
        for (i, line) in newLines.enumerated() {
            if let pos = firstOld(line, from: j) {
                if pos == j { j += 1; previousKept = true; continue }
                let confirmed = i + 1 == newLines.count
                    || (pos + 1 < oldLines.count && same(newLines[i + 1], oldLines[pos + 1]))
                if confirmed {
                    if previousKept { join(at: line.range.lowerBound) }
                    j = pos + 1; previousKept = true
                    continue
                }
            }
            mark(line.range)
            previousKept = false
        }
        if j < oldLines.count && previousKept { join(at: newEnd) }
        return out
    }

    /// Open addressing, hash → the first position not yet passed (or -1).
    struct HashCursors {
        var keys: [UInt64]
        var cursor: [Int32]
        var used: [Bool]
        let mask: Int

        init(capacity: Int) {
            var size = 16
            while size < capacity * 2 { size <<= 1 }
            keys = [UInt64](repeating: 0, count: size)
            cursor = [Int32](repeating: -1, count: size)
            used = [Bool](repeating: false, count: size)
            mask = size - 1
        }

        /// Makes `index` the first position of `hash`; returns the one it displaces (-1 if none).
        mutating func push(_ hash: UInt64, _ index: Int) -> Int32 {
            var i = Int(truncatingIfNeeded: hash) & mask
            while used[i] && keys[i] != hash { i = (i + 1) & mask }
            let previous = used[i] ? cursor[i] : -1
            used[i] = true; keys[i] = hash; cursor[i] = Int32(index)
            return previous
        }

        func slot(of hash: UInt64) -> Int? {
            var i = Int(truncatingIfNeeded: hash) & mask
            while used[i] {
                if keys[i] == hash { return i }
                i = (i + 1) & mask
            }
            return nil
        }
    }

    struct Line {
        let range: Range<Int>
        let hash: UInt64
    }

    /// The lines of `base[from..<to]` (each with its newline), hashed.
    static func lines(_ base: UnsafePointer<UInt8>, _ from: Int, _ to: Int) -> [Line] {
        var out: [Line] = []
        var i = from
        while i < to {
            let end = memchr(base + i, 0x0A, to - i).map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base + 1 } ?? to
            out.append(Line(range: i..<end, hash: hash(base + i, end - i)))
            i = end
        }
        return out
    }

    /// A fast 64-bit hash of a line (equal hashes are confirmed with memcmp).
    static func hash(_ p: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
        var i = 0
        let raw = UnsafeRawPointer(p)
        while i + 8 <= count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x100_0000_01B3
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        while i < count { tail = tail << 8 | UInt64(p[i]); i += 1 }
        h = (h ^ tail) &* 0x100_0000_01B3
        return h ^ (h >> 32)
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

    /// For each blob in `oids`, the oldest commit (following every ref) that adds it, and the
    /// path it was added at.
    public static func introducingCommits(of oids: Set<String>, repository: String) throws(GitError) -> [String: (CommitMeta, String)] {
        guard !oids.isEmpty else { return [:] }
        return parseIntroductions(try runIntroductionLog(repository: repository).data, of: oids)
    }

    /// Runs the introduction log: following renames (`-M`) when it can, else without (a partial
    /// clone: finding renames reads blobs it does not have, and git fails rather than fetch them).
    static func runIntroductionLog(repository: String) throws(GitError) -> (data: Data, renames: Bool) {
        if !GitCommand.isPartialClone(repository: repository),
           let data = try? GitCommand.run(introductionLog(renames: true), in: repository) {
            return (data, true)
        }
        return (try GitCommand.run(introductionLog(renames: false), in: repository), false)
    }

    /// The `git log` behind `introducingCommits` and delta scanning, run once on a thread of its
    /// own from `start`, so it runs while blobs are listed and scanned rather than after them.
    public final class IntroductionLog: @unchecked Sendable {
        private let repository: String
        private let lock = NSLock()
        private var started = false
        private var result: Result<(data: Data, renames: Bool), GitError> = .success((Data(), false))
        private let done = DispatchSemaphore(value: 0)

        public init(repository: String) { self.repository = repository }

        /// Starts `git log` (once; later calls do nothing).
        public func start() {
            let first = lock.withLock { () -> Bool in
                if started { return false }
                started = true
                return true
            }
            guard first else { return }
            let repository = repository
            Thread.detachNewThread { [self] in
                let r = Result { () throws(GitError) -> (data: Data, renames: Bool) in try GitHistory.runIntroductionLog(repository: repository) }
                lock.withLock { result = r }
                done.signal()
            }
        }

        private func finished() -> Result<(data: Data, renames: Bool), GitError> {
            start()
            done.wait()
            done.signal()  // for a later call
            return lock.withLock { result }
        }

        /// Whether the log followed renames (false in a partial clone, or when it failed).
        public var followsRenames: Bool {
            if case .success(let r) = finished() { return r.renames }
            return false
        }

        private var bases: DeltaBases??

        /// The bases for delta scanning, from the log started by `start` (started now if it was
        /// not), read once; nil when git log failed.
        public func deltaBases() -> DeltaBases? {
            let result = finished()
            return lock.withLock { () -> DeltaBases? in
                if let bases { return bases }
                var parsed: DeltaBases?
                if case .success(let r) = result {
                    parsed = GitHistory.parseDeltaBases(r.data)
                    parsed!.head = GitHistory.headBlobs(repository: repository)
                }
                bases = .some(parsed)
                return parsed
            }
        }

        /// As `GitHistory.introducingCommits`, from the log started by `start` (started now if
        /// it was not).
        public func introducingCommits(of oids: Set<String>) throws(GitError) -> [String: (CommitMeta, String)] {
            guard !oids.isEmpty else { return [:] }
            let data = try finished().get().data
            return GitHistory.parseIntroductions(data, of: oids)
        }

        /// For each sighting of a secret in a blob (`secret` is any key that names the same secret
        /// in every blob, e.g. a hash of rule and secret), the commit that introduced it, and its
        /// path there: the oldest blob holding it among the blob and the versions it was made
        /// from, following changes and renames back (`DeltaBases.previous`). A key kept through
        /// `git mv a b` plus an edit is thus credited to the commit that added it to `a`, not to
        /// the rename; a key new in the renamed version, to the rename. Only the sightings given
        /// count as holding the secret: pass every blob it was found in. `origin` is that oldest
        /// blob: when several findings of one secret are merged into one, the one found in
        /// `origin` has the line as it was introduced. nil for a blob the log does not name.
        public func introducingCommits(ofSecrets sightings: [(oid: String, secret: String)]) throws(GitError) -> [(commit: CommitMeta, path: String, origin: String)?] {
            guard !sightings.isEmpty else { return [] }
            let data = try finished().get().data
            let lineage = deltaBases() ?? DeltaBases()
            var holders: [String: Set<String>] = [:]
            for s in sightings { holders[s.secret, default: []].insert(s.oid) }
            var origins: [String] = []
            origins.reserveCapacity(sightings.count)
            for s in sightings {
                let holding = holders[s.secret] ?? []
                var oldest = s.oid, current = s.oid
                var visited: Set<String> = [s.oid]
                while let previous = lineage.previous(of: current), visited.insert(previous).inserted {
                    if holding.contains(previous) { oldest = previous }
                    current = previous
                }
                origins.append(oldest)
            }
            let introduced = GitHistory.parseIntroductions(data, of: Set(origins))
            return origins.map { origin in introduced[origin].map { (commit: $0.0, path: $0.1, origin: origin) } }
        }
    }

    /// `git log` arguments whose output `parseIntroductions` reads: every commit of every ref,
    /// oldest first, with the blob ids each one adds or changes, NUL-separated (exact names).
    /// With `renames`, a renamed file is one `R` record (old and new name) instead of a deletion
    /// and an addition.
    static func introductionLog(renames: Bool) -> [String] {
        ["log", "--all", "--reverse", "--raw", "-z", "--no-abbrev", renames ? "-M" : "--no-renames", "-c", PatchParser.logFormat]
    }

    /// Reads `introductionLog` output: for each blob of `oids`, the first commit that shows it as
    /// a new blob, and the path. Byte-level: a record's new blob id becomes a string only when it
    /// may be one of `oids` (checked on an 8-byte prefix first), a commit header only when one of
    /// its records is.
    static func parseIntroductions(_ data: Data, of oids: Set<String>) -> [String: (CommitMeta, String)] {
        var prefixes = Set<UInt64>()
        for oid in oids { prefixes.insert(prefixKey(Array(oid.utf8)[...])) }
        var found: [String: (CommitMeta, String)] = [:]
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let buffer = raw.bindMemory(to: UInt8.self)
            var header: Range<Int>?
            var commit: CommitMeta?
            walkLog(buffer, header: { header = $0; commit = nil }) { r in
                guard found.count < oids.count else { return false }
                let id = buffer[r.newID]
                guard let headerRange = header, id.count >= 8, prefixes.contains(prefixKey(id)) else { return true }
                let new = String(decoding: id, as: UTF8.self)
                guard oids.contains(new), found[new] == nil else { return true }
                if commit == nil {
                    let fields = buffer[headerRange].split(separator: 0, omittingEmptySubsequences: false)
                        .map { String(decoding: $0, as: UTF8.self) }
                    guard fields.count >= 4 else { header = nil; return true }
                    commit = CommitMeta(sha: fields[0], author: fields[1], email: fields[2], date: fields[3])
                }
                found[new] = (commit!, String(decoding: buffer[r.path], as: UTF8.self))
                return true
            }
        }
        return found
    }

    /// The first 8 bytes of an object id in hex, as one number (a cheap first filter).
    @inline(__always)
    static func prefixKey<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var key: UInt64 = 0
        for b in bytes.prefix(8) { key = key << 8 | UInt64(b) }
        return key
    }

    /// Object ids of the blobs in HEAD's tree (empty when there is no HEAD).
    public static func headBlobs(repository: String) -> Set<String> {
        guard let data = try? GitCommand.run(["ls-tree", "-r", "-z", "HEAD"], in: repository) else { return [] }
        var out = Set<String>()
        for entry in data.split(separator: 0) {
            // "<mode> blob <oid>\t<path>"
            let head = entry.prefix { $0 != 0x09 }.split(separator: 0x20)
            if head.count == 3, head[1].elementsEqual("blob".utf8) { out.insert(String(decoding: head[2], as: UTF8.self)) }
        }
        return out
    }
}

/// Reads lines and fixed-size records from a file descriptor through one buffer.
struct BufferedReader {
    let fd: Int32
    var buffer: [UInt8]
    var start = 0
    var end = 0

    init(fd: Int32, capacity: Int = 1 << 16) {
        self.fd = fd
        buffer = [UInt8](repeating: 0, count: capacity)
    }

    /// Refills; false at end of file.
    mutating func fill() -> Bool {
        if start > 0 {
            buffer.withUnsafeMutableBufferPointer { b in
                _ = memmove(b.baseAddress!, b.baseAddress! + start, end - start)
            }
            end -= start; start = 0
        }
        if end == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
        var n: Int
        repeat {
            n = buffer.withUnsafeMutableBufferPointer { b in Foundation.read(fd, b.baseAddress! + end, b.count - end) }
        } while n < 0 && errno == EINTR   // a signal is not the end of the stream
        if n <= 0 { return false }
        end += n
        return true
    }

    mutating func readLine() -> ArraySlice<UInt8>? {
        var scanned = start
        while true {
            let nl = buffer.withUnsafeBufferPointer { b in
                memchr(b.baseAddress! + scanned, 0x0A, end - scanned)
                    .map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - b.baseAddress! }
            }
            if let nl {
                let line = buffer[start..<nl]
                start = nl + 1
                return line
            }
            scanned = end
            let offset = start
            guard fill() else { return nil }
            scanned -= offset
        }
    }

    /// The next `count` bytes; nil when the input ends first. What the buffer holds is copied,
    /// the rest is read straight into the result (no second copy for large records). Memory is
    /// taken as the bytes arrive, at most `upfront` ahead of them, whatever `count` claims (a
    /// corrupt header cannot make it reserve petabytes).
    mutating func read(count: Int) -> [UInt8]? {
        guard count > BufferedReader.upfront else { return readUpfront(count: count) }
        var out: [UInt8] = []
        var left = count
        while left > 0 {
            guard let piece = readUpfront(count: min(left, BufferedReader.upfront)) else { return nil }
            out += piece
            left -= piece.count
        }
        return out
    }

    static let upfront = 64 << 20

    private mutating func readUpfront(count: Int) -> [UInt8]? {
        var complete = true
        let out = [UInt8](unsafeUninitializedCapacity: count) { dst, initialized in
            var filled = 0
            while filled < count {
                if start == end {
                    if count - filled >= buffer.count / 2 {
                        let n = Foundation.read(fd, dst.baseAddress! + filled, count - filled)
                        if n < 0 && errno == EINTR { continue }   // a signal is not the end of the stream
                        if n <= 0 { complete = false; break }
                        filled += n
                        continue
                    }
                    guard fill() else { complete = false; break }
                }
                let take = min(count - filled, end - start)
                buffer.withUnsafeBufferPointer { b in
                    (dst.baseAddress! + filled).update(from: b.baseAddress! + start, count: take)
                }
                start += take
                filled += take
            }
            initialized = filled
        }
        return complete ? out : nil
    }

    /// Drops the next `count` bytes; false when the input ends first.
    mutating func skip(count: Int) -> Bool {
        var left = count
        while left > 0 {
            if start == end { guard fill() else { return false } }
            let take = min(left, end - start)
            start += take
            left -= take
        }
        return true
    }
}
