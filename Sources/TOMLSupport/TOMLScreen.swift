/// Screens TOML text for what TOMLKit's parser (toml++ 3.4) cannot take: inputs that trip one of
/// its internal assertions — an abort in debug builds, undefined behaviour (`__builtin_assume`)
/// in release ones. Found by fuzzing (docs/fuzzing.md); each is invalid TOML, so it is reported
/// as an ordinary syntax error instead:
/// - a table header whose key starts with a character that starts no key (`[&`, `[[=`), toml++
///   issue #294 (its `parse_key` assumes a key character);
/// - a `}` where an array expects a value (`[1, }`), and U+0085, U+2028, U+2029 outside strings
///   (its `parse_value` assumes no value terminator);
/// - a date followed by `T` and no digit in a value (`k = 1979-05-27Tz7:32:00Z`; its
///   `parse_time` assumes a digit).
/// A small lexer tracks strings, comments and the brackets of values to find table headers where
/// toml++ reads them: at the start of a line, outside strings, arrays and inline tables.
public enum TOMLScreen {
    /// The 1-based line and description of the first such problem, or nil when there is none.
    public static func problem(in text: String) -> (line: Int, message: String)? {
        let s = Array(text.unicodeScalars)
        let n = s.count
        var i = 0
        var line = 1
        var open: [Unicode.Scalar] = []   // the `[` and `{` of values not closed yet
        var atLineStart = true           // only blanks since the line began
        var afterEquals = false          // a value follows (outside arrays: they hold only values)
        func isDigit(_ j: Int) -> Bool { j < n && s[j].value >= 0x30 && s[j].value <= 0x39 }
        /// `YYYY-MM-DD` then `T` or `t` at `j`, with no digit after the `T`.
        func dateWithoutTime(at j: Int) -> Bool {
            for k in [0, 1, 2, 3, 5, 6, 8, 9] where !isDigit(j + k) { return false }
            guard j + 10 < n, s[j + 4] == "-", s[j + 7] == "-", s[j + 10] == "T" || s[j + 10] == "t" else { return false }
            return !isDigit(j + 11)
        }
        func isKeyStart(_ c: Unicode.Scalar) -> Bool {
            switch c {
            case "A"..."Z", "a"..."z", "0"..."9", "-", "_", "\"", "'": return true
            default: return false
            }
        }
        func blanks(_ j: inout Int) { while j < n && (s[j] == " " || s[j] == "\t") { j += 1 } }
        func starts(_ q: Unicode.Scalar, at j: Int) -> Bool { j + 2 < n && s[j] == q && s[j + 1] == q && s[j + 2] == q }
        /// Skips a string opened at `i` (quote `q`, multi-line when `long`); escapes in basic ones.
        func skipString(_ q: Unicode.Scalar, long: Bool) {
            i += long ? 3 : 1
            while i < n {
                let c = s[i]
                if c == "\\" && q == "\"" { if i + 1 < n && s[i + 1] == "\n" { line += 1 }; i += 2; continue }
                if c == "\n" { if !long { return }; line += 1 }
                if c == q && (!long || starts(q, at: i)) { i += long ? 3 : 1; return }
                i += 1
            }
        }
        while i < n {
            let c = s[i]
            switch c {
            case "\n":
                line += 1; atLineStart = true; afterEquals = false; i += 1
            case "=":
                afterEquals = true; atLineStart = false; i += 1
            case ",":
                afterEquals = false; atLineStart = false; i += 1
            case " ", "\t", "\r", "\u{FEFF}":
                i += 1
            case "#":
                while i < n && s[i] != "\n" { i += 1 }
            case "\"", "'":
                skipString(c, long: starts(c, at: i)); atLineStart = false
            case "[" where open.isEmpty && atLineStart:
                // A table header: `[` or `[[`, blanks, then a key (or `]`, which toml++ reports).
                var j = i + 1
                blanks(&j)
                if j < n && s[j] == "[" { j += 1; blanks(&j) }
                if j < n && s[j] != "]" && !isKeyStart(s[j]) {
                    return (line, "a table header's key must start with a letter, digit, '-', '_' or a quote")
                }
                while i < n && s[i] != "\n" { i += 1 }   // the rest of the header line
            case "[", "{":
                open.append(c); atLineStart = false; afterEquals = false; i += 1
            case "]", "}":
                if let last = open.last {
                    if (last == "[") != (c == "]") { return (line, "'\(c)' does not close the '\(last)' before it") }
                    open.removeLast()
                }
                atLineStart = false; i += 1
            case "\u{85}", "\u{2028}", "\u{2029}":
                return (line, "U+\(String(c.value, radix: 16, uppercase: true)) is not a line break in TOML")
            default:
                if (afterEquals || open.last == "[") && dateWithoutTime(at: i) {
                    return (line, "a date-time needs a time after its 'T'")
                }
                atLineStart = false; i += 1
            }
        }
        return nil
    }
}
