import Foundation

/// libFuzzer's entry point, compiled with the parser sources by `Fuzz/run.sh`.
///
/// The same bytes go down every path an input can take through `annals ingest`:
/// - a card: ``TextDecoding`` then ``CardParser`` (with ``MojibakeRepair`` and the date parser);
/// - a card parser fed any string at all (lossily decoded), since `CardParser.parse` is public;
/// - a JSON document and one NDJSON line: ``FeedParser``.
/// Returning an article or throwing an ``IngestError`` are both right answers; a trap,
/// a crash, a memory error (AddressSanitizer) or a hang (`-timeout`) is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCards(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []

    if let text = try? TextDecoding.decode(bytes) {
        check(try? CardParser().parse(text))
    }
    check(try? CardParser().parse(String(decoding: bytes, as: UTF8.self)))

    let data = Data(bytes)
    if let items = try? FeedParser().parseDocument(data) {
        for item in items { check(try? item.result.get()) }
    }
    check(try? FeedParser().parseArticle(data))
    return 0
}

/// What every parsed article must satisfy, whatever the input.
private func check(_ parsed: ParsedArticle?) {
    guard let article = parsed?.article else { return }
    precondition(!article.title.isEmpty, "an article without a title was accepted")
    for entry in article.timeline {
        if let start = entry.date.start, let end = entry.date.end {
            precondition(start <= end, "a date interval ends before it starts: \(entry.date)")
        }
    }
}
