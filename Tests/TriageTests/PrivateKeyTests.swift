import Foundation
import Vocabulary
import Testing
import TestSupport
@testable import Triage

/// Hand-built structures: no key material, only the fields the parser reads.
@Suite struct PrivateKeyStructureTests {
    static let rsaOID = H.hex("2A864886F70D010101")
    static let ecOID = H.hex("2A8648CE3D0201")
    static let p256 = H.hex("2A8648CE3D030107")

    /// PKCS#1 `RSAPrivateKey` with a modulus of `bits` bits (top bit set, DER sign byte added).
    static func pkcs1(bits: Int) -> [UInt8] {
        let bytes = bits / 8
        let modulus = [0x00, 0x80] + [UInt8](repeating: 0x5a, count: bytes - 1)
        return H.der(0x30, H.der(0x02, [0]) + H.der(0x02, modulus) + H.der(0x02, [0x01, 0x00, 0x01]))
    }

    /// PKCS#8 `PrivateKeyInfo` around `key` for algorithm `oid` with `parameters`.
    static func pkcs8(oid: [UInt8], parameters: [UInt8], key: [UInt8]) -> [UInt8] {
        H.der(0x30, H.der(0x02, [0]) + H.der(0x30, H.der(0x06, oid) + parameters) + H.der(0x04, key))
    }

    @Test func pkcs1ModulusBits() {
        for bits in [1024, 2048, 4096] {
            #expect(KeyDER.rsaModulusBits(Self.pkcs1(bits: bits)[...]) == bits)
        }
        let a = KeyAnatomy.inspect(ruleID: "private-key-pem", secret: H.pem("RSA PRIVATE KEY", Self.pkcs1(bits: 2048)), now: H.now)
        #expect(a.valid)
        #expect(a.details["keyAlgorithm"] == "RSA")
        #expect(a.details["keyBits"] == "2048")
        #expect(a.details["keyFormat"] == "PKCS#1")
        #expect(a.details["keyEncrypted"] == "false")
        #expect(a.reasons.contains("not passphrase-protected: usable as found"))
        #expect(a.level == nil)
        #expect(a.lifetime == .longLived)
    }

    @Test func smallRSAIsNoted() {
        let a = KeyAnatomy.inspect(ruleID: "private-key-pem", secret: H.pem("RSA PRIVATE KEY", Self.pkcs1(bits: 1024)), now: H.now)
        #expect(a.reasons.contains { $0.contains("under 2048 bits") })
    }

    @Test func pkcs8WrapsPKCS1() {
        let der = Self.pkcs8(oid: Self.rsaOID, parameters: H.der(0x05, []), key: Self.pkcs1(bits: 3072))
        let d = KeyDER.pkcs8(der)
        #expect(d == KeyDescription(format: "PKCS#8", algorithm: "RSA", bits: 3072))
        let a = KeyAnatomy.inspect(ruleID: "private-key-pem", secret: H.pem("PRIVATE KEY", der), now: H.now)
        #expect(a.details["keyBits"] == "3072")
        #expect(a.reasons.first == "RSA private key (PKCS#8), 3072-bit")
    }

    @Test func pkcs8ECAndEd25519() {
        let ec = Self.pkcs8(oid: Self.ecOID, parameters: H.der(0x06, Self.p256), key: H.der(0x30, H.der(0x02, [1]) + H.der(0x04, [1, 2, 3])))
        #expect(KeyDER.pkcs8(ec)?.curve == "P-256")
        let ed = Self.pkcs8(oid: H.hex("2B6570"), parameters: [], key: H.der(0x04, [UInt8](repeating: 9, count: 32)))
        #expect(KeyDER.pkcs8(ed)?.algorithm == "Ed25519")
    }

    @Test func sec1Curve() {
        let sec1 = H.der(0x30, H.der(0x02, [1]) + H.der(0x04, [UInt8](repeating: 1, count: 32)) + H.der(0xA0, H.der(0x06, H.hex("2B81040022"))))
        let a = KeyAnatomy.inspect(ruleID: "private-key-pem", secret: H.pem("EC PRIVATE KEY", sec1), now: H.now)
        #expect(a.details["keyAlgorithm"] == "EC")
        #expect(a.details["keyCurve"] == "P-384")
    }

    @Test func legacyEncryptedPEM() {
        let text = H.pem("RSA PRIVATE KEY", [UInt8](repeating: 0x42, count: 600),
                         headers: ["Proc-Type: 4,ENCRYPTED", "DEK-Info: AES-128-CBC,E86955C55813D7E9D3D46EA5CC8B2230"])
        let a = KeyAnatomy.inspect(ruleID: "private-key-encrypted", secret: text, now: H.now)
        #expect(a.valid)
        #expect(a.level == .medium)
        #expect(a.details["keyEncrypted"] == "true")
        #expect(a.details["keyCipher"] == "aes-128-cbc")
        #expect(a.details["keyAlgorithm"] == "RSA")
    }

    @Test func escapedOneLinePEM() {
        let pem = H.pem("RSA PRIVATE KEY", Self.pkcs1(bits: 2048))
        let json = #"{"key": ""# + pem.replacingOccurrences(of: "\n", with: "\\n") + #"\n"}"#
        let start = json.range(of: "-----BEGIN")!.lowerBound
        let end = json.range(of: "KEY-----", options: .backwards)!.upperBound
        let a = KeyAnatomy.inspect(ruleID: "private-key-pem-escaped", secret: String(json[start..<end]), now: H.now)
        #expect(a.details["keyBits"] == "2048")
        let doubled = pem.replacingOccurrences(of: "\n", with: "\\\\r\\\\n")
        #expect(KeyAnatomy.inspect(ruleID: "x", secret: doubled, now: H.now).details["keyBits"] == "2048")
        let indented = pem.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
        #expect(KeyAnatomy.inspect(ruleID: "x", secret: indented, now: H.now).details["keyBits"] == "2048")
    }

    @Test func unreadableBodiesStayValid() {
        let a = KeyAnatomy.inspect(ruleID: "private-key-pem", secret: "-----BEGIN PRIVATE KEY-----\nnot base64!\n-----END PRIVATE KEY-----", now: H.now)
        #expect(a.valid)
        #expect(a.details["keyFormat"] == "PKCS#8")
        #expect(a.reasons.first == "private key (PKCS#8); its body could not be parsed (truncated, or not a real key)")
    }

    /// An `openssh-key-v1` container with one public key blob and `cipher`.
    static func openSSH(cipher: String, publicBlob: [UInt8]) -> [UInt8] {
        SSHKeyBlob.magic + H.ssh(cipher) + H.ssh(cipher == "none" ? "none" : "bcrypt") + H.ssh([UInt8]())
            + [0, 0, 0, 1] + H.ssh(publicBlob) + H.ssh([UInt8](repeating: 0, count: 16))
    }

    @Test func openSSHContainers() {
        let ed = H.ssh("ssh-ed25519") + H.ssh([UInt8](repeating: 7, count: 32))
        let plain = KeyAnatomy.inspect(ruleID: "openssh-private-key", secret: H.pem("OPENSSH PRIVATE KEY", Self.openSSH(cipher: "none", publicBlob: ed)), now: H.now)
        #expect(plain.details["keyAlgorithm"] == "Ed25519")
        #expect(plain.details["keyEncrypted"] == "false")
        #expect(plain.details["keyFormat"] == "OpenSSH")

        let rsa = H.ssh("ssh-rsa") + H.ssh([0x01, 0x00, 0x01]) + H.ssh([0x00, 0xC0] + [UInt8](repeating: 1, count: 255))
        let locked = KeyAnatomy.inspect(ruleID: "private-key-encrypted", secret: H.pem("OPENSSH PRIVATE KEY", Self.openSSH(cipher: "aes256-ctr", publicBlob: rsa)), now: H.now)
        #expect(locked.details["keyAlgorithm"] == "RSA")
        #expect(locked.details["keyBits"] == "2048")
        #expect(locked.details["keyCipher"] == "aes256-ctr")
        #expect(locked.level == .medium)

        let sk = H.ssh("sk-ssh-ed25519@openssh.com") + H.ssh([UInt8](repeating: 7, count: 32)) + H.ssh("ssh:")
        let hardware = KeyAnatomy.inspect(ruleID: "openssh-private-key", secret: H.pem("OPENSSH PRIVATE KEY", Self.openSSH(cipher: "none", publicBlob: sk)), now: H.now)
        #expect(hardware.levelAdjustment == -1)
        #expect(hardware.reasons.contains { $0.contains("FIDO") })

        let ecdsa = H.ssh("ecdsa-sha2-nistp384") + H.ssh("nistp384") + H.ssh([4, 1, 2])
        #expect(SSHKeyBlob.publicBlob(ecdsa[...])?.curve == "P-384")
    }

    @Test func puttyFiles() {
        let rsa = H.ssh("ssh-rsa") + H.ssh([0x01, 0x00, 0x01]) + H.ssh([0x00, 0x80] + [UInt8](repeating: 1, count: 127))
        let b64 = Data(rsa).base64EncodedString()
        var publicLines: [String] = []
        var rest = Substring(b64)
        while !rest.isEmpty { publicLines.append(String(rest.prefix(64))); rest = rest.dropFirst(64) }
        func ppk(_ encryption: String) -> String {
            (["PuTTY-User-Key-File-3: ssh-rsa", "Encryption: \(encryption)", "Comment: rsa-key-20240611",
              "Public-Lines: \(publicLines.count)"] + publicLines
             + ["Private-Lines: 1", "AAAA", "Private-MAC: 5b7db7941223d0ac1fb988e745ad319b2f1a1e38b7bd011c6a979a3ceaf08eb2"])
                .joined(separator: "\n")
        }
        let plain = KeyAnatomy.inspect(ruleID: "putty-private-key", secret: ppk("none"), now: H.now)
        #expect(plain.details["keyFormat"] == "PuTTY")
        #expect(plain.details["keyAlgorithm"] == "RSA")
        #expect(plain.details["keyBits"] == "1024")
        #expect(plain.details["keyEncrypted"] == "false")
        let locked = KeyAnatomy.inspect(ruleID: "private-key-encrypted", secret: ppk("aes256-cbc"), now: H.now)
        #expect(locked.details["keyCipher"] == "aes256-cbc")
        #expect(locked.level == .medium)
    }
}

/// Keys generated at test time with the system's tools; nothing is stored.
@Suite struct GeneratedKeyTests {
    static let openssl = "/usr/bin/openssl"

    func generate(_ dir: TempDir, _ steps: [[String]]) throws -> String {
        for step in steps {
            let run = try H.run(Self.openssl, step, cwd: dir.path)
            guard run.status == 0 else { throw Failure(message: "openssl \(step): \(run.stderr)") }
        }
        return try String(contentsOfFile: dir.path + "/out.pem", encoding: .utf8)
    }

    struct Failure: Error { let message: String }

    @Test(.enabled(if: H.exists(openssl), "needs /usr/bin/openssl to generate keys"))
    func opensslKeys() throws {
        let dir = try TempDir()
        let pkcs8 = try generate(dir, [["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "key.pem"],
                                       ["pkey", "-in", "key.pem", "-out", "out.pem"]])
        var a = KeyAnatomy.inspect(ruleID: "private-key-pem", secret: pkcs8, now: H.now)
        #expect(a.details["keyFormat"] == "PKCS#8")
        #expect(a.details["keyAlgorithm"] == "RSA")
        #expect(a.details["keyBits"] == "2048")

        let pkcs1 = try generate(dir, [["rsa", "-in", "key.pem", "-traditional", "-out", "out.pem"]])
        a = KeyAnatomy.inspect(ruleID: "private-key-pem", secret: pkcs1, now: H.now)
        #expect(a.details["keyFormat"] == "PKCS#1")
        #expect(a.details["keyBits"] == "2048")

        let legacy = try generate(dir, [["rsa", "-in", "key.pem", "-traditional", "-aes128", "-passout", "pass:test", "-out", "out.pem"]])
        a = KeyAnatomy.inspect(ruleID: "private-key-encrypted", secret: legacy, now: H.now)
        #expect(a.details["keyEncrypted"] == "true")
        #expect(a.details["keyCipher"] == "aes-128-cbc")

        let encrypted = try generate(dir, [["pkcs8", "-topk8", "-in", "key.pem", "-v2", "aes-256-cbc", "-passout", "pass:test", "-out", "out.pem"]])
        a = KeyAnatomy.inspect(ruleID: "private-key-encrypted", secret: encrypted, now: H.now)
        #expect(a.details["keyEncrypted"] == "true")
        #expect(a.details["keyCipher"] == "aes-256-cbc")
        #expect(a.level == .medium)
        #expect(a.reasons.first == "private key (PKCS#8); the encryption hides its algorithm")

        let ec = try generate(dir, [["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "ec.pem"],
                                    ["ec", "-in", "ec.pem", "-out", "out.pem"]])
        a = KeyAnatomy.inspect(ruleID: "private-key-pem", secret: ec, now: H.now)
        #expect(a.details["keyFormat"] == "SEC1")
        #expect(a.details["keyCurve"] == "P-256")
        let ecPKCS8 = try generate(dir, [["pkey", "-in", "ec.pem", "-out", "out.pem"]])
        #expect(KeyAnatomy.inspect(ruleID: "private-key-pem", secret: ecPKCS8, now: H.now).details["keyCurve"] == "P-256")

        let ed = try generate(dir, [["genpkey", "-algorithm", "ED25519", "-out", "out.pem"]])
        #expect(KeyAnatomy.inspect(ruleID: "private-key-pem", secret: ed, now: H.now).details["keyAlgorithm"] == "Ed25519")
    }

    @Test(.enabled(if: H.which("ssh-keygen") != nil, "needs ssh-keygen to generate OpenSSH keys"))
    func sshKeygenKeys() throws {
        let dir = try TempDir()
        let keygen = H.which("ssh-keygen")!
        for (name, args, encrypted, algorithm) in [
            ("ed", ["-t", "ed25519", "-N", ""], false, "Ed25519"),
            ("edpw", ["-t", "ed25519", "-N", "correct horse"], true, "Ed25519"),
            ("rsa", ["-t", "rsa", "-b", "2048", "-N", ""], false, "RSA"),
            ("ec", ["-t", "ecdsa", "-b", "384", "-N", ""], false, "EC"),
        ] {
            let run = try H.run(keygen, ["-q", "-f", dir.path + "/" + name, "-C", "test"] + args)
            #expect(run.status == 0, "\(run.stderr)")
            let text = try String(contentsOfFile: dir.path + "/" + name, encoding: .utf8)
            let a = KeyAnatomy.inspect(ruleID: "openssh-private-key", secret: text, now: H.now)
            #expect(a.details["keyFormat"] == "OpenSSH", "\(name)")
            #expect(a.details["keyAlgorithm"] == algorithm, "\(name)")
            #expect(a.details["keyEncrypted"] == (encrypted ? "true" : "false"), "\(name)")
            if name == "rsa" { #expect(a.details["keyBits"] == "2048") }
            if name == "ec" { #expect(a.details["keyCurve"] == "P-384") }
        }
    }
}
