import Foundation

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

    static func makeProcess(_ arguments: [String], in directory: String) -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git", "-C", directory] + stableConfig + arguments
        var env = ProcessInfo.processInfo.environment
        env["GIT_TERMINAL_PROMPT"] = "0"
        env["GIT_PAGER"] = "cat"
        env["LC_ALL"] = "C"
        env.removeValue(forKey: "GIT_EXTERNAL_DIFF")
        p.environment = env
        return p
    }

    /// Runs `git -C directory arguments...` and returns its standard output; throws with git's
    /// standard error when it exits non-zero.
    public static func run(_ arguments: [String], in directory: String) throws(GitError) -> Data {
        let p = makeProcess(arguments, in: directory)
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        do { try p.run() } catch { throw GitError(message: "cannot run git: \(error)") }
        // Drain stderr on another thread so neither pipe can fill up and block git.
        let errBox = DataBox()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            let message = String(decoding: errBox.data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw GitError(message: "git \(arguments.prefix(2).joined(separator: " ")): \(message.isEmpty ? "exit \(p.terminationStatus)" : message)")
        }
        return data
    }

    /// The top of the work tree holding `path`, or nil outside a repository.
    public static func topLevel(of path: String) -> String? {
        guard let data = try? run(["rev-parse", "--show-toplevel"], in: path) else { return nil }
        let top = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
        return top.isEmpty ? nil : top
    }
}

/// A mutable box handed between threads, read only after the writer signalled.
final class DataBox: @unchecked Sendable {
    var data = Data()
}
