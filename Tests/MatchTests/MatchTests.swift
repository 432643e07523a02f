import Foundation
import Testing
@testable import Match

@Suite struct KeywordAutomatonTests {
    func hits(_ keywords: [String], _ text: String) -> [String] {
        let a = KeywordAutomaton(keywords: keywords)
        var out: [String] = []
        Array(text.utf8).withUnsafeBufferPointer { buf in
            a.forEachHit(in: buf) { k, end in out.append("\(keywords[k])@\(end - a.keywordLengths[k])") }
        }
        return out
    }

    @Test func findsEveryOccurrenceCaseInsensitively() {
        #expect(hits(["akia", "sk-ant-"], "x AKIA y Sk-Ant-z akia") == ["akia@2", "sk-ant-@9", "akia@18"])
    }

    @Test func reportsOverlappingAndNestedKeywords() {
        #expect(hits(["sk-", "sk-proj-", "proj"], "sk-proj-") == ["sk-@0", "proj@3", "sk-proj-@0"])
    }

    @Test func noKeywordsNoHits() {
        #expect(hits([], "anything").isEmpty)
        #expect(hits(["abc"], "").isEmpty)
    }

    @Test func handlesNonASCIIBytes() {
        #expect(hits(["tok"], "ünï tok\u{00}tok") == ["tok@6", "tok@10"])
    }
}

@Suite struct LiteralFinderTests {
    func starts(_ keywords: [String], _ bytes: [UInt8]) -> [Int] {
        var out: [Int] = []
        bytes.withUnsafeBufferPointer { LiteralFinder(keywords).forEachStart(in: $0) { out.append($0) } }
        return out.sorted()
    }

    @Test func findsEveryOccurrenceCaseInsensitively() {
        #expect(starts(["BEGIN", "-----begin"], Array("x -----BEGIN y Begin -----bEgIn".utf8)) == [2, 7, 15, 21, 26])
    }

    @Test func literalsAtTheEdgesAndCutOffOnes() {
        #expect(starts(["key"], Array("key".utf8)) == [0])
        #expect(starts(["key"], Array("ke".utf8)).isEmpty)
        #expect(starts(["private key"], Array("a private ke".utf8)).isEmpty)
        #expect(starts([], Array("anything".utf8)).isEmpty)
        #expect(starts(["x"], []).isEmpty)
    }

    /// The same starts as the keyword automaton, on random text over a small alphabet.
    @Test func agreesWithTheKeywordAutomaton() {
        let keywords = ["ab", "B-a", "aab", "-----BEGIN", "b_1", "a"]
        let automaton = KeywordAutomaton(keywords: keywords)
        let alphabet = Array("aAbB-_1 -----BEGIN\n".utf8)
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0...200, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            var expected = Set<Int>()
            text.withUnsafeBufferPointer { buf in
                automaton.forEachHit(in: buf) { k, end in expected.insert(end - automaton.keywordLengths[k]) }
            }
            #expect(Set(starts(keywords, text)) == expected, "\(String(decoding: text, as: UTF8.self))")
        }
    }
}

@Suite struct EntropyTests {
    @Test func knownValues() {
        #expect(Entropy.shannon(Array("aaaa".utf8)) == 0)
        #expect(Entropy.shannon(Array("abab".utf8)) == 1)
        #expect(abs(Entropy.shannon(Array("abcd".utf8)) - 2) < 1e-12)
        #expect(abs(Entropy.shannon((0...255).map { UInt8($0) }) - 8) < 1e-12)
        #expect(Entropy.shannon([UInt8]()) == 0)
    }

    @Test func histogramIsLeftClean() {
        var hist = [UInt32](repeating: 0, count: 256)
        let bytes = Array("hello world".utf8)
        let a = bytes.withUnsafeBufferPointer { Entropy.shannon($0, histogram: &hist) }
        #expect(hist.allSatisfy { $0 == 0 })
        let b = bytes.withUnsafeBufferPointer { Entropy.shannon($0, histogram: &hist) }
        #expect(a == b)
    }
}

@Suite struct PatternTests {
    @Test func reportsCompileErrorsWithOffset() {
        #expect(throws: PatternError.self) { try Pattern("abc(def") }
        do {
            _ = try Pattern("ab[c")
            Issue.record("an unclosed class compiled")
        } catch {
            #expect(error.offset >= 2)
        }
    }

    @Test func namedGroups() throws {
        let p = try Pattern("x(?<secret>y)(z)")
        #expect(p.groupNumber(named: "secret") == 1)
        #expect(p.groupNumber(named: "nope") == nil)
        #expect(p.captureCount == 2)
    }
}

@Suite struct MatcherTests {
    func scan(_ patterns: [MatchPattern], _ text: String) -> [String] {
        let m = try! Matcher(patterns: patterns, eager: true)
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buf in
            m.scan(buf, workspace: MatchWorkspace()).matches.map {
                "\($0.pattern):" + String(decoding: bytes[$0.secret], as: UTF8.self)
            }
        }
    }

    @Test func regexRunsOnlyWhereAKeywordOccurs() {
        // The regex alone would match "tok_abc"; without its keyword on the line it never runs.
        let p = MatchPattern(keywords: ["needle"], regex: "tok_(?<secret>[a-z]{3})")
        #expect(scan([p], "tok_abc\n") == [])
        #expect(scan([p], "needle tok_abc\n") == ["0:abc"])
        #expect(scan([p], "needle\ntok_abc\n") == [])
    }

    @Test func multilineWindowCrossesLines() {
        let p = MatchPattern(keywords: ["openai:"], regex: "(?s)openai:\\s+key:\\s+(?<secret>[a-z0-9]{8})", multiline: true, window: 64)
        #expect(scan([p], "openai:\n  key: q8w7e6r5\n") == ["0:q8w7e6r5"])
        #expect(scan([p], "openai:\n" + String(repeating: " ", count: 100) + "key: q8w7e6r5\n") == [])
    }

    @Test func lookbehindSeesBytesBeforeTheWindow() {
        let p = MatchPattern(keywords: ["akia"], regex: "(?<![A-Z0-9])(?<secret>AKIA[A-Z0-9]{4})")
        #expect(scan([p], "XAKIA1234") == [])
        #expect(scan([p], "x\nAKIA1234") == ["0:AKIA1234"])
    }

    @Test func entropyAndPlaceholderFiltersApply() {
        let p = MatchPattern(keywords: ["key="], regex: "key=(?<secret>\\S{8,})", minEntropy: 3)
        #expect(scan([p], "key=aaaaaaaaaaaa") == [])
        #expect(scan([p], "key=your_key_here_123") == [])
        #expect(scan([p], "key=Zq8Lm3Xv9Tr2") == ["0:Zq8Lm3Xv9Tr2"])
        let noCheck = MatchPattern(keywords: ["key="], regex: "key=(?<secret>\\S{8,})", placeholderCheck: false)
        #expect(scan([noCheck], "key=your_key_here_123") == ["0:your_key_here_123"])
    }

    @Test func everyMatchOnALineIsFoundOnce() {
        let p = MatchPattern(keywords: ["akia"], regex: "(?<secret>AKIA[0-9]{4})")
        #expect(scan([p], "AKIA1111 AKIA2222 akia AKIA3333") == ["0:AKIA1111", "0:AKIA2222", "0:AKIA3333"])
    }

    @Test func aCatastrophicPatternIsStoppedAndReported() throws {
        let p = MatchPattern(keywords: ["aaa"], regex: "(a+)+$")
        let m = try Matcher(patterns: [p], eager: true)
        let text = Array((String(repeating: "a", count: 3000) + "!").utf8)
        let result = text.withUnsafeBufferPointer { m.scan($0, workspace: MatchWorkspace()) }
        #expect(result.matches.isEmpty)
        #expect(result.problems.count == 1)
    }

    @Test func crOnlyLineEndingsBoundTheWindow() {
        let p = MatchPattern(keywords: ["needle"], regex: "tok_(?<secret>[a-z]{3})")
        #expect(scan([p], "needle\rtok_abc") == [])
    }

    @Test func badPatternIsReportedWithItsIndex() {
        #expect(throws: MatcherError.self) {
            try Matcher(patterns: [MatchPattern(keywords: ["abc"], regex: "ok"), MatchPattern(keywords: ["abc"], regex: "(")], eager: true)
        }
        #expect(throws: MatcherError.self) {
            try Matcher(patterns: [MatchPattern(keywords: ["abc"], regex: "a(b)", secretGroup: .named("secret2"))], eager: true)
        }
    }
}

@Suite struct PlaceholderTests {
    @Test func recognisesPlaceholders() {
        for s in ["sk-proj-XXXXXXXXXXXX", "<your-key-here>", "your_token_here", "${OPENAI_API_KEY}", "{{ .Values.key }}",
                  "00000000000000", "changeme123", "REDACTED", "sk-...abc"] {
            #expect(Placeholder.isPlaceholder(s), "\(s)")
        }
    }

    @Test func keepsRandomTokens() {
        for s in ["AKIAQ3EGUWRZ7PLN5VTK", "hf_QmZtWbRkLpYcXvNsAeDgHjUi", "Zq8Lm3Xv9Tr2"] {
            #expect(!Placeholder.isPlaceholder(s), "\(s)")
        }
    }
}

@Suite struct MultilineWindowRegressionTests {
    /// A second keyword hit inside a multi-line window used to be skipped, so a match starting at
    /// it and ending past the first window's end was lost.
    @Test func secondHitInsideAWindowExtendsIt() throws {
        let p = MatchPattern(keywords: ["token:"], regex: "(?s)token:\\s+(?<secret>[a-z0-9]{10})", multiline: true, window: 40)
        let m = try Matcher(patterns: [p], eager: true)
        let text = "token:\n  q1w2e3r4t5\n" + String(repeating: "#", count: 5) + "\ntoken:\n" + String(repeating: " ", count: 20) + "z9x8c7v6b5\n"
        let found = Array(text.utf8).withUnsafeBufferPointer { buf in
            m.scan(buf, workspace: MatchWorkspace()).matches.map { String(decoding: Array(text.utf8)[$0.secret], as: UTF8.self) }
        }
        #expect(found == ["q1w2e3r4t5", "z9x8c7v6b5"])
    }
}

@Suite struct EncodedRunsTests {
    func runs(_ text: String) -> [(String, String)] {
        Array(text.utf8).withUnsafeBufferPointer { buf in
            EncodedRuns.find(in: buf).map { ($0.kind, String(decoding: $0.decoded, as: UTF8.self)) }
        }
    }

    @Test func decodesBase64Base64URLAndHexText() {
        let secret = "token-q8w7e6r5t4y3u2i1o0p9"
        let b64 = Data(secret.utf8).base64EncodedString()
        let url = b64.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        let hex = secret.utf8.map { String(format: "%02x", $0) }.joined()
        #expect(runs("k: \(b64)\n").map(\.1) == [secret])
        #expect(runs("k=\"\(url)\"").map(\.1) == [secret])
        #expect(runs("h: \(hex)").map { "\($0.0):\($0.1)" } == ["hex:\(secret)"])
    }

    @Test func ignoresBinaryIdentifiersHashesAndShortRuns() {
        let binary = Data((0..<48).map { UInt8($0 * 5 % 256) }).base64EncodedString()
        #expect(runs("blob: \(binary)").isEmpty)
        #expect(runs("let swiftSyntaxParserDiagnosticsEmitter = 1").isEmpty)
        #expect(runs("commit 9fceb02d0ae598e95dc970b74767f19372d61af8a").isEmpty)
        #expect(runs("short: aGVsbG8=").isEmpty)
    }

    @Test func findsEveryRunInOrder() {
        let a = Data("first-secret-value-0123456789".utf8).base64EncodedString()
        let b = Data("second-secret-value-987654321".utf8).base64EncodedString()
        let text = "x \(a) y, z=\(b)"
        #expect(runs(text).map(\.1) == ["first-secret-value-0123456789", "second-secret-value-987654321"])
    }
}
