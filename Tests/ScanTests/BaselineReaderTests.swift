import Foundation
import Testing
@testable import Scan

/// The streaming baseline reader: the whole document's syntax is checked, only fingerprints kept.
@Suite struct BaselineReaderTests {
    func parse(_ text: String) throws(ConfigError) -> Set<String> { try Baseline.parse(Data(text.utf8), file: "b.json") }

    func error(_ text: String) -> ConfigError? {
        do { _ = try parse(text); return nil } catch { return error }
    }

    @Test func fingerprintsOfAReportAreRead() throws {
        let text = """
        {"version": 2, "findings": [
          {"rule": "x", "context": "a \\"quoted\\" \\u00e9 \\ud83d\\ude00 line", "nested": {"a": [1, -2.5e+3, true, false, null]},
           "fingerprint": "abc123"},
          {"fingerprint": "d\\u0065f"}
        ], "summary": {"findings": [1, 2]}}
        """
        #expect(try parse(text) == ["abc123", "def"])
        #expect(try parse("{\"findings\": []}") == [])
    }

    @Test func syntaxErrorsNameTheirLine() {
        for (text, line) in [("", 1), ("{\"findings\": [\n]\n,", 3), ("{\"findings\": [01]}", 1), ("{\"findings\": []} x", 1),
                             ("{\"findings\": [\"a\nb\"]}", 2), ("{\"findings\": [tru]}", 1), ("{\"findings\": [\"\\ud800\"]}", 1),
                             ("{\"findings\": [\"\u{FF}\"]}".replacingOccurrences(of: "\u{FF}", with: "\\xFF"), 1),
                             ("{\"findings\": [1.]}", 1), ("{\n\"findings\": [\n", 3)] {
            let e = error(text)
            #expect(e?.message.hasPrefix("not valid JSON") == true, "\(text): \(String(describing: e))")
            #expect(e?.line == line, "\(text)")
        }
        // Invalid UTF-8 inside a string.
        var bytes = Array("{\"findings\": [\"".utf8); bytes += [0xC3, 0x28]; bytes += Array("\"]}".utf8)
        #expect(throws: ConfigError.self) { try Baseline.parse(Data(bytes), file: "b.json") }
        // Nesting too deep for the stack is an error, not a crash.
        #expect(error("{\"findings\": [" + String(repeating: "[", count: 100_000) + "]}")?.message.hasPrefix("not valid JSON") == true)
    }

    @Test func shapeErrorsComeAfterTheSyntax() {
        #expect(error("{\"results\": []}")?.message.hasPrefix("no \"findings\" array") == true)
        #expect(error("[1, 2]")?.message.hasPrefix("no \"findings\" array") == true)
        #expect(error("{\"findings\": {}}")?.message.hasPrefix("no \"findings\" array") == true)
        let missing = error("{\"findings\": [\n {\"fingerprint\": \"a\"},\n\n {\"fingerprint\": \"\"}, 5]}")
        #expect(missing?.message == "finding 2 has no \"fingerprint\"")
        #expect(missing?.line == 4)
        // A syntax error after a finding without fingerprint is reported as the syntax error.
        #expect(error("{\"findings\": [{}, ]}")?.message.hasPrefix("not valid JSON") == true)
    }
}
