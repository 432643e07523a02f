import Vocabulary

/// Ranks findings: one 0–100 score from blast radius, lifetime and exposure.
public enum RiskModel {
    /// Score = base by level (critical 70, high 50, medium 30, low 10) + lifetime (long-lived +10,
    /// temporary −10, expired −40) + 10 if committed (everyone with repository access has it)
    /// − 5 if only in history (still in every clone, but maybe rotated) + min(10, ageDays / 30)
    /// (longer exposure, likelier harvested); clamped to 0–100. Level: ≥80 critical, ≥60 high, ≥35 medium, else low.
    public static func score(level: Level, lifetime: Lifetime, committed: Bool, inHistoryOnly: Bool,
                             ageDays: Int?) -> Risk {
        var factors: [RiskFactor] = []
        switch level {
        case .critical: factors.append(RiskFactor(points: 70, reason: "blast radius critical"))
        case .high: factors.append(RiskFactor(points: 50, reason: "blast radius high"))
        case .medium: factors.append(RiskFactor(points: 30, reason: "blast radius medium"))
        case .low: factors.append(RiskFactor(points: 10, reason: "blast radius low"))
        }
        switch lifetime {
        case .longLived: factors.append(RiskFactor(points: 10, reason: "long-lived credential: valid until someone revokes it"))
        case .temporary: factors.append(RiskFactor(points: -10, reason: "temporary credential: expires on its own"))
        case .expired: factors.append(RiskFactor(points: -40, reason: "expired: no longer a live credential"))
        case .unknown: break
        }
        if committed { factors.append(RiskFactor(points: 10, reason: "committed: everyone with repository access has it")) }
        if inHistoryOnly { factors.append(RiskFactor(points: -5, reason: "only in history: still in every clone, but maybe rotated")) }
        if let days = ageDays, days > 0, days / 30 > 0 {
            factors.append(RiskFactor(points: min(10, days / 30), reason: "exposed \(days) days (1 point a month, at most 10)"))
        }
        let sum = factors.reduce(0) { $0 + $1.points }
        let s = min(100, max(0, sum))
        if s != sum { factors.append(RiskFactor(points: s - sum, reason: "clamped to 0-100")) }
        return Risk(score: s, level: band(s), factors: factors)
    }

    /// The level of a score.
    public static func band(_ score: Int) -> Level {
        score >= 80 ? .critical : score >= 60 ? .high : score >= 35 ? .medium : .low
    }
}
