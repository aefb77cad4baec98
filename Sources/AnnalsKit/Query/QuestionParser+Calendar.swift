// The calendar arithmetic of ``QuestionParser``'s time words: days, weeks, months,
// quarters and years around a day.

/// Day arithmetic on the proleptic Gregorian calendar, kept in a namespace so it
/// adds nothing to ``Day`` itself.
enum QuestionCalendar {
    /// Days since 1970-01-01 (negative before). Howard Hinnant's `days_from_civil`.
    static func ordinal(_ day: Day) -> Int {
        let y = day.month <= 2 ? day.year - 1 : day.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthFromMarch = (day.month + 9) % 12
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day.day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day `ordinal` days after 1970-01-01, when it is in 0001…9999.
    static func day(ordinal: Int) -> Day? {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let d = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let m = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        return Day(year: yearOfEra + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    static func adding(days: Int, to day: Day) -> Day? { Self.day(ordinal: ordinal(day) + days) }

    /// The same day of the month `months` later (earlier when negative), clamped to
    /// the month's last day (2026-03-31 minus one month is 2026-02-28).
    static func adding(months: Int, to day: Day) -> Day? {
        let index = day.year * 12 + (day.month - 1) + months
        let year = index >= 0 ? index / 12 : (index - 11) / 12
        let month = index - year * 12 + 1
        guard (1...9999).contains(year) else { return nil }
        return Day(year: year, month: month, day: min(day.day, Day.daysIn(month: month, year: year)))
    }

    /// 0 for Monday … 6 for Sunday.
    static func weekday(_ day: Day) -> Int {
        let r = (ordinal(day) + 3) % 7  // 1970-01-01 was a Thursday.
        return r < 0 ? r + 7 : r
    }

    /// The calendar day, week (Monday to Sunday), month, quarter or year holding `day`.
    static func period(_ unit: QuestionUnit, containing day: Day) -> QuestionPeriod? {
        switch unit {
        case .day:
            return QuestionPeriod(start: day, end: day)
        case .week:
            guard let monday = adding(days: -weekday(day), to: day), let sunday = adding(days: 6, to: monday) else {
                return nil
            }
            return QuestionPeriod(start: monday, end: sunday)
        case .month:
            return months(from: day.month, count: 1, of: day.year)
        case .quarter:
            return months(from: (day.month - 1) / 3 * 3 + 1, count: 3, of: day.year)
        case .year:
            return months(from: 1, count: 12, of: day.year)
        }
    }

    /// The calendar unit before the one holding `day` ("last month" in November is October).
    static func previous(_ unit: QuestionUnit, before day: Day) -> QuestionPeriod? {
        guard let current = period(unit, containing: day), let dayBefore = adding(days: -1, to: current.start) else {
            return nil
        }
        return period(unit, containing: dayBefore)
    }

    /// From the same day `count` units before `day`, through `day` ("past 30 days" on
    /// 2026-11-26 is 2026-10-27 … 2026-11-26; "last 6 months" is 2026-05-26 … 2026-11-26).
    static func rolling(_ count: Int, _ unit: QuestionUnit, endingOn day: Day) -> QuestionPeriod? {
        let start: Day?
        switch unit {
        case .day: start = adding(days: -count, to: day)
        case .week: start = adding(days: -7 * count, to: day)
        case .month: start = adding(months: -count, to: day)
        case .quarter: start = adding(months: -3 * count, to: day)
        case .year: start = adding(months: -12 * count, to: day)
        }
        return start.map { QuestionPeriod(start: $0, end: day) }
    }

    private static func months(from first: Int, count: Int, of year: Int) -> QuestionPeriod? {
        let last = first + count - 1
        guard let start = Day(year: year, month: first, day: 1),
            let end = Day(year: year, month: last, day: Day.daysIn(month: last, year: year))
        else { return nil }
        return QuestionPeriod(start: start, end: end)
    }
}
