import Foundation
import Vocabulary

/// One finding's blast radius: its rule's (or the rule variant's) refined by the secret itself and
/// where it sits. Risk is not here: triage scores it once, when age and commit are known.
public struct Assessment: Sendable, Equatable {
    /// False when the secret cannot be an issued credential, so the finding is dropped rather than shown.
    public var valid: Bool
    /// Blast-radius level once the secret's type and its path are known, which can differ from the rule's guess.
    public var level: Level
    /// Lifetime as the secret itself tells it (an expired JWT is no longer a live risk).
    public var lifetime: Lifetime
    /// What a holder can do: the rule's capabilities plus the type's, so the report shows the whole reach.
    public var capabilities: [Capability]
    /// Why the level and lifetime are what they are, so people can check the ranking.
    public var reasons: [String]
    /// Facts decoded from the secret (account ids, key sizes, expiry dates), to route and correlate findings.
    public var details: [String: String]

    /// The base (rule or variant) level moved by the anatomy's and the path's adjustments (the
    /// anatomy's own type level replaces the base when it knows one); the anatomy's lifetime, else
    /// the base's. `typeReasons` (the variant's sentence) come first.
    public static func assess(ruleID: String, baseLevel: Level, baseLifetime: Lifetime, baseCapabilities: [Capability],
                              typeReasons: [String] = [], secret: String, path: String, now: Date) -> Assessment {
        let anatomy = KeyAnatomy.inspect(ruleID: ruleID, secret: secret, now: now)
        let place = PathContext.assess(path: path)
        let level = (anatomy.level ?? baseLevel).moved(by: anatomy.levelAdjustment + place.adjustment)
        let lifetime = anatomy.lifetime ?? baseLifetime
        var capabilities: [Capability] = []
        for c in baseCapabilities + anatomy.capabilities where !capabilities.contains(c) { capabilities.append(c) }
        return Assessment(valid: anatomy.valid, level: level, lifetime: lifetime, capabilities: capabilities,
                          reasons: typeReasons + anatomy.reasons + place.reasons, details: anatomy.details)
    }
}
