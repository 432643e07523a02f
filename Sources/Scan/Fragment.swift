import Report
import Vocabulary

/// The one shape the matcher core sees, whatever the input: bytes, where they came from, and how
/// their lines map onto the lines of the file they belong to. The bytes are borrowed: valid only
/// for the call that receives the fragment.
struct Fragment {
    let bytes: UnsafeBufferPointer<UInt8>
    let provenance: Provenance
    var lines = LineMap.origin(TextPosition())
    /// Matches whose secret starts at or past this offset belong to the next chunk of a large
    /// file (which repeats these bytes) and are left to it.
    var reportBelow: Int?
}

/// How a fragment's lines map onto its file's.
enum LineMap {
    /// The bytes start at this place of the file (a chunk of a large file starts mid-way).
    case origin(TextPosition)
    /// Line `i` (1-based) of the bytes is line `numbers[i - 1]` of the file (the lines a change adds).
    case numbers([Int])

    /// Where the bytes start, for counting lines and columns.
    var origin: TextPosition {
        if case .origin(let p) = self { return p }
        return TextPosition()
    }

    /// The file's line for line `line` of the bytes.
    func fileLine(_ line: Int) -> Int {
        if case .numbers(let numbers) = self, line >= 1, line <= numbers.count { return numbers[line - 1] }
        return line
    }
}

/// A finding as the core builds it, with a key of rule and secret that does not depend on the
/// file (history scans find the same secret in other blobs and paths through it).
struct Candidate {
    var finding: Finding
    let secretKey: String
}
