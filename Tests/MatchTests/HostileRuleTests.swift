import Foundation
import Testing
@testable import Match

/// Issue 11, case 7: hostile rules (`(a+)+$`, `(\w+\s?)*$`, `(a|aa)+$`) cost milliseconds a line
/// up to PCRE2's match limit; 2 MB took 107 s. A rule that keeps hitting the limit is suspended
/// for the rest of the buffer, and each rule has a time budget per buffer.
@Suite struct HostileRuleTests {
    static let hostile = [#"(a+)+$"#, #"(\w+\s?)*$"#, #"(a|aa)+$"#]

    /// About 2 MB of lines each pattern backtracks on: runs of `a` (some under the match limit,
    /// most over it) and words, each line ended by a byte that makes `$` fail.
    static let twoMegabytes: [UInt8] = {
        var text = ""
        var i = 0
        while text.utf8.count < 2 << 20 {
            let n = 18 + i % 30
            text += String(repeating: "a", count: n) + "!\n"
            text += Array(repeating: "aaaa", count: 4 + i % 8).joined(separator: " ") + " !\n"
            i += 1
        }
        return Array(text.utf8)
    }()

    /// Wall seconds and this thread's CPU seconds of `body` (the CPU time does not depend on how
    /// many other tests share the machine's cores).
    static func elapsed(_ body: () -> Void) -> (wall: Double, cpu: Double) {
        func cpu() -> Double {
            var t = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
            return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
        }
        let start = DispatchTime.now().uptimeNanoseconds, cpuStart = cpu()
        body()
        return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, cpu() - cpuStart)
    }

    @Test(arguments: hostile)
    func hostileRuleOnTwoMegabytesFinishesInSeconds(regex: String) throws {
        let m = try Matcher(patterns: [MatchPattern(keywords: ["aaa"], regex: regex)], eager: true)
        let ws = MatchWorkspace()
        var result = MatchResult()
        let seconds = Self.elapsed {
            result = Self.twoMegabytes.withUnsafeBufferPointer { m.scan($0, workspace: ws) }
        }
        // Before: about 350 s (debug build) and 26,000 problems for the first pattern.
        #expect(seconds.cpu < 5, "\(regex): \(seconds) s")
        #expect(seconds.wall < 30, "\(regex): \(seconds) s")
        // One suspension, one problem (so one warning), saying how much was not searched.
        #expect(result.suspended.count == 1, "\(regex)")
        let s = try #require(result.suspended.first)
        #expect(s.pattern == 0)
        #expect(s.windowsSkipped > 1000, "\(regex): \(s)")
        #expect(result.problems.count == 1)
        #expect(result.problems.first?.message.contains("suspended") == true)
        #expect(result.problems.first?.message.contains("\(s.windowsSkipped)") == true)
    }

    /// A pattern that stays under the match limit but is slow on every line runs out of its
    /// time budget instead.
    @Test func slowRuleUnderTheMatchLimitIsStoppedByItsTimeBudget() throws {
        let m = try Matcher(patterns: [MatchPattern(keywords: ["aaa"], regex: #"(a+)+$"#)], eager: true)
        let lines = Array((0..<60_000).map { _ in String(repeating: "a", count: 15) + "!\n" }.joined().utf8)
        let ws = MatchWorkspace(timeBudget: 0.2, timeBudgetPerMiB: 0)
        var result = MatchResult()
        let seconds = Self.elapsed { result = lines.withUnsafeBufferPointer { m.scan($0, workspace: ws) } }
        #expect(seconds.cpu < 3, "\(seconds)")
        #expect(result.suspended.map(\.reason) == [.timeBudget])
        #expect(result.suspended.first?.limitHits == 0)
        #expect(result.problems.count == 1)
        // The next buffer starts afresh.
        let short = Array("aaaa!\n".utf8)
        #expect(short.withUnsafeBufferPointer { m.scan($0, workspace: ws) }.suspended.isEmpty)
    }

    /// A limit hit or two is reported (one problem) without suspending the rule: its other
    /// windows are still searched, and their matches found.
    @Test func fewLimitHitsAreReportedOnceAndTheRuleKeepsSearching() throws {
        let m = try Matcher(patterns: [MatchPattern(keywords: ["aaa"], regex: #"(?<secret>aaab)|(a+)+$"#)], eager: true)
        let text = Array((String(repeating: "a", count: 40) + "!\n" + String(repeating: "a", count: 40) + "!\nxx aaab\n").utf8)
        let result = text.withUnsafeBufferPointer { m.scan($0, workspace: MatchWorkspace()) }
        #expect(result.suspended.isEmpty)
        #expect(result.problems.count == 1)
        #expect(result.problems.first?.message.contains("2 times") == true)
        #expect(result.matches.count == 1)
    }

    /// Ordinary rules on ordinary text: nothing suspended, nothing reported.
    @Test func ordinaryRulesAreNeverSuspended() throws {
        let m = try Matcher(patterns: [
            MatchPattern(keywords: ["akia"], regex: "(?<secret>AKIA[0-9A-Z]{16})"),
            MatchPattern(keywords: ["key", "token"], regex: #"(?i)(?:key|token)\s*[:=]\s*["']?(?<secret>[A-Za-z0-9_\-]{16,64})"#),
        ], eager: true)
        let line = "config key = \"Zq8Lm3Xv9Tr2Wk5Yh\" token: abcdefghijklmnopqrstuvwxyz AKIAABCDEFGHIJKLMNOP\n"
        let text = Array(String(repeating: line, count: 20_000).utf8)
        let result = text.withUnsafeBufferPointer { m.scan($0, workspace: MatchWorkspace()) }
        #expect(result.suspended.isEmpty)
        #expect(result.problems.isEmpty)
        #expect(result.matches.count == 60_000)
    }
}
