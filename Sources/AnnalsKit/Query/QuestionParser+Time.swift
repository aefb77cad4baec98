/// The time half of ``QuestionParser``: the time words, and how the period each one
/// names narrows the filter. Reading the dates is in QuestionParser+Dates, the calendar
/// arithmetic in QuestionParser+Calendar.

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
}
