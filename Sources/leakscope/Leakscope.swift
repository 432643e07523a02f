import ArgumentParser
import Foundation
import Scan

/// The command line: a thin shell that parses flags into plain values and calls the library.
@main
struct Leakscope: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leakscope",
        abstract: "Find leaked AI and cloud credentials in files and tell which matter first.",
        discussion: "Exit status: 0 nothing found, 1 findings, 2 usage or configuration error.",
        subcommands: [ScanCommand.self, RulesCommand.self, InstallHookCommand.self],
        defaultSubcommand: ScanCommand.self
    )

    /// ArgumentParser exits 64 on usage errors; leakscope's contract is 2.
    static func main() {
        // A reader that goes away (`leakscope ... | head`, a killed git) must not kill us.
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            }
            warn(fullMessage(for: error))
            Foundation.exit(2)
        }
    }
}

/// Writes to stderr (a closed or full stderr is no reason to crash: the line is dropped).
func warn(_ message: String) {
    try? OutputFile.writeAll(Array((message + "\n").utf8), to: STDERR_FILENO)
}
