import Foundation

/// The JSON contract: `{"findings": [...], "summary": {...}}`, keys sorted, pretty-printed
/// (written by `PrettyJSON`, the same text `JSONEncoder` would give, many times faster).
public struct JSONReporter: Reporter {
    public init() {}

    public func render(_ report: ScanReport) -> String {
        var rounded = report.withoutSuppressed
        for i in rounded.findings.indices {
            rounded.findings[i].entropy = (rounded.findings[i].entropy * 1000).rounded() / 1000
        }
        rounded.summary.seconds = (rounded.summary.seconds * 1000).rounded() / 1000
        rounded.summary.triageSeconds = (rounded.summary.triageSeconds * 1000).rounded() / 1000
        var json = PrettyJSON(reservingCapacity: 1_024 + 1_200 * rounded.findings.count)
        rounded.write(&json)
        return json.line()
    }

    /// Every finding, suppressed ones included (what `--write-baseline` writes).
    public func renderAll(_ report: ScanReport) -> String {
        var copy = report
        copy.findings = copy.findings.map { var f = $0; f.suppression = nil; return f }
        return render(copy)
    }

    /// Reads a JSON report back (baselines, tests).
    public static func decode(_ data: Data) throws -> ScanReport {
        try JSONDecoder().decode(ScanReport.self, from: data)
    }
}
