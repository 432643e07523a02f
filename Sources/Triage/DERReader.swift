/// A minimal reader of DER (tag, length, value) elements, enough to walk private-key structures.
struct DERReader {
    /// ASN.1 tags the key parsers use.
    enum Tag {
        static let integer: UInt8 = 0x02
        static let octetString: UInt8 = 0x04
        static let null: UInt8 = 0x05
        static let oid: UInt8 = 0x06
        static let sequence: UInt8 = 0x30
        static let context0: UInt8 = 0xA0
    }

    /// The bytes not read yet.
    private(set) var rest: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) { rest = bytes }

    var isAtEnd: Bool { rest.isEmpty }

    /// The next element, or nil when the bytes end or the length is malformed.
    mutating func next() -> (tag: UInt8, value: ArraySlice<UInt8>)? {
        var i = rest.startIndex
        guard i < rest.endIndex else { return nil }
        let tag = rest[i]
        i += 1
        guard i < rest.endIndex else { return nil }
        var length = Int(rest[i])
        i += 1
        if length & 0x80 != 0 {
            let count = length & 0x7f
            guard count >= 1, count <= 4, rest.endIndex - i >= count else { return nil }
            length = 0
            for _ in 0..<count { length = (length << 8) | Int(rest[i]); i += 1 }
        }
        guard length >= 0, rest.endIndex - i >= length else { return nil }
        let value = rest[i..<(i + length)]
        rest = rest[(i + length)...]
        return (tag, value)
    }

    /// The next element's value if it has `tag`.
    mutating func next(_ tag: UInt8) -> ArraySlice<UInt8>? {
        guard let element = next(), element.tag == tag else { return nil }
        return element.value
    }

    /// Bits of an unsigned big-endian integer's magnitude (leading zero bytes and bits ignored).
    static func bitLength(_ integer: ArraySlice<UInt8>) -> Int {
        guard let first = integer.firstIndex(where: { $0 != 0 }) else { return 0 }
        return (integer.endIndex - first) * 8 - integer[first].leadingZeroBitCount
    }

    /// An OBJECT IDENTIFIER value as upper-case hex, the key of the name tables.
    static func hex(_ bytes: ArraySlice<UInt8>) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 0xf)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
