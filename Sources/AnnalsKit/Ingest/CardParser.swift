/// The result of parsing one document into an article.
public struct ParsedArticle: Hashable, Sendable {
    public var article: Article
    /// Things kept but worth a look, e.g. a timeline date that could not be read.
    public var warnings: [String]

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

    // MARK: - Sections

    func readTLDR(_ lines: [Span], warnings: inout [String]) -> TLDR {
        var fields = Array(repeating: [Span](), count: CardTLDRField.allCases.count)
        var current: CardTLDRField?
        for line in lines where !line.isEmpty {
            let core = trim(line, markers: true)
            if let (field, inline) = tldrLabel(core) {
                current = field
                if !inline.isEmpty { fields[field.rawValue].append(inline) }
            } else if let current {
                fields[current.rawValue].append(core)
            } else {
                warnings.append("tl;dr: text outside a labelled field ignored: '\(join([core]) ?? "")'")
            }
        }
        return TLDR(
            whatChanged: join(fields[CardTLDRField.whatChanged.rawValue]),
            whyItMatters: join(fields[CardTLDRField.whyItMatters.rawValue]),
            whatToDoNext: join(fields[CardTLDRField.whatToDoNext.rawValue]),
            whoShouldCare: join(fields[CardTLDRField.whoShouldCare.rawValue])
        )
    }

    func readTakeaways(_ lines: [Span]) -> [String] {
        guard !lines.isEmpty else { return [] }
        let items = lines.map { $0.isEmpty ? (bullet: false, text: $0) : stripBullet($0) }
        var groups: [[Span]] = []
        if items.contains(where: \.bullet) {
            for item in items where !item.text.isEmpty {
                if item.bullet || groups.isEmpty { groups.append([item.text]) } else { groups[groups.count - 1].append(item.text) }
            }
        } else {
            let paragraphs = Self.paragraphs(items.map(\.text))
            if paragraphs.count > 1, paragraphs.contains(where: { $0.count > 1 }) {
                groups = paragraphs
            } else {
                groups = paragraphs.flatMap { $0.map { [$0] } }
            }
        }
        return groups.compactMap { join($0) }
    }

    func readImplications(_ lines: [Span], warnings: inout [String]) -> [Implication] {
        guard !lines.isEmpty else { return [] }
        let paragraphs = Self.paragraphs(lines.map { $0.isEmpty ? $0 : stripBullet($0).text })
        var pairs: [(headline: Span, detail: [Span])] = []
        if paragraphs.count > 1, paragraphs.allSatisfy({ $0.count >= 2 }) {
            pairs = paragraphs.map { ($0[0], Array($0.dropFirst())) }
        } else {
            let flat = paragraphs.flatMap { $0 }
            var i = 0
            while i < flat.count {
                pairs.append((flat[i], i + 1 < flat.count ? [flat[i + 1]] : []))
                i += 2
            }
        }
        var result: [Implication] = []
        for pair in pairs {
            guard let headline = join([pair.headline]) else { continue }
            let detail = join(pair.detail) ?? ""
            if detail.isEmpty {
                warnings.append("implication \(result.count + 1): '\(headline)' has no detail; kept with an empty one")
            }
            result.append(Implication(headline: headline, detail: detail))
        }
        return result
    }

    func readTimeline(_ lines: [Span], warnings: inout [String]) -> [TimelineEntry] {
        var drafts: [(date: Span?, text: [Span])] = []
        var expectingText = false
        for line in lines where !line.isEmpty {
            let text = stripBullet(line).text
            if text.isEmpty { continue }
            let bareDate = isDateLike(text)
            if expectingText && !bareDate {
                drafts[drafts.count - 1].text.append(text)
                expectingText = false
            } else if bareDate {
                drafts.append((text, []))
                expectingText = true
            } else if let (date, event) = splitDatedLine(text) {
                drafts.append((date, [event]))
            } else if drafts.isEmpty {
                drafts.append((nil, [text]))
            } else {
                drafts[drafts.count - 1].text.append(text)
            }
        }
        var entries: [TimelineEntry] = []
        entries.reserveCapacity(drafts.count)
        for (n, draft) in zip(1..., drafts) {
            let date = PartialDate(parsing: draft.date.map(string) ?? "")
            if draft.date == nil {
                warnings.append("timeline entry \(n): no date; kept with an unknown date")
            } else if date.precision == .unknown {
                warnings.append("timeline entry \(n): date '\(date.text)' is not a recognized date; kept as written")
            }
            let text = join(draft.text) ?? ""
            if text.isEmpty { warnings.append("timeline entry \(n): date '\(date.text)' has no event text") }
            entries.append(TimelineEntry(date: date, text: text))
        }
        return entries
    }

    // MARK: - Vocabulary

    static let headings: [(key: Key, section: CardSection)] = ([
        ("30secondtldr", .tldr), ("tldr", .tldr), ("deepinsight", .insight),
        ("enhancedkeytakeaways", .takeaways), ("keytakeaways", .takeaways), ("takeaways", .takeaways),
        ("futureimplications", .implications), ("implications", .implications),
        ("timeline", .timeline), ("relatedupdates", .ignored), ("weeklyairecap", .ignored),
    ] as [(String, CardSection)]).map { (Array($0.0.utf8), $0.1) }

    static let tldrLabels: [(key: Key, field: CardTLDRField)] = ([
        ("whatchanged", .whatChanged), ("whyitmatters", .whyItMatters),
        ("whattodonext", .whatToDoNext), ("whoshouldcare", .whoShouldCare),
    ] as [(String, CardTLDRField)]).map { (Array($0.0.utf8), $0.1) }

    /// Keys of lines dropped wherever they appear: whole lines, and line beginnings.
    static let droppedExactly: [Key] = ["aigeneratedanalysisforthisevent", "aianalysisgroundedincitedsources"].map { Array($0.utf8) }
    static let droppedPrefixes: [Key] = ["aicuratednewsaggregator", "readthisweekscurateddigest", "allcontentrightsbelongto"].map {
        Array($0.utf8)
    }
    static let originalSource: Key = Array("originalsource".utf8)
    static let fresh: Key = Array("fresh".utf8)
    static let updated: Key = Array("updated".utf8)
    static let collected: Key = Array("collected".utf8)
    static let ago: Key = Array("ago".utf8)
    static let collectedIn: Key = Array("collected in".utf8)

    /// First letters of keys that can start a heading or a boilerplate line, so that most
    /// lines skip building a key.
    static let specialInitials: Set<UInt8> = Set(headings.map { $0.key[0] }).union(Array("aor".utf8))

    static let months: Set<String> = [
        "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june",
        "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november",
        "dec", "december",
    ]
    static let dateWords: Set<String> = [
        "early", "mid", "late", "end", "start", "beginning", "middle", "of", "the", "around", "about",
        "circa", "c", "ca", "by", "before", "after", "spring", "summer", "autumn", "fall", "winter",
        "first", "second", "third", "fourth", "half", "quarter", "approx", "approximately", "est",
        "expected", "until", "to", "and", "through", "from", "since", "in",
    ]

    // MARK: - Bytes and scalars

    @inline(__always)
    static func sequenceLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
    }

    @inline(__always)
    static func isASCIIAlphanumeric(_ c: UInt8) -> Bool {
        (0x30...0x39).contains(c) || (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c)
    }

    @inline(__always)
    static func isASCIISpace(_ c: UInt8) -> Bool { c == 0x20 || (0x09...0x0D).contains(c) }

    @inline(__always)
    static func lower(_ c: UInt8) -> UInt8 { (0x41...0x5A).contains(c) ? c + 32 : c }

    /// White space, including the non-ASCII kinds (NBSP, ideographic space, ZWSP, BOM…).
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: return true
        default: return false
        }
    }

    /// Emoji, pictographs, arrows, dingbats and bullets used as markers.
    static func isMarker(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x2022, 0x2023, 0x2043, 0x203C, 0x2049, 0x2139, 0x200D, 0x20E3: return true
        case 0x2190...0x2BFF, 0xFE00...0xFE0F, 0x1F000...0x1FAFF, 0xE0020...0xE007F: return true
        default: return false
        }
    }

    /// The scalar that starts at `i` (the text is valid UTF-8).
    func scalar(at i: Int) -> Unicode.Scalar {
        let lead = b[i]
        let length = Self.sequenceLength(lead)
        guard length > 1, i + length <= b.count else { return Unicode.Scalar(lead) }
        var value = UInt32(lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07))
        for k in 1..<length { value = value << 6 | UInt32(b[i + k] & 0x3F) }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// The start of the scalar that ends at `end`.
    func scalarStart(before end: Int, from lower: Int) -> Int {
        var k = end - 1
        while k > lower, b[k] & 0xC0 == 0x80 { k -= 1 }
        return k
    }

    func string(_ span: Span) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[span]), as: UTF8.self)
    }

    /// `span` without white space (and markers) at either end.
    func trim(_ span: Span, markers: Bool = false) -> Span {
        @inline(__always) func drops(_ i: Int) -> Bool {
            let c = b[i]
            if c < 0x80 { return Self.isASCIISpace(c) }
            let s = scalar(at: i)
            return Self.isSpace(s) || (markers && Self.isMarker(s))
        }
        var lower = span.lowerBound
        var upper = span.upperBound
        while lower < upper, drops(lower) { lower += Self.sequenceLength(b[lower]) }
        while upper > lower {
            let k = scalarStart(before: upper, from: lower)
            guard drops(k) else { break }
            upper = k
        }
        return lower..<max(lower, upper)
    }

    /// Lowercase ASCII letters and digits of `span`, at most `limit` of them: what headings
    /// and boilerplate are compared on.
    func key(_ span: Span, limit: Int = 48) -> Key {
        var out = Key()
        out.reserveCapacity(min(limit, span.count))
        for i in span {
            let c = b[i]
            guard Self.isASCIIAlphanumeric(c) else { continue }
            out.append(Self.lower(c))
            if out.count == limit { break }
        }
        return out
    }

    /// Whether the first ASCII letter or digit of `span` can start a heading or boilerplate.
    func mayBeSpecial(_ span: Span) -> Bool {
        for i in span where Self.isASCIIAlphanumeric(b[i]) { return Self.specialInitials.contains(Self.lower(b[i])) }
        return false
    }

    /// When `span` starts with `key` (comparing lowercase letters and digits, skipping ASCII
    /// punctuation and white space), the rest of `span` after it.
    func remainder(_ span: Span, afterKey key: Key) -> Span? {
        var i = span.lowerBound
        var k = 0
        while k < key.count {
            guard i < span.upperBound else { return nil }
            let c = b[i]
            if Self.isASCIIAlphanumeric(c) {
                guard Self.lower(c) == key[k] else { return nil }
                k += 1
                i += 1
            } else if c < 0x80 {
                i += 1
            } else if Self.isSpace(scalar(at: i)) {
                i += Self.sequenceLength(c)
            } else {
                return nil
            }
        }
        return i..<span.upperBound
    }

    /// Whether `span` holds a letter or digit (any script).
    func hasAlphanumeric(_ span: Span) -> Bool {
        var i = span.lowerBound
        while i < span.upperBound {
            let c = b[i]
            if c < 0x80 {
                if Self.isASCIIAlphanumeric(c) { return true }
            } else {
                let s = scalar(at: i)
                if s.properties.isAlphabetic || s.properties.numericType != nil { return true }
            }
            i += Self.sequenceLength(c)
        }
        return false
    }

    func startsWith(_ span: Span, _ bytes: [UInt8]) -> Bool {
        span.count >= bytes.count && b[span.lowerBound..<span.lowerBound + bytes.count].elementsEqual(bytes)
    }

    /// The first occurrence of the lowercase ASCII `needle` in `span`, ignoring case.
    func firstRange(of needle: [UInt8], in span: Span) -> Span? {
        guard span.count >= needle.count, let first = needle.first else { return nil }
        var i = span.lowerBound
        while i + needle.count <= span.upperBound {
            if Self.lower(b[i]) == first {
                var k = 1
                while k < needle.count, Self.lower(b[i + k]) == needle[k] { k += 1 }
                if k == needle.count { return i..<i + needle.count }
            }
            i += 1
        }
        return nil
    }

    // MARK: - Line kinds

    /// The section `core` (a line without markers) opens, if it is a heading.
    func heading(_ core: Span, key lineKey: Key) -> CardSection? {
        for heading in Self.headings where lineKey.starts(with: heading.key) {
            guard let rest = remainder(core, afterKey: heading.key) else { continue }
            if rest.isEmpty { return heading.section }
            let next = b[rest.lowerBound]
            if (0x41...0x5A).contains(next) { return heading.section }  // a glued subtitle
            if next >= 0x80, scalar(at: rest.lowerBound).properties.isUppercase { return heading.section }
            if !hasAlphanumeric(rest) { return heading.section }  // trailing punctuation, like "Timeline:"
        }
        return nil
    }

    func boilerplate(_ core: Span, key: Key) -> CardBoilerplate? {
        if Self.droppedExactly.contains(key) { return .drop }
        for prefix in Self.droppedPrefixes where key.starts(with: prefix) { return .drop }
        if key.starts(with: Self.originalSource), var rest = remainder(core, afterKey: Self.originalSource) {
            while let c = rest.first.map({ b[$0] }), c == UInt8(ascii: ":") || Self.isASCIISpace(c) { rest = rest.dropFirst() }
            return .originalSource(collapse([trim(rest, markers: true)]))
        }
        return nil
    }

    /// A TL;DR label and the text after its colon, if `core` is one.
    func tldrLabel(_ core: Span) -> (CardTLDRField, Span)? {
        guard let first = core.first, b[first] == UInt8(ascii: "W") || b[first] == UInt8(ascii: "w") else { return nil }
        let lineKey = key(core, limit: 16)
        for label in Self.tldrLabels where lineKey.starts(with: label.key) {
            guard let rest = remainder(core, afterKey: label.key) else { continue }
            var i = rest.lowerBound
            while i < rest.upperBound, b[i] == 0x20 || b[i] == 0x09 { i += 1 }
            if i < rest.upperBound, b[i] == UInt8(ascii: ":") { return (label.field, trim(i + 1..<rest.upperBound)) }
            if !hasAlphanumeric(rest) { return (label.field, rest.upperBound..<rest.upperBound) }
        }
        return nil
    }

    /// Whether the line starts with 💡 (F0 9F 92 A1), the summary's marker.
    func hasSummaryMarker(_ line: Span) -> Bool {
        startsWith(line, [0xF0, 0x9F, 0x92, 0xA1])
    }

    /// The source named by a card's first line, and whether the line clearly is a source
    /// line (a marker, or freshness like "Fresh collected in 2h") rather than merely
    /// reading like a name.
    func sourceCandidate(_ line: Span) -> (name: String, strong: Bool)? {
        let hadMarker = !line.isEmpty && b[line.lowerBound] >= 0x80 && Self.isMarker(scalar(at: line.lowerBound))
        let core = trim(line, markers: true)
        // A separator: "Ars Technica•Fresh…", "Ars Technica · Fresh…", "Reuters | Fresh…", "X - Fresh…".
        var i = core.lowerBound
        while i < core.upperBound {
            let c = b[i]
            let length = Self.sequenceLength(c)
            var restStart: Int?
            if c == UInt8(ascii: "|") || startsWith(i..<core.upperBound, [0xE2, 0x80, 0xA2]) || startsWith(i..<core.upperBound, [0xC2, 0xB7]) {
                restStart = i + length
            } else if c == UInt8(ascii: "-") || startsWith(i..<core.upperBound, [0xE2, 0x80, 0x94]) || startsWith(i..<core.upperBound, [0xE2, 0x80, 0x93]),
                i > core.lowerBound, b[i - 1] == 0x20, i + length < core.upperBound, b[i + length] == 0x20
            {
                restStart = i + length
            }
            if let restStart {
                let rest = restStart..<core.upperBound
                let named = trim(core.lowerBound..<i, markers: true)
                if looksLikeFreshness(rest) {
                    return named.isEmpty ? nil : (collapse([named]), true)
                }
                if looksLikeName(named), !trim(rest, markers: true).isEmpty {
                    return (collapse([named]), hadMarker)
                }
            }
            i += length
        }
        // Freshness glued to the name: "Ars TechnicaFreshcollected in 47m".
        if let found = firstRange(of: Self.collectedIn, in: core) {
            var head = trim(core.lowerBound..<found.lowerBound)
            if head.count >= 5, firstRange(of: Self.fresh, in: head.upperBound - 5..<head.upperBound) != nil {
                head = head.lowerBound..<head.upperBound - 5
            }
            let named = trim(head, markers: true)
            return named.isEmpty ? nil : (collapse([named]), true)
        }
        if hadMarker, !core.isEmpty { return (collapse([core]), true) }
        return looksLikeName(core) ? (collapse([core]), false) : nil
    }

    func looksLikeFreshness(_ span: Span) -> Bool {
        let k = key(span, limit: 24)
        return k.starts(with: Self.fresh) || k.starts(with: Self.updated)
            || Self.contains(k, Self.collected) || Self.contains(k, Self.ago)
    }

    static func contains(_ haystack: Key, _ needle: Key) -> Bool {
        guard needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start...].starts(with: needle) { return true }
        return false
    }

    /// A publisher's name: a few words, no sentence punctuation at the end.
    func looksLikeName(_ span: Span) -> Bool {
        guard !span.isEmpty else { return false }
        var scalars = 0
        var words = 0
        var inWord = false
        for i in span {
            let c = b[i]
            if c & 0xC0 != 0x80 { scalars += 1 }
            if c == 0x20 || c == 0x09 {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
            }
        }
        let last = b[span.upperBound - 1]
        return scalars <= 48 && words <= 6 && !Array(".!?:;,".utf8).contains(last)
    }

    /// Whether the line is a bullet ("- •", "-", "•", "*", "+", "1.", "2)", an emoji), and
    /// its text without bullet and markers.
    func stripBullet(_ line: Span) -> (bullet: Bool, text: Span) {
        var s = trim(line)
        var bullet = false
        while let i = s.first {
            let c = b[i]
            let length = Self.sequenceLength(c)
            let next = i + length < s.upperBound ? i + length : nil
            let nextIsGap = next.map { Self.isASCIISpace(b[$0]) || (b[$0] >= 0x80 && Self.isMarker(scalar(at: $0))) } ?? false
            if c >= 0x80 {
                let sc = scalar(at: i)
                if Self.isMarker(sc) || ((sc == "\u{2013}" || sc == "\u{2014}") && nextIsGap) {
                    bullet = true
                    s = trim(i + length..<s.upperBound)
                    continue
                }
                break
            }
            if c == UInt8(ascii: "-") || c == UInt8(ascii: "*") || c == UInt8(ascii: "+"), nextIsGap {
                bullet = true
                s = trim(i + 1..<s.upperBound)
                continue
            }
            if !bullet, (0x30...0x39).contains(c) {
                var k = i
                while k < s.upperBound, (0x30...0x39).contains(b[k]) { k += 1 }
                if k - i <= 2, k + 1 < s.upperBound, b[k] == UInt8(ascii: ".") || b[k] == UInt8(ascii: ")"), Self.isASCIISpace(b[k + 1]) {
                    bullet = true
                    s = trim(k + 1..<s.upperBound)
                    continue
                }
            }
            break
        }
        return (bullet, trim(s, markers: true))
    }

    /// Lines split at blank lines (empty spans).
    static func paragraphs(_ lines: [Span]) -> [[Span]] {
        var result: [[Span]] = []
        var current: [Span] = []
        for line in lines {
            if line.isEmpty {
                if !current.isEmpty { result.append(current); current = [] }
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    // MARK: - Dates

    /// Whether a whole line is a timeline date: a short line of date words (months,
    /// "early", "mid", "Q3", "H2"…) that holds a year, or, when it has non-ASCII letters,
    /// one that ``PartialDate/init(parsing:)`` reads.
    func isDateLike(_ span: Span) -> Bool {
        guard !span.isEmpty, span.count <= 48 else { return false }
        func isSeparator(_ c: UInt8) -> Bool {
            c == 0x20 || c == 0x09 || c == UInt8(ascii: ",") || c == UInt8(ascii: "/") || c == UInt8(ascii: "(") || c == UInt8(ascii: ")")
        }
        let verdict: Bool? = {
            guard Self.isASCIIAlphanumeric(b[span.lowerBound]) else { return b[span.lowerBound] >= 0x80 ? nil : false }
            var sawYear = false
            var words = 0
            var i = span.lowerBound
            while i < span.upperBound {
                while i < span.upperBound, isSeparator(b[i]) { i += 1 }
                guard i < span.upperBound else { break }
                let start = i
                var digits = 0
                var letters = 0
                var digitRun = 0
                while i < span.upperBound, !isSeparator(b[i]) {
                    let c = b[i]
                    if c >= 0x80 { return nil }
                    if (0x30...0x39).contains(c) {
                        digits += 1
                        digitRun += 1
                    } else {
                        if digitRun == 4 { sawYear = true }
                        digitRun = 0
                        if Self.isASCIIAlphanumeric(c) { letters += 1 }
                    }
                    i += 1
                }
                if digitRun == 4 { sawYear = true }
                words += 1
                if words > 5 { return false }
                var end = i
                if b[end - 1] == UInt8(ascii: ".") { end -= 1 }
                guard end > start else { continue }
                if digits > 0 {
                    // 2025, 2024-10, Q3, H2, 5th, mid-2025, 2025-Q3
                    if letters > 5 { return false }
                    continue
                }
                let word = string(start..<end).lowercased()
                for part in word.split(separator: "-") where !Self.months.contains(String(part)) && !Self.dateWords.contains(String(part)) {
                    return false
                }
            }
            return sawYear
        }()
        return verdict ?? (PartialDate(parsing: string(span)).precision != .unknown)
    }

    /// "DATE: text", "DATE — text", "DATE – text" or "DATE - text" with a date-like DATE.
    func splitDatedLine(_ span: Span) -> (Span, Span)? {
        var i = span.lowerBound
        var seen = 0
        while i < span.upperBound, seen < 34 {
            let c = b[i]
            let length = Self.sequenceLength(c)
            var cut: (dateEnd: Int, textStart: Int)?
            if c == UInt8(ascii: ":") {
                cut = (i, i + 1)
            } else if startsWith(i..<span.upperBound, [0xE2, 0x80, 0x94]) || startsWith(i..<span.upperBound, [0xE2, 0x80, 0x93]) {
                cut = (i, i + length)
            } else if c == UInt8(ascii: "-"), i > span.lowerBound, b[i - 1] == 0x20, i + 1 < span.upperBound, b[i + 1] == 0x20 {
                cut = (i, i + 1)
            }
            if let cut {
                let date = trim(span.lowerBound..<cut.dateEnd)
                let text = trim(cut.textStart..<span.upperBound, markers: true)
                if !text.isEmpty, isDateLike(date) { return (date, text) }
            }
            i += length
            seen += 1
        }
        return nil
    }

    // MARK: - Joining

    /// Lines joined with single spaces, markers trimmed at both ends of each line and
    /// white-space runs collapsed; nil when nothing is left.
    func join<C: Collection>(_ lines: C) -> String? where C.Element == Span {
        guard !lines.isEmpty else { return nil }
        let text = collapse(lines.map { trim($0, markers: true) })
        return text.isEmpty ? nil : text
    }

    /// The spans' text with single spaces between them and inside them.
    func collapse(_ spans: [Span]) -> String {
        // One clean line, the common case, is copied as is.
        if spans.count == 1, isCollapsed(spans[0]) { return string(spans[0]) }
        var out: [UInt8] = []
        out.reserveCapacity(spans.reduce(spans.count) { $0 + $1.count })
        var pendingSpace = false
        for span in spans {
            var i = span.lowerBound
            while i < span.upperBound {
                let c = b[i]
                let length = Self.sequenceLength(c)
                if c < 0x80 ? Self.isASCIISpace(c) : Self.isSpace(scalar(at: i)) {
                    pendingSpace = true
                } else {
                    if pendingSpace && !out.isEmpty { out.append(0x20) }
                    pendingSpace = false
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<min(i + length, span.upperBound)]))
                }
                i += length
            }
            pendingSpace = true
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `span` has no white space at its ends, no tab and no run of spaces.
    func isCollapsed(_ span: Span) -> Bool {
        var previousSpace = true  // a leading space is not collapsed
        for i in span {
            let c = b[i]
            if c == 0x20 {
                if previousSpace { return false }
                previousSpace = true
            } else if c < 0x20 || c == 0xC2 || c == 0xE1 || c == 0xE2 || c == 0xE3 || c == 0xEF {
                return false  // control, or maybe non-ASCII white space: take the careful path
            } else {
                previousSpace = false
            }
        }
        return !previousSpace
    }
}
