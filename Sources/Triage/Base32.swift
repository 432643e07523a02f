/// RFC 4648 base32 (alphabet `A-Z2-7`, no padding needed), the encoding of AWS key ids.
enum Base32 {
    /// Value of each ASCII byte in the alphabet, or -1.
    private static let values: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (i, c) in "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8.enumerated() { table[Int(c)] = Int8(i) }
        return table
    }()

    /// Decodes `text` (upper case, trailing `=` allowed); nil on any other character.
    /// Leftover bits that do not fill a byte are dropped, as decoders do for unpadded input.
    static func decode(_ text: some StringProtocol) -> [UInt8]? {
        var out: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for c in text.utf8 {
            if c == UInt8(ascii: "=") { break }
            let v = values[Int(c)]
            if v < 0 { return nil }
            buffer = (buffer << 5) | UInt32(v)
            bits += 5
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((buffer >> UInt32(bits)) & 0xff))
            }
        }
        return out
    }
}
