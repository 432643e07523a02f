import Foundation

/// Report and baseline files: written whole or not at all, never through a link, mode 0600 (they
/// may hold secrets with --show-secrets).
///
/// The text goes to a temporary file in the target's folder, is flushed to disk (`fsync`), then
/// renamed over the target: when the disk fills or the process dies part way, the old file is
/// untouched. A symbolic link at the target (a pull request can commit `leakscope.sarif ->
/// ../elsewhere`) is replaced by the new file, never followed: rename(2) replaces the link itself.
public enum OutputFile {
    public static func write(_ text: String, to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let dir = folder.isEmpty ? "." : folder
        var template = Array(((dir as NSString).appendingPathComponent(".leakscope-out-XXXXXX")).utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        let temp = String(cString: template)
        var closed = false
        do {
            defer { if !closed { close(fd) } }
            fchmod(fd, 0o600)
            try writeAll(Array(text.utf8), to: fd)
            guard fsync(fd) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            closed = true
            guard close(fd) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            guard rename(temp, path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            unlink(temp)
            throw error
        }
    }

    /// Writes every byte to `fd`, retrying on EINTR; an error (EPIPE, ENOSPC...) is thrown.
    public static func writeAll(_ bytes: [UInt8], to fd: Int32) throws {
        var rest = bytes[...]
        while !rest.isEmpty {
            let n = rest.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
            rest = rest.dropFirst(n)
        }
    }
}
