/// Patterns matched against a file's path (the `path` condition of a rule), not its bytes.
extension Pattern {
    /// Compiles a path condition: case-insensitive unless the source turns it off with `(?-i)`
    /// (names such as `KEYSTORE.P12` or `ID_RSA` come from case-insensitive file systems). An
    /// error's offset is into `source` as written.
    public static func path(_ source: String) throws(PatternError) -> Pattern {
        do { return try Pattern("(?i)" + source) } catch {
            throw PatternError(message: error.message, offset: max(0, error.offset - 4))
        }
    }

    /// Whether `path` holds a match, using `workspace`'s match data (no allocation). A pattern
    /// that hits a PCRE2 limit on a path counts as no match.
    public func matches(path: String, workspace: MatchWorkspace) -> Bool {
        var path = path
        return path.withUTF8 { buf in
            guard let base = buf.baseAddress, buf.count > 0 else { return false }
            return (try? firstMatch(in: base, end: buf.count, from: 0, workspace: workspace)) != nil
        }
    }
}
