import Foundation
import Match
import Rules
import TOMLKit
import TOMLSupport

/// `.leakscope.toml`: what a repository tells leakscope (paths to skip, rules to disable, extra
/// rule files, allowlisted values and regexes, per-path overrides).
public struct Config: Sendable {
    /// gitignore-style globs never scanned.
    public var exclude: [String] = []
    /// Rule ids turned off everywhere.
    public var disabledRules: Set<String> = []
    /// The line each rule id of `disable_rules` (here or in an override) is written on, for messages.
    public var ruleIDLines: [String: Int] = [:]
    /// Extra rule files or folders, resolved against the config file's folder.
    public var ruleFiles: [String] = []
    /// Secrets that are known not to be secrets (exact values).
    public var allowedValues: Set<String> = []
    /// PCRE2 patterns: a secret they match is not reported.
    public var allowedPatterns: [Pattern] = []
    /// Paths whose findings are suppressed (still scanned, shown as suppressed in SARIF).
    public var allowedPaths: [String] = []
    /// Rules turned off below some paths.
    public var overrides: [Override] = []
    /// Where the config came from, for suppression messages.
    public var source: String = ""
    /// `baseline = "..."` (a top-level key): the baseline every mode uses, resolved against the
    /// config file's folder.
    public var baseline: String?

    /// Rules disabled for some paths.
    public struct Override: Sendable {
        public var paths: [String]
        public var disabledRules: Set<String>
    }

    public init() {}

    /// The file name looked for at the scan root.
    public static let fileName = ".leakscope.toml"

    static let sections: [String: Set<String>] = [
        "scan": ["exclude", "disable_rules", "rules"],
        "allowlist": ["values", "regexes", "paths"],
        "override": ["paths", "disable_rules"],
    ]

    /// Parses a config file, with every problem reported as `file:line: message`.
    public static func parse(_ text: String, file: String) throws(ConfigError) -> Config {
        if let (line, message) = TOMLScreen.problem(in: text) {
            throw ConfigError(file: file, line: line, message: "TOML: \(message)")
        }
        let root: TOMLTable
        do { root = try TOMLTable(string: text) } catch let e as TOMLParseError {
            throw ConfigError(file: file, line: e.source.begin.line, message: "TOML: \(e.description)")
        } catch {
            throw ConfigError(file: file, line: 1, message: "TOML: \(error)")
        }
        let lines = TOMLLines(text: text, arrayTable: "override")
        var config = Config()
        config.source = file
        for key in root.keys where sections[key] == nil && key != "baseline" {
            throw ConfigError(file: file, line: lines.line(ofTable: key) ?? lines.line(ofKey: key, after: 1),
                              message: "unknown section '\(key)' (expected \(sections.keys.sorted().joined(separator: ", ")))")
        }
        func strings(_ table: TOMLTable, _ key: String, at line: Int) throws(ConfigError) -> [String] {
            guard let v = table[key] else { return [] }
            guard let a = v.array else {
                throw ConfigError(file: file, line: lines.line(ofKey: key, after: line), message: "'\(key)' must be an array of strings")
            }
            var out: [String] = []
            for item in a {
                guard let s = item.string else {
                    throw ConfigError(file: file, line: lines.line(ofKey: key, after: line), message: "'\(key)' must hold only strings")
                }
                out.append(s)
            }
            return out
        }
        func checkKeys(_ table: TOMLTable, section: String, at line: Int) throws(ConfigError) {
            for key in table.keys where !(sections[section]!.contains(key)) {
                throw ConfigError(file: file, line: lines.line(ofKey: key, after: line),
                                  message: "unknown key '\(key)' in [\(section)]")
            }
        }
        if let v = root["baseline"] {
            guard let path = v.string, !path.isEmpty else {
                throw ConfigError(file: file, line: lines.line(ofKey: "baseline", after: 1), message: "'baseline' must be a file name")
            }
            let base = (file as NSString).deletingLastPathComponent
            config.baseline = path.hasPrefix("/") || base.isEmpty ? path : (base as NSString).appendingPathComponent(path)
        }
        if let v = root["scan"] {
            let line = lines.line(ofTable: "scan") ?? 1
            guard let t = v.table else { throw ConfigError(file: file, line: line, message: "[scan] must be a table") }
            try checkKeys(t, section: "scan", at: line)
            config.exclude = try strings(t, "exclude", at: line)
            config.disabledRules = Set(try strings(t, "disable_rules", at: line))
            for id in config.disabledRules { config.ruleIDLines[id] = Config.line(of: id, in: text) ?? line }
            let base = (file as NSString).deletingLastPathComponent
            config.ruleFiles = try strings(t, "rules", at: line).map {
                $0.hasPrefix("/") ? $0 : (base.isEmpty ? $0 : (base as NSString).appendingPathComponent($0))
            }
        }
        if let v = root["allowlist"] {
            let line = lines.line(ofTable: "allowlist") ?? 1
            guard let t = v.table else { throw ConfigError(file: file, line: line, message: "[allowlist] must be a table") }
            try checkKeys(t, section: "allowlist", at: line)
            config.allowedValues = Set(try strings(t, "values", at: line))
            config.allowedPaths = try strings(t, "paths", at: line)
            for source in try strings(t, "regexes", at: line) {
                do { config.allowedPatterns.append(try Pattern(source)) } catch {
                    throw ConfigError(file: file, line: lines.line(ofKey: "regexes", after: line),
                                      message: "allowlist regex '\(source)': \(error)")
                }
            }
        }
        if let v = root["override"] {
            guard let a = v.array else {
                throw ConfigError(file: file, line: lines.line(ofKey: "override", after: 1), message: "overrides go in [[override]] tables")
            }
            for (i, item) in a.enumerated() {
                let line = lines.ruleHeaderLine(i)
                guard let t = item.table else { throw ConfigError(file: file, line: line, message: "[[override]] must be a table") }
                try checkKeys(t, section: "override", at: line)
                let paths = try strings(t, "paths", at: line)
                if paths.isEmpty { throw ConfigError(file: file, line: line, message: "[[override]] needs 'paths'") }
                let ids = Set(try strings(t, "disable_rules", at: line))
                for id in ids where config.ruleIDLines[id] == nil { config.ruleIDLines[id] = Config.line(of: id, in: text) ?? line }
                config.overrides.append(Override(paths: paths, disabledRules: ids))
            }
        }
        return config
    }

    /// The first line that holds `id` as a quoted string.
    static func line(of id: String, in text: String) -> Int? {
        for (i, l) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where l.contains("\"\(id)\"") || l.contains("'\(id)'") { return i + 1 }
        return nil
    }

    /// Every rule id the config names (`disable_rules`, overrides).
    public var namedRuleIDs: Set<String> { disabledRules.union(overrides.flatMap(\.disabledRules)) }

    /// Reads `path`; a missing file is an error (the user named it).
    public static func load(path: String) throws(ConfigError) -> Config {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw ConfigError(file: path, line: 0, message: "cannot read config file (\(ConfigError.reason(error)))")
        }
        return try parse(String(decoding: data, as: UTF8.self), file: path)
    }
}

/// A malformed config or baseline file.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let message: String
    public var description: String { "\(file):\(line): \(message)" }

    /// The operating system's words for why a file could not be read ("No such file or directory").
    static func reason(_ error: Error) -> String {
        if let posix = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(posix.code)))
        }
        let ns = error as NSError
        if ns.domain == NSCocoaErrorDomain {
            switch ns.code {
            case NSFileReadNoSuchFileError: return String(cString: strerror(ENOENT))
            case NSFileReadNoPermissionError: return String(cString: strerror(EACCES))
            default: break
            }
        }
        return ns.localizedDescription
    }
}
