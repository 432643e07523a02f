import Foundation
import Testing
import TestSupport
@testable import Report

/// The HTML report as text: golden file, no network loads, escaping, redaction, counts.
/// (`GoldenTests` also renders `html.golden` and `html-clean.golden` from the shared fixture.)
@Suite struct HTMLTests {
    /// An incomplete scan with warnings, 20 owner teams (so the chart has "others") and a blast
    /// level outside the four known ones.
    static var incompleteReport: ScanReport {
        var findings = Fixture.report.findings
        for i in 0..<20 {
            var f = Fixture.openAI
            f.file = "teams/t\(i)/.env"
            f.fingerprint = String(format: "%032x", i + 1)
            f.owner = Owner(team: ["@acme/team-\(i < 10 ? "0" : "")\(i)"], author: "Dev \(i)", email: nil)
            f.age = i.isMultiple(of: 3) ? nil : Age(introduced: "2026-01-01T00:00:00Z", days: i * 20, commit: nil, source: "mtime")
            f.risk = Risk(score: 40 + i, level: i < 10 ? "high" : "low")
            if i == 19 { f.blastRadius.level = "unknown" }
            findings.append(f)
        }
        var summary = Fixture.report.summary
        summary.complete = false
        summary.findings = findings.count - 1
        summary.suppressed = 1
        summary.triageSeconds = 0.031
        summary.warnings = ["rule generic-api-key hit the PCRE2 match limit in big <file>.js", "vendor/x: permission denied"]
        return ScanReport(findings: findings.sorted(by: Finding.reportOrder), summary: summary)
    }

    @Test func goldenIncompleteScan() throws {
        try GoldenTests().check("html-incomplete", HTMLReporter().render(HTMLTests.incompleteReport))
    }

    @Test func htmlIsAFormat() {
        #expect(ReportFormat(rawValue: "html") != nil)
        #expect(ReportFormat.html.reporter() is HTMLReporter)
    }

    // MARK: - Nothing loads from anywhere

    /// The page without its data block: the markup, style and script the reporter wrote.
    static func withoutData(_ html: String) -> String {
        guard let start = html.range(of: "<script type=\"application/json\" id=\"data\">"),
              let end = html.range(of: "</script>", range: start.upperBound..<html.endIndex)
        else { return html }
        return String(html[..<start.lowerBound]) + String(html[end.upperBound...])
    }

    /// The page without the text of its style and script elements.
    static func markup(_ html: String) -> String {
        var out = html
        for (open, close) in [("<style>", "</style>"), ("<script>", "</script>")] {
            while let start = out.range(of: open), let end = out.range(of: close, range: start.upperBound..<out.endIndex) {
                out.removeSubrange(start.lowerBound..<end.upperBound)
            }
        }
        return out
    }

    @Test func loadsNothingFromTheNetwork() throws {
        let urls = Fixture.with(
            file: "https://evil.example/x.js", context: "WEBHOOK=https://hooks.slack.com/services/T0/B0/X <img src=http://e.example/p.png>")
        for report in [Fixture.report, Fixture.clean, HTMLTests.incompleteReport,
                       ScanReport(findings: [urls], summary: ScanSummary(findings: 1))] {
            let html = HTMLReporter().render(report)
            let page = HTMLTests.withoutData(html).lowercased()
            #expect(!page.contains("http://") && !page.contains("https://"))
            #expect(!page.contains("//evil") && !page.contains("hooks.slack"))
            // No attribute that loads or navigates in the markup, no CSS import or url().
            let markup = HTMLTests.markup(page)
            let loaders = try Regex(#"\s(src|href|srcset|action|formaction|poster|background|data|xlink:href|ping)\s*="#)
            let hit = markup.firstMatch(of: loaders).map { String($0.0) }
            #expect(hit == nil)
            for needle in ["url(", "@import", "<link", "<iframe", "<object", "<embed", "<img", "<base", "<a "] {
                #expect(!page.contains(needle), "\(needle)")
            }
        }
        // The script neither fetches nor writes markup.
        for needle in ["fetch(", "xmlhttprequest", "websocket", "eventsource", "sendbeacon", "import(", ".src",
                       "innerhtml", "outerhtml", "insertadjacenthtml", "document.write", "eval(", "new function",
                       "settimeout(\"", "window.open"] {
            #expect(!HTMLReporter.script.lowercased().contains(needle), "\(needle)")
        }
        // Neither asset may close its element early.
        #expect(!HTMLReporter.script.contains("</"))
        #expect(!HTMLReporter.css.contains("</"))
    }

    @Test func strictContentSecurityPolicyComesFirst() throws {
        let html = HTMLReporter().render(Fixture.report)
        let csp = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
            + "script-src 'unsafe-inline'; img-src data:"
        let meta = try #require(html.range(of: csp))
        #expect(html.components(separatedBy: "Content-Security-Policy").count == 2)
        #expect(meta.lowerBound < html.range(of: "<style>")!.lowerBound)
        #expect(meta.lowerBound < html.range(of: "<script")!.lowerBound)
        // One data block and one script, nothing else executable.
        #expect(html.components(separatedBy: "<script").count == 3)
        #expect(html.contains("<script type=\"application/json\" id=\"data\">"))
        #expect(!html.lowercased().contains(" onclick=") && !html.lowercased().contains(" onload="))
    }

    // MARK: - The data block

    /// The JSON inside `<script type="application/json" id="data">`.
    static func dataBlock(_ html: String) throws -> String {
        let start = try #require(html.range(of: "<script type=\"application/json\" id=\"data\">"))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        return String(html[start.upperBound..<end.lowerBound])
    }

    struct PageData: Decodable {
        struct Row: Decodable {
            var file: String
            var context: String
            var ruleName: String
            var secret: String
            var teams: [String]
            var provider: String
            var ageBucket: String
            var ageDays: Int?
            var suppression: String?
        }
        var pageSize: Int
        var findings: [Row]
        var suppressed: [Row]
    }

    static func decodeData(_ html: String) throws -> PageData {
        try JSONDecoder().decode(PageData.self, from: Data(dataBlock(html).utf8))
    }

    @Test func dataBlockCannotCloseTheScriptElement() throws {
        let nasty = Fixture.with(
            file: "x</script><script>alert(1)</script>.env",
            context: "A=</SCRIPT ><!-- <script> & \u{2028}\u{2029} \"q\" \\",
            ruleName: "rule </script> & co")
        var owned = nasty
        owned.owner = Owner(team: ["@evil</script><b>"], author: "<i>x</i>", email: nil)
        owned.provider = "<img src=x onerror=alert(1)>"
        let html = HTMLReporter().render(ScanReport(findings: [owned], summary: ScanSummary(findings: 1)))
        // Exactly two script elements close: the data block and the script.
        #expect(html.lowercased().components(separatedBy: "</script").count == 3)
        let block = try HTMLTests.dataBlock(html)
        for bad in ["<", ">", "&", "\u{2028}", "\u{2029}"] { #expect(!block.contains(bad), "\(bad.debugDescription)") }
        #expect(block.contains("x\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e.env"))
        #expect(block.contains("\\u2028\\u2029"))
        // And it still decodes to the very same strings.
        let data = try HTMLTests.decodeData(html)
        #expect(data.findings.count == 1)
        #expect(data.findings[0].file == owned.file)
        #expect(data.findings[0].context == owned.context)
        #expect(data.findings[0].ruleName == owned.ruleName)
        #expect(data.findings[0].teams == ["@evil</script><b>"])
        #expect(data.findings[0].provider == owned.provider)
        // The parts rendered here are HTML-escaped.
        let page = HTMLTests.withoutData(html)
        #expect(page.contains("@evil&lt;/script&gt;&lt;b&gt;"))
        #expect(page.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(!page.contains("<b>") && !page.contains("<img"))
    }

    @Test func scriptSafeEscapes() {
        #expect(HTMLReporter.scriptSafe("{\"a\":\"</script>&\u{2028}\"}") == "{\"a\":\"\\u003c/script\\u003e\\u0026\\u2028\"}")
        #expect(HTMLReporter.esc("<a href='x'>&\"") == "&lt;a href=&#39;x&#39;&gt;&amp;&quot;")
        #expect(HTMLReporter.esc("a\u{0}b\u{1b}c") == "a\u{FFFD}b\u{FFFD}c")
    }

    // MARK: - Secrets

    @Test func theFullSecretOfARedactedFindingNeverAppears() throws {
        let key = FakeKeys.openAIProjectKey()
        let shown = String(key.prefix(8)) + "…"
        var f = Fixture.with(secret: shown)
        f.context = "OPENAI_API_KEY=\(shown)"
        f.secretLength = key.utf8.count
        f.redacted = true
        var hidden = f
        hidden.file = "other/.env"
        hidden.suppression = Suppression(kind: "inline", justification: "leakscope:allow")
        let html = HTMLReporter().render(ScanReport(findings: [f, hidden], summary: ScanSummary(findings: 1)))
        #expect(!html.contains(key))
        #expect(!html.contains(String(key.dropFirst(8).prefix(12))))
        #expect(!html.contains(String(key.suffix(16))))
        let data = try HTMLTests.decodeData(html)
        #expect(data.findings.map(\.secret) == [shown])
        #expect(data.suppressed.map(\.secret) == [shown])
    }

    @Test func shownSecretsAppearAsGiven() throws {
        let key = FakeKeys.anthropicKey()
        var f = Fixture.with(secret: key)
        f.redacted = false
        let html = HTMLReporter().render(ScanReport(findings: [f], summary: ScanSummary()))
        let data = try HTMLTests.decodeData(html)
        #expect(data.findings.map(\.secret) == [key])
        // A warning that the file itself is now a secret.
        #expect(html.contains("<p id=\"secrets-shown\" class=\"danger\">"))
        #expect(!HTMLReporter().render(Fixture.report).contains("id=\"secrets-shown\""))
    }

    // MARK: - Summary, matrix, chart

    /// The text of the element with this id (up to its first child tag), HTML entities left as they are.
    static func text(ofID id: String, in html: String) -> String? {
        guard let r = html.range(of: "id=\"\(id)\""),
              let gt = html[r.upperBound...].firstIndex(of: ">") else { return nil }
        let rest = html[html.index(after: gt)...]
        return String(rest[..<(rest.firstIndex(of: "<") ?? rest.endIndex)])
    }

    @Test func summaryCountsLeaveOutSuppressedFindings() {
        let html = HTMLReporter().render(Fixture.report)
        let counts = ["total": "2", "critical": "1", "high": "0", "medium": "1", "low": "0", "suppressed": "1",
                      "llmjacking": "1"]
        for (id, n) in counts { #expect(HTMLTests.text(ofID: "count-\(id)", in: html) == n, "\(id)") }
        #expect(HTMLTests.text(ofID: "llm-providers", in: html) == "OpenAI (1)")
        #expect(html.contains("<title>leakscope report: 2 findings</title>"))
        // Providers and teams count the visible findings only: Hugging Face is suppressed.
        let summary = String(html[..<html.range(of: "id=\"matrix-section\"")!.lowerBound])
        #expect(summary.contains("<tr><td>AWS</td><td class=\"n\">1</td></tr>"))
        #expect(summary.contains("<tr><td>@acme/ml-platform</td><td class=\"n\">1</td></tr>"))
        #expect(summary.contains("<tr><td>(no owner)</td><td class=\"n\">1</td></tr>"))
        #expect(!summary.contains("Hugging Face") && !summary.contains("@acme/research"))
        // Scan totals.
        #expect(HTMLTests.text(ofID: "scan-files", in: html) == "1204")
        #expect(HTMLTests.text(ofID: "scan-mb", in: html) == "18.2 MB")
        #expect(HTMLTests.text(ofID: "scan-seconds", in: html) == "0.08 s")
        #expect(HTMLTests.text(ofID: "scan-skipped", in: html) == "binary 12, ignored 340")
        #expect(HTMLTests.text(ofID: "scan-status", in: html) == "complete")
        // The suppressed finding is in its own collapsed section and data list.
        #expect(html.contains("<details id=\"suppressed\"><summary><h2>Suppressed findings (1)</h2>"))
    }

    @Test func incompleteScanShowsItsWarnings() {
        let html = HTMLReporter().render(HTMLTests.incompleteReport)
        #expect(HTMLTests.text(ofID: "scan-status", in: html) == "incomplete")
        #expect(html.contains("<details id=\"warnings\" open><summary>2 warnings</summary>"))
        #expect(html.contains("<li>rule generic-api-key hit the PCRE2 match limit in big &lt;file&gt;.js</li>"))
        #expect(HTMLTests.text(ofID: "scan-seconds", in: html) == "0.08 s (git and CODEOWNERS: 0.03 s)")
    }

    @Test(arguments: [(0, "lt7"), (6, "lt7"), (7, "7-30"), (29, "7-30"), (30, "30-90"), (89, "30-90"),
                      (90, "90-365"), (364, "90-365"), (365, "gt365"), (4000, "gt365")])
    func ageBuckets(days: Int, bucket: String) {
        #expect(HTMLReporter.ageBucket(Age(introduced: "", days: days, commit: nil, source: "git")) == bucket)
    }

    /// `data-count` of each matrix cell, keyed "blast|age".
    static func matrixCounts(_ html: String) throws -> [String: Int] {
        let cell = try Regex(#"<g class="cell[^"]*" data-blast="([^"]*)" data-age="([^"]*)" data-count="([0-9]+)""#)
        var out: [String: Int] = [:]
        for m in html.matches(of: cell) {
            out["\(m.output[1].substring!)|\(m.output[2].substring!)"] = Int(m.output[3].substring!)!
        }
        return out
    }

    @Test func matrixCountsBlastRadiusByAge() throws {
        let counts = try HTMLTests.matrixCounts(HTMLReporter().render(Fixture.report))
        #expect(counts.count == 4 * 6)
        #expect(counts["high|30-90"] == 1)  // OpenAI: high blast radius, 59 days
        #expect(counts["critical|gt365"] == 1)  // AWS: critical, 365 days
        #expect(counts.values.reduce(0, +) == 2)  // the suppressed one is left out
        let incomplete = try HTMLTests.matrixCounts(HTMLReporter().render(HTMLTests.incompleteReport))
        #expect(incomplete.count == 5 * 6)  // an "unknown" row
        #expect(incomplete["unknown|gt365"] == 1)  // i = 19, 380 days
        #expect(incomplete["unknown|30-90"] == 0)
        #expect(incomplete.values.reduce(0, +) == 22)
        #expect(incomplete["high|unknown"] == 7)  // i = 0, 3, ..., 18
    }

    @Test func teamChartShowsTopFifteenAndOthers() throws {
        let html = HTMLReporter().render(HTMLTests.incompleteReport)
        let bar = try Regex(#"<g class="bar( others)?"(?: data-team="([^"]*)")?[^>]* data-count="([0-9]+)""#)
        let bars = html.matches(of: bar)
        #expect(bars.count == 16)
        #expect(bars.filter { $0.output[2].substring != nil }.count == 15)
        // 23 teams of one finding each, by name: (no owner), @acme/ml-platform, @acme/security,
        // @acme/team-00 ... team-11 in the chart; team-12 ... team-19 are the others.
        #expect(bars.first?.output[2].substring == "(no owner)")
        #expect(bars[14].output[2].substring == "@acme/team-11")
        let others = try #require(bars.last)
        #expect(others.output[1].substring != nil)
        #expect(others.output[3].substring == "8")
        #expect(html.contains(">others (8 teams)</text>"))
    }

    @Test func cleanScan() throws {
        let html = HTMLReporter().render(Fixture.clean)
        #expect(html.contains("No secrets found"))
        #expect(HTMLTests.text(ofID: "count-total", in: html) == "0")
        #expect(!html.contains("id=\"rows\""))
        #expect(!html.contains("id=\"suppressed\""))
        let data = try HTMLTests.decodeData(html)
        #expect(data.findings.isEmpty && data.suppressed.isEmpty)
    }
}
