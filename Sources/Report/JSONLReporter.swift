import Foundation

/// JSON Lines: one visible finding a line (compact, keys sorted), in report order, then one
/// `{"summary": {...}}` line. Lines are written one by one as they are encoded (`write`), so a
/// reader can start on the first finding before the last is encoded and the whole report never
/// sits in memory as one string. Findings come after triage, in the report's sorted order: the
/// order (and so the output) is the same whatever the thread count.
public struct JSONLReporter: Reporter {
    public init() {}

    public func render(_ report: ScanReport) -> String {
        var out = ""
        write(report) { out += $0 }
        return out
    }

    /// Hands each line (with its newline) to `emit` as soon as it is encoded.
    public func write(_ report: ScanReport, to emit: (String) throws -> Void) rethrows {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for var finding in report.visible {
            finding.entropy = (finding.entropy * 1000).rounded() / 1000
            // Plain Codable values: encoding cannot fail.
            try emit(String(decoding: try! encoder.encode(finding), as: UTF8.self) + "\n")
        }
        var summary = report.summary
        summary.seconds = (summary.seconds * 1000).rounded() / 1000
        summary.triageSeconds = (summary.triageSeconds * 1000).rounded() / 1000
        try emit(String(decoding: try! encoder.encode(["summary": summary]), as: UTF8.self) + "\n")
    }
}
