import Foundation

/// The ignore files read at the repository root: `.leakscopeignore` (one fingerprint a line,
/// `# comments`), and gitleaks' `.gitleaksignore` (`commit:file:rule:line` or `file:rule:line`),
/// mapped onto file and line since rule ids differ between the two tools. Neither holds a secret.
public struct IgnoreFile: Sendable {
    /// leakscope's own ignore file.
    public static let fileName = ".leakscopeignore"
    /// gitleaks' ignore file, honoured for a repository moving from gitleaks.
    public static let gitleaksFileName = ".gitleaksignore"

    /// Fingerprints to suppress, each with the justification shown in reports.
    public var fingerprints: [String: String] = [:]
    /// `.gitleaksignore` entries: a path relative to the repository root and a line, with the
    /// commit when the entry names one.
    public var locations: [Location] = []
    /// Lines that could not be used, as `file:line: why` (shown as warnings).
    public var warnings: [String] = []

    /// One `.gitleaksignore` entry mapped onto leakscope: the rule part is not compared.
    public struct Location: Sendable, Equatable {
        public var file: String
        public var line: Int
        public var commit: String?
        /// The entry as written, for the justification.
        public var entry: String
    }

    public init() {}

    /// Reads `.leakscopeignore` text: a fingerprint is 32 hex digits; anything after `#` is a comment.
    public static func parseLeakscope(_ text: String, file: String) -> IgnoreFile {
        var out = IgnoreFile()
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let (body, comment) = split(raw)
            guard !body.isEmpty else { continue }
            guard body.count == 32, body.allSatisfy(\.isHexDigit) else {
                out.warnings.append("\(file):\(n + 1): '\(body)' is not a fingerprint (32 hex digits); line ignored")
                continue
            }
            let why = comment.isEmpty ? "" : ": \(comment)"
            out.fingerprints[body.lowercased()] = "in \(file)\(why)"
        }
        return out
    }

    /// Reads `.gitleaksignore` text. gitleaks writes `file:rule:line` for files and
    /// `commit:file:rule:line` for commits; the file may hold colons, so the parts are taken from
    /// both ends.
    public static func parseGitleaks(_ text: String, file: String) -> IgnoreFile {
        var out = IgnoreFile()
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let (body, _) = split(raw)
            guard !body.isEmpty else { continue }
            var parts = body.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 3, let line = Int(parts.removeLast()), line > 0, !parts.removeLast().isEmpty else {
                out.warnings.append("\(file):\(n + 1): '\(body)' is not a gitleaks fingerprint (file:rule:line or commit:file:rule:line); line ignored")
                continue
            }
            var commit: String?
            if parts.count > 1, parts[0].count >= 7, parts[0].count <= 64, parts[0].allSatisfy(\.isHexDigit) {
                commit = parts.removeFirst().lowercased()
            }
            var path = parts.joined(separator: ":")
            while path.hasPrefix("./") { path.removeFirst(2) }
            guard !path.isEmpty, !path.hasPrefix("/") else {
                out.warnings.append("\(file):\(n + 1): '\(body)' names no path relative to the repository; line ignored")
                continue
            }
            out.locations.append(Location(file: path, line: line, commit: commit, entry: body))
        }
        return out
    }

    /// Reads an ignore file if it exists (nil when it does not).
    static func load(_ path: String, gitleaks: Bool) -> IgnoreFile? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        return gitleaks ? parseGitleaks(text, file: path) : parseLeakscope(text, file: path)
    }

    /// The line without its `# comment`, and the comment, both trimmed.
    static func split(_ line: Substring) -> (String, String) {
        let hash = line.firstIndex(of: "#")
        let body = hash.map { line[..<$0] } ?? line
        let comment = hash.map { line[line.index(after: $0)...] } ?? ""
        return (body.trimmingCharacters(in: .whitespaces), comment.trimmingCharacters(in: .whitespaces))
    }

    /// Both files merged (the later one's warnings after the earlier one's).
    mutating func merge(_ other: IgnoreFile) {
        fingerprints.merge(other.fingerprints) { a, _ in a }
        locations += other.locations
        warnings += other.warnings
    }
}
