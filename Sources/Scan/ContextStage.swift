import Foundation
import Match
import Report
import Rules
import Vocabulary

/// Secrets whose name sits on another line. Many formats put a setting's name and its value
/// apart: Kubernetes, Compose and GitHub Actions env lists (`- name: X` then `value: ...`), JSON
/// name/value objects (ECS, ARM, CloudFormation parameters), XML and plist pairs
/// (`<key>X</key><string>...</string>`, `<name>`/`<value>`), INI and TOML sections (`[openai]` then
/// `api_key = ...`), YAML parents and HCL blocks (`mistral:` then `  api_key: ...`), and shell
/// commands continued with `\`. For each such pair the stage writes one synthetic line,
/// `NAME=VALUE` (the value's bytes as they are), scans it with the same rules, and places what it
/// finds at the value in the real text. So every context rule (Mistral, Cohere, Azure OpenAI, AWS
/// secrets ...) sees its name even when it is lines away.
///
/// How far "nearby" reaches, and why: a name/value pair's value within 3 lines of its name (the
/// formats put it on the next line, sometimes after `valueFrom`-style comments or a `type`
/// line); an XML value within 2 lines; a section header or YAML/HCL parent within 40 lines above
/// a key named only `api_key`, `token`, `password`... (a section of settings is rarely longer,
/// and further away the header names something else). Continuation lines: at most 8.
struct ContextStage {
    let rules: RuleSet

    static let nameValueReach = 3
    static let xmlReach = 2
    static let parentReach = 40
    static let continuationLines = 8

    /// One synthetic line: its bytes, and where its value part lies in it and in the fragment.
    struct Synthetic {
        var text: [UInt8]
        /// Offset in `text` where the value starts.
        var valueStart: Int
        /// Offset in the fragment where the same value starts.
        var origin: Int
        /// 1-based line (of the fragment) that holds the name, for the context.
        var nameLine: Int
    }

    /// `plain` are the fragment's own matches; those a synthetic line also finds at the same
    /// secret stay plain. Returns the plain matches (less generic ones the context made specific)
    /// and the new candidates.
    func apply(_ fragment: Fragment, plain: [RawMatch], builder: FindingBuilder, workspace: MatchWorkspace)
        -> (kept: [RawMatch], found: [Candidate]) {
        guard ContextStage.applies(to: fragment.provenance.path) else { return (plain, []) }
        let synthetic = ContextStage.pairs(in: fragment.bytes, reportBelow: fragment.reportBelow)
        guard !synthetic.isEmpty else { return (plain, []) }
        var found: [Candidate] = []
        var replaced: [Range<Int>] = []
        var position = fragment.lines.origin
        var positionOffset = 0
        var seen = Set<Int>()
        for s in synthetic.sorted(by: { $0.origin < $1.origin }) {
            let matches = s.text.withUnsafeBufferPointer { rules.scan($0, workspace: workspace).matches }
                .filter { $0.secret.lowerBound >= s.valueStart }
            guard !matches.isEmpty else { continue }
            for m in matches {
                let start = s.origin + m.secret.lowerBound - s.valueStart
                let secret = start..<(start + m.secret.count)
                guard !seen.contains(start) else { continue }
                // A specific plain match already at this secret says it; a generic one yields.
                if let p = plain.first(where: { $0.secret.overlaps(secret) }) {
                    let specific = rules.rules[m.pattern].category != .generic
                    guard specific && rules.rules[p.pattern].category == .generic else { continue }
                    replaced.append(p.secret)
                }
                let built = s.text.withUnsafeBufferPointer {
                    builder.build([m], in: Fragment(bytes: $0, provenance: fragment.provenance))
                }
                guard var c = built.first else { continue }
                position = position.advanced(over: UnsafeBufferPointer(rebasing: fragment.bytes[positionOffset...]),
                                             to: start - positionOffset)
                positionOffset = start
                c.finding.line = fragment.lines.fileLine(position.line)
                c.finding.column = position.column
                c.finding.context += " (its name is on line \(fragment.lines.fileLine(s.nameLine)))"
                seen.insert(start)
                found.append(c)
            }
        }
        let kept = replaced.isEmpty ? plain : plain.filter { p in !replaced.contains(p.secret) }
        return (kept, found)
    }

    /// Formats that put names and values apart: configuration, manifests, notebooks and shell
    /// scripts, and files with no extension or dotfiles (`.env`, `Dockerfile`). Source code is
    /// left out: its names sit beside its values, and it is most of what a sweep reads.
    /// Judged on the UTF-8 bytes of the name: splitting the path by Characters cost more than
    /// the stage itself on a sweep of source files.
    static func applies(to path: String) -> Bool {
        let utf8 = path.utf8
        let nameStart = utf8.lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
        guard let dot = utf8[nameStart...].lastIndex(of: UInt8(ascii: ".")), dot != nameStart else { return true }
        let ext = utf8[utf8.index(after: dot)...]
        guard ext.count <= 10 else { return false }
        return configExtensions.contains(String(decoding: ext.map { $0 | (($0 >= 65 && $0 <= 90) ? 0x20 : 0) }, as: UTF8.self))
    }

    static let configExtensions: Set<String> = [
        "yaml", "yml", "json", "jsonc", "json5", "xml", "plist", "ini", "cfg", "conf", "config", "cnf", "toml",
        "tf", "tfvars", "hcl", "env", "properties", "props", "sh", "bash", "zsh", "ps1", "http", "rest", "ipynb",
        "local", "example", "sample", "template", "tpl", "j2", "txt",
    ]

    // MARK: Finding the pairs

    /// A line's parts: where it starts and ends, its indentation, and a `key <sep> value` in it.
    struct Line {
        var start: Int
        var end: Int
        var indent: Int
        var key: Range<Int>?
        var value: Range<Int>?
    }

    static func pairs(in b: UnsafeBufferPointer<UInt8>, reportBelow: Int? = nil) -> [Synthetic] {
        guard b.count > 0 else { return [] }
        var lines: [Line] = []
        guard let base = b.baseAddress else { return [] }
        var i = 0
        while i < b.count {
            let end = memchr(base + i, 0x0A, b.count - i).map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base } ?? b.count
            var e = end
            if e > i && b[e - 1] == 0x0D { e -= 1 }
            lines.append(parse(b, i, e))
            i = end + 1
        }
        var out: [Synthetic] = []
        let limit = reportBelow ?? Int.max
        for (n, line) in lines.enumerated() {
            guard let value = line.value, let key = line.key, value.lowerBound < limit else { continue }
            let k = lower(b, key)
            if nameKeys.contains(k) {
                // `{"name": "X", "value": "..."}` on one line.
                let rest = parse(b, value.upperBound, line.end)
                if let rk = rest.key, let rv = rest.value, valueKeys.contains(lower(b, rk)), rv.lowerBound < limit {
                    out.append(synthetic(name: Array(unquoted(b, value)), b, value: rv, nameLine: n + 1))
                    continue
                }
            }
            if valueKeys.contains(k) {
                // `value:` after `name:` (or `"value"` after `"name"`), within reach above.
                for back in 0...nameValueReach where n - back >= 0 {
                    let above = lines[n - back]
                    guard back > 0 || above.key != line.key else { continue }
                    if let nk = above.key, let nv = above.value, nameKeys.contains(lower(b, nk)) {
                        out.append(synthetic(name: Array(unquoted(b, nv)), b, value: value, nameLine: n - back + 1))
                        break
                    }
                    // `"adminPassword": {` then `"value": "..."` (ARM parameters).
                    if back > 0, above.indent < line.indent, let nk = above.key {
                        if above.value.map({ b[$0.lowerBound] == UInt8(ascii: "{") }) ?? true {
                            out.append(synthetic(name: Array(unquoted(b, nk)), b, value: value, nameLine: n - back + 1))
                        }
                        break
                    }
                }
                continue
            }
            if credentialWords.contains(k), plausible(b, value) {
                if let sibling = siblingName(of: n, lines, b) ?? parentName(of: n, lines, b) {
                    let parent = sibling
                    out.append(synthetic(name: parent.name + Array("_".utf8) + Array(b[key]), b, value: value,
                                         nameLine: parent.line))
                }
            }
        }
        out += xmlPairs(b, lines, limit: limit)
        out += continuations(b, lines, limit: limit)
        return out
    }

    static func synthetic(name: [UInt8], _ b: UnsafeBufferPointer<UInt8>, value: Range<Int>, nameLine: Int) -> Synthetic {
        let text = name + Array("=".utf8) + Array(b[value])
        return Synthetic(text: text, valueStart: name.count + 1, origin: value.lowerBound, nameLine: nameLine)
    }

    /// The keys that hold a setting's name, and those that hold its value.
    static let nameKeys: Set<[UInt8]> = Set(["name", "key", "parameterkey", "optionname", "variable", "env", "setting"].map { Array($0.utf8) })
    static let valueKeys: Set<[UInt8]> = Set(["value", "parametervalue", "secretvalue"].map { Array($0.utf8) })
    /// Keys that say "a credential" but not whose: the section or parent above says that.
    static let credentialWords: Set<[UInt8]> = Set([
        "api_key", "apikey", "api-key", "key", "token", "secret", "password", "passwd", "access_token", "auth_token",
        "secret_key", "api_token", "client_secret", "access_key", "secret_access_key", "private_key", "authtoken",
        "bearer_token", "credentials", "credential",
    ].map { Array($0.utf8) })

    /// A sibling above in the same object that names what the credential is for:
    /// `"name": "mistral"` (or `provider`, `service`, `type`) then `"key": "..."`.
    static func siblingName(of n: Int, _ lines: [Line], _ b: UnsafeBufferPointer<UInt8>) -> (name: [UInt8], line: Int)? {
        let indent = lines[n].indent
        var k = n - 1
        while k >= 0 && n - k <= nameValueReach + 2 {
            let l = lines[k]
            if l.indent < indent { return nil }
            if l.indent == indent, let key = l.key, let value = l.value, siblingKeys.contains(lower(b, key)) {
                return (Array(unquoted(b, value)), k + 1)
            }
            k -= 1
        }
        return nil
    }

    static let siblingKeys: Set<[UInt8]> = Set(["name", "provider", "service", "type", "vendor"].map { Array($0.utf8) })

    /// The section header (`[openai]`, `[providers.mistral]`), YAML parent (`mistral:`) or HCL
    /// block (`provider "mistral" {`) that `n` sits under, within reach.
    static func parentName(of n: Int, _ lines: [Line], _ b: UnsafeBufferPointer<UInt8>) -> (name: [UInt8], line: Int)? {
        let indent = lines[n].indent
        var k = n - 1
        while k >= 0 && n - k <= parentReach {
            let l = lines[k]
            let text = trimmed(b, l.start..<l.end)
            if text.isEmpty || b[text.lowerBound] == UInt8(ascii: "#") { k -= 1; continue }
            if b[text.lowerBound] == UInt8(ascii: "[") && b[text.upperBound - 1] == UInt8(ascii: "]") {
                let inner = text.lowerBound + 1..<text.upperBound - 1
                return (Array(b[inner]).map { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "\"") ? UInt8(ascii: "_") : $0 }, k + 1)
            }
            if l.indent < indent {
                // YAML `name:` with nothing after it, or an HCL/JSON block opener.
                if let key = l.key, l.value.map({ b[$0.lowerBound] == UInt8(ascii: "{") }) ?? true {
                    return (Array(unquoted(b, key)), k + 1)
                }
                if b[text.upperBound - 1] == UInt8(ascii: "{") {
                    let words = Array(b[text]).split(whereSeparator: { $0 == 0x20 || $0 == 0x22 || $0 == UInt8(ascii: "{") })
                    if let last = words.last { return (Array(last), k + 1) }
                }
                return nil
            }
            k -= 1
        }
        return nil
    }

    /// `<key>X</key>` / `<name>X</name>` then `<string>Y</string>` / `<value>Y</value>`.
    static func xmlPairs(_ b: UnsafeBufferPointer<UInt8>, _ lines: [Line], limit: Int) -> [Synthetic] {
        var any = false
        xmlClosers.forEachStart(in: b) { _ in any = true }
        guard any else { return [] }
        var out: [Synthetic] = []
        for (n, line) in lines.enumerated() {
            let r = line.start..<line.end
            guard let name = element(b, r, "key") ?? element(b, r, "name") else { continue }
            let nameText = Array(b[name])
            for ahead in 0...xmlReach where n + ahead < lines.count {
                let l = lines[n + ahead]
                let from = ahead == 0 ? name.upperBound : l.start
                guard from < l.end, let v = element(b, from..<l.end, "string") ?? element(b, from..<l.end, "value"),
                      v.lowerBound < limit, plausible(b, v) else { continue }
                out.append(Synthetic(text: nameText + Array("=".utf8) + Array(b[v]), valueStart: nameText.count + 1,
                                     origin: v.lowerBound, nameLine: n + 1))
                break
            }
        }
        return out
    }

    /// Lines joined across a trailing `\`: each `\` and line break becomes spaces of the same
    /// length, so offsets in the synthetic text are offsets in the fragment.
    static func continuations(_ b: UnsafeBufferPointer<UInt8>, _ lines: [Line], limit: Int) -> [Synthetic] {
        var out: [Synthetic] = []
        var n = 0
        while n < lines.count {
            let l = lines[n]
            guard l.end > l.start, b[l.end - 1] == UInt8(ascii: "\\"), l.start < limit else { n += 1; continue }
            var last = n
            while last + 1 < lines.count && last - n < continuationLines,
                  lines[last].end > lines[last].start, b[lines[last].end - 1] == UInt8(ascii: "\\") { last += 1 }
            let range = l.start..<lines[last].end
            var text = Array(b[range])
            for k in text.indices where text[k] == 0x0A || text[k] == 0x0D || (text[k] == UInt8(ascii: "\\")
                && k + 1 < text.count && (text[k + 1] == 0x0A || text[k + 1] == 0x0D)) { text[k] = 0x20 }
            out.append(Synthetic(text: text, valueStart: 0, origin: l.start, nameLine: n + 1))
            n = last + 1
        }
        return out
    }

    // MARK: Bytes

    /// `key: value`, `key = value`, `"key": "value"` (the first one on the line).
    static func parse(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Line {
        var i = start
        while i < end && (b[i] == 0x20 || b[i] == 0x09) { i += 1 }
        var line = Line(start: start, end: end, indent: i - start)
        if i < end && b[i] == UInt8(ascii: "-") && i + 1 < end && b[i + 1] == 0x20 { i += 2 }
        while i < end && (b[i] == 0x20 || b[i] == 0x09 || b[i] == UInt8(ascii: "{") || b[i] == UInt8(ascii: ",")) { i += 1 }
        var quote: UInt8?
        if i < end && (b[i] == 0x22 || b[i] == 0x27) { quote = b[i]; i += 1 }
        let keyStart = i
        while i < end && i - keyStart < 64 {
            let c = b[i]
            if let q = quote { if c == q { break } } else if c == UInt8(ascii: ":") || c == UInt8(ascii: "=") || c == 0x20 || c == 0x09 { break }
            i += 1
        }
        guard i < end, i > keyStart, i - keyStart < 64 else { return line }
        let key = keyStart..<i
        if quote != nil { i += 1 }
        while i < end && (b[i] == 0x20 || b[i] == 0x09) { i += 1 }
        guard i < end, b[i] == UInt8(ascii: ":") || b[i] == UInt8(ascii: "=") else { return line }
        if i + 1 < end && (b[i + 1] == UInt8(ascii: ":") || b[i + 1] == UInt8(ascii: "=")) { return line }   // ::, ==
        i += 1
        line.key = key
        while i < end && (b[i] == 0x20 || b[i] == 0x09) { i += 1 }
        var valueEnd = end
        while valueEnd > i && (b[valueEnd - 1] == 0x20 || b[valueEnd - 1] == 0x09 || b[valueEnd - 1] == UInt8(ascii: ",")
            || b[valueEnd - 1] == UInt8(ascii: "}")) { valueEnd -= 1 }
        // A JSON line with more pairs: the value is the first string only.
        if i < valueEnd && b[i] == 0x22, let close = (i + 1..<valueEnd).first(where: { b[$0] == 0x22 && b[$0 - 1] != UInt8(ascii: "\\") }) {
            valueEnd = close + 1
            line.value = i..<valueEnd
            return line
        }
        if i < valueEnd { line.value = i..<valueEnd }
        return line
    }

    static func trimmed(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Range<Int> {
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi && (b[lo] == 0x20 || b[lo] == 0x09) { lo += 1 }
        while hi > lo && (b[hi - 1] == 0x20 || b[hi - 1] == 0x09) { hi -= 1 }
        return lo..<hi
    }

    static func unquoted(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> ArraySlice<UInt8> {
        let t = trimmed(b, r)
        if t.count >= 2, b[t.lowerBound] == b[t.upperBound - 1], b[t.lowerBound] == 0x22 || b[t.lowerBound] == 0x27 {
            return ArraySlice(b[(t.lowerBound + 1)..<(t.upperBound - 1)])
        }
        return ArraySlice(b[t])
    }

    static func lower(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> [UInt8] {
        b[r].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    }

    /// A value worth a synthetic line: 8 to 512 bytes unquoted, not a reference or a block.
    static func plausible(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        let v = unquoted(b, r)
        guard v.count >= 8, v.count <= 512, let first = v.first else { return false }
        return first != UInt8(ascii: "$") && first != UInt8(ascii: "{") && first != UInt8(ascii: "[")
            && first != UInt8(ascii: "|") && first != UInt8(ascii: ">") && first != UInt8(ascii: "&")
    }

    /// The text of the first `<tag>…</tag>` in `r`.
    static func element(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ tag: String) -> Range<Int>? {
        let open = Array("<\(tag)>".utf8), close = Array("</\(tag)>".utf8)
        guard let o = b.firstIndex(of: open, in: r) else { return nil }
        let from = o + open.count
        guard let c = b.firstIndex(of: close, in: from..<r.upperBound) else { return nil }
        return from..<c
    }

    /// The closing tags an XML or plist pair needs, found at memchr speed before any line is read.
    static let xmlClosers = LiteralFinder(["</key>", "</name>"])
}
