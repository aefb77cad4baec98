/// A timeline date as the generator writes it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
struct GenDate: Hashable {
    var year: Int
    /// 0 when the date is a year.
    var month: Int
    /// 0 when the date is a year or a month.
    var day: Int

    enum Precision: String { case year, month, day }

    var precision: Precision { month == 0 ? .year : day == 0 ? .month : .day }

    /// As written in cards and feeds.
    var text: String {
        switch precision {
        case .year: return String(year)
        case .month: return "\(year)-\(zeroPadded(month, 2))"
        case .day: return "\(year)-\(zeroPadded(month, 2))-\(zeroPadded(day, 2))"
        }
    }

    /// First day covered, as a sortable number YYYYMMDD.
    var startKey: Int { year * 10000 + max(month, 1) * 100 + max(day, 1) }
    /// Last day covered, as YYYYMMDD.
    var endKey: Int {
        let m = month == 0 ? 12 : month
        let d = day == 0 ? daysIn(month: m, year: year) : day
        return year * 10000 + m * 100 + d
    }

    var startISO: String { iso(startKey) }
    var endISO: String { iso(endKey) }

    func overlaps(_ other: GenDate) -> Bool { startKey <= other.endKey && other.startKey <= endKey }

    /// The month before or after (`delta` = ±1), for a month-precision date.
    func shiftedMonth(_ delta: Int) -> GenDate {
        var m = month + delta
        var y = year
        if m < 1 { m = 12; y -= 1 }
        if m > 12 { m = 1; y += 1 }
        return GenDate(year: y, month: m, day: 0)
    }
}

func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
}

private func iso(_ key: Int) -> String {
    "\(key / 10000)-\(zeroPadded(key / 100 % 100, 2))-\(zeroPadded(key % 100, 2))"
}

/// Years weighted toward the recent past, as news timelines are.
private let yearWeights: [(Int, Int)] = [
    (2018, 3), (2019, 4), (2020, 5), (2021, 6), (2022, 9), (2023, 12), (2024, 15), (2025, 16), (2026, 10),
]

extension Rng {
    mutating func year(in range: ClosedRange<Int>) -> Int {
        let candidates = yearWeights.filter { range.contains($0.0) }
        let total = candidates.reduce(0) { $0 + $1.1 }
        var r = below(total)
        for (year, weight) in candidates {
            if r < weight { return year }
            r -= weight
        }
        return candidates.last!.0
    }

    /// A timeline date: mostly a month, some years, some days.
    mutating func timelineDate(years: ClosedRange<Int> = 2018...2026) -> GenDate {
        let y = year(in: years)
        let r = below(100)
        if r < 10 { return GenDate(year: y, month: 0, day: 0) }
        let m = int(1...12)
        if r < 88 { return GenDate(year: y, month: m, day: 0) }
        return GenDate(year: y, month: m, day: int(1...daysIn(month: m, year: y)))
    }
}
