/// Recognises secrets that are obviously not real: template markers, "your key here" text,
/// masked values, runs of one character.
public enum Placeholder {
    /// Lower-case fragments that never occur in a real credential but often in a fake one.
    static let markers: [[UInt8]] = [
        "xxxx", "****", "...", "<", ">", "${", "{{", "$(", "example", "placeholder", "your_", "your-",
        "yourkey", "redacted", "changeme", "change_me", "replace_me", "dummy", "insert",
    ].map { Array($0.utf8) }
    /// A run of this many identical bytes marks a placeholder (`00000000`, `aaaaaaaa`).
    static let runLength = 8

    /// Whether `secret` looks like a placeholder rather than a credential.
    public static func isPlaceholder(_ secret: UnsafeBufferPointer<UInt8>) -> Bool {
        var run = 0
        var previous: UInt8 = 0
        for (i, b) in secret.enumerated() {
            if i > 0 && b == previous { run += 1; if run >= runLength { return true } } else { run = 1 }
            previous = b
        }
        let n = secret.count
        for marker in markers where marker.count <= n {
            var i = 0
            while i + marker.count <= n {
                var j = 0
                while j < marker.count && KeywordAutomaton.fold(secret[i + j]) == marker[j] { j += 1 }
                if j == marker.count { return true }
                i += 1
            }
        }
        return false
    }

    /// Convenience for strings.
    public static func isPlaceholder(_ secret: String) -> Bool {
        Array(secret.utf8).withUnsafeBufferPointer { isPlaceholder($0) }
    }
}
