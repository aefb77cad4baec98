// The time axis of a timeline, and the day ordinals it is laid out in.

/// The time axis: its domain snapped to whole months, quarters or years, the scale, the
/// grid lines and the labels (months or quarters above, years below them).
struct Axis {
    enum Unit: Equatable {
        case month, quarter
        case year(step: Int)
    }

    struct Tick {
        var x: Double
        /// A year boundary (drawn darker) or a minor one.
        var major: Bool
    }

    struct Label {
        var x: Double
        var text: String
        /// 0: months or quarters; 1: years.
        var tier: Int
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    var unit: Unit
    /// The domain, as day ordinals: [start, end).
    var start: Int
    var end: Int
    var ticks: [Tick] = []
    var labels: [Label] = []
    /// Pixels per day.
    var scale: Double { (TimelineLayout.plotRight - TimelineLayout.plotLeft) / Double(end - start) }

    func x(_ ordinal: Int) -> Double {
        TimelineLayout.plotLeft + Double(ordinal - start) * scale
    }

    init(first: Day, last: Day) {
        let months = (last.year * 12 + last.month) - (first.year * 12 + first.month) + 1
        let width = TimelineLayout.plotRight - TimelineLayout.plotLeft
        let firstMonth = first.year * 12 + first.month - 1, lastMonth = last.year * 12 + last.month - 1
        // The domain in months: [from, to).
        let from: Int, to: Int
        if months <= 24 {
            unit = .month
            (from, to) = (firstMonth, lastMonth + 1)
        } else if months <= 60 {
            unit = .quarter
            (from, to) = (firstMonth - firstMonth % 3, lastMonth - lastMonth % 3 + 3)
        } else {
            let years = last.year - first.year + 1
            let step = [1, 2, 5, 10, 20, 25, 50, 100, 250, 500, 1000].first { width / Double(years) * Double($0) >= 44 } ?? 1000
            unit = .year(step: step)
            (from, to) = (first.year * 12, (last.year + 1) * 12)
        }
        func ordinal(_ month: Int) -> Int { Day.ordinal(year: month / 12, month: month % 12 + 1, day: 1) }
        start = ordinal(from)
        end = ordinal(to)

        switch unit {
        case .month:
            let narrow = width / Double(to - from) < 30
            for month in from..<to {
                ticks.append(Tick(x: x(ordinal(month)), major: month % 12 == 0))
                let name = Self.monthNames[month % 12]
                labels.append(Label(x: (x(ordinal(month)) + x(ordinal(month + 1))) / 2, text: narrow ? String(name.prefix(1)) : name, tier: 0))
            }
        case .quarter:
            for month in stride(from: from, to: to, by: 3) {
                ticks.append(Tick(x: x(ordinal(month)), major: month % 12 == 0))
                labels.append(Label(x: (x(ordinal(month)) + x(ordinal(month + 3))) / 2, text: "Q\(month % 12 / 3 + 1)", tier: 0))
            }
        case .year(let step):
            let quarterWidth = width / Double(to - from) * 3
            for month in stride(from: from, to: to, by: quarterWidth >= 10 ? 3 : 12) {
                let year = month / 12
                let major = month % 12 == 0 && (step == 1 || year % step == 0)
                if month % 12 == 0 || quarterWidth >= 10 { ticks.append(Tick(x: x(ordinal(month)), major: major)) }
            }
        }
        // Years: centred over their visible part, or at their tick when stepped.
        if case .year(let step) = unit, step > 1 {
            for year in (from / 12)...((to - 1) / 12) where year % step == 0 {
                labels.append(Label(x: x(ordinal(year * 12)), text: String(year), tier: 1))
            }
        } else {
            for year in (from / 12)...((to - 1) / 12) {
                let left = x(ordinal(max(from, year * 12))), right = x(ordinal(min(to, year * 12 + 12)))
                if right - left >= 30 { labels.append(Label(x: (left + right) / 2, text: String(year), tier: 1)) }
            }
        }
        ticks.append(Tick(x: x(end), major: true))
    }
}
