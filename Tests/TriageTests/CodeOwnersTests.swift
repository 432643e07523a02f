import Foundation
import Testing
import TestSupport
@testable import Triage

@Suite struct CodeOwnersTests {
    /// GitHub's documented example file (docs.github.com, "About code owners"), abridged.
    static let example = """
    # This is a comment.
    *       @global-owner1 @global-owner2
    *.js    @js-owner #This is an inline comment.
    *.go docs@example.com
    *.txt @octo-org/octocats
    /build/logs/ @doctocat
    docs/*  docs@example.com
    apps/ @octocat
    /docs/ @doctocat
    /scripts/ @doctocat @octocat
    **/logs @octocat
    /apps/ @octocat
    /apps/github
    """

    @Test func documentedExample() throws {
        let owners = CodeOwners(text: Self.example, file: "CODEOWNERS")
        #expect(owners.owners(of: "README.md") == ["@global-owner1", "@global-owner2"])
        #expect(owners.owners(of: "src/app.js") == ["@js-owner"])
        #expect(owners.owners(of: "main.go") == ["docs@example.com"])
        #expect(owners.owners(of: "notes/a.txt") == ["@octo-org/octocats"])
        #expect(owners.owners(of: "build/logs/x/y.log") == ["@octocat"])   // **/logs wins, it is later
        #expect(owners.owners(of: "docs/getting-started.md") == ["@doctocat"])   // /docs/ is later than docs/*
        #expect(owners.owners(of: "scripts/deploy.sh") == ["@doctocat", "@octocat"])   // order kept
        #expect(owners.owners(of: "lib/apps/x.rb") == ["@octocat"])       // apps/ at any depth
        #expect(owners.owners(of: "apps/web/index.rb") == ["@octocat"])
        #expect(owners.owners(of: "apps/github/secret.env") == [])        // pattern without owners: nobody
        #expect(owners.owners(of: "./src/app.js") == ["@js-owner"])
    }

    @Test func directChildrenOnlyForTrailingStar() throws {
        let owners = CodeOwners(text: "docs/*  docs@example.com\n", file: "CODEOWNERS")
        #expect(owners.owners(of: "docs/getting-started.md") == ["docs@example.com"])
        #expect(owners.owners(of: "docs/build-app/troubleshooting.md") == [])
        #expect(owners.owners(of: "x/docs/a.md") == [])   // a slash in the middle anchors it
    }

    @Test func lastMatchWins() throws {
        let owners = CodeOwners(text: "*.env @a\nconfig/ @b\n", file: "CODEOWNERS")
        #expect(owners.owners(of: "config/prod.env") == ["@b"])
        let reversed = CodeOwners(text: "config/ @b\n*.env @a\n", file: "CODEOWNERS")
        #expect(reversed.owners(of: "config/prod.env") == ["@a"])
        #expect(reversed.owners(of: "other/file") == [])
    }

    /// Pattern semantics, one table row per case.
    @Test(arguments: [
        ("foo", "foo", true), ("foo", "foo.txt", false), ("foo", "foo/bar", true), ("foo", "bar/foo", true),
        ("foo", "bar/foo/baz", true), ("/foo", "bar/foo", false), ("/foo", "foo/bar/baz", true),
        ("foo/", "foo", false), ("foo/", "foo/bar", true), ("foo/", "bar/foo/baz", true),
        ("/foo/", "bar/foo/baz", false), ("foo/bar", "foo/bar/baz", true), ("foo/bar", "baz/foo/bar", false),
        ("foo/bar/", "foo/bar", false), ("*", "a/b/c", true), ("f*", "foo/bar", true), ("f*", "xfoo", false),
        ("/*", "foo", true), ("/*", "foo/bar", false), ("/*/", "foo", false), ("/*/", "bar/foo/baz", true),
        ("foo/*", "foo", false), ("foo/*", "foo/bar", true), ("foo/*", "foo/bar/baz", false),
        ("foo/*.txt", "foo/bar.txt", true), ("foo/*.txt", "foo/bar/baz.txt", false), ("foo/*/baz", "foo/bar/baz/qux", true),
        ("f?o", "foo", true), ("f?o", "fooo", false), ("f\\*o", "foo", false), ("f\\*o", "f*o", true),
        ("**/foo/bar", "qux/foo/bar/baz", true), ("**/foo/bar", "foo/baz/bar", false), ("**/*bar*", "foo/rebar", true),
        ("foo/bar/**", "foo/bar", false), ("foo/bar/**", "foo/bar/baz/qux", true), ("foo/**/bar", "foo/bar", true),
        ("foo/**/bar", "foo/q/r/bar/baz", true), ("foo/**/bar", "qux/foo/bar", false), ("foo/**/", "foo", false),
        ("foo/**/", "foo/bar", true), ("foo/**/bar/b*", "foo/qux/bar/baz", true), ("foo/**/bar/b*", "foo/bar/qux", false),
        ("*.js", "a/b/c.js", true), ("*.js", "a/b/c.jsx", false), ("**", "any/thing", true), ("Docs/", "docs/a", false),
    ])
    func patterns(pattern: String, path: String, expected: Bool) {
        #expect(OwnerPattern(pattern).matches(path) == expected, "\(pattern) vs \(path)")
    }

    /// Many `**` against a deep path: a recursive match tries every spread of the path over
    /// them (C(60, 20) here, ages); the table-driven one answers at once.
    @Test(.timeLimit(.minutes(1))) func manyDoubleStarsStayLinear() {
        let pattern = "/" + Array(repeating: "**/a", count: 20).joined(separator: "/") + "/**/b"
        let deep = Array(repeating: "a", count: 60).joined(separator: "/")
        #expect(!OwnerPattern(pattern).matches(deep))
        #expect(OwnerPattern(pattern).matches(deep + "/b"))
        #expect(OwnerPattern(pattern).matches(deep + "/b/c.txt"))
    }

    /// Issue 11, case 5: one `!` line dropped the whole file (every owner became null). GitHub
    /// skips that line only: so does leakscope, with a warning naming file and line.
    @Test func negatedLineIsSkippedNotTheWholeFile() {
        let owners = CodeOwners(text: "# owners\n* @a\n!vendor/ @b\n/docs/ @docs\n", file: ".github/CODEOWNERS")
        #expect(owners.owners(of: "src/app.py") == ["@a"])
        #expect(owners.owners(of: "vendor/lib.py") == ["@a"])
        #expect(owners.owners(of: "docs/x.md") == ["@docs"])
        #expect(owners.warnings == [CodeOwnersError(file: ".github/CODEOWNERS", line: 3,
                                                     message: "negated pattern '!vendor/': GitHub does not support '!' in CODEOWNERS (line skipped)")])
        #expect(CodeOwners(text: "\n\n\n\n\n\n!x @a", file: "CODEOWNERS").warnings.map(\.description).first?.hasPrefix("CODEOWNERS:7: ") == true)
    }

    /// An invalid owner makes its line invalid: GitHub skips it, the other lines apply.
    @Test func lineWithAnInvalidOwnerIsSkipped() {
        for bad in ["octocat", "@", "@-x", "@org/", "@a/b/c", "user@", "@org/te am"] {
            let owners = CodeOwners(text: "* @all\n*.py @ok \(bad)\n", file: "CODEOWNERS")
            #expect(owners.owners(of: "a.py") == ["@all"], "\(bad)")
            #expect(owners.warnings.map(\.line) == [2], "\(bad)")
        }
        for good in ["@octocat", "@octo-org/octocats", "@org/team_name.x", "docs@example.com", "@user_emu"] {
            let owners = CodeOwners(text: "* \(good)\n", file: "CODEOWNERS")
            #expect(owners.warnings.isEmpty, "\(good)")
            #expect(owners.owners(of: "a") == [good])
        }
    }

    @Test func gitLabSectionsAreComments() throws {
        let owners = CodeOwners(text: "[Backend] @backend\n*.rb @ruby\n^[Optional][2]\n*.md @docs\n", file: "CODEOWNERS")
        #expect(owners.owners(of: "app.rb") == ["@ruby"])
        #expect(owners.owners(of: "README.md") == ["@docs"])
        #expect(owners.owners(of: "other") == [])
    }

    @Test func escapedSpacesAndCRLF() throws {
        let owners = CodeOwners(text: "my\\ dir/ @spaces\r\n*.py @py\r\n", file: "CODEOWNERS")
        #expect(owners.owners(of: "my dir/a.txt") == ["@spaces"])
        #expect(owners.owners(of: "x.py") == ["@py"])
    }

    @Test func loadPrefersGithubFolder() throws {
        let dir = try TempDir()
        #expect(try CodeOwners.load(repositoryRoot: dir.path) == nil)
        try dir.write("docs/CODEOWNERS", "* @from-docs\n")
        #expect(try CodeOwners.load(repositoryRoot: dir.path)?.owners(of: "a") == ["@from-docs"])
        try dir.write("CODEOWNERS", "* @from-root\n")
        #expect(try CodeOwners.load(repositoryRoot: dir.path)?.owners(of: "a") == ["@from-root"])
        try dir.write(".github/CODEOWNERS", "* @from-github\n!x @y\n")
        let loaded = try #require(try CodeOwners.load(repositoryRoot: dir.path))
        #expect(loaded.owners(of: "a") == ["@from-github"])
        #expect(loaded.warnings.map(\.description).first?.hasPrefix(".github/CODEOWNERS:2: ") == true)
        try dir.write(".github/CODEOWNERS", "* @from-github\n")
        #expect(try CodeOwners.load(repositoryRoot: dir.path)?.owners(of: "a") == ["@from-github"])
    }
}
