import AnnalsKit
import ArgumentParser
import Foundation

extension Annals {
    struct Report: QueryCommand {
        /// What `report` writes.
        enum Format: String, CaseIterable, ExpressibleByArgument { case html, svg }
        /// What a lane of the timeline is.
        enum LaneKind: String, CaseIterable, ExpressibleByArgument { case topic, entity }

        static let configuration = CommandConfiguration(
            abstract: "Draw the events of a question as a timeline: one self-contained HTML file, or an SVG picture.",
            discussion: """
                QUERY is read like `annals ask` (how it was understood is printed on stderr and put in the \
                header); the filters narrow it. The HTML page holds a header (the question, how it was \
                understood, counts), the timeline (one lane per topic, or per entity with --lanes entity; \
                dates drawn as the interval they name; marker size by mentions) and the same events as a \
                table. It loads nothing from the network, prints, and can be mailed. Above 150 dated events \
                the timeline counts events per month (per quarter above 600). --format svg writes the \
                timeline picture alone, for slides.
                """)

        @ParentCommand var parent: Annals
        @OptionGroup var archiveOptions: ArchiveOptions
        @OptionGroup var limits: QueryOptions
        static let defaultTimeout = QueryOptions.defaultExportTimeout
        @OptionGroup var filters: FilterOptions

        @Option(name: .shortAndLong, help: ArgumentHelp("The file to write (atomically: all or nothing); - for stdout.", valueName: "file"))
        var output: String

        @Option(help: "html (header, timeline and table) or svg (the timeline alone); default: from --output's extension, else html.")
        var format: Format?

        @Option(help: "One lane per topic or per entity.")
        var lanes: LaneKind = .topic

        @Option(help: "The report's heading (default: the question).")
        var title: String?

        /// The format asked for, else the one the file name says.
        var resolvedFormat: Format {
            format ?? (output.lowercased().hasSuffix(".svg") ? .svg : .html)
        }

        func run() throws {
            let archive = try openArchive()
            let (filter, answer) = try filters.resolve(in: archive)
            if let kind = answer?.kind, kind != .events {
                throw ValidationError("a report draws events, and the question asks for \(kind.rawValue): ask for events")
            }
            // The question and the filter options together, as the events were chosen.
            let understanding = Answer.understanding(kind: .events, filter: filter, count: nil, ignored: answer?.ignoredWords ?? [])
            Terminal.note(understanding)
            let events = try archive.events(matching: filter)
            let names = Dictionary(try archive.taxonomy().topics.map { ($0.slug, $0.name) }) { first, _ in first }
            let report = TimelineReport(
                events: events, title: title ?? defaultTitle(filter), understanding: understanding,
                lanes: lanes == .topic ? .topic(names: names) : .entity, generatedAt: Self.generatedAt(),
                topicNames: names)
            let text = resolvedFormat == .svg ? report.svg() : report.html()
            if output == "-" {
                Terminal.writeExact(text)
            } else {
                let file = try AtomicFile(path: output)
                try file.write(Array(text.utf8))
                try file.commit()
                Terminal.note("wrote \(events.count) event\(events.count == 1 ? "" : "s") to \(output)")
            }
        }

        func defaultTitle(_ filter: QueryFilter) -> String {
            if !filters.query.isEmpty { return filters.query.joined(separator: " ") }
            return filter.summary.isEmpty ? "All events" : "Events · " + filter.summary
        }

        /// Now, in UTC to the minute; `$SOURCE_DATE_EPOCH` when set, for reproducible files.
        static func generatedAt() -> String {
            let environment = ProcessInfo.processInfo.environment
            let date = environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init).map(Date.init(timeIntervalSince1970:)) ?? Date()
            let iso = ISO8601DateFormatter().string(from: date)
            return iso.prefix(10) + " " + iso.dropFirst(11).prefix(5) + " UTC"
        }
    }
}
