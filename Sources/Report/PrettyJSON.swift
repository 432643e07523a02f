/// JSON text written directly, byte for byte as `JSONEncoder` writes it with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`: two-space indents, `"key" : value`,
/// an empty container as `[` newline newline `]`. Some thirty times faster than the encoder on
/// reports with many findings (a report is written even after Ctrl-C, so its cost is felt).
/// The caller writes keys in sorted order; a test holds the output to the encoder's.
struct PrettyJSON {
    private(set) var bytes: [UInt8] = []
    /// Per open container: whether it has no element yet.
    private var empty: [Bool] = []

    init(reservingCapacity capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// The text written, ended by a newline (added to the bytes: no second copy of a large text).
    mutating func line() -> String {
        bytes.append(0x0A)
        return String(decoding: bytes, as: UTF8.self)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: Containers

    mutating func object(_ body: (inout PrettyJSON) -> Void) { open(UInt8(ascii: "{")); body(&self); close(UInt8(ascii: "}")) }
    mutating func array(_ body: (inout PrettyJSON) -> Void) { open(UInt8(ascii: "[")); body(&self); close(UInt8(ascii: "]")) }

    /// Starts the next member of the open object: `"key" : `, the value to follow.
    mutating func key(_ key: String) {
        element()
        quoted(key)
        bytes.append(contentsOf: [0x20, UInt8(ascii: ":"), 0x20])
    }

    /// Starts the next element of the open array.
    mutating func element() {
        if empty[empty.count - 1] { empty[empty.count - 1] = false } else { bytes.append(UInt8(ascii: ",")) }
        newline(depth: empty.count)
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        empty.append(true)
    }

    private mutating func close(_ bracket: UInt8) {
        if empty.removeLast() { bytes.append(0x0A) }
        newline(depth: empty.count)
        bytes.append(bracket)
    }

    private mutating func newline(depth: Int) {
        bytes.append(0x0A)
        for _ in 0..<depth { bytes.append(0x20); bytes.append(0x20) }
    }

    // MARK: Values

    mutating func null() { bytes.append(contentsOf: Array("null".utf8)) }

    mutating func string(_ value: String?) {
        guard let value else { return null() }
        quoted(value)
    }

    mutating func int(_ value: Int) { bytes.append(contentsOf: Array(String(value).utf8)) }

    mutating func bool(_ value: Bool?) {
        guard let value else { return null() }
        bytes.append(contentsOf: Array((value ? "true" : "false").utf8))
    }

    /// A finite double as the encoder writes it: the shortest text that reads back the same,
    /// whole numbers without `.0`.
    mutating func double(_ value: Double) {
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: Array(text.utf8))
    }

    mutating func strings(_ values: [String]?) {
        guard let values else { return null() }
        array { json in
            for v in values { json.element(); json.string(v) }
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    private mutating func quoted(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        for b in value.utf8 {
            switch b {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0..<0x20:
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                          PrettyJSON.hex[Int(b >> 4)], PrettyJSON.hex[Int(b & 0xF)]])
            default: bytes.append(b)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
