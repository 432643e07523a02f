import Foundation
import Rules
import Scan
import Testing
import TestSupport
@testable import Inputs

/// Issue 11, case 6: a UTF-16 file above the chunk size was scanned as raw bytes (0 of its keys
/// found, yet "complete"). The chunked reader now decodes it as the small-file path does.
@Suite struct FileReaderUTF16Tests {
    static let chunk = 64 << 10, overlap = 4 << 10

    /// Text of about `size` UTF-8 bytes: lines with non-ASCII letters and emoji (surrogate pairs in
    /// UTF-16), a key at the start, one straddling the end of the first chunk, one at the end.
    static func text(keys: [String], size: Int = 300 << 10) -> String {
        var text = "FIRST=\(keys[0])\n"
        var i = 0
        func filler(upTo limit: Int) {
            while true {
                let line = "line \(i): ünïcødé text 😀 and more words, nothing secret\n"
                guard text.utf8.count + line.utf8.count <= limit else { break }
                text += line; i += 1
            }
            text += String(repeating: "#", count: limit - text.utf8.count)
        }
        filler(upTo: chunk - 10)
        text += "\(keys[1])\n"   // starts 10 bytes before the first chunk's end
        filler(upTo: size)
        text += "\nLAST=\(keys[2])"
        return text
    }

    /// `text` as UTF-16 with a byte-order mark.
    static func utf16(_ text: String, littleEndian: Bool) -> Data {
        var out: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        for u in text.utf16 {
            let (lo, hi) = (UInt8(u & 0xFF), UInt8(u >> 8))
            out += littleEndian ? [lo, hi] : [hi, lo]
        }
        return Data(out)
    }

    /// Every chunk's bytes below `reportBelow`, joined: the text the scanner reads, once each.
    static func readChunked(_ path: String, littleEndian: Bool) throws -> (text: [UInt8], chunks: [[UInt8]], reportBelow: [Int], end: FileReader.ChunkedRead) {
        let reader = FileReader(maxFileSize: 1 << 30, chunkSize: chunk, overlap: overlap)
        guard case .large(let file) = reader.read(FileEntry(path: Array(path.utf8), displayPath: path)) else {
            Issue.record("not read as a large file"); return ([], [], [], .done)
        }
        var text: [UInt8] = [], chunks: [[UInt8]] = [], below: [Int] = []
        let end = reader.readChunks(file) { chunk, reportBelow in
            chunks.append(Array(chunk)); below.append(reportBelow)
            text += chunk[0..<reportBelow]
        }
        return (text, chunks, below, end)
    }

    @Test(arguments: [true, false])
    func utf16FileOverTheChunkSizeIsDecodedInChunks(littleEndian: Bool) throws {
        let keys = (0..<3).map { _ in FakeKeys.awsAccessKeyID() }
        let text = Self.text(keys: keys)
        let d = try TempDir()
        let data = Self.utf16(text, littleEndian: littleEndian)
        let path = try d.write("big-utf16.txt", data)
        #expect(data.count > 2 * Self.chunk)
        let r = try Self.readChunked(path, littleEndian: littleEndian)
        #expect(r.end == .done)
        // (Compared as Bools: a failure message listing 600,000 bytes takes minutes to write.)
        let asText = r.text == Array(text.utf8)
        #expect(asText, "chunks joined differ from the text (\(r.text.count) vs \(text.utf8.count) bytes)")
        // Decoded exactly as the small-file path decodes the whole file.
        let whole = Array(data).withUnsafeBufferPointer { UTF16Decoding.decodeIfBOM($0) }
        let asSmallPath = r.text == whole
        #expect(asSmallPath, "chunks joined differ from the small-file decoding")
        // Bounded: no chunk beyond the chunk size.
        #expect(r.chunks.allSatisfy { $0.count <= Self.chunk })
        #expect(r.chunks.count > 4)
        // Each key lies whole in the chunk that reports it (starts below its reportBelow), once.
        for key in keys {
            var reported = 0
            for (chunk, below) in zip(r.chunks, r.reportBelow) {
                let k = Array(key.utf8)
                for start in 0..<max(0, chunk.count - k.count + 1) where start < below && chunk[start] == k[0]
                    && Array(chunk[start..<start + k.count]) == k { reported += 1 }
            }
            #expect(reported == 1, "\(key)")
        }
        // The boundary key straddles the first chunk's end.
        let firstChunk = try #require(r.chunks.first)
        #expect(!String(decoding: firstChunk, as: UTF8.self).contains(keys[1]))
    }

    /// Through the scanner: all three keys found, on their lines, the scan complete.
    @Test(arguments: [true, false])
    func utf16FileOverTheChunkSizeYieldsItsKeys(littleEndian: Bool) throws {
        let keys = (0..<3).map { _ in FakeKeys.awsAccessKeyID() }
        let text = Self.text(keys: keys, size: 600 << 10)
        let d = try TempDir()
        try d.write("big-utf16.env", Self.utf16(text, littleEndian: littleEndian))
        var o = ScanOptions(roots: [d.path])
        o.maxFileSize = 1 << 30
        o.chunkSize = 256 << 10
        o.useGit = false
        o.showSecrets = true
        let report = try Scanner(rules: try RuleSet.load()).scan(o)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let expected = keys.map { key in lines.firstIndex { $0.contains(key) }! + 1 }
        #expect(report.findings.map(\.secret) == keys)
        #expect(report.findings.map(\.line) == expected)
        #expect(report.summary.complete)
    }

    /// Surrogates as the small-file path decodes them: a pair split across two reads of the
    /// reader is one scalar; a lone half is U+FFFD; an odd last byte is dropped.
    @Test func surrogatesAcrossReadsAndLoneHalvesDecodeAsTheSmallFilePath() throws {
        var units: [UInt16] = []
        let pair: [UInt16] = [0xD83D, 0xDE00]   // 😀
        // An odd number of units before, so pairs fall across the reader's 64 KiB reads.
        while units.count * 2 < 3 * (64 << 10) { units += [0x41] + pair + [0xDC00, 0x42, 0xD800] }
        var bytes: [UInt8] = [0xFF, 0xFE]
        for u in units { bytes += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        bytes += [0x3D, 0xD8, 0x41]   // a last high surrogate, then an odd byte
        let d = try TempDir()
        let path = try d.write("s.txt", Data(bytes))
        let r = try Self.readChunked(path, littleEndian: true)
        let whole = bytes.withUnsafeBufferPointer { UTF16Decoding.decodeIfBOM($0) }
        let same = r.text == whole
        #expect(same, "chunks joined differ from the small-file decoding (\(r.text.count) vs \(whole?.count ?? -1) bytes)")
    }
}
