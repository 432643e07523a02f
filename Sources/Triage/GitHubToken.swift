import Foundation
import Vocabulary

/// GitHub's prefixed tokens: the type from the prefix, and the checksum that proves GitHub's format.
///
/// A `ghp_`/`gho_`/`ghu_`/`ghs_`/`ghr_` token is the prefix, 30 random characters `[A-Za-z0-9]`, and
/// 6 characters of checksum: the CRC-32 (IEEE) of those 30 characters, in base62 (`0-9A-Za-z`),
/// left-padded with `0`. Sources: https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/
/// (a 32-bit checksum in the last 6 characters) and
/// https://gist.github.com/coolaj86/eb8cddfd3e4251258712dfed03e1f86d (the algorithm, with the
/// example `ghp_` + `zQWBuTSOoRi4A9spHcVY5ncnsDkxkJ` + `0mLq17`).
enum GitHubToken {
    /// The prefixes of the checksummed 36-character form (what each type means is in
    /// rules/github.toml, as the variants of its rules).
    static let checksummedPrefixes = ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"]

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
        // Fine-grained tokens (`github_pat_`) have no public checksum scheme.
        guard let prefix = checksummedPrefixes.first(where: { secret.hasPrefix($0) }) else { return nil }
        var a = Anatomy()
        let body = secret.dropFirst(prefix.count)
        if body.utf8.count == randomLength + checksumLength && body.utf8.allSatisfy({ Base62.alphabet.contains($0) }) {
            guard checksumMatches(body) else {
                return .invalid("the last 6 characters are not the token's CRC-32 checksum: GitHub did not issue it")
            }
            a.reasons.append("checksum verified: the token has GitHub's format")
            return a
        }
        if prefix == "ghs_", let stateless = statelessInstallationToken(body, now: now) {
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
            a.reasons.append(inner.lifetime == .expired ? "expired at \(expires)" : "expires at \(expires)")
        }
        return a
    }
}
