import Foundation
import Synchronization

/// Ages and authors of the lines that hold findings, from `git blame`, with one git process per
/// file and files blamed in parallel.
public enum GitBlame {
    /// Blame of `lines` (1-based) of `file` (relative to `repository`, or absolute inside it). Lines
    /// changed in the working tree, and all lines of a file git does not track, come back with
    /// `committed: false`. Throws when git fails otherwise (a line past the end, not a repository).
    public static func blame(repository: String, file: String, lines: [Int]) throws -> [Int: BlameInfo] {
        var wanted = Array(Set(lines.filter { $0 > 0 })).sorted()
        let path = file.hasPrefix("/") ? file : (repository as NSString).appendingPathComponent(file)
        if let count = lineCount(path) { wanted = wanted.filter { $0 <= count } }   // git rejects lines past the end
        guard !wanted.isEmpty else { return [:] }
        var arguments = ["-C", repository, "blame", "--porcelain"]
        for range in ranges(wanted) { arguments += ["-L", "\(range.lowerBound),\(range.upperBound)"] }
        arguments += ["--", file]
        let output = try GitProcess.run(arguments)
        guard output.succeeded else {
            if FileManager.default.fileExists(atPath: path), repositoryRoot(for: repository) != nil,
               !isTracked(repository: repository, file: file) {
                let record = BlameInfo.uncommitted()
                return Dictionary(uniqueKeysWithValues: wanted.map { ($0, record) })
            }
            throw GitProcess.Failure(arguments: arguments, message: output.message)
        }
        let wantedSet = Set(wanted)
        return BlamePorcelain.parse(Array(output.stdout)).filter { wantedSet.contains($0.key) }
    }

    /// `blame` for many files, at most `threads` git processes at a time. Files whose blame fails are
    /// left out of the result, which is keyed by the file as given.
    public static func blameAll(repository: String, requests: [(file: String, lines: [Int])],
                                threads: Int) -> [String: [Int: BlameInfo]] {
        guard !requests.isEmpty else { return [:] }
        let workers = max(1, min(threads, requests.count))
        let next = Atomic<Int>(0)
        let results = BlameResults()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard i < requests.count else { return }
                let request = requests[i]
                guard let blamed = try? blame(repository: repository, file: request.file, lines: request.lines) else { continue }
                results.add(blamed, of: request.file)
            }
        }
        return results.all
    }

    /// Blames collected from the worker threads, behind an NSLock (a pthread mutex that
    /// ThreadSanitizer sees; `Synchronization.Mutex` is a futex it cannot, and it reported races).
    private final class BlameResults: @unchecked Sendable {
        private let lock = NSLock()
        private var byFile: [String: [Int: BlameInfo]] = [:]

        func add(_ blamed: [Int: BlameInfo], of file: String) {
            lock.withLock { byFile[file, default: [:]].merge(blamed) { _, new in new } }
        }

        var all: [String: [Int: BlameInfo]] { lock.withLock { byFile } }
    }

    /// The top folder of the work tree holding `path` (a file or folder), or nil outside git.
    public static func repositoryRoot(for path: String) -> String? {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        let folder = exists && isFolder.boolValue ? path : (path as NSString).deletingLastPathComponent
        guard let output = try? GitProcess.run(["-C", folder.isEmpty ? "." : folder, "rev-parse", "--show-toplevel"]),
              output.succeeded else { return nil }
        let root = String(decoding: output.stdout, as: UTF8.self).trimmingCharacters(in: .newlines)
        return root.isEmpty ? nil : root
    }

    /// Whether git tracks `file` in `repository` (it is in the index).
    public static func isTracked(repository: String, file: String) -> Bool {
        guard let output = try? GitProcess.run(["-C", repository, "ls-files", "--error-unmatch", "--", file]) else { return false }
        return output.succeeded
    }

    /// Lines of a file as git counts them (`\n`-terminated, plus an unterminated last line), or nil
    /// when the file cannot be read.
    static func lineCount(_ path: String) -> Int? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let breaks = data.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        return breaks + (data.last.map { $0 == UInt8(ascii: "\n") ? 0 : 1 } ?? 0)
    }

    /// Sorted line numbers grouped into runs of consecutive lines, one `-L` each.
    static func ranges(_ sorted: [Int]) -> [ClosedRange<Int>] {
        var out: [ClosedRange<Int>] = []
        for n in sorted {
            if let last = out.last, last.upperBound + 1 == n {
                out[out.count - 1] = last.lowerBound...n
            } else {
                out.append(n...n)
            }
        }
        return out
    }
}
