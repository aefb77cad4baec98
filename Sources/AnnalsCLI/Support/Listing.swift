import AnnalsKit

/// A command that lists one kind of record with the shared filters and formats.
protocol ListingCommand: QueryCommand {
    static var kind: RecordKind { get }
    var filters: FilterOptions { get }
    var output: OutputOptions { get }
    var csv: CSVOptions { get }
}

extension ListingCommand {
    func run() throws {
        let format = try output.format(writingTo: csv.output)
        let archive = try openArchive()
        let (filter, answer) = try filters.resolve(in: archive)
        // With a QUERY, how it was understood, as `ask` says it.
        if answer != nil { Terminal.note(Answer.understanding(kind: Self.kind, filter: filter, count: nil, ignored: answer?.ignoredWords ?? [])) }
        try Listing.run(Self.kind, filter: filter, archive: archive, format: format, csv: csv)
    }
}

/// Runs a listing or export of `kind` with `filter`, printing in `format`. Written to a
/// file (`--output`, and every export), events list every article that mentions them; on
/// stdout, the first ``Event/articleLimit``.
enum Listing {
    @discardableResult
    static func run(
        _ kind: RecordKind, filter: QueryFilter, archive: Archive, format: OutputFormat, csv: CSVOptions,
        complete: Bool = false
    ) throws -> Int {
        let articleLimit = complete || csv.output != nil ? nil : Event.articleLimit
        func printer<R: ExportRecord & TableRow>(_: R.Type) -> RecordPrinter<R> {
            RecordPrinter<R>(format: format, csv: csv.writer, output: csv.output, empty: "no \(kind.noun) match")
        }
        switch kind {
        case .events:
            // CSV names an event's articles by id and source: their titles are not read.
            return try printer(Event.self).print {
                try archive.forEachEvent(matching: filter, articleLimit: articleLimit, articleTitles: format != .csv, $0)
            }
        case .articles: return try printer(ArticleRow.self).print { try archive.forEachArticle(matching: filter, $0) }
        case .takeaways: return try printer(TakeawayRow.self).print { try archive.forEachTakeaway(matching: filter, $0) }
        case .implications: return try printer(ImplicationRow.self).print { try archive.forEachImplication(matching: filter, $0) }
        case .timeline: return try printer(TimelineRow.self).print { try archive.forEachTimelineEntry(matching: filter, $0) }
        }
    }
}
