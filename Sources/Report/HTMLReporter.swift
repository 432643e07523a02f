import Vocabulary
import Foundation

/// One self-contained HTML page for people: a security reviewer opens it from a CI artifact.
///
/// Loads nothing: CSS, one script and the charts (inline SVG drawn here) are in the file, and a
/// `Content-Security-Policy` meta forbids every fetch (`default-src 'none'`). From top to bottom:
///
/// - the summary, rendered here (readable without JavaScript): findings by risk level, provider
///   and CODEOWNERS team, the AI credentials tagged `llmjacking` ("LLMjacking exposure"), the scan
///   totals and warnings;
/// - the risk matrix, blast radius (rows) against age (columns), each cell a filter of the table;
/// - findings per owner team, a bar chart of the top 15 teams and "others";
/// - the findings table, rendered by the script from ONE JSON block, `pageSize` rows per page,
///   sorted and filtered in the script; the state lives in the URL fragment
///   (`#risk=critical&sort=age`), so a filtered view can be bookmarked;
/// - suppressed findings, collapsed, left out of every count.
///
/// Secrets appear only as the finding carries them (`secret`, `context`: redacted unless
/// `--show-secrets`). Text is escaped for HTML here and inserted with `textContent` by the script;
/// the JSON block escapes `<`, `>`, `&`, U+2028 and U+2029, so no value can close the script
/// element. A finding with several CODEOWNERS teams counts once for each team.
public struct HTMLReporter: Reporter {
    /// Table rows per page.
    public let pageSize: Int

    public init(pageSize: Int = 200) { self.pageSize = max(pageSize, 1) }

    /// The page's policy: nothing but its own inline style and script (and `data:` images).
    public static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; "
        + "base-uri 'none'; form-action 'none'"

    static let levels = Level.descending.map(\.rawValue)

    /// Age columns of the matrix: id (used by the script's filter), label, and days `lower..<upper`.
    static let ageBuckets: [(id: String, label: String)] = [
        ("lt7", "< 7 days"), ("7-30", "7–30 days"), ("30-90", "30–90 days"), ("90-365", "90–365 days"),
        ("gt365", "> 1 year"), ("unknown", "unknown"),
    ]

    /// The age column of a finding: `< 7`, `7..<30`, `30..<90`, `90..<365`, `>= 365` days, or unknown.
    static func ageBucket(_ age: Age?) -> String {
        guard let days = age?.days else { return "unknown" }
        switch days {
        case ..<7: return "lt7"
        case ..<30: return "7-30"
        case ..<90: return "30-90"
        case ..<365: return "90-365"
        default: return "gt365"
        }
    }

    /// Label of the owner teams of a finding: its CODEOWNERS teams, or "(no owner)".
    static let noOwner = "(no owner)"
    static func teams(_ f: Finding) -> [String] {
        guard let team = f.owner?.team, !team.isEmpty else { return [noOwner] }
        return team
    }

    /// The colour class of a level.
    static func levelClass(_ level: String) -> String { "lvl-\(level)" }

    /// Name and count, most first, then by name.
    static func ranked(_ values: [String]) -> [(name: String, count: Int)] {
        Dictionary(grouping: values, by: { $0 }).map { (name: $0.key, count: $0.value.count) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name }
    }

    public func render(_ report: ScanReport) -> String {
        let active = report.findings.filter { $0.suppression == nil }
        let suppressed = report.findings.filter { $0.suppression != nil }
        let n = active.count
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="\(HTMLReporter.contentSecurityPolicy)">
            <meta name="referrer" content="no-referrer">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="leakscope">
            <title>leakscope report: \(n == 0 ? "no secrets found" : "\(n) finding\(n == 1 ? "" : "s")")</title>
            <style>\(HTMLReporter.css)</style>
            </head>
            <body>
            <pre id="errors" hidden></pre>

            """
        out += header(report, active: active, suppressed: suppressed)
        out += summary(report, active: active, suppressed: suppressed)
        out += matrix(active)
        out += teamChart(active)
        out += table(active)
        out += suppressedSection(suppressed)
        out += "<footer>leakscope HTML report. Self-contained: this file loads nothing from the network.</footer>\n"
        out += "<script type=\"application/json\" id=\"data\">\n"
        out += dataBlock(active: active, suppressed: suppressed)
        out += "</script>\n<script>\(HTMLReporter.script)</script>\n</body>\n</html>\n"
        return out
    }

    // MARK: - Sections

    func header(_ report: ScanReport, active: [Finding], suppressed: [Finding]) -> String {
        let s = report.summary
        let n = active.count
        let headline = n == 0 ? "No secrets found" : "\(n) secret\(n == 1 ? "" : "s") found"
        var sub = "Scanned \(s.filesScanned) file\(s.filesScanned == 1 ? "" : "s") "
        sub += "(\(HTMLReporter.size(s.bytesScanned))) with \(s.rulesLoaded) rules "
        sub += "in \(HTMLReporter.fixed2(s.seconds)) s."
        var out = "<header>\n<h1>leakscope: <span class=\"headline\">\(headline)</span></h1>\n"
        out += "<p class=\"sub\">\(HTMLReporter.esc(sub))"
        if !s.complete {
            out += " <span class=\"incomplete\">Incomplete scan: see the warnings.</span>"
        }
        out += "</p>\n"
        if report.findings.contains(where: { !$0.redacted }) {
            out += "<p id=\"secrets-shown\" class=\"danger\">This report shows secrets in full (--show-secrets): "
            out += "treat the file itself as a secret.</p>\n"
        }
        out += "</header>\n"
        return out
    }

    func summary(_ report: ScanReport, active: [Finding], suppressed: [Finding]) -> String {
        let s = report.summary
        var out = "<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"cards\">\n"
        out += card(id: "count-total", count: active.count, label: "findings", cls: "total")
        let byLevel = Dictionary(grouping: active, by: { $0.risk.level.rawValue })
        for level in HTMLReporter.levels {
            let count = byLevel[level]?.count ?? 0
            out += card(id: "count-\(level)", count: count, label: level, cls: HTMLReporter.levelClass(level) + (count == 0 ? " zero" : ""))
        }
        out += card(id: "count-suppressed", count: suppressed.count, label: "suppressed (not counted)", cls: "muted")
        out += "</div>\n"

        // LLMjacking: AI credentials attackers resell model access with.
        let llm = active.filter { $0.tags.contains("llmjacking") }
        let llmProviders = HTMLReporter.ranked(llm.map(\.provider))
        out += "<div id=\"llmjacking\" class=\"llm\(llm.isEmpty ? " none" : "")\">"
        out += "<strong>LLMjacking exposure:</strong> <span id=\"count-llmjacking\">\(llm.count)</span> "
        out += "AI credential\(llm.count == 1 ? "" : "s")"
        if llm.isEmpty {
            out += ".</div>\n"
        } else {
            out += " that attackers can resell model access with: <span id=\"llm-providers\">"
            out += llmProviders.map { "\(HTMLReporter.esc($0.name)) (\($0.count))" }.joined(separator: ", ")
            out += "</span>. Revoke \(llm.count == 1 ? "it" : "them") first.</div>\n"
        }

        out += "<div class=\"panels\">\n"
        // By provider.
        out += "<div class=\"panel\"><h3>By provider</h3>\n"
        out += countTable(id: "by-provider", HTMLReporter.ranked(active.map(\.provider)), empty: "none")
        out += "</div>\n"
        // By owner team.
        out += "<div class=\"panel\"><h3>By owner team</h3>\n"
        out += countTable(id: "by-team", HTMLReporter.ranked(active.flatMap(HTMLReporter.teams)), empty: "none")
        out += "</div>\n"
        // Scan totals.
        out += "<div class=\"panel\"><h3>Scan</h3>\n<dl id=\"scan\">\n"
        out += "<dt>files scanned</dt><dd id=\"scan-files\">\(s.filesScanned)</dd>\n"
        out += "<dt>data scanned</dt><dd id=\"scan-mb\">\(HTMLReporter.size(s.bytesScanned))</dd>\n"
        var time = "\(HTMLReporter.fixed2(s.seconds)) s"
        if s.triageSeconds > 0 { time += " (git and CODEOWNERS: \(HTMLReporter.fixed2(s.triageSeconds)) s)" }
        out += "<dt>time</dt><dd id=\"scan-seconds\">\(time)</dd>\n"
        out += "<dt>rules</dt><dd>\(s.rulesLoaded)</dd>\n"
        let skipped = s.filesSkipped.sorted { $0.key < $1.key }
        let skippedText = skipped.isEmpty ? "none"
            : skipped.map { "\(HTMLReporter.esc($0.key)) \($0.value)" }.joined(separator: ", ")
        out += "<dt>skipped</dt><dd id=\"scan-skipped\">\(skippedText)</dd>\n"
        out += "<dt>status</dt><dd id=\"scan-status\" class=\"\(s.complete ? "ok" : "bad")\">"
        out += s.complete ? "complete" : "incomplete"
        out += "</dd>\n</dl>\n"
        if !s.warnings.isEmpty {
            out += "<details id=\"warnings\"\(s.complete ? "" : " open")><summary>\(s.warnings.count) "
            out += "warning\(s.warnings.count == 1 ? "" : "s")</summary>\n<ul>\n"
            for w in s.warnings { out += "<li>\(HTMLReporter.esc(w))</li>\n" }
            out += "</ul>\n</details>\n"
        }
        out += "</div>\n</div>\n</section>\n"
        return out
    }

    func card(id: String?, count: Int, label: String, cls: String) -> String {
        let idAttr = id.map { " id=\"\($0)\"" } ?? ""
        return "<div class=\"card \(cls)\"><div class=\"num\"\(idAttr)>\(count)</div>"
            + "<div class=\"label\">\(HTMLReporter.esc(label))</div></div>\n"
    }

    func countTable(id: String, _ rows: [(name: String, count: Int)], empty: String) -> String {
        guard !rows.isEmpty else { return "<p class=\"muted\" id=\"\(id)\">\(empty)</p>\n" }
        var out = "<div class=\"scroll\"><table class=\"counts\" id=\"\(id)\">\n"
        for r in rows {
            out += "<tr><td>\(HTMLReporter.esc(r.name))</td><td class=\"n\">\(r.count)</td></tr>\n"
        }
        return out + "</table></div>\n"
    }

    /// Blast radius (rows) × age (columns), an SVG of clickable cells coloured by count.
    func matrix(_ active: [Finding]) -> String {
        var out = "<section id=\"matrix-section\">\n<h2>Risk matrix: blast radius × age</h2>\n"
        out += "<p class=\"hint\">What a credential reaches against how long it has been exposed. "
        out += "Click a cell to list its findings.</p>\n"
        let blastLevels = HTMLReporter.levels
        var counts: [String: Int] = [:]
        for f in active {
            counts["\(f.blastRadius.level.rawValue)|\(HTMLReporter.ageBucket(f.age))", default: 0] += 1
        }
        let maxCount = counts.values.max() ?? 0
        let labelW = 150, cellW = 112, cellH = 46, headH = 34, gap = 4
        let width = labelW + HTMLReporter.ageBuckets.count * (cellW + gap)
        let height = headH + blastLevels.count * (cellH + gap) + 4
        out += HTMLReporter.svgStart(id: "matrix", width: width, height: height, label: "Risk matrix: blast radius by age")
        for (c, bucket) in HTMLReporter.ageBuckets.enumerated() {
            let x = labelW + c * (cellW + gap) + cellW / 2
            out += "<text class=\"colhead\" x=\"\(x)\" y=\"\(headH - 12)\" text-anchor=\"middle\">"
            out += "\(HTMLReporter.esc(bucket.label))</text>\n"
        }
        for (r, level) in blastLevels.enumerated() {
            let y = headH + r * (cellH + gap)
            out += "<text class=\"rowhead \(HTMLReporter.levelClass(level))\" x=\"\(labelW - 12)\" "
            out += "y=\"\(y + cellH / 2 + 5)\" text-anchor=\"end\">\(HTMLReporter.esc(level))</text>\n"
            for (c, bucket) in HTMLReporter.ageBuckets.enumerated() {
                let x = labelW + c * (cellW + gap)
                let count = counts["\(level)|\(bucket.id)"] ?? 0
                let (fill, ink) = HTMLReporter.heat(count, max: maxCount)
                let what = "\(count) finding\(count == 1 ? "" : "s"), blast radius \(level), age \(bucket.label)"
                out += "<g class=\"cell\(count == 0 ? " empty" : "")\" data-blast=\"\(HTMLReporter.esc(level))\" "
                out += "data-age=\"\(bucket.id)\" data-count=\"\(count)\""
                if count > 0 { out += " tabindex=\"0\" role=\"button\"" }
                out += HTMLReporter.labelled(what)
                out += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(cellW)\" height=\"\(cellH)\" rx=\"6\" fill=\"\(fill)\"/>"
                out += "<text x=\"\(x + cellW / 2)\" y=\"\(y + cellH / 2 + 6)\" text-anchor=\"middle\" fill=\"\(ink)\">"
                out += "\(count)</text></g>\n"
            }
        }
        out += "</svg>\n</section>\n"
        return out
    }

    /// A cell's fill and text colour: light grey for none, then white to dark red by the square
    /// root of count / max (so one finding next to a thousand still shows).
    static func heat(_ count: Int, max: Int) -> (fill: String, ink: String) {
        guard count > 0, max > 0 else { return ("#f1f3f5", "#adb5bd") }
        let t = 0.18 + 0.82 * (Double(count) / Double(max)).squareRoot()
        let from = (255.0, 236.0, 230.0), to = (165.0, 29.0, 29.0)
        func mix(_ a: Double, _ b: Double) -> Int { Int((a + (b - a) * t).rounded()) }
        let rgb = [mix(from.0, to.0), mix(from.1, to.1), mix(from.2, to.2)]
        let hex = "#" + rgb.map { String(format: "%02x", $0) }.joined()
        return (hex, t > 0.55 ? "#ffffff" : "#3b0a0a")
    }

    /// Findings per owner team: the 15 teams with most findings, then "others".
    func teamChart(_ active: [Finding]) -> String {
        var out = "<section id=\"teams-section\">\n<h2>Findings per owner team</h2>\n"
        let ranked = HTMLReporter.ranked(active.flatMap(HTMLReporter.teams))
        guard !ranked.isEmpty else { return out + "<p class=\"muted\">No findings.</p>\n</section>\n" }
        out += "<p class=\"hint\">CODEOWNERS teams; a finding with several owners counts for each. "
        out += "Click a bar to list that team's findings.</p>\n"
        var bars = ranked.prefix(15).map { (name: $0.name, count: $0.count, team: true) }
        if ranked.count > 15 {
            let rest = ranked.dropFirst(15)
            let label = "others (\(rest.count) team\(rest.count == 1 ? "" : "s"))"
            bars.append((name: label, count: rest.reduce(0) { $0 + $1.count }, team: false))
        }
        let maxCount = bars.map(\.count).max() ?? 1
        let labelW = 260, barW = 560, numW = 70, rowH = 26
        let width = labelW + barW + numW, height = bars.count * rowH + 6
        out += HTMLReporter.svgStart(id: "team-chart", width: width, height: height, label: "Findings per owner team")
        for (i, bar) in bars.enumerated() {
            let y = 3 + i * rowH
            let w = max(2, Int((Double(bar.count) / Double(maxCount) * Double(barW)).rounded()))
            let label = bar.name.count > 36 ? String(bar.name.prefix(35)) + "…" : bar.name
            let what = "\(bar.name): \(bar.count) finding\(bar.count == 1 ? "" : "s")"
            out += "<g class=\"bar\(bar.team ? "" : " others")\""
            if bar.team { out += " data-team=\"\(HTMLReporter.esc(bar.name))\" tabindex=\"0\" role=\"button\"" }
            out += " data-count=\"\(bar.count)\"" + HTMLReporter.labelled(what)
            out += "<text class=\"barlabel\" x=\"\(labelW - 10)\" y=\"\(y + 17)\" text-anchor=\"end\">"
            out += "\(HTMLReporter.esc(label))</text>"
            out += "<rect x=\"\(labelW)\" y=\"\(y + 3)\" width=\"\(w)\" height=\"\(rowH - 6)\" rx=\"3\"/>"
            out += "<text class=\"barnum\" x=\"\(labelW + w + 6)\" y=\"\(y + 17)\">\(bar.count)</text></g>\n"
        }
        out += "</svg>\n</section>\n"
        return out
    }

    /// A chart's `<svg>` start tag: scaled by its view box, a labelled group for screen readers.
    static func svgStart(id: String, width: Int, height: Int, label: String) -> String {
        "<svg id=\"\(id)\" class=\"chart\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" "
            + "role=\"group\" aria-label=\"\(label)\">\n"
    }

    /// The end of a chart element's start tag: `what` as its accessible name, then as its tooltip.
    static func labelled(_ what: String) -> String {
        " aria-label=\"\(esc(what))\"><title>\(esc(what))</title>"
    }

    /// The table shell: controls and an empty body the script fills.
    func table(_ active: [Finding]) -> String {
        var out = "<section id=\"findings-section\">\n<h2>Findings</h2>\n"
        guard !active.isEmpty else {
            return out + "<p class=\"muted\" id=\"no-findings\">No findings.</p>\n</section>\n"
        }
        out += "<div class=\"controls\">\n"
        out += "<input id=\"q\" type=\"search\" placeholder=\"Filter: rule, file, owner, context…\" "
        out += "aria-label=\"Filter findings\" autocomplete=\"off\">\n"
        out += "<select id=\"f-risk\" aria-label=\"Risk level\"><option value=\"\">all risk levels</option>"
        out += HTMLReporter.options(HTMLReporter.levels)
        out += "</select>\n<select id=\"f-provider\" aria-label=\"Provider\"><option value=\"\">all providers</option>"
        out += HTMLReporter.options(Set(active.map(\.provider)).sorted())
        out += "</select>\n<span id=\"chips\"></span>\n"
        out += "<button id=\"clear\" type=\"button\">Clear filters</button>\n</div>\n"
        out += "<p id=\"status\" aria-live=\"polite\"></p>\n"
        out += "<div class=\"tablewrap\"><table id=\"findings\" class=\"findings\">\n<thead><tr>"
        let columns: [(key: String?, label: String)] = [
            ("score", "Risk"), ("rule", "Rule"), ("provider", "Provider"), ("location", "Location"),
            ("owner", "Owner"), ("age", "Age (days)"), ("blast", "Blast radius"), (nil, "Why"), (nil, "Secret"),
        ]
        for c in columns {
            if let key = c.key {
                out += "<th data-key=\"\(key)\" class=\"sortable\" tabindex=\"0\" aria-sort=\"none\">\(c.label)</th>"
            } else {
                out += "<th>\(c.label)</th>"
            }
        }
        out += "</tr></thead>\n<tbody id=\"rows\"></tbody>\n</table></div>\n"
        out += pager(prefix: "")
        out += "</section>\n"
        return out
    }

    /// A filter's `<option>`s, each value also its text.
    static func options(_ values: [String]) -> String {
        values.map { "<option value=\"\(esc($0))\">\(esc($0))</option>" }.joined()
    }

    func pager(prefix: String) -> String {
        "<div class=\"pager\"><button id=\"\(prefix)prev\" type=\"button\">‹ Previous</button> "
            + "<span id=\"\(prefix)page\"></span> <button id=\"\(prefix)next\" type=\"button\">Next ›</button></div>\n"
    }

    func suppressedSection(_ suppressed: [Finding]) -> String {
        guard !suppressed.isEmpty else { return "" }
        let n = suppressed.count
        var out = "<section id=\"suppressed-section\">\n<details id=\"suppressed\">"
        out += "<summary><h2>Suppressed findings (\(n))</h2> <span class=\"muted\">"
        out += "baseline, inline <code>leakscope:allow</code> or config; not counted above</span></summary>\n"
        out += "<div class=\"tablewrap\"><table id=\"suppressed-table\" class=\"findings\">\n<thead><tr>"
        for label in ["Risk", "Rule", "Provider", "Location", "Owner", "Suppressed by", "Justification", "Secret"] {
            out += "<th>\(label)</th>"
        }
        out += "</tr></thead>\n<tbody id=\"srows\"></tbody>\n</table></div>\n"
        out += pager(prefix: "s")
        out += "</details>\n</section>\n"
        return out
    }

    // MARK: - Data

    /// What the script needs of a finding (short keys: 10,000 of them stay a few MB).
    struct Row: Encodable {
        var score: Int
        var level: String
        var rule: String
        var ruleName: String
        var provider: String
        var category: String
        var file: String
        var line: Int
        var column: Int
        var teams: [String]
        var author: String?
        var email: String?
        var ageDays: Int?
        var introduced: String?
        var ageSource: String?
        var ageBucket: String
        var blast: String
        var lifetime: String
        var caps: [String]
        var reasons: [String]
        var secret: String
        var secretLength: Int
        var redacted: Bool
        var context: String
        var tags: [String]
        var fingerprint: String
        var commit: String?
        var presentAtHead: Bool?
        var decoded: String?
        var suppression: String?
        var justification: String?

        init(_ f: Finding) {
            score = f.risk.score
            level = f.risk.level.rawValue
            rule = f.rule
            ruleName = f.ruleName
            provider = f.provider
            category = f.category.rawValue
            file = f.file
            line = f.line
            column = f.column
            teams = f.owner?.team ?? []
            author = f.owner?.author ?? f.commit?.author
            email = f.owner?.email ?? f.commit?.email
            ageDays = f.age?.days
            introduced = f.age?.introduced
            ageSource = f.age?.source.rawValue
            ageBucket = HTMLReporter.ageBucket(f.age)
            blast = f.blastRadius.level.rawValue
            lifetime = f.blastRadius.lifetime.rawValue
            caps = f.blastRadius.capabilities.map(\.rawValue)
            reasons = f.blastRadius.reasons
            secret = f.secret
            secretLength = f.secretLength
            redacted = f.redacted
            context = f.context
            tags = f.tags
            fingerprint = f.fingerprint
            commit = f.commit?.sha ?? f.age?.commit
            presentAtHead = f.presentAtHead
            decoded = f.decoded
            suppression = f.suppression?.kind.rawValue
            justification = f.suppression?.justification
        }
    }

    /// `{"pageSize": N, "findings": [...], "suppressed": [...]}`, one finding a line, made safe for
    /// a `<script>` element by `scriptSafe`.
    func dataBlock(active: [Finding], suppressed: [Finding]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func list(_ findings: [Finding]) -> String {
            // Encoding plain structs of strings and numbers cannot fail.
            findings.map { String(decoding: try! encoder.encode(Row($0)), as: UTF8.self) }.joined(separator: ",\n")
        }
        var json = "{\"pageSize\":\(pageSize),\n\"findings\":[\n"
        json += list(active)
        json += "\n],\n\"suppressed\":[\n"
        json += list(suppressed)
        json += "\n]}\n"
        return HTMLReporter.scriptSafe(json)
    }

    /// JSON text that cannot end or confuse a `<script>` element (`</script>`, `<!--`) nor break
    /// older JavaScript parsers: `<`, `>`, `&`, U+2028 and U+2029 as `\uXXXX` escapes. These
    /// characters only occur inside JSON strings, where the escapes mean the same.
    static func scriptSafe(_ json: String) -> String {
        var out = String.UnicodeScalarView()
        for u in json.unicodeScalars {
            switch u {
            case "<": out.append(contentsOf: "\\u003c".unicodeScalars)
            case ">": out.append(contentsOf: "\\u003e".unicodeScalars)
            case "&": out.append(contentsOf: "\\u0026".unicodeScalars)
            case "\u{2028}": out.append(contentsOf: "\\u2028".unicodeScalars)
            case "\u{2029}": out.append(contentsOf: "\\u2029".unicodeScalars)
            default: out.append(u)
            }
        }
        return String(out)
    }

    // MARK: - Text

    /// Text for HTML content and quoted attribute values.
    static func esc(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters (but tab and line ends) are not allowed in HTML text.
                if (ch.value < 0x20 && ch != "\t" && ch != "\n" && ch != "\r") || ch.value == 0x7F {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(ch)
                }
            }
        }
        return out
    }

    /// Bytes in MB (or KB under one MB), one decimal.
    static func size(_ bytes: Int) -> String {
        bytes < 1_000_000 ? "\(String(format1: Double(bytes) / 1000)) KB" : "\(String(format1: Double(bytes) / 1_000_000)) MB"
    }

    /// Two decimals, without a locale.
    static func fixed2(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let frac = abs(hundredths % 100)
        return "\(hundredths / 100).\(frac < 10 ? "0" : "")\(frac)"
    }
}
