import Foundation
import Inputs
import Match
import Report
import Rules
import Vocabulary

// History scans: each blob is scanned once, whole or (when git names an older version of it at
// the same path) only around what changed; findings are attributed to the commit that
// introduced them when the scan ends.

extension ScanWorker {
    /// One history blob: whole, or (text with a `base`) only the regions around its changes.
    func scanBlob(_ info: GitHistory.BlobInfo, _ bytes: [UInt8], base: [UInt8]?) {
        let provenance = Provenance.blob(path: info.path, oid: info.oid)
        bytes.withUnsafeBufferPointer { raw in
            var found: [Candidate] = []
            switch ContentCheck.classify(raw) {
            case .binary:
                state.skipped[.binary, default: 0] += 1
                return
            case .decoded(let text):
                found = text.withUnsafeBufferPointer { scan(Fragment(bytes: $0, provenance: provenance)) }
            case .text:
                if let base {
                    let changes = base.withUnsafeBufferPointer { GitHistory.changes(in: raw, from: $0) }
                    found = scanRegions(raw, margins.regions(around: changes, in: raw), provenance: provenance)
                } else {
                    found = scan(Fragment(bytes: raw, provenance: provenance))
                }
            }
            found = pairing.apply(found)
            state.count(bytes: raw.count, progress: options.progress, found: found.count)
            state.blobFindings += found.map { BlobFinding(finding: $0.finding, oid: info.oid, secretKey: $0.secretKey) }
        }
        flushProblems(info.path)
    }

    /// Matches `regions` (sorted, whole lines) of one buffer, each as a fragment of its own (it
    /// starts at column 1 of a line); what is found is then placed in the whole buffer. Lines
    /// are counted only when something is found.
    private func scanRegions(_ buffer: UnsafeBufferPointer<UInt8>, _ regions: [Range<Int>], provenance: Provenance) -> [Candidate] {
        var out: [Candidate] = []
        var line = 1, counted = 0
        for region in regions {
            var found = scan(Fragment(bytes: UnsafeBufferPointer(rebasing: buffer[region]), provenance: provenance))
            guard !found.isEmpty else { continue }
            line += HistoryMargins.lineBreaks(buffer, counted..<region.lowerBound)
            counted = region.lowerBound
            for i in found.indices { found[i].finding.line += line - 1 }
            out += found
        }
        return out
    }
}

extension Scanner {
    /// History findings: one per rule, path and secret, attributed to the oldest commit that
    /// added it, and marked present at HEAD when any blob holding that secret is in HEAD's tree.
    static func attribute(_ found: [BlobFinding], repository: String,
                          introductions: GitHistory.IntroductionLog) throws(ScanError) -> [Finding] {
        guard !found.isEmpty else { return [] }
        let introduced: [(commit: Commit, path: String, origin: String)?]
        do {
            introduced = try introductions.introducingCommits(ofSecrets: found.map { (oid: $0.oid, secret: $0.secretKey) })
        } catch {
            throw ScanError(message: error.message)
        }
        let head = GitHistory.headBlobs(repository: repository)
        var atHead = Set<String>()
        for f in found where head.contains(f.oid) { atHead.insert(f.secretKey) }
        // Compare instants, not date text: authors write their own UTC offsets, so
        // "2024-03-01T10:00:00+09:00" is earlier than "2024-03-01T05:00:00+00:00".
        let iso = ISO8601DateFormatter()
        var instants: [String: Double] = [:]
        func instant(_ f: Finding) -> Double {
            guard let date = f.commit?.date else { return .infinity }
            if let t = instants[date] { return t }
            let t = iso.date(from: date)?.timeIntervalSince1970 ?? .infinity
            instants[date] = t
            return t
        }
        var best: [String: Finding] = [:]
        // Of two findings of one secret on one date, the one in the blob that introduced it
        // keeps its line as introduced.
        var fromOrigin: [String: Bool] = [:]
        for (i, var bf) in found.enumerated() {
            if let c = introduced[i]?.commit {
                bf.finding.commit = c
            }
            bf.finding.presentAtHead = atHead.contains(bf.secretKey)
            let key = bf.finding.fingerprint
            let isOrigin = introduced[i]?.origin == bf.oid
            if let existing = best[key] {
                let a = instant(bf.finding), b = instant(existing)
                let tie = a == b && (isOrigin != fromOrigin[key]! ? isOrigin : bf.finding.line < existing.line)
                if a < b || tie { best[key] = bf.finding; fromOrigin[key] = isOrigin }
            } else {
                best[key] = bf.finding
                fromOrigin[key] = isOrigin
            }
        }
        return Array(best.values)
    }
}

/// How far around its changes a history blob is scanned, from the rules. A match only
/// involves bytes from the start of its keyword's line to the end of that line (single-line
/// patterns) or to `window` bytes past the keyword (multi-line ones), and a decoded run never
/// crosses a line. So whole lines from `window + longest keyword` bytes before a change to
/// `window` bytes after it hold every match that touches the change, with the keyword and the
/// window that found it; anything further away lies wholly in lines the older version has in
/// the same order, and was found there. Two tiers: the margins of the multi-line patterns
/// with windows up to `shortWindow` bytes always; those of the long-window ones (private keys,
/// service-account files) only around a change that one of their keywords lies close enough
/// before (or in) to reach.
struct HistoryMargins: Sendable {
    static let shortWindow = 4096
    let before: Int
    let after: Int
    let longBefore: Int
    let longAfter: Int
    /// The keywords of the multi-line patterns with windows over `shortWindow`.
    let longKeywords: LiteralFinder?

    init(rules: [Rule]) {
        let keyword = rules.flatMap(\.keywords).map(\.utf8.count).max() ?? 0
        let multiline = rules.filter(\.multiline)
        let short = multiline.filter { $0.window <= Self.shortWindow }.map(\.window).max() ?? 0
        let long = multiline.filter { $0.window > Self.shortWindow }
        let longWindow = long.map(\.window).max() ?? 0
        before = short + keyword
        after = short
        longBefore = max(before, longWindow + keyword)
        longAfter = max(after, longWindow)
        longKeywords = long.isEmpty ? nil : LiteralFinder(long.flatMap(\.keywords))
    }

    /// `changes` (sorted) widened by the margins to whole lines, merged where they meet.
    func regions(around changes: [Range<Int>], in buffer: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        guard let base = buffer.baseAddress else { return [] }
        let n = buffer.count
        // Starts of long-window keywords that could reach a change: one pass over each stretch
        // from `longBefore` bytes ahead of a change to its end.
        var hits: [Int] = []
        if let finder = longKeywords {
            func search(_ r: Range<Int>) {
                finder.forEachStart(in: UnsafeBufferPointer(rebasing: buffer[r])) { hits.append(r.lowerBound + $0) }
            }
            var stretch: Range<Int>?
            for c in changes {
                let r = max(0, c.lowerBound - longBefore)..<c.upperBound
                if let s = stretch, r.lowerBound <= s.upperBound {
                    stretch = s.lowerBound..<max(s.upperBound, r.upperBound)
                } else {
                    if let s = stretch { search(s) }
                    stretch = r
                }
            }
            if let s = stretch { search(s) }
            hits.sort()
        }
        func longKeyword(in r: Range<Int>) -> Bool {
            var lo = 0, hi = hits.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if hits[mid] < r.lowerBound { lo = mid + 1 } else { hi = mid }
            }
            return lo < hits.count && hits[lo] < r.upperBound
        }
        var out: [Range<Int>] = []
        for c in changes {
            let long = !hits.isEmpty && longKeyword(in: (c.lowerBound - longBefore)..<c.upperBound)
            var lo = max(0, c.lowerBound - (long ? longBefore : before))
            while lo > 0 && base[lo - 1] != 0x0A { lo -= 1 }
            var hi = min(n, c.upperBound + (long ? longAfter : after))
            if hi > 0 && hi < n && base[hi - 1] != 0x0A {
                hi = memchr(base + hi, 0x0A, n - hi).map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base + 1 } ?? n
            }
            if let last = out.last, lo <= last.upperBound {
                out[out.count - 1] = last.lowerBound..<max(last.upperBound, hi)
            } else {
                out.append(lo..<hi)
            }
        }
        return out
    }

    /// Line breaks in `buffer[range]` as `TextPosition` counts them: `\n`, `\r\n`, a lone `\r`
    /// (a `\r` at the end of the range looks at the byte after it).
    static func lineBreaks(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        guard let base = buffer.baseAddress, !range.isEmpty else { return 0 }
        var lf = 0, cr = 0
        for i in range {
            lf &+= base[i] == 0x0A ? 1 : 0
            cr &+= base[i] == 0x0D ? 1 : 0
        }
        guard cr > 0 else { return lf }
        var crlf = 0
        for i in range where base[i] == 0x0D && i + 1 < buffer.count && base[i + 1] == 0x0A { crlf += 1 }
        return lf + cr - crlf
    }
}
