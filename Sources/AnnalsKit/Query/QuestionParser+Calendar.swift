// The calendar arithmetic of ``QuestionParser``'s time words: days, weeks, months,
// quarters and years around a day.

/// Day arithmetic on the proleptic Gregorian calendar, kept in a namespace so it
/// adds nothing to ``Day`` itself.
enum QuestionCalendar {
    static func adding(days: Int, to day: Day) -> Day? { Day(ordinal: day.ordinal + days) }

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
        let r = (day.ordinal + 3) % 7  // 1970-01-01 was a Thursday.
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
