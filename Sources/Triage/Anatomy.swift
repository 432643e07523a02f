import Vocabulary

/// What a secret's own characters reveal about it, on top of what its rule says.
public struct Anatomy: Sendable, Equatable {
    /// False when the string cannot be an issued credential (bad checksum, undecodable), so it is not reported.
    public var valid: Bool
    /// Replaces the rule's lifetime when the secret itself tells: `long-lived`, `temporary` or `expired`.
    public var lifetime: Lifetime?
    /// The level the token's type implies (e.g. `sk_test_` → low), so a broad rule gets the specific answer.
    public var level: Level?
    /// Steps up (+1) or down (-1) from that level, for facts about this one secret (expired, hardware-bound).
    public var levelAdjustment: Int
    /// Capabilities the secret's type grants on top of the rule's.
    public var capabilities: [Capability]
    /// Short sentences that let a person check each conclusion.
    public var reasons: [String]
    /// Facts decoded from the secret (`awsAccountID`, `keyBits`...), to correlate findings and route them.
    public var details: [String: String]

    public init(valid: Bool = true, lifetime: Lifetime? = nil, level: Level? = nil, levelAdjustment: Int = 0,
                capabilities: [Capability] = [], reasons: [String] = [], details: [String: String] = [:]) {
        self.valid = valid
        self.lifetime = lifetime
        self.level = level
        self.levelAdjustment = levelAdjustment
        self.capabilities = capabilities
        self.reasons = reasons
        self.details = details
    }

    /// An anatomy that rejects the string, with the reason.
    static func invalid(_ reason: String) -> Anatomy { Anatomy(valid: false, reasons: [reason]) }
}
