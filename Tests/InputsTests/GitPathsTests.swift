import Foundation
import Testing
import TestSupport
@testable import Inputs

/// The files a change writes (path-only rules judge them, binary ones included), and blobs.
@Suite struct GitPathsTests {
    let a = String(repeating: "a", count: 40), b = String(repeating: "b", count: 40), z = String(repeating: "0", count: 40)

    @Test func parsesRawRecordsWithRenamesAndCommits() {
        let raw = "\u{1}commit 1234\u{1F}Ann\u{1F}ann@x\u{1F}2024-03-01T12:00:00Z\0\n"
            + ":100644 100644 \(a) \(b) R100\0old/k.p12\0new/k.p12\0"
            + ":000000 120000 \(z) \(a) A\0link.p12\0"            // a symbolic link: not a file
            + ":000000 160000 \(z) \(a) A\0vendor/sub\0"          // a submodule
            + ":000000 100755 \(z) \(b) A\0bin/run.sh\0"
            + "\u{1}commit 5678\u{1F}Bob\u{1F}bob@x\u{1F}2024-03-02T12:00:00Z\0\n"
            + ":100644 100644 \(a) \(b) M\0config/master.key\0"
        let files = GitPaths.parse(Array(raw.utf8))
        #expect(files.map(\.path) == ["new/k.p12", "bin/run.sh", "config/master.key"])
        #expect(files.map(\.oid) == [b, b, b])
        #expect(files.map { $0.commit?.author } == ["Ann", "Ann", "Bob"])
        #expect(files[2].commit?.sha == "5678")
        // Staged: no commit headers; a truncated record is dropped.
        let staged = GitPaths.parse(Array(":000000 100644 \(z) \(a) A\0x.jks\0:000000 100644 \(z) \(b) A\0".utf8))
        #expect(staged == [GitPaths.ChangedFile(path: "x.jks", oid: a, commit: nil)])
    }

    @Test func listsStagedAndCommittedFilesBinaryOnesIncludedAndReadsSmallBlobs() throws {
        let d = try TempDir()
        func git(_ args: String...) throws {
            let r = try Program.run("/usr/bin/env", ["git", "-c", "user.name=Ann", "-c", "user.email=ann@x", "-c", "commit.gpgsign=false"] + args,
                                    cwd: d.path, environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": d.path, "GIT_CONFIG_NOSYSTEM": "1"])
            try #require(r.status == 0, "git \(args): \(r.stderr)")
        }
        try git("init", "-q")
        var store = Data([0x30, 0x82, 0x00, 0x00])
        store.append(Data(repeating: 0xA5, count: 300))
        try d.write("certs/server.p12", store)
        try d.write("big.bin", Data(repeating: 0x42, count: 5000))
        try d.write("notes.txt", "hello\n")
        try git("add", ".")
        let staged = try GitPaths.staged(repository: d.path)
        #expect(staged.map(\.path) == ["big.bin", "certs/server.p12", "notes.txt"])
        let blobs = try GitPaths.blobs(staged.map(\.oid), repository: d.path, readLimit: 1000)
        let p12 = try #require(blobs[staged[1].oid])
        #expect(p12.size == 304 && p12.bytes == Array(store))
        #expect(blobs[staged[0].oid]?.size == 5000 && blobs[staged[0].oid]?.bytes == nil, "over the read limit: size only")
        try git("commit", "-qm", "one")
        try git("mv", "certs/server.p12", "certs/renamed.p12")
        try git("commit", "-qm", "two")
        let range = try GitPaths.range("HEAD~1..HEAD", repository: d.path)
        #expect(range.map(\.path) == ["certs/renamed.p12"])
        #expect(range.first?.commit?.author == "Ann")
        #expect(throws: GitError.self) { try GitPaths.range("--all", repository: d.path) }
    }
}
