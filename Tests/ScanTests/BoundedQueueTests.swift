import Foundation
import Testing
import Vocabulary
import TestSupport
@testable import Report
@testable import Rules
@testable import Scan

@Suite struct BoundedQueueTests {
    /// A push over the byte budget waits until a pop makes room; one element always fits.
    @Test func byteBudgetHoldsBackPushes() throws {
        let queue = BoundedQueue<Int>(capacity: 8, byteBudget: 100)
        queue.push(1, size: 60)
        let pushed = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            queue.push(2, size: 60)      // 120 > 100: waits for the pop below
            queue.push(3, size: 1_000)   // alone over budget: goes in once the queue is empty
            pushed.signal()
        }
        #expect(pushed.wait(timeout: .now() + 0.2) == .timedOut)
        #expect(queue.pop() == 1)
        #expect(queue.pop() == 2)
        #expect(queue.pop() == 3)
        #expect(pushed.wait(timeout: .now() + 5) == .success)
        queue.close()
        #expect(queue.pop() == nil)
    }

    @Test func capacityHoldsBackPushes() {
        let queue = BoundedQueue<Int>(capacity: 2)
        queue.push(1); queue.push(2)
        let pushed = DispatchSemaphore(value: 0)
        Thread.detachNewThread { queue.push(3); pushed.signal() }
        #expect(pushed.wait(timeout: .now() + 0.2) == .timedOut)
        #expect(queue.pop() == 1)
        #expect(pushed.wait(timeout: .now() + 5) == .success)
        #expect(queue.pop() == 2)
        #expect(queue.pop() == 3)
    }
}
