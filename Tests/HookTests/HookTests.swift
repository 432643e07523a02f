import Foundation
import Testing
import TestSupport

/// End to end: real `git commit`s through leakscope's own hook (`install-hook`) and through the
/// pre-commit framework (installed with pip into one venv per test run).
@Suite struct InstallHookTests {
    @Test func blocksACommitThatAddsASecretAndAcceptsACleanOne() throws {
        let repo = try GitRepo()
        let r = try Run.leakscope(["install-hook", repo.path])
        #expect(r.status == 0, "\(r.stderr)")
        let hook = repo.path + "/.git/hooks/pre-commit"
        #expect(r.stdout.contains("installed at \(hook)"))
        #expect(FileManager.default.isExecutableFile(atPath: hook))
        let text = try String(contentsOfFile: hook, encoding: .utf8)
        #expect(text.hasPrefix("#!/bin/sh\n"))
        #expect(text.contains("installed='\(CLI.binary.path)'"))
        try repo.expectBlockedThenAccepted()
    }

    @Test func reinstallIsIdempotentAndUpdatesOurOwnHook() throws {
        let repo = try GitRepo()
        #expect(try Run.leakscope(["install-hook", repo.path]).status == 0)
        let hook = repo.path + "/.git/hooks/pre-commit"
        let first = try String(contentsOfFile: hook, encoding: .utf8)
        let again = try Run.leakscope(["install-hook"], cwd: repo.path)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("already installed"))
        #expect(try String(contentsOfFile: hook, encoding: .utf8) == first)
        // Our hook pointing at an older binary: re-installing rewrites it, no --force needed.
        try first.replacingOccurrences(of: CLI.binary.path, with: "/nowhere/leakscope").write(toFile: hook, atomically: true, encoding: .utf8)
        let update = try Run.leakscope(["install-hook", repo.path])
        #expect(update.status == 0, "\(update.stderr)")
        #expect(update.stdout.contains("updated"))
        #expect(try String(contentsOfFile: hook, encoding: .utf8) == first)
        #expect(FileManager.default.isExecutableFile(atPath: hook))
    }

    @Test func refusesToOverwriteAForeignHookUnlessForced() throws {
        let repo = try GitRepo()
        let hook = repo.path + "/.git/hooks/pre-commit"
        let foreign = "#!/bin/sh\necho someone else's hook\nexit 0\n"
        try FileManager.default.createDirectory(atPath: repo.path + "/.git/hooks", withIntermediateDirectories: true)
        try foreign.write(toFile: hook, atomically: true, encoding: .utf8)
        let refused = try Run.leakscope(["install-hook", repo.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("not written by leakscope"))
        #expect(refused.stderr.contains("--force"))
        #expect(try String(contentsOfFile: hook, encoding: .utf8) == foreign)

        let forced = try Run.leakscope(["install-hook", "--force", repo.path])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stdout.contains("moved to \(hook).bak"))
        #expect(try String(contentsOfFile: hook + ".bak", encoding: .utf8) == foreign)
        #expect(try String(contentsOfFile: hook, encoding: .utf8).contains("# leakscope-pre-commit-hook"))
        try repo.expectBlockedThenAccepted()
    }

    @Test func respectsCoreHooksPath() throws {
        let repo = try GitRepo()
        try repo.git(["config", "core.hooksPath", ".githooks"])
        let sub = repo.path + "/src/deep"
        try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
        let r = try Run.leakscope(["install-hook"], cwd: sub)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.isExecutableFile(atPath: repo.path + "/.githooks/pre-commit"))
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/.git/hooks/pre-commit"))
        try repo.expectBlockedThenAccepted()
    }

    @Test func fallsBackToLeakscopeOnPathWhenTheBinaryIsGone() throws {
        let repo = try GitRepo()
        let bin = try TempDir()
        let link = bin.path + "/leakscope"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: CLI.binary.path)
        let r = try Run.exec(link, ["install-hook", repo.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOfFile: repo.path + "/.git/hooks/pre-commit", encoding: .utf8).contains("installed='\(link)'"))
        try FileManager.default.removeItem(atPath: link)

        // Gone, and no leakscope on PATH: the hook blocks and says why.
        repo.extraPath = bin.path
        try repo.write("a.txt", "hello\n")
        let blocked = try repo.commit("no scanner")
        #expect(blocked.status != 0)
        #expect(blocked.stderr.contains("is gone and no leakscope is on PATH"))
        try repo.git(["reset", "-q"])

        // Gone, but on PATH: that one runs.
        repo.extraPath = CLI.binary.deletingLastPathComponent().path
        try repo.expectBlockedThenAccepted()
    }

    @Test func outsideARepositoryIsAnError() throws {
        let d = try TempDir()
        let r = try Run.leakscope(["install-hook", d.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("not in a git repository"))
    }
}

/// The pre-commit framework (pre-commit.com) with leakscope's hooks.
@Suite struct PreCommitFrameworkTests {
    @Test func manifestIsValid() throws {
        let env = try PreCommitEnv.shared()
        let manifest = PackageRoot.url.appendingPathComponent(".pre-commit-hooks.yaml").path
        let r = try Run.exec(env.preCommit, ["validate-manifest", manifest], env: env.environment())
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        let text = try String(contentsOfFile: manifest, encoding: .utf8)
        #expect(text.contains("- id: leakscope\n"))
        #expect(text.contains("entry: leakscope scan --staged"))
    }

    @Test func localHookCallingTheBuiltBinary() throws {
        let env = try PreCommitEnv.shared()
        let repo = try GitRepo(environment: env.environment())
        try repo.write(".pre-commit-config.yaml", """
        repos:
          - repo: local
            hooks:
              - id: leakscope
                name: leakscope
                entry: \(Run.yamlQuote(Run.shellQuote(CLI.binary.path) + " scan --staged"))
                language: system
                pass_filenames: false
                stages: [pre-commit]

        """)
        try repo.installPreCommit(env)
        try repo.expectBlockedThenAccepted(hookOutput: "leakscope")
    }

    /// `repo:` pointing at a git repository that holds this package's `.pre-commit-hooks.yaml`,
    /// the `leakscope` hook (`language: system`) finding the binary on PATH.
    @Test func hookFromThisPackagesManifestWithTheBinaryOnPath() throws {
        let env = try PreCommitEnv.shared()
        let hooksRepo = try GitRepo(environment: env.environment())
        let manifest = try String(contentsOf: PackageRoot.url.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        try hooksRepo.write(".pre-commit-hooks.yaml", manifest)
        try hooksRepo.git(["add", "-A"])
        try hooksRepo.git(["commit", "-q", "-m", "hooks"])
        let rev = try hooksRepo.git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)

        let repo = try GitRepo(environment: env.environment())
        repo.extraPath = CLI.binary.deletingLastPathComponent().path
        try repo.write(".pre-commit-config.yaml", """
        repos:
          - repo: \(Run.yamlQuote(hooksRepo.path))
            rev: \(rev)
            hooks:
              - id: leakscope

        """)
        try repo.installPreCommit(env)
        try repo.expectBlockedThenAccepted(hookOutput: "leakscope (secrets in staged changes)")
    }
}

/// `leakscope-swift`: pre-commit builds this package itself (`swift build -c release`, several
/// minutes on two cores), so this runs only with LEAKSCOPE_SLOW_TESTS=1. It builds the
/// package's git HEAD, not the working tree.
@Suite struct PreCommitSwiftLanguageTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["LEAKSCOPE_SLOW_TESTS"] == "1",
                   "builds leakscope in release mode inside pre-commit's cache: set LEAKSCOPE_SLOW_TESTS=1"),
          .timeLimit(.minutes(30)))
    func swiftHookBuildsThePackageAndBlocks() throws {
        let env = try PreCommitEnv.shared()
        let root = PackageRoot.url.path
        let head = try Run.exec("git", ["rev-parse", "HEAD"], cwd: root)
        guard head.status == 0 else { throw HookTestError("\(root) is not a git repository: \(head.stderr)") }
        let repo = try GitRepo(environment: env.environment())
        try repo.write(".pre-commit-config.yaml", """
        repos:
          - repo: \(Run.yamlQuote(root))
            rev: \(head.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
            hooks:
              - id: leakscope-swift

        """)
        try repo.installPreCommit(env)
        let build = try Run.exec(env.preCommit, ["install-hooks"], cwd: repo.path, env: repo.environment)
        guard build.status == 0 else { throw HookTestError("pre-commit could not build the swift hook: \(build.both)") }
        try repo.expectBlockedThenAccepted(hookOutput: "built from source")
    }
}

// MARK: - helpers

/// Runs programs with output captured in files (never a pipe that could fill up).
enum Run {
    typealias Result = Program.Result

    static func leakscope(_ arguments: [String], cwd: String? = nil) throws -> Result {
        try exec(CLI.binary.path, arguments, cwd: cwd)
    }

    /// Runs `executable` (a path, or a name looked up on PATH) with `arguments`.
    static func exec(_ executable: String, _ arguments: [String], cwd: String? = nil, env: [String: String]? = nil) throws -> Result {
        let (path, words) = executable.contains("/") ? (executable, arguments) : ("/usr/bin/env", [executable] + arguments)
        // Never the test process's own folder: another suite may have changed into a
        // temporary folder that is gone by now.
        return try Program.run(path, words, cwd: cwd ?? FileManager.default.temporaryDirectory.path,
                               environment: env ?? cleanEnvironment())
    }

    /// This process's environment without anything that would point git elsewhere, and with
    /// the user's and the system's git configuration shut out.
    static func cleanEnvironment() -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        for key in env.keys where key.hasPrefix("GIT_") || key.hasPrefix("PRE_COMMIT") { env.removeValue(forKey: key) }
        env["GIT_CONFIG_GLOBAL"] = "/dev/null"
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        env["GIT_TERMINAL_PROMPT"] = "0"
        env["LC_ALL"] = "C"
        return env
    }

    static func shellQuote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
    static func yamlQuote(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
}

/// A temporary git repository with a fixed identity, committed into with hooks enabled.
final class GitRepo {
    let dir: TempDir
    var path: String { dir.path }
    let environment: [String: String]
    /// Put in front of PATH for commits (where a hook finds `leakscope`).
    var extraPath: String?

    init(environment: [String: String] = Run.cleanEnvironment()) throws {
        dir = try TempDir()
        self.environment = environment
        try git(["init", "-q"])
        try git(["config", "user.name", "Hook Test"])
        try git(["config", "user.email", "hooktest@example.invalid"])
        try git(["config", "commit.gpgsign", "false"])
    }

    var commitEnvironment: [String: String] {
        var env = environment
        // No leakscope on PATH unless a test puts it there: hooks must find theirs.
        var path = (env["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
            .filter { !FileManager.default.isExecutableFile(atPath: $0 + "/leakscope") }
        if let extraPath { path.insert(extraPath, at: 0) }
        env["PATH"] = path.joined(separator: ":")
        return env
    }

    @discardableResult
    func git(_ arguments: [String]) throws -> String {
        let r = try Run.exec("git", arguments, cwd: path, env: environment)
        guard r.status == 0 else {
            throw HookTestError("git \(arguments.joined(separator: " ")) exited \(r.status): \(r.stderr)")
        }
        return r.stdout
    }

    func write(_ relative: String, _ text: String) throws { try dir.write(relative, text) }

    /// `git add -A && git commit`, with hooks; returns git commit's result.
    func commit(_ message: String) throws -> Run.Result {
        try git(["add", "-A"])
        return try Run.exec("git", ["commit", "-m", message], cwd: path, env: commitEnvironment)
    }

    func commitCount() throws -> Int {
        let r = try Run.exec("git", ["rev-list", "--count", "--all"], cwd: path, env: environment)
        return r.status == 0 ? Int(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 : 0
    }

    /// Commits `.pre-commit-config.yaml` (pre-commit refuses an unstaged config), then runs
    /// `pre-commit install`.
    func installPreCommit(_ env: PreCommitEnv) throws {
        try git(["add", "-A"])
        try git(["commit", "-q", "-m", "pre-commit config"])
        let r = try Run.exec(env.preCommit, ["install"], cwd: path, env: environment)
        guard r.status == 0 else { throw HookTestError("pre-commit install exited \(r.status): \(r.both)") }
        #expect(r.stdout.contains("pre-commit installed"))
    }

    /// (a) a commit that adds a fake key is blocked and the key is nowhere in the history;
    /// (b) a clean commit goes through.
    func expectBlockedThenAccepted(hookOutput: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try commitCount()
        let openAI = FakeKeys.openAIProjectKey(), aws = FakeKeys.awsAccessKeyID()
        try write("config/app.env", "OPENAI_API_KEY=\(openAI)\nAWS_ACCESS_KEY_ID=\(aws)\n")
        try write("src/main.py", "print('hello')\n")
        let blocked = try commit("add config")
        #expect(blocked.status != 0, "the commit with a secret went through: \(blocked.both)", sourceLocation: sourceLocation)
        #expect(blocked.both.contains("commit blocked"), "\(blocked.both)", sourceLocation: sourceLocation)
        if let hookOutput { #expect(blocked.both.contains(hookOutput), "\(blocked.both)", sourceLocation: sourceLocation) }
        #expect(!blocked.both.contains(openAI), "the report shows the whole secret", sourceLocation: sourceLocation)
        #expect(try commitCount() == before, sourceLocation: sourceLocation)
        let log = try git(["log", "--all", "-p"])
        #expect(!log.contains(openAI) && !log.contains(aws), "the secret reached the history", sourceLocation: sourceLocation)

        // Take the secret out: the rest commits.
        try FileManager.default.removeItem(atPath: path + "/config/app.env")
        try write("config/app.env", "OPENAI_API_KEY=${OPENAI_API_KEY}\n")
        let accepted = try commit("add config without secrets")
        #expect(accepted.status == 0, "a clean commit was blocked: \(accepted.both)", sourceLocation: sourceLocation)
        #expect(try commitCount() == before + 1, sourceLocation: sourceLocation)
        #expect(try git(["log", "-1", "--format=%s"]).contains("add config without secrets"), sourceLocation: sourceLocation)
    }
}

struct HookTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// One Python venv with pre-commit for the whole test run, made on first use under the temp
/// folder and removed at exit. No network or no pip is a failure, never a skip: CI has both.
struct PreCommitEnv: Sendable {
    let root: String
    var preCommit: String { root + "/venv/bin/pre-commit" }

    /// The environment for git and pre-commit: clean, with pre-commit's cache inside this run's folder.
    func environment() -> [String: String] {
        var env = Run.cleanEnvironment()
        env["PRE_COMMIT_HOME"] = root + "/cache"
        env["PRE_COMMIT_COLOR"] = "never"
        return env
    }

    static func shared() throws -> PreCommitEnv {
        switch made {
        case .success(let env): return env
        case .failure(let error): throw error
        }
    }

    private static let made: Result<PreCommitEnv, HookTestError> = make()

    private static func make() -> Result<PreCommitEnv, HookTestError> {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("leakscope-hooktests-\(getpid())").path
        try? FileManager.default.removeItem(atPath: root)
        do {
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            preCommitRoot = root
            atexit { if let root = preCommitRoot { try? FileManager.default.removeItem(atPath: root) } }
            let venv = try Run.exec("python3", ["-m", "venv", root + "/venv"])
            guard venv.status == 0 else {
                return .failure(HookTestError("python3 -m venv failed (exit \(venv.status)); the pre-commit tests need python3 with venv (Debian: python3-venv): \(venv.both)"))
            }
            let pip = try Run.exec(root + "/venv/bin/python", ["-m", "pip", "install", "-q", "--disable-pip-version-check", "pre-commit>=3.2,<5"])
            guard pip.status == 0 else {
                return .failure(HookTestError("pip install pre-commit failed (exit \(pip.status)); the pre-commit tests need PyPI (CI must reach it): \(pip.both)"))
            }
            let env = PreCommitEnv(root: root)
            let version = try Run.exec(env.preCommit, ["--version"])
            guard version.status == 0 else { return .failure(HookTestError("pre-commit --version failed: \(version.both)")) }
            return .success(env)
        } catch {
            return .failure(HookTestError("cannot set up pre-commit in \(root): \(error)"))
        }
    }
}

/// The folder to remove at exit (read by the atexit handler, which captures nothing).
nonisolated(unsafe) private var preCommitRoot: String?
