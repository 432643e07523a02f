/// Base64 decoding for both alphabets: standard (`+/`, PEM bodies) and URL-safe (`-_`, JWTs).
enum Base64 {
    /// Value of each ASCII byte in either alphabet, or -1.
    private static let values: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (i, c) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8.enumerated() {
            table[Int(c)] = Int8(i)
        }
        table[Int(UInt8(ascii: "+"))] = 62
        table[Int(UInt8(ascii: "-"))] = 62
        table[Int(UInt8(ascii: "/"))] = 63
        table[Int(UInt8(ascii: "_"))] = 63
        return table
    }()

    /// Decodes `text`; padding is optional, and blanks are skipped when `ignoringWhitespace`.
    /// Returns nil on a foreign character, on data after padding, or on an impossible length.
    static func decode(_ text: some StringProtocol, ignoringWhitespace: Bool = false) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 3 / 4)
        var buffer: UInt32 = 0
        var count = 0          // symbols in the current quantum
        var padding = 0
        for c in text.utf8 {
            if ignoringWhitespace && (c == 0x20 || c == 0x09 || c == 0x0a || c == 0x0d) { continue }
            if c == UInt8(ascii: "=") { padding += 1; continue }
            if padding > 0 { return nil }
            let v = values[Int(c)]
            if v < 0 { return nil }
            buffer = (buffer << 6) | UInt32(v)
            count += 1
            if count == 4 {
                out.append(UInt8((buffer >> 16) & 0xff))
                out.append(UInt8((buffer >> 8) & 0xff))
                out.append(UInt8(buffer & 0xff))
                buffer = 0
                count = 0
            }
        }
        switch count {
        case 0: break
        case 2: out.append(UInt8((buffer >> 4) & 0xff))
        case 3:
            out.append(UInt8((buffer >> 10) & 0xff))
            out.append(UInt8((buffer >> 2) & 0xff))
        default: return nil   // a single leftover symbol carries less than a byte
        }
        if padding > 2 { return nil }
        return out
    }
}
