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
    /// commit first, each with its commit, author and date.
    public static func range(_ range: String, repository: String) throws(GitError) -> [AddedLines] {
        guard !range.hasPrefix("-") else { throw GitError(message: "invalid range '\(range)'") }
        let data = try GitCommand.run(["log", "--reverse", "--no-merges", PatchParser.logFormat] + patchOptions + [range, "--"],
                                      in: repository)
        return PatchParser.parse(Array(data))
    }
}
