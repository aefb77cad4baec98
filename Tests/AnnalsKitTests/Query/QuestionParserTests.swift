import Testing

@testable import AnnalsKit

/// A small but realistic taxonomy and source list for questions.
let questionVocabulary = Vocabulary(
    topics: [
        .init(
            canonical: "export-controls",
            aliases: ["export control", "export controls", "export ban", "chip controls"]),
        .init(canonical: "sanctions", aliases: []),
        .init(canonical: "espionage-ip-theft", aliases: ["IP theft", "espionage"]),
        .init(canonical: "antitrust", aliases: []),
        .init(canonical: "model-releases", aliases: ["model release", "launches"]),
        .init(canonical: "open-weights", aliases: []),
        .init(canonical: "regulation", aliases: ["AI Act", "legislation"]),
        .init(canonical: "diplomacy", aliases: ["summit", "summits"]),
        .init(canonical: "cybersecurity", aliases: []),
    ],
    entities: [
        .init(canonical: "United States", aliases: ["US", "U.S.", "USA"]),
        .init(canonical: "China", aliases: ["Chinese", "Beijing", "中国"]),
        .init(canonical: "Huawei", aliases: ["华为"]),
        .init(canonical: "SMIC", aliases: ["中芯国际"]),
        .init(canonical: "Nvidia", aliases: []),
        .init(canonical: "Netherlands", aliases: ["Dutch"]),
        .init(canonical: "ASML", aliases: []),
        .init(canonical: "Commerce Department", aliases: ["Commerce", "BIS"]),
        .init(canonical: "Entity List", aliases: []),
    ],
    sources: [
        .init(canonical: "Reuters", aliases: []),
        .init(canonical: "Ars Technica", aliases: []),
        .init(canonical: "Financial Times", aliases: ["FT"]),
    ]
)

/// Thursday 2026-11-26: every relative period below is counted from it.
let questionToday = Day(year: 2026, month: 11, day: 26)!

fileprivate func day(_ iso: String) -> Day { Day(iso: iso)! }

/// One question and exactly what it must parse to.
struct QuestionCase: Sendable, CustomTestStringConvertible {
    var question: String
    var expected: ParsedQuestion

    init(
        _ question: String, _ kind: RecordKind = .events, _ filter: QueryFilter = QueryFilter(), loose: [String] = [],
        count: CountGrouping? = nil
    ) {
        self.question = question
        expected = ParsedQuestion(kind: kind, filter: filter, looseWords: loose, count: count)
    }

    var testDescription: String { "'\(question)'" }
}

let questionCases: [QuestionCase] = [
    // Nouns: events by default, and the other kinds, singular or plural.
    QuestionCase("", .events),
    QuestionCase("events", .events),
    QuestionCase("articles", .articles),
    QuestionCase("story", .articles),
    QuestionCase("cards", .articles),
    QuestionCase("takeaway", .takeaways),
    QuestionCase("implications for Nvidia", .implications, QueryFilter(entities: ["Nvidia"])),
    QuestionCase("timeline entries about Huawei", .timeline, QueryFilter(entities: ["Huawei"])),
    QuestionCase("mentions of ASML", .timeline, QueryFilter(entities: ["ASML"])),
    QuestionCase("takeaways from Reuters articles", .takeaways, QueryFilter(sources: ["Reuters"])),
    QuestionCase("articles about antitrust cases", .articles, QueryFilter(topics: ["antitrust"])),

    // Topics: slug, alias, singular, plural, hyphenated, several words.
    QuestionCase("all export-control events since 2024", .events,
        QueryFilter(topics: ["export-controls"], since: day("2024-01-01"))),
    QuestionCase("export controls", .events, QueryFilter(topics: ["export-controls"])),
    QuestionCase("Export-Controls", .events, QueryFilter(topics: ["export-controls"])),
    QuestionCase("sanctions", .events, QueryFilter(topics: ["sanctions"])),
    QuestionCase("sanction", .events, QueryFilter(topics: ["sanctions"])),
    QuestionCase("antitrust cases", .events, QueryFilter(topics: ["antitrust"])),
    QuestionCase("events about the AI Act", .events, QueryFilter(topics: ["regulation"])),
    QuestionCase("open-weight model releases", .events, QueryFilter(allTopics: ["open-weights", "model-releases"])),
    QuestionCase("open-weight or model releases", .events, QueryFilter(topics: ["open-weights", "model-releases"])),
    QuestionCase("espionage or sanctions", .events, QueryFilter(topics: ["espionage-ip-theft", "sanctions"])),
    QuestionCase("chip controls and export bans", .events, QueryFilter(topics: ["export-controls"])),

    // Entities: by name or alias, bare or after a connective; several are all-of.
    QuestionCase("Huawei export-control events", .events,
        QueryFilter(topics: ["export-controls"], entities: ["Huawei"])),
    QuestionCase("华为 events", .events, QueryFilter(entities: ["Huawei"])),
    QuestionCase("中芯国际 sanctions", .events, QueryFilter(topics: ["sanctions"], entities: ["SMIC"])),
    QuestionCase("events about 中国", .events, QueryFilter(entities: ["China"])),
    QuestionCase("Beijing summits", .events, QueryFilter(topics: ["diplomacy"], entities: ["China"])),
    QuestionCase("IP theft cases involving the U.S.", .events,
        QueryFilter(topics: ["espionage-ip-theft"], entities: ["United States"])),
    QuestionCase("What are the U.S. export controls on China?", .events,
        QueryFilter(topics: ["export-controls"], entities: ["United States", "China"])),
    QuestionCase("give us the US sanctions", .events, QueryFilter(topics: ["sanctions"], entities: ["United States"])),
    QuestionCase("Dutch export ban", .events, QueryFilter(topics: ["export-controls"], entities: ["Netherlands"])),
    QuestionCase("ASML and the Netherlands", .events, QueryFilter(entities: ["ASML", "Netherlands"])),
    QuestionCase("events in the Netherlands", .events, QueryFilter(entities: ["Netherlands"])),
    QuestionCase("Commerce Department export controls", .events,
        QueryFilter(topics: ["export-controls"], entities: ["Commerce Department"])),
    QuestionCase("list any implications of the Entity List", .implications, QueryFilter(entities: ["Entity List"])),
    QuestionCase("China's export controls", .events, QueryFilter(topics: ["export-controls"], entities: ["China"])),
    QuestionCase("events involving China and Nvidia between 2024 and 2025", .events,
        QueryFilter(entities: ["China", "Nvidia"], since: day("2024-01-01"), until: day("2025-12-31"))),
    QuestionCase("events concerning Huawei, SMIC and Nvidia", .events,
        QueryFilter(entities: ["Huawei", "SMIC", "Nvidia"])),

    // Sources: after from/by/in, or bare, only when the vocabulary knows them.
    QuestionCase("articles from Reuters about Huawei in 2025", .articles,
        QueryFilter(entities: ["Huawei"], sources: ["Reuters"], since: day("2025-01-01"), until: day("2025-12-31"))),
    QuestionCase("articles by Ars Technica", .articles, QueryFilter(sources: ["Ars Technica"])),
    QuestionCase("stories in the Financial Times since 2025-06", .articles,
        QueryFilter(sources: ["Financial Times"], since: day("2025-06-01"))),
    QuestionCase("cards from Reuters or FT", .articles, QueryFilter(sources: ["Reuters", "Financial Times"])),
    QuestionCase("which events involve both the US and the Netherlands", .events,
                 QueryFilter(entities: ["United States", "Netherlands"])),
    QuestionCase("Reuters sanctions articles", .articles, QueryFilter(topics: ["sanctions"], sources: ["Reuters"])),

    // Absolute time, each relation.
    QuestionCase("since 2024", .events, QueryFilter(since: day("2024-01-01"))),
    QuestionCase("after 2024-06", .events, QueryFilter(since: day("2024-07-01"))),
    QuestionCase("after 2024-06-30", .events, QueryFilter(since: day("2024-07-01"))),
    QuestionCase("before 2025", .events, QueryFilter(until: day("2024-12-31"))),
    QuestionCase("before March 2024", .events, QueryFilter(until: day("2024-02-29"))),
    QuestionCase("until 2025-03", .events, QueryFilter(until: day("2025-03-31"))),
    QuestionCase("till Q2 2025", .events, QueryFilter(until: day("2025-06-30"))),
    QuestionCase("events by 2025", .events, QueryFilter(until: day("2025-12-31"))),
    QuestionCase("in 2025", .events, QueryFilter(since: day("2025-01-01"), until: day("2025-12-31"))),
    QuestionCase("during Q3 2025", .events, QueryFilter(since: day("2025-07-01"), until: day("2025-09-30"))),
    QuestionCase("in March 2025", .events, QueryFilter(since: day("2025-03-01"), until: day("2025-03-31"))),
    QuestionCase("in Sept. 2024", .events, QueryFilter(since: day("2024-09-01"), until: day("2024-09-30"))),
    QuestionCase("on March 5, 2025", .events, QueryFilter(since: day("2025-03-05"), until: day("2025-03-05"))),
    QuestionCase("since 5 March 2025", .events, QueryFilter(since: day("2025-03-05"))),
    QuestionCase("since 5th March 2025", .events, QueryFilter(since: day("2025-03-05"))),
    QuestionCase("since 2025-Q3", .events, QueryFilter(since: day("2025-07-01"))),
    QuestionCase("on 2024-10-15", .events, QueryFilter(since: day("2024-10-15"), until: day("2024-10-15"))),
    QuestionCase("between 2024 and 2025", .events, QueryFilter(since: day("2024-01-01"), until: day("2025-12-31"))),
    QuestionCase("between March 2024 and Q1 2025", .events,
        QueryFilter(since: day("2024-03-01"), until: day("2025-03-31"))),
    QuestionCase("from 2024-06 to 2025-02", .events, QueryFilter(since: day("2024-06-01"), until: day("2025-02-28"))),
    QuestionCase("from 2024-06 through 2025-02", .events,
        QueryFilter(since: day("2024-06-01"), until: day("2025-02-28"))),
    QuestionCase("from 2024", .events, QueryFilter(since: day("2024-01-01"))),
    QuestionCase("since 2024 until 2025-03", .events, QueryFilter(since: day("2024-01-01"), until: day("2025-03-31"))),
    QuestionCase("in 2024 until March 2025", .events, QueryFilter(since: day("2024-01-01"), until: day("2025-03-31"))),
    QuestionCase("after 2024 and before 2026", .events,
        QueryFilter(since: day("2025-01-01"), until: day("2025-12-31"))),
    QuestionCase("in 2025 since June 2025", .events, QueryFilter(since: day("2025-06-01"), until: day("2025-12-31"))),
    QuestionCase("sanctions 2024", .events,
        QueryFilter(topics: ["sanctions"], since: day("2024-01-01"), until: day("2024-12-31"))),
    QuestionCase("2024-2025 export controls", .events,
        QueryFilter(topics: ["export-controls"], since: day("2024-01-01"), until: day("2025-12-31"))),
    QuestionCase("Q3 2025 to Q1 2026", .events, QueryFilter(since: day("2025-07-01"), until: day("2026-03-31"))),
    QuestionCase("2024 – 2025", .events, QueryFilter(since: day("2024-01-01"), until: day("2025-12-31"))),

    // Relative time, from Thursday 2026-11-26.
    QuestionCase("what were the sanctions events last year?", .events,
        QueryFilter(topics: ["sanctions"], since: day("2025-01-01"), until: day("2025-12-31"))),
    QuestionCase("this year", .events, QueryFilter(since: day("2026-01-01"), until: day("2026-12-31"))),
    QuestionCase("this month", .events, QueryFilter(since: day("2026-11-01"), until: day("2026-11-30"))),
    QuestionCase("last month", .events, QueryFilter(since: day("2026-10-01"), until: day("2026-10-31"))),
    QuestionCase("this quarter", .events, QueryFilter(since: day("2026-10-01"), until: day("2026-12-31"))),
    QuestionCase("last quarter", .events, QueryFilter(since: day("2026-07-01"), until: day("2026-09-30"))),
    QuestionCase("this week", .events, QueryFilter(since: day("2026-11-23"), until: day("2026-11-29"))),
    QuestionCase("last week", .events, QueryFilter(since: day("2026-11-16"), until: day("2026-11-22"))),
    QuestionCase("today", .events, QueryFilter(since: day("2026-11-26"), until: day("2026-11-26"))),
    QuestionCase("yesterday", .events, QueryFilter(since: day("2026-11-25"), until: day("2026-11-25"))),
    QuestionCase("past 30 days", .events, QueryFilter(since: day("2026-10-27"), until: day("2026-11-26"))),
    QuestionCase("last 6 months", .events, QueryFilter(since: day("2026-05-26"), until: day("2026-11-26"))),
    QuestionCase("in the last 6 months", .events, QueryFilter(since: day("2026-05-26"), until: day("2026-11-26"))),
    QuestionCase("over the past two weeks", .events, QueryFilter(since: day("2026-11-12"), until: day("2026-11-26"))),
    QuestionCase("past year", .events, QueryFilter(since: day("2025-11-26"), until: day("2026-11-26"))),
    QuestionCase("last 2 quarters", .events, QueryFilter(since: day("2026-05-26"), until: day("2026-11-26"))),
    QuestionCase("since last year", .events, QueryFilter(since: day("2025-01-01"))),
    QuestionCase("before last month", .events, QueryFilter(until: day("2026-09-30"))),
    QuestionCase("from last year until now", .events, QueryFilter(since: day("2025-01-01"), until: day("2026-11-26"))),
    QuestionCase("cybersecurity incidents last month", .events,
        QueryFilter(topics: ["cybersecurity"], since: day("2026-10-01"), until: day("2026-10-31"))),

    // Full-text search: quoted phrases, search words, unplaced words.
    QuestionCase("takeaways mentioning HBM", .takeaways, QueryFilter(search: "HBM")),
    QuestionCase("takeaways mentioning Huawei since 2025", .takeaways,
        QueryFilter(since: day("2025-01-01"), search: "Huawei")),
    QuestionCase("events that mention export controls", .events, QueryFilter(search: "export controls")),
    QuestionCase("articles which mentions ASML from Reuters", .articles,
        QueryFilter(sources: ["Reuters"], search: "ASML")),
    QuestionCase("events containing HBM and memory", .events, QueryFilter(search: "HBM memory")),
    QuestionCase("\"export ban\" Huawei", .events, QueryFilter(entities: ["Huawei"], search: "\"export ban\"")),
    QuestionCase("articles “chip war” since 2025", .articles,
        QueryFilter(since: day("2025-01-01"), search: "\"chip war\"")),
    QuestionCase("Huawei HBM", .events, QueryFilter(entities: ["Huawei"]), loose: ["HBM"]),
    QuestionCase("events about HBM shortages", .events, loose: ["HBM", "shortages"]),
    QuestionCase("BIS Entity List additions", .events,
        QueryFilter(entities: ["Commerce Department", "Entity List"]), loose: ["additions"]),
    QuestionCase("chip controls targeting Chinese firms", .events,
        QueryFilter(topics: ["export-controls"], entities: ["China"]), loose: ["firms"]),
    QuestionCase("legislation passed this year", .events,
        QueryFilter(topics: ["regulation"], since: day("2026-01-01"), until: day("2026-12-31")), loose: ["passed"]),
    QuestionCase("takeaways mentioning \"high bandwidth memory\" and HBM", .takeaways,
        QueryFilter(search: "\"high bandwidth memory\" HBM")),

    // Sort and limit.
    QuestionCase("latest 10 export-control events", .events,
        QueryFilter(topics: ["export-controls"], sort: .recent, limit: 10)),
    QuestionCase("10 latest events", .events, QueryFilter(sort: .recent, limit: 10)),
    QuestionCase("top 5 sanctions events", .events, QueryFilter(topics: ["sanctions"], sort: .mentions, limit: 5)),
    QuestionCase("most cited events involving Huawei", .events, QueryFilter(entities: ["Huawei"], sort: .mentions)),
    QuestionCase("most mentioned events", .events, QueryFilter(sort: .mentions)),
    QuestionCase("newest articles from Reuters", .articles, QueryFilter(sources: ["Reuters"], sort: .recent)),
    QuestionCase("most recent takeaways", .takeaways, QueryFilter(sort: .recent)),
    QuestionCase("show me recent export-control events", .events,
        QueryFilter(topics: ["export-controls"], sort: .recent)),
    QuestionCase("first 3 events involving SMIC", .events, QueryFilter(entities: ["SMIC"], sort: .date, limit: 3)),
    QuestionCase("last 10 articles", .articles, QueryFilter(sort: .recent, limit: 10)),
    QuestionCase("events limit 20", .events, QueryFilter(limit: 20)),
    QuestionCase("5 export-control events", .events, QueryFilter(topics: ["export-controls"], limit: 5)),
    QuestionCase("most relevant articles mentioning HBM", .articles, QueryFilter(search: "HBM", sort: .relevance)),

    // Phrasings met while probing.
    QuestionCase("news about SMIC", .articles, QueryFilter(entities: ["SMIC"])),
    QuestionCase("events up to 2025", .events, QueryFilter(until: day("2025-12-31"))),
    QuestionCase("How many sanctions events were there in 2024?", .events,
        QueryFilter(topics: ["sanctions"], since: day("2024-01-01"), until: day("2024-12-31")), count: .total),
    QuestionCase("US bias", .events, QueryFilter(entities: ["United States"]), loose: ["bias"]),
    QuestionCase("G7 summit", .events, QueryFilter(topics: ["diplomacy"]), loose: ["G7"]),
    QuestionCase("events in 5G", .events, loose: ["5G"]),
    QuestionCase("events mentioning 2024 election", .events, QueryFilter(search: "2024 election")),
    QuestionCase("events mentioning HBM from Reuters", .events, QueryFilter(sources: ["Reuters"], search: "HBM")),
    QuestionCase("events between 2024-06 - 2025-01", .events,
        QueryFilter(since: day("2024-06-01"), until: day("2025-01-31"))),
    QuestionCase("华为？", .events, QueryFilter(entities: ["Huawei"])),

    // Either-or between names; both/and/against read as meant.
    QuestionCase("events involving Huawei or SMIC", .events, QueryFilter(anyEntities: ["Huawei", "SMIC"])),
    QuestionCase("Nvidia or ASML export controls", .events,
        QueryFilter(topics: ["export-controls"], anyEntities: ["Nvidia", "ASML"])),
    QuestionCase("events involving China and Huawei or SMIC", .events,
        QueryFilter(entities: ["China"], anyEntities: ["Huawei", "SMIC"])),
    QuestionCase("sanctions against Huawei", .events, QueryFilter(topics: ["sanctions"], entities: ["Huawei"])),
    QuestionCase("events regarding both Nvidia and the Netherlands", .events,
        QueryFilter(entities: ["Nvidia", "Netherlands"])),

    // Counts: how many, by period or facet.
    QuestionCase("how many export-control events per year", .events, QueryFilter(topics: ["export-controls"]),
        count: .year),
    QuestionCase("number of sanctions events by quarter since 2023", .events,
        QueryFilter(topics: ["sanctions"], since: day("2023-01-01")), count: .quarter),
    QuestionCase("count articles by source", .articles, count: .source),
    QuestionCase("how many events involving Huawei each month in 2025", .events,
        QueryFilter(entities: ["Huawei"], since: day("2025-01-01"), until: day("2025-12-31")), count: .month),
    QuestionCase("how many events about China by topic", .events, QueryFilter(entities: ["China"]), count: .topic),
    QuestionCase("yearly count of antitrust cases", .events, QueryFilter(topics: ["antitrust"]), count: .year),
    QuestionCase("how many Reuters articles per entity", .articles, QueryFilter(sources: ["Reuters"]), count: .entity),
    QuestionCase("events by 2025", .events, QueryFilter(until: day("2025-12-31"))),
]

@Suite("QuestionParser")
struct QuestionParserTests {
    let parser = QuestionParser(vocabulary: questionVocabulary, today: questionToday)

    @Test("enough questions in the table")
    func tableSize() {
        #expect(questionCases.count >= 70)
    }

    @Test("parses each question to exactly the expected kind and filter", arguments: questionCases)
    func parses(_ testCase: QuestionCase) throws {
        let parsed = try parser.parse(testCase.question)
        #expect(parsed.kind == testCase.expected.kind)
        #expect(parsed.filter == testCase.expected.filter)
        #expect(parsed == testCase.expected)
    }

    @Test(
        "words how it understood the question",
        arguments: [
            ("all export-control events since 2024", "events · topic export-controls · since 2024-01-01"),
            ("", "events"),
            ("takeaways mentioning HBM", "takeaways · search \"HBM\""),
            (
                "latest 10 articles from Reuters about Huawei",
                "articles · entity Huawei · source Reuters · sorted by recent · limit 10"
            ),
            (
                "events involving China and Nvidia between 2024 and 2025",
                "events · entity China and Nvidia · since 2024-01-01 · until 2025-12-31"
            ),
            (
                "sanctions or export controls involving Huawei last quarter",
                "events · topic sanctions or export-controls · entity Huawei · since 2026-07-01 · until 2026-09-30"
            ),
            ("timeline entries mentioning the \"Entity List\"", "timeline · search \"\"Entity List\"\""),
            ("Huawei or SMIC export controls", "events · topic export-controls · entity Huawei or SMIC"),
            ("China and Huawei or SMIC", "events · entity China and (Huawei or SMIC)"),
            ("how many export-control events per year", "count of events by year · topic export-controls"),
            ("Entity List additions", "events · entity Entity List · words \"additions\""),
        ])
    func understanding(_ question: String, _ expected: String) throws {
        #expect(try parser.parse(question).understanding == expected)
    }

    @Test(
        "refuses near misses of topics and entities, naming the suggestion",
        arguments: [
            ("export-contrls since 2024", "export-contrls", "export-controls"),
            ("export contrls", "export contrls", "export-controls"),
            ("sanctons events", "sanctons", "sanctions"),
            ("events involving Huaweii", "Huaweii", "Huawei"),
            ("Nvidai export controls", "Nvidai", "Nvidia"),
            ("antitrsut cases", "antitrsut", "antitrust"),
        ])
    func nearMisses(_ question: String, _ word: String, _ suggestion: String) {
        #expect(throws: QueryError.unplacedWord(word, suggestion: suggestion)) { try parser.parse(question) }
    }

    @Test(
        "refuses what it cannot express rather than dropping it",
        arguments: [
            ("events not involving China", "not"),
            ("export controls without Huawei", "without"),
            ("takeaways and implications", "implications"),
        ])
    func inexpressible(_ question: String, _ word: String) {
        #expect(throws: QueryError.unplacedWord(word, suggestion: nil)) { try parser.parse(question) }
    }

    @Test(
        "malformed dates after a time word are bad dates",
        arguments: [
            ("since 2024-13", "2024-13"),
            ("in Marchh 2025", "Marchh 2025"),
            ("since 2025-02-30", "2025-02-30"),
            ("in March", "March"),
            ("during Q5 2025", "Q5 2025"),
            ("since Huawei", "Huawei"),
            ("after the summit", "summit"),
            ("events since", ""),
            ("between 2024 and later", "later"),
            ("from 2024 to Marchh 2025", "Marchh 2025"),
            ("2024-13 events", "2024-13"),
            ("on May 5", "May 5"),
            ("Q3 events", "Q3"),
            ("events after 9999", "9999"),
        ])
    func badDates(_ question: String, _ text: String) {
        #expect(throws: QueryError.badDate(text)) { try parser.parse(question) }
    }

    @Test(
        "an empty interval is refused",
        arguments: [
            ("from 2025 to 2024", "2025-01-01", "2024-12-31"),
            ("after 2025 before 2024", "2026-01-01", "2023-12-31"),
            ("since 2026 last year", "2026-01-01", "2025-12-31"),
        ])
    func emptyIntervals(_ question: String, _ since: String, _ until: String) {
        #expect(throws: QueryError.emptyInterval(since: since, until: until)) { try parser.parse(question) }
    }

    @Test("a quoted phrase with nothing to search for is refused")
    func emptySearch() {
        #expect(throws: QueryError.emptySearch) { try parser.parse("events \"?!\"") }
    }

    @Test(
        "relative periods at the edges of months, quarters and years",
        arguments: [
            ("2026-03-31", "past month", "2026-02-28", "2026-03-31"),
            ("2024-03-31", "past month", "2024-02-29", "2024-03-31"),
            ("2026-01-01", "last week", "2025-12-22", "2025-12-28"),
            ("2026-01-01", "this week", "2025-12-29", "2026-01-04"),
            ("2026-02-15", "last quarter", "2025-10-01", "2025-12-31"),
            ("2026-01-10", "last month", "2025-12-01", "2025-12-31"),
            ("2026-03-01", "yesterday", "2026-02-28", "2026-02-28"),
            ("2028-02-29", "past year", "2027-02-28", "2028-02-29"),
        ])
    func relativeEdges(_ today: String, _ question: String, _ since: String, _ until: String) throws {
        let parser = QuestionParser(vocabulary: questionVocabulary, today: day(today))
        let filter = try parser.parse(question).filter
        #expect(filter.since == day(since))
        #expect(filter.until == day(until))
    }

    @Test("calendar arithmetic round-trips and knows weekdays")
    func calendar() {
        for iso in ["1970-01-01", "2000-02-29", "2026-11-26", "1000-01-01", "9999-12-31"] {
            let d = day(iso)
            #expect(Day(ordinal: d.ordinal) == d)
        }
        #expect(day("1970-01-01").ordinal == 0)
        #expect(day("2000-03-01").ordinal - day("2000-02-28").ordinal == 2)
        #expect(Day(ordinal: day("9999-12-31").ordinal + 1) == nil)
        #expect(QuestionCalendar.weekday(day("2026-11-26")) == 3)  // Thursday
        #expect(QuestionCalendar.weekday(day("2026-11-23")) == 0)  // Monday
        #expect(QuestionCalendar.adding(days: 1, to: day("2024-02-28")) == day("2024-02-29"))
        #expect(QuestionCalendar.adding(months: -1, to: day("2026-03-31")) == day("2026-02-28"))
        #expect(QuestionCalendar.adding(months: 13, to: day("2026-11-30")) == day("2027-12-30"))
    }
}
