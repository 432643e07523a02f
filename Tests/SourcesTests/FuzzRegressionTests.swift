import Foundation
import Testing
@testable import Sources

/// Inputs the fuzz targets (Fuzz/, docs/fuzzing.md) crashed on, kept as regression tests.
@Suite struct PatchFuzzRegressionTests {
    /// `@@ -1 +<20 digits> @@` overflowed Int while reading the hunk's first line number.
    @Test func hunkStartWithTooManyDigits() {
        let diff = "diff --git a/x b/x\n+++ b/x\n@@ -2,0 +26000000000000000000000000000000007 @@\n+added\n"
        let files = PatchParser.parse(Array(diff.utf8))
        #expect(files.count == 1)
        #expect(files.first?.lines == [Array("added".utf8)])
        #expect(PatchParser.hunkStart(Array("@@ -1 +9999999999999999999 @@".utf8)[...]) == nil)
        #expect(PatchParser.hunkStart(Array("@@ -1 +999999999999999999 @@".utf8)[...]) == 999_999_999_999_999_999)
    }
}

@Suite struct PatchUnquoteFuzzRegressionTests {
    /// A C-quoted path whose `\` octal escape had fewer than three octal digits before the
    /// closing quote (`"\01"`, `"\0!!x"`) subtracted '0' from a smaller byte: UInt8 underflow.
    @Test func octalEscapeWithoutThreeOctalDigits() {
        #expect(PatchParser.unquote(Array(#""\01""#.utf8)) == Array("01".utf8))
        #expect(PatchParser.unquote(Array(#""\0!!x""#.utf8)) == Array("0!!x".utf8))
        #expect(PatchParser.unquote(Array(#""\303\251""#.utf8)) == [0xC3, 0xA9])
        let diff = "diff --git a/x b/x\n+++ \"b/\\01\"\n@@ -0,0 +1 @@\n+added\n"
        #expect(PatchParser.parse(Array(diff.utf8)).map(\.path) == ["01"])
    }
}
