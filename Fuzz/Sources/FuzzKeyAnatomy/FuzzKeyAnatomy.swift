// Key anatomy: KeyAnatomy.inspect on arbitrary strings — JWTs (base64url JSON), PEM private keys
// (DER: PKCS#1, PKCS#8, SEC1, DSA, encrypted PKCS#8), OpenSSH and PuTTY keys (SSH wire format),
// prefixed tokens (checksums, encoded ids), AWS key ids.
// Input: one secret; the first byte picks the rule id and a frame (raw, a PEM frame around
// base64 of the rest, a JWT made of the rest), so the decoders behind each frame are reached.
import Foundation
import FuzzSupport
import Triage

let ruleIDs = ["generic-api-key", "jwt", "private-key", "github-pat", "aws-access-key-id", "openssh-private-key"]
let labels = ["", "RSA ", "EC ", "DSA ", "OPENSSH ", "ENCRYPTED "]
let now = Date(timeIntervalSince1970: 1_750_000_000)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let selector = Int(data[0])
    let rest = FuzzInput.bytes(data + 1, size - 1)
    let rule = ruleIDs[selector % ruleIDs.count]
    let secret: String
    switch (selector / ruleIDs.count) % 4 {
    case 0:   // as found
        secret = String(decoding: rest, as: UTF8.self)
    case 1:   // a PEM block whose body is the rest, base64-encoded (reaches the DER readers)
        let label = labels[(selector / 24) % labels.count]
        let body = Data(rest).base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
        secret = "-----BEGIN \(label)PRIVATE KEY-----\n\(body)\n-----END \(label)PRIVATE KEY-----"
    case 2:   // a JWT: the rest split at its first NUL into header and claims JSON
        let (header, claims) = FuzzInput.split(rest)
        secret = "eyJ" + String(b64url(header).dropFirst(3)) + "." + b64url(claims) + ".c2lnbmF0dXJl"
    default:  // a PuTTY key file with the rest as its public blob
        let blob = Data(rest).base64EncodedString()
        secret = "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPublic-Lines: 1\n\(blob)\n"
    }
    let a = KeyAnatomy.inspect(ruleID: rule, secret: secret, now: now)
    _ = a.reasons.joined()
    return 0
}

func b64url(_ bytes: [UInt8]) -> String {
    Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
        .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
}

@main enum Main { static func main() { FuzzDriver.run(fuzz) } }
