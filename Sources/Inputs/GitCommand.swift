import Foundation
import GitExec

/// A git command failed (not a repository, an unknown revision...): git's own message.
public struct GitError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// Runs git in a repository, never prompting, with stable output settings.
public enum GitCommand {
    /// Settings that make git's output machine-readable whatever the user's configuration.
    static let stableConfig = ["-c", "core.quotePath=false", "-c", "diff.noprefix=false", "-c", "color.ui=false",
                               "-c", "diff.external=", "-c", "log.showSignature=false"]

    /// `git -C directory arguments...` with the stable settings, not started: for pipelines.
    static func makeProcess(_ arguments: [String], in directory: String) -> Process {
        var env = Git.environment()
        env.removeValue(forKey: "GIT_EXTERNAL_DIFF")
        return Git.process(["-C", directory] + stableConfig + arguments, environment: env)
    }

    /// Runs `git -C directory arguments...` and returns its standard output; throws with git's
    /// standard error when it exits non-zero.
    public static func run(_ arguments: [String], in directory: String) throws(GitError) -> Data {
        let output: Git.Output
        do { output = try Git.run(makeProcess(arguments, in: directory)) } catch {
            throw GitError(message: "cannot run git: \(error)")
        }
        guard output.succeeded else {
            let message = output.message
            throw GitError(message: "git \(arguments.prefix(2).joined(separator: " ")): \(message.isEmpty ? "exit \(output.status)" : message)")
        }
        return output.stdout
    }

    /// The top of the work tree holding `path`, or nil outside a repository.
    public static func topLevel(of path: String) -> String? {
        guard let data = try? run(["rev-parse", "--show-toplevel"], in: path) else { return nil }
        let top = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
        return top.isEmpty ? nil : top
    }
}

extension GitCommand {
    /// Whether the repository at `repository` is shallow (`git clone --depth`): its history
    /// stops at grafted commits, so the commit that "introduced" a line there may only be the
    /// oldest one the clone has. False outside a repository.
    public static func isShallow(repository: String) -> Bool {
        guard let data = try? run(["rev-parse", "--is-shallow-repository"], in: repository) else { return false }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == "true"
    }

    /// Whether the repository at `repository` is a partial clone (`git clone --filter=...`): it
    /// may lack objects its history names, which git would fetch from the promisor remote were
    /// fetching not turned off (`Git.offline`). False outside a repository.
    public static func isPartialClone(repository: String) -> Bool {
        if let data = try? run(["config", "--get", "extensions.partialClone"], in: repository),
           !String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return true
        }
        guard let data = try? run(["config", "--get-regexp", #"^remote\..*\.promisor$"#], in: repository) else { return false }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").contains { $0.hasSuffix(" true") }
    }
}
