import AnnalsKit
import ArgumentParser
import Foundation

extension Annals {
    struct Reclassify: ArchiveCommand {
        static let writesArchive = true
        static let configuration = CommandConfiguration(
            abstract: "Re-apply the taxonomy in use to every event and article, in one transaction.",
            discussion: "Re-tags only: merged events and analysts' corrections stay as they are.")

        @ParentCommand var parent: Annals
        @OptionGroup var archiveOptions: ArchiveOptions

        func run() throws {
            let started = Date()
            let report = try Reclassifier(archive: try openArchive()).run()
            let seconds = Date().timeIntervalSince(started)
            Terminal.write("reclassified \(report.events) events and \(report.articles) articles in \(String(format: "%.2f", seconds))s: \(report.eventTopics) event topics, \(report.articleTopics) article topics\n")
        }
    }
}
