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
    private(set) var laneEvents: [[Int]] = []

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
}
