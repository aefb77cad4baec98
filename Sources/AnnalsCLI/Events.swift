import AnnalsKit
import ArgumentParser

extension Annals {
    struct Events: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List real-world events (each once, with its mentions), or correct the merger.",
            subcommands: [List.self, Merge.self, Split.self],
            defaultSubcommand: List.self)

        struct List: ListingCommand {
            static let configuration = CommandConfiguration(
                abstract: "List events, filtered by topic, entity, source, date or text (the default).",
                discussion: "Dates compare intervals: --since 2024 keeps what ends on or after 2024-01-01.")
            static let kind = RecordKind.events

            @ParentCommand var parent: Annals
            @OptionGroup var archiveOptions: ArchiveOptions
            @OptionGroup var limits: QueryOptions
            @OptionGroup var filters: FilterOptions
            @OptionGroup var output: OutputOptions
            @OptionGroup var csv: CSVOptions
        }

        struct Merge: ArchiveCommand {
            static let writesArchive = true
            static let configuration = CommandConfiguration(
                abstract: "Merge event OTHER into event ID: one event with the mentions of both.",
                discussion: """
                    Recorded by mention: it holds when the articles are ingested again, and through reclassify. \
                    Events whose dates cannot be one event's (2025-03 and 2025-06) are merged only with --force; \
                    the event is then dated by what contains both (2025), written as both (2025-03 / 2025-06), \
                    and each mention keeps its own date. Event ids are never reused: OTHER stays unused.

                    Example: annals events merge 12 40
                    """)

            @ParentCommand var parent: Annals
            @OptionGroup var archiveOptions: ArchiveOptions

            @Argument(help: "The event that stays.")
            var id: Int64

            @Argument(help: "The event merged into it (and deleted).")
            var other: Int64

            @Flag(help: "Merge even when the two dates cannot be one event's.")
            var force = false

            func run() throws {
                let archive = try openArchive()
                let date = try archive.mergeEvents(into: id, from: other, force: force)
                let event = try archive.event(id: id)
                Terminal.write("event \(id) now has \(event.mentions) mention\(event.mentions == 1 ? "" : "s"), dated \(date.text)\n")
            }
        }

        struct Split: ArchiveCommand {
            static let writesArchive = true
            static let configuration = CommandConfiguration(
                abstract: "Take one mention (a timeline entry id) out of event ID into an event of its own.",
                discussion: """
                    `annals explain event ID` lists an event's mentions with their ids. Both events are tagged anew from \
                    their mentions. Recorded by mention: it holds on re-ingest.

                    Example: annals events split 12 311
                    """)

            @ParentCommand var parent: Annals
            @OptionGroup var archiveOptions: ArchiveOptions

            @Argument(help: "The event.")
            var id: Int64

            @Argument(help: "The timeline entry id of the mention to take out.")
            var mention: Int64

            func run() throws {
                let created = try openArchive().splitMention(mention, fromEvent: id)
                Terminal.write("mention \(mention) is now event \(created)\n")
            }
        }
    }
}
