import Foundation

/// GitHub's prefixed tokens: the type from the prefix, and the checksum that proves GitHub's format.
///
/// A `ghp_`/`gho_`/`ghu_`/`ghs_`/`ghr_` token is the prefix, 30 random characters `[A-Za-z0-9]`, and
/// 6 characters of checksum: the CRC-32 (IEEE) of those 30 characters, in base62 (`0-9A-Za-z`),
/// left-padded with `0`. Sources: https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/
/// (a 32-bit checksum in the last 6 characters) and
/// https://gist.github.com/coolaj86/eb8cddfd3e4251258712dfed03e1f86d (the algorithm, with the
/// example `ghp_` + `zQWBuTSOoRi4A9spHcVY5ncnsDkxkJ` + `0mLq17`).
enum GitHubToken {
    /// What each prefix means, in the order prefixes are tried.
    private static let kinds: [TokenKind] = [
        TokenKind(prefix: "github_pat_", level: "medium", lifetime: "long-lived", capabilities: [],
                  reason: "fine-grained personal access token: scoped to chosen repositories and permissions, with an expiry date"),
        TokenKind(prefix: "ghp_", level: "high", lifetime: "long-lived", capabilities: [],
                  reason: "classic personal access token: its scopes (often repo, workflow, admin:org) cover every repository and organization the user can reach, and it may never expire"),
        TokenKind(prefix: "gho_", level: "high", lifetime: "long-lived", capabilities: [],
                  reason: "OAuth app token: acts as the user with the app's scopes until the user revokes the app"),
        TokenKind(prefix: "ghu_", level: "medium", lifetime: "temporary", capabilities: [],
                  reason: "GitHub App user-to-server token: expires 8 hours after issue"),
        TokenKind(prefix: "ghs_", level: "medium", lifetime: "temporary", capabilities: [],
                  reason: "GitHub App installation token: expires 1 hour after issue"),
        TokenKind(prefix: "ghr_", level: "medium", lifetime: "long-lived", capabilities: ["token-minting"],
                  reason: "GitHub App refresh token: mints new 8-hour user tokens for up to 6 months"),
    ]

    /// Random characters before the checksum.
    static let randomLength = 30
    /// Base62 characters of checksum.
    static let checksumLength = 6

    /// Whether `body` (what follows the prefix) is 30 random characters and their checksum.
    static func checksumMatches(_ body: some StringProtocol) -> Bool {
        let bytes = Array(body.utf8)
        guard bytes.count == randomLength + checksumLength,
              bytes.allSatisfy({ Base62.alphabet.contains($0) }) else { return false }
        let expected = Base62.encode(CRC32.checksum(bytes[0..<randomLength]), width: checksumLength)
        return expected.utf8.elementsEqual(bytes[randomLength...])
    }

    /// The anatomy of a GitHub token, or nil for other strings.
    static func inspect(_ secret: String, now: Date) -> Anatomy? {
        guard let kind = TokenKind.first(in: kinds, for: secret) else { return nil }
        var a = kind.anatomy
        let body = secret.dropFirst(kind.prefix.count)
        if kind.prefix == "github_pat_" { return a }   // no public checksum scheme
        if body.utf8.count == randomLength + checksumLength && body.utf8.allSatisfy({ Base62.alphabet.contains($0) }) {
            guard checksumMatches(body) else {
                return .invalid("the last 6 characters are not the token's CRC-32 checksum: GitHub did not issue it")
            }
            a.reasons.append("checksum verified: the token has GitHub's format")
            return a
        }
        if kind.prefix == "ghs_", let stateless = statelessInstallationToken(body, now: now) {
            a.reasons.append(contentsOf: stateless.reasons)
            a.details.merge(stateless.details) { old, _ in old }
            if let lifetime = stateless.lifetime { a.lifetime = lifetime }
            a.levelAdjustment += stateless.levelAdjustment
            return a
        }
        a.reasons.append("not the 36-character form: checksum not checked")
        return a
    }

    /// The 2026 stateless installation token, `ghs_<app id>_<JWT>`: its expiry from the JWT claims.
    private static func statelessInstallationToken(_ body: Substring, now: Date) -> Anatomy? {
        guard let underscore = body.firstIndex(of: "_"), underscore > body.startIndex,
              body[..<underscore].allSatisfy(\.isASCII), body[..<underscore].allSatisfy(\.isNumber) else { return nil }
        let jwt = String(body[body.index(after: underscore)...])
        guard let inner = JWTAnatomy.inspect(jwt, ruleID: "", now: now), inner.valid else { return nil }
        var a = Anatomy(lifetime: inner.lifetime, levelAdjustment: inner.levelAdjustment)
        a.details["githubAppID"] = String(body[..<underscore])
        a.reasons.append("stateless installation token of GitHub App \(body[..<underscore])")
        if let expires = inner.details["jwtExpires"] {
            a.details["jwtExpires"] = expires
            a.reasons.append(inner.lifetime == "expired" ? "expired at \(expires)" : "expires at \(expires)")
        }
        return a
    }
}
