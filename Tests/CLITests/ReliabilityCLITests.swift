import Foundation
import Testing
import TestSupport

/// Bad input: a clear message, the scan goes on, nothing lost.
@Suite struct ReliabilityCLITests {
    func json(_ r: CLI.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], "not JSON: \(r.stdout.prefix(200))")
    }

    func findings(_ obj: [String: Any]) -> [[String: Any]] { obj["findings"] as? [[String: Any]] ?? [] }
    func summary(_ obj: [String: Any]) -> [String: Any] { obj["summary"] as? [String: Any] ?? [:] }

    @Test func fifosSocketsAndDevicesNeverBlock() throws {
        let d = try TempDir()
        try d.write("a.env", "AWS_ACCESS_KEY_ID=\(FakeKeys.awsAccessKeyID())\n")
        #expect(mkfifo(d.path + "/pipe", 0o644) == 0)
        // A Unix socket.
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        let path = d.path + "/sock"
        withUnsafeMutableBytes(of: &addr.sun_path) { buf in
            for (i, b) in path.utf8.prefix(buf.count - 1).enumerated() { buf[i] = b }
        }
        let bound = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        #expect(bound == 0)
        defer { close(fd) }
        // A device node, where the sandbox allows one.
        let device = mknod(d.path + "/null", S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0
        // A symlink to a FIFO, followed.
        try FileManager.default.createSymbolicLink(atPath: d.path + "/link-to-pipe", withDestinationPath: d.path + "/pipe")
        for extra in [[], ["--follow-symlinks"]] {
            let r = try CLI.run(["scan", d.path, "--format", "json", "--no-git"] + extra, timeout: 20)
            #expect(r.status == 1, "\(r.stderr)")
            let s = summary(try json(r))
            let skipped = s["filesSkipped"] as? [String: Int] ?? [:]
            #expect(findings(try json(r)).count == 1)
            #expect((skipped["special"] ?? 0) >= (extra.isEmpty ? 2 : 3) + (device ? 1 : 0) - (extra.isEmpty ? 0 : 0))
        }
    }

    @Test func symlinkLoopsAndLinksOutsideTheTree() throws {
        let outside = try TempDir()
        try outside.write("secret.env", "AWS_ACCESS_KEY_ID=\(FakeKeys.awsAccessKeyID())\n")
        let d = try TempDir()
        try d.write("src/app.env", "AWS_ACCESS_KEY_ID=\(FakeKeys.awsAccessKeyID())\n")
        try FileManager.default.createSymbolicLink(atPath: d.path + "/src/loop", withDestinationPath: d.path)
        try FileManager.default.createSymbolicLink(atPath: d.path + "/out", withDestinationPath: outside.path)
        try FileManager.default.createSymbolicLink(atPath: d.path + "/dangling", withDestinationPath: d.path + "/nope")
        let r = try CLI.run(["scan", d.path, "--format", "json", "--follow-symlinks", "--no-git"], timeout: 20)
        let obj = try json(r)
        #expect(findings(obj).map { $0["file"] as? String } == [d.path + "/src/app.env"])
        #expect(r.stderr.contains("symlink-loop"))
    }

    @Test func unreadableFilesAreWarnedCountedAndStrictExitsThree() throws {
        let setpriv = URL(fileURLWithPath: "/usr/bin/setpriv")
        try #require(FileManager.default.isExecutableFile(atPath: setpriv.path), "setpriv (util-linux) is needed to drop root")
        let d = try TempDir()
        chmod(d.path, 0o755)
        try d.write("ok.env", "AWS_ACCESS_KEY_ID=\(FakeKeys.awsAccessKeyID())\n")
        try d.write("locked.env", "AWS_ACCESS_KEY_ID=\(FakeKeys.awsAccessKeyID())\n")
        try d.write("closed/inner.env", "x\n")
        chmod(d.path + "/locked.env", 0o000)
        chmod(d.path + "/closed", 0o000)
        chmod(d.path + "/ok.env", 0o644)
        let asNobody = ["--reuid=65534", "--regid=65534", "--clear-groups", CLI.binary.path]
        let r = try CLI.run(asNobody + ["scan", d.path, "--format", "json", "--no-git"], executable: setpriv)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("locked.env"))
        #expect(r.stderr.contains("closed"))
        let s = summary(try json(r))
        #expect((s["filesSkipped"] as? [String: Int])?["unreadable"] == 2)
        #expect(s["complete"] as? Bool == false)
        #expect(findings(try json(r)).count == 1)
        let strict = try CLI.run(asNobody + ["scan", d.path, "--format", "json", "--no-git", "--strict"], executable: setpriv)
        #expect(strict.status == 3)
        #expect(findings(try json(strict)).count == 1)
    }

    @Test func oddEncodingsAndLineEndings() throws {
        let d = try TempDir()
        let k1 = FakeKeys.awsAccessKeyID(), k2 = FakeKeys.awsAccessKeyID(), k3 = FakeKeys.awsAccessKeyID()
        // Invalid UTF-8 before the secret; a NUL byte after the first 8 KiB (still text).
        var bytes = Data([0xC3, 0x28, 0xFF, 0x0A]) + Data("id=\(k1)\n".utf8)
        bytes += Data(repeating: 0x61, count: 9000) + Data([0x0A, 0x00, 0x0A]) + Data("id=\(k2)\n".utf8)
        try d.write("mixed.txt", bytes)
        var utf16 = Data([0xFF, 0xFE])
        for u in "line one\r\nAWS_ACCESS_KEY_ID=\(k3)\r\n".utf16 { utf16.append(UInt8(u & 0xFF)); utf16.append(UInt8(u >> 8)) }
        try d.write("win.reg", utf16)
        let r = try CLI.run(["scan", d.path, "--format", "json", "--no-git"])
        let got = findings(try json(r)).map { "\(($0["file"] as? String ?? "").split(separator: "/").last!):\($0["line"]!)" }
        #expect(got == ["mixed.txt:2", "mixed.txt:5", "win.reg:2"])
    }

    @Test func manyFilesDeepTreesAndStrangeNames() throws {
        let d = try TempDir()
        // 100,000 small files.
        let content = Data("hello world\n".utf8)
        for i in 0..<100 {
            let dir = d.url.appendingPathComponent("many/\(i)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            for j in 0..<1000 { FileManager.default.createFile(atPath: dir.appendingPathComponent("f\(j).txt").path, contents: content) }
        }
        // A tree 200 folders deep with a secret at the bottom.
        let deep = (0..<200).map { "d\($0)" }.joined(separator: "/")
        try d.write(deep + "/deep.env", "AWS_ACCESS_KEY_ID=\(FakeKeys.awsAccessKeyID())\n")
        // Names with spaces, a newline and bytes that are not UTF-8.
        try d.write("with space/a b.env", "AWS_ACCESS_KEY_ID=\(FakeKeys.awsAccessKeyID())\n")
        try d.write("new\nline.env", "AWS_ACCESS_KEY_ID=\(FakeKeys.awsAccessKeyID())\n")
        let raw = d.path + "/bad-\u{FFFD}"
        _ = raw
        let badName: [CChar] = Array((d.path + "/bad-").utf8CString.dropLast()) + [CChar(bitPattern: 0xFF), CChar(bitPattern: 0xFE)] + Array(".env".utf8CString)
        let fd = open(badName, O_CREAT | O_WRONLY, 0o644)
        #expect(fd >= 0)
        let text = Array("AWS_ACCESS_KEY_ID=\(FakeKeys.awsAccessKeyID())\n".utf8)
        _ = write(fd, text, text.count)
        close(fd)
        let r = try CLI.run(["scan", d.path, "--format", "json", "--no-git"], timeout: 300)
        let obj = try json(r)
        #expect(summary(obj)["filesScanned"] as? Int == 100_004)
        let files = findings(obj).compactMap { $0["file"] as? String }
        #expect(files.count == 4)
        #expect(files.contains(d.path + "/" + deep + "/deep.env"))
        #expect(files.contains(d.path + "/with space/a b.env"))
        #expect(files.contains(d.path + "/new\nline.env"))
        #expect(files.contains(d.path + "/bad-\\xFF\\xFE.env"))   // the bytes, escaped: each such name its own path
    }

    @Test func aCatastrophicUserRuleCannotHangTheScan() throws {
        let d = try TempDir()
        let rule = try d.write("rules/evil.toml", RuleText.rule(regex: "(?<secret>(a+)+$)"))
        try d.write("src/long.txt", String(repeating: "a", count: 4000) + "!\n")
        try d.write("src/key.env", "AWS_ACCESS_KEY_ID=\(FakeKeys.awsAccessKeyID())\n")
        let r = try CLI.run(["scan", d.path + "/src", "--rules", rule, "--format", "json", "--no-git"], timeout: 60)
        #expect(r.status == 1)
        #expect(r.stderr.contains("long.txt: partially scanned: rule 'evil'"))
        let obj = try json(r)
        #expect(findings(obj).count == 1)
        #expect(summary(obj)["complete"] as? Bool == false)
        let strict = try CLI.run(["scan", d.path + "/src", "--rules", rule, "--strict", "--no-git"], timeout: 60)
        #expect(strict.status == 3)
    }

    @Test func ctrlCStopsWithinASecondAndKeepsValidOutput() throws {
        let d = try TempDir()
        // Enough work that the scan is still running when interrupted.
        let line = String(repeating: "password = \"Zq8Lm3Xv9Tr2Wk5\" token=abc secret: x api_key\n", count: 400)
        for i in 0..<40 {
            let dir = d.url.appendingPathComponent("t/\(i)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            for j in 0..<250 { FileManager.default.createFile(atPath: dir.appendingPathComponent("f\(j).py").path, contents: Data(line.utf8)) }
        }
        let out = d.path + "/out.json"
        let r = try CLI.run(["scan", d.path + "/t", "--format", "json", "--output", out, "--threads", "1", "--no-git"],
                            timeout: 120, interruptAfter: 0.5)
        #expect(r.status == 130, "finished before the interrupt? \(r.stderr.suffix(200))")
        #expect((r.secondsToStop ?? 99) < 1.0)
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any])
        #expect(summary(obj)["complete"] as? Bool == false)
        #expect((summary(obj)["filesScanned"] as? Int ?? 0) < 10_000)
    }

    /// Issue 11, "Ctrl-C inside one large file": the worker stopped matching after SIGINT but
    /// still read (and decoded) the file to its end. A UTF-16 text file of 320 MB (not binary,
    /// and slow to decode, so reading its rest takes seconds) must stop within a second.
    @Test func ctrlCInsideOneLargeFileStopsBetweenChunks() throws {
        let d = try TempDir()
        let path = d.path + "/big-utf16.txt"
        FileManager.default.createFile(atPath: path, contents: Data([0xFF, 0xFE]))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        let line = "token = not-a-secret value, just some text to read and decode\n"
        let block = Data(String(repeating: line, count: (1 << 20) / line.utf16.count / 2).utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        for _ in 0..<320 { try handle.write(contentsOf: block) }
        try handle.close()
        let out = d.path + "/out.json"
        let r = try CLI.run(["scan", path, "--format", "json", "--output", out, "--threads", "1", "--no-git",
                             "--max-file-size", "1G"], timeout: 300, interruptAfter: 1.5)
        #expect(r.status == 130, "finished before the interrupt? \(r.stderr.suffix(200))")
        #expect((r.secondsToStop ?? 99) < 1.0, "took \(r.secondsToStop ?? -1) s to stop")
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any])
        #expect(summary(obj)["complete"] as? Bool == false)
        #expect(r.stderr.contains("interrupted part way"))
    }

    @Test func reportFilesArePrivate() throws {
        let d = try TempDir()
        try d.write("a.env", "AWS_ACCESS_KEY_ID=\(FakeKeys.awsAccessKeyID())\n")
        for (flag, file) in [("--output", "r.json"), ("--write-baseline", "b.json")] {
            _ = try CLI.run(["scan", d.path + "/a.env", flag, d.path + "/" + file, "--no-git"])
            let attrs = try FileManager.default.attributesOfItem(atPath: d.path + "/" + file)
            #expect((attrs[.posixPermissions] as? Int) == 0o600, "\(file)")
        }
    }
}
