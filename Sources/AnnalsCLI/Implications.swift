import AnnalsKit
import ArgumentParser

extension Annals {
    struct Implications: ListingCommand {
        static let configuration = CommandConfiguration(
            abstract: "List future implications, filtered like their articles; --search looks in the implications.",
            discussion: "")
        static let kind = RecordKind.implications

        @ParentCommand var parent: Annals
        @OptionGroup var archiveOptions: ArchiveOptions
        @OptionGroup var limits: QueryOptions
        @OptionGroup var filters: FilterOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var csv: CSVOptions
    }
}
