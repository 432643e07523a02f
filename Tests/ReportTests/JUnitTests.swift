import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Report

/// Collects elements, attributes and text of an XML document (checks that escaping round-trips).
final class XMLCollector: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var text = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append((name, attributes))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    /// Parses `xml`; nil when it is not well-formed.
    static func parse(_ xml: String) -> XMLCollector? {
        let parser = XMLParser(data: Data(xml.utf8))
        let collector = XMLCollector()
        parser.delegate = collector
        return parser.parse() ? collector : nil
    }
}

@Suite struct JUnitTests {
    @Test func fixtureParsesWithCountsAndSkipped() throws {
        let xml = JUnitReporter().render(Fixture.report)
        let doc = try #require(XMLCollector.parse(xml), "not well-formed XML:\n\(xml)")
        let suite = try #require(doc.elements.first)
        #expect(suite.name == "testsuite")
        #expect(suite.attributes["name"] == "leakscope")
        #expect(suite.attributes["tests"] == "3")
        #expect(suite.attributes["failures"] == "2")
        #expect(suite.attributes["skipped"] == "1")
        let cases = doc.elements.filter { $0.name == "testcase" }
        #expect(cases.count == 3)
        #expect(cases.contains { $0.attributes["classname"] == Fixture.aws.file && $0.attributes["name"] == "aws-access-key-id at 12:5" })
        let failures = doc.elements.filter { $0.name == "failure" }
        #expect(failures.map { $0.attributes["type"] } == ["aws-access-key-id", "openai-project-key"])
        let skipped = try #require(doc.elements.first { $0.name == "skipped" })
        #expect(skipped.attributes["message"] == "suppressed: baseline: in baseline .leakscope-baseline.json")
        #expect(!xml.contains("hf_abcde"))  // a suppressed finding's secret is not repeated
    }

    @Test func cleanScanIsOnePassingCase() throws {
        let doc = try #require(XMLCollector.parse(JUnitReporter().render(Fixture.clean)))
        #expect(doc.elements.map(\.name) == ["testsuite", "testcase"])
        #expect(doc.elements[1].attributes["name"] == "no secrets found")
        #expect(doc.elements[0].attributes["failures"] == "0")
        #expect(doc.elements[0].attributes["tests"] == "1")
    }

    @Test func escapesMarkupQuotesAndForbiddenControls() throws {
        let nasty = "a&b<c>d\"e'f\tg\nh\r\u{01}\u{0B}\u{1F}\u{FFFE}]]>z"
        let f = Fixture.with(file: nasty, context: nasty, ruleName: nasty)
        let xml = JUnitReporter().render(ScanReport(findings: [f], summary: ScanSummary()))
        let doc = try #require(XMLCollector.parse(xml), "not well-formed XML:\n\(xml)")
        let testcase = try #require(doc.elements.first { $0.name == "testcase" })
        // Quotes, markup, tab, newline and CR survive; forbidden characters become U+FFFD.
        let expected = "a&b<c>d\"e'f\tg\nh\r\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}]]>z"
        #expect(testcase.attributes["classname"] == expected)
        #expect(doc.text.contains(expected))
        for forbidden in ["\u{01}", "\u{0B}", "\u{1F}", "\u{FFFE}"] { #expect(!xml.contains(forbidden)) }
        #expect(XML.attribute("&<>\"'") == "&amp;&lt;&gt;&quot;&apos;")
        #expect(XML.text("a]]>b\r\n") == "a]]&gt;b&#13;\n")
    }
}
