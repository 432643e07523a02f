/// What could be read from a private key's encoding, before it is turned into reasons.
struct KeyDescription: Sendable, Equatable {
    /// Encoding of the file: PKCS#1, PKCS#8, SEC1, OpenSSH, PuTTY... (names the parser that read it).
    var format: String
    /// RSA, EC, DSA, Ed25519...; nil when encrypted in a format that hides it.
    var algorithm: String?
    /// Modulus or prime size, where the encoding exposes it.
    var bits: Int?
    /// Named curve of an EC key.
    var curve: String?
    /// Whether a passphrase protects the key material.
    var encrypted: Bool = false
    /// The protecting cipher's name, when written in the file.
    var cipher: String?
    /// Whether signing also needs a FIDO security key (OpenSSH `sk-` types).
    var hardwareBound: Bool = false
    /// The body did not parse (truncated, or not a real key), so only the label is known.
    var unreadable: Bool = false
}
