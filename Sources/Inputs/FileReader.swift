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
    /// Closes the file.
    public func readChunks(_ file: LargeFile, body: (UnsafeBufferPointer<UInt8>, Int) -> Void) -> ChunkedRead {
        defer { close(file.fd) }
        if chunkSize > buffer.count {
            buffer.deallocate()
            buffer = .allocate(byteCount: chunkSize, alignment: 16)
        }
        let base = buffer.baseAddress!
        var filled = 0
        var first = true
        while true {
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
