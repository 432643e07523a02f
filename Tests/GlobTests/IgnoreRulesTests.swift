import Testing
@testable import Glob

@Suite struct IgnoreRulesTests {
    func ignored(_ gitignore: String, _ path: String, dir: Bool = false, base: String = "") -> Bool? {
        IgnoreRules(text: Array(gitignore.utf8), base: Array(base.utf8)).verdict(path: Array(path.utf8), isDirectory: dir)
    }

    @Test func unanchoredNamesMatchAtAnyDepth() {
        #expect(ignored("*.log", "a/b/c.log") == true)
        #expect(ignored("node_modules", "x/node_modules", dir: true) == true)
        #expect(ignored("*.log", "a/b/c.txt") == nil)
    }

    @Test func patternsWithASlashAreAnchored() {
        #expect(ignored("/build", "build", dir: true) == true)
        #expect(ignored("/build", "src/build", dir: true) == nil)
        #expect(ignored("docs/*.md", "docs/a.md") == true)
        #expect(ignored("docs/*.md", "x/docs/a.md") == nil)
        #expect(ignored("docs/*.md", "docs/sub/a.md") == nil)
    }

    @Test func doubleStar() {
        #expect(ignored("**/secrets/*.env", "a/b/secrets/prod.env") == true)
        #expect(ignored("**/secrets/*.env", "secrets/prod.env") == true)
        #expect(ignored("logs/**", "logs/a/b.txt") == true)
        #expect(ignored("a/**/z", "a/z") == true)
        #expect(ignored("a/**/z", "a/b/c/z") == true)
        #expect(ignored("a/**/z", "b/a/z") == nil)
    }

    @Test func lastMatchWinsAndNegationReincludes() {
        #expect(ignored("*.env\n!keep.env", "keep.env") == false)
        #expect(ignored("*.env\n!keep.env", "drop.env") == true)
        #expect(ignored("!keep.env\n*.env", "keep.env") == true)
    }

    @Test func directoryOnlyPatterns() {
        #expect(ignored("cache/", "cache", dir: true) == true)
        #expect(ignored("cache/", "cache", dir: false) == nil)
    }

    @Test func commentsBlanksEscapesClasses() {
        #expect(ignored("# comment\n\n\\#literal", "#literal") == true)
        #expect(ignored("file[0-9].txt", "file7.txt") == true)
        #expect(ignored("file[!0-9].txt", "file7.txt") == nil)
        #expect(ignored("f?le.txt", "file.txt") == true)
        #expect(ignored("trailing.txt   ", "trailing.txt") == true)
        #expect(ignored("crlf.txt\r\n", "crlf.txt") == true)
    }

    @Test func nestedFilesAreRelativeToTheirFolder() {
        #expect(ignored("/local.env", "svc/local.env", base: "svc/") == true)
        #expect(ignored("/local.env", "local.env", base: "svc/") == nil)
    }
}
