/// Writes RFC 4180 CSV that spreadsheets open safely.
///
/// - Records end with CRLF; fields holding the delimiter, a quote, CR or LF are quoted,
///   quotes doubled; text is UTF-8.
/// - Formula guard (OWASP "CSV Injection"): a text cell starting with `=`, `+`, `-`, `@`,
///   tab, CR or LF gets a leading `'` so Excel, Sheets and LibreOffice show it as text
///   instead of running it. Cells marked numeric are never guarded. Turn the guard off
///   (`formulaGuard: false`) for pipelines that read the values back.
/// - Two kinds of text start with `-` but are no formula in any spreadsheet, and are left
///   as they are so the analyst sees the stored text: a lone `-` (a common "none"
///   placeholder) and a plain negative number (`-42`, `-0.5`), which a spreadsheet
///   reads as that number. Anything more (`-1+1`, `-5% YoY`, `-cmd|…`) is guarded.
public struct CSVWriter: Sendable {
    /// Options for a CSV dialect.
    public struct Options: Sendable, Hashable {
        /// The byte between fields: `,` by default.
        public var delimiter: UInt8
        /// Whether text cells that a spreadsheet would run as a formula get a leading `'`; on by default.
        public var formulaGuard: Bool
        /// Whether the file starts with a UTF-8 byte order mark (Excel needs one to read UTF-8); off by default.
        public var byteOrderMark: Bool
        /// What ends each record: CRLF (`"\r\n"`) by default, as RFC 4180 says.
        public var recordEnd: String

        /// A dialect with these options; the defaults are RFC 4180 with the formula guard on and no BOM.
        public init(delimiter: UInt8 = UInt8(ascii: ","), formulaGuard: Bool = true, byteOrderMark: Bool = false, recordEnd: String = "\r\n") {
            self.delimiter = delimiter
            self.formulaGuard = formulaGuard
            self.byteOrderMark = byteOrderMark
            self.recordEnd = recordEnd
        }

        /// The preset for Excel: BOM, CRLF, formula guard.
        public static let excel = Options(formulaGuard: true, byteOrderMark: true)
    }

    /// A cell: text (guarded) or a number (never guarded).
    public enum Cell: Sendable, Hashable, ExpressibleByStringLiteral {
        /// A text cell, quoted when it must be and formula-guarded; nil writes an empty field.
        case text(String?)
        /// A number cell, written as decimal digits and never guarded; nil writes an empty field.
        case number(Int64?)

        public init(stringLiteral value: String) { self = .text(value) }
    }

    /// The dialect the writer writes.
    public var options: Options

    /// A writer of this dialect; by default RFC 4180 with the formula guard on and no BOM.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// The bytes that start the file (the BOM, when asked for).
    public var preamble: [UInt8] { options.byteOrderMark ? [0xEF, 0xBB, 0xBF] : [] }

    /// Appends one record to `out`.
    public func appendRecord(_ cells: [Cell], to out: inout [UInt8]) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { out.append(options.delimiter) }
            switch cell {
            case .number(let value):
                if let value { Self.appendDecimal(value, to: &out) }
            case .text(let value):
                if let value { appendText(value, to: &out) }
            }
        }
        out.append(contentsOf: options.recordEnd.utf8)
    }

    /// One record as a string (for tests and small outputs).
    public func record(_ cells: [Cell]) -> String {
        var out: [UInt8] = []
        appendRecord(cells, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private func appendText(_ text: String, to out: inout [UInt8]) {
        var text = text
        // Native strings are one contiguous UTF-8 buffer: read the bytes in place.
        text.withUTF8 { appendText(bytes: $0, to: &out) }
    }

    private func appendText(bytes utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let guarded: Bool
        if options.formulaGuard, let first = utf8.first, Self.isFormulaStart(first) {
            guarded = !Self.isInert(utf8)
        } else {
            guarded = false
        }
        let delimiter = options.delimiter
        let needsQuotes = utf8.contains { (byte: UInt8) -> Bool in
            byte == delimiter || byte == 0x22 || byte == 0x0A || byte == 0x0D
        }
        if needsQuotes { out.append(0x22) }
        if guarded { out.append(UInt8(ascii: "'")) }
        if needsQuotes {
            // Copy the runs between quotes whole, doubling each quote.
            var run = utf8.startIndex
            for index in utf8.indices where utf8[index] == 0x22 {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...index]))
                out.append(0x22)
                run = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
            out.append(0x22)
        } else {
            out.append(contentsOf: utf8)
        }
    }

    /// Whether text that starts with a formula character is still no formula: `-` alone, or
    /// `-` then digits with an optional `.digits` fraction.
    static func isInert<Bytes: Collection<UInt8>>(_ utf8: Bytes) -> Bool {
        guard utf8.first == UInt8(ascii: "-") else { return false }
        let rest = utf8.dropFirst()
        if rest.isEmpty { return true }
        let parts = rest.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        let isDigits = { (part: Bytes.SubSequence.SubSequence) in !part.isEmpty && part.allSatisfy { (0x30...0x39).contains($0) } }
        return parts.allSatisfy(isDigits)
    }

    /// Whether a text starting with `byte` may be read as a formula: `=`, `+`, `-`, `@`, tab, CR, LF.
    static func isFormulaStart(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D, 0x0A: return true
        default: return false
        }
    }

    /// The decimal digits of `value`, with its sign, as `String(value)` writes them.
    static func appendDecimal(_ value: Int64, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        // The magnitude is unsigned, so Int64.min has one too; 20 digits at most.
        var magnitude = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(truncatingIfNeeded: 0x30 + magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }
}
