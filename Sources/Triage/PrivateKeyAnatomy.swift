import Vocabulary

/// Private keys in text form (PEM, OpenSSH, PuTTY `.ppk`): algorithm, size and whether a passphrase
/// protects them, which decides whether the key is usable as found.
enum PrivateKeyAnatomy {
    /// The anatomy of a private key, or nil when `secret` holds none.
    static func inspect(_ secret: String) -> Anatomy? {
        let isPuTTY = secret.hasPrefix("PuTTY-User-Key-File-")
        guard isPuTTY || secret.contains("PRIVATE KEY-----") else { return nil }
        let lines = unescapedLines(secret)
        let description = isPuTTY ? putty(lines) : pem(lines)
        return anatomy(description)
    }

    /// Lines of the key, with `\n` escapes (JSON, .env, doubled `\\n`) turned into line breaks and
    /// indentation removed; base64 never holds a backslash, so nothing else is touched.
    static func unescapedLines(_ text: String) -> [Substring] {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingBackslash = false
        for c in text {
            if c == "\\" { pendingBackslash = true; continue }
            if pendingBackslash {
                pendingBackslash = false
                if c == "n" { out.append("\n"); continue }
                if c == "r" { continue }
                out.append("\\")
            }
            out.append(c == "\r\n" ? "\n" : c)
        }
        return out.split(whereSeparator: { $0 == "\n" || $0 == "\r" })
            .map { $0.drop(while: { $0 == " " || $0 == "\t" }) }
            .map { line in line.prefix(line.count - line.reversed().prefix(while: { $0 == " " || $0 == "\t" }).count) }
    }

    /// A PEM block: label, RFC 1421 headers, base64 body.
    static func pem(_ lines: [Substring]) -> KeyDescription? {
        guard let begin = lines.firstIndex(where: { $0.hasPrefix("-----BEGIN ") }) else { return nil }
        let label = lines[begin].dropFirst("-----BEGIN ".count).replacingOccurrences(of: "PRIVATE KEY-----", with: "")
            .trimmingCharacters(in: [" "])
        var headers: [String: String] = [:]
        var body = ""
        for line in lines[(begin + 1)...] {
            if line.hasPrefix("-----END") { break }
            if let colon = line.firstIndex(of: ":") {
                headers[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: [" "])
            } else {
                body += line
            }
        }
        let der = Base64.decode(body, ignoringWhitespace: true)
        if headers["Proc-Type"]?.contains("ENCRYPTED") == true {
            let algorithm = ["RSA": "RSA", "EC": "EC", "DSA": "DSA"][label]
            let cipher = headers["DEK-Info"].map { String($0.prefix(while: { $0 != "," })).lowercased() }
            return KeyDescription(format: "PEM (OpenSSL legacy)", algorithm: algorithm, encrypted: true, cipher: cipher)
        }
        switch label {
        case "ENCRYPTED":
            return der.map(KeyDER.encryptedPKCS8) ?? KeyDescription(format: "PKCS#8", encrypted: true, unreadable: true)
        case "RSA": return der.flatMap(KeyDER.pkcs1) ?? KeyDescription(format: "PKCS#1", algorithm: "RSA", unreadable: true)
        case "EC": return der.flatMap(KeyDER.sec1) ?? KeyDescription(format: "SEC1", algorithm: "EC", unreadable: true)
        case "DSA": return der.flatMap(KeyDER.dsa) ?? KeyDescription(format: "DSA", algorithm: "DSA", unreadable: true)
        case "OPENSSH": return der.flatMap(SSHKeyBlob.openSSH) ?? KeyDescription(format: "OpenSSH", unreadable: true)
        case "": return der.flatMap(KeyDER.pkcs8) ?? KeyDescription(format: "PKCS#8", unreadable: true)
        default: return KeyDescription(format: "PEM \(label)", unreadable: true)
        }
    }

    /// A PuTTY key file: `Encryption:` line, and the public blob after `Public-Lines: n`.
    static func putty(_ lines: [Substring]) -> KeyDescription? {
        var d = KeyDescription(format: "PuTTY")
        if let header = lines.first, let colon = header.firstIndex(of: ":") {
            let type = header[header.index(after: colon)...].trimmingCharacters(in: [" "])
            d.algorithm = SSHKeyBlob.publicBlob(ArraySlice(wireString(type)))?.algorithm
        }
        for (i, line) in lines.enumerated() {
            if line.hasPrefix("Encryption:") {
                let cipher = line.dropFirst("Encryption:".count).trimmingCharacters(in: [" "])
                d.encrypted = cipher != "none"
                d.cipher = cipher
            } else if line.hasPrefix("Public-Lines:"), let n = Int(line.dropFirst("Public-Lines:".count).trimmingCharacters(in: [" "])),
                      n > 0, n < lines.count - i {   // not i + n: n may be near Int.max
                let text = lines[(i + 1)...(i + n)].joined()
                if let blob = Base64.decode(text), let pub = SSHKeyBlob.publicBlob(blob[...]) {
                    d.algorithm = pub.algorithm
                    d.bits = pub.bits
                    d.curve = pub.curve
                    d.hardwareBound = pub.hardwareBound
                }
            }
        }
        return d
    }

    /// `text` framed as an SSH string, to reuse the blob parser on a bare type name.
    private static func wireString(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        let n = UInt32(bytes.count)
        return [UInt8(n >> 24), UInt8((n >> 16) & 0xff), UInt8((n >> 8) & 0xff), UInt8(n & 0xff)] + bytes
    }

    /// Reasons, details and level for what was read.
    static func anatomy(_ d: KeyDescription?) -> Anatomy {
        var a = Anatomy(lifetime: .longLived)
        guard let d else {
            a.reasons.append("private key whose structure could not be read")
            return a
        }
        a.details["keyFormat"] = d.format
        if let algorithm = d.algorithm { a.details["keyAlgorithm"] = algorithm }
        if let bits = d.bits { a.details["keyBits"] = String(bits) }
        if let curve = d.curve { a.details["keyCurve"] = curve }
        a.details["keyEncrypted"] = d.encrypted ? "true" : "false"
        var what = "\(d.algorithm.map { "\($0) " } ?? "")private key (\(d.format))"
        if let bits = d.bits { what += ", \(bits)-bit" }
        if let curve = d.curve { what += ", curve \(curve)" }
        if d.unreadable {
            what += "; its body could not be parsed (truncated, or not a real key)"
        } else if d.algorithm == nil && d.encrypted {
            what += "; the encryption hides its algorithm"
        }
        a.reasons.append(what)
        if d.encrypted {
            a.level = .medium
            if let cipher = d.cipher { a.details["keyCipher"] = cipher }
            a.reasons.append("passphrase-protected\(d.cipher.map { " (\($0))" } ?? ""): usable only once the passphrase is found or cracked")
        } else {
            a.reasons.append("not passphrase-protected: usable as found")
        }
        if d.hardwareBound {
            a.levelAdjustment -= 1
            a.reasons.append("bound to a FIDO security key: signing also needs the hardware token")
        }
        if d.algorithm == "RSA", let bits = d.bits, bits < 2048 {
            a.reasons.append("RSA modulus under 2048 bits: also breakable by factoring")
        }
        return a
    }
}
