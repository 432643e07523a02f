import Foundation
import Testing
import TestSupport
@testable import Inputs

@Suite struct WalkerTests {
    func walk(_ dir: TempDir, _ options: WalkOptions? = nil) -> (files: [String], skips: [String: SkipReason]) {
        var files: [String] = []
        var skips: [String: SkipReason] = [:]
        let opts = options ?? WalkOptions(roots: [dir.path])
        Walker(options: opts).walk(file: { files.append($0.displayPath) }, skip: { skips[$0.displayPath] = $0.reason })
        let prefix = dir.path + "/"
        return (files.map { $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : $0 }.sorted(),
                Dictionary(uniqueKeysWithValues: skips.map { ($0.key.hasPrefix(prefix) ? String($0.key.dropFirst(prefix.count)) : $0.key, $0.value) }))
    }

    @Test func honoursNestedGitignoreIgnoreAndInfoExclude() throws {
        let d = try TempDir()
        try d.mkdir(".git/info")
        try d.write(".git/info/exclude", "excluded-by-info.txt\n")
        try d.write(".git/config", "[core]\n")
        try d.write(".gitignore", "*.log\nbuild/\n")
        try d.write(".ignore", "ignored-by-dot-ignore.txt\n")
        try d.write("svc/.gitignore", "/local.env\n!keep.log\n")
        for f in ["app.py", "x.log", "build/out.txt", "excluded-by-info.txt", "ignored-by-dot-ignore.txt",
                  "svc/local.env", "svc/.env", "svc/keep.log", "svc/deep/local.env"] {
            try d.write(f, "x\n")
        }
        let (files, skips) = walk(d)
        #expect(files == [".gitignore", ".ignore", "app.py", "svc/.env", "svc/.gitignore", "svc/deep/local.env", "svc/keep.log"])
        #expect(skips["x.log"] == .ignored)
        #expect(skips["build/"] == .ignored)
        #expect(skips["svc/local.env"] == .ignored)
        #expect(skips["excluded-by-info.txt"] == .ignored)
        #expect(!files.contains { $0.hasPrefix(".git/") })
    }

    @Test func noIgnoreScansEverythingButDotGit() throws {
        let d = try TempDir()
        try d.write(".gitignore", "*.log\n")
        try d.write("a.log", "x")
        try d.write(".git/HEAD", "ref: x")
        let (files, _) = walk(d, WalkOptions(roots: [d.path], honorIgnoreFiles: false))
        #expect(files == [".gitignore", "a.log"])
    }

    @Test func excludeGlobs() throws {
        let d = try TempDir()
        try d.write("vendor/lib.js", "x")
        try d.write("src/app.test.js", "x")
        try d.write("src/app.js", "x")
        let (files, skips) = walk(d, WalkOptions(roots: [d.path], excludes: ["vendor/", "*.test.js"]))
        #expect(files == ["src/app.js"])
        #expect(skips["vendor/"] == .excluded)
        #expect(skips["src/app.test.js"] == .excluded)
    }

    @Test func symlinksAreNotFollowedUnlessAsked() throws {
        let d = try TempDir()
        try d.write("real/a.txt", "x")
        try FileManager.default.createSymbolicLink(atPath: d.path + "/link", withDestinationPath: d.path + "/real")
        try FileManager.default.createSymbolicLink(atPath: d.path + "/real/loop", withDestinationPath: d.path)
        let (files, skips) = walk(d)
        #expect(files == ["real/a.txt"])
        #expect(skips["link"] == .symlink)
        let followed = walk(d, WalkOptions(roots: [d.path], followSymlinks: true))
        #expect(followed.files == ["link/a.txt", "real/a.txt"])
        #expect(followed.skips.values.contains(.symlinkLoop))
    }

    @Test func fifosAreSkippedWithoutOpening() throws {
        let d = try TempDir()
        try d.write("a.txt", "x")
        #expect(mkfifo(d.path + "/pipe", 0o600) == 0)
        let (files, skips) = walk(d)
        #expect(files == ["a.txt"])
        #expect(skips["pipe"] == .special)
    }

    @Test func displayPathsFollowTheRootArgument() throws {
        let d = try TempDir()
        try d.write("services/app/.env", "x")
        var files: [String] = []
        // The working folder is the whole test process's: put it back before the folder goes.
        let previous = FileManager.default.currentDirectoryPath
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        FileManager.default.changeCurrentDirectoryPath(d.path)
        Walker(options: WalkOptions(roots: ["."])).walk(file: { files.append($0.displayPath) }, skip: { _ in })
        #expect(files == ["services/app/.env"])
        files = []
        Walker(options: WalkOptions(roots: ["services/"])).walk(file: { files.append($0.displayPath) }, skip: { _ in })
        #expect(files == ["services/app/.env"])
    }

    @Test func binaryExtensionsAreSkipped() throws {
        let d = try TempDir()
        try d.write("logo.PNG", "x")
        try d.write("a.txt", "x")
        let (files, skips) = walk(d)
        #expect(files == ["a.txt"])
        #expect(skips["logo.PNG"] == .binary)
    }

    @Test func aBinarySkipCarriesItsEntryForPathRules() throws {
        let d = try TempDir()
        try d.write("certs/store.bin", "x")
        try d.write("vendor/lib.bin", "x")
        var entries: [String] = [], others = 0
        Walker(options: WalkOptions(roots: [d.path], excludes: ["vendor/"])).walk(file: { _ in }, skip: { s in
            if let e = s.entry { entries.append(e.rootRelativePath) } else { others += 1 }
        })
        #expect(entries == ["certs/store.bin"])
        #expect(others == 1, "the excluded folder has no entry")
    }
}

@Suite struct FileReaderTests {
    func read(_ data: Data, max: Int = 1 << 20) throws -> String {
        let d = try TempDir()
        let path = try d.write("f", data)
        let reader = FileReader(maxFileSize: max)
        switch reader.read(FileEntry(path: Array(path.utf8), displayPath: "f")) {
        case .content(let b): return "content:" + String(decoding: b, as: UTF8.self)
        case .skipped(let r, _): return "skipped:" + r.rawValue
        case .large(let f): return "large:\(f.size)"
        }
    }

    @Test func nulByteMeansBinary() throws {
        #expect(try read(Data([0x41, 0x00, 0x42])) == "skipped:binary")
        #expect(try read(Data("plain".utf8)) == "content:plain")
    }

    @Test func sizeLimit() throws {
        #expect(try read(Data(repeating: 0x41, count: 100), max: 99) == "skipped:too-large")
        #expect(try read(Data(repeating: 0x41, count: 99), max: 99).hasPrefix("content:"))
    }

    @Test func utf16WithBOMIsDecoded() throws {
        var le = Data([0xFF, 0xFE])
        for u in "key=AKIA\n".utf16 { le.append(UInt8(u & 0xFF)); le.append(UInt8(u >> 8)) }
        #expect(try read(le) == "content:key=AKIA\n")
        var be = Data([0xFE, 0xFF])
        for u in "é".utf16 { be.append(UInt8(u >> 8)); be.append(UInt8(u & 0xFF)) }
        #expect(try read(be) == "content:é")
    }

    @Test func unreadableFileIsReported() throws {
        let reader = FileReader(maxFileSize: 100)
        guard case .skipped(.unreadable, let message) = reader.read(FileEntry(path: Array("/nonexistent/x".utf8), displayPath: "x")) else {
            Issue.record("expected unreadable"); return
        }
        #expect(message != nil)
    }
}

@Suite struct EnclosingRepositoryTests {
    @Test func ignoreFilesAboveTheRootApplyInsideARepository() throws {
        let d = try TempDir()
        try d.mkdir(".git/info")
        try d.write(".git/info/exclude", "from-exclude.txt\n")
        try d.write(".gitignore", "*.log\n/svc/app/top-anchored.txt\n")
        try d.write("svc/.gitignore", "app/generated/\n")
        for f in ["svc/app/a.py", "svc/app/b.log", "svc/app/top-anchored.txt", "svc/app/generated/x.py", "svc/app/from-exclude.txt"] {
            try d.write(f, "x\n")
        }
        var files: [String] = []
        Walker(options: WalkOptions(roots: [d.path + "/svc/app"])).walk(file: { files.append($0.displayPath) }, skip: { _ in })
        #expect(files == [d.path + "/svc/app/a.py"])
        files = []
        Walker(options: WalkOptions(roots: [d.path + "/svc/app"], honorIgnoreFiles: false)).walk(file: { files.append($0.displayPath) }, skip: { _ in })
        #expect(files.count == 5)
    }
}
