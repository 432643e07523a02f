import Foundation

/// Starts git as a child process and collects what it writes, without prompts or deadlocks. Each
/// caller adds its own settings (environment, `-c` options); this is only the running.
public enum Git {
    /// What a finished git command produced.
    public struct Output: Sendable {
        public let status: Int32
        public let stdout: Data
        public let stderr: Data

        public var succeeded: Bool { status == 0 }
        /// Standard error as text, for error messages.
        public var message: String { String(decoding: stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// The inherited environment with no terminal prompts, no pager and the C locale, and no
    /// network: in a partial clone (`--filter=blob:none`) git fetches a missing object from the
    /// promisor remote the moment a command needs it. `GIT_NO_LAZY_FETCH=1` (git 2.39.4, 2.44
    /// and later) turns that off; `GIT_ALLOW_PROTOCOL` names no real transport, so a git that
    /// ignores the first still cannot reach any remote, nor can any command it starts (both
    /// are inherited). A missing object is then an error, or reported missing, never fetched.
    public static func environment() -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["GIT_TERMINAL_PROMPT"] = "0"
        env["GIT_PAGER"] = "cat"
        env["LC_ALL"] = "C"
        for (key, value) in offline { env[key] = value }
        return env
    }

    /// The settings that keep every git child offline (see `environment`).
    public static let offline: [String: String] = [
        "GIT_NO_LAZY_FETCH": "1",
        "GIT_ALLOW_PROTOCOL": "leakscope-offline",
    ]

    /// `git <arguments>` with `environment`, not started: the caller connects its pipes.
    public static func process(_ arguments: [String], environment: [String: String]) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.environment = environment
        return process
    }

    /// Runs `process` to completion: stdin is /dev/null, stdout is read to its end on this thread
    /// and stderr on another, so neither pipe can fill up and block git. Throws what `Process.run`
    /// throws when git cannot be started.
    public static func run(_ process: Process) throws -> Output {
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let errors = Drain(err.fileHandleForReading)
        let stdout = readToEnd(out.fileHandleForReading.fileDescriptor)
        let stderr = errors.result()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }

    /// Everything `fd` yields up to end of file. A read interrupted by a signal (EINTR) is
    /// retried; Foundation's `readDataToEndOfFile` traps on it.
    public static func readToEnd(_ fd: Int32) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n > 0 { data.append(contentsOf: buffer[..<n]); continue }
            if n < 0 && errno == EINTR { continue }
            return data
        }
    }

    /// Collects a pipe's bytes on another thread.
    private final class Drain: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            Thread.detachNewThread { [self] in
                let bytes = Git.readToEnd(handle.fileDescriptor)
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
}
