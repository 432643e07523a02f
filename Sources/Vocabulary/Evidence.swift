/// Where a finding's age comes from.
public enum AgeSource: String, Sendable, Codable {
    /// The commit that introduced it.
    case git
    /// The file's modification time (untracked or uncommitted files).
    case mtime
}

/// What suppressed a finding.
public enum SuppressionKind: String, Sendable, Codable {
    /// Its fingerprint is in the baseline.
    case baseline
    /// `leakscope:allow` on its line.
    case inline
    /// The config's allowlist.
    case config
    /// Its fingerprint is in `.leakscopeignore`, or its file and line in `.gitleaksignore`.
    case ignoreFile = "ignore-file"
}
