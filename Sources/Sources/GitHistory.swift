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

    /// Lists reachable blobs (`git rev-list --objects --all --reverse | git cat-file --batch-check`).
    /// `--reverse` walks the oldest commits' trees first, so a blob reached under several paths
    /// (a copy, a rename, another branch) is named by the path of the commit that introduced it,
    /// the commit `introducingCommits` reports.
    public static func listBlobs(repository: String) throws(GitError) -> [BlobInfo] {
        let revList = GitCommand.makeProcess(["rev-list", "--objects", "--all", "--reverse"], in: repository)
        let check = GitCommand.makeProcess(["cat-file", "--batch-check=%(objecttype) %(objectname) %(objectsize) %(rest)"], in: repository)
        let link = Pipe(), out = Pipe()
        revList.standardOutput = link
        revList.standardError = FileHandle.nullDevice
        revList.standardInput = FileHandle.nullDevice
        check.standardInput = link
        check.standardOutput = out
        check.standardError = FileHandle.nullDevice
        do { try revList.run(); try check.run() } catch { throw GitError(message: "cannot run git: \(error)") }
        let data = BufferedReader.readAll(fd: out.fileHandleForReading.fileDescriptor)
        revList.waitUntilExit(); check.waitUntilExit()
        guard revList.terminationStatus == 0 else {
            throw GitError(message: "git rev-list failed in \(repository) (not a repository, or no commits)")
        }
        var blobs: [BlobInfo] = []
        for line in data.split(separator: 0x0A) {
            guard line.starts(with: Array("blob ".utf8)) else { continue }
            let parts = line.dropFirst(5).split(separator: 0x20, maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count >= 2, let size = Int(String(decoding: parts[1], as: UTF8.self)) else { continue }
            let path = parts.count == 3 ? String(decoding: parts[2], as: UTF8.self) : ""
            blobs.append(BlobInfo(oid: String(decoding: parts[0], as: UTF8.self), size: size, path: path))
        }
        return blobs
    }

    /// Streams the contents of `blobs` in order: `body(info, bytes)` for each.
    public static func read(_ blobs: [BlobInfo], repository: String, shouldStop: () -> Bool = { false },
                            body: (BlobInfo, [UInt8]) -> Void) throws(GitError) {
        guard !blobs.isEmpty else { return }
        let p = GitCommand.makeProcess(["cat-file", "--batch"], in: repository)
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { throw GitError(message: "cannot run git: \(error)") }
        let ids = blobs.map(\.oid)
        let writer = input.fileHandleForWriting
        Thread.detachNewThread {
            var chunk = Data()
            for id in ids {
                chunk.append(contentsOf: Array(id.utf8)); chunk.append(0x0A)
                if chunk.count > 64 * 1024 {
                    // A write fails once git is gone (scan interrupted): stop feeding it.
                    guard (try? writer.write(contentsOf: chunk)) != nil else { try? writer.close(); return }
                    chunk.removeAll(keepingCapacity: true)
                }
            }
            try? writer.write(contentsOf: chunk)
            try? writer.close()
        }
        var reader = BufferedReader(fd: output.fileHandleForReading.fileDescriptor)
        for info in blobs {
            if shouldStop() { p.terminate(); break }
            guard let header = reader.readLine() else { break }
            // "<oid> blob <size>" or "<oid> missing"
            let fields = header.split(separator: 0x20)
            guard fields.count == 3, let size = Int(String(decoding: fields[2], as: UTF8.self)) else { continue }
            guard let bytes = reader.read(count: size) else { break }
            _ = reader.read(count: 1)  // the newline after the content
            body(info, bytes)
        }
        p.waitUntilExit()
    }

    /// For each blob in `oids`, the oldest commit (following every ref) that adds it, and the
    /// path it was added at.
    public static func introducingCommits(of oids: Set<String>, repository: String) throws(GitError) -> [String: (CommitMeta, String)] {
        guard !oids.isEmpty else { return [:] }
        let data = try GitCommand.run(["log", "--all", "--reverse", "--raw", "--no-abbrev", "--no-renames", "-c",
                                       PatchParser.logFormat], in: repository)
        var found: [String: (CommitMeta, String)] = [:]
        var commit: CommitMeta?
        for line in data.split(separator: 0x0A) {
            if line.first == 0x01 {
                let fields = line.dropFirst(PatchParser.commitMarker.utf8.count).split(separator: 0, omittingEmptySubsequences: false)
                    .map { String(decoding: $0, as: UTF8.self) }
                commit = fields.count >= 4 ? CommitMeta(sha: fields[0], author: fields[1], email: fields[2], date: fields[3]) : nil
                continue
            }
            // ":100644 100644 <old> <new> M\tpath" (merges: "::" and more modes/ids)
            guard line.first == UInt8(ascii: ":"), let commit, let tab = line.firstIndex(of: 0x09) else { continue }
            let meta = line[..<tab].split(separator: 0x20)
            guard meta.count >= 2 else { continue }
            let new = String(decoding: meta[meta.count - 2], as: UTF8.self)
            if oids.contains(new) && found[new] == nil {
                found[new] = (commit, String(decoding: line[(tab + 1)...], as: UTF8.self))
            }
        }
        return found
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
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    var start = 0
    var end = 0

    init(fd: Int32) { self.fd = fd }

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

    /// Everything up to end of file (Foundation's `readDataToEndOfFile` traps on EINTR).
    static func readAll(fd: Int32) -> [UInt8] {
        var reader = BufferedReader(fd: fd)
        while reader.fill() {}
        return Array(reader.buffer[reader.start..<reader.end])
    }

    mutating func readLine() -> ArraySlice<UInt8>? {
        var scanned = start
        while true {
            if let nl = buffer[scanned..<end].firstIndex(of: 0x0A) {
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

    mutating func read(count: Int) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(count)
        while out.count < count {
            if start == end { guard fill() else { return nil } }
            let take = min(count - out.count, end - start)
            out += buffer[start..<(start + take)]
            start += take
        }
        return out
    }
}
