import Foundation
import GitExec

/// Runs one `git` command to completion without deadlocks or prompts, capturing its output.
enum GitProcess {
    /// What a finished git command produced.
    typealias Output = Git.Output

    /// A command that could not be started, or exited with an error.
    struct Failure: Error, Sendable, CustomStringConvertible {
        let arguments: [String]
        let message: String
        var description: String { "git \(arguments.joined(separator: " ")): \(message)" }
    }

    /// The environment for git: no terminal prompts, no optional locks, stable messages, and no
    /// inherited `GIT_DIR`-style overrides that would point `-C` elsewhere.
    static let environment: [String: String] = {
        var env = Git.environment()
        for key in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_NAMESPACE"] {
            env.removeValue(forKey: key)
        }
        env["GIT_OPTIONAL_LOCKS"] = "0"
        return env
    }()

    /// Runs `git <arguments>`; stdin is /dev/null, stdout is read to its end before waiting.
    static func run(_ arguments: [String]) throws(Failure) -> Output {
        do { return try Git.run(Git.process(arguments, environment: environment)) } catch {
            throw Failure(arguments: arguments, message: "cannot start git: \(error)")
        }
    }
}
