import Foundation
import Testing
@testable import Match

/// Patterns behind a path gate (rules with a `path` condition) and patterns that run from the
/// start of a buffer; path patterns themselves.
@Suite struct PathGateTests {
    func secrets(_ matcher: Matcher, _ text: String, _ ws: MatchWorkspace) -> [String] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buf in
            matcher.scan(buf, workspace: ws).matches.map { String(decoding: bytes[$0.secret], as: UTF8.self) }
        }
    }

    @Test func aGatedPatternRunsOnlyWhereItsGateIsOpen() throws {
        let m = try Matcher(patterns: [
            MatchPattern(keywords: ["tok_"], regex: "(tok_[a-z0-9]{8})"),
            MatchPattern(keywords: ["pw="], regex: "pw=([A-Za-z0-9]{8,})", pathGated: true),
        ], eager: true)
        let ws = MatchWorkspace()
        let text = "tok_a1b2c3d4 pw=Zq8xW2mLp7Vz"
        #expect(secrets(m, text, ws) == ["tok_a1b2c3d4"])  // no gates set: closed
        ws.openGates = [false, true]
        #expect(secrets(m, text, ws) == ["tok_a1b2c3d4", "Zq8xW2mLp7Vz"])
        ws.openGates = [false, false]
        #expect(secrets(m, text, ws) == ["tok_a1b2c3d4"])
    }

    @Test func aFromStartPatternRunsOverTheFirstWindowOfTheBuffer() throws {
        let m = try Matcher(patterns: [
            MatchPattern(keywords: [], regex: #"\A\s*([A-Za-z0-9.]{16,64})\s*\z"#, window: 64, pathGated: true, fromStart: true),
        ], eager: true)
        let ws = MatchWorkspace()
        #expect(secrets(m, "s.Xj7Kq2LmN9pR4tV8wY3zA6bC\n", ws).isEmpty)  // gate closed
        ws.openGates = [true]
        #expect(secrets(m, "s.Xj7Kq2LmN9pR4tV8wY3zA6bC\n", ws) == ["s.Xj7Kq2LmN9pR4tV8wY3zA6bC"])
        // The window ends 64 bytes in: a longer buffer has no \z there.
        #expect(secrets(m, "s.Xj7Kq2LmN9pR4tV8wY3zA6bC" + String(repeating: " x", count: 40), ws).isEmpty)
        #expect(secrets(m, "", ws).isEmpty)
    }

    @Test func pathPatternsAreCaseInsensitiveUnlessTurnedOff() throws {
        let ws = MatchWorkspace()
        let p = try Pattern.path(#"\.p12$"#)
        #expect(p.matches(path: "certs/Server.P12", workspace: ws))
        #expect(!p.matches(path: "certs/server.p12.b64", workspace: ws))
        #expect(!p.matches(path: "", workspace: ws))
        let strict = try Pattern.path(#"(?-i)^config/master\.key$"#)
        #expect(strict.matches(path: "config/master.key", workspace: ws))
        #expect(!strict.matches(path: "Config/Master.key", workspace: ws))
    }

    @Test func aPathPatternErrorPointsIntoTheSourceAsWritten() {
        #expect(throws: PatternError.self) { try Pattern.path("(unclosed") }
        do { _ = try Pattern.path("ab(") } catch { #expect(error.offset == 3) }
    }
}
