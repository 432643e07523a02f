/// Reads SSH wire encoding (RFC 4251: uint32, length-prefixed strings and mpints), used by
/// OpenSSH private key files and PuTTY public blobs.
struct SSHWireReader {
    /// The bytes not read yet.
    private(set) var rest: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) { rest = bytes }

    /// A big-endian 32-bit integer.
    mutating func uint32() -> UInt32? {
        guard rest.count >= 4 else { return nil }
        let v = rest.prefix(4).reduce(UInt32(0)) { ($0 << 8) | UInt32($1) }
        rest = rest.dropFirst(4)
        return v
    }

    /// A length-prefixed byte string (also how mpints are framed).
    mutating func string() -> ArraySlice<UInt8>? {
        guard let n = uint32(), rest.count >= Int(n) else { return nil }
        let s = rest.prefix(Int(n))
        rest = rest.dropFirst(Int(n))
        return s
    }

    /// A length-prefixed string as text.
    mutating func text() -> String? { string().map { String(decoding: $0, as: UTF8.self) } }
}
