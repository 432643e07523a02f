import Foundation
import Testing
import TestSupport

/// Regression tests of issue 11 (reliability, round two): each is named after what went wrong.
@Suite struct ReliabilityRoundTwoTests {
    static func keyFile(_ d: TempDir) throws {
        try d.write("a.env", "KEY=\(FakeKeys.awsAccessKeyID())\n")
    }

    @Test func aMissingPathIsAnErrorNotACleanScan() throws {
        let d = try TempDir()
        let r = try CLI.run(["scan", d.path + "/nonexistent"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("nonexistent: no such file or folder"), "\(r.stderr)")
    }

    @Test func aMisspeltSubcommandIsNamed() throws {
        let d = try TempDir()
        let r = try CLI.run(["scna"], cwd: d.path)
        #expect(r.status == 2)
        #expect(r.stderr.contains("scna: no such file, folder or subcommand (did you mean 'scan'?)"), "\(r.stderr)")
    }

    @Test func stagedOutsideARepositoryIsOneLine() throws {
        let d = try TempDir()
        let r = try CLI.run(["scan", "--staged", "."], cwd: d.path)
        #expect(r.status == 2)
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(r.stderr.contains("not in a git repository"))
    }

    @Test func stagedInABareRepositorySaysWhy() throws {
        let d = try TempDir()
        _ = try Program.run("/usr/bin/git", ["init", "-q", "--bare", d.path + "/bare.git"])
        let r = try CLI.run(["scan", "--staged", d.path + "/bare.git"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("bare repository"), "\(r.stderr)")
    }

    @Test func aMisspeltDisabledRuleIsRejectedWithLineAndSuggestion() throws {
        let d = try TempDir()
        try Self.keyFile(d)
        try d.write(".leakscope.toml", "[scan]\ndisable_rules = [\"aws-acess-key-id\"]\n\n[[override]]\npaths = [\"x/\"]\ndisable_rules = [\"jwtt\"]\n")
        let r = try CLI.run(["scan", "."], cwd: d.path)
        #expect(r.status == 2)
        #expect(r.stderr.contains(".leakscope.toml:2: disable_rules names no rule 'aws-acess-key-id' (did you mean 'aws-access-key-id'?)"), "\(r.stderr)")
        try d.write(".leakscope.toml", "[[override]]\npaths = [\"x/\"]\ndisable_rules = [\"jwtt\"]\n")
        let o = try CLI.run(["scan", "."], cwd: d.path)
        #expect(o.status == 2)
        #expect(o.stderr.contains(".leakscope.toml:3: disable_rules names no rule 'jwtt' (did you mean 'jwt'?)"), "\(o.stderr)")
    }

    @Test func anUnreadableBaselineSaysWhy() throws {
        let d = try TempDir()
        try Self.keyFile(d)
        let r = try CLI.run(["scan", ".", "--baseline", "missing.json"], cwd: d.path)
        #expect(r.status == 2)
        #expect(r.stderr.contains("cannot read baseline file (No such file or directory)"), "\(r.stderr)")
    }

    @Test func aClosedPipeEndsQuietlyAndAFullDiskIsAnError() throws {
        let d = try TempDir()
        try Self.keyFile(d)
        let bin = CLI.binary.path
        let piped = try Program.run("/bin/sh", ["-c", "'\(bin)' scan . --no-git | head -c 10 >/dev/null; echo \"status ${PIPESTATUS:-}\""], cwd: d.path)
        #expect(!piped.stderr.contains("Fatal error"), "\(piped.stderr)")
        #expect(!piped.stderr.contains("Illegal instruction"), "\(piped.stderr)")
        let full = try Program.run("/bin/sh", ["-c", "'\(bin)' scan . --no-git > /dev/full; echo $?"], cwd: d.path)
        #expect(full.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "2", "\(full.both)")
        #expect(full.stderr.contains("No space left on device"), "\(full.stderr)")
    }

    @Test func theOutputPathIsReplacedNeverFollowedWhenALink() throws {
        let d = try TempDir()
        try Self.keyFile(d)
        let victim = try d.write("victim.txt", "precious\n")
        try FileManager.default.createSymbolicLink(atPath: d.path + "/leakscope.sarif", withDestinationPath: victim)
        try FileManager.default.createSymbolicLink(atPath: d.path + "/dangling.json", withDestinationPath: d.path + "/created-by-link")
        let r = try CLI.run(["scan", "a.env", "--no-git", "--format", "sarif", "-o", "leakscope.sarif"], cwd: d.path)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: d.path + "/leakscope.sarif")
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
        #expect(attributes[.posixPermissions] as? Int == 0o600)
        _ = try CLI.run(["scan", "a.env", "--no-git", "--format", "json", "-o", "dangling.json"], cwd: d.path)
        #expect(!FileManager.default.fileExists(atPath: d.path + "/created-by-link"))
    }

    /// A disk that fills part way (a 64 KiB tmpfs, so root only): the old baseline stays whole,
    /// no temporary file is left, and the exit is 2 with the reason.
    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/mount"), "needs root to mount a small tmpfs"))
    func aFullDiskLeavesTheOldBaselineWhole() throws {
        let d = try TempDir()
        var lines = ""
        for _ in 0..<600 { lines += "KEY=\(FakeKeys.awsAccessKeyID())\n" }
        try d.write("many.env", lines)
        try d.mkdir("small")
        let mount = try Program.run("/usr/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", d.path + "/small"])
        try #require(mount.status == 0, "\(mount.both)")
        defer { _ = try? Program.run("/usr/bin/umount", [d.path + "/small"]) }
        let old = try d.write("small/baseline.json", "{\"findings\": []}\n")
        let r = try CLI.run(["scan", "many.env", "--no-git", "-q", "--write-baseline", "small/baseline.json"], cwd: d.path)
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("No space left on device"), "\(r.stderr)")
        #expect(try String(contentsOfFile: old, encoding: .utf8) == "{\"findings\": []}\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: d.path + "/small") == ["baseline.json"])
    }
}
