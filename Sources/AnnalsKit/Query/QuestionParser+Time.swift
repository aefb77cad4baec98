/// The time half of ``QuestionParser``: reading dates and relative periods into
/// inclusive day intervals, and the calendar arithmetic they need.

/// An inclusive run of days a question's time words point at.
struct QuestionPeriod: Hashable, Sendable {
    var start: Day
    var end: Day
}

/// A calendar unit a relative period counts in.
enum QuestionUnit: Sendable {
    case day, week, month, quarter, year

    /// The unit a word names; plurals only when `plural` is allowed ("past 3 months").
    init?(_ word: String, plural: Bool) {
        switch word {
        case "day": self = .day
        case "week": self = .week
        case "month": self = .month
        case "quarter": self = .quarter
        case "year": self = .year
        case "days" where plural: self = .day
        case "weeks" where plural: self = .week
        case "months" where plural: self = .month
        case "quarters" where plural: self = .quarter
        case "years" where plural: self = .year
        default: return nil
        }
    }
}

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

/// How a time word applies its period to the filter.
enum QuestionTimeRelation: Sendable {
    /// `since`: from the period's first day.
    case since
    /// `after`: from the day after the period's last day.
    case after
    /// `before`: through the day before the period's first day.
    case before
    /// `until`, `till`, `through`, `by`, `to`: through the period's last day.
    case until
    /// `in`, `during`, `on`, a bare date: the whole period (or range).
    case during
    /// `between X and Y`: from X's first day through Y's last.
    case between
    /// `from X [to Y]`: from X's first day (through Y's last).
    case from
}

extension QuestionScanner {
    /// Time words that must be followed by a date or period; anything else is a bad date.
    static let strictTimeWords: [String: QuestionTimeRelation] = [
        "since": .since, "after": .after, "before": .before, "until": .until, "till": .until, "til": .until,
        "through": .until, "thru": .until, "during": .during, "between": .between,
    ]

    /// Words that are time words only when a date or period follows (else connectives:
    /// "from Reuters", "on Huawei", "in the Financial Times").
    static let softTimeWords: [String: QuestionTimeRelation] = [
        "in": .during, "on": .during, "within": .during, "over": .during, "for": .during, "from": .from,
        "by": .until, "to": .until,
    ]

    /// Words that join a first date to a second one ("from 2024 to 2025", "2024–2025").
    static let rangeWords: Set<String> = ["to", "through", "thru", "until", "till", "til", "-", "–", "—"]

    static let monthNames: Set<String> = [
        "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july",
        "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december",
    ]

    private static let fullMonthNames = [
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
        "december",
    ]

    private static let numberWords: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12,
    ]

    /// Reads a time expression at the current position, applying it and moving past it.
    /// Returns false (consuming nothing) when there is none; throws on a bad date.
    mutating func scanTime() throws -> Bool {
        let word = tokens[position].word
        if let relation = Self.strictTimeWords[word] {
            // "between the US and China": names, not dates, so a connective.
            if word == "between", datedSpan(at: position + 1, afterTimeWord: true) == nil,
                startsVocabulary(at: position + 1)
                    || (position + 2 < tokens.count && tokens[position + 1].word == "the" && startsVocabulary(at: position + 2))
            {
                return false
            }
            guard let (period, next) = readPeriod(at: position + 1, allowNow: true) else {
                throw QueryError.badDate(badDateText(at: position + 1))
            }
            try apply(relation, period, from: position + 1, continuingAt: next)
            return true
        }
        if let relation = Self.softTimeWords[word] {
            if let (period, next) = readPeriod(at: position + 1, allowNow: true) {
                try apply(relation, period, from: position + 1, continuingAt: next)
                return true
            }
            if let text = datedSpan(at: position + 1, afterTimeWord: true) { throw QueryError.badDate(text) }
            return false
        }
        if word == "up", position + 1 < tokens.count, tokens[position + 1].word == "to",
            let (period, next) = readPeriod(at: position + 2, allowNow: true)
        {
            try apply(.until, period, from: position + 2, continuingAt: next)
            return true
        }
        if let (period, next) = readRelative(at: position, allowNow: false) {
            try apply(.during, period, from: position, continuingAt: next)
            return true
        }
        // Inside a search run a bare date ("mentioning 2024 election") is searched for.
        guard !searching else { return false }
        if let (period, next) = readAbsolute(at: position) {
            try apply(.during, period, from: position, continuingAt: next)
            return true
        }
        if let text = datedSpan(at: position, afterTimeWord: false) { throw QueryError.badDate(text) }
        return false
    }

    /// Applies `period` (written from `dateStart` up to `next`) by `relation`, reading a
    /// second date for ranges, and moves past it all.
    private mutating func apply(
        _ relation: QuestionTimeRelation, _ period: QuestionPeriod, from dateStart: Int, continuingAt next: Int
    ) throws {
        let written = tokens[dateStart..<next].map(\.text).joined(separator: " ")  // for an error
        position = next
        switch relation {
        case .since:
            narrow(since: period.start)
        case .after:
            guard let day = QuestionCalendar.adding(days: 1, to: period.end) else {
                throw QueryError.badDate(written)
            }
            narrow(since: day)
        case .before:
            guard let day = QuestionCalendar.adding(days: -1, to: period.start) else {
                throw QueryError.badDate(written)
            }
            narrow(until: day)
        case .until:
            narrow(until: period.end)
        case .during, .between, .from:
            let end = try readRangeEnd(requireAnd: relation == .between)
            narrow(since: period.start)
            if let end {
                narrow(until: end.end)
            } else if relation != .from {
                narrow(until: period.end)
            }
        }
    }

    /// The second date of a range at the current position ("… to 2025-02"), consuming
    /// it; nil (consuming nothing) when no range word and date follow.
    private mutating func readRangeEnd(requireAnd: Bool) throws -> QuestionPeriod? {
        guard position < tokens.count, !tokens[position].quoted else { return nil }
        let word = tokens[position].word
        guard Self.rangeWords.contains(word) || (requireAnd && word == "and") else { return nil }
        if let (period, next) = readPeriod(at: position + 1, allowNow: true) {
            position = next
            return period
        }
        if let text = datedSpan(at: position + 1, afterTimeWord: true) { throw QueryError.badDate(text) }
        if requireAnd && word == "and" { throw QueryError.badDate(badDateText(at: position + 1)) }
        return nil
    }

    private mutating func narrow(since day: Day? = nil, until end: Day? = nil) {
        if let day { since = max(since ?? day, day) }
        if let end { until = min(until ?? end, end) }
    }

    /// A date or relative period at `index` (after an optional "the" before a relative
    /// one), and the index after it.
    func readPeriod(at index: Int, allowNow: Bool) -> (QuestionPeriod, Int)? {
        guard index < tokens.count else { return nil }
        if tokens[index].word == "the", !tokens[index].quoted,
            let found = readRelative(at: index + 1, allowNow: allowNow) ?? readAbsolute(at: index + 1)
        {
            return found
        }
        return readRelative(at: index, allowNow: allowNow) ?? readAbsolute(at: index)
    }

    /// A date PartialDate reads from the longest run of up to four words at `index`, or
    /// one word holding two dates joined by a dash ("2024-2025", "2024-06–2025-02").
    func readAbsolute(at index: Int) -> (QuestionPeriod, Int)? {
        let available = tokens.count - index
        guard available > 0 else { return nil }
        for count in stride(from: min(4, available), through: 1, by: -1) {
            let span = tokens[index..<(index + count)]
            if span.contains(where: \.quoted) { continue }
            let date = PartialDate(parsing: span.map(\.text).joined(separator: " "))
            if let start = date.start, let end = date.end {
                return (QuestionPeriod(start: start, end: end), index + count)
            }
        }
        let token = tokens[index]
        guard !token.quoted else { return nil }
        for (offset, character) in token.text.enumerated() where ["-", "–", "—"].contains(character) {
            let first = PartialDate(parsing: String(token.text.prefix(offset)))
            let second = PartialDate(parsing: String(token.text.dropFirst(offset + 1)))
            if let start = first.start, let end = second.end {
                return (QuestionPeriod(start: start, end: end), index + 1)
            }
        }
        return nil
    }

    /// A period named relative to today at `index` (see ``QuestionParser`` for the list).
    func readRelative(at index: Int, allowNow: Bool) -> (QuestionPeriod, Int)? {
        func word(_ offset: Int) -> String? {
            let i = index + offset
            return i < tokens.count && !tokens[i].quoted ? tokens[i].word : nil
        }
        guard let first = word(0) else { return nil }
        switch first {
        case "today":
            return (QuestionPeriod(start: today, end: today), index + 1)
        case "now" where allowNow:
            return (QuestionPeriod(start: today, end: today), index + 1)
        case "yesterday":
            return QuestionCalendar.adding(days: -1, to: today).map { (QuestionPeriod(start: $0, end: $0), index + 1) }
        case "this", "current":
            guard let unit = word(1).flatMap({ QuestionUnit($0, plural: false) }),
                let period = QuestionCalendar.period(unit, containing: today)
            else { return nil }
            return (period, index + 2)
        case "last", "past", "previous":
            if let count = word(1).flatMap(Self.count), let unit = word(2).flatMap({ QuestionUnit($0, plural: true) }),
                let period = QuestionCalendar.rolling(count, unit, endingOn: today)
            {
                return (period, index + 3)
            }
            guard let unit = word(1).flatMap({ QuestionUnit($0, plural: false) }) else { return nil }
            let period =
                first == "past"
                ? QuestionCalendar.rolling(1, unit, endingOn: today) : QuestionCalendar.previous(unit, before: today)
            return period.map { ($0, index + 2) }
        default:
            return nil
        }
    }

    /// A count of 1…999 written in digits, or one…twelve in words.
    static func count(_ word: String) -> Int? {
        if let n = numberWords[word] { return n }
        guard (1...3).contains(word.count), word.allSatisfy(\.isQuestionDigit), let n = Int(word), n > 0 else {
            return nil
        }
        return n
    }

    /// The words at `index` when they look like a date attempt that failed, for
    /// ``QueryError/badDate``: after a time word, any digits-and-dashes word, month name
    /// or near-miss month ("2024-13", "Marchh 2025", "May" with no year); bare, only
    /// dashed or quarter forms ("2024-13") and month names followed by numbers.
    func datedSpan(at index: Int, afterTimeWord: Bool) -> String? {
        guard index < tokens.count, !tokens[index].quoted else { return nil }
        let token = tokens[index]
        let nextIsDateShaped = index + 1 < tokens.count && Self.isDateShaped(tokens[index + 1])
        let dated: Bool
        if Self.isDateShaped(token) {
            dated = afterTimeWord || token.word.contains("-") || token.word.contains("/") || token.word.hasPrefix("q")
        } else if Self.monthNames.contains(token.word) {
            dated = afterTimeWord || nextIsDateShaped
        } else if Self.isNearMonth(token.word) {
            dated = afterTimeWord || nextIsDateShaped
        } else {
            dated = false
        }
        guard dated else { return nil }
        var end = index + 1
        while end < tokens.count, end - index < 4, !tokens[end].quoted,
            Self.isDateShaped(tokens[end]) || Self.monthNames.contains(tokens[end].word)
        {
            end += 1
        }
        return tokens[index..<end].map(\.text).joined(separator: " ")
    }

    /// What to report when a time word has no readable date after it.
    func badDateText(at index: Int) -> String {
        var index = index
        if index < tokens.count, tokens[index].word == "the" { index += 1 }
        guard index < tokens.count else { return "" }
        return datedSpan(at: index, afterTimeWord: true) ?? tokens[index].text
    }

    /// Digits with date punctuation, and at most a quarter's `q` or an ordinal suffix:
    /// `2024-13`, `Q5`, `2025-Q3`, `32nd`, `2024/1/1`.
    static func isDateShaped(_ token: QuestionToken) -> Bool {
        guard !token.quoted, token.word.contains(where: \.isQuestionDigit) else { return false }
        let rest = token.word.filter { !$0.isQuestionDigit && !"-/.,".contains($0) }
        return rest.isEmpty || rest == "q" || rest == "st" || rest == "nd" || rest == "rd" || rest == "th"
    }

    /// A misspelt full month name ("marchh", "setpember"): one edit off for short
    /// names, two for names of six letters or more.
    static func isNearMonth(_ word: String) -> Bool {
        guard word.count >= 4, word.allSatisfy(\.isLetter), !monthNames.contains(word) else { return false }
        let letters = Array(word)
        return fullMonthNames.contains { name in
            let limit = name.count >= 6 ? 2 : 1
            return Vocabulary.editDistance(letters, Array(name), limit: limit) <= limit
        }
    }
}

extension Character {
    /// 0…9 only (not other scripts' digits, which no date form uses).
    fileprivate var isQuestionDigit: Bool { isASCII && isNumber }
}
