import Testing

@testable import AnnalsKit

/// One accepted date form: the text, and what it must read as.
struct DateCase: Sendable, CustomTestStringConvertible {
    var text: String
    var precision: PartialDate.Precision
    var normalized: String
    var start: String
    var end: String

    init(_ text: String, _ precision: PartialDate.Precision, _ normalized: String, _ start: String, _ end: String) {
        self.text = text
        self.precision = precision
        self.normalized = normalized
        self.start = start
        self.end = end
    }

    var testDescription: String { "'\(text)'" }
}

let acceptedDates: [DateCase] = [
    // Vague dates: thirds and halves of a year.
    DateCase("early 2024", .third, "2024-T1", "2024-01-01", "2024-04-30"),
    DateCase("Early 2025", .third, "2025-T1", "2025-01-01", "2025-04-30"),
    DateCase("mid-2025", .third, "2025-T2", "2025-05-01", "2025-08-31"),
    DateCase("mid 2024", .third, "2024-T2", "2024-05-01", "2024-08-31"),
    DateCase("middle of 2024", .third, "2024-T2", "2024-05-01", "2024-08-31"),
    DateCase("late 2023", .third, "2023-T3", "2023-09-01", "2023-12-31"),
    DateCase("Late-2023", .third, "2023-T3", "2023-09-01", "2023-12-31"),
    DateCase("H1 2025", .half, "2025-H1", "2025-01-01", "2025-06-30"),
    DateCase("H2 2024", .half, "2024-H2", "2024-07-01", "2024-12-31"),
    DateCase("2024-H2", .half, "2024-H2", "2024-07-01", "2024-12-31"),
    DateCase("1H 2026", .half, "2026-H1", "2026-01-01", "2026-06-30"),
    DateCase("first half of 2025", .half, "2025-H1", "2025-01-01", "2025-06-30"),
    DateCase("second half 2025", .half, "2025-H2", "2025-07-01", "2025-12-31"),
    // Years.
    DateCase("2024", .year, "2024", "2024-01-01", "2024-12-31"),
    DateCase("1000", .year, "1000", "1000-01-01", "1000-12-31"),
    DateCase("9999", .year, "9999", "9999-01-01", "9999-12-31"),
    DateCase("2024.", .year, "2024", "2024-01-01", "2024-12-31"),
    // ISO months, leap and not.
    DateCase("2024-10", .month, "2024-10", "2024-10-01", "2024-10-31"),
    DateCase("2024-02", .month, "2024-02", "2024-02-01", "2024-02-29"),
    DateCase("2025-02", .month, "2025-02", "2025-02-01", "2025-02-28"),
    DateCase("1900-02", .month, "1900-02", "1900-02-01", "1900-02-28"),
    DateCase("2000-02", .month, "2000-02", "2000-02-01", "2000-02-29"),
    DateCase("2024-04", .month, "2024-04", "2024-04-01", "2024-04-30"),
    DateCase("2024-12", .month, "2024-12", "2024-12-01", "2024-12-31"),
    DateCase("2024/10", .month, "2024-10", "2024-10-01", "2024-10-31"),
    DateCase("2024-3", .month, "2024-03", "2024-03-01", "2024-03-31"),
    DateCase("2024/3", .month, "2024-03", "2024-03-01", "2024-03-31"),
    DateCase("  2024-10 \n", .month, "2024-10", "2024-10-01", "2024-10-31"),
    DateCase("2024-10.", .month, "2024-10", "2024-10-01", "2024-10-31"),
    // ISO days.
    DateCase("2024-10-15", .day, "2024-10-15", "2024-10-15", "2024-10-15"),
    DateCase("2024-02-29", .day, "2024-02-29", "2024-02-29", "2024-02-29"),
    DateCase("2000-02-29", .day, "2000-02-29", "2000-02-29", "2000-02-29"),
    DateCase("2024/10/15", .day, "2024-10-15", "2024-10-15", "2024-10-15"),
    DateCase("2024-3-5", .day, "2024-03-05", "2024-03-05", "2024-03-05"),
    DateCase("2024/03/5", .day, "2024-03-05", "2024-03-05", "2024-03-05"),
    // Month names.
    DateCase("October 2024", .month, "2024-10", "2024-10-01", "2024-10-31"),
    DateCase("october 2024", .month, "2024-10", "2024-10-01", "2024-10-31"),
    DateCase("OCTOBER 2024", .month, "2024-10", "2024-10-01", "2024-10-31"),
    DateCase("Oct 2024", .month, "2024-10", "2024-10-01", "2024-10-31"),
    DateCase("Oct. 2024", .month, "2024-10", "2024-10-01", "2024-10-31"),
    DateCase("October, 2024", .month, "2024-10", "2024-10-01", "2024-10-31"),
    DateCase("Sept 2024", .month, "2024-09", "2024-09-01", "2024-09-30"),
    DateCase("Sept. 2024", .month, "2024-09", "2024-09-01", "2024-09-30"),
    DateCase("Sep 2024", .month, "2024-09", "2024-09-01", "2024-09-30"),
    DateCase("February 2024", .month, "2024-02", "2024-02-01", "2024-02-29"),
    DateCase("Feb 2100", .month, "2100-02", "2100-02-01", "2100-02-28"),
    DateCase("Jan 2025", .month, "2025-01", "2025-01-01", "2025-01-31"),
    DateCase("May 2025.", .month, "2025-05", "2025-05-01", "2025-05-31"),
    DateCase("June 2025", .month, "2025-06", "2025-06-01", "2025-06-30"),
    DateCase("Jul 2025", .month, "2025-07", "2025-07-01", "2025-07-31"),
    DateCase("August 2025", .month, "2025-08", "2025-08-01", "2025-08-31"),
    DateCase("Nov 2025", .month, "2025-11", "2025-11-01", "2025-11-30"),
    DateCase("December 2025", .month, "2025-12", "2025-12-01", "2025-12-31"),
    DateCase("Mar 2025", .month, "2025-03", "2025-03-01", "2025-03-31"),
    DateCase("April 2025", .month, "2025-04", "2025-04-01", "2025-04-30"),
    // Days with month names.
    DateCase("15 October 2024", .day, "2024-10-15", "2024-10-15", "2024-10-15"),
    DateCase("5 Mar 2025", .day, "2025-03-05", "2025-03-05", "2025-03-05"),
    DateCase("5th March 2025", .day, "2025-03-05", "2025-03-05", "2025-03-05"),
    DateCase("October 15, 2024", .day, "2024-10-15", "2024-10-15", "2024-10-15"),
    DateCase("Oct 15 2024", .day, "2024-10-15", "2024-10-15", "2024-10-15"),
    DateCase("Oct. 15, 2024", .day, "2024-10-15", "2024-10-15", "2024-10-15"),
    DateCase("March 5th, 2025", .day, "2025-03-05", "2025-03-05", "2025-03-05"),
    DateCase("March 1st 2025", .day, "2025-03-01", "2025-03-01", "2025-03-01"),
    DateCase("March 22nd, 2025", .day, "2025-03-22", "2025-03-22", "2025-03-22"),
    DateCase("March 3rd, 2025.", .day, "2025-03-03", "2025-03-03", "2025-03-03"),
    DateCase("Feb 29, 2024", .day, "2024-02-29", "2024-02-29", "2024-02-29"),
    DateCase("Sept 30, 2025", .day, "2025-09-30", "2025-09-30", "2025-09-30"),
    // Quarters.
    DateCase("Q3 2025", .quarter, "2025-Q3", "2025-07-01", "2025-09-30"),
    DateCase("q3 2025", .quarter, "2025-Q3", "2025-07-01", "2025-09-30"),
    DateCase("Q1 2024", .quarter, "2024-Q1", "2024-01-01", "2024-03-31"),
    DateCase("Q2 2024", .quarter, "2024-Q2", "2024-04-01", "2024-06-30"),
    DateCase("Q4 2024", .quarter, "2024-Q4", "2024-10-01", "2024-12-31"),
    DateCase("2025-Q3", .quarter, "2025-Q3", "2025-07-01", "2025-09-30"),
    DateCase("2025 Q3", .quarter, "2025-Q3", "2025-07-01", "2025-09-30"),
    DateCase("Q3-2025", .quarter, "2025-Q3", "2025-07-01", "2025-09-30"),
    DateCase("Q3, 2025", .quarter, "2025-Q3", "2025-07-01", "2025-09-30"),
    DateCase("Q3 2025.", .quarter, "2025-Q3", "2025-07-01", "2025-09-30"),
    // Chinese and Japanese forms.
    DateCase("2025年", .year, "2025", "2025-01-01", "2025-12-31"),
    DateCase("2025年3月", .month, "2025-03", "2025-03-01", "2025-03-31"),
    DateCase("2024年2月29日", .day, "2024-02-29", "2024-02-29", "2024-02-29"),
]

@Test(arguments: acceptedDates)
func readsAcceptedForm(_ c: DateCase) {
    let date = PartialDate(parsing: c.text)
    #expect(date.precision == c.precision)
    #expect(date.normalized == c.normalized)
    #expect(date.start?.iso == c.start)
    #expect(date.end?.iso == c.end)
    #expect(date.text == c.text.trimmingSurroundingWhitespace())
    #expect(date.isKnown)
}

let rejectedDates: [String] = [
    "", "   ", ".",
    // Impossible days and months.
    "2025-02-30", "2025-02-29", "1900-02-29", "2024-04-31", "2024-10-32", "2024-10-00",
    "2025-13", "2025-00", "2025/13/01", "February 30, 2024", "31 Apr 2025", "Feb 29 2025",
    // Years out of range or not four digits.
    "0999", "999", "10000", "24", "0000-01-01", "99999-01",
    // Quarters that do not exist.
    "Q5 2025", "Q0 2025", "2025-Q5", "Q12 2025",
    // Vague or relative.
    "last week", "yesterday", "Spring 2025", "H3 2025", "early", "mid-20255", "late 999", "third half of 2025",
    "early mid 2025", "H1", "2025 early",
    "2024s", "the 2020s", "circa 2024", "~2024", "2024?",
    // Times, ranges and other shapes.
    "2024-10-15T10:00", "2024-10-15 10:00", "2024-10-15T10:00:00Z", "2024-2025", "2024-10-15/2024-10-20",
    "2024-10/15", "2024/10-15", "10/15/2024", "15/10/2024", "15.10.2024", "2024.10.15", "20241015", "202410",
    "2024 10", "2024 - 10", "2024--10", "2024-10-", "-2024", "2024,", ", 2024", "2024, Q3",
    "October,, 2024", "Q3 2025, ", "2025 - Q3", "Q3 - 2025",
    // Month names without a year, or with a bad day.
    "October", "Oct 15", "15 October", "Octobre 2024", "Marc 2025", "March 5xx, 2025",
    "March 123, 2025", "March 5th", "Sept 2024 Q3", "Q3 Oct 2024",
    // Not dates.
    "TBD", "n/a", "二〇二四年十月", "2024年13月", "2024年10", "年10月", "2024年2月30日", "2024–10",
]

@Test(arguments: rejectedDates)
func rejectsUnreadableText(_ text: String) {
    let date = PartialDate(parsing: text)
    #expect(date.precision == .unknown)
    #expect(date.normalized == nil)
    #expect(date.start == nil)
    #expect(date.end == nil)
    #expect(!date.isKnown)
    #expect(date.text == text.trimmingSurroundingWhitespace())
}

@Test func keepsTextAsWrittenButTrimmed() {
    #expect(PartialDate(parsing: "  early 2024\t").text == "early 2024")
    #expect(PartialDate(parsing: "\u{00A0}Oct. 2024 ").text == "Oct. 2024")
    #expect(PartialDate(parsing: "Q3 2025.").text == "Q3 2025.")
    #expect(PartialDate(parsing: "\n\n").text == "")
}

@Test func quarterIntervalsCoverTheYear() {
    for year in [2023, 2024] {
        var next = Day(year: year, month: 1, day: 1)!
        for q in 1...4 {
            let date = PartialDate(parsing: "Q\(q) \(year)")
            #expect(date.start == next)
            let end = date.end!
            next = end.month == 12 ? Day(year: year + 1, month: 1, day: 1)! : Day(year: year, month: end.month + 1, day: 1)!
        }
        #expect(next == Day(year: year + 1, month: 1, day: 1))
    }
}

@Test func agreesWithDayForEveryIsoDayOfALeapYear() {
    for month in 1...12 {
        for day in 1...31 {
            let text = "2024-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
            let date = PartialDate(parsing: text)
            #expect(date.start == Day(iso: text), "\(text)")
            #expect(date.normalized == (Day(iso: text) == nil ? nil : text))
        }
    }
}

@Test func anISODayReadsAndWritesAsItDidBeforeTheByteRoute() throws {
    for text in ["2024-10-15", "0001-01-01", "9999-12-31", "2024-02-29", "2000-02-29"] {
        #expect(Day(iso: text)?.iso == text, "\(text)")
    }
    for text in [
        "2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10", "2024-10-00", "2024-1-15", "24-10-15", "2024/10/15",
        "2024-10-15 ", " 2024-10-15", "２０２４-10-15", "0000-01-01", "2024-10-1x", "", "2024-10",
    ] {
        #expect(Day(iso: text) == nil, "\(text)")
    }
    // Not the stored form, read the general way as before: a sign is one of the four characters.
    #expect(Day(iso: "+999-01-02") == Day(year: 999, month: 1, day: 2))
    #expect(Day(year: 7, month: 3, day: 4)?.iso == "0007-03-04")
    var day = try #require(Day(year: 2024, month: 1, day: 1))
    day.year = 12_345
    #expect(day.iso == "12345-01-01")
}

/// A page by recency jumps to the first days of the periods holding its last end
/// (`PartialDate.periodStarts(holding:)`): for every day of a leap year, they are exactly
/// the starts of the dates the parser reads, of every precision, that hold the day.
@Test func periodStartsAreTheStartsOfTheDatesHoldingADay() throws {
    let year = 2024
    var texts = ["\(year)", "H1 \(year)", "H2 \(year)", "early \(year)", "mid \(year)", "late \(year)"]
    texts += (1...4).map { "Q\($0) \(year)" } + (1...12).map { String(format: "%04d-%02d", year, $0) }
    let dates = texts.map(PartialDate.init(parsing:))
    #expect(Set(dates.map(\.precision)) == [.year, .half, .third, .quarter, .month])
    var day = try #require(Day(year: year, month: 1, day: 1))
    while day.year == year {
        var holding = Set(dates.filter { $0.start! <= day && day <= $0.end! }.map { $0.start! })
        holding.insert(PartialDate(parsing: day.iso).start!)
        let starts = PartialDate.periodStarts(holding: day)
        #expect(Set(starts) == holding && starts == starts.sorted(by: >) && Set(starts).count == starts.count, "\(day)")
        day = try #require(Day(ordinal: day.ordinal + 1))
    }
    #expect(PartialDate.periodStarts(holding: Day(iso: "2025-05-20")!).map(\.iso) == ["2025-05-20", "2025-05-01", "2025-04-01", "2025-01-01"])
}

/// Every date the parser reads is one period of its precision; the same precision with its
/// start or end moved by a day, or with an interval it should not have, is not.
@Test func theParsersDatesAreOnePeriodAndShiftedOnesAreNot() throws {
    var texts = ["2024", "H1 2024", "H2 2024", "early 2024", "mid 2024", "late 2024", "2024-02-29", "spring 2025", "2023-12-31"]
    texts += (1...4).map { "Q\($0) 2024" } + (1...12).map { String(format: "2023-%02d", $0) }
    let dates = texts.map(PartialDate.init(parsing:))
    #expect(Set(dates.map(\.precision)) == Set(PartialDate.Precision.allCases))
    for date in dates {
        #expect(date.isOnePeriod, "\(date.text)")
        guard let start = date.start, let end = date.end else {
            var dated = date
            dated.start = Day(year: 2025, month: 3, day: 1)
            dated.end = dated.start
            #expect(!dated.isOnePeriod, "\(date.text) with an interval")
            continue
        }
        let earlier = try #require(Day(ordinal: start.ordinal - 1)), later = try #require(Day(ordinal: end.ordinal + 1))
        var moved = [(earlier, end), (start, later), (try #require(Day(ordinal: start.ordinal + 1)), end)]
        if date.precision != .day { moved.append((later, later)) }  // a later day is one day too
        for (newStart, newEnd) in moved {
            var shifted = date
            (shifted.start, shifted.end) = (newStart, newEnd)
            #expect(!shifted.isOnePeriod, "\(date.text) as \(newStart)…\(newEnd)")
        }
        var halfOpen = date
        halfOpen.end = nil
        #expect(!halfOpen.isOnePeriod, "\(date.text) without an end")
        var unread = date
        unread.precision = .unknown
        #expect(!unread.isOnePeriod, "\(date.text) as unknown with an interval")
    }
}
