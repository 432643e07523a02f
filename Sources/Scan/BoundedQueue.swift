import Foundation

/// A blocking FIFO of bounded size between the walker and the workers, so the walk never runs
/// far ahead of matching and memory stays flat whatever the number of files: at most `capacity`
/// elements, and at most `byteBudget` bytes of the sizes pushed with them (one element always
/// fits, however large).
final class BoundedQueue<Element>: @unchecked Sendable {
    private var items: [(element: Element, bytes: Int)?]
    private var head = 0
    private var count = 0
    private var bytes = 0
    private let byteBudget: Int
    private var closed = false
    private let condition = NSCondition()

    init(capacity: Int, byteBudget: Int = .max) {
        items = Array(repeating: nil, count: capacity)
        self.byteBudget = byteBudget
    }

    /// Adds an element of `size` bytes, waiting while the queue is full.
    func push(_ element: Element, size: Int = 0) {
        condition.lock()
        while count == items.count || (count > 0 && size > byteBudget - bytes) { condition.wait() }
        items[(head + count) % items.count] = (element, size)
        count += 1
        bytes += size
        condition.broadcast()
        condition.unlock()
    }

    /// No more elements will come: waiting consumers wake and drain.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next element, or nil once the queue is closed and empty.
    func pop() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while count == 0 && !closed { condition.wait() }
        guard count > 0 else { return nil }
        let (element, size) = items[head]!
        items[head] = nil
        head = (head + 1) % items.count
        count -= 1
        bytes -= size
        condition.broadcast()
        return element
    }
}
