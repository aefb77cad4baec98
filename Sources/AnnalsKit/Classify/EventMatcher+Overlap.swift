// How much two term lists share, by the weight of each term: the measures the matcher's
// likeness rules read.

extension EventMatcher {
    /// What two term lists share, by weight (``weight(of:kinds:)``).
    public struct Overlap: Sendable {
        /// 2·w(A ∩ B) / (w(A) + w(B)).
        public var dice: Double
        /// w(A ∩ B) / min(w(A), w(B)).
        public var containment: Double
        /// w(A ∩ B) without the common terms.
        public var distinctive: Double
        /// w(A ∩ B) of words alone: not entities, names or identifiers. Two lines that share
        /// only who (`OpenAI`, `DeepSeek`) may tell two things they did.
        public var content: Double
        /// Shared terms that weigh more than a word: entities that are firms, people,
        /// products or lists, proper names, identifiers.
        public var anchors: Int

        /// The overlap of term lists `a` and `b`; `kinds` maps an entity term to its kind, which
        /// sets its weight.
        public init(_ a: [String], _ b: [String], kinds: [String: String] = [:]) {
            // Keys' terms are sorted and unique: one merge of the two lists, no sets.
            let (a, b) = (EventKey.sortedUnique(a), EventKey.sortedUnique(b))
            var totalA = 0.0, totalB = 0.0, shared = 0.0, distinctive = 0.0, content = 0.0, anchors = 0
            var i = 0, j = 0
            while i < a.count || j < b.count {
                if j == b.count || (i < a.count && a[i] < b[j]) {
                    totalA += EventMatcher.weight(of: a[i], kinds: kinds)
                    i += 1
                } else if i == a.count || b[j] < a[i] {
                    totalB += EventMatcher.weight(of: b[j], kinds: kinds)
                    j += 1
                } else {
                    let term = a[i], weight = EventMatcher.weight(of: term, kinds: kinds)
                    totalA += weight
                    totalB += weight
                    shared += weight
                    if weight > EventKey.commonWeight { distinctive += weight }
                    if weight == 1, !term.hasPrefix("@") { content += weight }
                    if weight > 1 { anchors += 1 }
                    i += 1
                    j += 1
                }
            }
            dice = totalA + totalB > 0 ? 2 * shared / (totalA + totalB) : 0
            containment = min(totalA, totalB) > 0 ? shared / min(totalA, totalB) : 0
            self.distinctive = distinctive
            self.content = content
            self.anchors = anchors
        }
    }

    /// How much sharing `term` says: ``EventKey/commonWeight`` for ``EventKey/commonTerms``
    /// and countries and blocs; 2 for an entity that is a firm, person, product or list,
    /// 1.5 for a proper name or an identifier the taxonomy does not know; 1 otherwise.
    public static func weight(of term: String, kinds: [String: String]) -> Double {
        if term.hasPrefix("@") {
            switch kinds[term] {
            case "country", "bloc", nil: return EventKey.commonWeight
            case "agency": return 1
            default: return 2
            }
        }
        if term.hasPrefix("^") || EventKey.isIdentifier(term) { return 1.5 }
        return EventKey.weight(of: term)
    }

    /// The weighted Dice coefficient of two term lists (``Overlap/dice``, weights from
    /// ``weight(of:kinds:)``): from 0 (nothing in common) to 1 (the same terms); 0 when both
    /// are empty.
    public static func similarity(_ a: [String], _ b: [String], kinds: [String: String] = [:]) -> Double {
        Overlap(a, b, kinds: kinds).dice
    }
}
