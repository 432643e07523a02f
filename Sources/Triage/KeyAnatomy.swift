import Foundation

/// Reads a matched secret offline (prefixes, checksums, encoded ids, claims, key headers) to refine
/// its blast radius, and rejects strings that cannot be issued credentials.
public enum KeyAnatomy {
    /// Inspects `secret`, found by rule `ruleID`; `now` dates JWT expiry. Secrets of no known
    /// structure get a neutral anatomy (valid, no change).
    public static func inspect(ruleID: String, secret: String, now: Date) -> Anatomy {
        let trimmed = secret.trimmingCharacters(in: .whitespacesAndNewlines)
        if let a = AWSKeyID.inspect(trimmed) { return a }
        if let a = GitHubToken.inspect(trimmed, now: now) { return a }
        if let a = PrivateKeyAnatomy.inspect(trimmed) { return a }
        if let a = JWTAnatomy.inspect(trimmed, ruleID: ruleID, now: now) { return a }
        return Anatomy()
    }
}
