import Vocabulary
/// JUnit XML for CI test dashboards (Jenkins, GitLab, Azure Pipelines, CircleCI).
///
/// One `<testsuite name="leakscope">`; one `<testcase>` per finding, failed with the redacted
/// secret, or `<skipped>` when the finding is suppressed. A clean scan is one passing test case,
/// "no secrets found", so dashboards show the check ran.
public struct JUnitReporter: Reporter {
    public init() {}

    public func render(_ report: ScanReport) -> String {
        let findings = report.findings
        let suppressed = findings.filter { $0.suppression != nil }.count
        let failures = findings.count - suppressed
        let tests = max(findings.count, 1)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuite name=\"leakscope\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\""
        out += " skipped=\"\(suppressed)\" time=\"\(XML.seconds(report.summary.seconds))\">\n"
        if findings.isEmpty {
            out += "  <testcase classname=\"leakscope\" name=\"no secrets found\" time=\"0\"/>\n"
        }
        for f in findings {
            let name = "\(f.rule) at \(f.line):\(f.column)"
            out += "  <testcase classname=\"\(XML.attribute(f.file))\" name=\"\(XML.attribute(name))\""
            out += " file=\"\(XML.attribute(f.file))\" line=\"\(f.line)\" time=\"0\">\n"
            if let s = f.suppression {
                let message = "suppressed: \(s.kind): \(s.justification)"
                out += "    <skipped message=\"\(XML.attribute(message))\"/>\n"
            } else {
                let shown = f.redacted ? "\(f.secret) (\(f.secretLength) bytes, redacted)" : f.secret
                let message = "\(f.ruleName) (\(f.provider)): \(shown); risk \(f.risk.level) \(f.risk.score)/100"
                out += "    <failure message=\"\(XML.attribute(message))\" type=\"\(XML.attribute(f.rule))\">"
                out += XML.text(details(f)) + "</failure>\n"
            }
            out += "  </testcase>\n"
        }
        out += "</testsuite>\n"
        return out
    }

    /// The failure's body: where, what it reaches, who owns it, how to fix it.
    func details(_ f: Finding) -> String {
        var lines = ["\(f.file):\(f.line):\(f.column)  \(f.rule)  [\(f.provider), \(f.category)]"]
        lines.append("context: \(f.context)")
        lines.append("risk: \(f.risk.level) (\(f.risk.score)/100); blast radius \(f.blastRadius.level), \(f.blastRadius.lifetime)")
        if let reason = f.blastRadius.reasons.first { lines.append("impact: \(reason)") }
        if let age = f.age { lines.append("introduced: \(age.introduced) (\(age.days) days ago)") }
        if let owner = f.owner {
            var who: [String] = []
            if let team = owner.team, !team.isEmpty { who.append(team.joined(separator: " ")) }
            if let author = owner.author { who.append(owner.email.map { "\(author) <\($0)>" } ?? author) }
            if !who.isEmpty { lines.append("owner: " + who.joined(separator: "; ")) }
        }
        if let c = f.commit { lines.append("commit: \(c.sha) by \(c.author) <\(c.email)> on \(c.date)") }
        lines.append("fingerprint: \(f.fingerprint)")
        lines.append("fix: revoke or rotate the credential at \(f.provider), then remove it from the code and history.")
        return "\n" + lines.joined(separator: "\n") + "\n    "
    }
}

/// XML 1.0 escaping.
enum XML {
    /// Text content: `&`, `<`, `>` escaped; carriage returns kept as `&#13;` (parsers would
    /// normalise them away); characters XML 1.0 forbids replaced with U+FFFD.
    static func text(_ s: String) -> String { escape(s, attribute: false) }

    /// An attribute value in double quotes: also `"` and `'`, and tab, newline and carriage
    /// return as character references, which attribute-value normalisation would turn into spaces.
    static func attribute(_ s: String) -> String { escape(s, attribute: true) }

    static func escape(_ s: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "'" where attribute: out += "&apos;"
            case "\t" where attribute: out += "&#9;"
            case "\n" where attribute: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t", "\n": out.unicodeScalars.append(u)
            default:
                out.unicodeScalars.append(allowed(u) ? u : "\u{FFFD}")
            }
        }
        return out
    }

    /// XML 1.0 `Char`: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
    static func allowed(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// Seconds with three decimals, locale-independent.
    static func seconds(_ value: Double) -> String {
        let ms = Int((max(value, 0) * 1000).rounded())
        let frac = String(ms % 1000)
        return "\(ms / 1000)." + String(repeating: "0", count: 3 - frac.count) + frac
    }
}
