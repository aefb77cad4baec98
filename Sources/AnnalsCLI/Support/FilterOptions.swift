import AnnalsKit
import ArgumentParser
import Foundation

extension QueryFilter.Sort: ExpressibleByArgument {}

/// The filters every listing and export shares, and the optional question-style QUERY.
struct FilterOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Optional question-style text, e.g. \"export controls involving China since 2024\".", valueName: "query"))
    var query: [String] = []

    @Option(name: .customLong("topic"), help: ArgumentHelp("A topic (slug, name or alias); repeat for any of several.", valueName: "topic"))
    var topics: [String] = []

    @Option(name: .customLong("entity"), help: ArgumentHelp("An entity (name or alias); repeat to require all.", valueName: "entity"))
    var entities: [String] = []

    @Option(name: .customLong("source"), help: ArgumentHelp("A source; repeat for any of several.", valueName: "source"))
    var sources: [String] = []

    @Option(help: ArgumentHelp("Keep what ends on or after this date (2024, 2024-06, 2024-06-15, Q3 2024…).", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Keep what starts on or before this date.", valueName: "date"))
    var until: String?

    @Option(help: ArgumentHelp("Full-text search: words and \"phrases\" that must all occur.", valueName: "text"))
    var search: String?

    @Option(help: "Order: date (oldest first), recent, relevance (with --search), mentions (events).")
    var sort: QueryFilter.Sort?

    @Option(help: "At most this many rows.")
    var limit: Int?

    @Option(help: "Skip this many rows first.")
    var offset: Int = 0

    @Option(help: ArgumentHelp("The day relative dates in QUERY count from (default: today, UTC).", valueName: "date"))
    var today: String?

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
        if offset < 0 { throw ValidationError("--offset must be 0 or more") }
        if let today, Day(iso: today) == nil { throw ValidationError("--today must be a day, YYYY-MM-DD") }
    }

    /// The filter these options and QUERY ask for, and, when there is a QUERY, how it was
    /// resolved against the archive (``Archive/answer(_:)``: its kind, count, and the loose
    /// words used or ignored).
    func resolve(in archive: Archive) throws -> (filter: QueryFilter, answer: Answer?) {
        // Names are looked up only when there are names to look up: reading the taxonomy
        // costs an export of a small archive a fifth of its time.
        let hasNames = !query.isEmpty || !topics.isEmpty || !entities.isEmpty || !sources.isEmpty
        let vocabulary = hasNames ? try archive.vocabulary() : Vocabulary(topics: [], entities: [], sources: [])
        let options = try vocabulary.filter(
            topics: topics, entities: entities, sources: sources, since: since, until: until, search: search,
            sort: sort ?? .date, limit: limit, offset: offset)
        guard !query.isEmpty else { return (options, nil) }
        var question = try QuestionParser(vocabulary: vocabulary, today: Self.day(today), occurs: archive.occurs).parse(query.joined(separator: " "))
        question.filter = try question.filter.narrowed(by: options).validated()
        let answer = try archive.answer(question)
        return (answer.filter, answer)
    }

    static func day(_ text: String?) -> Day {
        if let text, let day = Day(iso: text) { return day }
        return Day(iso: String(ISO8601DateFormatter().string(from: Date()).prefix(10)))!
    }
}

/// `--output FILE` and the CSV dialect options, for listings and exports.
struct CSVOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically: all or nothing) instead of stdout.", valueName: "file"))
    var output: String?

    @Flag(help: "CSV: no formula guard (cells starting with = + - @ are written as they are).")
    var raw = false

    @Flag(help: "CSV: start with a UTF-8 byte order mark (Excel on Windows needs it).")
    var bom = false

    @Flag(help: "CSV: the preset for Excel (BOM, CRLF, formula guard).")
    var excel = false

    @Option(help: "CSV: the field separator: , ; or tab.")
    var delimiter: String = ","

    func validate() throws {
        guard [",", ";", "tab", "\t"].contains(delimiter) else {
            throw ValidationError("--delimiter must be , ; or tab")
        }
        if excel && raw { throw ValidationError("--excel includes the formula guard: drop --raw") }
    }

    var writer: CSVWriter {
        var options = excel ? CSVWriter.Options.excel : CSVWriter.Options()
        options.formulaGuard = !raw
        options.byteOrderMark = bom || excel
        options.delimiter = delimiter == ";" ? UInt8(ascii: ";") : (delimiter == "," ? UInt8(ascii: ",") : 0x09)
        return CSVWriter(options: options)
    }
}
