import Foundation
import Vocabulary
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
            f.age = i.isMultiple(of: 3) ? nil : Age(introduced: "2026-01-01T00:00:00Z", days: i * 20, commit: nil, source: .mtime)
            f.risk = Risk(score: 40 + i, level: i < 10 ? .high : .low)
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
        hidden.suppression = Suppression(kind: .inline, justification: "leakscope:allow")
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
        #expect(HTMLReporter.ageBucket(Age(introduced: "", days: days, commit: nil, source: .git)) == bucket)
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
        #expect(incomplete.count == 4 * 6)  // levels are typed: no row beyond the four
        #expect(incomplete["high|gt365"] == 1)  // i = 19, 380 days
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

/// The HTML report in a real browser: headless Chromium loads the page from a file, runs its
/// script, and `--dump-dom` prints the resulting DOM, which these tests read.
///
/// Chromium must be installed (`scripts/setup-test-tools.sh`, which `scripts/test.sh` runs): without
/// it these tests fail rather than skip, so CI cannot pass without having run them.
/// `LEAKSCOPE_CHROMIUM` names another binary; `LEAKSCOPE_HTML_ARTIFACTS=folder` keeps the pages.
@Suite(.serialized) struct HTMLBrowserTests {
    /// `chromium` on PATH (or `$LEAKSCOPE_CHROMIUM`).
    static func chromium() -> String? {
        let env = ProcessInfo.processInfo.environment
        if let custom = env["LEAKSCOPE_CHROMIUM"], !custom.isEmpty { return custom }
        for dir in (env["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(dir)/chromium"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    struct Page {
        var dom: String
        var stderr: String
        var seconds: Double

        /// Text of the element with this id, entities decoded.
        func text(_ id: String) -> String? {
            HTMLTests.text(ofID: id, in: dom).map {
                $0.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                    .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
            }
        }

        /// The `<body ...>` start tag.
        var bodyTag: String {
            guard let r = dom.range(of: "<body") else { return "" }
            return String(dom[r.lowerBound..<(dom[r.upperBound...].firstIndex(of: ">") ?? dom.endIndex)])
        }

        var ready: Bool { bodyTag.contains("data-ready=\"1\"") }

        var renderMs: Int? {
            guard let r = bodyTag.firstMatch(of: /data-render-ms="([0-9]+)"/) else { return nil }
            return Int(r.output.1)
        }

        /// The rows of the findings table, each as its HTML.
        var rows: [Substring] { rows(class: "frow") }

        func rows(class cls: String) -> [Substring] {
            dom.components(separatedBy: "<tr class=\"\(cls)\">").dropFirst().map { chunk in
                Substring(chunk.components(separatedBy: "</tr>").first ?? "")
            }
        }
    }

    /// Writes `report` as HTML into `dir`, opens it (with `fragment`) in headless Chromium and
    /// returns the DOM after the script ran. Records an issue and returns nil without Chromium.
    static func load(_ report: ScanReport, in dir: TempDir, name: String, fragment: String = "",
                     sourceLocation: SourceLocation = #_sourceLocation) throws -> Page? {
        try load(html: HTMLReporter().render(report), in: dir, name: name, fragment: fragment,
                 sourceLocation: sourceLocation)
    }

    /// `chromium()`, or nil after recording why the test fails.
    static func requireChromium(sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        if let chromium = chromium() { return chromium }
        Issue.record("""
            chromium is not installed (not on PATH): the HTML report's browser tests need it.
            Install it with scripts/setup-test-tools.sh (Debian/Ubuntu: apt-get install -y chromium), \
            or point LEAKSCOPE_CHROMIUM at a Chromium binary.
            """, sourceLocation: sourceLocation)
        return nil
    }

    static func load(html: String, in dir: TempDir, name: String, fragment: String = "",
                     sourceLocation: SourceLocation = #_sourceLocation) throws -> Page? {
        guard let chromium = requireChromium(sourceLocation: sourceLocation) else { return nil }
        let file = try dir.write("\(name).html", html)
        // Keep the pages for a look (CI artifacts, screenshots): LEAKSCOPE_HTML_ARTIFACTS=folder.
        if let keep = ProcessInfo.processInfo.environment["LEAKSCOPE_HTML_ARTIFACTS"], !keep.isEmpty {
            try FileManager.default.createDirectory(atPath: keep, withIntermediateDirectories: true)
            try Data(html.utf8).write(to: URL(fileURLWithPath: keep).appendingPathComponent("\(name).html"))
        }
        let out = dir.url.appendingPathComponent("\(name).dom"), err = dir.url.appendingPathComponent("\(name).err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--user-data-dir=\(dir.path)/profile-\(name)", "--virtual-time-budget=5000",
            "--dump-dom", URL(fileURLWithPath: file).absoluteString + fragment,
        ]
        let stdout = try FileHandle(forWritingTo: out), stderr = try FileHandle(forWritingTo: err)
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        let start = Date()
        try process.run()
        if done.wait(timeout: .now() + 120) == .timedOut {
            process.terminate()
            _ = done.wait(timeout: .now() + 10)
            Issue.record("chromium did not finish within 120 s on \(name)", sourceLocation: sourceLocation)
        }
        let seconds = Date().timeIntervalSince(start)
        try stdout.close()
        try stderr.close()
        let page = Page(dom: try String(contentsOf: out, encoding: .utf8),
                        stderr: try String(contentsOf: err, encoding: .utf8), seconds: seconds)
        if process.terminationStatus != 0 || page.dom.isEmpty {
            Issue.record("chromium exited with \(process.terminationStatus) on \(name):\n\(page.stderr)",
                         sourceLocation: sourceLocation)
        }
        return page
    }

    /// The page ran its script to the end without an error.
    static func expectHealthy(_ page: Page, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(page.dom.contains("<pre id=\"errors\""), "no error element in the DOM", sourceLocation: sourceLocation)
        #expect(page.text("errors") == "", "script errors: \(page.text("errors") ?? "")", sourceLocation: sourceLocation)
        #expect(page.ready, "the script did not finish (no data-ready on <body>): \(page.bodyTag)\n\(page.stderr)",
                sourceLocation: sourceLocation)
    }

    /// Three known findings (one with markup in its path and context) and a suppressed one.
    static var threeFindings: ScanReport {
        var anthropic = Fixture.openAI
        anthropic.rule = "anthropic-api-key"
        anthropic.ruleName = "Anthropic API key"
        anthropic.provider = "Anthropic"
        anthropic.file = "x</script><img src=x onerror=alert(1)>.env"
        anthropic.context = "KEY=sk-ant-… <b>bold</b> </script>"
        anthropic.secret = "sk-ant-…"
        anthropic.fingerprint = "abababababababababababababababab"
        anthropic.owner = nil
        anthropic.age = nil
        anthropic.blastRadius.level = .critical
        anthropic.risk = Risk(score: 75, level: .high)
        let findings = [Fixture.openAI, Fixture.aws, anthropic, Fixture.huggingFace].sorted(by: Finding.reportOrder)
        return ScanReport(findings: findings, summary: ScanSummary(
            filesScanned: 10, bytesScanned: 4096, seconds: 0.5, rulesLoaded: 120, findings: 3))
    }

    @Test func threeKnownFindings() throws {
        let dir = try TempDir()
        guard let page = try HTMLBrowserTests.load(HTMLBrowserTests.threeFindings, in: dir, name: "three") else { return }
        HTMLBrowserTests.expectHealthy(page)
        let counts = ["total": "3", "critical": "1", "high": "1", "medium": "1", "low": "0", "suppressed": "1",
                      "llmjacking": "2"]
        for (id, n) in counts { #expect(page.text("count-\(id)") == n, "count-\(id)") }
        #expect(page.text("llm-providers") == "Anthropic (1), OpenAI (1)")
        // Every finding on the first page, riskiest first.
        let rows = page.rows
        #expect(rows.count == 3)
        #expect(rows.first?.contains("OpenAI project API key") == true)
        #expect(rows.first?.contains("<span class=\"score\">92</span>") == true)
        #expect(rows.dropFirst().first?.contains("Anthropic API key") == true)
        #expect(rows.last?.contains("AWS access key ID") == true)
        #expect(page.text("status") == "Showing 1–3 of 3 findings.")
        #expect(page.text("page") == "Page 1 of 1")
        // Markup in the data stays text: no element was made of it.
        #expect(rows[1].contains("x&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;.env:3"))
        #expect(rows[1].contains("KEY=sk-ant-… &lt;b&gt;bold&lt;/b&gt; &lt;/script&gt;"))
        #expect(!page.dom.contains("<img") && !page.dom.contains("<b>bold"))
        // The redacted secret as given, nothing more.
        #expect(rows[0].contains("<code>sk-proj-…</code>"))
        // The suppressed finding is only in its own table.
        #expect(page.rows(class: "srow").count == 1)
        #expect(page.rows(class: "srow").first?.contains("Hugging Face access token") == true)
        #expect(!rows.contains { $0.contains("Hugging Face") })
    }

    /// The checks above would notice a broken script: errors land in `#errors`.
    @Test func scriptErrorsAreReported() throws {
        guard HTMLBrowserTests.requireChromium() != nil else { return }
        let dir = try TempDir()
        let html = HTMLReporter().render(HTMLBrowserTests.threeFindings)
        let entry = "  try { main(); }"
        #expect(html.contains(entry))
        // Thrown while rendering: caught, reported, and the page never says it is ready.
        let broken = html.replacingOccurrences(of: entry, with: "  try { document.getElementById(\"data\").textContent = \"{\"; main(); }")
        if let page = try HTMLBrowserTests.load(html: broken, in: dir, name: "broken") {
            #expect(page.text("errors")?.contains("JSON") == true, "\(page.text("errors") ?? "")")
            #expect(!page.ready)
        }
        // Thrown later (a timer): window.onerror reports it.
        let late = html.replacingOccurrences(of: entry, with: "  setTimeout(function () { noSuchFunction(); }, 10);\n" + entry)
        if let page = try HTMLBrowserTests.load(html: late, in: dir, name: "late") {
            #expect(page.text("errors")?.contains("noSuchFunction") == true, "\(page.text("errors") ?? "")")
            #expect(page.ready)
        }
    }

    /// Clicks and typing, driven by a second script in a copy of the page: sorting, a matrix
    /// cell, a team bar, the provider menu, the text box, paging (two rows a page).
    @Test func interactions() throws {
        guard HTMLBrowserTests.requireChromium() != nil else { return }
        let dir = try TempDir()
        let driver = """
            <pre id="driver"></pre>
            <script>
            (function () {
              var out = [];
              function rows() { return document.querySelectorAll("#rows tr.frow").length; }
              function first() { var r = document.querySelector("#rows tr.frow"); return r ? r.children[1].firstChild.textContent : "-"; }
              function click(node) { node.dispatchEvent(new MouseEvent("click", { bubbles: true })); }
              function note(what) { out.push(what + ": " + rows() + " " + first()); }
              note("initial");
              click(document.querySelector('#findings th[data-key="rule"]'));
              note("rule");
              click(document.querySelector('#findings th[data-key="rule"]'));
              note("rule again");
              var cell = document.querySelector('#matrix .cell[data-blast="critical"][data-age="unknown"]');
              click(cell);
              note("cell");
              out.push("hash: " + location.hash);
              click(cell);
              note("cell again");
              click(document.querySelector('#team-chart .bar[data-team="@acme/security"]'));
              note("team");
              click(document.getElementById("clear"));
              var provider = document.getElementById("f-provider");
              provider.value = "AWS";
              provider.dispatchEvent(new Event("change"));
              note("provider");
              click(document.getElementById("clear"));
              click(document.getElementById("next"));
              note("next");
              out.push("status: " + document.getElementById("status").textContent);
              var q = document.getElementById("q");
              q.value = "ML-platform";
              q.dispatchEvent(new Event("input"));
              setTimeout(function () {
                note("typed");
                document.getElementById("driver").textContent = out.join("|");
              }, 400);
            })();
            """ + "</" + "script>\n"
        let html = HTMLReporter(pageSize: 2).render(HTMLBrowserTests.threeFindings)
            .replacingOccurrences(of: "</body>", with: driver + "</body>")
        guard let page = try HTMLBrowserTests.load(html: html, in: dir, name: "clicks") else { return }
        HTMLBrowserTests.expectHealthy(page)
        let steps = (page.text("driver") ?? "").split(separator: "|").map(String.init)
        #expect(steps == [
            "initial: 2 OpenAI project API key",
            "rule: 2 Anthropic API key",  // case-insensitive: Anthropic before AWS
            "rule again: 2 OpenAI project API key",
            "cell: 1 Anthropic API key",
            "hash: #blast=critical&age=unknown&sort=-rule",
            "cell again: 2 OpenAI project API key",
            "team: 1 OpenAI project API key",
            "provider: 1 AWS access key ID",
            "next: 1 Anthropic API key",  // Clear filters keeps the sort: rule, descending
            "status: Showing 3–3 of 3 findings.",
            "typed: 1 OpenAI project API key",
        ])
    }

    @Test func fragmentFiltersAndSorts() throws {
        guard HTMLBrowserTests.requireChromium() != nil else { return }
        let dir = try TempDir()
        let report = HTMLBrowserTests.threeFindings
        // A risk level.
        if let page = try HTMLBrowserTests.load(report, in: dir, name: "medium", fragment: "#risk=medium") {
            HTMLBrowserTests.expectHealthy(page)
            #expect(page.rows.count == 1)
            #expect(page.rows.first?.contains("AWS access key ID") == true)
            #expect(page.text("status") == "Showing 1–1 of 1 matching (3 findings in total).")
        }
        // A matrix cell: critical blast radius, unknown age (the Anthropic key).
        if let page = try HTMLBrowserTests.load(report, in: dir, name: "cell", fragment: "#blast=critical&age=unknown") {
            HTMLBrowserTests.expectHealthy(page)
            #expect(page.rows.count == 1)
            #expect(page.rows.first?.contains("Anthropic API key") == true)
            #expect(page.dom.contains("<g class=\"cell sel\" data-blast=\"critical\" data-age=\"unknown\""))
        }
        // Text and team, then sorted by age ascending (unknown last).
        if let page = try HTMLBrowserTests.load(report, in: dir, name: "text", fragment: "#q=ML-PLATFORM") {
            HTMLBrowserTests.expectHealthy(page)
            #expect(page.rows.count == 1)
            #expect(page.rows.first?.contains("OpenAI project API key") == true)
        }
        if let page = try HTMLBrowserTests.load(report, in: dir, name: "age", fragment: "#sort=age") {
            HTMLBrowserTests.expectHealthy(page)
            let order = page.rows.map { $0.contains("OpenAI") ? "openai" : $0.contains("AWS") ? "aws" : "anthropic" }
            #expect(order == ["openai", "aws", "anthropic"])
            #expect(page.dom.contains("data-key=\"age\" class=\"sortable\" tabindex=\"0\" aria-sort=\"ascending\""))
        }
    }

    static let providers = ["OpenAI", "Anthropic", "AWS", "Google Cloud", "GitHub", "Hugging Face", "Stripe", "Slack"]

    /// 10,000 varied findings and 100 suppressed ones.
    static var tenThousand: ScanReport {
        let levels = Level.descending
        var findings: [Finding] = []
        findings.reserveCapacity(10_100)
        for i in 0..<10_100 {
            var f = Fixture.openAI
            f.file = "services/s\(i % 97)/config-\(i).env"
            f.line = 1 + i % 400
            f.provider = providers[i % providers.count]
            f.rule = "rule-\(i % providers.count)"
            f.ruleName = "\(f.provider) key"
            f.tags = f.provider == "OpenAI" || f.provider == "Anthropic" ? ["llmjacking"] : []
            f.fingerprint = String(format: "%032x", i)
            f.risk = Risk(score: i % 100, level: levels[i % 4])
            f.blastRadius.level = levels[(i / 4) % 4]
            f.age = i % 11 == 0 ? nil : Age(introduced: "2026-01-01T00:00:00Z", days: (i * 37) % 900, commit: nil, source: .git)
            f.owner = i % 13 == 0 ? nil : Owner(team: ["@acme/team-\(i % 40)"], author: "Dev \(i % 50)", email: nil)
            if i >= 10_000 { f.suppression = Suppression(kind: .baseline, justification: "baseline") }
            findings.append(f)
        }
        return ScanReport(findings: findings.sorted(by: Finding.reportOrder), summary: ScanSummary(
            filesScanned: 10_100, bytesScanned: 50_000_000, seconds: 3.2, rulesLoaded: 120, findings: 10_000))
    }

    @Test func tenThousandFindingsRenderInTime() throws {
        let dir = try TempDir()
        let report = HTMLBrowserTests.tenThousand
        guard let page = try HTMLBrowserTests.load(report, in: dir, name: "large") else { return }
        HTMLBrowserTests.expectHealthy(page)
        let visible = report.visible
        #expect(visible.count == 10_000)
        #expect(page.text("count-total") == "10000")
        for level in HTMLReporter.levels {
            #expect(page.text("count-\(level)") == "2500", "\(level)")
        }
        #expect(page.text("count-suppressed") == "100")
        let llm = visible.filter { $0.tags.contains("llmjacking") }.count
        #expect(page.text("count-llmjacking") == String(llm))
        // The first page: 200 rows, highest score first.
        #expect(page.rows.count == 200)
        #expect(page.rows.first?.contains("<span class=\"score\">99</span>") == true)
        #expect(page.text("status") == "Showing 1–200 of 10000 findings.")
        #expect(page.text("page") == "Page 1 of 50")
        #expect(page.rows(class: "srow").count == 100)
        // Rendered within the virtual time budget, and quickly in real time too.
        let ms = try #require(page.renderMs)
        #expect(ms < 5000, "the script took \(ms) ms")
        #expect(page.seconds < 60, "chromium took \(page.seconds) s")
        // A later page through the fragment.
        if let last = try HTMLBrowserTests.load(report, in: dir, name: "large-last", fragment: "#provider=Slack&page=7") {
            HTMLBrowserTests.expectHealthy(last)
            let slack = visible.filter { $0.provider == "Slack" }.count  // 1250: pages of 200, the 7th has 50
            #expect(last.rows.count == slack - 6 * 200)
            #expect(last.text("page") == "Page 7 of 7")
            #expect(last.rows.allSatisfy { $0.contains("Slack key") })
        }
    }
}
