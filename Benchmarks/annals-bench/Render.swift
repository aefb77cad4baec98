/// Writes a ``GenArticle`` as a card, as a feed line and as flat CSV rows.
enum Render {
    /// The card, with emoji markers or none, as the aggregator prints it.
    static func card(_ a: GenArticle, into out: inout ByteBuffer) {
        let m = a.markers
        out.line(m ? "⚙️\(a.source.name)•Freshcollected in \(a.age)" : "\(a.source.name) · Fresh collected in \(a.age)")
        out.line(a.title)
        out.newline()
        out.line(m ? "💡" + a.summary : a.summary)
        out.line(m ? "⚡ 30-Second TL;DR" : "30-Second TL;DR")
        out.line("What Changed")
        out.line(a.whatChanged)
        out.line("Why It Matters")
        out.line(a.whyItMatters)
        out.line("What To Do Next")
        out.line(a.whatToDoNext)
        out.line(m ? "Who should care:" + a.whoShouldCare : "Who should care: " + a.whoShouldCare)
        out.line(m ? "🧠 Deep Insight" : "Deep Insight")
        out.line("AI-generated analysis for this event.")
        if let insight = a.insight { out.line(insight) }
        out.line(m ? "🔑 Enhanced Key Takeaways" : "Enhanced Key Takeaways")
        for t in a.takeaways { out.line((m ? "- •" : "- ") + t) }
        out.line(m ? "🔮 Future ImplicationsAI analysis grounded in cited sources" : "Future Implications")
        for i in a.implications {
            out.line(i.headline)
            out.line(i.detail)
        }
        out.line(m ? "⏳ Timeline" : "Timeline")
        for e in a.timeline {
            out.line(e.date.text)
            out.line(e.text)
        }
        if m { out.line("📰") }
        out.line("Weekly AI Recap")
        out.line(m ? "Read this week's curated digest of top AI events →" : "Read this week's curated digest of top AI events")
        out.line(m ? "🔗Related Updates" : "Related Updates")
        out.line("AI-curated news aggregator. All content rights belong to original publishers.")
        out.line(m ? "Original source: \(a.source.name) →" : "Original source: \(a.source.name)")
    }

    /// One NDJSON line, in the feed shape of `fixtures/feeds/feed.ndjson`.
    static func feedLine(_ a: GenArticle, into out: inout ByteBuffer) {
        out.byte(0x7B)
        out.jsonKey("source"); out.jsonString(a.source.name)
        out.byte(0x2C); out.jsonKey("title"); out.jsonString(a.title)
        if let url = a.url { out.byte(0x2C); out.jsonKey("url"); out.jsonString(url) }
        out.byte(0x2C); out.jsonKey("published_at"); out.jsonString(a.publishedAt)
        out.byte(0x2C); out.jsonKey("summary"); out.jsonString(a.summary)
        if let insight = a.insight { out.byte(0x2C); out.jsonKey("insight"); out.jsonString(insight) }
        out.byte(0x2C); out.jsonKey("tldr"); out.byte(0x7B)
        out.jsonKey("what_changed"); out.jsonString(a.whatChanged)
        out.byte(0x2C); out.jsonKey("why_it_matters"); out.jsonString(a.whyItMatters)
        out.byte(0x2C); out.jsonKey("what_to_do_next"); out.jsonString(a.whatToDoNext)
        out.byte(0x2C); out.jsonKey("who_should_care"); out.jsonString(a.whoShouldCare)
        out.byte(0x7D)
        out.byte(0x2C); out.jsonKey("takeaways"); out.byte(0x5B)
        for (i, t) in a.takeaways.enumerated() {
            if i > 0 { out.byte(0x2C) }
            out.jsonString(t)
        }
        out.byte(0x5D)
        out.byte(0x2C); out.jsonKey("implications"); out.byte(0x5B)
        for (i, imp) in a.implications.enumerated() {
            if i > 0 { out.byte(0x2C) }
            out.byte(0x7B)
            out.jsonKey("headline"); out.jsonString(imp.headline)
            out.byte(0x2C); out.jsonKey("detail"); out.jsonString(imp.detail)
            out.byte(0x7D)
        }
        out.byte(0x5D)
        out.byte(0x2C); out.jsonKey("timeline"); out.byte(0x5B)
        for (i, e) in a.timeline.enumerated() {
            if i > 0 { out.byte(0x2C) }
            out.byte(0x7B)
            out.jsonKey("date"); out.jsonString(e.date.text)
            out.byte(0x2C); out.jsonKey("text"); out.jsonString(e.text)
            out.byte(0x7D)
        }
        out.byte(0x5D)
        out.byte(0x7D)
        out.newline()
    }

    static let articleColumns = [
        "id", "source", "title", "url", "published_at", "summary", "what_changed", "why_it_matters",
        "what_to_do_next", "who_should_care", "insight", "card",
    ]
    static let takeawayColumns = ["id", "article_id", "position", "text"]
    static let implicationColumns = ["id", "article_id", "position", "headline", "detail"]
    static let timelineColumns = ["id", "article_id", "position", "date_text", "date", "precision", "start", "end", "text"]
}

/// The flat CSV files for the sqlite3 baseline, with running row ids.
final class FlatWriter {
    let articles, takeaways, implications, timeline: BufferedFile
    private var takeawayID = 0, implicationID = 0, timelineID = 0

    init(folder: String) throws {
        articles = try BufferedFile(folder + "/articles.csv")
        takeaways = try BufferedFile(folder + "/takeaways.csv")
        implications = try BufferedFile(folder + "/implications.csv")
        timeline = try BufferedFile(folder + "/timeline_entries.csv")
        articles.buffer.csvRecord(Render.articleColumns)
        takeaways.buffer.csvRecord(Render.takeawayColumns)
        implications.buffer.csvRecord(Render.implicationColumns)
        timeline.buffer.csvRecord(Render.timelineColumns)
    }

    func add(_ a: GenArticle, id: Int, card: String) throws {
        let articleID = String(id)
        articles.buffer.csvRecord([
            articleID, a.source.name, a.title, a.url ?? "", a.publishedAt, a.summary, a.whatChanged, a.whyItMatters,
            a.whatToDoNext, a.whoShouldCare, a.insight ?? "", card,
        ])
        for (i, t) in a.takeaways.enumerated() {
            takeawayID += 1
            takeaways.buffer.csvRecord([String(takeawayID), articleID, String(i + 1), t])
        }
        for (i, imp) in a.implications.enumerated() {
            implicationID += 1
            implications.buffer.csvRecord([String(implicationID), articleID, String(i + 1), imp.headline, imp.detail])
        }
        for (i, e) in a.timeline.enumerated() {
            timelineID += 1
            timeline.buffer.csvRecord([
                String(timelineID), articleID, String(i + 1), e.date.text, e.date.text, e.date.precision.rawValue,
                e.date.startISO, e.date.endISO, e.text,
            ])
        }
        for file in [articles, takeaways, implications, timeline] { try file.flushIfLarge() }
    }

    func close() throws {
        for file in [articles, takeaways, implications, timeline] { try file.close() }
    }
}
