import Foundation
import Testing

@testable import AnnalsKit

/// How NDJSON files are cut into lines: in 1 MB reads, so lines cross reads, and a line
/// over the limit is counted but never held.
@Suite struct InputFilesTests {
    func lines(of bytes: [UInt8], maxLength: Int = .max) throws -> [(Int, String)] {
        let url = FileManager.default.temporaryDirectory.appending(path: "annals-lines-\(UUID().uuidString).ndjson")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var found: [(Int, String)] = []
        try InputFiles.forEachLine(of: url.path, maxLength: maxLength) { number, line in
            switch line {
            case .text(let bytes): found.append((number, String(decoding: bytes, as: UTF8.self)))
            case .tooLong(let size): found.append((number, "<\(size) bytes>"))
            }
        }
        return found
    }

    @Test func linesEndWithLFOrCRLFAndTheLastNeedsNoLineEnd() throws {
        let found = try lines(of: Array("a\r\nb\n\nc".utf8))
        #expect(found.map(\.0) == [1, 2, 3, 4])
        #expect(found.map(\.1) == ["a", "b", "", "c"])
        #expect(try lines(of: Array("a\n".utf8)).map(\.1) == ["a"])
        #expect(try lines(of: []).isEmpty)
    }

    @Test func linesThatCrossReadsAreWhole() throws {
        // Line ends just before, at and after the 1 MB read boundary, and a CR LF split by it.
        let mb = 1 << 20
        var bytes: [UInt8] = []
        var expected: [String] = []
        for length in [mb - 3, 10, mb + 5, 2 * mb] {
            let line = String(repeating: "x", count: length)
            expected.append(line)
            bytes += Array(line.utf8) + [0x0D, 0x0A]
        }
        #expect(try lines(of: bytes).map(\.1) == expected)
    }

    @Test func aLineOverTheLimitIsCountedNotKeptAndTheNextLinesAreRead() throws {
        let long = [UInt8](repeating: 0x41, count: (1 << 20) * 3 + 7)
        let found = try lines(of: Array("first\n".utf8) + long + Array("\nlast".utf8), maxLength: 1000)
        #expect(found.map(\.0) == [1, 2, 3])
        #expect(found.map(\.1) == ["first", "<\(long.count) bytes>", "last"])
        // A file that is one endless line, without a line end.
        #expect(try lines(of: long, maxLength: 1000).map(\.1) == ["<\(long.count) bytes>"])
        // At the limit exactly, a line is still read.
        #expect(try lines(of: [UInt8](repeating: 0x42, count: 1000), maxLength: 1000).map(\.1) == [String(repeating: "B", count: 1000)])
    }

    @Test func readingAFileStopsAtItsLimit() throws {
        let url = FileManager.default.temporaryDirectory.appending(path: "annals-read-\(UUID().uuidString).txt")
        try Data(count: 3 << 20).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: IngestError.tooLarge(size: 3 << 20, limit: 1 << 20)) { try InputFiles.read(url.path, limit: 1 << 20) }
        #expect(try InputFiles.read(url.path, limit: 3 << 20).count == 3 << 20)
    }
}
