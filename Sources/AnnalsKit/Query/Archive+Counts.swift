import GRDB

/// What a count is grouped by: nothing (one total), a calendar period, or a facet.
public enum CountGrouping: String, Sendable, Hashable, CaseIterable {
    /// No grouping: one row, labelled `total`, with the number of matching records.
    case total
    /// By calendar year, labelled `2024`.
    case year
    /// By calendar quarter, labelled `2024-Q3`.
    case quarter
    /// By calendar month, labelled `2024-10`.
    case month
    /// By topic, labelled with its slug; a record counts once under each of its topics.
    case topic
    /// By entity, labelled with its canonical name; a record counts once under each of its entities.
    case entity
    /// By source name; an event counts once under the source of each article that mentions it.
    case source

    /// Whether the groups are calendar periods (shown in date order, empty ones included).
    public var isPeriod: Bool { self == .year || self == .quarter || self == .month }
}

/// One group of a count: a period (`2024`, `2024-Q3`, `2024-10`) or a facet value (a
/// topic slug, entity or source name), and how many records it holds.
///
/// With periods, a record is counted in the period that holds its whole interval; two
/// further rows count what no single period holds: ``CountRow/coarserLabel`` (dated less
/// precisely than the period: a `2024` event by month) and ``CountRow/undatedLabel``.
public struct CountRow: Sendable, Hashable {
    /// What the rows are grouped by.
    public var grouping: CountGrouping
    /// `total`, a period (`2024`, `2024-Q3`, `2024-10`), a topic slug, an entity or source name, or an extra row's label.
    public var label: String
    /// The period's first day (inclusive); nil for facets and the two extra rows.
    public var start: Day?
    /// The period's last day (inclusive); nil for facets and the two extra rows.
    public var end: Day?
    /// How many matching records the group holds.
    public var count: Int

    /// A row with these values; ``Archive/counts(_:matching:by:)`` and ``periods(_:by:since:until:)`` build these.
    public init(grouping: CountGrouping, label: String, start: Day? = nil, end: Day? = nil, count: Int) {
        self.grouping = grouping
        self.label = label
        self.start = start
        self.end = end
        self.count = count
    }

    /// Intervals (a record's first and last day, nil when undated) counted by `grouping`, a
    /// calendar period: every period from `since`'s (else the first interval's) to
    /// `until`'s (else the last interval's), empty ones included, then the
    /// ``coarserLabel`` and ``undatedLabel`` rows when they count anything.
    public static func periods(
        _ intervals: [(start: Day?, end: Day?)], by grouping: CountGrouping, since: Day? = nil, until: Day? = nil
    ) -> [CountRow] {
        precondition(grouping.isPeriod, "a period grouping")
        var periods: [Period: Int] = [:]
        var coarser = 0, undated = 0
        for (start, end) in intervals {
            guard let start, let end else {
                undated += 1
                continue
            }
            let period = Period(grouping, containing: start)
            if period == Period(grouping, containing: end) { periods[period, default: 0] += 1 } else { coarser += 1 }
        }
        var rows: [CountRow] = []
        let first = since.map { Period(grouping, containing: $0) } ?? periods.keys.min()
        let last = until.map { Period(grouping, containing: $0) } ?? periods.keys.max()
        if let first, let last, first <= last {
            var period = first
            while period <= last {
                rows.append(CountRow(grouping: grouping, label: period.label, start: period.start, end: period.end, count: periods[period] ?? 0))
                guard let next = period.next else { break }
                period = next
            }
        }
        if coarser > 0 { rows.append(CountRow(grouping: grouping, label: coarserLabel, count: coarser)) }
        if undated > 0 { rows.append(CountRow(grouping: grouping, label: undatedLabel, count: undated)) }
        return rows
    }

    /// The row of records dated, but not within one period of the grouping.
    public static let coarserLabel = "(less precise)"
    /// The row of records with no date that could be read.
    public static let undatedLabel = "(undated)"
}

/// How counting reaches one kind of row: its table and joins, the filter it answers to,
/// and the columns the groups are read from.
private struct CountTarget {
    /// `FROM …` up to the conditions.
    var from: String
    /// The row's own id.
    var id: String
    var filter: FilterTarget
    var start: String
    var end: String
    /// The column the tag tables point to and their prefix (`event` or `article`).
    var tagged: String
    var tags: String
    /// The row's own source name, or nil when it comes through its mentions (events).
    var source: String?

    static func of(_ kind: RecordKind) -> CountTarget {
        let articleJoin = "JOIN articles a ON a.id = x.article_id JOIN sources s ON s.id = a.source_id"
        switch kind {
        case .events:
            return CountTarget(
                from: "FROM events e", id: "e.id", filter: .events, start: "e.start", end: "e.end", tagged: "e.id", tags: "event",
                source: nil)
        case .articles:
            return CountTarget(
                from: "FROM articles a JOIN sources s ON s.id = a.source_id", id: "a.id", filter: .article(row: "a.id", kind: .article),
                start: "a.day", end: "a.day", tagged: "a.id", tags: "article", source: "s.name")
        case .takeaways, .implications:
            let searchKind: SearchKey = kind == .takeaways ? .takeaway : .implication
            return CountTarget(
                from: "FROM \(kind.rawValue) x \(articleJoin)", id: "x.id", filter: .article(row: "x.id", kind: searchKind),
                start: "a.day", end: "a.day", tagged: "a.id", tags: "article", source: "s.name")
        case .timeline:
            return CountTarget(
                from: "FROM timeline_entries x \(articleJoin)", id: "x.id", filter: .timeline, start: "x.start", end: "x.end",
                tagged: "x.event_id", tags: "event", source: "s.name")
        }
    }

    /// `FROM … WHERE …` for the rows of `filter` (its limit and offset aside).
    func matching(_ filter: QueryFilter) -> (sql: String, arguments: StatementArguments) {
        if tags == "event" && source == nil {
            let events = Archive.matchingEvents(filter)
            return (from + "\n" + events.sql, events.arguments)
        }
        let conditions = self.filter.conditions(filter)
        return (from + "\n" + conditions.sql, conditions.arguments)
    }
}

extension Archive {
    /// How many records of `kind` match `filter` (its limit and offset aside).
    public func count(_ kind: RecordKind, matching filter: QueryFilter) throws -> Int {
        let filter = try filter.validated()
        let (sql, arguments) = CountTarget.of(kind).matching(filter)
        return try writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) \(sql)", arguments: arguments) ?? 0 }
    }

    /// The records of `kind` matching `filter`, counted by `grouping` (limit and offset
    /// aside). Periods come in date order, every one from the first to the last, empty
    /// ones included: from the filter's `since` (else the first record's period) to its
    /// `until` (else the last record's), then the ``CountRow/coarserLabel`` and
    /// ``CountRow/undatedLabel`` rows when they count anything. Facets come most first,
    /// then by name; an event counts once for each topic, entity or source it has, so
    /// facet counts may add up to more than the total.
    public func counts(_ kind: RecordKind, matching filter: QueryFilter, by grouping: CountGrouping) throws -> [CountRow] {
        let filter = try filter.validated()
        let target = CountTarget.of(kind)
        let (matching, arguments) = target.matching(filter)
        switch grouping {
        case .total:
            return [CountRow(grouping: .total, label: "total", count: try count(kind, matching: filter))]
        case .year, .quarter, .month:
            var intervals: [(Day?, Day?)] = []
            try writer.read { db in
                let rows = try Row.fetchCursor(db, sql: "SELECT \(target.start), \(target.end) \(matching)", arguments: arguments)
                while let row = try rows.next() {
                    intervals.append(((row[0] as String?).flatMap(Day.init(iso:)), (row[1] as String?).flatMap(Day.init(iso:))))
                }
            }
            return CountRow.periods(intervals, by: grouping, since: filter.since, until: filter.until)
        case .topic, .entity, .source:
            let sql: String
            switch grouping {
            case .topic:
                sql = """
                    SELECT t.slug, count(DISTINCT m.id) FROM (SELECT \(target.id) AS id, \(target.tagged) AS tagged \(matching)) m
                    JOIN \(target.tags)_topics g ON g.\(target.tags)_id = m.tagged JOIN topics t ON t.id = g.topic_id
                    GROUP BY t.slug ORDER BY count(DISTINCT m.id) DESC, min(t.position), t.slug
                    """
            case .entity:
                sql = """
                    SELECT n.name, count(DISTINCT m.id) FROM (SELECT \(target.id) AS id, \(target.tagged) AS tagged \(matching)) m
                    JOIN \(target.tags)_entities g ON g.\(target.tags)_id = m.tagged JOIN entities n ON n.id = g.entity_id
                    GROUP BY n.name ORDER BY count(DISTINCT m.id) DESC, n.name
                    """
            default:
                if let source = target.source {
                    sql = "SELECT \(source) AS name, count(*) \(matching) GROUP BY name ORDER BY count(*) DESC, name"
                } else {
                    // An event's sources are those of the articles that mention it.
                    sql = """
                        SELECT s.name, count(DISTINCT m.id) FROM (SELECT e.id AS id \(matching)) m
                        JOIN timeline_entries te ON te.event_id = m.id JOIN articles a ON a.id = te.article_id
                        JOIN sources s ON s.id = a.source_id
                        GROUP BY s.name ORDER BY count(DISTINCT m.id) DESC, s.name
                        """
                }
            }
            return try writer.read { db in
                try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                    CountRow(grouping: grouping, label: row[0], count: row[1])
                }
            }
        }
    }
}

/// A calendar year, quarter or month, ordered in time.
private struct Period: Hashable, Comparable {
    var grouping: CountGrouping
    var year: Int
    /// The quarter (1…4) or month (1…12); 0 for a year.
    var part: Int

    init(_ grouping: CountGrouping, containing day: Day) {
        self.grouping = grouping
        year = day.year
        switch grouping {
        case .quarter: part = (day.month - 1) / 3 + 1
        case .month: part = day.month
        default: part = 0
        }
    }

    private init(grouping: CountGrouping, year: Int, part: Int) {
        self.grouping = grouping
        self.year = year
        self.part = part
    }

    var label: String {
        let y = String(year)
        switch grouping {
        case .quarter: return "\(y)-Q\(part)"
        case .month: return y + (part < 10 ? "-0" : "-") + String(part)
        default: return y
        }
    }

    /// The months the period runs over.
    private var months: ClosedRange<Int> {
        switch grouping {
        case .quarter: return (part * 3 - 2)...(part * 3)
        case .month: return part...part
        default: return 1...12
        }
    }

    var start: Day? { Day(year: year, month: months.lowerBound, day: 1) }
    var end: Day? { Day(year: year, month: months.upperBound, day: Day.daysIn(month: months.upperBound, year: year)) }

    var next: Period? {
        let parts = grouping == .quarter ? 4 : (grouping == .month ? 12 : 0)
        if parts > 0 && part < parts { return Period(grouping: grouping, year: year, part: part + 1) }
        guard year < 9999 else { return nil }
        return Period(grouping: grouping, year: year + 1, part: parts > 0 ? 1 : 0)
    }

    static func < (a: Period, b: Period) -> Bool { (a.year, a.part) < (b.year, b.part) }
}
