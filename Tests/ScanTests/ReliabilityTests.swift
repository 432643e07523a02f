import Foundation
import Testing
import Vocabulary
import TestSupport
@testable import Report
@testable import Rules
@testable import Scan

@Suite struct LargeFileTests {
    /// A file above the chunk size is read in overlapping chunks: secrets anywhere, including
    /// across every chunk boundary, are found exactly once with the right line and column.
    @Test func secretsAcrossChunkBoundariesAreFoundOnce() throws {
        let d = try TempDir()
        let chunk = 256 << 10
        var text = ""
        var expected: [(line: Int, column: Int)] = []
        var line = 1
        // Filler lines, then a key straddling each boundary at a different column.
        for boundary in 1...4 {
            while text.utf8.count < boundary * (chunk - (64 << 10)) - 30 {
                text += "# filler line with nothing secret in it, just words and numbers 12345\n"
                line += 1
            }
            let prefix = String(repeating: "é", count: boundary) + " key="
            expected.append((line, prefix.count + 1))
            text += prefix + FakeKeys.awsAccessKeyID() + "\n"
            line += 1
        }
        // One very long minified line at the end with a key far into it.
        let long = String(repeating: "a,", count: 300_000)
        expected.append((line, long.count + 1))
        text += long + FakeKeys.awsAccessKeyID() + "\n"
        try d.write("big.js", text)
        var o = ScanOptions(roots: [d.path])
        o.maxFileSize = 1 << 30
        o.chunkSize = chunk
        o.useGit = false
        let report = try Scanner(rules: builtin).scan(o)
        #expect(report.findings.map { "\($0.line):\($0.column)" } == expected.map { "\($0.line):\($0.column)" })
        #expect(report.summary.filesScanned == 1)
        #expect(report.summary.bytesScanned == text.utf8.count)
        // The same file read whole gives the same findings.
        o.chunkSize = 1 << 30
        let whole = try Scanner(rules: builtin).scan(o)
        #expect(whole.findings.map { "\($0.line):\($0.column)" } == expected.map { "\($0.line):\($0.column)" })
    }

    @Test func aFileAboveTheLimitIsSkippedByDefault() throws {
        let d = try TempDir()
        try d.write("big.txt", String(repeating: "x", count: 2048))
        var o = ScanOptions(roots: [d.path])
        o.maxFileSize = 1024
        let report = try Scanner(rules: builtin).scan(o)
        #expect(report.summary.filesSkipped["too-large"] == 1)
    }
}

@Suite struct DecodingTests {
    @Test func keysHiddenInBase64AreFoundAtTheEncodedText() throws {
        let d = try TempDir()
        let key = FakeKeys.anthropicKey()
        let encoded = Data(key.utf8).base64EncodedString()
        try d.write("secret.yaml", "kind: Secret\ndata:\n  ANTHROPIC_API_KEY: \(encoded)\n")
        var o = ScanOptions(roots: [d.path])
        o.useGit = false
        let f = try #require(try Scanner(rules: builtin).scan(o).findings.first)
        #expect(f.rule == "anthropic-api-key")
        #expect(f.line == 3 && f.column == 22)
        #expect(f.decoded == "base64")
        #expect(f.secretLength == key.utf8.count)
        #expect(!f.context.contains(key) && !f.context.contains(encoded))
        // Without decoding only the generic high-entropy rule sees the encoded text.
        o.decode = false
        #expect(try Scanner(rules: builtin).scan(o).findings.allSatisfy { $0.decoded == nil && $0.category == .generic })
    }
}
