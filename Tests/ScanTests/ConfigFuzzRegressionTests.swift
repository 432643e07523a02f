import Foundation
import Testing
import Vocabulary
import TestSupport
@testable import Report
@testable import Rules
@testable import Scan

/// Inputs the fuzz targets (Fuzz/, docs/fuzzing.md) crashed on, kept as regression tests.
@Suite struct ConfigFuzzRegressionTests {
    /// A `.leakscope.toml` whose table header starts with a character that starts no key used to
    /// trip an assertion inside toml++ (TOMLKit): now an ordinary config error.
    @Test func tomlHeaderKeyStartingWithAnInvalidCharacter() {
        for text in ["[`can]\nexclude = []\n", "[scan]\n[[&", "[scan]\nexclude = [\"vendor/\", }}}\"x\"]\n"] {
            #expect(throws: ConfigError.self) { try Config.parse(text, file: ".leakscope.toml") }
        }
        do {
            _ = try Config.parse("[scan]\nexclude = []\n[[&", file: "c.toml")
            Issue.record("a header with no key parsed")
        } catch {
            #expect(error.description.hasPrefix("c.toml:3: TOML: a table header's key"))
        }
    }
}
