/// Base62 numbers with the alphabet `0-9A-Za-z`, as GitHub writes token checksums.
enum Base62 {
    static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)

    /// `value` in base62, left-padded with `0` to `width` characters.
    static func encode(_ value: UInt32, width: Int) -> String {
        var n = value
        var digits: [UInt8] = []
        while n > 0 {
            digits.append(alphabet[Int(n % 62)])
            n /= 62
        }
        while digits.count < width { digits.append(UInt8(ascii: "0")) }
        return String(decoding: digits.reversed(), as: UTF8.self)
    }
}
