// Reading the dates of a question: absolute and relative periods, counts, and the words
// reported as bad dates.

extension QuestionScanner {
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
