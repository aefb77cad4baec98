// TEMPORARY (branch `card`): a minimal stand-in so the card parser can build and be
// tested. The full parser ("March 2025", "Q3 2025", "5 March 2025"…) is written on
// another branch and replaces this file on merge; keep the signature unchanged.

extension PartialDate {
    /// Reads a date as a timeline writes it. This stand-in knows only `YYYY`, `YYYY-MM`
    /// and `YYYY-MM-DD`; anything else keeps its text with precision ``Precision/unknown``.
    public init(parsing text: String) {
        var trimmed = Substring(text)
        while trimmed.first?.isWhitespace == true { trimmed.removeFirst() }
        while trimmed.last?.isWhitespace == true { trimmed.removeLast() }
        let written = String(trimmed)
        let b = Array(written.utf8)
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }
                value = value * 10 + Int(b[i] - 0x30)
            }
            return value
        }
        let dash = UInt8(ascii: "-")
        if b.count >= 4, let year = number(0..<4) {
            switch b.count {
            case 4:
                if let start = Day(year: year, month: 1, day: 1), let end = Day(year: year, month: 12, day: 31) {
                    self.init(text: written, normalized: written, precision: .year, start: start, end: end)
                    return
                }
            case 7 where b[4] == dash:
                if let month = number(5..<7), let start = Day(year: year, month: month, day: 1),
                    let end = Day(year: year, month: month, day: Day.daysIn(month: month, year: year))
                {
                    self.init(text: written, normalized: written, precision: .month, start: start, end: end)
                    return
                }
            case 10 where b[4] == dash && b[7] == dash:
                if let month = number(5..<7), let d = number(8..<10), let day = Day(year: year, month: month, day: d) {
                    self.init(text: written, normalized: written, precision: .day, start: day, end: day)
                    return
                }
            default:
                break
            }
        }
        self.init(text: written, normalized: nil, precision: .unknown, start: nil, end: nil)
    }
}
