/// How long a credential stays valid: a long-lived key is worth more to an attacker than a
/// temporary one, and an expired one is worth little.
public enum Lifetime: String, Sendable, CaseIterable, Codable {
    case longLived = "long-lived", temporary, expired, unknown
}
