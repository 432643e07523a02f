import Foundation
import GitExec
import Vocabulary

/// The files a change adds, modifies or renames, by path and blob: what rules that judge a file
/// by its path see in pre-commit and range scans. Binary files are included (their patches carry
/// no lines); symbolic links and submodules are not files and are left out.
public enum GitPaths {
    /// One file a change writes: its path in the repository and the blob it now holds.
    public struct ChangedFile: Sendable, Equatable {
        public let path: String
        public let oid: String
        /// The commit that writes it (nil for staged changes).
        public let commit: Commit?
    }

    /// A blob's size, and its bytes when they were asked for and it is small enough.
    public struct Blob: Sendable {
        public let size: Int
        public let bytes: [UInt8]?
    }

    static let rawOptions = ["--raw", "-z", "--no-abbrev", "--diff-filter=ACMR", "-M"]

    /// The files the staged changes write.
    public static func staged(repository: String) throws(GitError) -> [ChangedFile] {
        parse(Array(try GitCommand.run(["diff", "--cached"] + rawOptions, in: repository)))
    }

    /// The files each commit of `range` writes, oldest commit first, with the commit. A merge
    /// counts for the files its result has from none of its parents (`-c`), as in `GitChanges`.
    public static func range(_ range: String, repository: String) throws(GitError) -> [ChangedFile] {
        guard !range.hasPrefix("-") else { throw GitError(message: "invalid range '\(range)'") }
        let data = try GitCommand.run(["log", "--reverse", "-c", PatchParser.logFormat] + rawOptions + [range, "--"], in: repository)
        return parse(Array(data))
    }

    /// Parses `--raw -z` records (`RawRecord`), in `git log` output after commit headers
    /// (`\u{1}commit <sha>\0<author>\0<email>\0<date>`, as `PatchParser` reads them).
    static func parse(_ bytes: [UInt8]) -> [ChangedFile] {
        bytes.withUnsafeBufferPointer { data in
            var out: [ChangedFile] = []
            var commit: Commit?
            let marker = Array(PatchParser.commitMarker.utf8)
            let n = data.count
            var i = 0
            while i < n {
                if data[i] == 0x01 && data[i...].starts(with: marker) {
                    let header = PatchParser.commitHeader(data, at: i)
                    commit = header.commit
                    i = header.end
                    continue
                }
                if data[i] == UInt8(ascii: ":"), let (r, next) = RawRecord.parse(data, at: i) {
                    i = next
                    // Regular files only: 100644 or 100755 (not 120000 links, 160000 submodules).
                    guard r.newMode.starts(with: "100".utf8), !r.path.isEmpty else { continue }
                    out.append(ChangedFile(path: String(decoding: r.path, as: UTF8.self),
                                           oid: String(decoding: r.newID, as: UTF8.self), commit: commit))
                    continue
                }
                i += 1   // separators: NUL, newline
            }
            return out
        }
    }

    /// Sizes of `oids`, and the bytes of those of at most `readLimit` bytes (`git cat-file`).
    /// Blobs git does not have are left out.
    public static func blobs(_ oids: [String], repository: String, readLimit: Int) throws(GitError) -> [String: Blob] {
        let unique = Array(Set(oids)).sorted()
        guard !unique.isEmpty else { return [:] }
        var sizes: [String: Int] = [:]
        let listing = try run(["cat-file", "--batch-check=%(objectname) %(objectsize)"], input: unique, in: repository)
        for line in listing.split(separator: 0x0A) {
            let f = line.split(separator: 0x20)
            if f.count == 2, let n = Int(String(decoding: f[1], as: UTF8.self)) { sizes[String(decoding: f[0], as: UTF8.self)] = n }
        }
        var out: [String: Blob] = [:]
        let small = unique.filter { (sizes[$0] ?? .max) <= readLimit }
        for oid in unique { if let size = sizes[oid], size > readLimit { out[oid] = Blob(size: size, bytes: nil) } }
        guard !small.isEmpty else { return out }
        // `--batch`: "<oid> <type> <size>\n<contents>\n" for each.
        let data = try run(["cat-file", "--batch"], input: small, in: repository)
        var at = 0
        while at < data.count {
            guard let nl = data[at...].firstIndex(of: 0x0A) else { break }
            let header = data[at..<nl].split(separator: 0x20)
            at = nl + 1
            guard header.count == 3, let size = Int(String(decoding: header[2], as: UTF8.self)), at + size <= data.count else { continue }
            out[String(decoding: header[0], as: UTF8.self)] = Blob(size: size, bytes: Array(data[at..<(at + size)]))
            at += size + 1
        }
        return out
    }

    /// Runs git with `lines` on its standard input (written on another thread, so neither pipe
    /// can fill up) and returns its standard output.
    static func run(_ arguments: [String], input lines: [String], in repository: String) throws(GitError) -> [UInt8] {
        let process = GitCommand.makeProcess(arguments, in: repository)
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw GitError(message: "cannot run git: \(error)") }
        let writer = stdin.fileHandleForWriting
        let text = Data(lines.map { $0 + "\n" }.joined().utf8)
        Thread.detachNewThread {
            _ = try? writer.write(contentsOf: text)
            try? writer.close()
        }
        let data = Git.readToEnd(stdout.fileHandleForReading.fileDescriptor)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw GitError(message: "git \(arguments.prefix(2).joined(separator: " ")): exit \(process.terminationStatus)")
        }
        return Array(data)
    }
}
