/// Ranks findings: one 0–100 score from blast radius, lifetime and exposure, and the level arithmetic
/// that folds anatomy and path adjustments into a blast-radius level.
public enum Risk {
    /// Blast-radius levels from lowest to highest.
    public static let levels = ["low", "medium", "high", "critical"]

    /// Risk score and its level.
    /// Score = base by level (critical 70, high 50, medium 30, low 10) + lifetime (long-lived +10,
    /// temporary −10, expired −40) + 10 if committed (everyone with repository access has it)
    /// − 5 if only in history (still in every clone, but maybe rotated) + min(10, ageDays / 30)
    /// (longer exposure, likelier harvested); clamped to 0–100. Level: ≥80 critical, ≥60 high, ≥35 medium, else low.
    public static func score(level: String, lifetime: String, committed: Bool, inHistoryOnly: Bool,
                             ageDays: Int?) -> (score: Int, level: String) {
        var s: Int
        switch level.lowercased() {
        case "critical": s = 70
        case "high": s = 50
        case "low": s = 10
        default: s = 30   // medium, and unknown levels
        }
        switch lifetime.lowercased() {
        case "long-lived": s += 10
        case "temporary": s -= 10
        case "expired": s -= 40
        default: break    // unknown
        }
        if committed { s += 10 }
        if inHistoryOnly { s -= 5 }
        if let days = ageDays, days > 0 { s += min(10, days / 30) }
        s = min(100, max(0, s))
        let band = s >= 80 ? "critical" : s >= 60 ? "high" : s >= 35 ? "medium" : "low"
        return (s, band)
    }

    /// `baseLevel` moved by the sum of `adjustments` (+1 one level up), clamped to low…critical.
    /// An unknown base counts as medium.
    public static func combine(baseLevel: String, adjustments: [Int]) -> String {
        let base = levels.firstIndex(of: baseLevel.lowercased()) ?? 1
        let moved = base + adjustments.reduce(0, +)
        return levels[min(levels.count - 1, max(0, moved))]
    }
}
