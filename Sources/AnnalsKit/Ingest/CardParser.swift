/// The result of parsing one document into an article.
public struct ParsedArticle: Hashable, Sendable {
    /// The article read from the document (its `id` nil: it is not stored yet).
    public var article: Article
    /// Things kept but worth a look, e.g. a timeline date that could not be read.
    public var warnings: [String]

    /// A result of this article and these warnings; the parsers build these.
    public init(article: Article, warnings: [String] = []) {
        self.article = article
        self.warnings = warnings
    }
}

/// Parses the text of a news-aggregator card (see `fixtures/cards/`) into an ``Article``.
///
/// ## The card
///
/// ```
/// ⚙️Ars Technica•Freshcollected in 47m        source (+ freshness, dropped)
/// US Accuses China of Industrial-Scale AI Theft   title
/// 💡US-China AI theft row risks sanctions, …    summary
/// ⚡ 30-Second TL;DR                             sections, in any order, each optional
/// 🧠 Deep Insight
/// 🔑 Enhanced Key Takeaways
/// 🔮 Future ImplicationsAI analysis grounded in cited sources
/// ⏳ Timeline
/// 📰 / Weekly AI Recap / 🔗Related Updates / footer   boilerplate, dropped
/// ```
///
/// Three variants are read alike: emoji markers, the same markers mangled by TIS-620
/// mojibake (repaired first by ``MojibakeRepair``), and no markers at all.
///
/// ## Rules
///
/// - **Headings** match case-insensitively on their letters and digits, ignoring markers,
///   spaces and punctuation ("⚡ 30-Second TL;DR", "tl;dr", "KEY TAKEAWAYS:"). A subtitle
///   glued to a heading with no space ("Future ImplicationsAI analysis…") is allowed; a
///   heading word that starts a sentence ("Timeline for the rule is…") is not a heading.
/// - **Source**: the first line, cut at its first separator (•, ·, |, " - ", " — ") or before
///   "Fresh…collected in …". A first line without a separator, freshness or marker counts
///   as a source only when it reads like a name (at most 6 words and 48 characters, no
///   closing punctuation) and does not contradict the footer's "Original source: X". Without
///   a source line, the footer's source is used.
/// - **Title and summary**: the first line after the source is the title; the following
///   lines before the first section form the summary. When a later line carries the 💡
///   marker, the title runs up to it and the summary starts there.
/// - **Text** of a field that spans several lines is joined with single spaces; runs of
///   spaces and tabs collapse to one, and markers at either end of a line are removed.
/// - **TL;DR**: labels "What Changed", "Why It Matters", "What To Do Next" (on their own
///   line, or followed by ":" and text) and "Who should care: VALUE".
/// - **Deep Insight**: the boilerplate "AI-generated analysis for this event." is dropped.
/// - **Takeaways**: one per bullet ("- •", "-", "•", "*", "1."); a line without a bullet
///   continues the previous one. With no bullet at all, each line is a takeaway, unless blank
///   lines group several lines into paragraphs: then each paragraph is one.
/// - **Implications**: headline line, detail line, repeated. When blank lines split the
///   section into paragraphs of at least two lines each, a paragraph is one implication
///   (first line headline, the rest detail). A leftover headline keeps an empty detail and
///   a warning.
/// - **Timeline**: a date line, then event text (the next line always, and any further lines
///   that are not dates), or one line "DATE: text" / "DATE — text" / "DATE - text". A date
///   line is one ``PartialDate/init(parsing:)`` reads, or a short line made only of date words
///   (month names, "early", "mid", "Q3"…) holding a year. An unreadable date is kept as
///   written (precision unknown) with a warning.
///
/// ## Speed
///
/// One pass over the lines sorts them into header and sections; each section is then read
/// once. All of it works on byte ranges of the (repaired) UTF-8 text, and a `String` is made
/// only for the fields of the result: no regular expression, no `Character` iteration.
///
/// ## Rejection
///
/// Checked in this order: no source line and no footer source → ``IngestError/noSource``;
/// nothing after the source line → ``IngestError/noTitle``; no section with content →
/// ``IngestError/noSections``. A card with only a title and a summary (or with headings but
/// nothing under them, like a lone boilerplate Deep Insight) is rejected with `noSections`:
/// it carries no TL;DR, insight, takeaway, implication or timeline to archive.
public struct CardParser: Sendable {
    /// A card parser; it holds no state, so one can serve every thread.
    public init() {}

    /// Parses a card's text, already decoded from bytes by ``TextDecoding``.
    /// Throws an ``IngestError`` when the text is not a usable card.
    public func parse(_ text: String) throws -> ParsedArticle {
        var text = MojibakeRepair.repair(text)
        return try text.withUTF8 { try CardReader(b: $0).read() }
    }
}

/// The sections of a card; `ignored` swallows promo and related-links blocks.
enum CardSection: Int, CaseIterable {
    case tldr, insight, takeaways, implications, timeline, ignored
}

enum CardTLDRField: Int, CaseIterable {
    case whatChanged, whyItMatters, whatToDoNext, whoShouldCare
}

enum CardBoilerplate {
    case drop
    case originalSource(String)
}

/// Reads one card from its UTF-8 bytes. Lines and fields are byte ranges (`Span`) of the
/// buffer; Unicode scalars are decoded only where a non-ASCII byte needs a decision.
struct CardReader {
    typealias Span = Range<Int>
    /// Lowercase ASCII letters and digits of a line (see ``key(_:limit:)``).
    typealias Key = [UInt8]

    let b: UnsafeBufferPointer<UInt8>

    // MARK: - The card

    func read() throws -> ParsedArticle {
        var warnings: [String] = []

        // One pass: sort lines into the header and the sections; drop boilerplate.
        var header: [Span] = []
        var summaryMarkerAt: Int?
        var bodies = Array(repeating: [Span](), count: CardSection.allCases.count)  // an empty span is a blank line
        var current: CardSection?
        var footerSource: String?

        var lineStart = 0
        let n = b.count
        while lineStart < n {
            var lineEnd = lineStart
            while lineEnd < n, b[lineEnd] != 0x0A { lineEnd += 1 }
            let line = trim(lineStart..<lineEnd)
            lineStart = lineEnd + 1

            if line.isEmpty {
                if let current, current != .ignored { bodies[current.rawValue].append(line) }
                continue
            }
            let core = trim(line, markers: true)
            if core.isEmpty { continue }  // a marker alone, like the promo's 📰
            if mayBeSpecial(core) {
                let key = self.key(core)
                if let section = heading(core, key: key) {
                    current = section
                    continue
                }
                switch boilerplate(core, key: key) {
                case .drop:
                    continue
                case .originalSource(let name):
                    if footerSource == nil, !name.isEmpty { footerSource = name }
                    continue
                case nil:
                    break
                }
            }
            if let current {
                if current != .ignored { bodies[current.rawValue].append(line) }
            } else {
                if summaryMarkerAt == nil, !header.isEmpty, hasSummaryMarker(line) { summaryMarkerAt = header.count }
                header.append(line)
            }
        }

        // Header: source, title, summary.
        var rest = header[...]
        var source: String?
        if let first = header.first, let candidate = sourceCandidate(first) {
            let contradicted = !candidate.strong && footerSource.map { $0.lowercased() != candidate.name.lowercased() } == true
            if !contradicted {
                source = candidate.name
                rest = header.dropFirst()
            }
        }
        if source == nil { source = footerSource }
        guard let source, !source.isEmpty else { throw IngestError.noSource }
        guard let firstTitleLine = rest.first, !hasSummaryMarker(firstTitleLine) else { throw IngestError.noTitle }
        let titleEnd = summaryMarkerAt.map { max($0, rest.startIndex + 1) } ?? rest.startIndex + 1
        guard let title = join(rest[rest.startIndex..<titleEnd]) else { throw IngestError.noTitle }
        var article = Article(source: source, title: title, summary: join(rest[titleEnd...]))

        // Sections.
        article.tldr = readTLDR(bodies[CardSection.tldr.rawValue], warnings: &warnings)
        article.insight = join(bodies[CardSection.insight.rawValue])
        article.takeaways = readTakeaways(bodies[CardSection.takeaways.rawValue])
        article.implications = readImplications(bodies[CardSection.implications.rawValue], warnings: &warnings)
        article.timeline = readTimeline(bodies[CardSection.timeline.rawValue], warnings: &warnings)

        guard !article.tldr.isEmpty || article.insight != nil || !article.takeaways.isEmpty
            || !article.implications.isEmpty || !article.timeline.isEmpty
        else { throw IngestError.noSections }
        return ParsedArticle(article: article, warnings: warnings)
    }
}
