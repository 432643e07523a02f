import Synchronization

/// A flag the CLI raises on Ctrl-C: the producer stops feeding, workers stop after their
/// current item, and the scan returns what it found so far, marked incomplete.
public final class Cancellation: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    public func cancel() { flag.store(true, ordering: .relaxed) }

    public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}
