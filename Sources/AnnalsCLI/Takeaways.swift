import AnnalsKit
import ArgumentParser

extension Annals {
    struct Takeaways: ListingCommand {
        static let configuration = CommandConfiguration(
            abstract: "List key takeaways, filtered like their articles; --search looks in the takeaways.",
            discussion: "")
        static let kind = RecordKind.takeaways

        @ParentCommand var parent: Annals
        @OptionGroup var archiveOptions: ArchiveOptions
        @OptionGroup var limits: QueryOptions
        @OptionGroup var filters: FilterOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var csv: CSVOptions
    }
}
