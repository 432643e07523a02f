/// Finds text that may hide a secret under an encoding (base64, base64url, hex) and decodes it,
/// so the same matcher can scan what is inside: Kubernetes `Secret` data, base64 blobs in YAML
/// or JSON, hex-encoded keys. Bytes in, bytes out.
public enum EncodedRuns {
    /// An encoded run and what it decodes to.
    public struct Run: Sendable {
        /// Where the encoded text sits in the scanned buffer.
        public let range: Range<Int>
        /// `base64` or `hex`.
        public let kind: String
        public let decoded: [UInt8]
    }

    /// Runs shorter than this are not decoded: 24 base64 characters are 18 bytes, less than the
    /// shortest credential worth decoding for (an AWS key id is 20).
    public static let minimumLength = 24
    /// Runs longer than this are not decoded (images, archives, certificates embedded whole).
    public static let maximumLength = 16 * 1024

    /// Byte classes: bit 0 base64/base64url alphabet, bit 1 hex digit.
    static let classes: [UInt8] = {
        var t = [UInt8](repeating: 0, count: 256)
        for c in UInt8(ascii: "A")...UInt8(ascii: "Z") { t[Int(c)] |= 1 }
        for c in UInt8(ascii: "a")...UInt8(ascii: "z") { t[Int(c)] |= 1 }
        for c in UInt8(ascii: "0")...UInt8(ascii: "9") { t[Int(c)] |= 3 }
        for c in UInt8(ascii: "a")...UInt8(ascii: "f") { t[Int(c)] |= 2 }
        for c in UInt8(ascii: "A")...UInt8(ascii: "F") { t[Int(c)] |= 2 }
        for c in [UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: "_")] { t[Int(c)] |= 1 }
        return t
    }()

    /// Decoded values: base64 alphabet → 6-bit value, 0xFF for others.
    static let base64Values: [UInt8] = {
        var t = [UInt8](repeating: 0xFF, count: 256)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for (i, c) in alphabet.enumerated() { t[Int(c)] = UInt8(i) }
        t[Int(UInt8(ascii: "-"))] = 62  // base64url
        t[Int(UInt8(ascii: "_"))] = 63
        return t
    }()

    /// Encoded runs in `buffer` whose decoding is mostly printable text. Skips ahead by the
    /// minimum length whenever the byte that far on cannot be part of a run, so ordinary code
    /// (spaces and punctuation every few bytes) costs little.
    public static func find(in buffer: UnsafeBufferPointer<UInt8>) -> [Run] {
        guard let base = buffer.baseAddress else { return [] }
        let n = buffer.count
        let L = minimumLength
        var runs: [Run] = []
        classes.withUnsafeBufferPointer { cls in
            var i = 0
            while i + L <= n {
                // The last byte of a window of L: if it is not in the alphabet, no run of L can
                // contain any of the bytes up to it.
                if cls[Int(base[i + L - 1])] & 1 == 0 { i += L; continue }
                var start = i + L - 1
                while start > i && cls[Int(base[start - 1])] & 1 != 0 { start -= 1 }
                var end = i + L
                while end < n && cls[Int(base[end])] & 1 != 0 { end += 1 }
                if end - start < L { i = end + 1; continue }
                // Take up to two '=' of padding.
                var padded = end
                while padded < n && padded - end < 2 && base[padded] == UInt8(ascii: "=") { padded += 1 }
                if padded - start <= maximumLength,
                   let run = decode(UnsafeBufferPointer(start: base + start, count: end - start), at: start..<padded, cls: cls) {
                    runs.append(run)
                }
                i = padded + 1
            }
        }
        return runs
    }

    /// Decodes one run (hex when it is all hex digits and of even length, else base64), or nil
    /// when the result is not text.
    static func decode(_ run: UnsafeBufferPointer<UInt8>, at range: Range<Int>, cls: UnsafeBufferPointer<UInt8>) -> Run? {
        // Base64 first, stopping at the first decoded byte that is not text: identifiers,
        // hashes and binary blobs fail within a few bytes.
        var out: [UInt8] = []
        out.reserveCapacity(run.count * 3 / 4)
        var acc: UInt32 = 0
        var bits = 0
        let ok = base64Values.withUnsafeBufferPointer { values -> Bool in
            for b in run {
                acc = acc << 6 | UInt32(values[Int(b)])
                bits += 6
                if bits >= 8 {
                    bits -= 8
                    let byte = UInt8(truncatingIfNeeded: acc >> UInt32(bits))
                    guard isTextByte(byte) else { return false }
                    out.append(byte)
                }
            }
            return true
        }
        if ok && out.count >= 16 { return Run(range: range, kind: "base64", decoded: out) }
        // Then hex, for runs of hex digits of even length.
        guard run.count % 2 == 0 else { return nil }
        out.removeAll(keepingCapacity: true)
        var i = 0
        while i + 1 < run.count {
            guard cls[Int(run[i])] & 2 != 0, cls[Int(run[i + 1])] & 2 != 0 else { return nil }
            let b = hexValue(run[i]) << 4 | hexValue(run[i + 1])
            guard isTextByte(b) else { return nil }  // most hex is a hash: binary at once
            out.append(b); i += 2
        }
        return out.count >= 16 ? Run(range: range, kind: "hex", decoded: out) : nil
    }

    @inline(__always) static func isTextByte(_ b: UInt8) -> Bool {
        (b >= 0x20 && b < 0x7F) || b == 0x0A || b == 0x0D || b == 0x09
    }

    @inline(__always) static func hexValue(_ b: UInt8) -> UInt8 {
        b <= 57 ? b - 48 : (b | 0x20) - 87
    }
}
