import Foundation

/// Helpers shared by the fuzz targets: libFuzzer hands each one a byte buffer.
public enum FuzzInput {
    /// The input as an array.
    public static func bytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
        Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// The input as text, invalid UTF-8 repaired (what the file readers do with a file's bytes).
    public static func text(_ data: UnsafePointer<UInt8>, _ size: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    }

    /// The input cut at its first NUL byte: (file text, the rest). Lets one input carry a file
    /// and the queries to ask of it.
    public static func split(_ bytes: [UInt8]) -> (head: [UInt8], tail: [UInt8]) {
        guard let nul = bytes.firstIndex(of: 0) else { return (bytes, []) }
        return (Array(bytes[..<nul]), Array(bytes[(nul + 1)...]))
    }

    /// The lines of `bytes` as text (queries: paths, secrets).
    public static func lines(_ bytes: [UInt8]) -> [String] {
        bytes.split(separator: 0x0A, omittingEmptySubsequences: true).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// libFuzzer's entry for programs that have their own `main` (SwiftPM gives every executable
/// one): runs the fuzzer with the process's arguments and exits with its status.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

public enum FuzzDriver {
    /// Runs libFuzzer on `callback` with the command line's options and inputs.
    public static func run(_ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        let status = LLVMFuzzerRunDriver(&argc, &argv, callback)
        exit(status)
    }
}
