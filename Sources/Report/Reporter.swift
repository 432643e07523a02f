/// Renders a report in one format. Reporters know nothing of matching: they see `ScanReport`.
public protocol Reporter {
    func render(_ report: ScanReport) -> String
}

/// The output formats `--format` accepts.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, sarif, junit, csv, markdown, html
    /// One finding a line, then a summary line.
    case jsonl

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
        case .jsonl: JSONLReporter()
        }
    }

    /// The format a report file's extension names (`-o report.sarif`), or nil.
    public static func inferred(fromPath path: String) -> ReportFormat? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "json": return .json
        case "jsonl", "ndjson": return .jsonl
        case "sarif": return .sarif
        case "csv": return .csv
        case "xml": return .junit
        case "md", "markdown": return .markdown
        case "html", "htm": return .html
        case "txt": return .text
        default: return nil
        }
    }
}
