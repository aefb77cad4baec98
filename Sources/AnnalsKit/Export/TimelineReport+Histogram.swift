/// The report's histogram: how many of its events fall in each year (or quarter, when
/// they span three years or less), every period shown, empty ones included, as
/// ``Archive/counts(_:matching:by:)`` counts them.
struct TimelineHistogram {
    let rows: [CountRow]
    let grouping: CountGrouping

    init(events: [Event]) {
        let years = events.compactMap { $0.date.start?.year }
        let span = (years.max() ?? 0) - (years.min() ?? 0)
        grouping = span < 3 ? .quarter : .year
        rows = CountRow.periods(events.map { ($0.date.start, $0.date.end) }, by: grouping)
    }

    /// The periods' bars (an SVG with a title per bar) and a note on the events no period
    /// holds; nothing when no event is dated.
    func write(into out: inout String) {
        let periods = rows.filter { $0.start != nil }
        guard !periods.isEmpty else { return }
        let noun = grouping == .quarter ? "quarter" : "year"
        out += "<section class=\"histogram\" aria-labelledby=\"histogram-heading\">\n"
        out += "<h2 id=\"histogram-heading\">Events per \(noun)</h2>\n"
        let width = 24, gap = 6, height = 80, top = 14, bottom = 18
        let largest = max(1, periods.map(\.count).max() ?? 1)
        let total = periods.count * (width + gap)
        let label = periods.map { "\($0.label): \($0.count)" }.joined(separator: ", ")
        out += "<svg class=\"bars\" viewBox=\"0 0 \(total) \(top + height + bottom)\" width=\"\(total)\" "
        out += "height=\"\(top + height + bottom)\" role=\"img\" aria-label=\"Events per \(noun): \(label)\">\n"
        for (index, row) in periods.enumerated() {
            let x = index * (width + gap)
            let barHeight = row.count == 0 ? 0 : max(2, row.count * height / largest)
            let y = top + height - barHeight
            out += "<g><title>\(row.label): \(row.count) event\(row.count == 1 ? "" : "s")</title>"
            out += "<rect class=\"bar\" x=\"\(x)\" y=\"\(y)\" width=\"\(width)\" height=\"\(barHeight)\"></rect>"
            out += "<text class=\"count\" x=\"\(x + width / 2)\" y=\"\(y - 3)\">\(row.count)</text>"
            let short = grouping == .quarter ? String(row.label.suffix(2)) + "’" + String(row.label.prefix(4).suffix(2)) : row.label
            out += "<text class=\"period\" x=\"\(x + width / 2)\" y=\"\(top + height + 13)\">\(short)</text></g>\n"
        }
        out += "</svg>\n"
        let others = rows.filter { $0.start == nil }.map(\.count).reduce(0, +)
        if others > 0 {
            out += "<p class=\"help\">\(others) event\(others == 1 ? " is" : "s are") not counted: dated less precisely than a \(noun), or not dated.</p>\n"
        }
        out += "</section>\n"
    }

    static let style = """
        .histogram svg { display: block; max-width: 100%; height: auto; }
        .bars .bar { fill: #4c72b0; }
        .bars text { font-size: 10px; text-anchor: middle; fill: #333; }

        """
}
