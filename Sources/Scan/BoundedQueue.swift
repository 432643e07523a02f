import Foundation

/// A blocking FIFO of bounded size between the walker and the workers, so the walk never runs
/// far ahead of matching and memory stays flat whatever the number of files.
final class BoundedQueue<Element>: @unchecked Sendable {
    private var items: [Element?]
    private var head = 0
    private var count = 0
    private var closed = false
    private let condition = NSCondition()

    init(capacity: Int) { items = Array(repeating: nil, count: capacity) }

    /// Adds an element, waiting while the queue is full.
    func push(_ element: Element) {
        condition.lock()
        while count == items.count { condition.wait() }
        items[(head + count) % items.count] = element
        count += 1
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
        let element = items[head]
        items[head] = nil
        head = (head + 1) % items.count
        count -= 1
        condition.broadcast()
        return element
    }
}
