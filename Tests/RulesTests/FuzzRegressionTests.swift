import TOMLSupport
import Testing
@testable import Rules

/// Inputs the fuzz targets (Fuzz/, docs/fuzzing.md) crashed on, kept as regression tests.
@Suite struct FuzzRegressionTests {
    /// toml++ (inside TOMLKit) asserts in `parse_key` when a table header's key starts with a
    /// character that starts no key: an abort in debug builds, undefined behaviour in release.
    @Test func tomlHeaderKeyStartingWithAnInvalidCharacter() {
        for (text, line) in [("[&", 1), ("[[=", 1), ("[ %x]\n", 1), ("[\u{1}", 1), ("[`can]\n", 1),
                             ("top = 1\n[\u{1}\u{0}\u{0}id = 1", 2), ("# c\n\n  [[ &rule]]\n", 3), ("[a]\nk = 1\n[\u{e9}]", 3)] {
            let (rules, errors) = RuleLoader.parse(text, file: "fuzz.toml")
            #expect(rules.isEmpty)
            #expect(errors.map(\.description) == ["fuzz.toml:\(line): TOML: a table header's key must start with a letter, digit, '-', '_' or a quote"],
                    "\(text.debugDescription)")
        }
    }

    /// The screen finds headers only where toml++ reads them: not inside strings or arrays.
    @Test func tomlHeaderCheckLeavesValidDocumentsAlone() {
        let valid = """
        [[rule]]
        id = "x"
        regex = '''(?x)
        [&]+ [^a-z]{3}
        '''
        other = \"\"\"
        [%] \\\"\"\" [#]
        \"\"\"
        list = [
          [1, 2],   # [&
          ["[&"],
        ]
        [ "quoted key" ]
        [ 'literal'.b-c_d ]
        [[ x ]]
        []
        """
        #expect(TOMLScreen.problem(in: valid) == nil)
        for file in BuiltinRules.files {
            #expect(TOMLScreen.problem(in: file.text) == nil, "\(file.name)")
        }
    }

    /// toml++'s `parse_value` assumes it never starts at a value terminator, but its array parser
    /// hands it a `}` (`exclude = ["a", }`) or a U+2028 (found by the config and rules targets).
    @Test func tomlArrayValueStartingWithAValueTerminator() {
        for (text, message) in [("k = [\"a\", }}}\"b\"]", "'}' does not close the '[' before it"),
                                ("[[rule]]\nk = [\n  1,\n  }\n]", "'}' does not close the '[' before it"),
                                ("k = {a = [1}", "'}' does not close the '[' before it"),
                                ("k = [\u{2028}1]", "U+2028 is not a line break in TOML"),
                                ("k = [1,\u{85}]", "U+85 is not a line break in TOML")] {
            let errors = RuleLoader.parse(text, file: "fuzz.toml").errors.map(\.description)
            #expect(errors.count == 1 && errors[0].hasSuffix("TOML: \(message)"), "\(text.debugDescription): \(errors)")
        }
        #expect(TOMLScreen.problem(in: "k = [{a = 1}, {b = [2, {c = 3}]}] # ] }\ns = \"}\u{2028}\"\n") == nil)
    }

    /// toml++'s `parse_time` assumes a digit after a date's `T`; `1979-05-27Tz7:32:00Z` as a
    /// value tripped it (found by the rules target). Keys of that shape and valid date-times pass.
    @Test func dateTimeWithoutADigitAfterT() {
        for text in ["k = 1979-05-27Tz7:32:00Z", "[[rule]]\nk = [1, 1979-05-27T:]", "k = {a = 1979-05-27t-7:32:00}", "k = 1979-05-27T"] {
            let errors = RuleLoader.parse(text, file: "fuzz.toml").errors.map(\.description)
            #expect(errors.count == 1 && errors[0].hasSuffix("TOML: a date-time needs a time after its 'T'"), "\(text.debugDescription): \(errors)")
        }
        let valid = "1979-05-27Tz = 1\na = 1979-05-27T07:32:00Z\nb = [1979-05-27t07:32:00, 1979-05-27]\nc = {1979-05-27Tx = 1979-05-27 07:32:00}\nd = \"1979-05-27Tz\"\n"
        #expect(TOMLScreen.problem(in: valid) == nil)
    }
}
