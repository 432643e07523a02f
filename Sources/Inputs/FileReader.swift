#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads files into one reusable buffer (one reader per worker thread): never blocks on a FIFO,
/// skips what is too large or binary, turns UTF-16 with a BOM into UTF-8.
public final class FileReader {
    /// How many leading bytes are searched for a NUL to call a file binary (git and ripgrep do alike).
    public static let binaryProbe = 8192

    public let maxFileSize: Int
    public let followSymlinks: Bool
    private var buffer: UnsafeMutableRawBufferPointer
    private var decoded: [UInt8] = []

    /// Files larger than this are read in overlapping chunks of this size, so memory stays
    /// bounded whatever `maxFileSize` allows.
    public let chunkSize: Int
    /// Bytes each chunk repeats from the end of the previous one: more than any match can span
    /// (multi-line windows, private keys), so a secret across a boundary is whole in one chunk.
    public let overlap: Int

    public enum Outcome {
        /// The file's bytes, valid until the next `read`.
        case content(UnsafeBufferPointer<UInt8>)
        /// A file above `chunkSize`: still open, to be read with `readChunks`.
        case large(LargeFile)
        case skipped(SkipReason, String?)
    }

    /// How a chunked read ended.
    public enum ChunkedRead: Equatable {
        case done
        /// The first chunk holds a NUL byte: nothing was scanned.
        case binary
        /// A read failed part way.
        case failed(String)
        /// `shouldStop` said so between two chunks (Ctrl-C): the rest of the file was not read.
        case stopped
    }

    /// An open file too large to hold at once.
    public struct LargeFile {
        let fd: Int32
        public let size: Int
    }

    public init(maxFileSize: Int, followSymlinks: Bool = false, chunkSize: Int = 16 << 20, overlap: Int = 64 << 10) {
        self.maxFileSize = maxFileSize
        self.followSymlinks = followSymlinks
        self.chunkSize = max(chunkSize, 2 * overlap + 1)
        self.overlap = overlap
        buffer = .allocate(byteCount: 64 * 1024, alignment: 16)
    }

    /// Reads a large file chunk by chunk: `body(chunk, reportBelow)` where matches whose secret
    /// starts at or after `reportBelow` belong to the next chunk (which repeats those bytes).
    /// UTF-16 with a byte-order mark is decoded to UTF-8 on the way, as `read` decodes a small
    /// file: chunks, overlap and `reportBelow` are then in UTF-8 bytes. `shouldStop` is asked
    /// before each chunk is read (and every `utf16ReadSize` bytes of UTF-16): when it says yes,
    /// reading ends with `.stopped`, so a cancelled scan leaves a file of any size within one
    /// chunk's time. Closes the file.
    public func readChunks(_ file: LargeFile, shouldStop: () -> Bool = { false },
                           body: (UnsafeBufferPointer<UInt8>, Int) -> Void) -> ChunkedRead {
        defer { close(file.fd) }
        if chunkSize > buffer.count {
            buffer.deallocate()
            buffer = .allocate(byteCount: chunkSize, alignment: 16)
        }
        var mark: (UInt8, UInt8) = (0, 0)
        if pread(file.fd, &mark, 2, 0) == 2 {
            if mark == (0xFF, 0xFE) { return readUTF16Chunks(file, littleEndian: true, shouldStop: shouldStop, body: body) }
            if mark == (0xFE, 0xFF) { return readUTF16Chunks(file, littleEndian: false, shouldStop: shouldStop, body: body) }
        }
        let base = buffer.baseAddress!
        var filled = 0
        var first = true
        while true {
            if shouldStop() { return .stopped }
            // Fill the buffer after the carried-over overlap.
            var eof = false
            while filled < chunkSize {
                let n = Glibc.read(file.fd, base + filled, chunkSize - filled)
                if n < 0 {
                    if errno == EINTR { continue }
                    return .failed(String(cString: strerror(errno)))
                }
                if n == 0 { eof = true; break }
                filled += n
            }
            let chunk = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: filled)
            if first, case .binary = ContentCheck.classify(chunk) { return .binary }
            first = false
            if eof {
                body(chunk, filled)
                return .done
            }
            body(chunk, filled - overlap)
            memmove(base, base + filled - overlap, overlap)
            filled = overlap
        }
    }

    /// Reads a stream (standard input, a pipe) as a large file of unknown size: in overlapping
    /// chunks, so memory stays bounded whatever its length. Closes `fd`.
    public func readStream(fd: Int32, shouldStop: () -> Bool = { false },
                           body: (UnsafeBufferPointer<UInt8>, Int) -> Void) -> ChunkedRead {
        readChunks(LargeFile(fd: fd, size: 0), shouldStop: shouldStop, body: body)
    }

    /// Raw UTF-16 bytes read at a time by `readUTF16Chunks` (beside the chunk buffer).
    static let utf16ReadSize = 64 << 10

    /// `readChunks` for UTF-16 (after its 2-byte mark): code units are read `utf16ReadSize`
    /// bytes at a time and decoded into the chunk buffer, which is then handled as in
    /// `readChunks`. The decoding is the small-file path's (`UTF16Decoding`): a surrogate pair
    /// makes one scalar (also when split between two reads or two chunks), a lone surrogate
    /// U+FFFD, an odd last byte is dropped. Memory: the chunk buffer plus one read.
    func readUTF16Chunks(_ file: LargeFile, littleEndian: Bool, shouldStop: () -> Bool,
                         body: (UnsafeBufferPointer<UInt8>, Int) -> Void) -> ChunkedRead {
        let out = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
        var raw = [UInt8](repeating: 0, count: FileReader.utf16ReadSize)
        var rawStart = 0, rawEnd = 0
        var offset: off_t = 2   // past the byte-order mark
        var eof = false
        var high: UInt16?       // a high surrogate waiting for its low half
        var filled = 0
        @inline(__always) func put(_ scalar: UInt32) {
            if scalar < 0x80 {
                out[filled] = UInt8(scalar); filled += 1
            } else if scalar < 0x800 {
                out[filled] = UInt8(0xC0 | scalar >> 6); out[filled + 1] = UInt8(0x80 | scalar & 0x3F); filled += 2
            } else if scalar < 0x10000 {
                out[filled] = UInt8(0xE0 | scalar >> 12); out[filled + 1] = UInt8(0x80 | scalar >> 6 & 0x3F)
                out[filled + 2] = UInt8(0x80 | scalar & 0x3F); filled += 3
            } else {
                out[filled] = UInt8(0xF0 | scalar >> 18); out[filled + 1] = UInt8(0x80 | scalar >> 12 & 0x3F)
                out[filled + 2] = UInt8(0x80 | scalar >> 6 & 0x3F); out[filled + 3] = UInt8(0x80 | scalar & 0x3F); filled += 4
            }
        }
        while true {
            // Decode until the chunk is full (a unit may write 6 bytes: U+FFFD and a scalar) or
            // the file ends.
            while filled + 6 <= chunkSize {
                if rawEnd - rawStart < 2 {
                    if eof { break }
                    if shouldStop() { return .stopped }
                    let left = rawEnd - rawStart
                    if left > 0 { raw[0] = raw[rawStart] }
                    rawStart = 0; rawEnd = left
                    let n = raw.withUnsafeMutableBytes { Glibc.pread(file.fd, $0.baseAddress! + left, $0.count - left, offset) }
                    if n < 0 {
                        if errno == EINTR { continue }
                        return .failed(String(cString: strerror(errno)))
                    }
                    if n == 0 { eof = true; continue }
                    rawEnd += n
                    offset += off_t(n)
                    continue
                }
                let a = UInt16(raw[rawStart]), b = UInt16(raw[rawStart + 1])
                rawStart += 2
                let unit = littleEndian ? a | b << 8 : a << 8 | b
                if let h = high {
                    high = nil
                    if unit >= 0xDC00 && unit <= 0xDFFF {
                        put(0x10000 + (UInt32(h - 0xD800) << 10) + UInt32(unit - 0xDC00))
                        continue
                    }
                    put(0xFFFD)
                }
                switch unit {
                case 0xD800...0xDBFF: high = unit
                case 0xDC00...0xDFFF: put(0xFFFD)
                default: put(UInt32(unit))
                }
            }
            let done = eof && rawEnd - rawStart < 2
            if done, high != nil { high = nil; put(0xFFFD) }   // room: the loop keeps 6 bytes free
            let chunk = UnsafeBufferPointer(start: out, count: filled)
            if done {
                body(chunk, filled)
                return .done
            }
            body(chunk, filled - overlap)
            memmove(out, out + filled - overlap, overlap)
            filled = overlap
        }
    }

    deinit { buffer.deallocate() }

    public func read(_ entry: FileEntry) -> Outcome {
        let flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | (followSymlinks ? 0 : O_NOFOLLOW)
        let fd = open(entry.path.cString, flags)
        guard fd >= 0 else {
            if errno == ELOOP { return .skipped(.symlink, nil) }
            return .skipped(.unreadable, String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .skipped(.unreadable, String(cString: strerror(errno))) }
        guard (st.st_mode & S_IFMT) == S_IFREG else { return .skipped(.special, nil) }
        let size = Int(st.st_size)
        if size > maxFileSize { return .skipped(.tooLarge, "\(size) bytes") }
        if size > chunkSize {
            let keep = dup(fd)
            guard keep >= 0 else { return .skipped(.unreadable, String(cString: strerror(errno))) }
            return .large(LargeFile(fd: keep, size: size))
        }
        if size + 1 > buffer.count {
            buffer.deallocate()
            buffer = .allocate(byteCount: max(size + 1, buffer.count * 2), alignment: 16)
        }
        // Read until EOF; a file that grew since fstat is cut at the limit.
        var total = 0
        while total < buffer.count {
            let n = Glibc.read(fd, buffer.baseAddress! + total, buffer.count - total)
            if n < 0 {
                if errno == EINTR { continue }
                return .skipped(.unreadable, String(cString: strerror(errno)))
            }
            if n == 0 { break }
            total += n
            if total > maxFileSize { return .skipped(.tooLarge, "grew past the limit") }
        }
        let bytes = UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: total)
        switch ContentCheck.classify(bytes) {
        case .text: return .content(bytes)
        case .binary: return .skipped(.binary, nil)
        case .decoded(let text):
            decoded = text
            return decoded.withUnsafeBufferPointer { .content($0) }
        }
    }
}

/// Decides whether bytes are text to scan: a NUL byte in the first 8 KiB means binary (as git
/// and ripgrep decide), except UTF-16 with a byte-order mark, which is decoded to UTF-8.
public enum ContentCheck {
    public enum Kind {
        case text
        case binary
        /// UTF-16 turned into UTF-8.
        case decoded([UInt8])
    }

    public static func classify(_ bytes: UnsafeBufferPointer<UInt8>) -> Kind {
        if let utf16 = UTF16Decoding.decodeIfBOM(bytes) { return .decoded(utf16) }
        if UnsafeBufferPointer(rebasing: bytes.prefix(FileReader.binaryProbe)).contains(0) { return .binary }
        return .text
    }
}

/// UTF-16 text with a byte-order mark, turned into UTF-8 so the byte matcher can read it.
enum UTF16Decoding {
    static func decodeIfBOM(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard bytes.count >= 2 else { return nil }
        let little: Bool
        if bytes[0] == 0xFF && bytes[1] == 0xFE { little = true }
        else if bytes[0] == 0xFE && bytes[1] == 0xFF { little = false }
        else { return nil }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 2
        while i + 1 < bytes.count {
            units.append(little ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
            i += 2
        }
        var out: [UInt8] = []
        out.reserveCapacity(units.count)
        for scalar in Unicode.UTF16.decode(units) { out.append(contentsOf: String(scalar).utf8) }
        return out
    }
}

extension Unicode.UTF16 {
    /// Decodes code units, replacing ill-formed sequences with U+FFFD.
    static func decode(_ units: [UInt16]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        var it = units.makeIterator()
        var decoder = Unicode.UTF16()
        loop: while true {
            switch decoder.decode(&it) {
            case .scalarValue(let s): out.append(s)
            case .emptyInput: break loop
            case .error: out.append("\u{FFFD}")
            }
        }
        return out
    }
}
