/// Renders a report in one format. Reporters know nothing of matching: they see `ScanReport`.
public protocol Reporter {
    func render(_ report: ScanReport) -> String
}

/// The output formats `--format` accepts.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, sarif, junit, csv, markdown, html

    /// The reporter for this format.
    public func reporter(color: Bool = false) -> Reporter {
        switch self {
        case .text: TextReporter(color: color)
        case .json: JSONReporter()
        case .sarif: SARIFReporter()
        case .junit: JUnitReporter()
        case .csv: CSVReporter()
        case .markdown: MarkdownReporter()
        case .html: HTMLReporter()
        }
    }
}
