/// Where everything of a timeline goes: its lanes, axis and marks, in SVG user units
/// (the picture is ``width`` wide; lane offsets are relative to the top of the lanes).
struct TimelineLayout {
    /// How a mark is drawn: by the precision of its date, or as a histogram bucket.
    enum Kind: String {
        case day, month, quarter, year, span, bucket
    }

    /// One drawn thing: an event in one lane, or (aggregated) a group of events.
    struct Mark {
        /// The interval covered, as day ordinals; `end` is exclusive.
        var start: Int
        var end: Int
        var kind: Kind
        /// Indices into the report's events.
        var events: [Int]
        var mentions: Int
        /// What a group stands for ("October 2024"); nil for one event.
        var period: String?
        var row = 0
        var x0 = 0.0, x1 = 0.0, cx = 0.0, radius = 0.0
        /// Text drawn beside the marker (few events only), and on which side.
        var label: String?
        var labelOnLeft = false
    }

    struct Lane {
        var label: String
        var isOther: Bool
        /// The palette and shape index (lanes beyond the palette reuse it with another shape).
        var style: Int
        /// How many dated events it holds.
        var count: Int
        var marks: [Mark] = []
        var rows = 1
        var top = 0.0
        var height = 0.0
    }

    /// How crowded timelines group events.
    enum Bucket: String {
        case month, quarter, year

        func index(_ day: Day) -> Int {
            switch self {
            case .month: return day.year * 12 + day.month - 1
            case .quarter: return day.year * 4 + (day.month - 1) / 3
            case .year: return day.year
            }
        }

        /// The first day of bucket `index`, as an ordinal.
        func start(_ index: Int) -> Int {
            switch self {
            case .month: return Day.ordinal(year: index / 12, month: index % 12 + 1, day: 1)
            case .quarter: return Day.ordinal(year: index / 4, month: (index % 4) * 3 + 1, day: 1)
            case .year: return Day.ordinal(year: index, month: 1, day: 1)
            }
        }

        func name(_ index: Int) -> String {
            switch self {
            case .month: return "\(Axis.monthNames[index % 12]) \(index / 12)"
            case .quarter: return "Q\(index % 4 + 1) \(index / 4)"
            case .year: return String(index)
            }
        }

        var coarser: Bucket? {
            switch self {
            case .month: return .quarter
            case .quarter: return .year
            case .year: return nil
            }
        }

        /// The average length of a bucket, in days.
        var days: Double {
            switch self {
            case .month: return 30.44
            case .quarter: return 91.3
            case .year: return 365.25
            }
        }
    }

    static let width = 1200.0
    static let plotLeft = 220.0
    static let plotRight = 1165.0
    static let lanePadding = 6.0
    static let rowHeight = 30.0
    static let histogramHeight = 46.0
    static let groupRowHeight = 24.0
    static let maxRows = 8
    static let maxGroupRows = 4
    /// Markers carry a text label when there are at most this many.
    static let maxLabelledMarks = 60
    static let labelCharacters = 40

    /// Indices of the events with a date interval, and of those without.
    var dated: [Int] = []
    var undated: [Int] = []
    var lanes: [Lane] = []
    var axis: Axis?
    /// The bucket crowded timelines aggregate by; nil when each event has its own marker.
    var bucket: Bucket?
    /// The tallest histogram bar's count, for scaling.
    var maxBucketCount = 1
    /// Whether some lane holds keys beyond ``TimelineReport/maxLanes`` (merged into "Other").
    var mergedKeys = 0
    var distinctKeys = 0
    var mentions = 0
    var cards = 0
    var first: Day?
    var last: Day?
    /// Total height of the lanes.
    var lanesHeight = 0.0

    var markCount: Int { lanes.reduce(0) { $0 + $1.marks.count } }
    var laneNoun: String {
        switch lanesKind { case .topic: return "topic"; case .entity: return "entity" }
    }
    var lanesKind: TimelineReport.Lanes

    init(_ report: TimelineReport) {
        lanesKind = report.lanes
        let events = report.events
        var articleIDs = Set<Int64>()
        for (index, event) in events.enumerated() {
            mentions += event.mentions
            for article in event.articles { articleIDs.insert(article.id) }
            if let start = event.date.start, let end = event.date.end, start <= end {
                dated.append(index)
                if first.map({ start < $0 }) ?? true { first = start }
                if last.map({ end > $0 }) ?? true { last = end }
            } else {
                undated.append(index)
            }
        }
        cards = articleIDs.count
        guard let first, let last else { return }
        let axis = Axis(first: first, last: last)
        self.axis = axis

        buildLanes(report)
        if dated.count > TimelineReport.monthThreshold {
            var bucket: Bucket = dated.count > TimelineReport.quarterThreshold ? .quarter : .month
            while axis.scale * bucket.days < 5, let coarser = bucket.coarser { bucket = coarser }
            self.bucket = bucket
            aggregate(report, by: bucket, axis: axis)
        } else {
            placeEach(report, axis: axis)
        }
        var top = 0.0
        for index in lanes.indices {
            lanes[index].top = top
            let inner: Double
            if bucket != nil {
                let groupRows = lanes[index].marks.contains { $0.kind != .bucket } ? lanes[index].rows - 1 : 0
                inner = Self.histogramHeight + Double(groupRows) * Self.groupRowHeight
            } else {
                inner = Double(lanes[index].rows) * Self.rowHeight
            }
            lanes[index].height = inner + 2 * Self.lanePadding
            top += lanes[index].height
        }
        lanesHeight = top
    }

    /// The lanes' keys (topic slugs or entity names) of an event, without repeats.
    static func keys(of event: Event, _ lanes: TimelineReport.Lanes) -> [String] {
        let keys: [String]
        switch lanes {
        case .topic: keys = event.topics
        case .entity: keys = event.entities
        }
        var seen = Set<String>()
        return keys.filter { seen.insert($0).inserted }
    }

    private mutating func buildLanes(_ report: TimelineReport) {
        var counts: [String: Int] = [:]
        for index in dated {
            for key in Self.keys(of: report.events[index], report.lanes) { counts[key, default: 0] += 1 }
        }
        func label(_ key: String) -> String {
            if case .topic(let names) = report.lanes { return names[key] ?? key }
            return key
        }
        let sorted = counts.map { (key: $0.key, label: label($0.key), count: $0.value) }.sorted {
            if $0.count != $1.count { return $0.count > $1.count }
            let a = $0.label.lowercased(), b = $1.label.lowercased()
            return a != b ? a < b : $0.key < $1.key
        }
        distinctKeys = sorted.count
        let own = sorted.prefix(TimelineReport.maxLanes)
        mergedKeys = sorted.count - own.count
        var laneOf: [String: Int] = [:]
        for (position, entry) in own.enumerated() {
            laneOf[entry.key] = position
            lanes.append(Lane(label: entry.label, isOther: false, style: position, count: 0))
        }
        let other = lanes.count
        lanes.append(Lane(label: "Other", isOther: true, style: -1, count: 0))
        laneEvents = Array(repeating: [], count: lanes.count)
        for index in dated {
            var placed: [Int] = []
            for key in Self.keys(of: report.events[index], report.lanes) {
                let lane = laneOf[key] ?? other
                if !placed.contains(lane) { placed.append(lane) }
            }
            if placed.isEmpty { placed = [other] }
            for lane in placed.sorted() {
                laneEvents[lane].append(index)
                lanes[lane].count += 1
            }
        }
        if lanes[other].count == 0 {
            lanes.removeLast()
            laneEvents.removeLast()
        }
    }

    /// The dated events of each lane, in the report's order.
    private var laneEvents: [[Int]] = []

    static func kind(of date: PartialDate) -> Kind {
        switch date.precision {
        case .day: return date.start == date.end ? .day : .span
        case .month: return .month
        case .quarter: return .quarter
        case .year: return .year
        // A half or a third of a year is drawn as the span it covers.
        case .half, .third, .unknown: return .span
        }
    }

    static func radius(_ weight: Int) -> Double {
        min(12, 5 + 1.6 * Double(max(0, weight - 1)).squareRoot())
    }

    /// One mark per event and lane, packed into rows so they do not overlap.
    private mutating func placeEach(_ report: TimelineReport, axis: Axis) {
        let total = laneEvents.reduce(0) { $0 + $1.count }
        let labelled = total <= Self.maxLabelledMarks
        for lane in lanes.indices {
            var marks: [Mark] = laneEvents[lane].map { index in
                let event = report.events[index]
                let start = event.date.start!.ordinal, end = event.date.end!.ordinal + 1
                var mark = Mark(
                    start: start, end: end, kind: Self.kind(of: event.date), events: [index],
                    mentions: event.mentions, period: nil)
                mark.x0 = axis.x(start)
                mark.x1 = axis.x(end)
                mark.cx = (mark.x0 + mark.x1) / 2
                mark.radius = Self.radius(event.mentions)
                if labelled { mark.label = Self.truncated(event.text, Self.labelCharacters) }
                return mark
            }
            marks.sort { a, b in
                if a.start != b.start { return a.start < b.start }
                if a.end != b.end { return a.end < b.end }
                return report.events[a.events[0]].id < report.events[b.events[0]].id
            }
            var extents: [(Double, Double)] = []
            for index in marks.indices {
                var mark = marks[index]
                var left = min(mark.x0, mark.cx - mark.radius), right = max(mark.x1, mark.cx + mark.radius)
                if let label = mark.label {
                    let width = Self.textWidth(label, size: 11)
                    if mark.labelX(onLeft: false) + width <= Self.width - 4 {
                        right = mark.labelX(onLeft: false) + width
                    } else {
                        mark.labelOnLeft = true
                        left = mark.labelX(onLeft: true) - width
                    }
                }
                marks[index] = mark
                extents.append((left, right))
            }
            lanes[lane].rows = Self.pack(&marks, extents: extents, firstRow: 0, maxRows: Self.maxRows)
            lanes[lane].marks = marks
        }
    }

    /// Assigns rows from `firstRow` to marks so that extents in a row do not overlap
    /// (when `maxRows` are full, the row that ends first takes the mark); returns the rows used.
    static func pack(_ marks: inout [Mark], extents: [(Double, Double)], firstRow: Int, maxRows: Int) -> Int {
        let order = marks.indices.sorted { extents[$0].0 != extents[$1].0 ? extents[$0].0 < extents[$1].0 : $0 < $1 }
        var rowEnds: [Double] = []
        for index in order {
            let (left, right) = extents[index]
            var row = rowEnds.firstIndex { $0 + 3 <= left }
            if row == nil {
                if rowEnds.count < maxRows {
                    rowEnds.append(-.infinity)
                    row = rowEnds.count - 1
                } else {
                    row = rowEnds.indices.min { rowEnds[$0] < rowEnds[$1] }
                }
            }
            rowEnds[row!] = max(rowEnds[row!], right)
            marks[index].row = firstRow + row!
        }
        return max(1, rowEnds.count)
    }

    /// One histogram bar per lane and bucket; events vaguer than a bucket grouped by interval.
    private mutating func aggregate(_ report: TimelineReport, by bucket: Bucket, axis: Axis) {
        for lane in lanes.indices {
            var buckets: [Int: Mark] = [:]
            struct GroupKey: Hashable { var start: Int, end: Int, kind: Kind }
            var groups: [GroupKey: Mark] = [:]
            for index in laneEvents[lane] {
                let event = report.events[index]
                let start = event.date.start!, end = event.date.end!
                let first = bucket.index(start)
                if first == bucket.index(end) {
                    let bucketStart = bucket.start(first)
                    buckets[first, default: Mark(
                        start: bucketStart, end: bucket.start(first + 1), kind: .bucket, events: [], mentions: 0,
                        period: bucket.name(first))].add(index, event.mentions)
                } else {
                    let key = GroupKey(start: start.ordinal, end: end.ordinal + 1, kind: Self.kind(of: event.date))
                    groups[key, default: Mark(
                        start: key.start, end: key.end, kind: key.kind, events: [], mentions: 0,
                        period: Self.period(event.date))].add(index, event.mentions)
                }
            }
            var bars = buckets.keys.sorted().map { buckets[$0]! }
            for index in bars.indices {
                bars[index].x0 = axis.x(bars[index].start)
                bars[index].x1 = axis.x(bars[index].end)
                bars[index].cx = (bars[index].x0 + bars[index].x1) / 2
                maxBucketCount = max(maxBucketCount, bars[index].events.count)
            }
            var vague = groups.keys.sorted { ($0.start, $0.end, $0.kind.rawValue) < ($1.start, $1.end, $1.kind.rawValue) }
                .map { groups[$0]! }
            var extents: [(Double, Double)] = []
            for index in vague.indices {
                vague[index].x0 = axis.x(vague[index].start)
                vague[index].x1 = axis.x(vague[index].end)
                vague[index].cx = (vague[index].x0 + vague[index].x1) / 2
                let label = "\(vague[index].events.count)"
                vague[index].label = label
                extents.append((vague[index].x0, max(vague[index].x1, vague[index].x0 + Self.textWidth(label, size: 10) + 8)))
            }
            let groupRows = vague.isEmpty ? 0 : Self.pack(&vague, extents: extents, firstRow: 1, maxRows: Self.maxGroupRows)
            lanes[lane].rows = 1 + groupRows
            lanes[lane].marks = bars + vague
        }
    }

    /// "2024" for a year, "Q3 2025", "October 2024": the period a vague date names.
    static func period(_ date: PartialDate) -> String {
        guard let start = date.start, let end = date.end else { return date.text }
        switch kind(of: date) {
        case .year: return String(start.year)
        case .quarter: return "Q\((start.month - 1) / 3 + 1) \(start.year)"
        case .month: return "\(Axis.monthNames[start.month - 1]) \(start.year)"
        default: return start == end ? start.iso : "\(start.iso) – \(end.iso)"
        }
    }

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

extension TimelineLayout.Mark {
    /// Where a label starts (or, on the left, ends): past the marker and the bar, so it hides neither.
    func labelX(onLeft: Bool) -> Double {
        onLeft ? min(cx - radius, x0) - 4 : max(cx + radius, x1) + 4
    }

    mutating func add(_ index: Int, _ mentions: Int) {
        events.append(index)
        self.mentions += mentions
    }
}

extension String {
    fileprivate func trimmingTrailingPunctuation() -> String {
        var text = self
        while let last = text.last, " ,;:-，、".contains(last) { text.removeLast() }
        return text
    }
}

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

extension Day {
    /// Days since 1970-01-01 (negative before), for any proleptic Gregorian date.
    static func ordinal(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Days since 1970-01-01.
    var ordinal: Int { Self.ordinal(year: year, month: month, day: day) }
}
