import AnnalsKit
import ArgumentParser

extension Annals {
    struct Articles: ListingCommand {
        static let configuration = CommandConfiguration(
            abstract: "List articles, filtered by topic, entity, source, date or text.",
            discussion: "An article's date is the day it was published (feeds) or first received (cards carry none).")
        static let kind = RecordKind.articles

        @ParentCommand var parent: Annals
        @OptionGroup var archiveOptions: ArchiveOptions
        @OptionGroup var limits: QueryOptions
        @OptionGroup var filters: FilterOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var csv: CSVOptions
    }
}
