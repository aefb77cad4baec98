// Placing a timeline's marks: one per event and lane, packed into rows, or (when crowded)
// one histogram bar per bucket with the vaguer events grouped by interval.

extension TimelineLayout {
    /// One mark per event and lane, packed into rows so they do not overlap.
    mutating func placeEach(_ report: TimelineReport, axis: Axis) {
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
    mutating func aggregate(_ report: TimelineReport, by bucket: Bucket, axis: Axis) {
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
