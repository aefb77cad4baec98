import Foundation

extension Article {
    /// The article as JSON: the feed shape ``FeedParser`` reads, plus `id` first.
    ///
    /// Keys always appear, in this order: `id`, `source`, `title`, `url`,
    /// `published_at`, `summary`, `tldr` {`what_changed`, `why_it_matters`,
    /// `what_to_do_next`, `who_should_care`}, `insight`, `takeaways`,
    /// `implications` [{`headline`, `detail`}], `timeline` [{`date`, `text`,
    /// `normalized`, `precision`, `start`, `end`}]. A missing value is `null` (an
    /// empty list `[]`), so every article has the same shape. In the timeline,
    /// `date` is the date as written and `start`/`end` are `YYYY-MM-DD` or `null`.
    ///
    /// Feeding this back to ``FeedParser/parseArticle(_:)`` gives the same article
    /// (the parser ignores `id` and the computed date fields, and recomputes them).
    public func jsonValue() -> JSONValue {
        .object([
            ("id", JSONValue(id)),
            ("source", .string(source)),
            ("title", .string(title)),
            ("url", JSONValue(url)),
            ("published_at", JSONValue(publishedAt)),
            ("summary", JSONValue(summary)),
            (
                "tldr",
                .object([
                    ("what_changed", JSONValue(tldr.whatChanged)),
                    ("why_it_matters", JSONValue(tldr.whyItMatters)),
                    ("what_to_do_next", JSONValue(tldr.whatToDoNext)),
                    ("who_should_care", JSONValue(tldr.whoShouldCare)),
                ])
            ),
            ("insight", JSONValue(insight)),
            ("takeaways", .array(takeaways.map(JSONValue.string))),
            (
                "implications",
                .array(implications.map { .object([("headline", .string($0.headline)), ("detail", .string($0.detail))]) })
            ),
            ("timeline", .array(timeline.map { $0.jsonValue() })),
        ])
    }

    /// The article's JSON text as UTF-8 (see ``jsonValue()``); compact by default, one line.
    public func jsonData(pretty: Bool = false) -> Data {
        JSONWriter(pretty: pretty).data(jsonValue())
    }

    /// The article's JSON text (see ``jsonValue()``); compact by default, one line.
    public func jsonString(pretty: Bool = false) -> String {
        JSONWriter(pretty: pretty).string(jsonValue())
    }
}

extension TimelineEntry {
    /// `{date, text, normalized, precision, start, end}`, as in ``Article/jsonValue()``.
    public func jsonValue() -> JSONValue {
        .object([
            ("date", .string(date.text)),
            ("text", .string(text)),
            ("normalized", JSONValue(date.normalized)),
            ("precision", .string(date.precision.rawValue)),
            ("start", JSONValue(date.start?.iso)),
            ("end", JSONValue(date.end?.iso)),
        ])
    }
}
