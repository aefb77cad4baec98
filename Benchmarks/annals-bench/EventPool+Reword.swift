// Rewording a background event as another reporter might write it.

/// Rewordings a careful reporter might make of a background event: a verb synonym, a
/// connective, "US" for "U.S.", a dropped adjective, an attribution at the end. None
/// changes an entity or the date.
enum Reword {
    /// Verb phrases and their synonyms (with surrounding spaces, so they match words).
    static let verbs: [(String, [String])] = [
        (" expands ", [" broadens ", " widens ", " extends "]),
        (" tightens ", [" toughens ", " strengthens "]),
        (" restricts ", [" curbs ", " limits "]),
        (" bans ", [" prohibits "]),
        (" imposes ", [" announces ", " introduces "]),
        (" announces ", [" unveils "]),
        (" releases ", [" launches ", " unveils "]),
        (" launches ", [" introduces ", " unveils "]),
        (" unveils ", [" presents ", " announces "]),
        (" opens an ", [" launches an "]),
        (" files a ", [" brings a "]),
        (" approves ", [" clears "]),
        (" publishes ", [" issues ", " releases "]),
        (" passes ", [" adopts "]),
        (" adopts ", [" endorses "]),
        (" begins ", [" starts "]),
        (" raises ", [" secures "]),
        (" acquires ", [" buys "]),
        (" warns of ", [" cautions about "]),
        (" requires ", [" mandates "]),
        (" tells ", [" orders "]),
        (" hosts ", [" holds ", " convenes "]),
        (" signs a ", [" strikes a "]),
        (" ships its first ", [" delivers its first "]),
        (" charges ", [" indicts "]),
        (" enters into force", [" takes effect"]),
        (" take effect", [" come into force"]),
    ]
    static let connectives: [(String, [String])] = [
        (" to include ", [" with "]),
        (" citing ", [" over "]),
        (" in favour of ", [" for "]),
        (" bound for ", [" destined for "]),
    ]
    static let adjectives = ["advanced", "new", "sweeping", "stricter", "several"]
    static let attributions = [
        ", officials said.", ", according to people familiar with the matter.", ", according to a government statement.",
        ", reports said.", ", according to a filing.", ", sources said.",
    ]

    /// `text` with one or two edits, always different from `text`.
    static func reword(_ text: String, _ rng: inout Rng) -> String {
        var spaced = " " + text
        var kinds: [Int] = []
        if verbs.contains(where: { spaced.contains($0.0) }) || spaced.contains(" adds ") && spaced.contains(" to the Entity List") { kinds.append(0) }
        if connectives.contains(where: { spaced.contains($0.0) }) { kinds.append(1) }
        if spaced.contains(" US ") { kinds.append(2) }
        if droppable(spaced) != nil { kinds.append(3) }
        if text.hasSuffix(".") { kinds.append(4) }
        rng.shuffle(&kinds)
        let count = kinds.count > 1 && rng.chance(0.35) ? 2 : 1
        for kind in kinds.prefix(count) {
            switch kind {
            case 0:
                if spaced.contains(" adds ") && (spaced.contains(" to the Entity List") || spaced.contains(" to its unreliable")) {
                    spaced = spaced.replacingFirst(" adds ", " places ")
                    spaced = spaced.replacingFirst(" to the Entity List", " on the Entity List")
                    spaced = spaced.replacingFirst(" to its unreliable", " on its unreliable")
                } else {
                    let (from, options) = verbs.first { spaced.contains($0.0) }!
                    spaced = spaced.replacingFirst(from, rng.pick(options))
                }
            case 1:
                let (from, options) = connectives.first { spaced.contains($0.0) }!
                spaced = spaced.replacingFirst(from, rng.pick(options))
            case 2:
                spaced = spaced.replacingAll(" US ", " U.S. ")
            case 3:
                if let word = droppable(spaced) { spaced = spaced.replacingFirst(" " + word + " ", " ") }
            default:
                if spaced.hasSuffix(".") { spaced = String(spaced.dropLast()) + rng.pick(attributions) }
            }
        }
        return String(spaced.dropFirst())
    }

    /// An adjective that can go without breaking the sentence ("a new" stays: "a" would then
    /// need to agree with the next word).
    private static func droppable(_ spaced: String) -> String? {
        for word in adjectives where spaced.contains(" " + word + " ") {
            if spaced.contains(" a " + word + " ") || spaced.contains(" an " + word + " ") { continue }
            return word
        }
        return nil
    }
}

extension String {
    func replacingFirst(_ target: String, _ replacement: String) -> String {
        guard let range = Substring(self).firstRange(ofBytes: target) else { return self }
        return String(self[..<range.lowerBound]) + replacement + String(self[range.upperBound...])
    }
}
