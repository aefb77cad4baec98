import Foundation
import Testing

import AnnalsKit  // not @testable: the README's example uses the public API only

/// The README's library example, as written there, so the front door stays true.
@Suite struct ReadmeExampleTests {
    @Test func theLibraryExampleRuns() throws {
        let folder = try Fixtures.scratchFolder()
        try FileManager.default.copyItem(at: Fixtures.url("cards"), to: folder.appending(path: "drop"))

        // From README.md, "The library", with the paths in a scratch folder and no settle
        // window (the files were copied a moment ago):
        let archive = try Archive(path: folder.appending(path: "annals.sqlite").path)
        let report = try Ingestor(archive: archive, options: IngestOptions(settle: 0))
            .ingest(paths: [folder.appending(path: "drop").path])
        print(report.summary)                                          // 12 documents: 10 new, …

        let question = try QuestionParser(vocabulary: try archive.vocabulary(), today: Day(iso: "2026-11-26")!)
            .parse("all export-control events since 2024")
        var printed = 0
        try archive.forEachEvent(matching: question.filter) { event in  // streams: one row at a time
            print(event.date.text, event.mentions, event.text, event.topics)
            printed += 1
        }
        let huawei = QueryFilter(entities: ["Huawei"], since: Day(iso: "2025-01-01"), limit: 20)
        let huaweiEvents = try archive.events(matching: huawei)               // small answers: an array
        let reader = try Archive(path: folder.appending(path: "annals.sqlite").path, access: .readOnly)  // writes nothing, ever

        #expect(report.documents == Fixtures.cardNames.count)
        #expect(printed > 0)
        #expect(huaweiEvents.allSatisfy { $0.entities.contains("Huawei") })
        #expect(try reader.events(matching: huawei) == huaweiEvents)
    }
}
