import Synchronization

/// A flag the CLI raises on Ctrl-C: the producer stops feeding, workers stop after their
/// current item, and the scan returns what it found so far, marked incomplete.
public final class Cancellation: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    public func cancel() { flag.store(true, ordering: .relaxed) }

    public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}

/// Running totals the workers bump as they go, for a progress line.
public final class ScanProgress: Sendable {
    private let files = Atomic<Int>(0)
    private let bytes = Atomic<Int>(0)
    private let found = Atomic<Int>(0)

    public init() {}

    func add(files f: Int, bytes b: Int, findings n: Int) {
        files.wrappingAdd(f, ordering: .relaxed)
        bytes.wrappingAdd(b, ordering: .relaxed)
        if n > 0 { found.wrappingAdd(n, ordering: .relaxed) }
    }

    /// Files and bytes scanned and findings so far.
    public var snapshot: (files: Int, bytes: Int, findings: Int) {
        (files.load(ordering: .relaxed), bytes.load(ordering: .relaxed), found.load(ordering: .relaxed))
    }
}
