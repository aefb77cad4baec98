// The merger (Classify) answers the store's question (Store): the conformance lives here,
// above both, so that neither folder names the other's types for it.
extension EventMerger: EventPlacing {}
