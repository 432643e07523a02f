import Foundation
import Testing
import TestSupport
@testable import Triage

/// A real repository in a temporary folder, with commits at fixed dates by fixed authors.
final class FixtureRepo {
    let dir: TempDir
    var path: String { dir.path }

    init() throws {
        dir = try TempDir()
        try git(["init", "-q"])
    }

    /// Runs git in the repository, isolated from the user's and system's configuration.
    @discardableResult
    func git(_ arguments: [String], author: (String, String)? = nil, date: String? = nil) throws -> String {
        var env = ["GIT_CONFIG_NOSYSTEM": "1", "HOME": path, "GIT_CONFIG_GLOBAL": "/dev/null"]
        if let (name, email) = author {
            env["GIT_AUTHOR_NAME"] = name; env["GIT_AUTHOR_EMAIL"] = email
            env["GIT_COMMITTER_NAME"] = name; env["GIT_COMMITTER_EMAIL"] = email
        }
        if let date { env["GIT_AUTHOR_DATE"] = date; env["GIT_COMMITTER_DATE"] = date }
        let run = try H.run("/usr/bin/env", ["git", "-c", "commit.gpgsign=false", "-c", "core.hooksPath=/dev/null"] + arguments,
                            cwd: path, environment: env)
        guard run.status == 0 else { throw FixtureError(message: "git \(arguments): \(run.stderr)") }
        return run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Writes `text` to `file` and commits it.
    func commit(_ file: String, _ text: String, author: (String, String), date: String) throws -> String {
        try dir.write(file, text)
        try git(["add", "--", file])
        try git(["commit", "-q", "-m", "change \(file)"], author: author, date: date)
        return try git(["rev-parse", "HEAD"])
    }

    struct FixtureError: Error { let message: String }
}

@Suite(.enabled(if: H.which("git") != nil, "git is needed for blame tests"))
struct GitBlameTests {
    static let alice = ("Alice Example", "alice@example.com")
    static let bob = ("Bob Ødegård", "bob@example.org")

    @Test func blamesCommittedAndUncommittedLines() throws {
        let repo = try FixtureRepo()
        let first = try repo.commit("config/app.env", "A=1\nKEY=secret\nC=3\nD=4\n", author: Self.alice, date: "2024-03-01T12:00:00Z")
        let second = try repo.commit("config/app.env", "A=1\nKEY=rotated\nC=3\nD=4\n", author: Self.bob, date: "2024-06-15T08:30:00+02:00")
        try repo.dir.write("config/app.env", "A=1\nKEY=rotated\nC=changed\nD=4\n")   // line 3 not committed

        let blame = try GitBlame.blame(repository: repo.path, file: "config/app.env", lines: [1, 2, 3, 4, 2, 99])
        #expect(blame.keys.sorted() == [1, 2, 3, 4])   // duplicates merged, line 99 past the end dropped

        let l1 = try #require(blame[1])
        #expect(l1.commit == first)
        #expect(l1.author == "Alice Example")
        #expect(l1.email == "alice@example.com")
        #expect(l1.authorTime == 1_709_294_400)
        #expect(l1.date == "2024-03-01T12:00:00Z")
        #expect(l1.committed)

        let l2 = try #require(blame[2])
        #expect(l2.commit == second)
        #expect(l2.author == "Bob Ødegård")
        #expect(l2.email == "bob@example.org")
        #expect(l2.date == "2024-06-15T08:30:00+02:00")
        #expect(l2.authorTime == 1_718_433_000)
        #expect(l2.committed)

        let l3 = try #require(blame[3])
        #expect(!l3.committed)
        #expect(l3.commit == String(repeating: "0", count: 40))

        #expect(blame[4]?.commit == first)   // the same commit seen again: fields reused
        #expect(l1.ageDays(now: H.now) == 100)
        #expect(l3.ageDays(now: H.now) == 0)
    }

    @Test func untrackedFilesAreUncommitted() throws {
        let repo = try FixtureRepo()
        _ = try repo.commit("a.txt", "x\n", author: Self.alice, date: "2024-03-01T12:00:00Z")
        try repo.dir.write("new.env", "TOKEN=abc\nOTHER=1\n")
        let blame = try GitBlame.blame(repository: repo.path, file: "new.env", lines: [1, 2])
        #expect(blame.count == 2)
        #expect(blame.values.allSatisfy { !$0.committed })
        #expect(!GitBlame.isTracked(repository: repo.path, file: "new.env"))
        #expect(GitBlame.isTracked(repository: repo.path, file: "a.txt"))
    }

    @Test func blameOutsideARepositoryThrows() throws {
        let dir = try TempDir()
        try dir.write("f.txt", "x\n")
        #expect(throws: (any Error).self) { try GitBlame.blame(repository: dir.path, file: "f.txt", lines: [1]) }
        #expect(GitBlame.repositoryRoot(for: dir.path + "/f.txt") == nil)
    }

    @Test func repositoryRootFromFileOrFolder() throws {
        let repo = try FixtureRepo()
        _ = try repo.commit("sub/dir/a.txt", "x\n", author: Self.alice, date: "2024-03-01T12:00:00Z")
        let root = try #require(GitBlame.repositoryRoot(for: repo.path + "/sub/dir/a.txt"))
        // Compare real paths: /tmp may be a symbolic link.
        #expect(URL(fileURLWithPath: root).resolvingSymlinksInPath().path == URL(fileURLWithPath: repo.path).resolvingSymlinksInPath().path)
        #expect(GitBlame.repositoryRoot(for: repo.path + "/sub") == root)
    }

    @Test func blameAllRunsFilesInParallel() throws {
        let repo = try FixtureRepo()
        var shas: [String: String] = [:]
        for i in 0..<12 {
            shas["f\(i).txt"] = try repo.commit("f\(i).txt", (0..<20).map { "line \($0) of \(i)" }.joined(separator: "\n") + "\n",
                                                author: i % 2 == 0 ? Self.alice : Self.bob,
                                                date: "2024-03-\(String(format: "%02d", i + 1))T12:00:00Z")
        }
        let requests = (0..<12).map { (file: "f\($0).txt", lines: [1, 5, 6, 7, 20]) }
            + [(file: "missing.txt", lines: [1])]
        let all = GitBlame.blameAll(repository: repo.path, requests: requests, threads: 4)
        #expect(all.count == 12)   // the missing file is left out
        for i in 0..<12 {
            let file = "f\(i).txt"
            #expect(all[file]?.keys.sorted() == [1, 5, 6, 7, 20])
            #expect(all[file]?[6]?.commit == shas[file])
            #expect(all[file]?[6]?.date == "2024-03-\(String(format: "%02d", i + 1))T12:00:00Z")
        }
        #expect(GitBlame.blameAll(repository: repo.path, requests: [], threads: 4).isEmpty)
    }

    @Test func rangesGroupConsecutiveLines() {
        #expect(GitBlame.ranges([1, 2, 3, 7, 9, 10]) == [1...3, 7...7, 9...10])
        #expect(GitBlame.ranges([]) == [])
    }

    @Test func porcelainParsing() {
        let sha = String(repeating: "ab", count: 20)
        let text = """
        \(sha) 3 5 2
        author Carol
        author-mail <carol@example.net>
        author-time 1700000000
        author-tz -0500
        committer Carol
        summary x
        filename a.txt
        \tfirst
        \(sha) 4 6
        \tsecond

        """
        let parsed = BlamePorcelain.parse(Array(text.utf8))
        #expect(parsed[5]?.email == "carol@example.net")
        #expect(parsed[6]?.author == "Carol")
        #expect(parsed[6]?.date == "2023-11-14T17:13:20-05:00")
    }
}
