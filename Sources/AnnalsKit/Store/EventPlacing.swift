/// The one decision the store asks for while it writes a timeline entry: which stored
/// event, if any, the entry is a mention of.
///
/// The store finds the candidates (the events of the entry's year that share its terms)
/// and writes the answer; the rule that decides lives with classification
/// (``EventMerger``, handed to ``Archive/store(_:merger:receivedAt:)`` by the ``Ingestor``),
/// so the store knows how to ask without knowing how it is decided.
public protocol EventPlacing: Sendable {
    /// Whether `term` is distinctive enough to look candidate events up by.
    func isDistinctive(_ term: String) -> Bool

    /// The event among `candidates` that a mention with these facts and this date joins,
    /// and the events it brings into it; ``EventPlacement/new`` for a new event.
    func placement(for facts: EntryFacts, dated date: PartialDate, among candidates: [EventCandidate]) -> EventPlacement
}
