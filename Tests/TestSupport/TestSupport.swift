import Foundation

/// A temporary folder that tests fill with files; removed on deinit.
public final class TempDir {
    public let url: URL
    public var path: String { url.path }

    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("leakscope-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `text` at `relative`, creating folders.
    @discardableResult
    public func write(_ relative: String, _ text: String) throws -> String {
        try write(relative, Data(text.utf8))
    }

    @discardableResult
    public func write(_ relative: String, _ data: Data) throws -> String {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        return file.path
    }

    public func mkdir(_ relative: String) throws {
        try FileManager.default.createDirectory(at: url.appendingPathComponent(relative), withIntermediateDirectories: true)
    }
}

/// Well-formed but fake credentials, made fresh at test time (never a real one in the repo).
public enum FakeKeys {
    /// No `x`/`X`: a random `xxxx` would read as a placeholder and make a test flaky.
    static let alnum = Array("ABCDEFGHIJKLMNOPQRSTUVWYZabcdefghijklmnopqrstuvwyz0123456789")
    static let upperDigits = Array("ABCDEFGHIJKLMNOPQRSTUVWYZ234567")
    static let urlSafe = alnum + ["-", "_"]

    public static func random(_ n: Int, from alphabet: [Character]) -> String {
        var rng = SystemRandomNumberGenerator()
        return String((0..<n).map { _ in alphabet.randomElement(using: &rng)! })
    }

    /// `AKIA` + 16 base-32 characters.
    public static func awsAccessKeyID() -> String { "AKIA" + random(16, from: upperDigits) }
    /// `sk-proj-` + a long URL-safe body with the `T3BlbkFJ` marker.
    public static func openAIProjectKey() -> String {
        "sk-proj-" + random(74, from: urlSafe) + "T3BlbkFJ" + random(74, from: urlSafe)
    }
    /// `sk-ant-api03-` + 93 URL-safe characters + `AA`.
    public static func anthropicKey() -> String { "sk-ant-api03-" + random(93, from: urlSafe) + "AA" }
    /// `hf_` + 34 letters.
    public static func huggingFaceToken() -> String { "hf_" + random(34, from: Array("ABCDEFGHIJKLMNOPQRSTUVWYZabcdefghijklmnopqrstuvwyz")) }

    public static func random(_ n: Int, _ alphabet: [Character]) -> String { random(n, from: alphabet) }

    /// Base-32 without `X`, and the first characters of an old-generation AWS key id (first bit 0
    /// once decoded: no account id in it).
    public static let base32: [Character] = upperDigits
    public static let oldGeneration = Array("ABCDEFGHIJKLMNOP")
    /// `AKIA`/`ASIA` + 16 base-32 characters of an old-generation key id.
    public static func oldGenerationAKIA() -> String { "AKIA" + random(1, oldGeneration) + random(15, base32) }
    public static func oldGenerationASIA() -> String { "ASIA" + random(1, oldGeneration) + random(15, base32) }

    /// Base64url without padding, as in JWTs.
    public static func base64url(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// A compact JWT of these JSON texts and a random 32-byte signature.
    public static func jwt(header: String = #"{"alg":"HS256","typ":"JWT"}"#, claims: String) -> String {
        base64url(Array(header.utf8)) + "." + base64url(Array(claims.utf8)) + "."
            + base64url((0..<32).map { _ in UInt8.random(in: 0...255) })
    }

    /// A GitHub token with `prefix`: 30 random base62 characters and their CRC-32 in base62,
    /// computed here independently of the product's code.
    public static func githubToken(_ prefix: String = "ghp_") -> String {
        let body = random(30, Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"))
        return prefix + body + base62(crc32(Array(body.utf8)))
    }

    /// `token` with the character at `offset` changed (`a` ↔ `b`).
    public static func mutate(_ token: String, at offset: Int) -> String {
        var chars = Array(token)
        chars[offset] = chars[offset] == "a" ? "b" : "a"
        return String(chars)
    }

    /// CRC-32 (IEEE, reflected 0xEDB88320).
    public static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for b in bytes {
            crc ^= UInt32(b)
            for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    /// `value` in base62 (`0-9A-Za-z`), left-padded with `0` to 6 characters.
    public static func base62(_ value: UInt32) -> String {
        let digits62 = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)
        var n = value, digits: [UInt8] = []
        while n > 0 { digits.append(digits62[Int(n % 62)]); n /= 62 }
        while digits.count < 6 { digits.append(UInt8(ascii: "0")) }
        return String(decoding: digits.reversed(), as: UTF8.self)
    }
}

/// Runs the built `leakscope` binary (built beside the test bundle).
public enum CLI {
    public static var binary: URL {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // On Linux the test runner is `.build/<config>/<Name>PackageTests.xctest`.
        if dir.lastPathComponent.hasSuffix(".xctest") { dir.deleteLastPathComponent() }
        return dir.appendingPathComponent("leakscope")
    }

    public struct Result {
        public let status: Int32
        public let stdout: String
        public let stderr: String
        /// Seconds from SIGINT to exit, when the run was interrupted.
        public var secondsToStop: Double? = nil
    }

    /// Runs the binary with `arguments` in `cwd`; stdin is empty. With `interruptAfter`, sends
    /// SIGINT after that many seconds and records how long the process took to stop after it.
    /// `executable` replaces the binary (e.g. `setpriv` to run it as another user).
    public static func run(_ arguments: [String], cwd: String? = nil, timeout: Double = 120,
                           interruptAfter: Double? = nil, executable: URL? = nil) throws -> Result {
        let p = Process()
        p.executableURL = executable ?? binary
        p.arguments = arguments
        if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        let output = try OutputFiles(for: p)
        try p.run()
        let started = Date()
        var interruptedAt: Date?
        while p.isRunning {
            let elapsed = Date().timeIntervalSince(started)
            if let after = interruptAfter, interruptedAt == nil, elapsed >= after {
                kill(p.processIdentifier, SIGINT)
                interruptedAt = Date()
            }
            if elapsed > timeout {
                // SIGTERM, then SIGKILL: a child that inherited a blocked signal mask ignores the first.
                p.terminate()
                for _ in 0..<100 where p.isRunning { usleep(20_000) }
                if p.isRunning { kill(p.processIdentifier, SIGKILL) }
                break
            }
            usleep(2_000)
        }
        p.waitUntilExit()
        let stopSeconds = interruptedAt.map { Date().timeIntervalSince($0) }
        let (stdout, stderr) = try output.read()
        return Result(status: p.terminationStatus, stdout: stdout, stderr: stderr, secondsToStop: stopSeconds)
    }
}

/// The package's root folder (for rules/ and corpus/).
public enum PackageRoot {
    public static var url: URL {
        var u = URL(fileURLWithPath: #filePath)
        while u.path != "/" {
            u.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: u.appendingPathComponent("Package.swift").path) { return u }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }
}
