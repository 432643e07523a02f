/// File names as bytes, for display: a name need not be UTF-8, and decoding it lossily would
/// turn `a\xFF` and `a\xFE` into the same `a\u{FFFD}`, so two files would share one path and one
/// fingerprint. Valid UTF-8 is kept as it is; each byte that is not part of a well-formed
/// sequence becomes `\xNN` (as `DisplayPath` writes control characters), so the display path
/// is valid UTF-8 (JSON, SARIF) and different for every different name.
public enum FileName {
    /// The bytes as text, invalid bytes escaped as `\xNN`.
    public static func display(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        var i = 0
        while i < bytes.count {
            let n = sequenceLength(bytes, at: i)
            if n > 0 {
                out += bytes[i..<i + n]
                i += n
            } else {
                let hex = Array("0123456789ABCDEF".utf8)
                out += [UInt8(ascii: "\\"), UInt8(ascii: "x"), hex[Int(bytes[i] >> 4)], hex[Int(bytes[i] & 0xF)]]
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes a display path stands for: `\xNN` of a byte 0x80 or above back to that byte.
    /// (A name holding the text `\xFF` itself reads back as the byte: only for finding a file
    /// again, e.g. its modification time, when the text does not name one.)
    public static func bytes(display: String) -> [UInt8] {
        let text = Array(display.utf8)
        var out: [UInt8] = []
        var i = 0
        func hexValue(_ b: UInt8) -> UInt8? {
            switch b {
            case 0x30...0x39: b - 0x30
            case 0x41...0x46: b - 0x37
            default: nil
            }
        }
        while i < text.count {
            if text[i] == UInt8(ascii: "\\"), i + 3 < text.count, text[i + 1] == UInt8(ascii: "x"),
               let h = hexValue(text[i + 2]), let l = hexValue(text[i + 3]), h >= 8 {
                out.append(h << 4 | l)
                i += 4
            } else {
                out.append(text[i])
                i += 1
            }
        }
        return out
    }

    /// Length of the well-formed UTF-8 sequence at `i` (shortest form, no surrogates), or 0.
    static func sequenceLength(_ b: [UInt8], at i: Int) -> Int {
        let lead = b[i]
        if lead < 0x80 { return 1 }
        let count: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: count = 1
        case 0xE0: count = 2; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: count = 2
        case 0xED: count = 2; high = 0x9F
        case 0xF0: count = 3; low = 0x90
        case 0xF1...0xF3: count = 3
        case 0xF4: count = 3; high = 0x8F
        default: return 0
        }
        guard i + count < b.count else { return 0 }
        for k in 1...count {
            let c = b[i + k]
            if c < (k == 1 ? low : 0x80) || c > (k == 1 ? high : 0xBF) { return 0 }
        }
        return count + 1
    }
}
