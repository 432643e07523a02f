import Vocabulary

/// AWS access key ids: `AKIA` (long-lived IAM user or root key) and `ASIA` (temporary STS credentials),
/// and the account id that new-generation key ids carry.
///
/// Decoding (researched publicly, not documented by AWS): base32-decode the 16 characters after the
/// prefix, read the first 6 bytes big-endian, mask with 0x7fffffffff80 and shift right by 7.
/// Sources: https://medium.com/@TalBeerySec/a-short-note-on-aws-key-id-f88cc4317489 (the mask and
/// shift; `ASIA` followed by `Y34FZKBOKMUTVV7A` → 609629065308, the key id from
/// https://awsteele.com/blog/2020/09/26/aws-access-key-format.html), and
/// https://labs.withsecure.com/publications/a-bitwise-analysis-of-aws-access-key-identifiers.html
/// (the first decoded bit marks the new generation; older ids do not encode the account).
enum AWSKeyID {
    /// The account id of a 20-character key id, or nil when the id is old-generation, malformed,
    /// or decodes to a number no account has (more than 12 digits).
    static func accountID(_ keyID: String) -> String? {
        guard keyID.utf8.count == 20, let bytes = Base32.decode(keyID.dropFirst(4)), bytes.count >= 6,
              bytes[0] & 0x80 != 0 else { return nil }
        let value = bytes[0..<6].reduce(UInt64(0)) { ($0 << 8) | UInt64($1) }
        let account = (value & 0x7fff_ffff_ff80) >> 7
        guard account <= 999_999_999_999 else { return nil }
        let digits = String(account)
        return String(repeating: "0", count: 12 - digits.count) + digits
    }

    /// The anatomy of an `AKIA`/`ASIA` key id, or nil for other strings.
    static func inspect(_ secret: String) -> Anatomy? {
        guard secret.utf8.count == 20, secret.hasPrefix("AKIA") || secret.hasPrefix("ASIA"),
              secret.utf8.allSatisfy({ ($0 >= 0x41 && $0 <= 0x5a) || ($0 >= 0x30 && $0 <= 0x39) }) else { return nil }
        guard let bytes = Base32.decode(secret.dropFirst(4)) else {
            return .invalid("AWS key ids use only A-Z and 2-7; 0, 1, 8 or 9 means this one was not issued by AWS")
        }
        var a = Anatomy()
        if secret.hasPrefix("AKIA") {
            a.lifetime = .longLived
            a.level = .high
            a.reasons.append("AKIA key id: a long-lived access key of an IAM user or the root user, valid until deleted")
        } else {
            a.lifetime = .temporary
            a.level = .medium
            a.reasons.append("ASIA key id: temporary STS credentials, which expire after 15 minutes to 36 hours")
        }
        if let account = accountID(secret) {
            a.details["awsAccountID"] = account
            a.reasons.append("belongs to AWS account \(account) (decoded from the key id)")
        } else if bytes[0] & 0x80 == 0 {
            a.reasons.append("old-generation key id: the account id is not encoded in it")
        } else {
            a.reasons.append("decodes to an account number longer than 12 digits: the key id looks fabricated")
        }
        return a
    }
}
