#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Shannon entropy in bits per byte.
public enum Entropy {
    /// Entropy of `bytes`, using `histogram` (256 zeroed bins) as scratch; leaves it zeroed.
    @inline(__always)
    public static func shannon(_ bytes: UnsafeBufferPointer<UInt8>, histogram: inout [UInt32]) -> Double {
        let n = bytes.count
        guard n > 0 else { return 0 }
        var h = 0.0
        histogram.withUnsafeMutableBufferPointer { bins in
            for b in bytes { bins[Int(b)] &+= 1 }
            let total = Double(n)
            for b in bytes {
                let c = bins[Int(b)]
                if c != 0 {
                    let p = Double(c) / total
                    h -= p * log2(p)
                    bins[Int(b)] = 0
                }
            }
        }
        return h
    }

    /// Entropy of a byte sequence (allocates its own histogram; for tests and one-off calls).
    public static func shannon<S: Sequence>(_ bytes: S) -> Double where S.Element == UInt8 {
        var hist = [UInt32](repeating: 0, count: 256)
        let array = Array(bytes)
        return array.withUnsafeBufferPointer { shannon($0, histogram: &hist) }
    }
}
