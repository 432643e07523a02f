/// How a secret is shown when the user did not ask for it: a short prefix and the length.
public enum Redaction {
    /// At most this many leading characters are kept, and never more than a quarter.
    static let maxPrefix = 8

    /// `sk-proj-…` for a 164-character key; `ab…` for an 8-character password.
    public static func redact(_ secret: String) -> String {
        let chars = Array(secret)
        let keep = min(maxPrefix, chars.count / 4)
        return String(chars.prefix(keep)) + "…"
    }
}
