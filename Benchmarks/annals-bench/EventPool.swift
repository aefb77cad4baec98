/// What a card is about; pool events and cards share it, so a card's timeline mostly
/// cites background events on its own subject.
enum Topic: String, CaseIterable {
    case exportControls = "export-controls"
    case entityList = "entity-list"
    case sanctions
    case memory
    case lithography
    case foundry
    case chinaChips = "china-chips"
    case models
    case regulation
    case lawsuits
    case antitrust
    case dataCentres = "data-centres"
    case security
    case investment
    case minerals
    case diplomacy
}

/// A pattern for background events, with the slot that may be swapped to make a
/// near-miss twin (Huawei vs SMIC, same month) and the years it is plausible in.
struct EventTemplate {
    var topic: Topic
    var pattern: Pattern
    var swap: Int?
    var years: ClosedRange<Int>
    /// The event can happen only once (a model is released once): its text is never reused.
    var once: Bool

    /// Slots that do not make two events different (an amount, a count, a reason): two
    /// events that differ only there, at overlapping dates, could be one event reported two
    /// ways, so the pool never holds both.
    var loose: [String: String]

    init(
        _ topic: Topic, _ pattern: String, swap: String? = nil, loose: [String] = [], years: ClosedRange<Int> = 2018...2026,
        once: Bool = false
    ) {
        self.topic = topic
        let compiled = Pattern(pattern, Vocabulary.all)
        self.pattern = compiled
        self.swap = swap.map { name in compiled.names.firstIndex(of: name)! }
        precondition(swap.map { !loose.contains($0) } ?? true, "the swapped slot cannot be loose")
        self.loose = Dictionary(uniqueKeysWithValues: loose.map { name in
            precondition(compiled.names.contains(name), "no slot \(name) in \(pattern)")
            return (name, "#")
        })
        self.years = years
        self.once = once
    }

    /// What must differ between two events at overlapping dates: the text with the loose slots blanked.
    func identity(_ choice: [Int]) -> String { pattern.fill(choice, bound: loose) }

    /// The choice that fills the named slots with the given values (the others with their first value).
    func choice(_ values: [String: String]) -> [Int] {
        pattern.names.enumerated().map { index, name in
            guard let value = values[name] else { return 0 }
            return pattern.lists[index].firstIndex { $0[0] == value }!
        }
    }
}

/// A background event: a real-world happening that many cards mention.
struct PoolEvent {
    var id: Int
    var topic: Topic
    var date: GenDate
    var text: String
    /// The event it was built to be confused with, and how ("entity" or "month").
    var nearMissOf: Int?
    var nearMiss: String?
}

/// The background events of a corpus, built from the seed alone.
struct EventPool {
    let events: [PoolEvent]
    /// Event indexes by topic.
    let byTopic: [Topic: [Int]]
    /// Every canonical text, so one-off events never repeat one.
    let texts: Set<String>

    /// The default size for a corpus of `cards` cards: max(200, cards/25), at most 5,000.
    static func defaultSize(cards: Int) -> Int { min(5000, max(200, cards / 25)) }

    init(seed: UInt64, size: Int) {
        var rng = Rng(seed: seed, stream: 0x504F_4F4C)  // "POOL"
        var events: [PoolEvent] = []
        var seen: [String: [GenDate]] = [:]

        // By identity (see EventTemplate.identity): the dates already taken.
        func conflicts(_ identity: String, _ date: GenDate, once: Bool) -> Bool {
            guard let dates = seen[identity] else { return false }
            return once || dates.contains { $0.overlaps(date) }
        }
        func add(_ topic: Topic, _ date: GenDate, _ text: String, identity: String, nearMissOf: Int? = nil, kind: String? = nil) {
            events.append(PoolEvent(id: events.count + 1, topic: topic, date: date, text: text, nearMissOf: nearMissOf, nearMiss: kind))
            seen[identity, default: []].append(date)
        }

        for fixed in Self.fixedEvents where events.count < size {
            add(fixed.topic, fixed.date, fixed.text, identity: fixed.text)
        }
        let templates = Self.templates
        // Fixed near misses: Huawei vs SMIC in one month, and the same wording a month later.
        if events.count + 4 <= size, let t = templates.first(where: { $0.pattern.source.contains("affiliates to the Entity List citing") }) {
            let base = GenDate(year: 2025, month: 3, day: 0)
            let huawei = t.choice(["count": "several", "chinaCo": "Huawei"])
            let smic = t.choice(["count": "several", "chinaCo": "SMIC"])
            add(t.topic, base, t.pattern.fill(huawei), identity: t.identity(huawei))
            let first = events.count
            add(t.topic, base, t.pattern.fill(smic), identity: t.identity(smic), nearMissOf: first, kind: "entity")
            add(t.topic, base.shiftedMonth(1), t.pattern.fill(huawei), identity: t.identity(huawei), nearMissOf: first, kind: "month")
        }

        var exhausted = Set<Int>()
        var failures = [Int](repeating: 0, count: templates.count)
        while events.count < size && exhausted.count < templates.count {
            let t = rng.below(templates.count)
            if exhausted.contains(t) { continue }
            let template = templates[t]
            let choice = template.pattern.choose(&rng)
            let date = rng.timelineDate(years: template.years)
            let text = template.pattern.fill(choice)
            let identity = template.identity(choice)
            if conflicts(identity, date, once: template.once) {
                failures[t] += 1
                if failures[t] > 200 { exhausted.insert(t) }
                continue
            }
            failures[t] = 0
            add(template.topic, date, text, identity: identity)
            let original = events.count
            // Near-miss twins, on purpose: a merger that over-merges must be caught.
            if events.count < size, let swap = template.swap, rng.chance(0.08) {
                var other = choice
                other[swap] = (choice[swap] + 1 + rng.below(template.pattern.lists[swap].count - 1))
                    % template.pattern.lists[swap].count
                let twinIdentity = template.identity(other)
                if !conflicts(twinIdentity, date, once: template.once) {
                    add(template.topic, date, template.pattern.fill(other), identity: twinIdentity, nearMissOf: original, kind: "entity")
                }
            }
            if events.count < size, !template.once, date.precision == .month, rng.chance(0.06) {
                let next = date.shiftedMonth(rng.chance(0.5) ? 1 : -1)
                if (2018...2026).contains(next.year), !conflicts(identity, next, once: false) {
                    add(template.topic, next, text, identity: identity, nearMissOf: original, kind: "month")
                }
            }
        }
        self.events = events
        var byTopic: [Topic: [Int]] = [:]
        for (index, event) in events.enumerated() { byTopic[event.topic, default: []].append(index) }
        self.byTopic = byTopic
        texts = Set(events.map(\.text))
    }

    /// A pool event for a card about `topic`: usually on that topic, skewed so that some
    /// events (the famous ones listed first) are cited far more than others.
    func pick(topic: Topic, _ rng: inout Rng) -> Int {
        let candidates: [Int]
        if rng.chance(0.6), let list = byTopic[topic], !list.isEmpty {
            candidates = list
        } else {
            return Int(Double(events.count) * skewed(&rng))
        }
        return candidates[Int(Double(candidates.count) * skewed(&rng))]
    }

    private func skewed(_ rng: inout Rng) -> Double {
        let u = rng.unit()
        return u * (0.35 + 0.65 * u)  // denser near 0, still reaching 1
    }
}

extension String {
    func replacingAll(_ target: String, _ replacement: String) -> String {
        var out = ""
        var rest = Substring(self)
        while let range = rest.firstRange(ofBytes: target) {
            out += rest[..<range.lowerBound]
            out += replacement
            rest = rest[range.upperBound...]
        }
        out += rest
        return out
    }
}

extension Substring {
    /// The first occurrence of `target` (byte-wise, on UTF-8).
    func firstRange(ofBytes target: String) -> Range<Index>? {
        let needle = Array(target.utf8)
        guard let first = needle.first else { return nil }
        let hay = self.utf8
        var i = hay.startIndex
        while i != hay.endIndex {
            if hay[i] == first {
                var j = i
                var k = 0
                while k < needle.count, j != hay.endIndex, hay[j] == needle[k] {
                    hay.formIndex(after: &j)
                    k += 1
                }
                if k == needle.count { return i..<j }
            }
            hay.formIndex(after: &i)
        }
        return nil
    }
}
