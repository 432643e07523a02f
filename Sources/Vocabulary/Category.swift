/// What kind of credential a rule finds; reports group by it.
public enum Category: String, Sendable, CaseIterable, Codable {
    case ai, cloud, vcs, saas, keys, generic
    /// Password hashes: not credentials themselves, but crackable offline into one.
    case hashes
}
