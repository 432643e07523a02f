import Foundation
import Vocabulary
import Match
import TOMLKit
import TOMLSupport

/// Parses rule files (TOML, `[[rule]]` tables) into rules, collecting every problem with its
/// file and line rather than stopping at the first.
public enum RuleLoader {
    static let idPattern = try! Pattern("^[a-z0-9][a-z0-9-]*$")
    static let knownKeys: Set<String> = [
        "id", "name", "provider", "category", "keywords", "regex", "secret_group", "min_entropy",
        "multiline", "window", "precedence", "placeholder_check", "references", "examples",
        "negative_examples", "blast_radius", "variant", "path", "path_examples", "negative_path_examples",
        "pair",
    ]
    /// Fields about a content regex: a path-only rule (a `path` and no `regex`) has none.
    static let contentKeys = ["keywords", "secret_group", "min_entropy", "multiline", "window", "placeholder_check", "variant"]
    static let knownVariantKeys: Set<String> = ["prefix", "level", "lifetime", "capabilities", "reason"]
    static let knownPairKeys: Set<String> = ["rules", "role", "optional"]
    static let knownBlastKeys: Set<String> = ["level", "lifetime", "capabilities", "impact"]

    /// Parses one file's text. `compile` also compiles every regex (reports PCRE2 errors).
    /// `screen: false` skips the screen for input the bundled toml++ would assert on: only for
    /// the built-in files, which the tests hold.
    public static func parse(_ text: String, file: String, compile: Bool = true, screen: Bool = true) -> (rules: [Rule], errors: [RuleFileError]) {
        let lines = TOMLLines(text: text)
        if screen, let (line, message) = TOMLScreen.problem(in: text) {
            return ([], [RuleFileError(SourceLocation(file: file, line: line), "TOML: \(message)")])
        }
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let e as TOMLParseError {
            return ([], [RuleFileError(SourceLocation(file: file, line: e.source.begin.line), "TOML: \(e.description)")])
        } catch {
            return ([], [RuleFileError(SourceLocation(file: file, line: 1), "TOML: \(error)")])
        }
        var errors: [RuleFileError] = []
        for key in root.keys where key != "rule" {
            errors.append(RuleFileError(SourceLocation(file: file, line: lines.line(ofKey: key, after: 0)),
                                        "unknown top-level key '\(key)' (rules go in [[rule]] tables)"))
        }
        guard let array = root["rule"]?.array else {
            errors.append(RuleFileError(SourceLocation(file: file, line: 1), "no [[rule]] tables"))
            return ([], errors)
        }
        var rules: [Rule] = []
        for (i, value) in array.enumerated() {
            let header = lines.ruleHeaderLine(i)
            guard let table = value.table else {
                errors.append(RuleFileError(SourceLocation(file: file, line: header), "rule \(i + 1) is not a table"))
                continue
            }
            var reader = FieldReader(table: table, file: file, header: header, lines: lines)
            if let rule = reader.rule(compile: compile) { rules.append(rule) }
            errors += reader.errors
        }
        return (rules, errors)
    }

    /// Reads one file from disk.
    public static func load(path: String, compile: Bool = true) -> (rules: [Rule], errors: [RuleFileError]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            return ([], [RuleFileError(SourceLocation(file: path, line: 0), "cannot read rule file")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return ([], [RuleFileError(SourceLocation(file: path, line: 0), "rule file is not UTF-8")])
        }
        return parse(text, file: path, compile: compile)
    }

    /// The rule files a path names: the file itself, or the `.toml` files of a folder, sorted.
    public static func ruleFiles(at path: String) -> [String] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { return [path] }
        guard isDir.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { $0.hasSuffix(".toml") }.sorted().map { (path as NSString).appendingPathComponent($0) }
    }
}


/// Reads the fields of one `[[rule]]` table, recording problems.
struct FieldReader {
    let table: TOMLTable
    let file: String
    let header: Int
    let lines: TOMLLines
    var errors: [RuleFileError] = []

    func loc(_ key: String) -> SourceLocation { SourceLocation(file: file, line: lines.line(ofKey: key, after: header)) }

    mutating func fail(_ key: String, _ message: String) { errors.append(RuleFileError(loc(key), message)) }

    mutating func string(_ key: String, required: Bool = true) -> String? {
        guard let v = table[key] else {
            if required { errors.append(RuleFileError(SourceLocation(file: file, line: header), "missing field '\(key)'")) }
            return nil
        }
        guard let s = v.string else { fail(key, "'\(key)' must be a string"); return nil }
        return s
    }

    mutating func strings(_ key: String, required: Bool) -> [String] {
        guard let v = table[key] else {
            if required { errors.append(RuleFileError(SourceLocation(file: file, line: header), "missing field '\(key)'")) }
            return []
        }
        guard let a = v.array else { fail(key, "'\(key)' must be an array of strings"); return [] }
        var out: [String] = []
        for item in a {
            guard let s = item.string else { fail(key, "'\(key)' must hold only strings"); return [] }
            out.append(s)
        }
        return out
    }

    mutating func rule(compile: Bool) -> Rule? {
        for key in table.keys where !RuleLoader.knownKeys.contains(key) {
            fail(key, "unknown field '\(key)'")
        }
        let id = string("id")
        if let id, !RuleLoader.idPattern.matches(id) { fail("id", "id '\(id)' must be lowercase letters, digits and '-'") }
        let name = string("name")
        let provider = string("provider")
        var category: Category?
        if let c = string("category") {
            category = Category(rawValue: c)
            if category == nil { fail("category", "unknown category '\(c)' (one of \(Category.allCases.map(\.rawValue).joined(separator: ", ")))") }
        }
        // `path` alone makes a path-only rule: no regex, no keywords, examples are paths.
        let path = string("path", required: false)
        if let path, path.isEmpty { fail("path", "'path' must not be empty") }
        let pathOnly = path != nil && table["regex"] == nil
        if pathOnly {
            for key in RuleLoader.contentKeys where table[key] != nil {
                fail(key, "'\(key)' applies to a content regex: a path-only rule (a path and no regex) reports the file by its path alone")
            }
        }
        // Keywords are required of content rules; a rule with a path may leave them out (its regex
        // then runs from the start of each file whose path matches).
        let keywords = pathOnly ? [] : strings("keywords", required: path == nil)
        if table["keywords"] != nil && !pathOnly {
            if keywords.isEmpty { fail("keywords", "'keywords' needs at least one literal") }
            for k in keywords where k.utf8.count < 3 { fail("keywords", "keyword '\(k)' is too short (3 bytes at least): it would run the regex almost everywhere") }
        }
        let regex = pathOnly ? "" : string("regex")
        var secretGroup = SecretGroup.automatic
        if let v = table["secret_group"] {
            if let n = v.int { secretGroup = .number(n) } else if let s = v.string { secretGroup = .named(s) } else {
                fail("secret_group", "'secret_group' must be a group name or number")
            }
        }
        var minEntropy: Double?
        if let v = table["min_entropy"] {
            minEntropy = v.double ?? v.int.map(Double.init)
            if minEntropy == nil || minEntropy! < 0 || minEntropy! > 8 { fail("min_entropy", "'min_entropy' must be a number from 0 to 8") }
        }
        let multiline = bool("multiline") ?? false
        let window = int("window") ?? 8192
        if window < 1 || window > 1 << 20 { fail("window", "'window' must be from 1 to 1048576 bytes") }
        let precedence = int("precedence") ?? (category == .generic ? 0 : 10)
        let placeholderCheck = bool("placeholder_check") ?? true
        let references = strings("references", required: false)
        // A path-only rule's examples are paths: no «…» marks (the secret is the file).
        let marked = strings("examples", required: true)
            .map { pathOnly ? (text: $0, secret: Range<Int>?.none) : ExampleMarks.unmark($0) }
        let examples = marked.map(\.text)
        let negatives = strings("negative_examples", required: true)
        // Paths of the content rules with a path condition: the content examples are checked at the first.
        let pathExamples = strings("path_examples", required: false)
        let negativePathExamples = strings("negative_path_examples", required: false)
        if path != nil && !pathOnly && pathExamples.isEmpty {
            errors.append(RuleFileError(SourceLocation(file: file, line: header),
                                        "missing field 'path_examples': a rule with a path and a regex needs a path that meets its condition, where its examples are checked"))
        }
        for key in ["path_examples", "negative_path_examples"] where table[key] != nil && (path == nil || pathOnly) {
            fail(key, path == nil ? "'\(key)' needs a 'path' condition" : "'\(key)' is for rules with a path and a regex: a path-only rule's examples and negative_examples are paths")
        }
        let blast = blastRadius()
        let variants = self.variants()
        guard let id, let name, let provider, let category, let regex, let blast, pathOnly || !keywords.isEmpty || path != nil
        else { return nil }
        var rule = Rule(id: id, name: name, provider: provider, category: category, keywords: keywords,
                        regex: regex, secretGroup: secretGroup, minEntropy: minEntropy, multiline: multiline,
                        window: window, precedence: precedence, placeholderCheck: placeholderCheck,
                        references: references, examples: examples, exampleSecrets: marked.map(\.secret),
                        negativeExamples: negatives, blastRadius: blast, variants: variants,
                        origin: SourceLocation(file: file, line: header))
        rule.path = path
        rule.pathExamples = pathExamples
        rule.negativePathExamples = negativePathExamples
        rule.pairs = pairs()
        if compile {
            if let path {
                do { _ = try Pattern.path(path) } catch {
                    errors.append(RuleFileError(SourceLocation(file: file, line: patternLine("path", path, offset: error.offset)),
                                                "rule '\(id)': path: \(error)"))
                    return nil
                }
            }
            if !pathOnly {
                do { _ = try LazyPatternCheck.compile(rule.matchPattern) } catch {
                    errors.append(RuleFileError(SourceLocation(file: file, line: patternLine("regex", regex, offset: error.offset)),
                                                "rule '\(id)': regex: \(error)"))
                    return nil
                }
            }
        }
        return rule
    }

    /// The line of the pattern `key` holds where PCRE2 stopped at `offset`.
    func patternLine(_ key: String, _ source: String, offset: Int) -> Int {
        let keyLine = lines.line(ofKey: key, after: header)
        let newlines = source.utf8.prefix(min(offset, source.utf8.count)).filter { $0 == 0x0A }.count
        // A multi-line literal (`regex = '''` then a newline) starts on the next line.
        let opener = text(at: keyLine).trimmingCharacters(in: .whitespaces)
        let startsBelow = (opener.hasSuffix("'''") || opener.hasSuffix("\"\"\""))
            && opener.dropLast(3).trimmingCharacters(in: .whitespaces).hasSuffix("=")
        return keyLine + newlines + (startsBelow ? 1 : 0)
    }

    func text(at line: Int) -> Substring {
        let all = lines.lines
        return line >= 1 && line <= all.count ? all[line - 1] : ""
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let v = table[key] else { return nil }
        guard let b = v.bool else { fail(key, "'\(key)' must be true or false"); return nil }
        return b
    }

    mutating func int(_ key: String) -> Int? {
        guard let v = table[key] else { return nil }
        guard let n = v.int else { fail(key, "'\(key)' must be an integer"); return nil }
        return n
    }

    /// `[[rule.variant]]` tables, longest prefix first.
    mutating func variants() -> [RuleVariant] {
        guard let v = table["variant"] else { return [] }
        var at: SourceLocation { loc("[[rule.variant]]") }
        guard let array = v.array else { fail("variant", "'variant' must be an array of tables ([[rule.variant]])"); return [] }
        var out: [RuleVariant] = []
        for item in array {
            guard let t = item.table else { errors.append(RuleFileError(at, "each [[rule.variant]] must be a table")); continue }
            for key in t.keys where !RuleLoader.knownVariantKeys.contains(key) {
                errors.append(RuleFileError(at, "unknown variant field '\(key)'"))
            }
            guard let prefix = t["prefix"]?.string, !prefix.isEmpty else {
                errors.append(RuleFileError(at, "variant.prefix is missing")); continue
            }
            guard let reason = t["reason"]?.string, !reason.isEmpty else {
                errors.append(RuleFileError(at, "variant '\(prefix)': reason is missing: say what this kind is")); continue
            }
            var level: Level?
            if let text = t["level"]?.string {
                level = Level(rawValue: text)
                if level == nil { errors.append(RuleFileError(at, "variant '\(prefix)': level must be one of critical, high, medium, low")) }
            }
            var lifetime: Lifetime?
            if let text = t["lifetime"]?.string {
                lifetime = Lifetime(rawValue: text)
                if lifetime == nil || lifetime == .expired {
                    errors.append(RuleFileError(at, "variant '\(prefix)': lifetime must be long-lived, temporary or unknown"))
                }
            }
            guard let caps = capabilities(t, at: { $0.loc("[[rule.variant]]") }) else { continue }
            if out.contains(where: { $0.prefix == prefix }) {
                errors.append(RuleFileError(at, "variant prefix '\(prefix)' appears twice")); continue
            }
            out.append(RuleVariant(prefix: prefix, level: level, lifetime: lifetime, capabilities: caps, reason: reason))
        }
        return out.sorted { $0.prefix.utf8.count > $1.prefix.utf8.count }
    }

    /// `[[rule.pair]]` tables: the other parts of the credential (their rule ids are checked
    /// against the whole set by `RuleCheck.pairProblems`).
    mutating func pairs() -> [RulePair] {
        guard let v = table["pair"] else { return [] }
        var at: SourceLocation { loc("[[rule.pair]]") }
        guard let array = v.array else { fail("pair", "'pair' must be an array of tables ([[rule.pair]])"); return [] }
        var out: [RulePair] = []
        for item in array {
            guard let t = item.table else { errors.append(RuleFileError(at, "each [[rule.pair]] must be a table")); continue }
            for key in t.keys where !RuleLoader.knownPairKeys.contains(key) {
                errors.append(RuleFileError(at, "unknown pair field '\(key)'"))
            }
            let ids = t["rules"]?.array?.compactMap(\.string) ?? []
            guard !ids.isEmpty, ids.count == t["rules"]?.array?.count else {
                errors.append(RuleFileError(at, "pair.rules must list the ids of the partner rules")); continue
            }
            guard let role = t["role"]?.string, !role.isEmpty else {
                errors.append(RuleFileError(at, "pair.role is missing: say what the other part is (\"access key ID\")")); continue
            }
            var optional = false
            if let o = t["optional"] {
                guard let b = o.bool else { errors.append(RuleFileError(at, "pair.optional must be true or false")); continue }
                optional = b
            }
            out.append(RulePair(rules: ids, role: role, optional: optional))
        }
        return out
    }


    /// The declared capabilities a table lists; nil (and an error at `at`) for an undeclared one.
    /// `at` is found only when there is an error: a line search per rule costs at every start.
    mutating func capabilities(_ t: TOMLTable, at: (FieldReader) -> SourceLocation) -> [Capability]? {
        var caps: [Capability] = []
        for name in t["capabilities"]?.array?.compactMap(\.string) ?? [] {
            guard let c = Capability(rawValue: name) else {
                errors.append(RuleFileError(at(self), "unknown capability '\(name)'\(didYouMean(name, among: Capability.allCases.map(\.rawValue))) (the declared list is in Sources/Vocabulary/Capability.swift)"))
                return nil
            }
            if !caps.contains(c) { caps.append(c) }
        }
        return caps
    }

    mutating func blastRadius() -> BlastRadius? {
        guard let v = table["blast_radius"] else {
            errors.append(RuleFileError(SourceLocation(file: file, line: header), "missing table [rule.blast_radius]"))
            return nil
        }
        guard let t = v.table else { fail("blast_radius", "'blast_radius' must be a table"); return nil }
        // Found only when a message needs it: a line search per rule costs at every start.
        var at: SourceLocation { loc("[rule.blast_radius]") }
        for key in t.keys where !RuleLoader.knownBlastKeys.contains(key) {
            errors.append(RuleFileError(at, "unknown blast_radius field '\(key)'"))
        }
        guard let levelText = t["level"]?.string, let level = Level(rawValue: levelText) else {
            errors.append(RuleFileError(at, "blast_radius.level must be one of critical, high, medium, low")); return nil
        }
        let lifetimeText = t["lifetime"]?.string ?? "unknown"
        guard let lifetime = Lifetime(rawValue: lifetimeText), lifetime != .expired else {
            errors.append(RuleFileError(at, "blast_radius.lifetime must be long-lived, temporary or unknown")); return nil
        }
        guard let caps = capabilities(t, at: { $0.loc("[rule.blast_radius]") }) else { return nil }
        guard let impact = t["impact"]?.string, !impact.isEmpty else {
            errors.append(RuleFileError(at, "blast_radius.impact is missing: say what an attacker can do")); return nil
        }
        return BlastRadius(level: level, lifetime: lifetime, capabilities: caps, impact: impact)
    }
}

/// Compiles a pattern up front (validation of rule files).
enum LazyPatternCheck {
    static func compile(_ spec: MatchPattern) throws(PatternError) -> Bool {
        _ = try Matcher.validate(spec)
        return true
    }
}
