import Crypto
import Foundation
import Glob
import Match
import Report
import Vocabulary
import Inputs

/// What the config and a baseline say should not be reported: applied as findings are built
/// (values and regexes need the secret itself) and after the scan (fingerprints).
public struct Allowlist: Sendable {
    public var values: Set<String> = []
    public var patterns: [Pattern] = []
    public var paths: IgnoreRules?
    /// Rules off below some paths: their findings are dropped.
    public var overrides: [(paths: IgnoreRules, rules: Set<String>)] = []
    /// Fingerprints of a baseline: findings already known.
    public var baseline: Set<String> = []
    /// The baseline file, for the suppression's justification.
    public var baselineFile = ""
    /// The config file, for the suppression's justification.
    public var configFile = ""
    /// SHA-256 digests (hex) of allowed values: `sha256:<hex>` in `[allowlist] values`, so the
    /// config need not hold the value itself.
    public var valueHashes: Set<String> = []
    /// `.leakscopeignore` fingerprints and `.gitleaksignore` locations.
    public var ignores = IgnoreFile()

    public init() {}

    /// The allowlist a config file describes.
    public init(config: Config) {
        values = config.allowedValues
        for value in config.allowedValues where Allowlist.isValueHash(value) {
            values.remove(value)
            valueHashes.insert(String(value.dropFirst(Allowlist.hashPrefix.count)).lowercased())
        }
        patterns = config.allowedPatterns
        paths = config.allowedPaths.isEmpty ? nil : IgnoreRules(globs: config.allowedPaths)
        overrides = config.overrides.map { (IgnoreRules(globs: $0.paths), $0.disabledRules) }
        configFile = config.source
    }

    /// Whether `rule` is turned off for `path` by an override.
    func isDisabled(rule: String, path: String) -> Bool {
        overrides.contains { $0.rules.contains(rule) && matches($0.paths, path) }
    }

    /// A suppression for a secret the config allows, or nil.
    func suppression(secret: String, path: String) -> Suppression? {
        if values.contains(secret) || patterns.contains(where: { $0.matches(secret) })
            || (!valueHashes.isEmpty && valueHashes.contains(Allowlist.sha256(secret))) {
            return Suppression(kind: .config, justification: "allowlisted value in \(configFile)")
        }
        if let paths, matches(paths, path) {
            return Suppression(kind: .config, justification: "allowlisted path in \(configFile)")
        }
        return nil
    }

    private func matches(_ rules: IgnoreRules, _ path: String) -> Bool {
        var p = path
        while p.hasPrefix("./") { p.removeFirst(2) }
        // A glob may name the path from the scan root or any trailing part of it.
        let parts = p.split(separator: "/")
        for start in parts.indices {
            if rules.ignores(filePath: Array(parts[start...].joined(separator: "/").utf8)) { return true }
        }
        return false
    }

    static let hashPrefix = "sha256:"

    /// `sha256:` then 64 hex digits.
    static func isValueHash(_ value: String) -> Bool {
        value.hasPrefix(hashPrefix) && value.count == hashPrefix.count + 64
            && value.dropFirst(hashPrefix.count).allSatisfy(\.isHexDigit)
    }

    /// SHA-256 of a value's UTF-8, 64 lowercase hex digits (what `sha256sum` prints for it
    /// written without a newline: `printf %s VALUE | sha256sum`).
    static func sha256(_ value: String) -> String {
        SHA256.hash(data: Array(value.utf8)).map { byte in
            let hex = Array("0123456789abcdef".utf8)
            return String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 15)]], as: UTF8.self)
        }.joined()
    }

    /// Marks findings `.leakscopeignore` names by fingerprint, or `.gitleaksignore` by file and
    /// line (and commit, when both have one); `anchor` makes the finding's path repository-relative.
    func applyIgnores(to findings: inout [Finding], anchor: PathAnchor) {
        guard !ignores.fingerprints.isEmpty || !ignores.locations.isEmpty else { return }
        var byPlace: [String: [IgnoreFile.Location]] = [:]
        for l in ignores.locations { byPlace["\(l.file):\(l.line)", default: []].append(l) }
        for i in findings.indices where findings[i].suppression == nil {
            let f = findings[i]
            if let why = ignores.fingerprints[f.fingerprint] {
                findings[i].suppression = Suppression(kind: .ignoreFile, justification: why)
                continue
            }
            guard !byPlace.isEmpty else { continue }
            let candidates = byPlace["\(anchor.path(of: f.file)):\(f.line)"] ?? []
            let commit = f.commit?.sha.lowercased()
            if let hit = candidates.first(where: { l in
                guard let c = l.commit, let commit else { return true }
                return commit.hasPrefix(c) || c.hasPrefix(commit)
            }) {
                findings[i].suppression = Suppression(kind: .ignoreFile,
                                                      justification: "in \(IgnoreFile.gitleaksFileName): \(hit.entry)")
            }
        }
    }

    /// Marks findings whose fingerprint is in the baseline.
    func applyBaseline(to findings: inout [Finding]) {
        guard !baseline.isEmpty else { return }
        for i in findings.indices where findings[i].suppression == nil && baseline.contains(findings[i].fingerprint) {
            findings[i].suppression = Suppression(kind: .baseline, justification: "in baseline \(baselineFile)")
        }
    }
}

/// Reads a baseline: any earlier JSON report of leakscope (its findings' fingerprints),
/// streaming (`BaselineReader`): memory is the fingerprints plus one read buffer, whatever the
/// report's size.
public enum Baseline {
    public static func load(path: String) throws(ConfigError) -> Set<String> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw unreadable(path, errno) }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR { throw unreadable(path, EISDIR) }
        let (result, readError) = BaselineReader.fingerprints(fd: fd)
        if readError != 0 { throw unreadable(path, readError) }
        return try check(result, file: path)
    }

    /// The fingerprints of a baseline's bytes; `file` names it in errors.
    public static func parse(_ data: Data, file path: String) throws(ConfigError) -> Set<String> {
        try check(BaselineReader.fingerprints([UInt8](data)), file: path)
    }

    private static func unreadable(_ path: String, _ code: Int32) -> ConfigError {
        ConfigError(file: path, line: 0, message: "cannot read baseline file (\(String(cString: strerror(code))))")
    }

    private static func check(_ result: Result<Set<String>, BaselineReader.Failure>, file path: String) throws(ConfigError) -> Set<String> {
        switch result {
        case .success(let fingerprints): return fingerprints
        case .failure(.syntax(let line)):
            throw ConfigError(file: path, line: line, message: "not valid JSON (a baseline is a leakscope JSON report)")
        case .failure(.noFindings):
            throw ConfigError(file: path, line: 1, message: "no \"findings\" array (a baseline is a leakscope JSON report)")
        case .failure(.noFingerprint(let index, let line)):
            throw ConfigError(file: path, line: line, message: "finding \(index + 1) has no \"fingerprint\"")
        }
    }
}
