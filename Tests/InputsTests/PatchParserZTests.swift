import Testing
@testable import Inputs

/// `PatchParser` on `--raw -p -z` output: paths from the NUL-separated records, byte for byte.
@Suite struct PatchParserZTests {
    static let zero = String(repeating: "0", count: 40)
    static let id = String(repeating: "a", count: 40)

    /// A raw record for an added file, then its patch section as git writes it.
    static func added(_ path: String, header: String, lines: [String]) -> (record: String, patch: String) {
        ( ":000000 100644 \(zero) \(id) A\0\(path)\0",
          "diff --git \(header)\nnew file mode 100644\nindex 0000000..aaaaaaa\n--- /dev/null\n+++ b/x\n@@ -0,0 +1,\(lines.count) @@\n"
            + lines.map { "+\($0)\n" }.joined() )
    }

    @Test func pathsComeFromTheRecordsNotThePatchHeaders() {
        let a = Self.added("my keys.env", header: "a/my keys.env b/my keys.env", lines: ["K=1"])
        let b = Self.added("new\nline \"q\".env", header: #""a/new\nline \"q\".env" "b/new\nline \"q\".env""#, lines: ["K=2"])
        let files = PatchParser.parse(Array((a.record + b.record + "\0" + a.patch + b.patch).utf8))
        #expect(files.map(\.path) == ["my keys.env", "new\nline \"q\".env"])
        #expect(files.map(\.lines) == [[Array("K=1".utf8)], [Array("K=2".utf8)]])
    }

    /// A section git did not write (its record has none): the header realigns the rest.
    @Test func aSectionWithoutItsRecordDoesNotShiftTheOthers() {
        let a = Self.added("a.env", header: "a/a.env b/a.env", lines: ["K=1"])
        let b = Self.added("b.env", header: "a/b.env b/b.env", lines: ["K=2"])
        let files = PatchParser.parse(Array((a.record + b.record + "\0" + b.patch).utf8))
        #expect(files.map(\.path) == ["b.env"])
    }

    /// In a hunk, `+++ x` is the added line `++ x`, not a new file's header.
    @Test func addedLineStartingWithPlusPlusIsNotAFileHeader() {
        let a = Self.added("a.env", header: "a/a.env b/a.env", lines: ["first", "++ b/other", "K=1"])
        let files = PatchParser.parse(Array((a.record + "\0" + a.patch).utf8))
        #expect(files.map(\.path) == ["a.env"])
        #expect(files.first?.lines == [Array("first".utf8), Array("++ b/other".utf8), Array("K=1".utf8)])
        #expect(files.first?.numbers == [1, 2, 3])
    }

    /// Plain `git diff` text (no records): the `+++` line names the file, without the tab git
    /// ends a name holding a blank with.
    @Test func trailingTabAfterANameWithABlankIsNotPartOfIt() {
        let diff = "diff --git a/my keys.env b/my keys.env\n--- /dev/null\n+++ b/my keys.env\t\n@@ -0,0 +1 @@\n+K=1\n"
        #expect(PatchParser.parse(Array(diff.utf8)).map(\.path) == ["my keys.env"])
    }

    /// A merge's combined section: only lines no parent has (`++`) are added; line numbers count
    /// every line of the result.
    @Test func combinedSectionAddsOnlyLinesInNoParent() {
        let record = "::100644 100644 100644 \(Self.id) \(Self.id) \(Self.id) MM\0f.env\0"
        let patch = "diff --cc f.env\nindex a,b..c\n--- a/f.env\n+++ b/f.env\n@@@ -2,1 -2,1 +2,3 @@@\n +MAIN\n+ SIDE\n++KEY=1\n- old\n"
        let files = PatchParser.parse(Array(("\u{1}commit abc\0A\0a@x\0" + "2024-01-01T00:00:00Z\0\0" + record + "\0" + patch).utf8))
        #expect(files.map(\.path) == ["f.env"])
        #expect(files.first?.lines == [Array("KEY=1".utf8)])
        #expect(files.first?.numbers == [4])
        #expect(files.first?.commit?.sha == "abc")
    }

    @Test func gitQuoteMatchesGit() {
        #expect(GitQuote.quote(Array("plain name ü.env".utf8)) == Array("plain name ü.env".utf8))
        #expect(GitQuote.quote(Array("a\tb\n\"\\\u{7f}\u{1}".utf8)) == Array(#""a\tb\n\"\\\177\001""#.utf8))
    }
}
