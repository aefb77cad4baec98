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

extension EventPool {
    struct Fixed {
        var topic: Topic
        var date: GenDate
        var text: String
    }

    private static func d(_ text: String) -> GenDate {
        let p = text.split(separator: "-").map { Int($0)! }
        return GenDate(year: p[0], month: p.count > 1 ? p[1] : 0, day: p.count > 2 ? p[2] : 0)
    }

    /// Well-known events, at the head of the pool: cards cite them most.
    static let fixedEvents: [Fixed] = [
        Fixed(topic: .exportControls, date: d("2024-10"), text: "US expands export controls on advanced AI chips to include stricter performance thresholds for China."),
        Fixed(topic: .exportControls, date: d("2022-10"), text: "US imposes sweeping export controls on advanced computing chips and chipmaking tools bound for China."),
        Fixed(topic: .entityList, date: d("2019-05"), text: "US Commerce Department adds Huawei to the Entity List."),
        Fixed(topic: .entityList, date: d("2020-12"), text: "US Commerce Department adds SMIC to the Entity List."),
        Fixed(topic: .sanctions, date: d("2018-04"), text: "US bans American companies from selling components to ZTE for seven years."),
        Fixed(topic: .exportControls, date: d("2020-08"), text: "US tightens the foreign direct product rule to cut Huawei off from chips made with US technology."),
        Fixed(topic: .exportControls, date: d("2023-01"), text: "The Netherlands and Japan agree to join US restrictions on chipmaking equipment exports to China."),
        Fixed(topic: .minerals, date: d("2023-07"), text: "China restricts exports of gallium and germanium."),
        Fixed(topic: .regulation, date: d("2023-08-15"), text: "China's interim measures for generative AI services take effect."),
        Fixed(topic: .chinaChips, date: d("2023-08-29"), text: "Huawei launches the Mate 60 Pro with a 7nm-class Kirin 9000S chip made by SMIC."),
        Fixed(topic: .exportControls, date: d("2023-10"), text: "US tightens export rules on AI chips, closing loopholes for Nvidia's A800 and H800."),
        Fixed(topic: .regulation, date: d("2023-10-30"), text: "Biden issues an executive order on safe, secure and trustworthy AI."),
        Fixed(topic: .diplomacy, date: d("2023-11-01"), text: "The UK hosts the AI Safety Summit at Bletchley Park."),
        Fixed(topic: .regulation, date: d("2023-12"), text: "EU lawmakers reach a political agreement on the AI Act."),
        Fixed(topic: .regulation, date: d("2024-03-13"), text: "The European Parliament approves the AI Act."),
        Fixed(topic: .diplomacy, date: d("2024-05-21"), text: "South Korea and the UK co-host the AI Seoul Summit."),
        Fixed(topic: .regulation, date: d("2024-08-01"), text: "The EU AI Act enters into force."),
        Fixed(topic: .lithography, date: d("2024-09"), text: "The Netherlands expands licence requirements to ASML's 1970i and 1980i immersion scanners."),
        Fixed(topic: .memory, date: d("2024-12-02"), text: "Commerce adds high-bandwidth memory to the controlled items and puts 140 Chinese entities on the Entity List."),
        Fixed(topic: .minerals, date: d("2024-12"), text: "China bans exports of gallium, germanium and antimony to the US."),
        Fixed(topic: .exportControls, date: d("2025-01-13"), text: "The AI diffusion rule sets worldwide licence tiers for advanced AI chips."),
        Fixed(topic: .regulation, date: d("2025-01-20"), text: "Trump revokes Biden's executive order on AI."),
        Fixed(topic: .diplomacy, date: d("2025-02-10"), text: "France hosts the AI Action Summit in Paris."),
        Fixed(topic: .regulation, date: d("2025-07-23"), text: "The White House publishes America's AI Action Plan."),
        Fixed(topic: .diplomacy, date: d("2025-07-26"), text: "China proposes a global AI cooperation organisation at the World AI Conference in Shanghai."),
        Fixed(topic: .regulation, date: d("2025-08-02"), text: "Obligations for general-purpose AI models under the EU AI Act start to apply."),
        Fixed(topic: .exportControls, date: d("2025-08"), text: "Nvidia and AMD agree to pay 15% of China chip revenue to the US government."),
        Fixed(topic: .regulation, date: d("2025-09-01"), text: "China's rules on labelling AI-generated content take effect."),
        Fixed(topic: .minerals, date: d("2025-10"), text: "China expands rare-earth export controls to cover chipmaking and AI uses."),
        Fixed(topic: .entityList, date: d("2026-02"), text: "US Department of Commerce adds several Chinese AI research institutes to the Entity List citing national security concerns."),
    ]

    /// Background-event patterns. Each verb and connective here is one the rewording
    /// knows how to vary (see ``Reword``).
    static let templates: [EventTemplate] = [
        EventTemplate(.exportControls, "{gov} expands export controls on {tech} to include stricter performance thresholds for {target}.", swap: "target"),
        EventTemplate(.exportControls, "{gov} tightens licence requirements for {tech} bound for {target}.", swap: "gov"),
        EventTemplate(.exportControls, "{gov} joins US-led restrictions on {tech} sales to China.", swap: "gov", years: 2019...2026),
        EventTemplate(.entityList, "US Commerce Department adds {count} {chinaCo} affiliates to the Entity List citing national security concerns.", swap: "chinaCo", loose: ["count"]),
        EventTemplate(.entityList, "US Commerce Department adds {count} Chinese {orgKind} to the Entity List for {listReason}.", swap: "orgKind", loose: ["count", "listReason"]),
        EventTemplate(.sanctions, "US Treasury imposes sanctions on {chinaCo} over {sanctionReason}.", swap: "chinaCo", loose: ["sanctionReason"]),
        EventTemplate(.memory, "{memCo} begins mass production of {memProduct} for {accelBuyer} accelerators.", swap: "memCo", loose: ["accelBuyer"], years: 2020...2026),
        EventTemplate(.memory, "US restricts exports of {memProduct} to {target}.", swap: "memProduct", years: 2022...2026),
        EventTemplate(.lithography, "The Dutch government restricts ASML shipments of {asmlTool} to {target}.", swap: "asmlTool"),
        EventTemplate(.lithography, "ASML ships its first {firstTool} to {asmlCustomer}.", swap: "asmlCustomer", years: 2021...2026, once: true),
        EventTemplate(.foundry, "TSMC announces a ${fabAmount} billion investment in new fabs in {fabPlace}.", swap: "fabPlace", loose: ["fabAmount"]),
        EventTemplate(.foundry, "{foundryNode} begins volume production on its {foundryNode.1} process in {fabPlace}.", years: 2020...2026),
        EventTemplate(.foundry, "{subsidyGov} approves ${subsidyAmount} billion in subsidies for {subsidyTarget}.", swap: "subsidyTarget", loose: ["subsidyAmount"], years: 2021...2026),
        EventTemplate(.chinaChips, "{chinaChip} unveils the {chinaChip.1} accelerator built on SMIC's {smicNode} process.", years: 2020...2026),
        EventTemplate(.chinaChips, "Nvidia launches the {nvChinaChip} for the Chinese market to comply with US export rules.", years: 2022...2026, once: true),
        EventTemplate(.chinaChips, "US requires licences for {nvChinaChip} exports to China.", swap: "nvChinaChip", years: 2022...2026),
        EventTemplate(.chinaChips, "China tells domestic companies to stop buying Nvidia's {nvChinaChip}.", swap: "nvChinaChip", years: 2023...2026),
        EventTemplate(.models, "{labModel} releases {labModel.1}, its new {labModel.2} model.", years: 2023...2026, once: true),
        EventTemplate(.models, "{labModel} opens access to {labModel.1} for users in {rolloutRegion}.", swap: "rolloutRegion", years: 2023...2026),
        EventTemplate(.regulation, "{regulator} publishes draft rules on {regTopic}.", swap: "regulator", years: 2019...2026),
        EventTemplate(.regulation, "{legislature} passes a law on {regTopic}.", swap: "legislature", years: 2019...2026),
        EventTemplate(.regulation, "{regulator} fines {fineTarget} {fineAmount} over {fineReason}.", swap: "fineTarget", loose: ["fineAmount", "fineReason"]),
        EventTemplate(.lawsuits, "{plaintiff} files a lawsuit against {defendant} over {lawsuitIssue}.", swap: "defendant", loose: ["lawsuitIssue"], years: 2022...2026),
        EventTemplate(.lawsuits, "A US judge rules in favour of {defendant} in a copyright case brought by {plaintiff}.", swap: "defendant", years: 2023...2026),
        EventTemplate(.antitrust, "{antitrustReg} opens an investigation into {antitrustMatter}.", swap: "antitrustReg", years: 2020...2026),
        EventTemplate(.antitrust, "China's SAMR opens an antitrust probe into {samrTarget}.", swap: "samrTarget"),
        EventTemplate(.dataCentres, "{dcCo} announces a ${dcAmount} billion AI data centre in {dcPlace}.", swap: "dcPlace", loose: ["dcAmount"], years: 2021...2026),
        EventTemplate(.dataCentres, "{energyCo} signs a {powerKind} power deal with {dcCo} for AI data centres.", swap: "dcCo", loose: ["powerKind"], years: 2022...2026),
        EventTemplate(.security, "{secAgency} warns of {threat} targeting {infra}.", swap: "infra"),
        EventTemplate(.security, "US charges {count} Chinese nationals with stealing {tech} trade secrets.", swap: "tech", loose: ["count"]),
        EventTemplate(.minerals, "China restricts exports of {mineral} to {mineralTarget}.", swap: "mineral"),
        EventTemplate(.minerals, "China's Ministry of Commerce adds {unreliable} to its unreliable entity list.", swap: "unreliable", years: 2020...2026),
        EventTemplate(.investment, "{startup} raises ${raise} billion in a funding round led by {investor}.", swap: "startup", loose: ["raise", "investor"], years: 2019...2026),
        EventTemplate(.investment, "{acquirer} acquires {acqTarget} for ${acqAmount} billion.", swap: "acquirer", loose: ["acqAmount"]),
        EventTemplate(.diplomacy, "{summitWho} adopts {summitWhat}.", swap: "summitWho", years: 2019...2026),
        EventTemplate(.diplomacy, "{gov} hosts talks with China on {talkTopic} in {city}.", swap: "gov"),
    ]
}

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
