import Foundation
import Testing
import Vocabulary
import TestSupport
@testable import Report
@testable import Rules
@testable import Scan

@Suite struct DataLineTests {
    @Test func manyGenericSecretsOnOneLineAreDataNotConfig() throws {
        // A minified test-vector file: one line, many "secret": "<hex>" pairs.
        let hex = { FakeKeys.random(64, from: Array("0123456789abcdef")) }
        let line = "[" + (0..<6).map { _ in "{\"secret\":\"\(hex())\",\"key\":\"\(hex())\"}" }.joined(separator: ",") + "]\n"
        let config = "db_secret = \"Qm7Tz2Lk9Vw4Rp8Hs3Nd6Gf1\"\n"
        let findings = Scanner(rules: builtin).scan(bytes: Array((line + config).utf8), name: "vectors.json")
        #expect(findings.map(\.line) == [2])
        // With few such values on a line they are still reported.
        let few = "{\"secret\":\"8f3a9c2e7b1d4f6a0c5e9b2d7f1a3c8e6b4d0f2a9c7e5b3d1f8a6c4e2b0d9f7a\"}\n"
        #expect(Scanner(rules: builtin).scan(bytes: Array(few.utf8), name: "x.json").count == 1)
    }
}
