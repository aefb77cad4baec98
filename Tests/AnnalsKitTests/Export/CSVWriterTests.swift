import Foundation
import Testing

@testable import AnnalsKit

/// One text cell and the exact bytes the default writer (comma, guard on) gives it.
struct CSVCellCase: Sendable, CustomTestStringConvertible {
    var value: String
    var guarded: String
    var raw: String

    init(_ value: String, guarded: String, raw: String? = nil) {
        self.value = value
        self.guarded = guarded
        self.raw = raw ?? guarded
    }

    var testDescription: String { value.debugDescription }
}

let csvCellCases: [CSVCellCase] = [
    // RFC 4180: plain text as it is; quoted when it holds the delimiter, a quote, CR or LF; quotes doubled.
    CSVCellCase("plain", guarded: "plain"),
    CSVCellCase("", guarded: ""),
    CSVCellCase("a,b", guarded: "\"a,b\""),
    CSVCellCase("say \"hi\"", guarded: "\"say \"\"hi\"\"\""),
    CSVCellCase("\"", guarded: "\"\"\"\""),
    CSVCellCase("line 1\nline 2", guarded: "\"line 1\nline 2\""),
    CSVCellCase("line 1\r\nline 2", guarded: "\"line 1\r\nline 2\""),
    CSVCellCase("cr\ronly", guarded: "\"cr\ronly\""),
    CSVCellCase("semi;colon", guarded: "semi;colon"),
    CSVCellCase("tab\tinside", guarded: "tab\tinside"),
    CSVCellCase("it's", guarded: "it's"),
    CSVCellCase("'already quoted", guarded: "'already quoted"),
    // Only white space: written as it is, nothing to guard.
    CSVCellCase(" ", guarded: " "),
    CSVCellCase("   ", guarded: "   "),
    CSVCellCase(" =1+1", guarded: " =1+1"),
    // Formula starts get a leading ' (and are quoted when they need it anyway).
    CSVCellCase("=1+1", guarded: "'=1+1", raw: "=1+1"),
    CSVCellCase("=HYPERLINK(\"http://example.com\",\"x\")",
                guarded: "\"'=HYPERLINK(\"\"http://example.com\"\",\"\"x\"\")\"",
                raw: "\"=HYPERLINK(\"\"http://example.com\"\",\"\"x\"\")\""),
    CSVCellCase("@SUM(A1)", guarded: "'@SUM(A1)", raw: "@SUM(A1)"),
    CSVCellCase("+1", guarded: "'+1", raw: "+1"),
    CSVCellCase("+", guarded: "'+", raw: "+"),
    CSVCellCase("-1+1", guarded: "'-1+1", raw: "-1+1"),
    CSVCellCase("-5% YoY", guarded: "'-5% YoY", raw: "-5% YoY"),
    CSVCellCase("-2+3+cmd|' /C calc'!A0", guarded: "'-2+3+cmd|' /C calc'!A0", raw: "-2+3+cmd|' /C calc'!A0"),
    CSVCellCase("-1e5", guarded: "'-1e5", raw: "-1e5"),
    CSVCellCase("-1.", guarded: "'-1.", raw: "-1."),
    CSVCellCase("--1", guarded: "'--1", raw: "--1"),
    CSVCellCase("\tindented", guarded: "'\tindented", raw: "\tindented"),
    CSVCellCase("\t", guarded: "'\t", raw: "\t"),
    CSVCellCase("\nstarts with LF", guarded: "\"'\nstarts with LF\"", raw: "\"\nstarts with LF\""),
    CSVCellCase("\r\nstarts with CRLF", guarded: "\"'\r\nstarts with CRLF\"", raw: "\"\r\nstarts with CRLF\""),
    CSVCellCase("=a,b", guarded: "\"'=a,b\"", raw: "\"=a,b\""),
    // A lone '-' and plain negative numbers are no formula anywhere: left as they are.
    CSVCellCase("-", guarded: "-"),
    CSVCellCase("-42", guarded: "-42"),
    CSVCellCase("-0.5", guarded: "-0.5"),
    // Not formula starts.
    CSVCellCase("42", guarded: "42"),
    CSVCellCase("a=b", guarded: "a=b"),
    CSVCellCase("＝1+1", guarded: "＝1+1"),
    // UTF-8 as it is.
    CSVCellCase("华为", guarded: "华为"),
    CSVCellCase("中芯国际, ไทย", guarded: "\"中芯国际, ไทย\""),
    CSVCellCase("café 🚀", guarded: "café 🚀"),
]

@Suite struct CSVWriterTests {
    func bytes(_ writer: CSVWriter, _ cells: [CSVWriter.Cell]) -> [UInt8] {
        var out: [UInt8] = []
        writer.appendRecord(cells, to: &out)
        return out
    }

    @Test(arguments: csvCellCases)
    func textCellWithTheGuard(_ cell: CSVCellCase) {
        #expect(bytes(CSVWriter(), [.text(cell.value)]) == Array((cell.guarded + "\r\n").utf8))
    }

    @Test(arguments: csvCellCases)
    func textCellWithoutTheGuard(_ cell: CSVCellCase) {
        let raw = CSVWriter(options: .init(formulaGuard: false))
        #expect(bytes(raw, [.text(cell.value)]) == Array((cell.raw + "\r\n").utf8))
    }

    @Test func aRecordIsItsCellsJoinedByCommasAndEndedByCRLF() {
        let writer = CSVWriter()
        #expect(writer.record(["a", "b,c", "", "d\"e"]) == "a,\"b,c\",,\"d\"\"e\"\r\n")
        #expect(writer.record([]) == "\r\n")
        #expect(writer.record([.text(nil), .number(nil)]) == ",\r\n")
        #expect(writer.record(["only"]) == "only\r\n")
    }

    @Test func numericCellsAreNeverGuarded() {
        for writer in [CSVWriter(), CSVWriter(options: .excel), CSVWriter(options: .init(formulaGuard: false))] {
            #expect(writer.record([.number(-1), .number(0), .number(42), .number(Int64.min), .number(nil)])
                == "-1,0,42,\(Int64.min),\r\n")
        }
    }

    @Test func newlinesInsideQuotedCellsStayAsTheyAre() {
        let out = bytes(CSVWriter(), [.text("a\r\nb"), .text("c\nd"), .number(7)])
        #expect(out == [0x22, 0x61, 0x0D, 0x0A, 0x62, 0x22, 0x2C, 0x22, 0x63, 0x0A, 0x64, 0x22, 0x2C, 0x37, 0x0D, 0x0A])
    }

    @Test func huaweiIsWrittenAsItsUTF8Bytes() {
        // 华 U+534E = E5 8D 8E, 为 U+4E3A = E4 B8 BA.
        #expect(bytes(CSVWriter(), [.text("华为")]) == [0xE5, 0x8D, 0x8E, 0xE4, 0xB8, 0xBA, 0x0D, 0x0A])
        #expect(bytes(CSVWriter(), [.text("中芯国际")]) == Array("中芯国际".utf8) + [0x0D, 0x0A])
    }

    @Test func semicolonDelimiter() {
        let writer = CSVWriter(options: .init(delimiter: UInt8(ascii: ";")))
        #expect(writer.record(["a;b", "c,d", "=1", .number(-3)]) == "\"a;b\";c,d;'=1;-3\r\n")
    }

    @Test func tabDelimiter() {
        let writer = CSVWriter(options: .init(delimiter: 0x09))
        #expect(writer.record(["a\tb", "c,d", "e;f", "\tlead"]) == "\"a\tb\"\tc,d\te;f\t\"'\tlead\"\r\n")
        let raw = CSVWriter(options: .init(delimiter: 0x09, formulaGuard: false))
        #expect(raw.record(["\tlead", "x"]) == "\"\tlead\"\tx\r\n")
    }

    @Test func theBOMIsOnlyThePreamble() {
        #expect(CSVWriter().preamble == [])
        #expect(CSVWriter(options: .init(byteOrderMark: true)).preamble == [0xEF, 0xBB, 0xBF])
        let semicolons = CSVWriter(options: .init(delimiter: UInt8(ascii: ";"), byteOrderMark: true))
        #expect(semicolons.preamble == [0xEF, 0xBB, 0xBF])
        // Records never carry it.
        #expect(semicolons.record(["a", "b"]) == "a;b\r\n")
    }

    @Test func theExcelPresetIsBOMCRLFAndTheGuard() {
        let excel = CSVWriter.Options.excel
        #expect(excel.byteOrderMark)
        #expect(excel.formulaGuard)
        #expect(excel.recordEnd == "\r\n")
        #expect(excel.delimiter == UInt8(ascii: ","))
        #expect(CSVWriter(options: excel).record(["=1", "华为"]) == "'=1,华为\r\n")
    }

    @Test func aRecordWriterStreamsTheHeaderThenTheRecords() throws {
        let events = [
            Event(
                id: 1, date: PartialDate(parsing: "2024-10"), text: "=HYPERLINK(\"http://example.com\",\"x\")",
                topics: ["export-controls", "ai-chips"], entities: ["Huawei", "SMIC"], mentions: 2,
                articles: [ArticleRef(id: 3, title: "t", source: "Reuters, Asia"), ArticleRef(id: 4, title: "u", source: "新华社")]),
            Event(
                id: 2, date: PartialDate(parsing: "spring 2024"), text: "-", topics: [], entities: [], mentions: 1,
                articles: [ArticleRef(id: 5, title: "v", source: "Le Monde")]),
        ]
        var chunks: [[UInt8]] = []
        var writer = RecordWriter<Event>(format: .csv, csv: CSVWriter(options: .excel)) { chunks.append($0) }
        for event in events { try writer.write(event) }
        try writer.finish()
        let out = chunks.joined()
        #expect(Array(out.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: out.dropFirst(3), as: UTF8.self) == """
            id,date,precision,start,end,text,topics,entities,mentions,article_ids,sources\r
            1,2024-10,month,2024-10-01,2024-10-31,"'=HYPERLINK(""http://example.com"",""x"")",export-controls; ai-chips,Huawei; SMIC,2,3; 4,"Reuters, Asia; 新华社"\r
            2,spring 2024,unknown,,,-,,,1,5,Le Monde\r

            """)
        #expect(writer.written == 2)
    }

    /// The first writer, cell by cell over a copy of the bytes: the fast one must agree.
    static func referenceCell(_ text: String, delimiter: UInt8, guard formulaGuard: Bool) -> [UInt8] {
        var utf8 = Array(text.utf8)
        let starts: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D, 0x0A]
        if formulaGuard, let first = utf8.first, starts.contains(first), !CSVWriter.isInert(utf8) {
            utf8.insert(UInt8(ascii: "'"), at: 0)
        }
        guard utf8.contains(where: { $0 == delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return utf8 }
        return [0x22] + utf8.flatMap { $0 == 0x22 ? [0x22, 0x22] : [$0] } + [0x22]
    }

    @Test func theWriterAgreesWithTheReferenceOnEveryCaseAndMixOfThem() {
        var texts = csvCellCases.map(\.value)
        texts += ["\"", "\"\"", "a\"", "\"a", "\"=1\"", "-\"1\"", "-1\r", "-1\n", "@\"", "'", "\u{0}", "é\"ü", "🚀,\"🚀\""]
        texts += csvCellCases.map { $0.value + "\"" + $0.value }
        texts += zip(csvCellCases, csvCellCases.reversed()).map { $0.value + $1.value }
        for delimiter: UInt8 in [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09] {
            for formulaGuard in [true, false] {
                let writer = CSVWriter(options: .init(delimiter: delimiter, formulaGuard: formulaGuard))
                for text in texts {
                    let expected = Self.referenceCell(text, delimiter: delimiter, guard: formulaGuard) + [0x0D, 0x0A]
                    #expect(bytes(writer, [.text(text)]) == expected, "\(text.debugDescription) \(delimiter) \(formulaGuard)")
                    // Bridged and sliced strings take the same route.
                    let substring = String(("x" + text).dropFirst())
                    #expect(bytes(writer, [.text(substring)]) == expected)
                }
            }
        }
    }

    @Test func numbersAreWrittenAsStringWritesThem() {
        let values: [Int64] = [0, 1, -1, 9, 10, -10, 99, 100, 12_345, -98_765, Int64(Int32.max), Int64.max, Int64.min, Int64.min + 1]
        for value in values {
            var out: [UInt8] = []
            CSVWriter.appendDecimal(value, to: &out)
            #expect(out == Array(String(value).utf8))
        }
    }

    @Test func anEmptyCSVIsTheHeaderOnly() throws {
        var out: [UInt8] = []
        var writer = RecordWriter<TakeawayRow>(format: .csv) { out += $0 }
        try writer.finish()
        #expect(String(decoding: out, as: UTF8.self) == "id,article_id,day,source,article_title,position,text\r\n")
    }
}
