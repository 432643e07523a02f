import Testing
@testable import Inputs

/// Names that are not UTF-8 keep their bytes in the display path (`\xNN`).
@Suite struct FileNameTests {
    @Test func validUTF8IsKeptAndEachInvalidByteEscaped() {
        #expect(FileName.display(Array("é/日本.txt".utf8)) == "é/日本.txt")
        #expect(FileName.display([0x61, 0xFF, 0xFE, 0x62]) == "a\\xFF\\xFEb")
        #expect(FileName.display([0xE6, 0x97, 0x61]) == "\\xE6\\x97a")         // a cut sequence
        #expect(FileName.display([0xC0, 0xAF]) == "\\xC0\\xAF")                  // overlong
        #expect(FileName.display([0xED, 0xA0, 0x80]) == "\\xED\\xA0\\x80")        // a surrogate
        #expect(FileName.bytes(display: "a\\xFF\\xFEb") == [0x61, 0xFF, 0xFE, 0x62])
        #expect(FileName.bytes(display: "a\\x41") == Array("a\\x41".utf8))       // ASCII escapes are text
    }
}
