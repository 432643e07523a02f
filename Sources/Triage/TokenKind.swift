/// A prefix that names a token's type, and what that type implies.
struct TokenKind {
    let prefix: String
    let level: String
    let lifetime: String?
    let capabilities: [String]
    let reason: String

    /// The first of `kinds` whose prefix `secret` starts with (list longer prefixes first).
    static func first(in kinds: [TokenKind], for secret: String) -> TokenKind? {
        kinds.first { secret.hasPrefix($0.prefix) }
    }

    /// What the type alone tells: its level, lifetime, capabilities and reason.
    var anatomy: Anatomy {
        Anatomy(lifetime: lifetime, level: level, capabilities: capabilities, reasons: [reason])
    }
}
