import Vocabulary
/// A GitHub-flavoured markdown summary, made for a GitHub Actions job summary
/// (`leakscope scan --format markdown >> "$GITHUB_STEP_SUMMARY"`).
///
/// A heading, the totals (findings by risk level and by provider), then the riskiest findings
/// (risk score, highest first) in a table of at most `maxRows` rows and "and N more". Suppressed
/// findings are counted apart and never listed. Secrets are not shown at all: a job summary is
/// readable by everyone who can read the workflow run.
public struct MarkdownReporter: Reporter {
    /// The most findings the table lists.
    public let maxRows: Int

    public init(maxRows: Int = 50) { self.maxRows = max(maxRows, 0) }

    static let levels = Level.descending.map(\.rawValue)

    public func render(_ report: ScanReport) -> String {
        let active = report.findings.filter { $0.suppression == nil }
        let suppressed = report.findings.filter { $0.suppression != nil }
        let s = report.summary
        var out = ""
        if active.isEmpty {
            out += "## leakscope: no secrets found\n\n"
        } else {
            out += "## leakscope: \(active.count) secret\(active.count == 1 ? "" : "s") found\n\n"
        }
        let mb = Double(s.bytesScanned) / 1_000_000
        out += "Scanned \(s.filesScanned) file\(s.filesScanned == 1 ? "" : "s") (\(String(format1: mb)) MB) "
        out += "with \(s.rulesLoaded) rules in \(String(format1: s.seconds)) s."
        if !suppressed.isEmpty {
            let kinds = Dictionary(grouping: suppressed, by: { $0.suppression!.kind.rawValue })
                .sorted { $0.key < $1.key }
                .map { "\($0.value.count) \(MarkdownReporter.cell($0.key))" }
            out += " \(suppressed.count) suppressed finding\(suppressed.count == 1 ? "" : "s") not listed"
            out += " (\(kinds.joined(separator: ", ")))."
        }
        out += "\n"
        if !s.complete {
            out += "\n> [!WARNING]\n> The scan is incomplete: \(s.warnings.count) warning\(s.warnings.count == 1 ? "" : "s").\n"
        }
        guard !active.isEmpty else { return out }

        out += "\n| risk level | findings |\n|---|---:|\n"
        let byLevel = Dictionary(grouping: active, by: { $0.risk.level.rawValue })
        for level in MarkdownReporter.levels {
            guard let n = byLevel[level]?.count else { continue }
            out += "| \(MarkdownReporter.cell(level)) | \(n) |\n"
        }

        out += "\n| provider | findings |\n|---|---:|\n"
        let byProvider = Dictionary(grouping: active, by: \.provider)
            .map { (provider: $0.key, count: $0.value.count) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.provider < $1.provider }
        for p in byProvider { out += "| \(MarkdownReporter.cell(p.provider)) | \(p.count) |\n" }

        let ranked = active.sorted { a, b in
            a.risk.score != b.risk.score ? a.risk.score > b.risk.score : Finding.reportOrder(a, b)
        }
        out += "\n### Top findings\n\n| risk | rule | location | owner | age (days) |\n|---|---|---|---|---:|\n"
        for f in ranked.prefix(maxRows) {
            let owner = f.owner?.team.flatMap { $0.isEmpty ? nil : $0.joined(separator: " ") }
                ?? f.owner?.author ?? "—"
            let age = f.age.map { String($0.days) } ?? "—"
            out += "| \(f.risk.score) \(MarkdownReporter.cell(f.risk.level.rawValue)) | \(MarkdownReporter.cell(f.ruleName)) "
            out += "| \(MarkdownReporter.cell("\(displayPath(f.file)):\(f.line)")) | \(MarkdownReporter.cell(owner)) | \(age) |\n"
        }
        if ranked.count > maxRows {
            let more = ranked.count - maxRows
            out += "\nand \(more) more finding\(more == 1 ? "" : "s") (see the full report).\n"
        }
        return out
    }

    /// One table cell: `|`, backticks and other markdown punctuation backslash-escaped, line
    /// breaks turned into spaces, so a file name can neither break the table nor inject markup.
    static func cell(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "\n", "\r", "\u{2028}", "\u{2029}": out += " "
            case "\\", "`", "|", "*", "_", "[", "]", "<", ">", "~", "#", "!", "&": out += "\\"; out.unicodeScalars.append(u)
            default:
                // Other control characters would only garble the page.
                if u.value < 0x20 || u.value == 0x7F { out += " " } else { out.unicodeScalars.append(u) }
            }
        }
        return out
    }
}
