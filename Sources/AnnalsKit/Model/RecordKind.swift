/// What an `annals export` or listing can be about.
public enum RecordKind: String, CaseIterable, Sendable {
    case events, articles, takeaways, implications, timeline
}
