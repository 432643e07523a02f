/// The report a person reads on a terminal: one block per finding, then the totals.
public struct TextReporter: Reporter {
    /// Use ANSI colours (only on a terminal).
    public let color: Bool

    public init(color: Bool = false) { self.color = color }

    func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    public func render(_ report: ScanReport) -> String {
        var out = ""
        for f in report.findings {
            out += paint("\(f.file):\(f.line):\(f.column)", "1") + "  " + paint(f.rule, "33")
            out += "  [\(f.provider), \(f.category), \(f.blastRadius.level)]\n"
            let shown = f.redacted ? "\(f.secret) (\(f.secretLength) chars, redacted)" : f.secret
            out += "    secret:  \(shown)  entropy \(String(format1: f.entropy))\n"
            out += "    context: \(f.context)\n"
        }
        let s = report.summary
        if !report.findings.isEmpty { out += "\n" }
        let mb = Double(s.bytesScanned) / 1_000_000
        out += "\(report.findings.count) finding\(report.findings.count == 1 ? "" : "s") in \(s.filesScanned) files"
        out += " (\(String(format1: mb)) MB, \(String(format1: s.seconds)) s, \(s.rulesLoaded) rules)"
        if !s.filesSkipped.isEmpty {
            let parts = s.filesSkipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
            out += "; skipped: " + parts.joined(separator: ", ")
        }
        out += "\n"
        if !s.complete { out += paint("warning: the scan is incomplete (see warnings above)", "31") + "\n" }
        return out
    }
}

extension String {
    /// A number with one decimal, without Foundation's formatter.
    init(format1 value: Double) {
        let tenths = Int((value * 10).rounded())
        self = "\(tenths / 10).\(abs(tenths % 10))"
    }
}
