import Foundation
import Vocabulary

// The introduction log (`git log --raw -z` of every ref): the commit that first added each blob
// and secret (following renames), the older version a changed blob is compared with, the blobs at HEAD.
extension GitHistory {
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

    /// For each blob in `oids`, the oldest commit (following every ref) that adds it, and the
    /// path it was added at.
    public static func introducingCommits(of oids: Set<String>, repository: String) throws(GitError) -> [String: (Commit, String)] {
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
        public func introducingCommits(of oids: Set<String>) throws(GitError) -> [String: (Commit, String)] {
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
        public func introducingCommits(ofSecrets sightings: [(oid: String, secret: String)]) throws(GitError) -> [(commit: Commit, path: String, origin: String)?] {
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
    static func parseIntroductions(_ data: Data, of oids: Set<String>) -> [String: (Commit, String)] {
        var prefixes = Set<UInt64>()
        for oid in oids { prefixes.insert(prefixKey(Array(oid.utf8)[...])) }
        var found: [String: (Commit, String)] = [:]
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let buffer = raw.bindMemory(to: UInt8.self)
            var header: Range<Int>?
            var commit: Commit?
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
                    commit = Commit(sha: fields[0], author: fields[1], email: fields[2], date: fields[3])
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
