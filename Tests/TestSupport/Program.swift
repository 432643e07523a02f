import Foundation

/// Runs a program to completion, its output captured in files (see `OutputFiles`).
public enum Program {
    /// What a finished program wrote, and how it exited.
    public struct Result: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
        /// Standard output, then standard error.
        public var both: String { stdout + stderr }
    }

    /// Runs `executable` (a path) with `arguments`; in `cwd` and with exactly `environment` when
    /// given, else in this process's folder and environment. Standard input is empty.
    @discardableResult
    public static func run(_ executable: String, _ arguments: [String], cwd: String? = nil,
                           environment: [String: String]? = nil) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        if let environment { p.environment = environment }
        let output = try OutputFiles(for: p)
        try p.run()
        p.waitUntilExit()
        let (stdout, stderr) = try output.read()
        return Result(status: p.terminationStatus, stdout: stdout, stderr: stderr)
    }
}

/// Two temporary files that take a child's standard output and error (files, not pipes: a large
/// output can never block the child), and an empty standard input. Removed on deinit.
final class OutputFiles {
    private let out: URL, err: URL

    /// Connects `process`, which is not started yet.
    init(for process: Process) throws {
        let dir = FileManager.default.temporaryDirectory
        out = dir.appendingPathComponent("leakscope-out-\(UUID().uuidString)")
        err = dir.appendingPathComponent("leakscope-err-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
    }

    deinit { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: err) }

    /// Everything written, once the process has exited.
    func read() throws -> (stdout: String, stderr: String) {
        (String(decoding: try Data(contentsOf: out), as: UTF8.self), String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }
}
