/// OpenSSH's `openssh-key-v1` container (PROTOCOL.key) and SSH public key blobs (RFC 4253 §6.6,
/// RFC 5656, RFC 8709), as found in OpenSSH and PuTTY private key files.
enum SSHKeyBlob {
    static let magic = Array("openssh-key-v1".utf8) + [0]

    /// The body of `-----BEGIN OPENSSH PRIVATE KEY-----`: cipher, then the first public key.
    static func openSSH(_ bytes: [UInt8]) -> KeyDescription? {
        guard bytes.starts(with: magic) else { return nil }
        var r = SSHWireReader(bytes[magic.count...])
        guard let cipher = r.text(), r.string() != nil, r.string() != nil,   // kdf name, kdf options
              let count = r.uint32(), count >= 1, let publicKey = r.string() else { return nil }
        var d = publicBlob(publicKey) ?? KeyDescription(format: "OpenSSH")
        d.format = "OpenSSH"
        d.encrypted = cipher != "none"
        d.cipher = cipher
        return d
    }

    /// A public key blob: `string type` then the type's public fields.
    static func publicBlob(_ blob: ArraySlice<UInt8>) -> KeyDescription? {
        var r = SSHWireReader(blob)
        guard let type = r.text() else { return nil }
        var d = KeyDescription(format: "SSH")
        d.hardwareBound = type.hasPrefix("sk-")
        switch type {
        case "ssh-rsa":
            d.algorithm = "RSA"
            if r.string() != nil, let n = r.string() { d.bits = DERReader.bitLength(n) }   // e, then n
        case "ssh-dss":
            d.algorithm = "DSA"
            if let p = r.string() { d.bits = DERReader.bitLength(p) }
        case "ssh-ed25519", "sk-ssh-ed25519@openssh.com":
            d.algorithm = "Ed25519"
        case "ssh-ed448":
            d.algorithm = "Ed448"
        default:
            if type.hasPrefix("ecdsa-sha2-") || type.hasPrefix("sk-ecdsa-sha2-") {
                d.algorithm = "EC"
                if let curve = r.text() {
                    d.curve = ["nistp256": "P-256", "nistp384": "P-384", "nistp521": "P-521"][curve] ?? curve
                }
            } else {
                d.algorithm = type
            }
        }
        return d
    }
}
