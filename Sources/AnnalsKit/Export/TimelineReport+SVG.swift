/// Writes a ``TimelineLayout`` as SVG: standalone (a document with its own title, for
/// slides) or embedded in the HTML report (markers are links to the table's rows).
struct TimelineSVG {
    let layout: TimelineLayout
    let report: TimelineReport
    let standalone: Bool

    /// Okabe–Ito colors (distinct for color-blind readers), then two darker ones; lanes
    /// also differ by shape, so grey-scale prints stay readable.
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#6A3D9A", "#8C6D1F"]
    static let otherColor = "#8C8C8C"
    enum Shape: CaseIterable { case circle, square, diamond, triangle, invertedTriangle, hexagon }

    static func color(_ style: Int) -> String { style < 0 ? otherColor : palette[style % palette.count] }
    static func shape(_ style: Int) -> Shape { style < 0 ? .circle : Shape.allCases[style % Shape.allCases.count] }

    var headerHeight: Double { standalone ? 78 : 8 }
    static let axisHeight = 40.0
    var lanesTop: Double { headerHeight + Self.axisHeight }
    var repeatsAxis: Bool { layout.lanesHeight > 360 }
    var legendTop: Double { lanesTop + layout.lanesHeight + (repeatsAxis ? 40 : 12) }
    var notes: [String] {
        var notes: [String] = []
        if layout.lanes.count > 1 || layout.lanes.first?.isOther == false {
            let noun = layout.laneNoun, plural = layout.laneNoun == "entity" ? "entities" : "topics"
            notes.append("An event with several \(plural) appears in the lane of each; the table lists it once.")
            var other = "Other: events with no \(noun)"
            if layout.mergedKeys > 0 {
                other += ", or only \(plural) beyond the \(TimelineReport.maxLanes) busiest (\(layout.mergedKeys) more)"
            }
            if layout.lanes.contains(where: \.isOther) { notes.append(other + ".") }
        }
        if !layout.undated.isEmpty {
            notes.append(TimelineHTML.undatedNote(layout.undated.count))
        }
        return notes
    }
    var height: Double {
        layout.axis == nil ? headerHeight + 60 : legendTop + 34 + Double(notes.count + (layout.bucket == nil ? 0 : 1)) * 17
    }

    func write(into out: inout String) {
        let width = TimelineLayout.width
        out += "<svg"
        if standalone { out += " xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"" }
        out += " class=\"annals-timeline\" viewBox=\"0 0 \(width.svgNumber) \(height.svgNumber)\" width=\"\(width.svgNumber)\""
        out += " height=\"\(height.svgNumber)\" aria-labelledby=\"timeline-title timeline-desc\">\n"
        out += "<title id=\"timeline-title\">"
        out.appendEscaped(standalone ? report.title : "Timeline: " + report.title)
        out += "</title>\n<desc id=\"timeline-desc\">"
        out.appendEscaped(TimelineHTML.description(layout))
        out += "</desc>\n<style>" + Self.style + "</style>\n"
        writeDefinitions(into: &out)
        out += "<rect class=\"paper\" width=\"100%\" height=\"100%\"/>\n"
        if standalone { writeHeader(into: &out) }
        if let axis = layout.axis {
            writeAxis(axis, into: &out)
            writeLanes(into: &out)
            writeLegend(into: &out)
        } else {
            out += "<text class=\"empty\" x=\"16\" y=\"\((headerHeight + 30).svgNumber)\">"
            out += layout.dated.isEmpty && !layout.undated.isEmpty
                ? "No event of this answer has a readable date: see the table." : "No event matches."
            out += "</text>\n"
        }
        out += "</svg>\n"
    }

    private func writeDefinitions(into out: inout String) {
        out += "<defs>\n"
        var styles = Set(layout.lanes.map(\.style))
        styles.insert(-1)  // the legend's hatch
        for style in styles.sorted() {
            let color = Self.color(style), id = style < 0 ? "hatch-other" : "hatch-\(style)"
            out += "<pattern id=\"\(id)\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(45)\">"
            out += "<rect width=\"6\" height=\"6\" fill=\"\(color)\" fill-opacity=\"0.12\"/>"
            out += "<line x1=\"1\" y1=\"0\" x2=\"1\" y2=\"6\" stroke=\"\(color)\" stroke-width=\"2\"/></pattern>\n"
        }
        out += "</defs>\n"
    }

    private func writeHeader(into out: inout String) {
        out += "<text class=\"title\" x=\"16\" y=\"30\">"
        out.appendEscaped(TimelineLayout.truncated(report.title, 110))
        out += "</text>\n<text class=\"subtitle\" x=\"16\" y=\"52\">"
        if let understanding = report.understanding {
            out += "Understood as: "
            out.appendEscaped(TimelineLayout.truncated(understanding, 150))
        }
        out += "</text>\n<text class=\"subtitle\" x=\"16\" y=\"70\">"
        out.appendEscaped(TimelineHTML.counts(layout, lanes: true))
        out += "</text>\n"
    }

    private func writeAxis(_ axis: Axis, into out: inout String) {
        let top = lanesTop, bottom = lanesTop + layout.lanesHeight
        out += "<g class=\"axis\" aria-hidden=\"true\">\n"
        for tick in axis.ticks {
            let x = tick.x.svgNumber
            out += "<line class=\"grid\(tick.major ? " major" : "")\" x1=\"\(x)\" y1=\"\((top - 4).svgNumber)\" x2=\"\(x)\" y2=\"\(bottom.svgNumber)\"/>\n"
        }
        func labels(at y: Double) {
            for label in axis.labels {
                out += "<text class=\"tick\(label.tier == 1 ? " year" : "")\" x=\"\(label.x.svgNumber)\" y=\"\((y + (label.tier == 1 ? 30 : 14)).svgNumber)\">"
                out.appendEscaped(label.text)
                out += "</text>\n"
            }
        }
        let onlyYears = axis.labels.allSatisfy { $0.tier == 1 }
        labels(at: headerHeight + (onlyYears ? -12 : 0))
        if repeatsAxis { labels(at: bottom + (onlyYears ? -10 : 2)) }
        out += "</g>\n"
    }

    private func writeLanes(into out: inout String) {
        out += "<g class=\"lanes\">\n"
        var markNumber = 0
        for (index, lane) in layout.lanes.enumerated() {
            let top = lanesTop + lane.top
            out += "<g class=\"lane\(lane.isOther ? " other" : "")\" id=\"lane-\(index)\">\n"
            out += "<rect class=\"band\(index % 2 == 1 ? " odd" : "")\" x=\"0\" y=\"\(top.svgNumber)\" width=\"\(TimelineLayout.width.svgNumber)\" height=\"\(lane.height.svgNumber)\"/>\n"
            let labelY = top + TimelineLayout.lanePadding + (layout.bucket == nil ? TimelineLayout.rowHeight / 2 : 20)
            writeShape(Self.shape(lane.style), x: 22, y: labelY, radius: 6, color: Self.color(lane.style), into: &out, classes: "key")
            let lines = Self.wrapped(lane.label, width: 22)
            out += "<text class=\"lane-label\" x=\"36\" y=\"\((labelY - (lines.count == 1 ? 0 : 8)).svgNumber)\" dy=\"0.35em\"><title>"
            out.appendEscaped(lane.label)
            out += "</title>"
            for (number, line) in lines.enumerated() {
                out += number == 0 ? "<tspan>" : "<tspan x=\"36\" dy=\"16\">"
                out.appendEscaped(line)
                if number == lines.count - 1 { out += " <tspan class=\"lane-count\">\(lane.count)</tspan>" }
                out += "</tspan>"
            }
            out += "</text>\n"
            for mark in lane.marks {
                writeMark(mark, lane: lane, top: top, number: markNumber, into: &out)
                markNumber += 1
            }
            out += "</g>\n"
        }
        out += "</g>\n"
    }

    private func writeMark(_ mark: TimelineLayout.Mark, lane: TimelineLayout.Lane, top: Double, number: Int, into out: inout String) {
        let color = Self.color(lane.style), hatch = lane.style < 0 ? "hatch-other" : "hatch-\(lane.style)"
        let ids = mark.events.map { String(report.events[$0].id) }.joined(separator: " ")
        let tag = standalone ? "g" : "a"
        out += "<\(tag) class=\"mark \(mark.kind == .bucket ? "bucket" : mark.period == nil ? "event" : "group")\" id=\"mark-\(number)\""
        if !standalone { out += " href=\"#event-\(report.events[mark.events[0]].id)\"" }
        out += " data-events=\"\(ids)\"><title>"
        out.appendEscaped(tooltip(mark, lane: lane))
        out += "</title>"
        let inner = top + TimelineLayout.lanePadding
        switch mark.kind {
        case .bucket:
            let bottom = inner + TimelineLayout.histogramHeight - 2
            let height = 3 + 30 * Double(mark.events.count) / Double(layout.maxBucketCount)
            let width = max(1.5, mark.x1 - mark.x0 - 1)
            out += "<rect class=\"bar p-bucket\" x=\"\((mark.x0 + 0.5).svgNumber)\" y=\"\((bottom - height).svgNumber)\" width=\"\(width.svgNumber)\""
            out += " height=\"\(height.svgNumber)\" fill=\"\(color)\" stroke=\"\(color)\"/>"
            if mark.x1 - mark.x0 >= 13 {
                out += "<text class=\"count\" x=\"\(mark.cx.svgNumber)\" y=\"\((bottom - height - 3).svgNumber)\">\(mark.events.count)</text>"
            }
        default:
            let rowHeight = layout.bucket == nil ? TimelineLayout.rowHeight : TimelineLayout.groupRowHeight
            let rowTop = layout.bucket == nil
                ? inner + Double(mark.row) * rowHeight
                : inner + TimelineLayout.histogramHeight + Double(mark.row - 1) * rowHeight
            let y = rowTop + rowHeight / 2
            if mark.kind != .day {
                let barHeight = layout.bucket == nil ? 10.0 : 12.0
                let fill = mark.kind == .year ? "url(#\(hatch))" : color
                out += "<rect class=\"bar p-\(mark.kind.rawValue)\" x=\"\(mark.x0.svgNumber)\" y=\"\((y - barHeight / 2).svgNumber)\""
                out += " width=\"\(max(2, mark.x1 - mark.x0).svgNumber)\" height=\"\(barHeight.svgNumber)\" rx=\"2\" fill=\"\(fill)\" stroke=\"\(color)\"/>"
            }
            if mark.period == nil {
                writeShape(Self.shape(lane.style), x: mark.cx, y: y, radius: mark.radius, color: color, into: &out, classes: "dot")
                if let label = mark.label {
                    let x = mark.labelX(onLeft: mark.labelOnLeft)
                    out += "<text class=\"mark-label\(mark.labelOnLeft ? " left" : "")\" x=\"\(x.svgNumber)\" y=\"\(y.svgNumber)\" dy=\"0.35em\">"
                    out.appendEscaped(label)
                    out += "</text>"
                }
            } else if let label = mark.label {
                out += "<text class=\"group-count\" x=\"\((mark.x0 + 4).svgNumber)\" y=\"\(y.svgNumber)\" dy=\"0.35em\">\(label)</text>"
            }
        }
        out += "</\(tag)>\n"
    }

    private func writeShape(_ shape: Shape, x: Double, y: Double, radius r: Double, color: String, into out: inout String, classes: String) {
        let attributes = " class=\"\(classes)\" fill=\"\(color)\""
        func point(_ dx: Double, _ dy: Double) -> String { (x + dx * r).svgNumber + "," + (y + dy * r).svgNumber }
        switch shape {
        case .circle:
            out += "<circle\(attributes) cx=\"\(x.svgNumber)\" cy=\"\(y.svgNumber)\" r=\"\(r.svgNumber)\"/>"
        case .square:
            let side = r * 1.75
            out += "<rect\(attributes) x=\"\((x - side / 2).svgNumber)\" y=\"\((y - side / 2).svgNumber)\" width=\"\(side.svgNumber)\" height=\"\(side.svgNumber)\"/>"
        case .diamond:
            out += "<path\(attributes) d=\"M\(point(0, -1.3))L\(point(1.3, 0))L\(point(0, 1.3))L\(point(-1.3, 0))Z\"/>"
        case .triangle:
            out += "<path\(attributes) d=\"M\(point(0, -1.35))L\(point(1.2, 0.8))L\(point(-1.2, 0.8))Z\"/>"
        case .invertedTriangle:
            out += "<path\(attributes) d=\"M\(point(0, 1.35))L\(point(1.2, -0.8))L\(point(-1.2, -0.8))Z\"/>"
        case .hexagon:
            out += "<path\(attributes) d=\"M\(point(-1.1, 0))L\(point(-0.55, -0.95))L\(point(0.55, -0.95))L\(point(1.1, 0))L\(point(0.55, 0.95))L\(point(-0.55, 0.95))Z\"/>"
        }
    }

    /// `text` on at most two lines of about `width` characters, broken between words
    /// (the second truncated with an ellipsis).
    static func wrapped(_ text: String, width: Int) -> [String] {
        guard text.count > width else { return [text] }
        let words = text.split(separator: " ")
        var first = ""
        var rest = words[...]
        while let word = rest.first, first.isEmpty || first.count + 1 + word.count <= width {
            first += (first.isEmpty ? "" : " ") + word
            rest = rest.dropFirst()
        }
        if first.count > width { return [TimelineLayout.truncated(text, width)] }
        guard !rest.isEmpty else { return [first] }
        return [first, TimelineLayout.truncated(rest.joined(separator: " "), width)]
    }

    /// The hover text of a mark: the event (date as written, text, tags, cards), or the group.
    func tooltip(_ mark: TimelineLayout.Mark, lane: TimelineLayout.Lane) -> String {
        if mark.period == nil { return report.details(of: report.events[mark.events[0]]) }
        let count = mark.events.count
        var lines = ["\(mark.period!) · \(lane.label): \(count) event\(count == 1 ? "" : "s"), \(mark.mentions) mention\(mark.mentions == 1 ? "" : "s")"]
        for index in mark.events.prefix(8) {
            let event = report.events[index]
            lines.append("• \(event.date.text): \(TimelineLayout.truncated(event.text, 90))")
        }
        if count > 8 { lines.append("… and \(count - 8) more: see the table") }
        return lines.joined(separator: "\n")
    }

    private func writeLegend(into out: inout String) {
        let top = legendTop
        out += "<g class=\"legend\">\n"
        var x = 16.0
        let y = top + 14
        func text(_ string: String, at position: Double, classes: String = "") {
            out += "<text\(classes.isEmpty ? "" : " class=\"\(classes)\"") x=\"\(position.svgNumber)\" y=\"\(y.svgNumber)\" dy=\"0.35em\">"
            out.appendEscaped(string)
            out += "</text>"
            x = position + TimelineLayout.textWidth(string, size: 12) + 14
        }
        func bar(_ kind: TimelineLayout.Kind, width: Double) {
            let fill = kind == .year ? "url(#hatch-other)" : Self.otherColor
            out += "<rect class=\"bar p-\(kind.rawValue)\" x=\"\(x.svgNumber)\" y=\"\((y - 5).svgNumber)\" width=\"\(width.svgNumber)\" height=\"10\" rx=\"2\" fill=\"\(fill)\" stroke=\"\(Self.otherColor)\"/>"
            x += width + 5
        }
        text("Dates:", at: x, classes: "legend-head")
        writeShape(.circle, x: x + 5, y: y, radius: 5, color: Self.otherColor, into: &out, classes: "dot")
        text("a day", at: x + 14)
        bar(.month, width: 28)
        text("a month", at: x)
        bar(.quarter, width: 40)
        text("a quarter", at: x)
        bar(.year, width: 64)
        text("a year (vague)", at: x)
        if layout.bucket == nil {
            text("Size: mentions", at: x + 6, classes: "legend-head")
            for mentions in [1, 5, 20] {
                let r = TimelineLayout.radius(mentions)
                writeShape(.circle, x: x + r, y: y, radius: r, color: Self.otherColor, into: &out, classes: "dot")
                text(String(mentions), at: x + 2 * r + 4)
            }
        }
        out += "\n"
        var lineY = y + 24
        if let bucket = layout.bucket {
            let line = "Crowded: each bar counts the events of a lane in one \(bucket.rawValue) (the tallest: \(layout.maxBucketCount)); "
                + "events vaguer than a \(bucket.rawValue) are grouped by their period, numbered. Every event is in the table."
            out += "<text class=\"note\" x=\"16\" y=\"\(lineY.svgNumber)\">"
            out.appendEscaped(line)
            out += "</text>\n"
            lineY += 17
        }
        for note in notes {
            out += "<text class=\"note\" x=\"16\" y=\"\(lineY.svgNumber)\">"
            out.appendEscaped(note)
            out += "</text>\n"
            lineY += 17
        }
        out += "</g>\n"
    }

    /// The SVG's own style: classes only, shared by the standalone picture and the page.
    static let style = """

        .annals-timeline { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        .annals-timeline text { fill: #1a1a1a; }
        .annals-timeline .paper { fill: #ffffff; }
        .annals-timeline .title { font-size: 20px; font-weight: 700; }
        .annals-timeline .subtitle { font-size: 13px; fill: #404040; }
        .annals-timeline .band { fill: #f3f3f3; }
        .annals-timeline .band.odd { fill: #ffffff; }
        .annals-timeline .grid { stroke: #d4d4d4; stroke-width: 1; }
        .annals-timeline .grid.major { stroke: #7a7a7a; }
        .annals-timeline .tick { font-size: 11px; text-anchor: middle; fill: #404040; }
        .annals-timeline .tick.year { font-size: 13px; font-weight: 700; fill: #1a1a1a; }
        .annals-timeline .lane-label { font-size: 13px; font-weight: 600; }
        .annals-timeline .lane-count { font-weight: 400; fill: #595959; }
        .annals-timeline .key, .annals-timeline .dot { stroke: #1a1a1a; stroke-width: 1.2; }
        .annals-timeline .bar { stroke-width: 1.3; }
        .annals-timeline .p-month { fill-opacity: 0.4; }
        .annals-timeline .p-quarter, .annals-timeline .p-span { fill-opacity: 0.22; stroke-dasharray: 6 3; }
        .annals-timeline .p-year { stroke-dasharray: 2 3; }
        .annals-timeline .p-bucket { fill-opacity: 0.75; stroke: #1a1a1a; stroke-width: 0.6; }
        .annals-timeline .mark-label, .annals-timeline .group-count {
          font-size: 11px; paint-order: stroke; stroke: #ffffff; stroke-width: 3px; stroke-linejoin: round; }
        .annals-timeline .mark-label.left { text-anchor: end; }
        .annals-timeline .group-count { font-weight: 700; }
        .annals-timeline .count { font-size: 10px; text-anchor: middle; fill: #404040; }
        .annals-timeline .legend text { font-size: 12px; }
        .annals-timeline .legend .legend-head { font-weight: 700; }
        .annals-timeline .legend .note { font-size: 12px; fill: #404040; }
        .annals-timeline .empty { font-size: 14px; }
        .annals-timeline a.mark { cursor: pointer; }
        .annals-timeline a.mark:focus { outline: none; }
        .annals-timeline a.mark:hover .dot, .annals-timeline a.mark:hover .bar { stroke-width: 2.5; }
        .annals-timeline a.mark:focus-visible .dot, .annals-timeline a.mark:focus-visible .bar,
        .annals-timeline a.mark.pinned .dot, .annals-timeline a.mark.pinned .bar {
          stroke: #000000; stroke-width: 3.5; stroke-dasharray: none; }

        """
}

extension TimelineReport {
    /// An event as hover text: date as written, text, topics, entities, mentions and cards.
    func details(of event: Event) -> String {
        var lines = ["\(event.date.text) · \(event.text)"]
        if !event.topics.isEmpty { lines.append("Topics: " + event.topics.map(topicName).joined(separator: ", ")) }
        if !event.entities.isEmpty { lines.append("Entities: " + event.entities.joined(separator: ", ")) }
        let cards = event.articles.count
        lines.append("\(event.mentions) mention\(event.mentions == 1 ? "" : "s") in \(cards) card\(cards == 1 ? "" : "s")\(cards > 0 ? ":" : "")")
        for article in event.articles.prefix(6) { lines.append("• \(article.title) — \(article.source)") }
        if cards > 6 { lines.append("• and \(cards - 6) more") }
        return lines.joined(separator: "\n")
    }
}
