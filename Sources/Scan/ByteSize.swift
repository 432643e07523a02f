import Foundation

/// Sizes such as `500K`, `10M`, `1G` (powers of 1024) or plain bytes.
public enum ByteSize {
    public static func parse(_ text: String) -> Int? {
        let t = text.trimmingCharacters(in: .whitespaces).uppercased()
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        var digits = Substring(t)
        var unit = 1
        if let last = t.last, let u = units[last] { unit = u; digits = t.dropLast() }
        guard let n = Int(digits), n > 0 else { return nil }
        let (product, overflow) = n.multipliedReportingOverflow(by: unit)
        return overflow ? nil : product
    }
}
