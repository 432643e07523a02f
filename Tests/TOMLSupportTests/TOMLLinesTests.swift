import Testing
@testable import TOMLSupport

/// TOMLLines finds header and key lines for messages; it runs at every start for every built-in
/// rule file, so it cuts lines at bytes rather than characters.
@Suite struct TOMLLinesTests {
    @Test func headersAndKeysWithLFAndCRLF() {
        for eol in ["\n", "\r\n"] {
            let text = ["# rules", "[[rule]]", "id = \"a\"", "", "  [[rule]]  ", "\tid = \"b\"", "[scan]\t", "x = 1", "[[rule]]"]
                .joined(separator: eol)
            let lines = TOMLLines(text: text)
            #expect(lines.ruleHeaderLine(0) == 2)
            #expect(lines.ruleHeaderLine(1) == 5)
            #expect(lines.ruleHeaderLine(2) == 9)
            #expect(lines.ruleHeaderLine(3) == 1)
            #expect(lines.line(ofKey: "id", after: 5) == 6)
            #expect(lines.line(ofTable: "scan") == 7)
            #expect(lines.line(ofTable: "none") == nil)
        }
    }

    @Test func trimsOnlyTOMLWhitespace() {
        #expect(TOMLLines.trimmed(" \t[x]\r") == "[x]")
        #expect(TOMLLines.trimmed("   ") == "")
        #expect(TOMLLines.trimmed("\u{00A0}[x]") == "\u{00A0}[x]")
        #expect(TOMLLines(text: "").ruleHeaderLine(0) == 1)
        #expect(TOMLLines(text: "é\n[[rule]]\n").ruleHeaderLine(0) == 2)
    }
}
