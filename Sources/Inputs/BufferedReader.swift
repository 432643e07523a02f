import Foundation

/// Reads lines and fixed-size records from a file descriptor through one buffer.
struct BufferedReader {
    let fd: Int32
    var buffer: [UInt8]
    var start = 0
    var end = 0

    init(fd: Int32, capacity: Int = 1 << 16) {
        self.fd = fd
        buffer = [UInt8](repeating: 0, count: capacity)
    }

    /// Refills; false at end of file.
    mutating func fill() -> Bool {
        if start > 0 {
            buffer.withUnsafeMutableBufferPointer { b in
                _ = memmove(b.baseAddress!, b.baseAddress! + start, end - start)
            }
            end -= start; start = 0
        }
        if end == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
        var n: Int
        repeat {
            n = buffer.withUnsafeMutableBufferPointer { b in Foundation.read(fd, b.baseAddress! + end, b.count - end) }
        } while n < 0 && errno == EINTR   // a signal is not the end of the stream
        if n <= 0 { return false }
        end += n
        return true
    }

    mutating func readLine() -> ArraySlice<UInt8>? {
        var scanned = start
        while true {
            let nl = buffer.withUnsafeBufferPointer { b in
                memchr(b.baseAddress! + scanned, 0x0A, end - scanned)
                    .map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - b.baseAddress! }
            }
            if let nl {
                let line = buffer[start..<nl]
                start = nl + 1
                return line
            }
            scanned = end
            let offset = start
            guard fill() else { return nil }
            scanned -= offset
        }
    }

    /// The next `count` bytes; nil when the input ends first. What the buffer holds is copied,
    /// the rest is read straight into the result (no second copy for large records). Memory is
    /// taken as the bytes arrive, at most `upfront` ahead of them, whatever `count` claims (a
    /// corrupt header cannot make it reserve petabytes).
    mutating func read(count: Int) -> [UInt8]? {
        guard count > BufferedReader.upfront else { return readUpfront(count: count) }
        var out: [UInt8] = []
        var left = count
        while left > 0 {
            guard let piece = readUpfront(count: min(left, BufferedReader.upfront)) else { return nil }
            out += piece
            left -= piece.count
        }
        return out
    }

    static let upfront = 64 << 20

    private mutating func readUpfront(count: Int) -> [UInt8]? {
        var complete = true
        let out = [UInt8](unsafeUninitializedCapacity: count) { dst, initialized in
            var filled = 0
            while filled < count {
                if start == end {
                    if count - filled >= buffer.count / 2 {
                        let n = Foundation.read(fd, dst.baseAddress! + filled, count - filled)
                        if n < 0 && errno == EINTR { continue }   // a signal is not the end of the stream
                        if n <= 0 { complete = false; break }
                        filled += n
                        continue
                    }
                    guard fill() else { complete = false; break }
                }
                let take = min(count - filled, end - start)
                buffer.withUnsafeBufferPointer { b in
                    (dst.baseAddress! + filled).update(from: b.baseAddress! + start, count: take)
                }
                start += take
                filled += take
            }
            initialized = filled
        }
        return complete ? out : nil
    }

    /// Drops the next `count` bytes; false when the input ends first.
    mutating func skip(count: Int) -> Bool {
        var left = count
        while left > 0 {
            if start == end { guard fill() else { return false } }
            let take = min(left, end - start)
            start += take
            left -= take
        }
        return true
    }
}
