import Foundation
import Report
import Rules
import Scan
import TestSupport
import Vocabulary

/// A commit author (also used as committer).
struct Person: Sendable {
    let name: String
    let email: String

    static let alice = Person(name: "Alice Example", email: "alice@example.com")
    static let bob = Person(name: "Bob Ødegård", email: "bob@example.org")
}

/// The output of a finished program.
typealias Run = Program.Result

struct GitFailure: Error, CustomStringConvertible {
    let description: String
}

/// A real git repository in a temporary folder: `<tmp>/repo` is the work tree, `<tmp>/home` the
/// HOME of every git (and leakscope) process the tests start, so no user or system configuration
/// leaks in. Commits get fixed identities and dates.
final class GitRepo {
    let tmp: TempDir
    /// The work tree.
    let path: String
    /// Outside the work tree: baselines, reports.
    let home: String

    static let defaultDate = "2024-03-01T12:00:00Z"

    init() throws {
        tmp = try TempDir()
        try tmp.mkdir("repo")
        try tmp.mkdir("home")
        path = tmp.path + "/repo"
        home = tmp.path + "/home"
        try git("init", "-q")
    }

    /// The environment of every process started on this repository: isolated configuration,
    /// fixed identity and dates, no prompts, C locale.
    func environment(as who: Person = .alice, date: String = GitRepo.defaultDate) -> [String: String] {
        var env: [String: String] = [:]
        let inherited = ProcessInfo.processInfo.environment
        // Sanitizer settings too, so `swift test --sanitize=...` can tune the binary it runs.
        for key in ["PATH", "TMPDIR", "LD_LIBRARY_PATH", "ASAN_OPTIONS", "LSAN_OPTIONS", "TSAN_OPTIONS", "SWIFT_BACKTRACE"] {
            env[key] = inherited[key]
        }
        if env["PATH"] == nil { env["PATH"] = "/usr/local/bin:/usr/bin:/bin" }
        env["HOME"] = home
        env["XDG_CONFIG_HOME"] = home + "/.config"
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        env["GIT_TERMINAL_PROMPT"] = "0"
        env["LC_ALL"] = "C"
        env["TZ"] = "UTC"
        env["GIT_AUTHOR_NAME"] = who.name
        env["GIT_AUTHOR_EMAIL"] = who.email
        env["GIT_COMMITTER_NAME"] = who.name
        env["GIT_COMMITTER_EMAIL"] = who.email
        env["GIT_AUTHOR_DATE"] = date
        env["GIT_COMMITTER_DATE"] = date
        return env
    }

    /// Runs git in the work tree; throws with git's message when it fails. Returns stdout trimmed.
    @discardableResult
    func git(_ arguments: String..., as who: Person = .alice, date: String = GitRepo.defaultDate) throws -> String {
        try git(arguments, as: who, date: date)
    }

    @discardableResult
    func git(_ arguments: [String], as who: Person = .alice, date: String = GitRepo.defaultDate) throws -> String {
        let fixed = ["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false",
                     "-c", "core.hooksPath=/dev/null", "-c", "core.autocrlf=false"]
        let r = try Program.run("/usr/bin/env", fixed + arguments, cwd: path, environment: environment(as: who, date: date))
        guard r.status == 0 else { throw GitFailure(description: "git \(arguments.joined(separator: " ")): \(r.stderr)") }
        return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Writes a file of the work tree (folders created).
    func write(_ relative: String, _ text: String) throws {
        try tmp.write("repo/" + relative, text)
    }

    /// Deletes a file of the work tree.
    func remove(_ relative: String) throws {
        try FileManager.default.removeItem(atPath: path + "/" + relative)
    }

    /// Sets a work-tree file's modification time.
    func setModificationDate(_ relative: String, _ iso: String) throws {
        try FileManager.default.setAttributes([.modificationDate: Fixed.date(iso)], ofItemAtPath: path + "/" + relative)
    }

    /// Writes `files`, stages them, commits as `who` at `date`; returns the new commit's sha.
    @discardableResult
    func commit(_ files: [String: String], as who: Person = .alice, date: String = GitRepo.defaultDate,
                message: String? = nil) throws -> String {
        for (file, text) in files { try write(file, text) }
        try git(["add", "--"] + files.keys.sorted())
        return try commitStaged(as: who, date: date, message: message ?? "change \(files.keys.sorted().joined(separator: ", "))")
    }

    /// Commits what is staged; returns the sha.
    @discardableResult
    func commitStaged(as who: Person = .alice, date: String = GitRepo.defaultDate, message: String = "commit") throws -> String {
        try git(["commit", "-q", "--allow-empty", "-m", message], as: who, date: date)
        return try git("rev-parse", "HEAD")
    }

    /// `git rev-parse rev`.
    func rev(_ rev: String) throws -> String { try git("rev-parse", rev) }

    /// Runs the built `leakscope` binary with this repository's isolated environment.
    func leakscope(_ arguments: [String], cwd: String? = nil) throws -> Run {
        try Program.run(CLI.binary.path, arguments, cwd: cwd ?? path, environment: environment())
    }
}

/// Fixed instants and the scan the tests run.
enum Fixed {
    /// `ScanOptions.now` in every library scan: 2025-03-01T00:00:00Z.
    static let now = date("2025-03-01T00:00:00Z")

    static func date(_ iso: String) -> Date {
        let f = ISO8601DateFormatter()
        guard let d = f.date(from: iso) else { fatalError("bad ISO date \(iso)") }
        return d
    }

    /// Whole days from `iso` to `now`, as the product counts them (floor of elapsed seconds / 86400).
    static func days(since iso: String) -> Int { Int(now.timeIntervalSince(date(iso)) / 86_400) }

    /// The built-in rules, parsed once.
    static let rules: RuleSet = try! RuleSet.load()

    /// A scan of `root` with `now` fixed, secrets shown (so tests can compare them), two threads.
    static func scan(_ root: String, mode: ScanOptions.Mode = .files, useGit: Bool = true,
                     configure: (inout ScanOptions) -> Void = { _ in }) throws -> ScanReport {
        var o = ScanOptions(roots: [root])
        o.mode = mode
        o.now = now
        o.threads = 2
        o.showSecrets = true
        o.useGit = useGit
        configure(&o)
        return try Scanner(rules: rules).scan(o)
    }

    /// The impact sentence of a built-in rule (the first blast-radius reason of its findings).
    static func impact(_ rule: String) -> String {
        rules.rules.first { $0.id == rule }!.blastRadius.impact
    }

    /// The capabilities of a built-in rule.
    static func capabilities(_ rule: String) -> [Capability] {
        rules.rules.first { $0.id == rule }!.blastRadius.capabilities
    }
}

/// Fake credentials built at test time, shaped so their anatomy is deterministic.
/// What the Git tests expect triage to say of the fake keys (the keys come from `FakeKeys`).
enum Keys {
    static let base32 = FakeKeys.base32
    static func random(_ n: Int, _ alphabet: [Character]) -> String { FakeKeys.random(n, alphabet) }
    static func akia() -> String { FakeKeys.oldGenerationAKIA() }
    static func asia() -> String { FakeKeys.oldGenerationASIA() }
    static func jwt(claims: String) -> String { FakeKeys.jwt(claims: claims) }
    static func githubToken() -> String { FakeKeys.githubToken() }
    static func badChecksum(_ token: String) -> String { FakeKeys.mutate(token, at: token.count - 1) }

    static let anAKIAReason = "AKIA key id: a long-lived access key of an IAM user or the root user, valid until deleted"
    static let anASIAReason = "ASIA key id: temporary STS credentials, which expire after 15 minutes to 36 hours"
    static let oldGenerationReason = "old-generation key id: the account id is not encoded in it"
    /// What a lone AWS key id says it is missing (PairingStage: no secret within 8 lines).
    static let loneKeyIDReason = "Access key ID without its secret (AWS secret access key) within 8 lines: it names the credential but cannot be used alone; the secret may be committed elsewhere."
}

extension ScanReport {
    /// The finding whose (shown) secret is `secret`.
    func finding(_ secret: String) -> Finding? { findings.first { $0.secret == secret } }
}

extension String {
    /// The path below `root` (findings of a files scan are named from the root argument).
    func relative(to root: String) -> String {
        hasPrefix(root + "/") ? String(dropFirst(root.count + 1)) : self
    }
}
