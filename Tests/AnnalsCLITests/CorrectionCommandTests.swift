import Foundation
import Testing

/// `annals events merge|split` refuse what would corrupt the events, and say why; unknown
/// sources are usage errors with a suggestion.
@Suite struct CorrectionCommandTests {
    let folder: URL
    let db: String

    init() throws {
        folder = try AnnalsBinary.scratchFolder()
        db = folder.appending(path: "annals.sqlite").path
        let feed = folder.appending(path: "feed.ndjson")
        try """
            {"source": "Financial Times", "title": "A", "timeline": [{"date": "2025-03", "text": "OpenAI releases a reasoning model."}]}
            {"source": "Reuters", "title": "B", "timeline": [{"date": "2025-06", "text": "Anthropic publishes its scaling policy."}]}

            """.write(to: feed, atomically: true, encoding: .utf8)
        let run = try AnnalsBinary.run(["--db", db, "ingest", "--settle", "0", feed.path])
        #expect(run.status == 0, "\(run.stderr)")
    }

    func annals(_ arguments: [String]) throws -> AnnalsRun {
        try AnnalsBinary.run(["--db", db] + arguments, directory: folder)
    }

    func ids() throws -> [Int] {
        try annals(["sql", "SELECT id FROM events ORDER BY id", "--format", "csv"]).stdout
            .split(separator: "\r\n").dropFirst().compactMap { Int($0) }
    }

    @Test func anEventIsNotMergedIntoItself() throws {
        let id = try #require(try ids().first)
        let run = try annals(["events", "merge", "\(id)", "\(id)"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("event \(id) cannot be merged into itself"), "\(run.stderr)")
        #expect(try ids().count == 2)
    }

    @Test func datesThatDifferNeedForceAndStayVisible() throws {
        let (march, june) = (try ids()[0], try ids()[1])
        let refused = try annals(["events", "merge", "\(march)", "\(june)"])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("(2025-03)") && refused.stderr.contains("--force"), "\(refused.stderr)")
        #expect(try ids().count == 2)
        let forced = try annals(["events", "merge", "--force", "\(march)", "\(june)"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stdout.contains("event \(march) now has 2 mentions, dated 2025-03 / 2025-06"), "\(forced.stdout)")
        #expect(try ids() == [march])
        let listed = try annals(["events", "--format", "csv"])
        #expect(listed.stdout.contains("2025-03 / 2025-06,year,2025-01-01,2025-12-31"), "\(listed.stdout)")
    }

    @Test func splittingAMissingMentionNamesIt() throws {
        let id = try #require(try ids().first)
        let run = try annals(["events", "split", "\(id)", "999"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("event \(id) has no mention 999"), "\(run.stderr)")
    }

    @Test func sourcesGoByAnyNameAndAnUnknownOneIsAnError() throws {
        let ft = try annals(["articles", "--source", "FT", "--format", "csv"])
        #expect(ft.status == 0, "\(ft.stderr)")
        #expect(ft.stdout.contains("Financial Times") && !ft.stdout.contains("Reuters"))
        let asked = try annals(["ask", "articles from the FT"])
        #expect(asked.status == 0 && asked.stderr.hasPrefix("articles · source Financial Times"), "\(asked.stderr)")
        let unknown = try annals(["articles", "--source", "Reuterz"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("no source 'Reuterz' in the archive (did you mean 'Reuters'?)"), "\(unknown.stderr)")
        let inQuestion = try annals(["ask", "articles from SCMP"])
        #expect(inQuestion.status == 64)
        #expect(inQuestion.stderr.contains("no source 'SCMP'"), "\(inQuestion.stderr)")
    }
}
