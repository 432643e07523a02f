import Foundation
import TestSupport
@testable import Triage

/// Small builders and runners shared by the Triage tests.
enum H {
    static func base64url(_ bytes: [UInt8]) -> String { FakeKeys.base64url(bytes) }

    static func jwt(header: String, claims: String) -> String { FakeKeys.jwt(header: header, claims: claims) }

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

    static func githubToken(_ prefix: String) -> String { FakeKeys.githubToken(prefix) }

    static func mutate(_ token: String, at offset: Int) -> String { FakeKeys.mutate(token, at: offset) }

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
