/// What an `annals export` or listing can be about.
public enum RecordKind: String, CaseIterable, Sendable {
    /// Real-world events, each with its mentions (``Event``).
    case events
    /// Articles, one line each (``ArticleRow``).
    case articles
    /// Articles' key takeaways (``TakeawayRow``).
    case takeaways
    /// Articles' future implications (``ImplicationRow``).
    case implications
    /// Timeline entries: each dated mention of an event by an article (``TimelineRow``).
    case timeline
}
