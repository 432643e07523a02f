import Crypto
import Foundation
import Report
import Rules
import Triage

/// Turns byte-offset matches in one buffer into reported findings: line and column, redacted
/// secret and context, fingerprint, the rule's blast radius.
struct FindingBuilder {
    let rules: [Rule]
    let showSecrets: Bool
    /// The moment ages and expiry are measured against.
    let now: Date
    /// Values, patterns and paths the config allows.
    var allowlist = Allowlist()
    /// The path below the scan root that triage judges (default: the reported path), so the
    /// folder a checkout sits in never makes its files look like tests or production.
    var contextPath: String?
    /// Characters of context kept either side of the secret.
    static let contextReach = 60

    /// `matches` must be in order of secret start.
    /// `origin`: where the buffer starts in its file (a chunk of a large file starts mid-way).
    func findings(for matches: [RuleMatch], in buffer: UnsafeBufferPointer<UInt8>, file: String,
                  origin: TextPosition = TextPosition()) -> [Finding] {
        build(matches, in: buffer, file: file, origin: origin).map(\.finding)
    }

    /// The findings with the match each came from (a match whose secret cannot be a real
    /// token yields none), and a key of rule and secret that does not depend on the file.
    func build(_ matches: [RuleMatch], in buffer: UnsafeBufferPointer<UInt8>, file: String,
               origin: TextPosition = TextPosition()) -> [(finding: Finding, match: RuleMatch, secretKey: String)] {
        var cursor = LineCursor(line: origin.line)
        return matches.compactMap { m -> (finding: Finding, match: RuleMatch, secretKey: String)? in
            let (line, lineStart) = cursor.advance(to: m.secret.lowerBound, in: buffer)
            // On the buffer's first line, the characters before the buffer count too.
            let carried = line == origin.line ? origin.column - 1 : 0
            let column = 1 + carried + FindingBuilder.characterCount(buffer, lineStart..<m.secret.lowerBound)
            let secret = String(decoding: UnsafeBufferPointer(rebasing: buffer[m.secret]), as: UTF8.self)
            let rule = rules[m.rule]
            if allowlist.isDisabled(rule: rule.id, path: file) { return nil }
            // What the secret itself and its path say (offline); a string that cannot be a real
            // token (a GitHub token with a wrong checksum, an undecodable JWT) is dropped.
            let assessment = Assessment.assess(
                ruleID: rule.id, baseLevel: rule.blastRadius.level.rawValue, baseLifetime: rule.blastRadius.lifetime.rawValue,
                baseCapabilities: rule.blastRadius.capabilities, secret: secret, path: contextPath ?? file, blame: nil, now: now)
            guard assessment.valid else { return nil }
            let shown = showSecrets ? secret : Redaction.redact(secret)
            let finding = Finding(
                rule: rule.id, ruleName: rule.name, provider: rule.provider, category: rule.category.rawValue,
                file: file, line: line, column: column, secret: shown, secretLength: m.secret.count,
                redacted: !showSecrets, fingerprint: FindingBuilder.fingerprint(rule: rule.id, file: file, secret: secret),
                entropy: m.entropy, context: context(buffer, lineStart: lineStart, secret: m.secret, shown: shown),
                blastRadius: BlastRadiusInfo(level: assessment.level, lifetime: assessment.lifetime,
                                             capabilities: assessment.capabilities,
                                             reasons: [rule.blastRadius.impact] + assessment.reasons),
                tags: rule.category == .ai ? ["llmjacking"] : [],
                risk: Report.Risk(score: assessment.riskScore, level: assessment.riskLevel),
                suppression: FindingBuilder.hasAllowMarker(buffer, lineStart: lineStart, from: m.secret.lowerBound)
                    ? Suppression(kind: "inline", justification: "leakscope:allow on the line")
                    : allowlist.suppression(secret: secret, path: file))
            return (finding, m, FindingBuilder.fingerprint(rule: rule.id, file: "", secret: secret))
        }
    }

    static let allowMarker = Array("leakscope:allow".utf8)

    /// Whether the line holding the secret carries `leakscope:allow` (in a comment, usually).
    static func hasAllowMarker(_ buffer: UnsafeBufferPointer<UInt8>, lineStart: Int, from: Int) -> Bool {
        var end = from
        while end < buffer.count && buffer[end] != 0x0A && buffer[end] != 0x0D { end += 1 }
        let line = buffer[lineStart..<end]
        guard line.count >= allowMarker.count else { return false }
        var i = line.startIndex
        while i + allowMarker.count <= line.endIndex {
            if buffer[i] == allowMarker[0] && line[i..<(i + allowMarker.count)].elementsEqual(allowMarker) { return true }
            i += 1
        }
        return false
    }

    /// SHA-256 of rule, file and secret, 32 hex digits. Never the line: edits above keep it.
    static func fingerprint(rule: String, file: String, secret: String) -> String {
        var hasher = SHA256()
        hasher.update(data: Array(rule.utf8) + [0] + Array(file.utf8) + [0] + Array(secret.utf8))
        return hasher.finalize().prefix(16).map { byte in
            let hex = Array("0123456789abcdef".utf8)
            return String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 15)]], as: UTF8.self)
        }.joined()
    }

    /// Characters (not bytes) in a range of UTF-8: continuation bytes do not count.
    static func characterCount(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var n = 0
        for i in range where buffer[i] & 0xC0 != 0x80 { n += 1 }
        return n
    }

    /// The secret's line, cut to a readable width around it, with the secret shown as `shown`.
    func context(_ buffer: UnsafeBufferPointer<UInt8>, lineStart: Int, secret: Range<Int>, shown: String) -> String {
        var end = secret.upperBound
        while end < buffer.count && buffer[end] != 0x0A && buffer[end] != 0x0D { end += 1 }
        let from = max(lineStart, secret.lowerBound - Self.contextReach * 2)
        let to = min(end, secret.upperBound + Self.contextReach * 2)
        var before = FindingBuilder.printable(UnsafeBufferPointer(rebasing: buffer[from..<secret.lowerBound]))
        var after = FindingBuilder.printable(UnsafeBufferPointer(rebasing: buffer[secret.upperBound..<to]))
        if before.count > Self.contextReach { before = "…" + before.suffix(Self.contextReach) }
        if after.count > Self.contextReach { after = after.prefix(Self.contextReach) + "…" }
        let text = before + shown.replacingControlCharacters() + after
        return text.trimmingLeadingSpaces()
    }

    static func printable(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self).replacingControlCharacters()
    }
}

extension String {
    /// Control characters (tabs, CR, NUL...) become spaces, so one finding stays one line.
    func replacingControlCharacters() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }))
    }

    func trimmingLeadingSpaces() -> String {
        String(drop { $0 == " " })
    }
}

/// A line and column (1-based, column in characters) in a file.
struct TextPosition: Equatable {
    var line = 1
    var column = 1

    /// The position of `bytes[end]`, when `bytes` start at this position (bytes past `end` are
    /// only looked at to tell `\r\n` from a lone `\r`).
    func advanced(over bytes: UnsafeBufferPointer<UInt8>, to end: Int) -> TextPosition {
        var p = self
        var i = 0
        while i < end {
            let b = bytes[i]
            if b == 0x0A || (b == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A)) {
                p.line += 1; p.column = 1
            } else if b & 0xC0 != 0x80 && b != 0x0D {
                p.column += 1
            }
            i += 1
        }
        return p
    }
}

/// Walks forward through a buffer counting lines; `\n`, `\r\n` and a lone `\r` each end a line.
struct LineCursor {
    private var offset = 0
    private var line: Int
    private var lineStart = 0

    init(line: Int = 1) { self.line = line }

    /// The 1-based line holding `target`, and the offset where that line starts. Targets must
    /// not decrease between calls.
    mutating func advance(to target: Int, in buffer: UnsafeBufferPointer<UInt8>) -> (line: Int, lineStart: Int) {
        var i = offset
        while i < target {
            let b = buffer[i]
            if b == 0x0A {
                line += 1; lineStart = i + 1
            } else if b == 0x0D && (i + 1 >= buffer.count || buffer[i + 1] != 0x0A) {
                line += 1; lineStart = i + 1
            }
            i += 1
        }
        offset = max(offset, target)
        return (line, lineStart)
    }
}
