// Sort, count and limit words in a question: "latest", "most cited", "how many", "per year",
// "10 latest events".

extension QuestionScanner {
    /// Reads a sort or limit phrase at `position`, moving past it; false when there is none.
    mutating func scanSort() -> Bool {
        let word = tokens[position].word
        let next = position + 1 < tokens.count ? tokens[position + 1].word : ""
        switch word {
        case "latest", "newest":
            sort = .recent
            position += 1
        case "recent", "recently":
            sort = .recent
            position += 1
            return true
        case "most":
            switch next {
            case "recent": sort = .recent
            case "cited", "mentioned", "mentions": sort = .mentions
            case "relevant": sort = .relevance
            default: return false
            }
            position += 2
        case "top":
            topAsked = true
            position += 1
        case "first", "earliest", "oldest":
            sort = .date
            position += 1
        case "last":
            guard let n = Self.count(next) else { return false }
            sort = .recent
            limit = n
            position += 2
            return true
        case "limit":
            guard let n = Self.count(next) else { return false }
            limit = n
            position += 2
            return true
        default:
            return false
        }
        if position < tokens.count, !tokens[position].quoted, let n = Self.count(tokens[position].word) {
            limit = n
            position += 1
        }
        return true
    }

    /// Reads "how many", "number of", "count" (a count is asked) or a grouping: "per|by|each|
    /// every|a year", "by quarter", "per month", "by topic", "by entity", "by source",
    /// "yearly", "quarterly", "monthly". False when none is at `position`.
    mutating func scanCount() -> Bool {
        let word = tokens[position].word
        let next = position + 1 < tokens.count && !tokens[position + 1].quoted ? tokens[position + 1].word : ""
        if (word == "how" && next == "many") || (word == "number" && next == "of") {
            countAsked = true
            position += 2
            return true
        }
        if ["count", "counts", "tally"].contains(word) {
            countAsked = true
            position += 1
            if next == "of" { position += 1 }
            return true
        }
        if let grouping = Self.groupingAdverbs[word] {
            countBy = grouping
            position += 1
            return true
        }
        if ["per", "by", "each", "every", "a"].contains(word), let grouping = Self.groupingNouns[next] {
            countBy = grouping
            position += 2
            return true
        }
        return false
    }

    static let groupingAdverbs: [String: CountGrouping] = [
        "yearly": .year, "annually": .year, "quarterly": .quarter, "monthly": .month,
    ]

    static let groupingNouns: [String: CountGrouping] = [
        "year": .year, "years": .year, "quarter": .quarter, "quarters": .quarter, "month": .month, "months": .month,
        "topic": .topic, "topics": .topic, "entity": .entity, "entities": .entity, "actor": .entity,
        "actors": .entity, "company": .entity, "companies": .entity, "country": .entity, "countries": .entity,
        "source": .source, "sources": .source, "outlet": .source, "outlets": .source, "publication": .source,
        "publications": .source,
    ]

    /// A bare number of 1…999 before a kind word, sort word or vocabulary word is a limit
    /// ("10 latest events", "5 export-control events").
    mutating func scanLimitNumber() -> Bool {
        let token = tokens[position]
        guard !token.word.isEmpty, token.word.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Self.count(token.word),
            position + 1 < tokens.count
        else { return false }
        let next = tokens[position + 1]
        guard !next.quoted,
            Self.kindWords[next.word] != nil || Self.sortWords.contains(next.word) || startsVocabulary(at: position + 1)
        else { return false }
        limit = n
        position += 1
        return true
    }
}
