import CPCRE2

/// The mutable state one worker thread needs to match: PCRE2 match data, a match context with
/// resource limits and its own JIT stack, plus reusable buffers. Never share one between threads.
public final class MatchWorkspace {
    /// Largest ovector any pattern may need (capture groups + 1).
    static let ovectorPairs: UInt32 = 64
    /// PCRE2 stops a match after this many internal steps: no rule can hang a scan.
    public static let defaultMatchLimit: UInt32 = 2_000_000
    /// Limit on backtracking depth (interpreter) / heap use.
    public static let defaultDepthLimit: UInt32 = 10_000

    let matchData: OpaquePointer
    let context: OpaquePointer
    let jitStack: OpaquePointer?
    /// Per-pattern end of the last window scheduled in the current buffer (reset per scan).
    var lastWindowEnd: [Int] = []
    /// Per-pattern index in `windows` of its last window (valid when `lastWindowEnd` is set).
    var lastWindowIndex: [Int] = []
    /// Windows scheduled in the current buffer: (pattern, start, end).
    var windows: [(pattern: Int32, start: Int, end: Int)] = []
    /// Byte histogram for entropy, cleared after each use.
    var histogram = [UInt32](repeating: 0, count: 256)
    /// Which path-gated patterns may run on the buffers scanned next, by pattern index (missing:
    /// closed). Set per file from its path (`PathConditions.openGates`).
    public var openGates: [Bool] = []

    @inline(__always)
    func gateOpen(_ pattern: Int) -> Bool { pattern < openGates.count && openGates[pattern] }

    public init(matchLimit: UInt32 = MatchWorkspace.defaultMatchLimit,
                depthLimit: UInt32 = MatchWorkspace.defaultDepthLimit) {
        matchData = pcre2_match_data_create_8(Self.ovectorPairs, nil)
        context = pcre2_match_context_create_8(nil)
        pcre2_set_match_limit_8(context, matchLimit)
        pcre2_set_depth_limit_8(context, depthLimit)
        jitStack = pcre2_jit_stack_create_8(32 * 1024, 1024 * 1024, nil)
        if let jitStack { pcre2_jit_stack_assign_8(context, nil, UnsafeMutableRawPointer(jitStack)) }
    }

    deinit {
        pcre2_match_data_free_8(matchData)
        pcre2_match_context_free_8(context)
        if let jitStack { pcre2_jit_stack_free_8(jitStack) }
    }
}
