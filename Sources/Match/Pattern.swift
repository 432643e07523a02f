import CPCRE2

/// A PCRE2 pattern, compiled in byte mode (no UTF) and JIT-compiled when the platform allows.
/// Immutable after init, so one instance is shared read-only by every worker.
public final class Pattern: Sendable {
    /// The compiled code; never mutated after init.
    nonisolated(unsafe) let code: OpaquePointer
    /// Whether JIT compilation succeeded (matching then uses the JIT fast path).
    public let jitted: Bool
    /// Number of capture groups, so callers can check a group index before matching.
    public let captureCount: Int

    /// Compiles `source`. Throws `PatternError` with the offset PCRE2 points at.
    public init(_ source: String) throws(PatternError) {
        var errorCode: Int32 = 0
        var errorOffset = 0
        let compiled: OpaquePointer? = source.utf8CString.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: UInt8.self, capacity: buf.count) { ptr in
                pcre2_compile_8(ptr, buf.count - 1, 0, &errorCode, &errorOffset, nil)
            }
        }
        guard let compiled else {
            throw PatternError(message: Pattern.errorMessage(errorCode), offset: errorOffset)
        }
        code = compiled
        jitted = pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0
        var count: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &count)
        captureCount = Int(count)
    }

    deinit { pcre2_code_free_8(code) }

    /// The number of the named group `name`, or nil when the pattern has no such group.
    public func groupNumber(named name: String) -> Int? {
        let n = name.utf8CString.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: UInt8.self, capacity: buf.count) {
                pcre2_substring_number_from_name_8(code, $0)
            }
        }
        return n > 0 ? Int(n) : nil
    }

    /// Finds the first match at or after `from` in `subject[0..<end]`. Bytes before `from` stay
    /// visible to lookbehinds. Returns nil when there is none, throws when a PCRE2 limit is hit.
    @inline(__always)
    func firstMatch(
        in subject: UnsafePointer<UInt8>, end: Int, from: Int, workspace: MatchWorkspace
    ) throws(MatchLimitError) -> UnsafeMutablePointer<Int>? {
        let rc: Int32
        if jitted {
            rc = pcre2_jit_match_8(code, subject, end, from, 0, workspace.matchData, workspace.context)
        } else {
            rc = pcre2_match_8(code, subject, end, from, 0, workspace.matchData, workspace.context)
        }
        if rc > 0 { return pcre2_get_ovector_pointer_8(workspace.matchData) }
        if rc == PCRE2_ERROR_NOMATCH || rc == PCRE2_ERROR_PARTIAL { return nil }
        if rc == 0 { return pcre2_get_ovector_pointer_8(workspace.matchData) }  // ovector too small
        throw MatchLimitError(code: rc, message: Pattern.errorMessage(rc))
    }

    static func errorMessage(_ code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = pcre2_get_error_message_8(code, &buffer, buffer.count)
        return n > 0 ? String(decoding: buffer[0..<Int(n)], as: UTF8.self) : "PCRE2 error \(code)"
    }
}

/// PCRE2 refused a pattern.
public struct PatternError: Error, Equatable, CustomStringConvertible {
    /// PCRE2's own message.
    public let message: String
    /// Byte offset in the pattern where PCRE2 stopped.
    public let offset: Int
    public var description: String { "\(message) at offset \(offset)" }
}

/// A match hit a PCRE2 resource limit (match limit, depth, JIT stack): the window was not fully
/// searched by that pattern.
public struct MatchLimitError: Error, CustomStringConvertible {
    /// The PCRE2 return code.
    public let code: Int32
    /// PCRE2's message for it.
    public let message: String
    public var description: String { message }
}

extension Pattern {
    /// Whether `text` contains a match (for small validations, not the hot path).
    public func matches(_ text: String) -> Bool {
        let ws = MatchWorkspace()
        var bytes = Array(text.utf8)
        bytes.append(0)
        return bytes.withUnsafeBufferPointer { buf in
            (try? firstMatch(in: buf.baseAddress!, end: buf.count - 1, from: 0, workspace: ws)) != nil
        }
    }
}
