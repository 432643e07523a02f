/// What to revoke first: one 0-100 score and its level (triage computes it once per finding).
public struct Risk: Sendable, Codable, Equatable {
    /// 0-100.
    public var score: Int
    public var level: Level
    /// What added or removed points and why; they add up to `score` (nil when not computed by triage).
    public var factors: [RiskFactor]?

    public init(score: Int, level: Level, factors: [RiskFactor]? = nil) {
        self.score = score
        self.level = level
        self.factors = factors
    }
}

/// One term of a risk score: points (negative to remove) and the reason, so people can check the sum.
public struct RiskFactor: Sendable, Codable, Equatable {
    /// Points this factor adds (or removes, when negative).
    public var points: Int
    /// Why, in one sentence a reader can check.
    public var reason: String

    public init(points: Int, reason: String) {
        self.points = points
        self.reason = reason
    }
}
