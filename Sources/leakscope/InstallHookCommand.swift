import ArgumentParser
import Foundation
import Scan

/// `leakscope install-hook`: writes a git pre-commit hook that runs `leakscope scan --staged`.
struct InstallHookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install-hook",
        abstract: "Install a git pre-commit hook that blocks commits whose staged changes add a secret.",
        discussion: """
        Writes the repository's pre-commit hook (in core.hooksPath when set) as a POSIX sh script \
        that runs `leakscope scan --staged` with this binary's absolute path, or `leakscope` on PATH \
        when that path is gone. Re-running it updates our hook; a hook written by something else is \
        kept unless --force (which keeps a copy beside it). Exit status: 0 installed, 2 error.
        """
    )

    @Flag(name: .long, help: "Replace an existing pre-commit hook that leakscope did not write (a copy is kept as pre-commit.bak).")
    var force = false

    @Argument(help: "The repository (default: the current folder).", completion: .directory)
    var repo: String = "."

    func run() throws {
        do {
            let result = try HookInstaller.install(repository: repo, binary: HookInstaller.runningBinary(), force: force)
            print(result.message)
        } catch {
            warn("error: \(error.message)")
            throw ExitCode(2)
        }
    }
}
