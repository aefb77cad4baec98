/// The format of an input. `auto` decides per file, by extension and then by content.
public enum InputFormat: String, CaseIterable, Sendable {
    /// Decided per file: by extension (`.ndjson`/`.jsonl`, `.json`, `.txt`/`.card`/`.md`), else by the first bytes.
    case auto
    /// A news-aggregator card, read by ``CardParser``.
    case card
    /// A JSON document: one article object or an array of them, read by ``FeedParser``.
    case json
    /// One JSON article object per line, each line a document of its own.
    case ndjson

    /// The name stored in `documents.format`.
    var storedName: String { self == .auto ? "unknown" : rawValue }

    /// The format of a file named `path` whose first bytes are `head`, when `self` is `.auto`.
    func resolved(path: String, head: some Collection<UInt8>) -> InputFormat {
        guard self == .auto else { return self }
        let lower = path.lowercased()
        if lower.hasSuffix(".ndjson") || lower.hasSuffix(".jsonl") { return .ndjson }
        if lower.hasSuffix(".json") { return .json }
        if lower.hasSuffix(".txt") || lower.hasSuffix(".card") || lower.hasSuffix(".md") { return .card }
        // By content: JSON starts with { or [ (after a BOM and white space).
        var bytes = head.drop(while: { $0 == 0xEF || $0 == 0xBB || $0 == 0xBF || $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 })
        guard let first = bytes.first else { return .card }
        if first == UInt8(ascii: "[") { return .json }
        if first == UInt8(ascii: "{") {
            // Several lines that each start with `{`: NDJSON.
            bytes = bytes.dropFirst()
            if let newline = bytes.firstIndex(of: 0x0A) {
                let rest = bytes[newline...].drop(while: { $0 == 0x0A || $0 == 0x0D || $0 == 0x20 })
                if rest.first == UInt8(ascii: "{") { return .ndjson }
            }
            return .json
        }
        return .card
    }
}
