import Foundation
import Inputs
import Report

/// Writes and recognises leakscope's pre-commit hook.
public enum HookInstaller {
    /// The line that marks a hook as ours: re-installing over it is an update, never a refusal.
    static let marker = "# leakscope-pre-commit-hook"

    public struct Failure: Error, Sendable { public let message: String }

    public struct Result: Sendable {
        public let path: String
        public let message: String
    }

    /// The hook script: runs `binary scan --staged`, or `leakscope` from PATH when `binary` is
    /// gone, and exits with its status.
    static func script(binary: String) -> String {
        """
        #!/bin/sh
        \(marker)
        # Installed by `leakscope install-hook`: blocks a commit whose staged changes add a secret.
        # Re-run `leakscope install-hook` to update it; delete this file to remove it.
        # Skip it once (for a reviewed false positive): git commit --no-verify
        installed=\(shellQuote(binary))
        leakscope=$installed
        if [ ! -x "$leakscope" ]; then
          leakscope=$(command -v leakscope 2>/dev/null) || leakscope=
        fi
        if [ -z "$leakscope" ]; then
          echo "leakscope pre-commit hook: $installed is gone and no leakscope is on PATH;" >&2
          echo "  install leakscope again, or remove this hook ($0)." >&2
          exit 2
        fi
        exec "$leakscope" scan --staged

        """
    }

    /// `text` as one sh word: single-quoted, with each `'` written as `'\''`.
    static func shellQuote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The absolute path of the running binary, symbolic links kept (so a link that a package
    /// manager repoints on upgrade keeps working): argv[0] made absolute, or found on PATH.
    public static func runningBinary() -> String {
        let argv0 = CommandLine.arguments.first ?? "leakscope"
        let fm = FileManager.default
        if argv0.contains("/") {
            let absolute = argv0.hasPrefix("/") ? argv0 : (fm.currentDirectoryPath as NSString).appendingPathComponent(argv0)
            let standard = URL(fileURLWithPath: absolute).standardized.path
            if fm.isExecutableFile(atPath: standard) { return standard }
        } else if let path = ProcessInfo.processInfo.environment["PATH"] {
            for dir in path.split(separator: ":") where dir.hasPrefix("/") {
                let candidate = (String(dir) as NSString).appendingPathComponent(argv0)
                if fm.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return Bundle.main.executablePath ?? "leakscope"
    }

    /// The folder git runs hooks from: `core.hooksPath` when set, else `.git/hooks` (worktrees
    /// and submodules included), as `git rev-parse --git-path hooks` says.
    static func hooksDirectory(repository: String) throws(Failure) -> String {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: repository, isDirectory: &isDir), isDir.boolValue else {
            throw Failure(message: "\(repository): no such folder")
        }
        let inside: String
        do {
            inside = String(decoding: try GitCommand.run(["rev-parse", "--is-inside-work-tree"], in: repository), as: UTF8.self)
        } catch {
            throw Failure(message: "\(repository) is not in a git repository (\(error.message))")
        }
        guard inside.trimmingCharacters(in: .whitespacesAndNewlines) == "true" else {
            throw Failure(message: "\(repository) is not in a git work tree (a bare repository runs no pre-commit hook)")
        }
        let raw: String
        do {
            raw = String(decoding: try GitCommand.run(["rev-parse", "--git-path", "hooks"], in: repository), as: UTF8.self)
                .trimmingCharacters(in: .newlines)
        } catch {
            throw Failure(message: error.message)
        }
        guard !raw.isEmpty else { throw Failure(message: "git gave no hooks folder for \(repository)") }
        // A relative answer is relative to the folder git ran in.
        let base = repository.hasPrefix("/") ? repository : (fm.currentDirectoryPath as NSString).appendingPathComponent(repository)
        let absolute = raw.hasPrefix("/") ? raw : (base as NSString).appendingPathComponent(raw)
        return URL(fileURLWithPath: absolute).standardized.path
    }

    /// True when the file at `path` is a hook that leakscope wrote.
    static func isOurs(_ path: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: path) else { return false }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").contains { $0 == Substring(marker) }
    }

    /// Writes (or updates) the pre-commit hook of `repository` that runs `binary scan --staged`;
    /// a hook leakscope did not write is kept unless `force` (which moves it aside).
    public static func install(repository: String, binary: String, force: Bool) throws(Failure) -> Result {
        let fm = FileManager.default
        let hooks = try hooksDirectory(repository: repository)
        let hook = (hooks as NSString).appendingPathComponent("pre-commit")
        let text = script(binary: binary)
        var verb = "installed"
        var backup: String?

        // Not following links: a dangling symbolic link is an existing hook too.
        if let attributes = try? fm.attributesOfItem(atPath: hook) {
            let isLink = attributes[.type] as? FileAttributeType == .typeSymbolicLink
            if !isLink && isOurs(hook) {
                if fm.contents(atPath: hook) == Data(text.utf8) && fm.isExecutableFile(atPath: hook) {
                    return Result(path: hook, message: "leakscope: pre-commit hook already installed at \(hook)")
                }
                verb = "updated"
            } else if !force {
                throw Failure(message: """
                \(hook) already exists and was not written by leakscope; it was left as it is.
                  Re-run with --force to replace it (a copy is kept as pre-commit.bak), or call
                  `leakscope scan --staged` from that hook yourself (or from the pre-commit framework: see docs/pre-commit.md).
                """)
            } else {
                let target = freeBackupPath(for: hook)
                do { try fm.moveItem(atPath: hook, toPath: target) } catch {
                    throw Failure(message: "cannot move \(hook) aside to \(target): \(error.localizedDescription)")
                }
                backup = target
                verb = "replaced"
            }
        }

        do {
            try fm.createDirectory(atPath: hooks, withIntermediateDirectories: true)
            // Write beside, then rename: git never sees half a hook.
            let temp = (hooks as NSString).appendingPathComponent(".pre-commit.leakscope-\(getpid())")
            guard fm.createFile(atPath: temp, contents: Data(text.utf8), attributes: [.posixPermissions: 0o755]) else {
                throw Failure(message: "cannot write \(temp)")
            }
            guard chmod(temp, 0o755) == 0, rename(temp, hook) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(temp)
                throw Failure(message: "cannot install \(hook): \(reason)")
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(message: "cannot create \(hooks): \(error.localizedDescription)")
        }
        var message = "leakscope: pre-commit hook \(verb) at \(hook) (runs \(binary) scan --staged)"
        if let backup { message += "\n  the previous hook was moved to \(backup)" }
        return Result(path: hook, message: message)
    }

    /// What `scan --staged` says when it blocks a commit: how to remove the secret, and the exact
    /// commands that accept these findings (their fingerprints into `.leakscopeignore`, or all of
    /// them into the baseline the hook reads).
    public static func blockMessage(failing: [Finding], baseline: String?) -> String {
        let n = failing.count
        let fingerprints = Array(Set(failing.map(\.fingerprint))).sorted()
        let ignoreLines = fingerprints.map { "    echo '\($0)' >> \(IgnoreFile.fileName)" }.joined(separator: "\n")
        let baselineFile = baseline.map { ($0 as NSString).lastPathComponent == ScanPlan.baselineFileName ? ScanPlan.baselineFileName : $0 }
            ?? ScanPlan.baselineFileName
        return """
        leakscope: commit blocked: \(n) secret\(n == 1 ? "" : "s") in the staged changes.
          Remove the secret (and revoke it if it is real). If a finding is a false positive:
          - add `leakscope:allow` in a comment on that line, or
          - ignore it by fingerprint (run at the repository root, then commit the file):
        \(ignoreLines)
          - or accept every current finding into the baseline the hook reads (run at the repository root):
            leakscope scan --write-baseline \(baselineFile) . && git add \(baselineFile)
        """
    }

    /// `pre-commit.bak`, or `pre-commit.bak.N` for the first N not taken.
    static func freeBackupPath(for hook: String) -> String {
        var candidate = hook + ".bak"
        var n = 1
        while (try? FileManager.default.attributesOfItem(atPath: candidate)) != nil {
            candidate = hook + ".bak.\(n)"
            n += 1
        }
        return candidate
    }
}
