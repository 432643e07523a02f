/// A case-insensitive multi-literal search (Aho-Corasick compiled to a dense DFA over byte
/// classes): one pass over a buffer reports every occurrence of every keyword.
public struct KeywordAutomaton: Sendable {
    /// Flag bit set in a transition whose target state has outputs.
    private static let acceptBit: UInt32 = 0x8000_0000
    /// Byte → class; bytes that occur in no keyword share class 0. ASCII letters fold to lowercase.
    private let classOf: [UInt8]
    private let classCount: Int
    /// `transitions[state * classCount + class]` = next state, with `acceptBit` when it matches.
    private let transitions: [UInt32]
    /// Keywords ending at each state: `outputs[outputStart[s] ..< outputStart[s + 1]]`.
    private let outputStart: [Int32]
    private let outputs: [Int32]
    /// Byte length of each keyword, to turn an end position into a start.
    public let keywordLengths: [Int]

    /// Builds the automaton. Keywords are compared ASCII-case-insensitively; empty ones are ignored.
    public init(keywords: [String]) {
        let folded = keywords.map { Array($0.utf8).map(KeywordAutomaton.fold) }
        keywordLengths = folded.map(\.count)
        var classes = [UInt8](repeating: 0, count: 256)
        var next: UInt8 = 1
        for kw in folded {
            for b in kw where classes[Int(b)] == 0 {
                classes[Int(b)] = next
                next = next == 255 ? 255 : next + 1
            }
        }
        // Upper-case ASCII letters share their lower-case class.
        for b in UInt8(ascii: "A")...UInt8(ascii: "Z") { classes[Int(b)] = classes[Int(b | 0x20)] }
        let nc = Int(next)
        // Trie.
        var goto: [[Int32]] = [[Int32](repeating: -1, count: nc)]
        var out: [[Int32]] = [[]]
        for (k, kw) in folded.enumerated() where !kw.isEmpty {
            var s = 0
            for b in kw {
                let c = Int(classes[Int(b)])
                if goto[s][c] < 0 {
                    goto[s][c] = Int32(goto.count)
                    goto.append([Int32](repeating: -1, count: nc))
                    out.append([])
                }
                s = Int(goto[s][c])
            }
            out[s].append(Int32(k))
        }
        // Breadth-first failure links, turning the trie into a full DFA.
        let n = goto.count
        var fail = [Int](repeating: 0, count: n)
        var table = [UInt32](repeating: 0, count: n * nc)
        var queue: [Int] = []
        queue.reserveCapacity(n)
        for c in 0..<nc {
            let t = goto[0][c]
            if t >= 0 { fail[Int(t)] = 0; queue.append(Int(t)); table[c] = UInt32(t) } else { table[c] = 0 }
        }
        var head = 0
        while head < queue.count {
            let s = queue[head]; head += 1
            out[s].append(contentsOf: out[fail[s]])
            for c in 0..<nc {
                let t = goto[s][c]
                if t >= 0 {
                    fail[Int(t)] = Int(table[fail[s] * nc + c] & ~Self.acceptBit)
                    queue.append(Int(t))
                    table[s * nc + c] = UInt32(t)
                } else {
                    table[s * nc + c] = table[fail[s] * nc + c] & ~Self.acceptBit
                }
            }
        }
        for i in 0..<table.count where !out[Int(table[i])].isEmpty { table[i] |= Self.acceptBit }
        var starts: [Int32] = [0]
        var flat: [Int32] = []
        for s in 0..<n { flat.append(contentsOf: out[s]); starts.append(Int32(flat.count)) }
        classOf = classes
        classCount = nc
        transitions = table
        outputStart = starts
        outputs = flat
    }

    @inline(__always) static func fold(_ b: UInt8) -> UInt8 {
        (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")) ? b | 0x20 : b
    }

    /// Calls `hit(keyword, endOffset)` for every keyword occurrence, in order of end offset;
    /// `endOffset` is one past the keyword's last byte.
    @inline(__always)
    public func forEachHit(in buffer: UnsafeBufferPointer<UInt8>, _ hit: (Int, Int) -> Void) {
        guard let base = buffer.baseAddress, !outputs.isEmpty else { return }
        let count = buffer.count
        classOf.withUnsafeBufferPointer { cls in
            transitions.withUnsafeBufferPointer { tab in
                let nc = classCount
                var state = 0
                var i = 0
                while i < count {
                    let v = tab[state &* nc &+ Int(cls[Int(base[i])])]
                    state = Int(v & ~Self.acceptBit)
                    i &+= 1
                    if v & Self.acceptBit != 0 {
                        for o in Int(outputStart[state])..<Int(outputStart[state + 1]) {
                            hit(Int(outputs[o]), i)
                        }
                    }
                }
            }
        }
    }
}
