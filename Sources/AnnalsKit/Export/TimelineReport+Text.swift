// The text drawn on a timeline: estimated widths, wide (East Asian) characters, and labels
// cut to a width with an ellipsis.

extension TimelineLayout {
    /// An estimate of a text's width in a sans-serif font of `size` pixels.
    static func textWidth(_ text: String, size: Double) -> Double {
        Double(columns(text)) * size * 0.56
    }

    /// The width of `text` in columns: wide (East Asian) characters count two.
    static func columns(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
    }

    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1FAFF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// `text` on one line, cut to about `limit` columns (between words when it can) with an ellipsis.
    static func truncated(_ text: String, _ limit: Int) -> String {
        let single = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard columns(single) > limit else { return single }
        var cut = "", width = 0
        for character in single {
            let w = character.unicodeScalars.first.map { isWide($0) ? 2 : 1 } ?? 1
            if width + w > limit { break }
            cut.append(character)
            width += w
        }
        if let space = cut.lastIndex(of: " "), columns(String(cut[..<space])) > limit / 2 {
            cut = String(cut[..<space])
        }
        return cut.trimmingTrailingPunctuation() + "…"
    }
}

extension String {
    fileprivate func trimmingTrailingPunctuation() -> String {
        var text = self
        while let last = text.last, " ,;:-，、".contains(last) { text.removeLast() }
        return text
    }
}
