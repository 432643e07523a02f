import Foundation
import Testing
import TestSupport

/// The progress line shows on a terminal (a pseudo-terminal from util-linux `script`) and
/// never when stderr is not one, nor with --quiet.
@Suite struct ProgressTests {
    func tree() throws -> TempDir {
        let d = try TempDir()
        // Keyword hits (work for the matcher) but no findings.
        let line = String(repeating: "token=abc secret: x api_key password: none\n", count: 100)
        for i in 0..<10 {
            let dir = d.url.appendingPathComponent("t/\(i)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            for j in 0..<300 { FileManager.default.createFile(atPath: dir.appendingPathComponent("f\(j).py").path, contents: Data(line.utf8)) }
        }
        return d
    }

    func onTerminal(_ arguments: String) throws -> String {
        let script = URL(fileURLWithPath: "/usr/bin/script")
        try #require(FileManager.default.isExecutableFile(atPath: script.path), "util-linux `script` is needed for a pseudo-terminal")
        let command = "LEAKSCOPE_PROGRESS_DELAY=0 '\(CLI.binary.path)' \(arguments)"
        return try CLI.run(["-qfec", command, "/dev/null"], timeout: 120, executable: script).stdout
    }

    @Test func aProgressLineOnATerminalOnly() throws {
        let d = try tree()
        let args = "scan '\(d.path)/t' --threads 1 --no-git -o '\(d.path)/out.txt'"
        let screen = try onTerminal(args)
        #expect(screen.contains("\rscanning: "), "terminal output: \(screen.prefix(300))")
        #expect(screen.contains(" files, ") && screen.contains(" MB/s, ") && screen.contains(" findings, "))
        // The line is erased at the end.
        #expect(screen.hasSuffix("\r\u{1B}[K"))
        #expect(!(try onTerminal(args + " --quiet")).contains("scanning:"))
        // Not a terminal: nothing of it.
        let piped = try CLI.run(["scan", d.path + "/t", "--no-git", "--threads", "1"])
        #expect(!piped.stderr.contains("scanning:"))
    }
}
