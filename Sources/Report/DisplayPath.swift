/// A path as a terminal or a spreadsheet may show it: control characters (ESC, newline, tab,
/// DEL, C1 controls) become `\xNN`, so a hostile file name can neither rewrite the terminal nor
/// split a row. JSON and SARIF keep the path as it is (their escaping is already safe).
func displayPath(_ path: String) -> String {
    guard path.unicodeScalars.contains(where: isControl) else { return path }
    var out = ""
    for s in path.unicodeScalars {
        if isControl(s) {
            let hex = String(s.value, radix: 16, uppercase: true)
            out += "\\x" + (hex.count < 2 ? "0" + hex : hex)
        } else {
            out.unicodeScalars.append(s)
        }
    }
    return out
}

private func isControl(_ s: Unicode.Scalar) -> Bool {
    s.value < 0x20 || s.value == 0x7F || (s.value >= 0x80 && s.value < 0xA0)
}
