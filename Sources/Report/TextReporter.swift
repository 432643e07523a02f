import Vocabulary
/// The report a person reads on a terminal: one block per finding, then a summary that says
/// what to revoke first.
public struct TextReporter: Reporter {
    /// Use ANSI colours (only on a terminal).
    public let color: Bool
    /// How many findings the "revoke first" list shows.
    public static let topCount = 10

    public init(color: Bool = false) { self.color = color }

    func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    func levelColor(_ level: Level) -> String {
        switch level { case .critical: "1;31"; case .high: "31"; case .medium: "33"; case .low: "36" }
    }

    /// A whole credential's parts, briefly: `access key ID aws-access-key-id 2:19, ...`.
    static func componentsText(_ f: Finding) -> String? {
        guard let parts = f.components, !parts.isEmpty else { return nil }
        return parts.map { "\($0.role) at \($0.line):\($0.column) (\($0.rule))" }.joined(separator: ", ")
    }

    public func render(_ report: ScanReport) -> String {
        let findings = report.visible
        var out = ""
        for f in findings {
            out += paint("\(displayPath(f.file)):\(f.line):\(f.column)", "1") + "  " + paint(f.rule, "33")
            out += "  [\(f.provider), \(f.category)]  risk " + paint("\(f.risk.level) \(f.risk.score)", levelColor(f.risk.level)) + "\n"
            let shown = f.redacted ? "\(f.secret) (\(f.secretLength) chars, redacted)" : f.secret
            out += "    secret:  \(shown)  entropy \(String(format1: f.entropy))\(f.decoded.map { "  (decoded: \($0))" } ?? "")\n"
            out += "    context: \(f.context)\n"
            if let parts = TextReporter.componentsText(f) { out += "    parts:   \(parts)\n" }
            out += "    blast:   \(f.blastRadius.level), \(f.blastRadius.lifetime)"
            if !f.blastRadius.capabilities.isEmpty { out += ", " + f.blastRadius.capabilities.spelled.joined(separator: ", ") }
            out += "\n"
            for r in f.blastRadius.reasons { out += "             - \(r)\n" }
            if let owner = TextReporter.ownerText(f) { out += "    owner:   \(owner)\n" }
            if let age = f.age {
                out += "    age:     \(age.days) days (since \(age.introduced.prefix(10)), \(age.source)\(age.commit.map { " \($0.prefix(10))" } ?? ""))\n"
            }
            if let c = f.commit, f.age?.commit != c.sha { out += "    commit:  \(c.sha.prefix(10)) \(c.author) \(c.date.prefix(10))\n" }
            if let present = f.presentAtHead { out += "    at HEAD: \(present ? "yes" : "no (in history only)")\n" }
        }
        if !findings.isEmpty { out += "\n" + summary(findings) + "\n" }
        let s = report.summary
        let mb = Double(s.bytesScanned) / 1_000_000
        out += "\(findings.count) finding\(findings.count == 1 ? "" : "s") in \(s.filesScanned) file\(s.filesScanned == 1 ? "" : "s")"
        out += " (\(String(format1: mb)) MB, \(String(format1: s.seconds)) s, \(s.rulesLoaded) rules)"
        if s.suppressed > 0 { out += "; \(s.suppressed) suppressed" }
        if !s.filesSkipped.isEmpty {
            let parts = s.filesSkipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
            out += "; skipped: " + parts.joined(separator: ", ")
        }
        out += "\n"
        if !s.complete { out += paint("warning: the scan is incomplete (see the warnings)", "31") + "\n" }
        return out
    }

    static func ownerText(_ f: Finding) -> String? {
        var parts: [String] = []
        if let team = f.owner?.team, !team.isEmpty { parts.append(team.joined(separator: " ")) }
        if let author = f.owner?.author { parts.append(author + (f.owner?.email.map { " <\($0)>" } ?? "")) }
        return parts.isEmpty ? nil : parts.joined(separator: ", added by ")
    }

    /// Counts by risk level, provider and owner team, and the findings to revoke first.
    func summary(_ findings: [Finding]) -> String {
        var out = paint("Summary", "1") + "\n"
        let byLevel = Dictionary(grouping: findings, by: \.risk.level)
        out += "  by risk:     " + Level.descending.compactMap { l in byLevel[l].map { "\($0.count) \(l)" } }.joined(separator: ", ") + "\n"
        out += "  by provider: " + TextReporter.counts(findings.map(\.provider)) + "\n"
        let teams = findings.map { $0.owner?.team?.joined(separator: " ") ?? "(no owner)" }
        out += "  by owner:    " + TextReporter.counts(teams) + "\n"
        let ai = findings.filter { $0.tags.contains("llmjacking") }.count
        if ai > 0 { out += "  AI credentials (LLMjacking exposure): \(ai)\n" }
        out += paint("Revoke first", "1") + "\n"
        let top = findings.sorted { ($0.risk.score, $1.file, $1.line) > ($1.risk.score, $0.file, $0.line) }.prefix(Self.topCount)
        for f in top {
            let owner = f.owner?.team?.joined(separator: " ") ?? f.owner?.author ?? "-"
            let age = f.age.map { "\($0.days)d" } ?? "-"
            out += "  " + paint("\(f.risk.level.rawValue.padding(8)) \(String(f.risk.score).padding(3))", levelColor(f.risk.level))
            out += " \(f.rule.padding(34)) \(displayPath(f.file)):\(f.line)  owner \(owner)  age \(age)\n"
        }
        return out
    }

    /// "3 OpenAI, 1 AWS", most first, then by name.
    static func counts(_ values: [String]) -> String {
        Dictionary(grouping: values, by: { $0 }).map { ($0.key, $0.value.count) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            .map { "\($0.1) \($0.0)" }.joined(separator: ", ")
    }
}

extension String {
    /// A number with one decimal, without Foundation's formatter.
    init(format1 value: Double) {
        let tenths = Int((value * 10).rounded())
        self = "\(tenths / 10).\(abs(tenths % 10))"
    }

    /// Left-aligned in `width` columns.
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
