// What a line is: a heading, boilerplate, a TL;DR label, the source line.

extension CardReader {
    // MARK: - Vocabulary

    static let headings: [(key: Key, section: CardSection)] = ParserVocabulary.cardHeadings.map { ($0.key, $0.section) }

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
            while let c = rest.first.map({ b[$0] }), c == UInt8(ascii: ":") || UTF8Bytes.isASCIISpace(c) { rest = rest.dropFirst() }
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
            let length = UTF8Bytes.sequenceLength(c)
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
}
