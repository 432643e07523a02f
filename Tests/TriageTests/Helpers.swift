import Foundation
import TestSupport
@testable import Triage

/// Small builders and runners shared by the Triage tests.
enum H {
    /// Base64url without padding, as in JWTs.
    static func base64url(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// A compact JWT with these JSON texts and a random signature.
    static func jwt(header: String, claims: String) -> String {
        base64url(Array(header.utf8)) + "." + base64url(Array(claims.utf8)) + "."
            + base64url((0..<32).map { _ in UInt8.random(in: 0...255) })
    }

    /// A DER element.
    static func der(_ tag: UInt8, _ value: [UInt8]) -> [UInt8] {
        var out = [tag]
        let n = value.count
        if n < 0x80 { out.append(UInt8(n)) } else if n < 0x100 { out += [0x81, UInt8(n)] } else {
            out += [0x82, UInt8(n >> 8), UInt8(n & 0xff)]
        }
        return out + value
    }

    /// Hex text to bytes.
    static func hex(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        var chars = Array(s.utf8)[...]
        while chars.count >= 2 {
            out.append(UInt8(String(decoding: chars.prefix(2), as: UTF8.self), radix: 16)!)
            chars = chars.dropFirst(2)
        }
        return out
    }

    /// An SSH wire string.
    static func ssh(_ bytes: [UInt8]) -> [UInt8] {
        let n = UInt32(bytes.count)
        return [UInt8(n >> 24), UInt8((n >> 16) & 0xff), UInt8((n >> 8) & 0xff), UInt8(n & 0xff)] + bytes
    }

    static func ssh(_ text: String) -> [UInt8] { ssh(Array(text.utf8)) }

    /// PEM text with 64-character lines.
    static func pem(_ label: String, _ der: [UInt8], headers: [String] = []) -> String {
        let b64 = Data(der).base64EncodedString()
        var lines = ["-----BEGIN \(label)-----"] + headers
        if !headers.isEmpty { lines.append("") }
        var rest = Substring(b64)
        while !rest.isEmpty { lines.append(String(rest.prefix(64))); rest = rest.dropFirst(64) }
        lines.append("-----END \(label)-----")
        return lines.joined(separator: "\n")
    }

    /// A well-formed GitHub-style token with `prefix` (`ghp_`...), made with our own CRC-32 and base62.
    static func githubToken(_ prefix: String) -> String {
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
        let body = String((0..<30).map { _ in alphabet.randomElement()! })
        return prefix + body + Base62.encode(CRC32.checksum(Array(body.utf8)), width: 6)
    }

    /// A base62 character other than `c`.
    static func other(than c: Character) -> Character { c == "a" ? "b" : "a" }

    /// `token` with the character at `offset` replaced.
    static func mutate(_ token: String, at offset: Int) -> String {
        var chars = Array(token)
        chars[offset] = other(than: chars[offset])
        return String(chars)
    }

    /// Result of a program run.
    typealias Run = Program.Result

    /// Runs `executable` with `arguments` in `cwd`, extra `environment` on top of ours.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], cwd: String? = nil,
                    environment: [String: String] = [:]) throws -> Run {
        try Program.run(executable, arguments, cwd: cwd,
                        environment: ProcessInfo.processInfo.environment.merging(environment) { _, new in new })
    }

    static func exists(_ path: String) -> Bool { FileManager.default.isExecutableFile(atPath: path) }

    /// A fixed instant: 2024-06-10T00:00:00Z.
    static let now = Date(timeIntervalSince1970: 1_717_977_600)
}

extension H {
    /// The full path of `program` on PATH, or nil.
    static func which(_ program: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
