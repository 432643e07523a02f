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
        #expect(TOMLHeaderCheck.badHeaderLine(in: valid) == nil)
        for file in BuiltinRules.files {
            #expect(TOMLHeaderCheck.badHeaderLine(in: file.text) == nil, "\(file.name)")
        }
    }
}
