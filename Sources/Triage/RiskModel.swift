import Vocabulary

/// Ranks findings: one 0–100 score from blast radius, lifetime and exposure.
public enum RiskModel {
    /// Score = base by level (critical 70, high 50, medium 30, low 10) + lifetime (long-lived +10,
    /// temporary −10, expired −40) + 10 if committed (everyone with repository access has it)
    /// − 5 if only in history (still in every clone, but maybe rotated) + min(10, ageDays / 30)
    /// (longer exposure, likelier harvested); clamped to 0–100. Level: ≥80 critical, ≥60 high, ≥35 medium, else low.
    public static func score(level: Level, lifetime: Lifetime, committed: Bool, inHistoryOnly: Bool,
                             ageDays: Int?) -> Risk {
        var s: Int
        switch level {
        case .critical: s = 70
        case .high: s = 50
        case .medium: s = 30
        case .low: s = 10
        }
        switch lifetime {
        case .longLived: s += 10
        case .temporary: s -= 10
        case .expired: s -= 40
        case .unknown: break
        }
        if committed { s += 10 }
        if inHistoryOnly { s -= 5 }
        if let days = ageDays, days > 0 { s += min(10, days / 30) }
        s = min(100, max(0, s))
        return Risk(score: s, level: band(s))
    }

    /// The level of a score.
    public static func band(_ score: Int) -> Level {
        score >= 80 ? .critical : score >= 60 ? .high : score >= 35 ? .medium : .low
    }
}
