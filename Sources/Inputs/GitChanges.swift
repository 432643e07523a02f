/// What a change adds, read from git: the staged index (pre-commit) or a range of commits (CI).
public enum GitChanges {
    /// Raw records (NUL-separated: exact paths) ahead of each patch; see `PatchParser`.
    static let patchOptions = ["--raw", "-z", "-p", "--no-abbrev", "-U0", "--no-color", "--no-ext-diff", "--no-textconv",
                               "--diff-filter=ACMR", "-M"]

    /// Lines the staged changes add (new files whole, modified files only their added lines),
    /// numbered as in the staged version. Deleted files add nothing.
    public static func staged(repository: String) throws(GitError) -> [AddedLines] {
        let data = try GitCommand.run(["diff", "--cached"] + patchOptions, in: repository)
        return PatchParser.parse(Array(data))
    }

    /// Lines each commit in `range` (`A..B`, or `REV..HEAD` for `--since REV`) adds, oldest
    /// commit first, each with its commit, author and date. A merge commit adds the lines of its
    /// result that none of its parents has (git's combined diff, `-c`): a conflict resolved by
    /// typing a key, a file added while merging. What it takes from a parent was added by that
    /// parent's own commits (scanned there when they are in the range, and older than the range
    /// when they are not), so a merge of the base branch into a feature branch does not report
    /// the base branch's keys as the feature's, nor a branch's key a second time.
    public static func range(_ range: String, repository: String) throws(GitError) -> [AddedLines] {
        guard !range.hasPrefix("-") else { throw GitError(message: "invalid range '\(range)'") }
        let data = try GitCommand.run(["log", "--reverse", "-c", PatchParser.logFormat] + patchOptions + [range, "--"],
                                      in: repository)
        return PatchParser.parse(Array(data))
    }
}
