import Match
import Report
import Rules
import Vocabulary

/// Secrets committed encoded (Kubernetes `Secret` data, base64 blobs in YAML or JSON, hex):
/// candidate runs are decoded and the decoded text is scanned by the same rules, to a bounded
/// depth. A finding in decoded text is placed at the encoded text and says which decoding
/// found it. The text before the run on its line is scanned with it, so a rule that needs the
/// variable name (`AWS_SECRET_ACCESS_KEY: <base64>`) still sees it.
struct DecodingStage {
    let rules: RuleSet
    /// Decoded text is itself searched for encoded runs this many times (base64 of base64).
    static let maxDepth = 2
    /// Bytes of the line before a run that are scanned with its decoding.
    static let prefixReach = 200

    struct Result {
        /// The plain matches, less generic ones over text that decoded to a finding (the
        /// decoded finding says more).
        var kept: [RawMatch]
        var decoded: [Candidate]
    }

    /// `matches` are the fragment's plain matches; decoded findings are placed at their encoded
    /// text, on the fragment's lines.
    func apply(_ fragment: Fragment, matches: [RawMatch], builder: FindingBuilder, workspace: MatchWorkspace,
               depth: Int = 1, kindPrefix: String = "") -> Result {
        let buffer = fragment.bytes
        let runs = EncodedRuns.find(in: buffer)
        guard !runs.isEmpty else { return Result(kept: matches, decoded: []) }
        var decoded: [Candidate] = []
        var productive: [Range<Int>] = []
        var position = fragment.lines.origin
        var positionOffset = 0
        // Text a specific rule already reports as a secret (an `_auth=` value, a Docker `auth`)
        // is not reported a second time through its decoding.
        let specific = matches.filter { rules.rules[$0.pattern].category != .generic }.map(\.secret)
        for run in runs where run.range.lowerBound < (fragment.reportBelow ?? Int.max) {
            if specific.contains(where: { $0.overlaps(run.range) }) { continue }
            var lineStart = run.range.lowerBound
            let limit = max(0, run.range.lowerBound - Self.prefixReach)
            while lineStart > limit && buffer[lineStart - 1] != 0x0A && buffer[lineStart - 1] != 0x0D { lineStart -= 1 }
            let prefix = Array(buffer[lineStart..<run.range.lowerBound])
            let text = prefix + run.decoded
            let kind = kindPrefix.isEmpty ? run.kind : kindPrefix + "+" + run.kind
            let found: [Candidate] = text.withUnsafeBufferPointer { t in
                let inner = Fragment(bytes: t, provenance: fragment.provenance)
                let matches = rules.scan(t, workspace: workspace).matches.filter { $0.secret.lowerBound >= prefix.count }
                var out = builder.build(matches, in: inner)
                if depth < Self.maxDepth {
                    out += apply(inner, matches: [], builder: builder, workspace: workspace, depth: depth + 1, kindPrefix: kind).decoded
                }
                return out
            }
            guard !found.isEmpty else { continue }
            productive.append(run.range)
            position = position.advanced(over: UnsafeBufferPointer(rebasing: buffer[positionOffset...]),
                                         to: run.range.lowerBound - positionOffset)
            positionOffset = run.range.lowerBound
            let encodedShown = String(decoding: buffer[run.range.prefix(8)], as: UTF8.self)
            for var c in found {
                c.finding.line = fragment.lines.fileLine(position.line)
                c.finding.column = position.column
                if c.finding.decoded == nil { c.finding.decoded = kind }
                c.finding.context = "\(encodedShown)… (\(c.finding.decoded!) of: \(c.finding.context))"
                decoded.append(c)
            }
        }
        let kept = productive.isEmpty ? matches : matches.filter { m in
            rules.rules[m.pattern].category != .generic || !productive.contains { $0.overlaps(m.secret) }
        }
        return Result(kept: kept, decoded: decoded)
    }
}
