import Foundation
import Testing
import TestSupport
@testable import Scan

/// Issue 11, "shallow clones", files mode: blame in a `git clone --depth N` credits every older
/// line to the boundary (graft) commit, so an old key looked recent.
@Suite struct GitShallowTests {
    @Test func shallowCloneBlameAgesOnTheBoundaryAreUnknownInFilesMode() throws {
        let origin = try GitRepo()
        let old = Keys.akia(), recent = Keys.akia()
        try origin.commit(["a.env": "AWS_ACCESS_KEY_ID=\(old)\n"], date: "2023-01-01T00:00:00Z")
        try origin.commit(["b.txt": "nothing\n"], date: "2024-12-01T00:00:00Z")
        try origin.commit(["c.env": "AWS_ACCESS_KEY_ID=\(recent)\n"], date: "2025-02-01T00:00:00Z")
        let shallow = origin.tmp.path + "/shallow"
        try origin.git("clone", "-q", "--depth", "2", "file://" + origin.path, shallow)

        let report = try Fixed.scan(shallow)
        let a = try #require(report.finding(old))
        #expect(a.age == nil, "credited to the boundary commit: \(String(describing: a.age))")
        #expect(a.blastRadius.reasons.contains { $0.contains("shallow clone") })
        // A line its own (non-boundary) commit added keeps its blame age.
        let c = try #require(report.finding(recent))
        #expect(c.age?.source == .git)
        #expect(c.age?.days == Fixed.days(since: "2025-02-01T00:00:00Z"))
        #expect(report.summary.warnings.filter { $0.contains("is a shallow clone") }.count == 1)

        // The full clone: no warning, the real age.
        let full = try Fixed.scan(origin.path)
        #expect(full.finding(old)?.age?.days == Fixed.days(since: "2023-01-01T00:00:00Z"))
        #expect(!full.summary.warnings.contains { $0.contains("shallow") })
    }
}
