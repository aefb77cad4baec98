/// A calendar day, written and compared as ISO 8601 `YYYY-MM-DD`.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year, 1…9999.
    public var year: Int
    /// The month, 1 (January) … 12.
    public var month: Int
    /// The day of the month, from 1.
    public var day: Int

    /// A day, when `year`, `month` and `day` name one that exists (proleptic Gregorian).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Day.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: String) {
        // The stored form, ASCII digits, read byte by byte; anything else the general way.
        if let parsed = text.utf8.withContiguousStorageIfAvailable(Day.digits), let (y, m, d) = parsed {
            self.init(year: y, month: m, day: d)
            return
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else {
            // Only a day changed by hand gets here: pad each part, however long.
            func pad(_ n: Int, _ width: Int) -> String {
                let s = String(n)
                return String(repeating: "0", count: max(0, width - s.count)) + s
            }
            return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        }
        return String(unsafeUninitializedCapacity: 10) { out in
            func put(_ n: Int, _ width: Int, at start: Int) {
                var n = n
                for index in stride(from: start + width - 1, through: start, by: -1) {
                    out[index] = UInt8(truncatingIfNeeded: 0x30 + n % 10)
                    n /= 10
                }
            }
            put(year, 4, at: 0)
            out[4] = UInt8(ascii: "-")
            put(month, 2, at: 5)
            out[7] = UInt8(ascii: "-")
            put(day, 2, at: 8)
            return 10
        }
    }

    /// Year, month and day of `YYYY-MM-DD` in ASCII digits; nil when `bytes` is not that.
    private static func digits(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int)? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for index in range {
                let digit = Int(bytes[index]) - 0x30
                guard (0...9).contains(digit) else { return nil }
                n = n * 10 + digit
            }
            return n
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        return (y, m, d)
    }

    public var description: String { iso }

    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// The number of days in `month` of `year`.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // MARK: - Day numbers (Howard Hinnant's `days_from_civil` and `civil_from_days`)

    /// Days since 1970-01-01 (negative before), for any proleptic Gregorian date.
    static func ordinal(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Days since 1970-01-01 (negative before).
    var ordinal: Int { Self.ordinal(year: year, month: month, day: day) }

    /// The day `ordinal` days after 1970-01-01, when it is in 0001…9999.
    init?(ordinal: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let d = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let m = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        self.init(year: yearOfEra + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }
}

/// A date as a timeline writes it, often partial ("2024-10", "Q3 2025"), with the
/// normalized form, precision and inclusive interval it stands for.
///
/// A date that cannot be read keeps its text, has precision ``Precision/unknown``
/// and no interval: it is never guessed (no day filled in from today).
public struct PartialDate: Hashable, Sendable {
    /// How much of the date is known.
    public enum Precision: String, Hashable, Sendable, Codable, CaseIterable {
        /// A single day (`2024-10-15`, `15 October 2024`).
        case day
        /// A calendar month (`2024-10`, `October 2024`, `2024年3月`).
        case month
        /// A calendar quarter (`Q3 2024`, `2024-Q3`).
        case quarter
        /// The first or second half of a year (`H1 2025`).
        case half
        /// A third of a year: early (January–April), mid (May–August) or late (September–December).
        case third
        /// A whole year (`2024`).
        case year
        /// A date that could not be read: kept as written, with no normalized form and no interval.
        case unknown
    }

    /// The date exactly as written.
    public var text: String
    /// EDTF-style form: `2024`, `2024-H1`, `2024-T3` (late 2024), `2024-Q3`, `2024-10`, `2024-10-15`; nil when unreadable.
    public var normalized: String?
    /// How much of the date is known; ``Precision/unknown`` when it could not be read.
    public var precision: Precision
    /// First day covered (inclusive); nil when unreadable.
    public var start: Day?
    /// Last day covered (inclusive); nil when unreadable.
    public var end: Day?

    /// A date with these values, taken as given (``init(parsing:)`` reads one from its text).
    public init(text: String, normalized: String?, precision: Precision, start: Day?, end: Day?) {
        self.text = text
        self.normalized = normalized
        self.precision = precision
        self.start = start
        self.end = end
    }

    /// Whether the date could be read into an interval.
    public var isKnown: Bool { start != nil }

    /// Whether `start` and `end` are exactly one period of ``precision``, as every date the
    /// parsers read is: one day; the whole calendar month, quarter, third, half or year that
    /// `start` begins; or no interval at all for an unreadable date. The archive stores only
    /// such dates (``Archive/store(_:merger:receivedAt:)`` rejects a document with another),
    /// since a page by recency finds a dated event from the day its period starts.
    public var isOnePeriod: Bool {
        switch (precision, start, end) {
        case (.unknown, nil, nil):
            return true
        case (.day, let start?, let end?):
            return start == end
        case (_, let start?, let end?):
            return precision.period(holding: start).map { $0 == (start, end) } ?? false
        default:
            return false
        }
    }

    /// The quarter, or else the year, that holds both dates' intervals; nil when they are in
    /// different years or one cannot be read. Written in its normalized form (`2025-Q2`, `2025`).
    public static func enclosing(_ a: PartialDate, _ b: PartialDate) -> PartialDate? {
        guard let aStart = a.start, let aEnd = a.end, let bStart = b.start, let bEnd = b.end else { return nil }
        let year = aStart.year
        guard aEnd.year == year, bStart.year == year, bEnd.year == year else { return nil }
        let quarters = Set([aStart, aEnd, bStart, bEnd].map { ($0.month - 1) / 3 })
        if quarters.count == 1, let q = quarters.first, let quarter = Precision.quarter.period(q + 1, of: year) {
            return PartialDate(
                text: "\(year)-Q\(q + 1)", normalized: "\(year)-Q\(q + 1)", precision: .quarter, start: quarter.start, end: quarter.end)
        }
        let whole = Precision.year.period(1, of: year)
        return PartialDate(text: "\(year)", normalized: "\(year)", precision: .year, start: whole?.start, end: whole?.end)
    }

    /// Whether this date says more than `other` about the same time: its interval lies
    /// inside `other`'s and is shorter (2025-03 refines 2025; 2025 does not refine 2025-03).
    public func refines(_ other: PartialDate) -> Bool {
        guard let start, let end, let otherStart = other.start, let otherEnd = other.end else { return false }
        return otherStart <= start && end <= otherEnd && (otherStart < start || end < otherEnd)
    }
}

extension PartialDate.Precision {
    /// The months a period of this precision spans: its periods start on the 1st of January
    /// and of every `months`-th month after it, and end the day before the next begins. Nil
    /// for a day (its own period) and for a date that could not be read.
    var months: Int? {
        switch self {
        case .day, .unknown: nil
        case .month: 1
        case .quarter: 3
        case .third: 4
        case .half: 6
        case .year: 12
        }
    }

    /// The first and last days of the `number`-th period of this precision in `year`
    /// (counting from 1: `Q2` is the quarter numbered 2); nil for a day, an unknown date or
    /// a number the year has no period for. The parser, a forced merge's ``PartialDate/enclosing(_:_:)``,
    /// `annals check` and the walk by recency all take a period's days from here.
    func period(_ number: Int, of year: Int) -> (start: Day, end: Day)? {
        guard let months, (1...12 / months).contains(number) else { return nil }
        let last = number * months
        guard let start = Day(year: year, month: last - months + 1, day: 1),
            let end = Day(year: year, month: last, day: Day.daysIn(month: last, year: year))
        else { return nil }
        return (start, end)
    }

    /// The period of this precision that holds `day`; nil for a day or an unknown date.
    func period(holding day: Day) -> (start: Day, end: Day)? {
        guard let months else { return nil }
        return period((day.month - 1) / months + 1, of: day.year)
    }
}

extension PartialDate {
    /// The first days of the periods of every precision that hold `day`: the day itself,
    /// and the 1st of its month, quarter, third, half and year, latest first, each once.
    /// A date Annals reads is one such period, so a dated event that starts before `day`
    /// and ends on it or after starts on one of these days (`annals check` says when an
    /// event's date is not such a period).
    static func periodStarts(holding day: Day) -> [Day] {
        var starts: [Day] = [day]
        for precision in Precision.allCases {
            guard let start = precision.period(holding: day)?.start, !starts.contains(start) else { continue }
            starts.append(start)
        }
        return starts.sorted(by: >)
    }
}
