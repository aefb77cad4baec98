// Timeline dates: which lines are dates, and "DATE: text" lines.

extension CardReader {
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
            guard UTF8Bytes.isASCIIAlphanumeric(b[span.lowerBound]) else { return b[span.lowerBound] >= 0x80 ? nil : false }
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
                        if UTF8Bytes.isASCIIAlphanumeric(c) { letters += 1 }
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
                for part in word.split(separator: "-") where ParserVocabulary.months[String(part)] == nil && !Self.dateWords.contains(String(part)) {
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
            let length = UTF8Bytes.sequenceLength(c)
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

    static let dateWords: Set<String> = [
        "early", "mid", "late", "end", "start", "beginning", "middle", "of", "the", "around", "about",
        "circa", "c", "ca", "by", "before", "after", "spring", "summer", "autumn", "fall", "winter",
        "first", "second", "third", "fourth", "half", "quarter", "approx", "approximately", "est",
        "expected", "until", "to", "and", "through", "from", "since", "in",
    ]
}
