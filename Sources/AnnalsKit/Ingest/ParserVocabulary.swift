/// Words the ingest parsers recognise, kept once for every reader that needs them.
enum ParserVocabulary {
    /// A card's section headings as keys (lowercase ASCII letters and digits), longest
    /// first where one begins another. `marked` says the aggregator prints the heading
    /// after an emoji marker, so mangled residue before it is evidence of mojibake
    /// (``MojibakeRepair``); the bare `takeaways` and `implications` are short forms of
    /// marker-less cards.
    static let cardHeadings: [(key: [UInt8], section: CardSection, marked: Bool)] = ([
        ("30secondtldr", .tldr, true), ("tldr", .tldr, true), ("deepinsight", .insight, true),
        ("enhancedkeytakeaways", .takeaways, true), ("keytakeaways", .takeaways, true), ("takeaways", .takeaways, false),
        ("futureimplications", .implications, true), ("implications", .implications, false),
        ("timeline", .timeline, true), ("relatedupdates", .ignored, true), ("weeklyairecap", .ignored, true),
    ] as [(String, CardSection, Bool)]).map { (Array($0.0.utf8), $0.1, $0.2) }

    /// English month names and abbreviations, lowercase, with their numbers (`sept` too).
    static let months: [String: Int] = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
        "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
        "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
        "dec": 12, "december": 12,
    ]
}
