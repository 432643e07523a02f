/// The closest of `candidates` to a misspelt `word`, for messages: " (did you mean 'x'?)", or ""
/// when nothing is close (edit distance above a third of the word's length, at least 2).
public func didYouMean(_ word: String, among candidates: some Sequence<String>) -> String {
    let w = Array(word.lowercased().utf8)
    var best: (String, Int)?
    for c in candidates {
        let d = editDistance(w, Array(c.lowercased().utf8))
        if best == nil || d < best!.1 || (d == best!.1 && c < best!.0) { best = (c, d) }
    }
    guard let (name, distance) = best, distance <= max(2, w.count / 3) else { return "" }
    return " (did you mean '\(name)'?)"
}

/// Levenshtein distance over bytes, two rows.
func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
