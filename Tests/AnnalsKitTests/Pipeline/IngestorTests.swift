import Foundation
import Testing

@testable import AnnalsKit

/// Feeds are decoded like cards before they are parsed.
@Suite struct IngestorTests {
    let ingestor: Ingestor

    init() throws {
        ingestor = Ingestor(archive: try Archive.inMemory())
    }

    static let article = #"{"source": "Reuters", "title": "A title", "takeaways": ["One."]}"#

    @Test(arguments: [InputFormat.json, .ndjson])
    func invalidUTF8InAFeedIsRejectedWithItsOffset(_ format: InputFormat) throws {
        var bytes = Array(Self.article.utf8)
        bytes.insert(0xFF, at: 40)
        let report = try ingestor.ingest(bytes: bytes, origin: "feed", format: format)
        #expect(report.rejects.map(\.reason) == [IngestError.invalidUTF8(offset: 40).localizedDescription])
    }

    @Test(arguments: [InputFormat.json, .ndjson])
    func emptyAndBinaryFeedsAreRejectedLikeCards(_ format: InputFormat) throws {
        let empty = try ingestor.ingest(bytes: Array("  \t ".utf8), origin: "empty", format: format)
        // An NDJSON line of white space is no document at all; a JSON document of it is empty.
        #expect(empty.rejects.map(\.reason) == (format == .json ? [IngestError.empty.localizedDescription] : []))
        let binary = try ingestor.ingest(bytes: Array(Self.article.utf8) + [0, 1, 2], origin: "binary", format: format)
        #expect(binary.rejects.map(\.reason) == [IngestError.binary.localizedDescription])
    }

    @Test func aFeedWithAByteOrderMarkIsRead() throws {
        let report = try ingestor.ingest(bytes: [0xEF, 0xBB, 0xBF] + Array(Self.article.utf8), origin: "bom.json", format: .json)
        #expect(report.rejects.isEmpty)
        #expect(report.new == 1)
    }
}
