/// A line and column (1-based, column in characters) in a file.
struct TextPosition: Equatable, Sendable {
    var line = 1
    var column = 1

    /// The position of `bytes[end]`, when `bytes` start at this position (bytes past `end` are
    /// only looked at to tell `\r\n` from a lone `\r`).
    func advanced(over bytes: UnsafeBufferPointer<UInt8>, to end: Int) -> TextPosition {
        var p = self
        var i = 0
        while i < end {
            let b = bytes[i]
            if b == 0x0A || (b == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A)) {
                p.line += 1; p.column = 1
            } else if b & 0xC0 != 0x80 && b != 0x0D {
                p.column += 1
            }
            i += 1
        }
        return p
    }
}

/// Walks forward through a buffer counting lines; `\n`, `\r\n` and a lone `\r` each end a line.
struct LineCursor {
    private var offset = 0
    private var line: Int
    private var lineStart = 0

    init(line: Int = 1) { self.line = line }

    /// The 1-based line holding `target`, and the offset where that line starts. Targets must
    /// not decrease between calls.
    mutating func advance(to target: Int, in buffer: UnsafeBufferPointer<UInt8>) -> (line: Int, lineStart: Int) {
        var i = offset
        while i < target {
            let b = buffer[i]
            if b == 0x0A {
                line += 1; lineStart = i + 1
            } else if b == 0x0D && (i + 1 >= buffer.count || buffer[i + 1] != 0x0A) {
                line += 1; lineStart = i + 1
            }
            i += 1
        }
        offset = max(offset, target)
        return (line, lineStart)
    }
}
