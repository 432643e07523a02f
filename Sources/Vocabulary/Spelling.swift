/// Every vocabulary word prints as it is spelt in rule files and reports (`long-lived`, not
/// `longLived`), so string interpolation in a reporter can never drift from the JSON.
public protocol Spelled: RawRepresentable<String>, CustomStringConvertible {}

extension Spelled {
    public var description: String { rawValue }
}

extension Level: Spelled {}
extension Lifetime: Spelled {}
extension Category: Spelled {}
extension Capability: Spelled {}
extension AgeSource: Spelled {}
extension SuppressionKind: Spelled {}

extension Sequence where Element: Spelled {
    /// The words as spelt, in order.
    public var spelled: [String] { map(\.rawValue) }
}
