/// What to revoke first: one 0-100 score and its level (triage computes it once per finding).
public struct Risk: Sendable, Codable, Equatable {
    /// 0-100.
    public var score: Int
    public var level: Level

    public init(score: Int, level: Level) {
        self.score = score
        self.level = level
    }
}
