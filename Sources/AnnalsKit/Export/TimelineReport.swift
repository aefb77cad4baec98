/// A picture of an answer: the events of a question on a time axis, one lane per topic
/// (or entity), as a self-contained HTML page (``html()``) or an SVG picture (``svg()``).
///
/// Pure: it renders the events it is given, reads no database and touches no file; the
/// `annals report` command fetches the events and writes the result.
///
/// What it draws, and why:
/// - **Dates as intervals.** An event sits over the interval its date names: a day is a
///   point, `2024-10` a bar over October, `Q3 2025` a dashed bar over the quarter, `2024`
///   a hatched, dashed bar over the whole year. The vaguer the date, the longer and
///   fainter its bar, so a year-precision event never looks as exact as a dated one.
///   The marker (a shape at the middle of the interval) grows with the event's mentions.
/// - **Lanes.** One lane per topic (``Lanes/topic(names:)``) or per entity
///   (``Lanes/entity``), the busiest first, then by name; events with none go to the
///   last lane, "Other". At most ``maxLanes`` lanes have their own row: the rest share
///   "Other". An event with several topics (entities) appears **in each of its lanes**,
///   so every lane shows its whole story; the table lists it once.
/// - **Crowding.** Above ``monthThreshold`` dated events, each lane becomes a histogram:
///   one bar per month (above ``quarterThreshold``: per quarter; coarser when a bucket
///   would be thinner than a few pixels) whose height is the number of events. Events
///   whose date is vaguer than a bucket (a year when bucketing by month) are not forced
///   into one: they are grouped by their own interval and drawn hatched as above. The
///   header says so, and the table lists every event.
/// - **Unreadable dates** have no interval: such events are listed in the table and
///   counted in a note, never placed on the axis.
/// - **Grey-scale safe.** Lanes differ by position, label and marker shape, not only by
///   color (the Okabe–Ito palette, with dark outlines).
/// - **Self-contained and inert.** No external resource (no `src`, `href` or `url()`
///   leaves the file; a Content-Security-Policy forbids loading any), all text escaped
///   (card text is untrusted), one small inline script whose hash the policy allows: it
///   only pins an event's details on click or Enter. Without it, hovering still shows
///   each marker's `<title>` and a click jumps to the event's row in the table.
/// - **Deterministic.** The same events and strings give the same bytes: lanes are sorted,
///   ids are the events' ids and the markers' order; `generatedAt` is supplied.
public struct TimelineReport: Sendable {
    /// What the lanes of the timeline are.
    public enum Lanes: Sendable, Hashable {
        /// One lane per topic; `names` maps topic slugs to the names shown (a slug without
        /// a name is shown as is).
        case topic(names: [String: String])
        /// One lane per entity.
        case entity
    }

    /// Above this many dated events, the timeline aggregates per month.
    public static let monthThreshold = 150
    /// Above this many dated events, the timeline aggregates per quarter.
    public static let quarterThreshold = 600
    /// The most lanes with a row of their own; the others share "Other".
    public static let maxLanes = 12

    /// The events drawn on the timeline and listed in the table, in the table's order.
    public var events: [Event]
    /// The report's heading, usually the question asked.
    public var title: String
    /// How the question was understood (``ParsedQuestion/understanding``), shown under the title; nil shows none.
    public var understanding: String?
    /// What the lanes are: one per topic or one per entity.
    public var lanes: Lanes
    /// When the report was made, as any text (e.g. `2026-05-02 14:03 UTC`), shown in the footer.
    public var generatedAt: String
    /// Topic names for the table and details (slug → name); by default those of
    /// ``Lanes/topic(names:)``.
    public var topicNames: [String: String]

    /// A report of `events` (shown in the table in this order), headed by `title` (the
    /// question) and how it was `understanding`, stamped `generatedAt` (any text, e.g.
    /// `2026-05-02 14:03 UTC`; passed in so the output is reproducible).
    public init(
        events: [Event], title: String, understanding: String?, lanes: Lanes, generatedAt: String,
        topicNames: [String: String]? = nil
    ) {
        self.events = events
        self.title = title
        self.understanding = understanding
        self.lanes = lanes
        self.generatedAt = generatedAt
        if let topicNames {
            self.topicNames = topicNames
        } else if case .topic(let names) = lanes {
            self.topicNames = names
        } else {
            self.topicNames = [:]
        }
    }

    /// The timeline picture alone, as a standalone SVG document (title, axis, lanes,
    /// legend), for slides.
    public func svg() -> String {
        var out = ""
        TimelineSVG(layout: TimelineLayout(self), report: self, standalone: true).write(into: &out)
        return out
    }

    /// The whole report as one self-contained HTML page: a header with the question, how
    /// it was understood and counts; the timeline; the same events as a table.
    public func html() -> String {
        TimelineHTML(report: self, layout: TimelineLayout(self)).render()
    }

    func topicName(_ slug: String) -> String { topicNames[slug] ?? slug }
}
