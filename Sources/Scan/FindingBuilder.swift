import Crypto
import Foundation
import Match
import Report
import Rules
import Triage
import Vocabulary

/// Turns byte-offset matches in one fragment into findings: line and column, redacted secret
/// and context, fingerprint, the blast radius of the rule (or of its variant the secret's prefix
/// names) as the secret and its path refine it. Risk is left to triage, which scores it once.
struct FindingBuilder {
    let rules: [Rule]
    let showSecrets: Bool
    /// The moment ages and expiry are measured against.
    let now: Date
    /// Values, patterns and paths the config allows.
    var allowlist = Allowlist()
    /// What the fingerprint measures the path from (the repository root).
    var anchor = PathAnchor()
    /// Characters of context kept either side of the secret.
    static let contextReach = 60

    /// The candidates of `matches` (in order of secret start); a match whose secret cannot be a
    /// real token (a GitHub token with a wrong checksum, an undecodable JWT) yields none. Lines
    /// are the fragment's own, counted from its origin; the caller maps them onto the file.
    func build(_ matches: [RawMatch], in fragment: Fragment) -> [Candidate] {
        let buffer = fragment.bytes
        let origin = fragment.lines.origin
        let file = fragment.provenance.path
        var cursor = LineCursor(line: origin.line)
        return matches.compactMap { m -> Candidate? in
            let (line, lineStart) = cursor.advance(to: m.secret.lowerBound, in: buffer)
            // On the buffer's first line, the characters before the buffer count too.
            let carried = line == origin.line ? origin.column - 1 : 0
            let column = 1 + carried + FindingBuilder.characterCount(buffer, lineStart..<m.secret.lowerBound)
            let secret = String(decoding: UnsafeBufferPointer(rebasing: buffer[m.secret]), as: UTF8.self)
            let rule = rules[m.pattern]
            if allowlist.isDisabled(rule: rule.id, path: file) { return nil }
            let variant = rule.variant(of: secret)
            let assessment = Assessment.assess(
                ruleID: rule.id, baseLevel: variant?.level ?? rule.blastRadius.level,
                baseLifetime: variant?.lifetime ?? rule.blastRadius.lifetime,
                baseCapabilities: rule.blastRadius.capabilities + (variant?.capabilities ?? []),
                typeReasons: variant.map { [$0.reason] } ?? [], secret: secret,
                path: fragment.provenance.contextPath, now: now)
            guard assessment.valid else { return nil }
            let shown = showSecrets ? secret : Redaction.redact(secret)
            var finding = Finding(
                rule: rule.id, ruleName: rule.name, provider: rule.provider, category: rule.category,
                file: file, line: fragment.lines.fileLine(line), column: column, secret: shown, secretLength: m.secret.count,
                redacted: !showSecrets, fingerprint: FindingBuilder.fingerprint(rule: rule.id, file: anchor.path(of: file), secret: secret),
                entropy: m.entropy, context: context(buffer, lineStart: lineStart, secret: m.secret, shown: shown),
                blastRadius: BlastRadiusInfo(level: assessment.level, lifetime: assessment.lifetime,
                                             capabilities: assessment.capabilities,
                                             reasons: [rule.blastRadius.impact] + assessment.reasons,
                                             details: assessment.details.isEmpty ? nil : assessment.details),
                tags: rule.category == .ai ? ["llmjacking"] : [],
                suppression: FindingBuilder.allowMarker(buffer, lineStart: lineStart, from: m.secret.lowerBound)
                    .map { Suppression(kind: .inline, justification: "\($0) on the line") }
                    ?? allowlist.suppression(secret: secret, path: file))
            if case .added(_, let commit) = fragment.provenance { finding.commit = commit }
            return Candidate(finding: finding, secretKey: FindingBuilder.fingerprint(rule: rule.id, file: "", secret: secret))
        }
    }

    static let allowMarker = Array("leakscope:allow".utf8)
    /// gitleaks' marker, honoured the same way (a repository moving from gitleaks keeps its allows).
    static let gitleaksAllowMarker = Array("gitleaks:allow".utf8)

    /// The marker (`leakscope:allow` or `gitleaks:allow`) on the line holding the secret, or nil.
    static func allowMarker(_ buffer: UnsafeBufferPointer<UInt8>, lineStart: Int, from: Int) -> String? {
        var end = from
        while end < buffer.count && buffer[end] != 0x0A && buffer[end] != 0x0D { end += 1 }
        if buffer.firstIndex(of: allowMarker, in: lineStart..<end) != nil { return "leakscope:allow" }
        if buffer.firstIndex(of: gitleaksAllowMarker, in: lineStart..<end) != nil { return "gitleaks:allow" }
        return nil
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
