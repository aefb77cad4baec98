/// A question made ready to run against one archive: its loose words either searched
/// for or set aside, and an account of what was done with them.
public struct Answer: Sendable, Hashable {
    /// What to list or count.
    public var kind: RecordKind
    /// The filter to run: the question's, with the loose words kept in its search.
    public var filter: QueryFilter
    /// Asked "how many": the grouping of the count; nil to list.
    public var count: CountGrouping?
    /// Loose words searched for (all must occur).
    public var usedWords: [String]
    /// Loose words left out because no record matching the rest of the question has them.
    public var ignoredWords: [String]
    /// How the question was understood, e.g. `events · entity Entity List · ignored
    /// "additions": no events with the rest of the question contain it`.
    public var understanding: String

    /// The understanding of a question about `kind` run with `filter` (counted by `count`),
    /// `ignored` words aside: ``ParsedQuestion/understanding(kind:filter:looseWords:count:)``,
    /// then `ignored "additions": no events with the rest of the question contain it`.
    public static func understanding(kind: RecordKind, filter: QueryFilter, count: CountGrouping?, ignored: [String]) -> String {
        var understanding = ParsedQuestion.understanding(kind: kind, filter: filter, count: count)
        if !ignored.isEmpty {
            let quoted = ignored.map { "\"\($0)\"" }.joined(separator: ", ")
            understanding += " · ignored \(quoted): no \(kind.noun) with the rest of the question "
                + (ignored.count == 1 ? "contain it" : "contain them")
        }
        return understanding
    }
}

extension Archive {
    /// `question` resolved against this archive: words no rule placed
    /// (``ParsedQuestion/looseWords``) narrow the answer only as far as records have them.
    ///
    /// The relaxation, step by step: all loose words as a full-text search; when nothing
    /// matches, each word is tried alone with the rest of the question and those that
    /// match nothing are dropped; the rest must then all occur if some record has them
    /// all, else any one of them (`any of "rare", "gallium"`). Only a question that
    /// something else narrows (a topic, entity, source, date or required search) is
    /// relaxed: when the loose words are all it asks, they all stay, and an answer none
    /// has is empty rather than whatever one of them finds. The understanding names the
    /// words used and ignored.
    public func answer(_ question: ParsedQuestion) throws -> Answer {
        let words = question.looseWords.filter { $0.contains(where: { $0.isLetter || $0.isNumber }) }
        /// The question's filter with `kept` all required, or with at least one of them.
        func searching(_ kept: [String], anyOf: Bool = false) -> QueryFilter {
            var filter = question.filter
            if anyOf && kept.count > 1 {
                filter.anyWords = kept
            } else if !kept.isEmpty {
                let extra = kept.joined(separator: " ")
                filter.search = filter.search.map { $0 + " " + extra } ?? extra
            }
            return filter
        }
        func answer(_ kept: [String], anyOf: Bool = false) -> Answer {
            let filter = searching(kept, anyOf: anyOf)
            let ignored = words.filter { !kept.contains($0) }
            return Answer(
                kind: question.kind, filter: filter, count: question.count, usedWords: kept, ignoredWords: ignored,
                understanding: Answer.understanding(kind: question.kind, filter: filter, count: question.count, ignored: ignored))
        }
        guard !words.isEmpty else { return answer([]) }
        // A listing's page is not what relaxation looks at: whether anything matches at all.
        func matches(_ kept: [String]) throws -> Int {
            var filter = searching(kept)
            filter.limit = nil
            filter.offset = 0
            return try count(question.kind, matching: filter)
        }
        if try matches(words) > 0 { return answer(words) }
        // Nothing else narrows the question: the words are all it asks, so an empty answer
        // ("crypto mining bans" finds nothing), not whatever one word of it finds.
        guard question.filter.hasConditions else { return answer(words) }
        var kept: [String] = []
        for word in words where try matches([word]) > 0 { kept.append(word) }
        // All of them together was the first try; fewer together may still match.
        if kept.count > 1, kept.count < words.count, try matches(kept) > 0 { return answer(kept) }
        if kept.count > 1 { return answer(kept, anyOf: true) }
        return answer(kept)
    }

    /// `text` parsed with this archive's vocabulary (relative dates counted from `today`)
    /// and resolved (``answer(_:)``). Throws ``QueryError`` when the question cannot be read.
    public func answer(question text: String, today: Day) throws -> Answer {
        try answer(QuestionParser(vocabulary: vocabulary(), today: today, occurs: occurs).parse(text))
    }

    /// Whether `text` occurs as a phrase in any record's full text: what
    /// ``QuestionParser/occurs`` asks, so a real word is not refused as a near miss.
    @Sendable public func occurs(_ text: String) -> Bool {
        guard let query = FullTextQuery("\"" + text + "\"") else { return false }
        return (try? writer.read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM search_index WHERE search_index MATCH ?)", arguments: [query.expression])
        }) ?? false
    }
}

extension RecordKind {
    /// The kind in words, for messages: "timeline entries" rather than "timeline".
    public var noun: String { self == .timeline ? "timeline entries" : rawValue }
}
