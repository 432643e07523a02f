/// Reads the DER structures inside PEM private keys, just far enough for algorithm, size and
/// encryption: PKCS#1 RSA (RFC 8017 A.1.2), PKCS#8 (RFC 5958), SEC1 EC (RFC 5915), OpenSSL DSA,
/// and PKCS#8 encrypted (RFC 5958 §3, PBES2 of RFC 8018).
enum KeyDER {
    /// Algorithm OIDs (hex of the OID value) and their names.
    static let algorithms: [String: String] = [
        "2A864886F70D010101": "RSA", "2A864886F70D01010A": "RSA",   // rsaEncryption, RSASSA-PSS
        "2A8648CE3D0201": "EC", "2A8648CE380401": "DSA",
        "2B6570": "Ed25519", "2B6571": "Ed448", "2B656E": "X25519", "2B656F": "X448",
    ]
    /// Named curve OIDs.
    static let curves: [String: String] = [
        "2A8648CE3D030107": "P-256", "2B81040022": "P-384", "2B81040023": "P-521", "2B8104000A": "secp256k1",
    ]
    /// PBES2 encryption scheme OIDs.
    static let ciphers: [String: String] = [
        "608648016503040102": "aes-128-cbc", "608648016503040116": "aes-192-cbc",
        "60864801650304012A": "aes-256-cbc", "2A864886F70D0307": "des-ede3-cbc",
    ]
    static let pbes2 = "2A864886F70D01050D"

    /// `RSAPrivateKey ::= SEQUENCE { version, modulus, ... }`: the modulus size in bits.
    static func rsaModulusBits(_ der: ArraySlice<UInt8>) -> Int? {
        var outer = DERReader(der)
        guard let body = outer.next(DERReader.Tag.sequence) else { return nil }
        var r = DERReader(body)
        guard r.next(DERReader.Tag.integer) != nil, let modulus = r.next(DERReader.Tag.integer) else { return nil }
        let bits = DERReader.bitLength(modulus)
        return bits > 0 ? bits : nil
    }

    /// A PKCS#1 `RSA PRIVATE KEY` body.
    static func pkcs1(_ der: [UInt8]) -> KeyDescription? {
        guard let bits = rsaModulusBits(der[...]) else { return nil }
        return KeyDescription(format: "PKCS#1", algorithm: "RSA", bits: bits)
    }

    /// A PKCS#8 `PRIVATE KEY` body: `SEQUENCE { version, AlgorithmIdentifier, OCTET STRING key, ... }`.
    static func pkcs8(_ der: [UInt8]) -> KeyDescription? {
        var outer = DERReader(der[...])
        guard let body = outer.next(DERReader.Tag.sequence) else { return nil }
        var r = DERReader(body)
        guard r.next(DERReader.Tag.integer) != nil, let algID = r.next(DERReader.Tag.sequence),
              let key = r.next(DERReader.Tag.octetString) else { return nil }
        var a = DERReader(algID)
        guard let oid = a.next(DERReader.Tag.oid) else { return nil }
        var d = KeyDescription(format: "PKCS#8", algorithm: algorithms[DERReader.hex(oid)] ?? "OID \(DERReader.hex(oid))")
        switch d.algorithm {
        case "RSA": d.bits = rsaModulusBits(key)
        case "EC":
            if let curve = a.next(DERReader.Tag.oid) { d.curve = curves[DERReader.hex(curve)] }
            if d.curve == nil { d.curve = sec1(Array(key))?.curve }
        case "DSA":
            if let params = a.next(DERReader.Tag.sequence) {
                var p = DERReader(params)
                if let prime = p.next(DERReader.Tag.integer) { d.bits = DERReader.bitLength(prime) }
            }
        default: break
        }
        return d
    }

    /// A SEC1 `EC PRIVATE KEY` body: `SEQUENCE { 1, OCTET STRING, [0] curve OID, [1] public key }`.
    static func sec1(_ der: [UInt8]) -> KeyDescription? {
        var outer = DERReader(der[...])
        guard let body = outer.next(DERReader.Tag.sequence) else { return nil }
        var r = DERReader(body)
        guard r.next(DERReader.Tag.integer) != nil, r.next(DERReader.Tag.octetString) != nil else { return nil }
        var d = KeyDescription(format: "SEC1", algorithm: "EC")
        while let element = r.next() {
            guard element.tag == DERReader.Tag.context0 else { continue }
            var inner = DERReader(element.value)
            if let curve = inner.next(DERReader.Tag.oid) { d.curve = curves[DERReader.hex(curve)] }
        }
        return d
    }

    /// An OpenSSL `DSA PRIVATE KEY` body: `SEQUENCE { version, p, q, g, y, x }`.
    static func dsa(_ der: [UInt8]) -> KeyDescription? {
        var outer = DERReader(der[...])
        guard let body = outer.next(DERReader.Tag.sequence) else { return nil }
        var r = DERReader(body)
        guard r.next(DERReader.Tag.integer) != nil, let p = r.next(DERReader.Tag.integer) else { return nil }
        return KeyDescription(format: "DSA", algorithm: "DSA", bits: DERReader.bitLength(p))
    }

    /// An `ENCRYPTED PRIVATE KEY` body: the PBES2 cipher, when named; the key itself stays hidden.
    static func encryptedPKCS8(_ der: [UInt8]) -> KeyDescription {
        var d = KeyDescription(format: "PKCS#8", encrypted: true)
        var outer = DERReader(der[...])
        guard let body = outer.next(DERReader.Tag.sequence) else { return d }
        var r = DERReader(body)
        guard let algID = r.next(DERReader.Tag.sequence) else { return d }
        var a = DERReader(algID)
        guard let oid = a.next(DERReader.Tag.oid), DERReader.hex(oid) == pbes2,
              let params = a.next(DERReader.Tag.sequence) else { return d }
        var p = DERReader(params)
        guard p.next(DERReader.Tag.sequence) != nil, let scheme = p.next(DERReader.Tag.sequence) else { return d }
        var s = DERReader(scheme)
        if let cipher = s.next(DERReader.Tag.oid) { d.cipher = ciphers[DERReader.hex(cipher)] }
        return d
    }
}
