/// How bad something is, on the one four-step scale that blast radius, risk, `--fail-on` and
/// `--min-risk` all use.
public enum Level: String, Sendable, CaseIterable, Codable, Comparable {
    case low, medium, high, critical

    /// Position on the scale, 0 (low) to 3 (critical).
    public var rank: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        case .critical: 3
        }
    }

    public static func < (a: Level, b: Level) -> Bool { a.rank < b.rank }

    /// Highest first: the order reports list levels in.
    public static let descending: [Level] = allCases.reversed()

    /// This level moved `steps` along the scale (+1 one level up), clamped to low…critical.
    public func moved(by steps: Int) -> Level {
        Level.allCases[min(Level.allCases.count - 1, max(0, rank + steps))]
    }
}
