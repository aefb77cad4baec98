import Testing

@testable import AnnalsKit

/// Sources go by any of their names, and a source the archive does not have is an error.
@Suite struct SourceNamesTests {
    /// The sources of an archive, by their stored names, with the names SourceNames gives them.
    static let stored = [
        "Financial Times", "South China Morning Post", "The Wall Street Journal", "The New York Times", "Tom's Hardware",
        "Reuters", "The Information", "The Verge", "Center for Strategic and International Studies",
    ]
    let vocabulary = Vocabulary(
        topics: questionVocabulary.topics, entities: questionVocabulary.entities,
        sources: stored.map { .init(canonical: $0, aliases: SourceNames.aliases(of: $0)) })
    var parser: QuestionParser { QuestionParser(vocabulary: vocabulary, today: questionToday) }

    @Test(arguments: [
        ("articles from the FT", "Financial Times"),
        ("articles from FT about Huawei", "Financial Times"),
        ("from SCMP", "South China Morning Post"),
        ("stories by WSJ in 2025", "The Wall Street Journal"),
        ("articles from the Wall Street Journal", "The Wall Street Journal"),
        ("articles from the NYT", "The New York Times"),
        ("articles from Tom's Hardware", "Tom's Hardware"),
        ("articles from Toms Hardware", "Tom's Hardware"),
        ("takeaways from CSIS", "Center for Strategic and International Studies"),
        ("articles from The Information", "The Information"),
    ])
    func aSourceByAnyOfItsNames(_ question: String, _ source: String) throws {
        #expect(try parser.parse(question).filter.sources == [source])
    }

    @Test func plainWordsAreNotSources() throws {
        // `The Information` and `The Verge` are not `information` and `verge`.
        let parsed = try parser.parse("events about information security")
        #expect(parsed.filter.sources.isEmpty)
        #expect(parsed.looseWords == ["information", "security"])
        #expect(!SourceNames.aliases(of: "The Information").contains("Information"))
        #expect(SourceNames.aliases(of: "South China Morning Post").contains("SCMP"))
        #expect(SourceNames.aliases(of: "Ars Technica").allSatisfy { $0.count > 2 })
    }

    @Test(arguments: [
        ("articles from Acme Daily", "Acme Daily", nil as String?),
        ("articles from Reuterz about Huawei", "Reuterz", "Reuters"),
        ("events from the Finanical Times", "Finanical Times", "Financial Times"),
    ])
    func anUnknownSourceIsAnErrorWithASuggestion(_ question: String, _ word: String, _ suggestion: String?) {
        #expect(throws: QueryError.unknownSource(word, suggestion: suggestion)) { try parser.parse(question) }
    }

    @Test func dataAndEntitiesAfterFromAreStillThemselves() throws {
        #expect(try parser.parse("events from 2024 to 2025").filter.since == Day(iso: "2024-01-01"))
        #expect(try parser.parse("statements from Huawei").filter.entities == ["Huawei"])
    }

    @Test func filtersNameSourcesTheSameWay() throws {
        #expect(try vocabulary.filter(sources: ["FT", "scmp"]).sources == ["Financial Times", "South China Morning Post"])
        #expect(throws: QueryError.unknownSource("Reuterz", suggestion: "Reuters")) { try vocabulary.filter(sources: ["Reuterz"]) }
    }
}
