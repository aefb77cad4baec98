import AnnalsKit
import ArgumentParser

extension Annals {
    struct Topics: ArchiveCommand {
        static let writesArchive = false
        static let configuration = CommandConfiguration(abstract: "List topics with how many events and articles each tags.")

        @ParentCommand var parent: Annals
        @OptionGroup var archiveOptions: ArchiveOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let topics = try openArchive().topicCounts()
            try RecordPrinter<TopicCount>(format: output.format, empty: "no topics").print { try topics.forEach($0) }
        }
    }
}
