import Foundation
import Testing
import TestSupport

/// Issue 11, "a large baseline costs 50x its size": a 100 MB baseline took 5.1 GB (the whole
/// report parsed by JSONSerialization). It is now read as a stream of fingerprints.
@Suite struct BaselineMemoryTests {
    /// Peak resident memory (KiB) of one run of the binary, from `wait4`: exact for that child,
    /// whatever other tests run beside it.
    static func peakKiB(_ arguments: [String]) throws -> (status: Int32, kib: Int) {
        let path = CLI.binary.path
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, path, &actions, nil, argv, environ)
        try #require(rc == 0, "spawn failed: \(rc)")
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : -1
        return (exit, Int(usage.ru_maxrss))
    }

    @Test func aLargeBaselineIsReadInMemoryFarBelowItsSize() throws {
        let d = try TempDir()
        try d.write("src/a.txt", "nothing to see\n")
        // About 40 MB: 40,000 findings of about 1 KB, as a JSON report writes them.
        let path = d.path + "/baseline.json"
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.write(contentsOf: Data("{\n  \"findings\" : [\n".utf8))
        let filler = String(repeating: "x", count: 900)
        let count = 40_000
        for batch in stride(from: 0, to: count, by: 100) {
            var block = ""
            for n in batch..<batch + 100 {
                block += "    {\n      \"rule\" : \"generic-api-key\",\n      \"file\" : \"src/f\(n).env\",\n"
                    + "      \"context\" : \"\(filler)\",\n      \"line\" : \(n + 1),\n"
                    + "      \"fingerprint\" : \"\(String(format: "%032x", n))\"\n    }\(n == count - 1 ? "" : ",")\n"
            }
            try handle.write(contentsOf: Data(block.utf8))
        }
        try handle.write(contentsOf: Data("  ],\n  \"summary\" : { \"complete\" : true }\n}\n".utf8))
        try handle.close()
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(size > 30_000_000)
        let empty = try d.write("empty.json", "{\"findings\": []}\n")

        let without = try Self.peakKiB(["scan", d.path + "/src", "--no-git", "--format", "json", "--baseline", empty])
        let with = try Self.peakKiB(["scan", d.path + "/src", "--no-git", "--format", "json", "--baseline", path])
        #expect(without.status == 0 && with.status == 0)
        // The baseline may cost at most its own size (the promise is 2x); its 40,000
        // fingerprints need a few MB.
        let extra = (with.kib - without.kib) * 1024
        #expect(extra < size, "the baseline cost \(extra) bytes for a \(size)-byte file")
    }
}
