// Reading each section's lines into the article's fields.

extension CardReader {
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

    /// Whether the line is a bullet ("- •", "-", "•", "*", "+", "1.", "2)", an emoji), and
    /// its text without bullet and markers.
    func stripBullet(_ line: Span) -> (bullet: Bool, text: Span) {
        var s = trim(line)
        var bullet = false
        while let i = s.first {
            let c = b[i]
            let length = UTF8Bytes.sequenceLength(c)
            let next = i + length < s.upperBound ? i + length : nil
            let nextIsGap = next.map { UTF8Bytes.isASCIISpace(b[$0]) || (b[$0] >= 0x80 && Self.isMarker(scalar(at: $0))) } ?? false
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
                if k - i <= 2, k + 1 < s.upperBound, b[k] == UInt8(ascii: ".") || b[k] == UInt8(ascii: ")"), UTF8Bytes.isASCIISpace(b[k + 1]) {
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
}
