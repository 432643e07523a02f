#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the fingerprints of a baseline (a leakscope JSON report) as a stream: a byte-level
/// JSON reader that checks the whole document's syntax as it goes, keeps only
/// `findings[*].fingerprint`, and holds one read buffer, never the document. A 100 MB report
/// costs about its fingerprints in memory (JSONSerialization built every object: 50 times the
/// file's size).
///
/// What it finds wrong, first to last: the syntax (line of the byte where it fails), then the
/// shape (no `findings` array at the top), then the first finding without a non-empty string
/// `fingerprint` (line of the finding's start), as `JSONSerialization` followed by the old
/// checks reported them.
struct BaselineReader {
    enum Failure: Error, Equatable {
        case syntax(line: Int)
        case noFindings
        case noFingerprint(index: Int, line: Int)
    }

    /// Bytes read at a time.
    static let readSize = 64 << 10
    /// Deepest nesting accepted (a hostile file cannot exhaust the stack).
    static let maxDepth = 512

    private let fill: (UnsafeMutableRawBufferPointer) -> Int
    private var buffer: UnsafeMutableRawBufferPointer
    private var bytes: UnsafePointer<UInt8>
    private var position = 0
    private var end = 0
    private var atEOF = false
    private(set) var line = 1
    /// A read error's errno, if the source failed.
    private(set) var readError: Int32 = 0

    private var fingerprints = Set<String>()
    private var sawFindings = false
    private var missing: (index: Int, line: Int)?

    /// `fill` puts up to `count` bytes in the buffer it is given and returns how many (0 at the
    /// end, -1 on an error with `errno` set).
    init(fill: @escaping (UnsafeMutableRawBufferPointer) -> Int) {
        self.fill = fill
        buffer = .allocate(byteCount: BaselineReader.readSize, alignment: 16)
        bytes = UnsafePointer(buffer.baseAddress!.assumingMemoryBound(to: UInt8.self))
    }

    /// Reads `fd` to its end.
    static func fingerprints(fd: Int32) -> (Result<Set<String>, Failure>, errno: Int32) {
        var reader = BaselineReader { buf in
            while true {
                let n = read(fd, buf.baseAddress!, buf.count)
                if n < 0 && errno == EINTR { continue }
                return n
            }
        }
        defer { reader.buffer.deallocate() }
        let result = reader.run()
        return (result, reader.readError)
    }

    /// Reads bytes already in memory.
    static func fingerprints(_ data: [UInt8]) -> Result<Set<String>, Failure> {
        var offset = 0
        var reader = BaselineReader { buf in
            let n = min(buf.count, data.count - offset)
            data.withUnsafeBytes { src in
                if n > 0 { buf.baseAddress!.copyMemory(from: src.baseAddress! + offset, byteCount: n) }
            }
            offset += n
            return n
        }
        defer { reader.buffer.deallocate() }
        return reader.run()
    }

    private mutating func run() -> Result<Set<String>, Failure> {
        do throws(Failure) {
            skipBlanks()
            guard let first = peek() else { throw Failure.syntax(line: line) }
            if first == UInt8(ascii: "{") { try rootObject() } else { try value(depth: 1) }
            skipBlanks()
            if peek() != nil || readError != 0 { throw Failure.syntax(line: line) }
        } catch {
            return .failure(error)
        }
        if !sawFindings { return .failure(.noFindings) }
        if let missing { return .failure(.noFingerprint(index: missing.index, line: missing.line)) }
        return .success(fingerprints)
    }

    // MARK: Bytes

    /// The next byte without taking it; nil at the end (or on a read error).
    @inline(__always) private mutating func peek() -> UInt8? {
        if position == end && !refill() { return nil }
        return bytes[position]
    }

    @inline(__always) private mutating func take() -> UInt8? {
        if position == end && !refill() { return nil }
        let b = bytes[position]
        position += 1
        if b == 0x0A { line += 1 }
        return b
    }

    private mutating func refill() -> Bool {
        if atEOF { return false }
        let n = fill(buffer)
        if n <= 0 {
            atEOF = true
            if n < 0 { readError = errno == 0 ? EIO : errno }
            return false
        }
        position = 0
        end = n
        return true
    }

    private mutating func skipBlanks() {
        while let b = peek(), b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D { _ = take() }
    }

    private mutating func expect(_ byte: UInt8) throws(Failure) {
        guard take() == byte else { throw .syntax(line: line) }
    }

    // MARK: Grammar

    /// The top object: its `findings` member is read as the findings array, the rest skipped.
    private mutating func rootObject() throws(Failure) {
        try expect(UInt8(ascii: "{"))
        try members(depth: 1) { (reader: inout BaselineReader, key: [UInt8]?) throws(Failure) in
            if key == Array("findings".utf8), reader.peek() == UInt8(ascii: "[") {
                reader.sawFindings = true
                try reader.findings()
            } else {
                try reader.value(depth: 2)
            }
        }
    }

    /// The findings array: each element's `fingerprint`, or the first element without one.
    private mutating func findings() throws(Failure) {
        try expect(UInt8(ascii: "["))
        var index = 0
        try elements(depth: 2) { (reader: inout BaselineReader) throws(Failure) in
            let startLine = reader.line
            var found: String?
            if reader.peek() == UInt8(ascii: "{") {
                _ = reader.take()
                try reader.members(depth: 3) { (reader: inout BaselineReader, key: [UInt8]?) throws(Failure) in
                    if key == Array("fingerprint".utf8), reader.peek() == UInt8(ascii: "\"") {
                        _ = reader.take()
                        let text = String(decoding: try reader.string(keep: true) ?? [], as: UTF8.self)
                        found = text.isEmpty ? nil : text
                    } else {
                        try reader.value(depth: 4)
                    }
                }
            } else {
                try reader.value(depth: 3)
            }
            if let found { reader.fingerprints.insert(found) } else if reader.missing == nil {
                reader.missing = (index, startLine)
            }
            index += 1
        }
    }

    /// The members of an object after its `{`, through its `}`: `member(reader, key)` reads each
    /// value (the reader stands on it); `key` is kept only when short (the names looked for are).
    private mutating func members(depth: Int,
                                  _ member: (inout BaselineReader, [UInt8]?) throws(Failure) -> Void) throws(Failure) {
        guard depth <= BaselineReader.maxDepth else { throw .syntax(line: line) }
        skipBlanks()
        if peek() == UInt8(ascii: "}") { _ = take(); return }
        while true {
            skipBlanks()
            try expect(UInt8(ascii: "\""))
            let key = try string(keep: true, limit: 16)
            skipBlanks()
            try expect(UInt8(ascii: ":"))
            skipBlanks()
            try member(&self, key)
            skipBlanks()
            switch take() {
            case UInt8(ascii: ","): continue
            case UInt8(ascii: "}"): return
            default: throw .syntax(line: line)
            }
        }
    }

    /// The elements of an array after its `[`, through its `]`.
    private mutating func elements(depth: Int, _ element: (inout BaselineReader) throws(Failure) -> Void) throws(Failure) {
        guard depth <= BaselineReader.maxDepth else { throw .syntax(line: line) }
        skipBlanks()
        if peek() == UInt8(ascii: "]") { _ = take(); return }
        while true {
            skipBlanks()
            try element(&self)
            skipBlanks()
            switch take() {
            case UInt8(ascii: ","): continue
            case UInt8(ascii: "]"): return
            default: throw .syntax(line: line)
            }
        }
    }

    /// Any JSON value, checked and skipped.
    private mutating func value(depth: Int) throws(Failure) {
        guard depth <= BaselineReader.maxDepth, let b = take() else { throw .syntax(line: line) }
        switch b {
        case UInt8(ascii: "{"): try members(depth: depth + 1) { (r: inout BaselineReader, _: [UInt8]?) throws(Failure) in try r.value(depth: depth + 1) }
        case UInt8(ascii: "["): try elements(depth: depth + 1) { (r: inout BaselineReader) throws(Failure) in try r.value(depth: depth + 1) }
        case UInt8(ascii: "\""): _ = try string(keep: false)
        case UInt8(ascii: "t"): try literal("rue")
        case UInt8(ascii: "f"): try literal("alse")
        case UInt8(ascii: "n"): try literal("ull")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number(first: b)
        default: throw .syntax(line: line)
        }
    }

    private mutating func literal(_ rest: StaticString) throws(Failure) {
        let p = rest.utf8Start
        for i in 0..<rest.utf8CodeUnitCount { try expect(p[i]) }
    }

    /// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, its first byte taken.
    private mutating func number(first: UInt8) throws(Failure) {
        func isDigit(_ b: UInt8?) -> Bool { b.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
        var lead = first
        if lead == UInt8(ascii: "-") {
            guard let b = take(), isDigit(b) else { throw .syntax(line: line) }
            lead = b
        }
        if lead != UInt8(ascii: "0") { while isDigit(peek()) { _ = take() } }
        if peek() == UInt8(ascii: ".") {
            _ = take()
            guard isDigit(peek()) else { throw .syntax(line: line) }
            while isDigit(peek()) { _ = take() }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            _ = take()
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { _ = take() }
            guard isDigit(peek()) else { throw .syntax(line: line) }
            while isDigit(peek()) { _ = take() }
        }
    }

    /// A string after its opening quote, through the closing one: escapes and UTF-8 checked.
    /// With `keep`, its decoded bytes (nil when longer than `limit`); else nil.
    private mutating func string(keep: Bool, limit: Int = .max) throws(Failure) -> [UInt8]? {
        var out: [UInt8]? = keep ? [] : nil
        @inline(__always) func append(_ b: UInt8) {
            if out != nil { if out!.count < limit { out!.append(b) } else { out = nil } }
        }
        while true {
            // The common run: plain ASCII bytes up to a quote, backslash or non-ASCII byte.
            if position == end && !refill() { throw .syntax(line: line) }
            let b = bytes[position]
            position += 1
            switch b {
            case UInt8(ascii: "\""):
                return out
            case UInt8(ascii: "\\"):
                guard let e = take() else { throw .syntax(line: line) }
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): append(e)
                case UInt8(ascii: "b"): append(0x08)
                case UInt8(ascii: "f"): append(0x0C)
                case UInt8(ascii: "n"): append(0x0A)
                case UInt8(ascii: "r"): append(0x0D)
                case UInt8(ascii: "t"): append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if scalar >= 0xD800 && scalar <= 0xDBFF {
                        // A high surrogate must be followed by an escaped low one.
                        try expect(UInt8(ascii: "\\")); try expect(UInt8(ascii: "u"))
                        let low = try hex4()
                        guard low >= 0xDC00 && low <= 0xDFFF else { throw .syntax(line: line) }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
                        throw .syntax(line: line)
                    }
                    if out != nil { for u in String(Unicode.Scalar(scalar)!).utf8 { append(u) } }
                default: throw .syntax(line: line)
                }
            case 0x00..<0x20:
                if b == 0x0A { line += 1 }
                throw .syntax(line: line)   // a raw control character (newline included)
            case 0x80...:
                try utf8Continuation(lead: b, append: append)
            default:
                append(b)
            }
        }
    }

    /// The rest of a UTF-8 sequence that starts with `lead` (well formed, shortest form).
    private mutating func utf8Continuation(lead: UInt8, append: (UInt8) -> Void) throws(Failure) {
        let count: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF   // allowed range of the second byte
        switch lead {
        case 0xC2...0xDF: count = 1
        case 0xE0: count = 2; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: count = 2
        case 0xED: count = 2; high = 0x9F
        case 0xF0: count = 3; low = 0x90
        case 0xF1...0xF3: count = 3
        case 0xF4: count = 3; high = 0x8F
        default: throw .syntax(line: line)
        }
        append(lead)
        for i in 0..<count {
            guard let c = take(), c >= (i == 0 ? low : 0x80), c <= (i == 0 ? high : 0xBF) else { throw .syntax(line: line) }
            append(c)
        }
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard let h = take() else { throw .syntax(line: line) }
            switch h {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): v = v << 4 | UInt32(h - 0x30)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): v = v << 4 | UInt32(h - 0x57)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): v = v << 4 | UInt32(h - 0x37)
            default: throw .syntax(line: line)
            }
        }
        return v
    }
}
