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
            @OptionGroup var filters: FilterOptions
            @OptionGroup var output: OutputOptions
            @OptionGroup var csv: CSVOptions
        }

        struct Merge: ArchiveCommand {
            static let configuration = CommandConfiguration(
                abstract: "Merge event OTHER into event ID: one event with the mentions of both.",
                discussion: "Recorded by mention: it holds when the articles are ingested again, and through reclassify.")

            @ParentCommand var parent: Annals
            @OptionGroup var archiveOptions: ArchiveOptions

            @Argument(help: "The event that stays.")
            var id: Int64

            @Argument(help: "The event merged into it (and deleted).")
            var other: Int64

            func run() throws {
                let archive = try openArchive()
                try archive.mergeEvents(into: id, from: other)
                let event = try archive.event(id: id)
                Terminal.write("event \(id) now has \(event.mentions) mention\(event.mentions == 1 ? "" : "s")\n")
            }
        }

        struct Split: ArchiveCommand {
            static let configuration = CommandConfiguration(
                abstract: "Take one mention (a timeline entry id) out of event ID into an event of its own.",
                discussion: "`annals explain event ID` lists an event's mentions with their ids. Recorded by mention: it holds on re-ingest.")

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
