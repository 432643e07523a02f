import Foundation
import Vocabulary

/// JSON Web Tokens: the header and claims decoded offline, for expiry, scopes and identities.
enum JWTAnatomy {
    /// Further than this ahead, an `exp` no longer makes the token short-lived.
    static let longLivedAfter: TimeInterval = 366 * 86_400

    /// The anatomy of a JWT, or nil when `secret` is not shaped like one and the rule is not a JWT rule.
    static func inspect(_ secret: String, ruleID: String, now: Date) -> Anatomy? {
        let parts = secret.split(separator: ".", omittingEmptySubsequences: false)
        let shaped = secret.hasPrefix("eyJ") && (parts.count == 3 || parts.count == 5)
        guard shaped else {
            return ruleID.lowercased().contains("jwt") ? .invalid("not a JWT: it needs three dot-separated parts") : nil
        }
        guard let header = object(parts[0]) else { return .invalid("the JWT header is not base64url-encoded JSON") }
        var a = Anatomy()
        let alg = header["alg"] as? String
        if let alg { a.details["jwtAlgorithm"] = clip(alg) }
        if parts.count == 5 {
            a.reasons.append("encrypted JWT (JWE): its claims are readable only with the recipient's key")
            return a
        }
        guard let claims = object(parts[1]) else { return .invalid("the JWT claims are not base64url-encoded JSON") }
        if alg?.lowercased() == "none" {
            a.levelAdjustment -= 1
            a.reasons.append("alg none: unsigned, so it grants nothing a forger could not make, unless a service accepts unsigned tokens")
        }
        expiry(claims, now: now, into: &a)
        identities(claims, into: &a)
        return a
    }

    /// Lifetime from `exp`: expired, short-lived, or long-lived (far or missing expiry).
    private static func expiry(_ claims: [String: Any], now: Date, into a: inout Anatomy) {
        guard let exp = number(claims["exp"]) else {
            a.lifetime = .longLived
            a.reasons.append("no exp claim: valid until the signing key changes, unless the service caps token age")
            return
        }
        guard let expEpoch = epoch(exp) else {
            a.lifetime = .longLived
            a.reasons.append("exp claim out of any date range: treated as never expiring")
            return
        }
        let text = ISODate.format(epoch: expEpoch)
        a.details["jwtExpires"] = text
        let remaining = exp - now.timeIntervalSince1970
        if remaining <= 0 {
            a.lifetime = .expired
            a.levelAdjustment -= 1
            a.reasons.append("expired at \(text) (\(Int(-remaining / 86_400)) days ago): rejected by services that check exp")
        } else if remaining > longLivedAfter {
            a.lifetime = .longLived
            a.reasons.append("expires at \(text), more than a year away")
        } else {
            a.lifetime = .temporary
            a.reasons.append("expires at \(text)")
        }
        if let iat = number(claims["iat"]).flatMap(epoch) { a.details["jwtIssuedAt"] = ISODate.format(epoch: iat) }
    }

    /// Issuer, subject, audience, scopes and roles, as reasons and details.
    private static func identities(_ claims: [String: Any], into a: inout Anatomy) {
        if let iss = strings(claims["iss"]).first {
            a.details["jwtIssuer"] = clip(iss)
            a.reasons.append("issued by \(clip(iss))")
        }
        if let sub = strings(claims["sub"]).first {
            a.details["jwtSubject"] = clip(sub)
            a.reasons.append("subject \(clip(sub))")
        }
        let aud = strings(claims["aud"])
        if !aud.isEmpty {
            a.details["jwtAudience"] = clip(aud.joined(separator: " "))
            a.reasons.append("audience \(clip(aud.joined(separator: ", ")))")
        }
        let scopes = strings(claims["scope"]) + strings(claims["scp"])
        let words = scopes.flatMap { $0.split(separator: " ").map(String.init) }
        if !words.isEmpty {
            a.details["jwtScopes"] = clip(words.joined(separator: " "))
            a.reasons.append("scopes: \(clip(words.joined(separator: " ")))")
        }
        let roles = strings(claims["role"]) + strings(claims["roles"])
        if !roles.isEmpty { a.details["jwtRoles"] = clip(roles.joined(separator: " ")) }
        if (words + roles).contains(where: { $0.lowercased().contains("admin") }) || claims["admin"] as? Bool == true {
            a.capabilities.append(.admin)
            a.reasons.append("its claims grant an admin role or scope")
        }
        if roles.contains("service_role") {
            a.levelAdjustment += 1
            a.capabilities.append(.admin)
            a.reasons.append("role service_role (Supabase service key): bypasses row-level security on the whole database")
        } else if roles == ["anon"] {
            a.levelAdjustment -= 1
            a.reasons.append("role anon (Supabase anon key): meant to be public, limited by row-level security")
        }
    }

    /// A base64url segment decoded as a JSON object.
    static func object(_ segment: Substring) -> [String: Any]? {
        guard let bytes = Base64.decode(segment), bytes.first == UInt8(ascii: "{") else { return nil }
        return (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any]
    }

    /// A JSON number (or numeric string) as seconds.
    private static func number(_ value: Any?) -> Double? {
        switch value {
        case let n as Int: return Double(n)
        case let n as Double: return n
        case let n as NSNumber: return n.doubleValue
        case let s as String: return Double(s)
        default: return nil
        }
    }

    /// Whole seconds of a NumericDate, or nil beyond ±3000 years (claims are attacker-controlled).
    private static func epoch(_ seconds: Double) -> Int64? {
        guard seconds.isFinite, abs(seconds) < 1e11 else { return nil }
        return Int64(seconds.rounded(.down))
    }

    /// A string claim, or the strings of an array claim.
    private static func strings(_ value: Any?) -> [String] {
        switch value {
        case let s as String: return [s]
        case let list as [Any]: return list.compactMap { $0 as? String }
        default: return []
        }
    }

    /// Claim text made safe for one report line: control characters dropped, at most 120 characters.
    static func clip(_ text: String) -> String {
        let clean = String(text.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }.map(Character.init))
        return clean.count > 120 ? String(clean.prefix(119)) + "…" : clean
    }
}
