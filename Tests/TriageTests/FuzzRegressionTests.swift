import Foundation
import Testing
@testable import Triage

/// Found while writing the key-anatomy fuzz target (Fuzz/, docs/fuzzing.md), kept as regression tests.
@Suite struct TriageFuzzRegressionTests {
    /// A PuTTY key whose `Public-Lines:` count was near Int.max overflowed `i + n`.
    @Test func puttyPublicLinesNearIntMax() {
        for count in ["9223372036854775807", "9223372036854775806", "2"] {
            let key = "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: x\nPublic-Lines: \(count)\nAAAA\n"
            let a = KeyAnatomy.inspect(ruleID: "putty-private-key", secret: key, now: Date(timeIntervalSince1970: 0))
            #expect(a.details["keyFormat"] == "PuTTY")
        }
    }
}
