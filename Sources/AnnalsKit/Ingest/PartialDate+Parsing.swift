extension PartialDate {
    /// Reads a timeline date as written, never failing: what cannot be read becomes a
    /// date of precision ``Precision/unknown`` with no normalized form and no interval.
    ///
    /// `text` keeps the date as written, trimmed of surrounding white space (the only
    /// change made to it). Reading is case-insensitive and ignores one trailing period.
    ///
    /// Accepted forms (examples; `Mon` is a three-letter month or `Sept`, optionally
    /// followed by a period):
    ///
    /// | precision | forms |
    /// |-----------|-------|
    /// | year      | `2024` |
    /// | quarter   | `Q3 2025`, `Q3-2025`, `Q3, 2025`, `2025-Q3`, `2025 Q3` |
    /// | month     | `2024-10`, `2024/10`, `October 2024`, `Oct 2024`, `Sept. 2024`, `October, 2024` |
    /// | day       | `2024-10-15`, `2024/10/15`, `15 October 2024`, `15 Oct 2024`, `October 15, 2024`, `Oct 15 2024`, `March 5th, 2025`, `5th March 2025` |
    ///
    /// | half      | `H1 2025`, `2025-H2`, `1H 2025`, `first half of 2025`, `second half 2025` |
    /// | third     | `early 2025` (January–April), `mid-2024`, `middle of 2024` (May–August), `late 2023` (September–December) |
    ///
    /// Chinese and Japanese forms read too: `2025年`, `2025年3月`, `2025年3月5日`.
    ///
    /// Numeric months and days may have one or two digits (`2024-3-5`). Years must be
    /// 1000…9999, and the day must exist (`2025-02-30` is unknown). Anything else —
    /// "2024-10-15T10:00", "last week", "spring 2025", "" — is unknown: nothing is
    /// guessed, and no part is filled in from today.
    public init(parsing text: String) {
        let trimmed = text.trimmingSurroundingWhitespace()
        let utf8 = trimmed.utf8
        let reading =
            (utf8.withContiguousStorageIfAvailable { DateReader.read($0) }
            ?? Array(utf8).withUnsafeBufferPointer { DateReader.read($0) })
            ?? DateReader.readCJK(trimmed)
        guard let reading else {
            if let vague = PartialDate(vague: trimmed) {
                self = vague
                return
            }
            self.init(text: trimmed, normalized: nil, precision: .unknown, start: nil, end: nil)
            return
        }
        self.init(
            text: trimmed, normalized: reading.normalized, precision: reading.precision,
            start: reading.start, end: reading.end)
    }
}

/// What a date's text was read as, before it becomes a ``PartialDate``.
private struct DateReading {
    var precision: PartialDate.Precision
    var normalized: String
    var start: Day
    var end: Day

    static func year(_ y: Int) -> DateReading? {
        guard (1000...9999).contains(y), let (start, end) = PartialDate.Precision.year.period(1, of: y) else { return nil }
        return DateReading(precision: .year, normalized: digits(y, 4), start: start, end: end)
    }

    static func quarter(_ q: Int, of y: Int) -> DateReading? {
        guard (1000...9999).contains(y), let (start, end) = PartialDate.Precision.quarter.period(q, of: y) else { return nil }
        return DateReading(
            precision: .quarter, normalized: digits(y, 4) + "-Q" + digits(q, 1), start: start, end: end)
    }

    static func month(_ m: Int, of y: Int) -> DateReading? {
        guard (1000...9999).contains(y), let (start, end) = PartialDate.Precision.month.period(m, of: y) else { return nil }
        return DateReading(
            precision: .month, normalized: digits(y, 4) + "-" + digits(m, 2), start: start, end: end)
    }

    static func day(_ d: Int, _ m: Int, of y: Int) -> DateReading? {
        guard (1000...9999).contains(y), let day = Day(year: y, month: m, day: d) else { return nil }
        return DateReading(
            precision: .day, normalized: digits(y, 4) + "-" + digits(m, 2) + "-" + digits(d, 2),
            start: day, end: day)
    }

    /// `n` in decimal, zero-padded to `width` digits (n is never negative here).
    private static func digits(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

/// The grammar of ``PartialDate/init(parsing:)``, over UTF-8 bytes: a fast path for the
/// ISO forms, then a small tokenizer for the rest. No regex, no date formatter.
private enum DateReader {
    static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> DateReading? {
        var count = bytes.count
        if count > 0, bytes[count - 1] == UInt8(ascii: ".") { count -= 1 }
        guard count >= 4, count <= 40 else { return nil }
        let b = UnsafeBufferPointer(rebasing: bytes[0..<count])

        // Fast path: YYYY, YYYY-MM, YYYY-MM-DD exactly.
        if let y = number(b, 0, 4) {
            switch count {
            case 4: return .year(y)
            case 7 where b[4] == dash:
                if let m = number(b, 5, 2) { return .month(m, of: y) }
            case 10 where b[4] == dash && b[7] == dash:
                if let m = number(b, 5, 2), let d = number(b, 8, 2) { return .day(d, m, of: y) }
            default: break
            }
        }
        guard let tokens = tokenize(b) else { return nil }
        return match(tokens)
    }

    private static let dash = UInt8(ascii: "-")

    /// The decimal number in `b[at..<at+width]`, when those bytes are all digits.
    private static func number(_ b: UnsafeBufferPointer<UInt8>, _ at: Int, _ width: Int) -> Int? {
        guard at + width <= b.count else { return nil }
        var n = 0
        for i in at..<(at + width) {
            let d = b[i] &- UInt8(ascii: "0")
            guard d < 10 else { return nil }
            n = n * 10 + Int(d)
        }
        return n
    }

    enum Token: Equatable {
        case number(Int, digits: Int)
        /// A day with an English ordinal suffix: `5th`, `1st`, `22nd`.
        case ordinal(Int)
        case month(Int)
        case quarter(Int)
        case dash, slash, comma, space
    }

    static func tokenize(_ b: UnsafeBufferPointer<UInt8>) -> [Token]? {
        var tokens: [Token] = []
        tokens.reserveCapacity(8)
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                var value = 0
                var digits = 0
                while i < n, b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") {
                    value = value * 10 + Int(b[i] - UInt8(ascii: "0"))
                    digits += 1
                    i += 1
                    if digits > 4 { return nil }
                }
                let letters = i
                while i < n, isLetter(b[i]) { i += 1 }
                if i == letters {
                    tokens.append(.number(value, digits: digits))
                } else {
                    guard digits <= 2, i - letters == 2 else { return nil }
                    let suffix = (lower(b[letters]), lower(b[letters + 1]))
                    switch suffix {
                    case (UInt8(ascii: "s"), UInt8(ascii: "t")), (UInt8(ascii: "n"), UInt8(ascii: "d")),
                        (UInt8(ascii: "r"), UInt8(ascii: "d")), (UInt8(ascii: "t"), UInt8(ascii: "h")):
                        tokens.append(.ordinal(value))
                    default: return nil
                    }
                }
            case _ where isLetter(c):
                let first = i
                while i < n, isLetter(b[i]) { i += 1 }
                if i - first == 1, lower(c) == UInt8(ascii: "q"), i < n,
                    let q = number(b, i, 1), i + 1 == n || !isDigit(b[i + 1])
                {
                    tokens.append(.quarter(q))
                    i += 1
                    continue
                }
                guard let m = month(UnsafeBufferPointer(rebasing: b[first..<i])) else { return nil }
                tokens.append(.month(m))
                if i < n, b[i] == UInt8(ascii: ".") { i += 1 }  // "Sept. 2024"
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                if tokens.last != .space { tokens.append(.space) }
                i += 1
            case UInt8(ascii: ","):
                tokens.append(.comma)
                i += 1
            case UInt8(ascii: "-"):
                tokens.append(.dash)
                i += 1
            case UInt8(ascii: "/"):
                tokens.append(.slash)
                i += 1
            default:
                return nil
            }
        }
        return tokens
    }

    static func match(_ tokens: [Token]) -> DateReading? {
        if tokens.contains(.dash) || tokens.contains(.slash) {
            // Forms with '-' or '/': exact token sequences, no spaces.
            switch tokens.count {
            case 3:
                switch (tokens[0], tokens[1], tokens[2]) {
                case (.number(let y, digits: 4), .dash, .number(let m, let md)) where md <= 2,
                    (.number(let y, digits: 4), .slash, .number(let m, let md)) where md <= 2:
                    return .month(m, of: y)
                case (.number(let y, digits: 4), .dash, .quarter(let q)),
                    (.quarter(let q), .dash, .number(let y, digits: 4)):
                    return .quarter(q, of: y)
                default:
                    return nil
                }
            case 5:
                guard tokens[1] == tokens[3] else { return nil }
                switch (tokens[0], tokens[1], tokens[2], tokens[4]) {
                case (.number(let y, digits: 4), .dash, .number(let m, let md), .number(let d, let dd))
                where md <= 2 && dd <= 2,
                    (.number(let y, digits: 4), .slash, .number(let m, let md), .number(let d, let dd))
                where md <= 2 && dd <= 2:
                    return .day(d, m, of: y)
                default:
                    return nil
                }
            default:
                return nil
            }
        }

        // Word forms: spaces separate; one comma may follow a month, day or quarter
        // ("October 15, 2024", "October, 2024", "Q3, 2025"), never a year or the end.
        var words: [Token] = []
        words.reserveCapacity(tokens.count)
        var commas = 0
        for token in tokens {
            switch token {
            case .space:
                continue
            case .comma:
                commas += 1
                guard commas == 1, let previous = words.last else { return nil }
                if case .number(_, digits: 4) = previous { return nil }
            default:
                words.append(token)
            }
        }
        if tokens.last == .comma { return nil }
        switch words.count {
        case 1:
            if case .number(let y, digits: 4) = words[0] { return .year(y) }
            return nil
        case 2:
            switch (words[0], words[1]) {
            case (.quarter(let q), .number(let y, digits: 4)), (.number(let y, digits: 4), .quarter(let q)):
                return .quarter(q, of: y)
            case (.month(let m), .number(let y, digits: 4)):
                return .month(m, of: y)
            default:
                return nil
            }
        case 3:
            guard case .number(let y, digits: 4) = words[2] else { return nil }
            switch (words[0], words[1]) {
            case (.month(let m), .number(let d, let dd)) where dd <= 2,
                (.number(let d, let dd), .month(let m)) where dd <= 2:
                return .day(d, m, of: y)
            case (.month(let m), .ordinal(let d)), (.ordinal(let d), .month(let m)):
                return .day(d, m, of: y)
            default:
                return nil
            }
        default:
            return nil
        }
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
    private static func isLetter(_ c: UInt8) -> Bool { lower(c) >= UInt8(ascii: "a") && lower(c) <= UInt8(ascii: "z") }
    private static func lower(_ c: UInt8) -> UInt8 { c | 0x20 }

    /// The month named by an English name or abbreviation (`mar`, `march`, `sep`, `sept`).
    private static func month(_ word: UnsafeBufferPointer<UInt8>) -> Int? {
        guard word.count >= 3, word.count <= 9 else { return nil }
        var lowered: [UInt8] = []
        lowered.reserveCapacity(word.count)
        for c in word { lowered.append(lower(c)) }
        return ParserVocabulary.months[String(decoding: lowered, as: UTF8.self)]
    }
}

extension String {
    /// The text without leading and trailing white space or line breaks (Unicode
    /// White_Space, so a no-break space goes too); the text itself when there is none.
    func trimmingSurroundingWhitespace() -> String {
        let utf8 = self.utf8
        if let first = utf8.first, let last = utf8.last,
            first > 0x20, first < 0x80, last > 0x20, last < 0x80
        {
            return self
        }
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace { scalars.formIndex(after: &start) }
        while end > start {
            let before = scalars.index(before: end)
            guard scalars[before].properties.isWhitespace else { break }
            end = before
        }
        return String(self[start..<end])
    }
}

private extension DateReader {
    /// `YYYY年`, `YYYY年M月`, `YYYY年M月D日`: the forms Chinese and Japanese cards use.
    static func readCJK(_ text: String) -> DateReading? {
        guard text.contains("年") else { return nil }
        var numbers: [Int] = []
        var markers: [Character] = []
        var digits = ""
        for character in text {
            if let digit = character.wholeNumberValue, character.isASCII {
                digits.append(Character(String(digit)))
            } else if "年月日".contains(character), !digits.isEmpty, let number = Int(digits) {
                numbers.append(number)
                markers.append(character)
                digits = ""
            } else {
                return nil
            }
        }
        guard digits.isEmpty else { return nil }
        switch markers {
        case ["年"]: return .year(numbers[0])
        case ["年", "月"]: return .month(numbers[1], of: numbers[0])
        case ["年", "月", "日"]: return .day(numbers[2], numbers[1], of: numbers[0])
        default: return nil
        }
    }
}
