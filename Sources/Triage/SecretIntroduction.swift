import Foundation
import Synchronization

/// The first commit in which a secret appeared at a path, following renames: the age of the
/// secret, not of the line (`git blame` answers who last touched the line, and a comment added
/// later resets it).
///
/// How: one `git log --follow -p --unified=0 -- <path>` per file with findings, searched in
/// process for lines the commit added that hold the secret; the oldest such commit is the
/// introduction. The secret never goes on a command line (`git log -S<secret>` would show it to
/// anyone running `ps`), and one git process answers every secret of the file.
public enum SecretIntroduction {
    /// A commit that added a secret: who and when.
    public struct Commit: Sendable, Equatable {
        public var sha: String
        public var author: String
        public var email: String
        /// Author time, seconds since 1970 UTC.
        public var authorTime: Int64
        /// Author time in ISO 8601 at the author's UTC offset (`Z` when zero), as blame gives it.
        public var date: String
    }

    /// For each of `secrets`, the oldest commit in `file`'s history (renames followed) whose added
    /// lines contain it; secrets never committed are left out. Throws when git fails.
    public static func find(repository: String, file: String, secrets: [String]) throws -> [String: Commit] {
        let wanted = Array(Set(secrets.filter { !$0.isEmpty }))
        guard !wanted.isEmpty else { return [:] }
        let arguments = ["-C", repository, "log", "--follow", "-M", "-p", "--unified=0", "--no-color", "--no-ext-diff",
                         "--no-textconv", "--format=%x01%H%x00%an%x00%ae%x00%at%x00%ad", "--date=format:%z", "--", file]
        let output = try GitProcess.run(arguments)
        guard output.succeeded else { throw GitProcess.Failure(arguments: arguments, message: output.message) }
        return parse(output.stdout, secrets: wanted)
    }

    /// Reads the log (newest commit first) and keeps, per secret, the last (oldest) commit whose `+`
    /// lines hold it.
    static func parse(_ data: Data, secrets: [String]) -> [String: Commit] {
        var found: [String: Commit] = [:]
        let needles = secrets.map { (secret: $0, bytes: Array($0.utf8)) }
        for chunk in data.split(separator: 0x01, omittingEmptySubsequences: true) {
            guard let headerEnd = chunk.firstIndex(of: 0x0A) else { continue }
            let fields = chunk[chunk.startIndex..<headerEnd].split(separator: 0x00, omittingEmptySubsequences: false)
            guard fields.count == 5, let time = Int64(String(decoding: fields[3], as: UTF8.self)) else { continue }
            let zone = String(decoding: fields[4], as: UTF8.self)   // "+0530"
            let offset = ISODate.offsetSeconds(gitTimeZone: zone) ?? 0
            var added: [UInt8] = []
            for line in chunk[(headerEnd + 1)...].split(separator: 0x0A) where line.first == UInt8(ascii: "+") {
                if line.starts(with: Array("+++ ".utf8)) { continue }
                added += line.dropFirst()
                added.append(0x0A)
            }
            guard !added.isEmpty else { continue }
            let commit = Commit(sha: String(decoding: fields[0], as: UTF8.self), author: String(decoding: fields[1], as: UTF8.self),
                                email: String(decoding: fields[2], as: UTF8.self), authorTime: time, date: ISODate.format(epoch: time, offsetSeconds: offset))
            for n in needles where contains(added, n.bytes) { found[n.secret] = commit }
        }
        return found
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        let first = needle[0]
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first && haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }

    /// Which of `secrets` the blob `spec` (`sha:path`) already holds: a secret that the version
    /// before its line's blame commit lacks came with that commit, and needs no history search.
    /// Nil when git cannot read the blob.
    public static func held(in spec: String, repository: String, secrets: [String]) -> Set<String>? {
        guard let output = try? GitProcess.run(["-C", repository, "cat-file", "blob", spec]), output.succeeded else { return nil }
        let blob = Array(output.stdout)
        return Set(secrets.filter { contains(blob, Array($0.utf8)) })
    }

    /// `find` for many files, at most `threads` git processes at a time; files whose log fails are left out.
    public static func findAll(repository: String, requests: [(file: String, secrets: [String])],
                               threads: Int) -> [String: [String: Commit]] {
        guard !requests.isEmpty else { return [:] }
        let next = Atomic<Int>(0)
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: max(1, min(threads, requests.count))) { _ in
            while true {
                let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard i < requests.count else { return }
                guard let found = try? find(repository: repository, file: requests[i].file, secrets: requests[i].secrets) else { continue }
                results.add(found, of: requests[i].file)
            }
        }
        return results.all
    }

    /// Results from the worker threads, behind an NSLock (ThreadSanitizer sees pthread mutexes).
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var byFile: [String: [String: Commit]] = [:]
        func add(_ found: [String: Commit], of file: String) { lock.withLock { byFile[file] = found } }
        var all: [String: [String: Commit]] { lock.withLock { byFile } }
    }
}
