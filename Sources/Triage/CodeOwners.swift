import Foundation

/// A repository's CODEOWNERS file with GitHub's semantics, so each finding can name who must act.
public struct CodeOwners: Sendable {
    /// One pattern line and its owners (empty: explicitly unowned).
    struct Rule: Sendable {
        let pattern: OwnerPattern
        let owners: [String]
    }

    /// Where GitHub looks, in order; the first file found is the one used.
    public static let locations = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"]

    /// The file's pattern lines in order; the last match wins.
    let rules: [Rule]

    /// Lines GitHub would not use, each with file, line and why: a `!` negation, an owner that
    /// is not `@user`, `@org/team` or an email address. Each such line is skipped, as GitHub
    /// skips it; the rest of the file still applies.
    public let warnings: [CodeOwnersError]

    /// Parses `text`; `file` names it in warnings. A line with syntax GitHub does not support
    /// (`!` negation) or an owner that is not `@user`, `@org/team` or an email address is
    /// skipped with a warning (GitHub skips an invalid line, not the file). GitLab `[Section]`
    /// headers are skipped like comments.
    public init(text: String, file: String) {
        var rules: [Rule] = []
        var warnings: [CodeOwnersError] = []
        var lineNumber = 0
        lines: for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            let fields = CodeOwners.fields(rawLine)
            guard let pattern = fields.first else { continue }
            if pattern.hasPrefix("[") || pattern.hasPrefix("^[") { continue }   // GitLab section header
            if pattern.hasPrefix("!") {
                warnings.append(CodeOwnersError(file: file, line: lineNumber,
                                                message: "negated pattern '\(pattern)': GitHub does not support '!' in CODEOWNERS (line skipped)"))
                continue
            }
            let owners = Array(fields.dropFirst())
            for owner in owners where !CodeOwners.isOwner(owner) {
                warnings.append(CodeOwnersError(file: file, line: lineNumber,
                                                message: "'\(owner)' is not an owner (expected @user, @org/team or an email address; line skipped)"))
                continue lines
            }
            rules.append(Rule(pattern: OwnerPattern(pattern), owners: owners))
        }
        self.rules = rules
        self.warnings = warnings
    }

    /// The owners of `path` (relative to the repository root), from the last matching line; empty
    /// when no line matches or the matching line names nobody.
    public func owners(of path: String) -> [String] {
        var p = Substring(path)
        while p.hasPrefix("./") { p = p.dropFirst(2) }
        while p.hasPrefix("/") { p = p.dropFirst() }
        let normalized = String(p)
        for rule in rules.reversed() where rule.pattern.matches(normalized) { return rule.owners }
        return []
    }

    /// The CODEOWNERS file of the repository at `repositoryRoot`, or nil when it has none.
    /// Throws the read error; lines it skips are in `warnings`.
    public static func load(repositoryRoot: String) throws -> CodeOwners? {
        let root = URL(fileURLWithPath: repositoryRoot)
        for location in locations {
            let url = root.appendingPathComponent(location)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            let data = try Data(contentsOf: url)
            return CodeOwners(text: String(decoding: data, as: UTF8.self), file: location)
        }
        return nil
    }

    /// The blank-separated fields of a line, up to a `#` comment; `\ ` keeps a blank in a pattern.
    static func fields(_ line: Substring) -> [String] {
        var fields: [String] = []
        var current = ""
        var escaped = false
        for c in line {
            if escaped {
                current.append("\\"); current.append(c); escaped = false
                continue
            }
            if c == "\\" { escaped = true; continue }
            if c == " " || c == "\t" || c == "\r" {
                if !current.isEmpty { fields.append(current); current = "" }
                continue
            }
            if c == "#" && current.isEmpty { break }   // a comment, whole-line or after the owners
            current.append(c)
        }
        if escaped { current.append("\\") }
        if !current.isEmpty { fields.append(current) }
        return fields.map { $0.replacingOccurrences(of: "\\ ", with: " ") }
    }

    /// `@user`, `@org/team` or an email address.
    static func isOwner(_ s: String) -> Bool {
        let u = Array(s.utf8)
        func isName(_ b: UInt8) -> Bool {
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_")
        }
        if u.first == UInt8(ascii: "@") {
            let parts = u.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
            guard parts.count == 1 || parts.count == 2 else { return false }
            let user = parts[0]
            guard let first = user.first, first != UInt8(ascii: "-"), user.allSatisfy(isName) else { return false }
            if parts.count == 2 {
                let team = parts[1]
                return !team.isEmpty && team.allSatisfy { isName($0) || $0 == UInt8(ascii: ".") }
            }
            return true
        }
        let at = u.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false)
        guard at.count == 2, !at[0].isEmpty, at[1].contains(UInt8(ascii: ".")),
              at[1].first != UInt8(ascii: "."), at[1].last != UInt8(ascii: ".") else { return false }
        return u.allSatisfy { $0 > 0x20 && $0 < 0x7f && $0 != UInt8(ascii: ",") && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">") }
    }
}
