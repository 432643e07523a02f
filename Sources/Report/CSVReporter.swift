import Vocabulary
/// RFC 4180 CSV for spreadsheets and triage: a header row, then one row per finding, CRLF line ends.
///
/// Fields holding a comma, a double quote, CR or LF are quoted, with quotes doubled. A field that
/// starts with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` so a spreadsheet never runs it as
/// a formula (CSV injection: a file name or a secret's context is attacker-controlled text).
///
/// `suppressed` holds the suppression kind (`baseline`, `inline`, `config`) or is empty; every
/// finding is listed, suppressed ones too. `owner_team` joins the CODEOWNERS owners with spaces;
/// `commit`, `author` and `email` come from the commit a history scan found the secret in, else
/// from the commit that introduced it.
public struct CSVReporter: Reporter {
    public init() {}

    /// The header row, in column order.
    public static let columns = [
        "file", "line", "column", "rule", "provider", "category", "secret", "fingerprint", "risk_score",
        "risk_level", "blast_radius", "lifetime", "age_days", "introduced", "commit", "author", "email",
        "owner_team", "suppressed",
    ]

    public func render(_ report: ScanReport) -> String {
        var out = CSVReporter.row(CSVReporter.columns)
        for f in report.findings {
            out += CSVReporter.row([
                displayPath(f.file), String(f.line), String(f.column), f.rule, f.provider, f.category.rawValue, f.secret, f.fingerprint,
                String(f.risk.score), f.risk.level.rawValue, f.blastRadius.level.rawValue, f.blastRadius.lifetime.rawValue,
                f.age.map { String($0.days) } ?? "", f.age?.introduced ?? "",
                f.commit?.sha ?? f.age?.commit ?? "", f.commit?.author ?? f.owner?.author ?? "",
                f.commit?.email ?? f.owner?.email ?? "", f.owner?.team?.joined(separator: " ") ?? "",
                f.suppression?.kind.rawValue ?? "",
            ])
        }
        return out
    }

    static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// One field: defused against formula injection, then quoted when needed.
    static func field(_ value: String) -> String {
        var v = value
        if let first = v.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            v = "'" + v
        }
        let needsQuotes = v.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return v }
        var quoted = "\""
        for u in v.unicodeScalars {
            if u == "\"" { quoted += "\"\"" } else { quoted.unicodeScalars.append(u) }
        }
        return quoted + "\""
    }
}
