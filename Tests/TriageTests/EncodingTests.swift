import Foundation
import Testing
@testable import Triage

@Suite struct EncodingTests {
    @Test func base32RFC4648Vectors() {
        // RFC 4648 §10.
        #expect(Base32.decode("MZXW6YTBOI======").map { String(decoding: $0, as: UTF8.self) } == "foobar")
        #expect(Base32.decode("MZXW6===").map { String(decoding: $0, as: UTF8.self) } == "foo")
        #expect(Base32.decode("MY") == Array("f".utf8))
        #expect(Base32.decode("mzxw6") == nil)     // lower case is not in the alphabet
        #expect(Base32.decode("MZ1W") == nil)
    }

    @Test func base64BothAlphabets() {
        // RFC 4648 §10, padded and not.
        #expect(Base64.decode("Zm9vYmFy") == Array("foobar".utf8))
        #expect(Base64.decode("Zm9vYg==") == Array("foob".utf8))
        #expect(Base64.decode("Zm9vYg") == Array("foob".utf8))
        #expect(Base64.decode("Zm9vYmE") == Array("fooba".utf8))
        #expect(Base64.decode("-_8") == [0xfb, 0xff])
        #expect(Base64.decode("+/8") == [0xfb, 0xff])
        #expect(Base64.decode("Zm9v\nYmFy", ignoringWhitespace: true) == Array("foobar".utf8))
        #expect(Base64.decode("Zm9v\nYmFy") == nil)
        #expect(Base64.decode("Z") == nil)
        #expect(Base64.decode("Zg==Zg") == nil)
        #expect(Base64.decode("Zm9v$") == nil)
    }

    @Test func isoDates() {
        #expect(ISODate.format(epoch: 0) == "1970-01-01T00:00:00Z")
        #expect(ISODate.format(epoch: -1) == "1969-12-31T23:59:59Z")
        #expect(ISODate.format(epoch: 951_782_400) == "2000-02-29T00:00:00Z")
        #expect(ISODate.format(epoch: 4_102_444_800) == "2100-01-01T00:00:00Z")
        #expect(ISODate.format(epoch: 1_709_294_400, offsetSeconds: 3600) == "2024-03-01T13:00:00+01:00")
        #expect(ISODate.format(epoch: 1_709_294_400, offsetSeconds: -(4 * 3600 + 30 * 60)) == "2024-03-01T07:30:00-04:30")
        #expect(ISODate.offsetSeconds(gitTimeZone: "+0530") == 19_800)
        #expect(ISODate.offsetSeconds(gitTimeZone: "-0100") == -3600)
        #expect(ISODate.offsetSeconds(gitTimeZone: "0100") == nil)
    }

    @Test func derLengths() {
        var long = DERReader(H.der(0x04, [UInt8](repeating: 7, count: 300))[...])
        #expect(long.next(DERReader.Tag.octetString)?.count == 300)
        #expect(long.isAtEnd)
        var truncated = DERReader([0x30, 0x82, 0x01][...])
        #expect(truncated.next() == nil)
        #expect(DERReader.bitLength([0x00, 0x01, 0x00][...]) == 9)
        #expect(DERReader.bitLength([0x00][...]) == 0)
    }
}
