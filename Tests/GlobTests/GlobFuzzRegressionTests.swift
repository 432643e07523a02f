import Foundation
import Testing
@testable import Glob

@Suite struct GlobFuzzRegressionTests {
    /// A gitignore line of many stars against a long name that fails at its end took time
    /// exponential in the number of stars (the ignore target timed out on `***...***\x1a`).
    @Test func manyStarsAgainstALongNameFinishQuickly() {
        let started = Date()
        let rules = IgnoreRules(text: Array((String(repeating: "*", count: 23) + "\u{1a}\n" + String(repeating: "*a", count: 12) + "b\n").utf8), base: [])
        let name = Array((String(repeating: "a", count: 60) + "x").utf8)
        #expect(rules.verdict(path: name, isDirectory: false) == nil)
        #expect(rules.verdict(path: Array((String(repeating: "a", count: 13) + "b").utf8), isDirectory: false) == true)
        #expect(rules.verdict(path: Array("x/y\u{1a}".utf8), isDirectory: false) == true)
        #expect(Date().timeIntervalSince(started) < 5)
    }
}
