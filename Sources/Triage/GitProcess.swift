import Foundation

/// Runs one `git` command to completion without deadlocks or prompts, capturing its output.
enum GitProcess {
    /// What a finished git command produced.
    struct Output: Sendable {
        let status: Int32
        let stdout: Data
        let stderr: Data

        var succeeded: Bool { status == 0 }
        /// Standard error as text, for error messages.
        var message: String { String(decoding: stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// A command that could not be started, or exited with an error.
    struct Failure: Error, Sendable, CustomStringConvertible {
        let arguments: [String]
        let message: String
        var description: String { "git \(arguments.joined(separator: " ")): \(message)" }
    }

    /// Collects a pipe's bytes on another thread, so neither pipe can fill while the other is read.
    private final class Drain: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            Thread.detachNewThread { [self] in
                let bytes = handle.readDataToEndOfFile()
                lock.lock(); data = bytes; lock.unlock()
                done.signal()
            }
        }

        /// Waits for end of file and returns everything read.
        func result() -> Data {
            done.wait()
            lock.lock(); defer { lock.unlock() }
            return data
        }
    }

    /// The environment for git: no terminal prompts, no optional locks, stable messages, and no
    /// inherited `GIT_DIR`-style overrides that would point `-C` elsewhere.
    static let environment: [String: String] = {
        var env = ProcessInfo.processInfo.environment
        for key in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_NAMESPACE"] {
            env.removeValue(forKey: key)
        }
        env["GIT_TERMINAL_PROMPT"] = "0"
        env["GIT_OPTIONAL_LOCKS"] = "0"
        env["GIT_PAGER"] = "cat"
        env["LC_ALL"] = "C"
        return env
    }()

    /// Runs `git <arguments>`; stdin is /dev/null, stdout is read to its end before waiting.
    static func run(_ arguments: [String]) throws(Failure) -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch {
            throw Failure(arguments: arguments, message: "cannot start git: \(error)")
        }
        let errors = Drain(err.fileHandleForReading)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.result()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }
}
