import Foundation
import Testing

/// A new archive in a scratch folder holding fixtures/cards and fixtures/feeds, and the
/// built `annals` run against it.
struct FixtureArchive {
    let folder: URL
    let db: String

    init() throws {
        folder = try AnnalsBinary.scratchFolder()
        db = folder.appending(path: "annals.sqlite").path
        let run = try AnnalsBinary.run(["--db", db, "ingest", "--settle", "0", AnnalsBinary.fixture("cards"), AnnalsBinary.fixture("feeds")])
        #expect(run.status == 0, "\(run.stderr)")
    }

    /// `annals --db DB arguments…`, run in the scratch folder.
    @discardableResult
    func annals(_ arguments: [String], environment: [String: String] = [:]) throws -> AnnalsRun {
        try AnnalsBinary.run(["--db", db] + arguments, directory: folder, environment: environment)
    }

    /// A run's stdout read as a JSON array of objects.
    func json(_ run: AnnalsRun) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]], "\(run.stdout)")
    }
}
