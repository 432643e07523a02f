import Foundation

/// One finding's triage: its rule's blast radius refined by the secret itself, where it sits and how
/// long it has been exposed, with the risk score the report ranks by.
public struct Assessment: Sendable, Equatable {
    /// False when the secret cannot be an issued credential, so the finding is dropped rather than shown.
    public var valid: Bool
    /// Blast-radius level once the secret's type and its path are known, which can differ from the rule's guess.
    public var level: String
    /// Lifetime as the secret itself tells it (an expired JWT is no longer a live risk).
    public var lifetime: String
    /// What a holder can do: the rule's capabilities plus the type's, so the report shows the whole reach.
    public var capabilities: [String]
    /// Why the level and lifetime differ from the rule's, so people can check the ranking.
    public var reasons: [String]
    /// Facts decoded from the secret (account ids, key sizes, expiry dates), to route and correlate findings.
    public var details: [String: String]
    /// 0–100: the report's sort key, so the riskiest findings come first.
    public var riskScore: Int
    /// The score's band (low, medium, high, critical), for filters and summaries.
    public var riskLevel: String

    /// Combines the parts: the anatomy's type level (or the rule's) moved by the anatomy's and the
    /// path's adjustments; the anatomy's lifetime (or the rule's); then `Risk.score` with `blame`.
    /// Without blame (no git) the secret counts as uncommitted and of unknown age.
    public static func assess(ruleID: String, baseLevel: String, baseLifetime: String, baseCapabilities: [String],
                              secret: String, path: String, blame: BlameInfo?, inHistoryOnly: Bool = false,
                              now: Date) -> Assessment {
        let anatomy = KeyAnatomy.inspect(ruleID: ruleID, secret: secret, now: now)
        let place = PathContext.assess(path: path)
        let level = Risk.combine(baseLevel: anatomy.level ?? baseLevel, adjustments: [anatomy.levelAdjustment, place.adjustment])
        let lifetime = anatomy.lifetime ?? baseLifetime
        var capabilities: [String] = []
        for c in baseCapabilities + anatomy.capabilities where !capabilities.contains(c) { capabilities.append(c) }
        let risk = Risk.score(level: level, lifetime: lifetime, committed: blame?.committed ?? false,
                              inHistoryOnly: inHistoryOnly, ageDays: blame?.ageDays(now: now))
        return Assessment(valid: anatomy.valid, level: level, lifetime: lifetime, capabilities: capabilities,
                          reasons: anatomy.reasons + place.reasons, details: anatomy.details,
                          riskScore: risk.score, riskLevel: risk.level)
    }
}
