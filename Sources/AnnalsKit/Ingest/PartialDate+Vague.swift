extension PartialDate {
    /// A vague date as a timeline or a question writes it: a half (`H1 2025`, `2025-H2`,
    /// `first half of 2025`) or a third of a year (`early 2025`, `mid-2024`, `late 2023`:
    /// January–April, May–August, September–December). Nil for anything else.
    ///
    /// Normalized as `2025-H1`, `2025-H2`, and `2025-T1`, `2025-T2`, `2025-T3` for the
    /// thirds (early, mid, late), with precision ``Precision/half`` or ``Precision/third``.
    init?(vague text: String) {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "," || $0 == "." })
            .filter { $0 != "of" && $0 != "the" }.map(String.init)
        func year(_ word: String) -> Int? {
            guard word.count == 4, let y = Int(word), (1000...9999).contains(y) else { return nil }
            return y
        }
        var reading: (Precision, Int, Int)?  // precision, part, year
        switch words.count {
        case 2:
            let (a, b) = (words[0], words[1])
            if let y = year(b), let third = Self.thirds[a] {
                reading = (.third, third, y)
            } else if let y = year(b), let half = Self.halves[a] {
                reading = (.half, half, y)
            } else if let y = year(a), let half = Self.halves[b] {
                reading = (.half, half, y)
            }
        case 3 where words[1] == "half":
            if let y = year(words[2]), let half = ["first": 1, "second": 2, "1st": 1, "2nd": 2][words[0]] {
                reading = (.half, half, y)
            }
        default:
            break
        }
        guard let (precision, part, y) = reading, let (start, end) = precision.period(part, of: y) else { return nil }
        let normalized = "\(y)-" + (precision == .half ? "H" : "T") + String(part)
        self.init(text: text, normalized: normalized, precision: precision, start: start, end: end)
    }

    private static let thirds = ["early": 1, "mid": 2, "middle": 2, "late": 3]
    private static let halves = ["h1": 1, "h2": 2, "1h": 1, "2h": 2]
}
