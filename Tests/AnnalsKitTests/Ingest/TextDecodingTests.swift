import Foundation
import Testing

@testable import AnnalsKit

@Suite struct TextDecodingTests {
    private func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    @Test func decodesPlainUTF8Unchanged() throws {
        let text = "⚙️Ars Technica•Fresh\nZürich, Bruxelles é ñ, 华为, ภาษาไทย 💡\n"
        #expect(try TextDecoding.decode(bytes(text)) == text)
    }

    @Test func acceptsDataSlicesAndArrays() throws {
        let raw = bytes("abc\r\ndef")
        #expect(try TextDecoding.decode(Data(raw)) == "abc\ndef")
        #expect(try TextDecoding.decode(raw[...]) == "abc\ndef")
        #expect(try TextDecoding.decode(AnyCollection(raw)) == "abc\ndef")
    }

    @Test func emptyAndWhiteSpaceAreEmpty() {
        #expect(throws: IngestError.empty) { try TextDecoding.decode([UInt8]()) }
        #expect(throws: IngestError.empty) { try TextDecoding.decode(self.bytes("   \n\t\r\n\u{0C}")) }
        #expect(throws: IngestError.empty) { try TextDecoding.decode([0xEF, 0xBB, 0xBF]) }
        #expect(throws: IngestError.empty) { try TextDecoding.decode([0xEF, 0xBB, 0xBF, 0x20, 0x0A]) }
        #expect(throws: IngestError.empty) { try TextDecoding.decode(self.bytes(" \u{A0}\u{3000}\n\u{2003}")) }
    }

    @Test func nulOrManyControlsAreBinary() {
        #expect(throws: IngestError.binary) { try TextDecoding.decode(self.bytes("a card\0 with a NUL")) }
        #expect(throws: IngestError.binary) { try TextDecoding.decode([0x00]) }
        // 3 control bytes in 10 bytes: over 10%.
        #expect(throws: IngestError.binary) { try TextDecoding.decode([0x01, 0x02, 0x03, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47]) }
        // binary wins over invalid UTF-8
        #expect(throws: IngestError.binary) { try TextDecoding.decode([0xFF, 0x41, 0x00]) }
    }

    @Test func aFewControlsAreTolerated() throws {
        var raw = bytes(String(repeating: "abcdefghij", count: 10))
        raw[5] = 0x1B  // one escape byte in 100
        let text = try TextDecoding.decode(raw)
        #expect(text.utf8.count == 100)
        #expect(try TextDecoding.decode(bytes("tab\tform\u{0C}feed\n")) == "tab\tform\u{0C}feed\n")
    }

    @Test func invalidUTF8ReportsTheFirstBadByte() {
        #expect(throws: IngestError.invalidUTF8(offset: 1)) { try TextDecoding.decode([0x41, 0xFF, 0x41]) }
        #expect(throws: IngestError.invalidUTF8(offset: 0)) { try TextDecoding.decode([0x80, 0x41]) }  // lone continuation
        #expect(throws: IngestError.invalidUTF8(offset: 2)) { try TextDecoding.decode([0x41, 0x42, 0xE2, 0x82]) }  // truncated at the end
        #expect(throws: IngestError.invalidUTF8(offset: 1)) { try TextDecoding.decode([0x41, 0xE2, 0x41, 0x41]) }  // lead without continuation
        #expect(throws: IngestError.invalidUTF8(offset: 0)) { try TextDecoding.decode([0xC0, 0xAF]) }  // overlong "/"
        #expect(throws: IngestError.invalidUTF8(offset: 0)) { try TextDecoding.decode([0xED, 0xA0, 0x80]) }  // a surrogate
        #expect(throws: IngestError.invalidUTF8(offset: 0)) { try TextDecoding.decode([0xF4, 0x90, 0x80, 0x80]) }  // above U+10FFFF
        #expect(throws: IngestError.invalidUTF8(offset: 4)) { try TextDecoding.decode([0xEF, 0xBB, 0xBF, 0x41, 0xE9, 0x41]) }  // counts the BOM
        // Latin-1 "Café" after valid multi-byte text
        #expect(throws: IngestError.invalidUTF8(offset: 6)) { try TextDecoding.decode([0xE2, 0x80, 0xA2, 0x43, 0x61, 0x66, 0xE9]) }
    }

    @Test func stripsTheBOM() throws {
        #expect(try TextDecoding.decode([0xEF, 0xBB, 0xBF] + bytes("Reuters\n")) == "Reuters\n")
        // only a leading BOM is a BOM
        #expect(try TextDecoding.decode(bytes("a\u{FEFF}b")) == "a\u{FEFF}b")
    }

    @Test func normalizesLineEnds() throws {
        #expect(try TextDecoding.decode(bytes("a\r\nb\r\n")) == "a\nb\n")
        #expect(try TextDecoding.decode(bytes("a\rb\r")) == "a\nb\n")
        #expect(try TextDecoding.decode(bytes("a\r\n\rb\rc\n\r")) == "a\n\nb\nc\n\n")
        #expect(try TextDecoding.decode(bytes("华为\r\n⚡\r")) == "华为\n⚡\n")
    }

    @Test func badFixturesThrowTheRightError() throws {
        #expect(throws: IngestError.empty) { try TextDecoding.decode(Fixtures.bytes("bad/empty.txt")) }
        #expect(throws: IngestError.empty) { try TextDecoding.decode(Fixtures.bytes("bad/whitespace.txt")) }
        #expect(throws: IngestError.binary) { try TextDecoding.decode(Fixtures.bytes("bad/binary.bin")) }
        #expect(throws: IngestError.invalidUTF8(offset: 42)) { try TextDecoding.decode(Fixtures.bytes("bad/invalid-utf8.txt")) }
    }

    @Test func lineEndFixturesDecodeToLF() throws {
        let crlf = try Fixtures.bytes("cards/crlf.txt")
        #expect(crlf.contains(0x0D))
        let crlfText = try TextDecoding.decode(crlf)
        #expect(!crlfText.contains("\r"))
        #expect(crlfText == String(decoding: crlf.filter { $0 != 0x0D }, as: UTF8.self))

        let cr = try Fixtures.bytes("cards/cr-only.txt")
        #expect(!cr.contains(0x0A))
        #expect(try TextDecoding.decode(cr) == String(decoding: cr.map { $0 == 0x0D ? 0x0A : $0 }, as: UTF8.self))

        let bom = try Fixtures.bytes("cards/bom.txt")
        #expect(Array(bom.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(try TextDecoding.decode(bom) == String(decoding: bom.dropFirst(3), as: UTF8.self))
    }

    @Test func theSampleDecodesByteForByte() throws {
        let raw = try Fixtures.bytes("cards/ars-technica-mojibake.txt")
        #expect(Array(try TextDecoding.decode(raw).utf8) == raw)
    }
}
