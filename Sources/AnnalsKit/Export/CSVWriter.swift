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
        public var delimiter: UInt8
        public var formulaGuard: Bool
        public var byteOrderMark: Bool
        public var recordEnd: String

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
        case text(String?)
        case number(Int64?)

        public init(stringLiteral value: String) { self = .text(value) }
    }

    public var options: Options

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
                if let value { out.append(contentsOf: String(value).utf8) }
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
        var utf8 = Array(text.utf8)
        if options.formulaGuard, let first = utf8.first, Self.formulaStarts.contains(first), !Self.isInert(utf8) {
            utf8.insert(UInt8(ascii: "'"), at: 0)
        }
        let delimiter = options.delimiter
        let needsQuotes = utf8.contains { (byte: UInt8) -> Bool in
            byte == delimiter || byte == 0x22 || byte == 0x0A || byte == 0x0D
        }
        guard needsQuotes else {
            out.append(contentsOf: utf8)
            return
        }
        out.append(0x22)
        for byte in utf8 {
            if byte == 0x22 { out.append(0x22) }
            out.append(byte)
        }
        out.append(0x22)
    }

    /// Whether text that starts with a formula character is still no formula: `-` alone, or
    /// `-` then digits with an optional `.digits` fraction.
    static func isInert(_ utf8: [UInt8]) -> Bool {
        guard utf8.first == UInt8(ascii: "-") else { return false }
        let rest = utf8.dropFirst()
        if rest.isEmpty { return true }
        let parts = rest.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        let isDigits = { (part: ArraySlice<UInt8>) in !part.isEmpty && part.allSatisfy { (0x30...0x39).contains($0) } }
        return parts.allSatisfy(isDigits)
    }

    /// `=`, `+`, `-`, `@`, tab, CR, LF.
    static let formulaStarts: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D, 0x0A]
}
