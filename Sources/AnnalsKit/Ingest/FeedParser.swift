import Foundation

/// One article of a JSON feed document, or why it could not be read.
public struct FeedItem: Sendable, Equatable {
    /// The element's position (0-based) when the document is an array; nil for a single object.
    public var index: Int?
    /// The article read from the element, or why it was rejected (the other elements are read regardless).
    public var result: Result<ParsedArticle, IngestError>

    /// An item of this index and result; ``FeedParser/parseDocument(_:)`` builds these.
    public init(index: Int?, result: Result<ParsedArticle, IngestError>) {
        self.index = index
        self.result = result
    }
}

/// Reads JSON feeds: one article object, an array of them, or (one call per line) NDJSON.
///
/// The article shape is the one ``Article/jsonValue()`` writes, so Annals' own JSON
/// output can be ingested again:
///
/// ```json
/// {"source": "…", "title": "…", "url": "…", "published_at": "…", "summary": "…",
///  "insight": "…", "tldr": {"what_changed": "…", "why_it_matters": "…",
///  "what_to_do_next": "…", "who_should_care": "…"}, "takeaways": ["…"],
///  "implications": [{"headline": "…", "detail": "…"}],
///  "timeline": [{"date": "2024-10", "text": "…"}]}
/// ```
///
/// Rules:
/// - `source` and `title` are required. Every other field may be missing or `null`.
/// - Strings are trimmed of surrounding white space; an empty string counts as absent.
/// - Empty takeaways are skipped, and so are implications and timeline entries whose
///   fields are all empty. An implication needs a `headline` (its `detail` may be
///   absent: it becomes ""); a timeline entry needs both `date` and `text`.
/// - A timeline date is read by ``PartialDate/init(parsing:)``; one it cannot read is
///   kept as written and reported in ``ParsedArticle/warnings``.
/// - Unknown keys are ignored (e.g. `id`, and a timeline entry's `normalized`,
///   `precision`, `start`, `end`, which Annals writes but recomputes on input).
/// - Errors name the field: `title`, `timeline[2].date`, `takeaways[1]` (0-based
///   indices, as in the JSON); `$` is the article object itself.
public struct FeedParser: Sendable {
    /// A feed parser; it holds no state, so one can serve every thread.
    public init() {}

    /// Reads one JSON object (a single-article document, or one NDJSON line) into an article.
    public func parseArticle(_ data: Data) throws(IngestError) -> ParsedArticle {
        try article(from: try json(data))
    }

    /// Reads a JSON document: one object gives one item (index nil); an array gives an
    /// item per element, with its index, so one bad element does not spoil the others.
    ///
    /// Throws ``IngestError/invalidJSON(detail:)`` when the bytes are not JSON, and
    /// ``IngestError/wrongType(path:expected:)`` at `$` when the JSON is neither an
    /// object nor an array. An empty array gives no items.
    public func parseDocument(_ data: Data) throws(IngestError) -> [FeedItem] {
        let root = try json(data)
        if root is [String: Any] {
            return [FeedItem(index: nil, result: Result { () throws(IngestError) in try article(from: root) })]
        }
        guard let elements = root as? [Any] else {
            throw .wrongType(path: "$", expected: "an object or an array of objects")
        }
        var items: [FeedItem] = []
        items.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            items.append(FeedItem(index: index, result: Result { () throws(IngestError) in try article(from: element) }))
        }
        return items
    }

    // MARK: - Fields

    private func article(from value: Any) throws(IngestError) -> ParsedArticle {
        guard let object = value as? [String: Any] else { throw .wrongType(path: "$", expected: "an object") }
        var warnings: [String] = []
        var article = Article(
            source: try required(object, "source", path: "source"),
            title: try required(object, "title", path: "title"),
            url: try optional(object, "url", path: "url"),
            publishedAt: try optional(object, "published_at", path: "published_at"),
            summary: try optional(object, "summary", path: "summary"),
            insight: try optional(object, "insight", path: "insight")
        )

        if let tldr = try container(object, "tldr", as: [String: Any].self, expected: "an object") {
            article.tldr = TLDR(
                whatChanged: try optional(tldr, "what_changed", path: "tldr.what_changed"),
                whyItMatters: try optional(tldr, "why_it_matters", path: "tldr.why_it_matters"),
                whatToDoNext: try optional(tldr, "what_to_do_next", path: "tldr.what_to_do_next"),
                whoShouldCare: try optional(tldr, "who_should_care", path: "tldr.who_should_care")
            )
        }

        if let takeaways = try container(object, "takeaways", as: [Any].self, expected: "an array of strings") {
            article.takeaways.reserveCapacity(takeaways.count)
            for (i, element) in takeaways.enumerated() {
                if let text = try string(element, path: "takeaways[\(i)]") { article.takeaways.append(text) }
            }
        }

        if let implications = try container(
            object, "implications", as: [Any].self, expected: "an array of objects with headline and detail")
        {
            article.implications.reserveCapacity(implications.count)
            for (i, element) in implications.enumerated() {
                guard let fields = element as? [String: Any] else {
                    throw .wrongType(path: "implications[\(i)]", expected: "an object with headline and detail")
                }
                let headline = try optional(fields, "headline", path: "implications[\(i)].headline")
                let detail = try optional(fields, "detail", path: "implications[\(i)].detail")
                guard let headline else {
                    if detail == nil { continue }
                    throw .missingField(path: "implications[\(i)].headline")
                }
                article.implications.append(Implication(headline: headline, detail: detail ?? ""))
            }
        }

        if let timeline = try container(
            object, "timeline", as: [Any].self, expected: "an array of objects with date and text")
        {
            article.timeline.reserveCapacity(timeline.count)
            for (i, element) in timeline.enumerated() {
                guard let fields = element as? [String: Any] else {
                    throw .wrongType(path: "timeline[\(i)]", expected: "an object with date and text")
                }
                let dateText = try optional(fields, "date", path: "timeline[\(i)].date")
                let text = try optional(fields, "text", path: "timeline[\(i)].text")
                guard let dateText, let text else {
                    if dateText == nil && text == nil { continue }
                    throw .missingField(path: dateText == nil ? "timeline[\(i)].date" : "timeline[\(i)].text")
                }
                let date = PartialDate(parsing: dateText)
                if !date.isKnown {
                    warnings.append(
                        "timeline entry \(i + 1): date '\(date.text)' is not a recognized date; kept as written")
                }
                article.timeline.append(TimelineEntry(date: date, text: text))
            }
        }

        return ParsedArticle(article: article, warnings: warnings)
    }

    /// A required string field: present, a string, and not empty once trimmed.
    private func required(
        _ object: [String: Any], _ key: String, path: @autoclosure () -> String
    ) throws(IngestError) -> String {
        guard let value = try optional(object, key, path: path()) else { throw .missingField(path: path()) }
        return value
    }

    /// An optional string field, trimmed; nil when missing, `null` or empty.
    private func optional(
        _ object: [String: Any], _ key: String, path: @autoclosure () -> String
    ) throws(IngestError) -> String? {
        guard let value = object[key] else { return nil }
        return try string(value, path: path())
    }

    /// A JSON value that must be a string or `null`: trimmed, nil when `null` or empty.
    private func string(_ value: Any, path: @autoclosure () -> String) throws(IngestError) -> String? {
        if let text = value as? String {
            let trimmed = text.trimmingSurroundingWhitespace()
            return trimmed.isEmpty ? nil : trimmed
        }
        if value is NSNull { return nil }
        throw .wrongType(path: path(), expected: "a string")
    }

    /// An optional object or array field; nil when missing or `null`.
    private func container<T>(
        _ object: [String: Any], _ key: String, as type: T.Type, expected: String
    ) throws(IngestError) -> T? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let typed = value as? T else { throw .wrongType(path: key, expected: expected) }
        return typed
    }

    // MARK: - JSON syntax

    /// The document parsed by `JSONSerialization` (any top-level value), or an
    /// ``IngestError/invalidJSON(detail:)`` that says what is wrong and where.
    private func json(_ data: Data) throws(IngestError) -> Any {
        do {
            return try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw .invalidJSON(detail: JSONSyntaxError.describe(error, in: data))
        }
    }
}

/// Turns Foundation's JSON parse errors ("Invalid value around character 41.") into
/// short messages with a line and column ("unexpected '}' at line 3, column 5").
enum JSONSyntaxError {
    static func describe(_ error: any Error, in data: Data) -> String {
        let nsError = error as NSError
        let message = (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? nsError.localizedDescription
        if message.contains("surrogate") {
            return "invalid \\u escape: a UTF-16 surrogate without its pair"
        }
        if message.hasPrefix("Unexpected end of file") || message.hasPrefix("Unexpected end of input") {
            return "unexpected end of input"
        }
        guard let offset = offset(in: message) else { return sentence(message) }
        let place = location(of: offset, in: data)
        if message.hasPrefix("Invalid value") {
            guard offset < data.count else { return "unexpected end of input" }
            return "unexpected \(character(at: offset, in: data)) \(place)"
        }
        if message.hasPrefix("Invalid UTF-8") { return "invalid UTF-8 in the string \(place)" }
        if message.hasPrefix("Invalid hex encoded sequence") { return "invalid \\u escape \(place)" }
        var head = message
        for marker in [" around character", " starting from character", " at "] {
            if let range = head.range(of: marker, options: .backwards) {
                head = String(head[..<range.lowerBound])
                break
            }
        }
        return "\(sentence(head)) \(place)"
    }

    /// The byte offset named by "… character 41." or "… at 41.", when there is one.
    static func offset(in message: String) -> Int? {
        var digits = Substring(message)
        if digits.hasSuffix(".") { digits = digits.dropLast() }
        let number = digits.reversed().prefix(while: \.isNumber)
        guard !number.isEmpty else { return nil }
        let before = digits.dropLast(number.count)
        guard before.hasSuffix("character ") || before.hasSuffix(" at ") else { return nil }
        return Int(String(number.reversed()))
    }

    /// "at line 3, column 5", or "at column 5" when the input is one line (an NDJSON
    /// line, whose line number the caller knows). Columns count characters, from 1.
    static func location(of offset: Int, in data: Data) -> String {
        var line = 1
        var column = 1
        for (i, byte) in data.enumerated() {
            if i == offset { break }
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        // One line, give or take a final line break.
        let lastContent = data.lastIndex { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
        let isOneLine = lastContent.map { !data[..<$0].contains(UInt8(ascii: "\n")) } ?? true
        return isOneLine ? "at column \(column)" : "at line \(line), column \(column)"
    }

    /// The character that starts at `offset`, quoted for a message: `'}'`, or `U+0001` for a control character.
    static func character(at offset: Int, in data: Data) -> String {
        let bytes = data.dropFirst(offset).prefix(4)
        guard let scalar = String(decoding: bytes, as: UTF8.self).unicodeScalars.first else { return "end of input" }
        if scalar.value < 0x20 || scalar.value == 0x7F {
            return "control character U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
        }
        return "'\(Character(scalar))'"
    }

    /// Foundation's sentence in lower case without its final period, as ``IngestError`` messages are.
    static func sentence(_ message: String) -> String {
        var text = message.trimmingSurroundingWhitespace()
        if text.hasSuffix(".") { text.removeLast() }
        guard let first = text.first else { return "not valid JSON" }
        return first.lowercased() + text.dropFirst()
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
