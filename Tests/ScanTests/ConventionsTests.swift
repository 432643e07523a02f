import Foundation
import Testing
import TestSupport
import Report
import Vocabulary
@testable import Scan

/// Issue 14, "Conventions" and "Baselines and suppressions that work in the hook": fingerprints
/// anchored at the repository root, the conventional baseline, `.leakscopeignore`, gitleaks'
/// inline marker and ignore file, `sha256:` allowlist values, the CI environment, the format
/// named by `-o`'s extension, JSON Lines.
@Suite struct ConventionsTests {
    func request(_ paths: [String], _ change: (inout ScanRequest) -> Void = { _ in }) -> ScanRequest {
        var r = ScanRequest()
        r.paths = paths
        r.useGit = false
        r.threads = 2
        change(&r)
        return r
    }

    func scan(_ paths: [String], _ change: (inout ScanRequest) -> Void = { _ in }) throws -> ScanReport {
        try ScanPlan.make(request(paths, change)).run()
    }

    /// A folder that looks like a repository (a `.git` folder) with one key in `src/app.env`.
    func repository() throws -> (TempDir, String) {
        let d = try TempDir()
        try d.mkdir(".git")
        let key = FakeKeys.awsAccessKeyID()
        try d.write("src/app.env", "KEY=\(key)\n")
        return (d, key)
    }

    @Test func fingerprintsDoNotDependOnHowTheRootIsSpelled() throws {
        let (d, key) = try repository()
        let spellings = [d.path, d.path + "/", d.path + "/src/..", d.path + "/src", d.path + "/src/app.env"]
        var prints: [String] = []
        for root in spellings {
            let found = try scan([root]).visible
            #expect(found.count == 1, "\(root)")
            prints += found.map(\.fingerprint)
        }
        #expect(Set(prints).count == 1, "\(prints)")
        // Relative to the repository root, whatever the root: the path in the hash is src/app.env.
        let rule = try #require(try scan([d.path]).visible.first).rule
        #expect(prints.first == FindingBuilder.fingerprint(rule: rule, file: "src/app.env", secret: key))
        // The report keeps the path the way the user reached it.
        #expect(try scan([d.path + "/src/.."]).visible.first?.file == d.path + "/src/../src/app.env")
    }

    @Test func outsideARepositoryFingerprintsAreRelativeToTheScanRoot() throws {
        let d = try TempDir()
        let key = FakeKeys.awsAccessKeyID()
        try d.write("proj/conf/app.env", "KEY=\(key)\n")
        let a = try #require(try scan([d.path + "/proj"]).visible.first)
        let b = try #require(try scan([d.path + "/proj/conf/.."]).visible.first)
        #expect(a.fingerprint == b.fingerprint)
        #expect(a.fingerprint == FindingBuilder.fingerprint(rule: a.rule, file: "conf/app.env", secret: key))
    }

    @Test func leakscopeignoreSuppressesByFingerprintWithItsComment() throws {
        let (d, _) = try repository()
        let fp = try #require(try scan([d.path]).visible.first).fingerprint
        try d.write(".leakscopeignore", "# reviewed false positives\n\(fp)  # test fixture, not a key\nnot-a-fingerprint\n")
        let report = try scan([d.path + "/src"])
        #expect(report.visible.isEmpty)
        let s = try #require(report.findings.first?.suppression)
        #expect(s.kind == .ignoreFile)
        #expect(s.justification.contains("test fixture, not a key"))
        #expect(report.summary.warnings.contains { $0.contains(".leakscopeignore:3") && $0.contains("not a fingerprint") })
    }

    @Test func allowlistValuesAcceptTheSHA256OfAValue() throws {
        let (d, key) = try repository()
        try d.write(".leakscope.toml", "[allowlist]\nvalues = [\"sha256:\(Allowlist.sha256(key).uppercased())\"]\n")
        let report = try scan([d.path])
        #expect(report.visible.isEmpty)
        #expect(report.findings.first?.suppression?.kind == .config)
        // The digest is the one `printf %s VALUE | sha256sum` prints.
        #expect(Allowlist.sha256("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func gitleaksAllowOnTheLineSuppressesLikeLeakscopeAllow() throws {
        let d = try TempDir()
        try d.write("a.py", "key = '\(FakeKeys.awsAccessKeyID())'  # gitleaks:allow\nother = '\(FakeKeys.awsAccessKeyID())'\n")
        let report = try scan([d.path])
        #expect(report.visible.map(\.line) == [2])
        #expect(report.findings.first { $0.line == 1 }?.suppression == Suppression(kind: .inline, justification: "gitleaks:allow on the line"))
    }

    @Test func gitleaksignoreIsMappedOntoFileAndLine() throws {
        let (d, _) = try repository()
        try d.write("src/other.env", "\n\nKEY=\(FakeKeys.awsAccessKeyID())\n")
        try d.write("lib/kept.env", "KEY=\(FakeKeys.awsAccessKeyID())\n")
        try d.write(".gitleaksignore", """
            src/app.env:aws-access-token:1
            0123456789abcdef0123456789abcdef01234567:src/other.env:generic-api-key:3
            lib/kept.env:aws-access-token:2
            just-garbage

            """)
        // Scanned from a subfolder: the entries are still read from the repository root.
        let report = try scan([d.path + "/src", d.path + "/lib"])
        #expect(report.visible.map { URL(fileURLWithPath: $0.file).lastPathComponent } == ["kept.env"])
        let app = try #require(report.findings.first { $0.file.hasSuffix("app.env") })
        #expect(app.suppression?.kind == .ignoreFile)
        #expect(app.suppression?.justification == "in .gitleaksignore: src/app.env:aws-access-token:1")
        #expect(report.summary.warnings.contains { $0.contains(".gitleaksignore:4") && $0.contains("just-garbage") })
    }

    @Test func gitleaksignoreEntriesParse() {
        let parsed = IgnoreFile.parseGitleaks("abc1234:dir/a:b.env:rule:7\nfile.env:rule:x\n/abs/f:rule:2\n", file: "g")
        #expect(parsed.locations == [IgnoreFile.Location(file: "dir/a:b.env", line: 7, commit: "abc1234", entry: "abc1234:dir/a:b.env:rule:7")])
        #expect(parsed.warnings.count == 2)
    }

    @Test func baselineAtTheRepositoryRootIsUsedWithoutAFlag() throws {
        let (d, _) = try repository()
        let first = try scan([d.path])
        try d.write(ScanPlan.baselineFileName, JSONReporter().renderAll(first))
        try d.write("src/new.env", "KEY=\(FakeKeys.awsAccessKeyID())\n")
        let report = try scan([d.path + "/src"])
        #expect(report.visible.map { URL(fileURLWithPath: $0.file).lastPathComponent } == ["new.env"])
        #expect(report.findings.first { $0.file.hasSuffix("app.env") }?.suppression?.kind == .baseline)
    }

    @Test func configNamesTheBaselineRelativeToItself() throws {
        let (d, _) = try repository()
        let first = try scan([d.path])
        try d.write("ci/known.json", JSONReporter().renderAll(first))
        try d.write(".leakscope.toml", "baseline = \"ci/known.json\"\n\n[scan]\nexclude = [\"ci/\"]\n")
        let plan = try ScanPlan.make(request([d.path]))
        #expect(plan.options.allowlist.baselineFile == d.path + "/ci/known.json")
        #expect(try plan.run().visible.isEmpty)
        try d.write(".leakscope.toml", "baseline = 3\n")
        #expect(throws: ScanPlan.Failure.self) { try ScanPlan.make(request([d.path])) }
    }

    @Test func environmentFillsWhatTheFlagsLeaveUnset() throws {
        var r = ScanRequest()
        try r.applyEnvironment(["LEAKSCOPE_CONFIG": "ci.toml", "LEAKSCOPE_BASELINE": "b.json", "LEAKSCOPE_FAIL_ON": "High"])
        #expect(r.config == "ci.toml" && r.baseline == "b.json" && r.failOn == .high)
        var flagged = ScanRequest()
        flagged.config = "mine.toml"
        flagged.failOn = .low
        try flagged.applyEnvironment(["LEAKSCOPE_CONFIG": "ci.toml", "LEAKSCOPE_FAIL_ON": "critical", "LEAKSCOPE_BASELINE": ""])
        #expect(flagged.config == "mine.toml" && flagged.failOn == .low && flagged.baseline == nil)
        var bad = ScanRequest()
        #expect(throws: ScanPlan.Failure.self) { try bad.applyEnvironment(["LEAKSCOPE_FAIL_ON": "severe"]) }
    }

    @Test func formatIsInferredFromTheOutputExtension() {
        let cases: [(String, ReportFormat)] = [("r.json", .json), ("out/r.jsonl", .jsonl), ("r.SARIF", .sarif), ("r.csv", .csv),
                                               ("r.xml", .junit), ("r.md", .markdown), ("r.html", .html)]
        for (path, format) in cases { #expect(ScanRequest.format(explicit: nil, output: path) == format, "\(path)") }
        #expect(ScanRequest.format(explicit: .json, output: "r.sarif") == .json)
        #expect(ScanRequest.format(explicit: nil, output: "report") == .text)
        #expect(ScanRequest.format(explicit: nil, output: nil) == .text)
    }

    @Test func jsonlWritesOneFindingALineThenTheSummary() throws {
        let (d, _) = try repository()
        try d.write("src/b.env", "A=\(FakeKeys.awsAccessKeyID())\nB=\(FakeKeys.awsAccessKeyID())  # leakscope:allow\n")
        let report = try scan([d.path])
        var lines: [String] = []
        JSONLReporter().write(report) { lines.append($0) }
        #expect(lines.count == report.visible.count + 1)
        #expect(lines.allSatisfy { $0.hasSuffix("\n") && $0.dropLast().firstIndex(of: "\n") == nil })
        let decoded = try lines.dropLast().map { try JSONDecoder().decode(Finding.self, from: Data($0.utf8)) }
        #expect(decoded.map(\.fingerprint) == report.visible.map(\.fingerprint))
        let last = try #require(try JSONSerialization.jsonObject(with: Data(lines.last!.utf8)) as? [String: Any])
        #expect((last["summary"] as? [String: Any])?["findings"] as? Int == 2)
        #expect(JSONLReporter().render(report) == lines.joined())
    }

    @Test func hookBlockMessageSaysWhatToRun() throws {
        let (d, _) = try repository()
        let report = try scan([d.path])
        let message = HookInstaller.blockMessage(failing: report.visible, baseline: nil)
        #expect(message.contains("echo '\(report.visible[0].fingerprint)' >> .leakscopeignore"))
        #expect(message.contains("leakscope scan --write-baseline .leakscope-baseline.json . && git add .leakscope-baseline.json"))
        #expect(HookInstaller.blockMessage(failing: report.visible, baseline: "ci/known.json").contains("--write-baseline ci/known.json"))
    }
}

/// `scan -`: standard input is one more input, read in chunks like a large file.
@Suite struct StandardInputTests {
    /// A pipe whose write end a thread fills with `text` and closes; the read end to scan.
    func feeding(_ text: String) -> Int32 {
        var fds: [Int32] = [0, 0]
        precondition(pipe(&fds) == 0)
        let bytes = Array(text.utf8), writer = fds[1]
        Thread.detachNewThread {
            var sent = 0
            while sent < bytes.count {
                let n = bytes[sent...].withUnsafeBufferPointer { write(writer, $0.baseAddress, $0.count) }
                if n <= 0 { break }
                sent += n
            }
            close(writer)
        }
        return fds[0]
    }

    func plan(_ paths: [String], name: String? = nil) throws -> ScanPlan {
        var r = ScanRequest()
        r.paths = paths
        r.useGit = false
        r.threads = 2
        r.stdinName = name
        return try ScanPlan.make(r)
    }

    @Test func standardInputIsScannedAndNamedDash() throws {
        let key = FakeKeys.awsAccessKeyID()
        var p = try plan(["-"])
        p.options.stdinDescriptor = feeding("first line\nKEY=\(key)\n")
        let report = try p.run()
        #expect(report.visible.map(\.file) == ["-"])
        #expect(report.visible.map(\.line) == [2])
        #expect(report.summary.filesScanned == 1)
    }

    @Test func stdinNameNamesItAndFeedsTheFingerprint() throws {
        let key = FakeKeys.awsAccessKeyID()
        var p = try plan(["-"], name: "config/app.env")
        p.options.stdinDescriptor = feeding("KEY=\(key)\n")
        let f = try #require(try p.run().visible.first)
        #expect(f.file == "config/app.env")
        #expect(f.fingerprint == FindingBuilder.fingerprint(rule: f.rule, file: "config/app.env", secret: key))
    }

    @Test func longStandardInputIsChunkedAndASecretAcrossABoundaryFoundOnce() throws {
        let keys = (0..<3).map { _ in FakeKeys.awsAccessKeyID() }
        var p = try plan(["-"])
        p.options.chunkSize = 200_000
        // Far beyond one chunk (and the 64 KiB overlap), a key on each side of a boundary.
        let filler = String(repeating: "lorem ipsum dolor sit amet\n", count: 7_400)
        let text = "A=\(keys[0])\n" + filler + "B=\(keys[1])\n" + filler + "C=\(keys[2])\n"
        p.options.stdinDescriptor = feeding(text)
        let report = try p.run()
        #expect(report.visible.map(\.line) == [1, 7_402, 14_803])
        #expect(report.summary.bytesScanned == text.utf8.count)
    }

    @Test func standardInputBesideAFolderAndNotInGitModes() throws {
        let d = try TempDir()
        try d.write("a.env", "KEY=\(FakeKeys.awsAccessKeyID())\n")
        var p = try plan([d.path, "-"])
        p.options.stdinDescriptor = feeding("KEY=\(FakeKeys.awsAccessKeyID())\n")
        #expect(try p.run().visible.count == 2)
        #expect(throws: ScanPlan.Failure.self) { try plan(["-", "-"]) }
        var staged = ScanRequest()
        staged.paths = ["-"]
        staged.mode = .staged
        #expect(throws: ScanPlan.Failure.self) { try ScanPlan.make(staged) }
    }
}
