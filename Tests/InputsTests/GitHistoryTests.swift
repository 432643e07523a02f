import Testing
@testable import Inputs

/// `GitHistory.changes`: where a later version of a file differs from the one before, in
/// whole lines; outside, the new version is made of runs of old lines in their old order.
@Suite struct GitHistoryChangesTests {
    /// The changed parts of `new`, as the whole lines they touch.
    func changes(_ new: String, from old: String) -> [String] {
        let n = Array(new.utf8), o = Array(old.utf8)
        let ranges = n.withUnsafeBufferPointer { nb in o.withUnsafeBufferPointer { ob in GitHistory.changes(in: nb, from: ob) } }
        return ranges.map { r in
            var lo = r.lowerBound, hi = r.upperBound
            while lo > 0 && n[lo - 1] != 0x0A { lo -= 1 }
            while hi < n.count && n[hi - 1] != 0x0A { hi += 1 }
            return String(decoding: n[lo..<hi], as: UTF8.self)
        }
    }

    let old = "a\nb\nc\nd\ne\n"

    @Test func identicalOrEmpty() {
        #expect(changes(old, from: old) == [])
        #expect(changes("", from: old) == [])
        #expect(changes(old, from: "") == [old])
    }

    @Test func insertedAndReplacedLinesAreTheChanges() {
        #expect(changes("a\nb\nX\nc\nd\ne\n", from: old) == ["X\n"])
        #expect(changes("a\nb\nX\nd\ne\n", from: old) == ["X\n"])
        #expect(changes("X\n" + old, from: old) == ["X\n"])
        #expect(changes(old + "X", from: old) == ["X"])
        // A change inside a line: the whole line.
        #expect(changes("a\nb\ncc\nd\ne\n", from: old) == ["cc\n"])
    }

    @Test func removedLinesLeaveTheTwoLinesThatNowTouch() {
        // c removed: b and d now touch.
        #expect(changes("a\nb\nd\ne\n", from: old) == ["b\nd\n"])
        #expect(changes("a\nb\nc\nd\n", from: old) == ["d\n"])
        #expect(changes("b\nc\nd\ne\n", from: old) == ["b\n"])
    }

    @Test func movedLinesAreChangesWhereTheyLandOrLeave() {
        // e moved to the top: new where it lands, a join where it left.
        #expect(changes("e\na\nb\nc\nd\n", from: old) == ["e\n", "d\n"])
        // Far apart edits in a long file: each is found on its own, the lines between are not.
        let long = (1...200).map { "line \($0)\n" }.joined()
        let edited = long.replacingOccurrences(of: "line 10\n", with: "ten\n").replacingOccurrences(of: "line 190\n", with: "one ninety\n")
        #expect(changes(edited, from: long) == ["ten\n", "one ninety\n"])
    }
}
