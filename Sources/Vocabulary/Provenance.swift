/// Where a fragment of scanned bytes came from: a file on disk, lines a change adds, or a blob
/// of the git history. Matching never looks at it; findings, triage and reports do.
public enum Provenance: Sendable, Equatable {
    /// A file on disk. `contextPath` is its path below the scan root, which triage judges
    /// (so the folder a checkout sits in never makes its files look like tests).
    case file(path: String, contextPath: String)
    /// The lines a staged change (no commit) or a commit of a range adds to `path`.
    case added(path: String, commit: Commit?)
    /// One blob of the history, at `path` in some commit.
    case blob(path: String, oid: String)

    /// The path reports show.
    public var path: String {
        switch self {
        case .file(let path, _), .added(let path, _), .blob(let path, _): path
        }
    }

    /// The path that triage judges (tests, fixtures, production).
    public var contextPath: String {
        if case .file(_, let context) = self { return context }
        return path
    }
}
