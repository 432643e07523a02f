import Foundation
import Testing
import TestSupport

/// Issue 14's conventions where they are about the command line itself: `scan -` on a pipe,
/// `-c`, the `LEAKSCOPE_*` environment, the format from `-o`'s extension.
@Suite struct ConventionsCLITests {
    func sh(_ script: String, cwd: String? = nil) throws -> CLI.Result {
        try CLI.run(["-c", script], cwd: cwd, executable: URL(fileURLWithPath: "/bin/sh"))
    }

    @Test func scanDashReadsAPipe() throws {
        let bin = CLI.binary.path
        let r = try sh("printf 'x\\nKEY=%s\\n' \(FakeKeys.awsAccessKeyID()) | '\(bin)' scan -q --no-git --format jsonl --stdin-name app.env -")
        #expect(r.status == 1, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.contains(#""file":"app.env""#) == true)
        #expect(lines.first?.contains(#""line":2"#) == true)
        #expect(lines.last?.hasPrefix(#"{"summary":"#) == true)
    }

    @Test func environmentShortConfigAndOutputExtension() throws {
        let d = try TempDir()
        try d.write("src/a.env", "KEY=\(FakeKeys.awsAccessKeyID())\n")
        try d.write("ci.toml", "[scan]\nexclude = [\"src/\"]\n")
        let bin = CLI.binary.path
        // An AWS key id is high risk: failing only on critical exits 0.
        #expect(try sh("LEAKSCOPE_FAIL_ON=critical '\(bin)' scan -q --no-git .", cwd: d.path).status == 0)
        #expect(try sh("LEAKSCOPE_FAIL_ON=severe '\(bin)' scan -q --no-git .", cwd: d.path).status == 2)
        #expect(try sh("LEAKSCOPE_CONFIG=ci.toml '\(bin)' scan -q --no-git .", cwd: d.path).status == 0)
        #expect(try CLI.run(["scan", "-q", "--no-git", "-c", d.path + "/ci.toml", d.path]).status == 0)
        let out = d.path + "/out/report.sarif"
        try d.mkdir("out")
        _ = try CLI.run(["scan", "-q", "--no-git", d.path + "/src", "-o", out])
        let sarif = try String(contentsOfFile: out, encoding: .utf8)
        #expect(sarif.contains(#""version" : "2.1.0""#))
    }
}
