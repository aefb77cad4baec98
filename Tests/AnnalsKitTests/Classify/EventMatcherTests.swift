import Testing

@testable import AnnalsKit

/// A `PartialDate` for tests: `2024`, `2024-Q4`, `2024-10`, `2024-10-15`, or unreadable text.
func date(_ text: String) -> PartialDate {
    let parts = text.split(separator: "-").map(String.init)
    if parts.count == 1, parts[0].count == 4, let year = Int(parts[0]) {
        return PartialDate(text: text, normalized: text, precision: .year,
            start: Day(year: year, month: 1, day: 1), end: Day(year: year, month: 12, day: 31))
    }
    if parts.count == 2, let year = Int(parts[0]), parts[1].hasPrefix("Q"), let q = Int(parts[1].dropFirst()) {
        let last = q * 3
        return PartialDate(text: text, normalized: text, precision: .quarter,
            start: Day(year: year, month: last - 2, day: 1),
            end: Day(year: year, month: last, day: Day.daysIn(month: last, year: year)))
    }
    if parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]) {
        return PartialDate(text: text, normalized: text, precision: .month,
            start: Day(year: year, month: month, day: 1),
            end: Day(year: year, month: month, day: Day.daysIn(month: month, year: year)))
    }
    if parts.count == 3, let day = Day(iso: text) {
        return PartialDate(text: text, normalized: text, precision: .day, start: day, end: day)
    }
    return PartialDate(text: text, normalized: nil, precision: .unknown, start: nil, end: nil)
}

struct Pair: CustomTestStringConvertible, Sendable {
    var dateA: String
    var a: String
    var dateB: String
    var b: String

    init(_ dateA: String, _ a: String, _ dateB: String, _ b: String) {
        self.dateA = dateA
        self.a = a
        self.dateB = dateB
        self.b = b
    }

    var testDescription: String { "[\(dateA)] \(a) | [\(dateB)] \(b)" }

    var verdict: EventMatcher.Verdict {
        let classifier = Classifier.builtIn
        return EventMatcher.compare(
            EventMention(date: date(dateA), text: a, classifier: classifier),
            EventMention(date: date(dateB), text: b, classifier: classifier),
            kinds: Taxonomy.builtIn.entityKinds)
    }
}

/// Rewordings of one real-world event, as different cards tell it.
let samePairs: [Pair] = [
    Pair("2024-10", "US expands export controls on advanced AI chips to include stricter performance thresholds for China.",
         "2024-10", "US broadens export controls on advanced AI chips with stricter performance thresholds for China."),
    Pair("2024-12", "Commerce adds 140 Chinese entities to the Entity List",
         "2024-12", "US Commerce Department places 140 Chinese firms on Entity List"),
    Pair("2024", "US expands export controls on advanced AI chips to include stricter performance thresholds for China.",
         "2024-10", "U.S. tightens export controls on advanced AI chips, adding stricter performance thresholds for China"),
    Pair("2023-10-17", "Biden administration updates chip export rules to close loopholes for China",
         "2023-10", "Biden administration updates rules on chip exports to close loopholes exploited by China"),
    Pair("2025-04", "Nvidia halts H20 sales to China after new US licence requirement",
         "2025-04-15", "Nvidia suspends H20 shipments to China after US imposes license requirement"),
    Pair("2025-01", "OpenAI releases o3-mini reasoning model",
         "2025-01-31", "OpenAI launches o3-mini, a new reasoning model"),
    Pair("2024-12-02", "US adds HBM to export controls targeting China",
         "2024-12", "US expands export controls to HBM chips for China"),
    Pair("2025-01-27", "DeepSeek's R1 model release wipes $600 billion off Nvidia's market value",
         "2025-01-27", "Nvidia loses nearly $600bn in market value after DeepSeek releases R1"),
    Pair("2023-06", "Netherlands restricts exports of ASML DUV lithography machines to China",
         "2023", "Dutch government curbs ASML's DUV lithography tool exports to China"),
    Pair("2024-05", "Senate passes bill to restrict AI chip exports",
         "2024-05", "Senate approves legislation restricting exports of AI chips"),
    Pair("2024-12", "China bans exports of gallium and germanium to the US",
         "2024-12-03", "Beijing prohibits gallium, germanium exports to United States"),
    Pair("2025-01-13", "Biden administration unveils AI diffusion rule capping chip exports to most countries",
         "2025-01", "White House releases AI diffusion framework limiting AI chip exports worldwide"),
    Pair("2023-04", "Italy temporarily bans ChatGPT over privacy concerns",
         "2023-04-01", "Italian regulator blocks ChatGPT citing privacy concerns"),
    Pair("2024-08-01", "EU AI Act enters into force",
         "2024-08", "European Union's AI Act comes into force"),
    Pair("2023-01", "Microsoft invests $10 billion in OpenAI",
         "2023-01-23", "OpenAI secures $10B investment from Microsoft"),
    Pair("2025-01", "Trump announces $500 billion Stargate AI infrastructure project",
         "2025-01-21", "Trump unveils Stargate, a $500 billion AI infrastructure venture with OpenAI, Oracle and SoftBank"),
    Pair("2024-09", "OpenAI releases o1 reasoning models",
         "2024-09-12", "OpenAI launches o1, its first reasoning model"),
    Pair("2025-02", "UK renames AI Safety Institute as AI Security Institute",
         "2025-02-14", "Britain rebrands its AI Safety Institute to the AI Security Institute"),
    Pair("2022-10-07", "US Commerce Department imposes sweeping export controls on advanced chips and chipmaking equipment to China",
         "2022-10", "Biden administration restricts China's access to advanced chips and chipmaking tools"),
    Pair("2024-03", "EU Parliament approves the AI Act",
         "2024-03-13", "European Parliament passes landmark AI Act"),
    Pair("2025-04", "Nvidia to take $5.5 billion charge on H20 export curbs",
         "2025-04-15", "Nvidia expects $5.5bn charge after US curbs H20 exports to China"),
    Pair("2024-11", "TSMC halts shipments of advanced AI chips to Chinese customers",
         "2024-11-08", "TSMC suspends advanced AI chip deliveries to China-based clients"),
    Pair("2024-12", "China opens antitrust investigation into Nvidia",
         "2024-12-09", "Chinese regulator SAMR launches anti-monopoly probe of Nvidia"),
    Pair("2023-08-09", "Biden signs executive order restricting US investment in Chinese AI and chip firms",
         "2023-08", "Biden executive order limits American investments in China's AI and semiconductor companies"),
    Pair("2025-07", "Nvidia to resume H20 sales to China after US reversal",
         "2025-07-15", "Nvidia says it will restart H20 chip sales in China following US approval"),
    Pair("2023-07", "China announces export restrictions on gallium and germanium",
         "2023-07-03", "Beijing to curb exports of gallium and germanium, key chipmaking metals"),
    Pair("2024-06", "Apple unveils Apple Intelligence at WWDC",
         "2024-06-10", "Apple launches Apple Intelligence features at its WWDC keynote"),
    Pair("2024-12", "美国商务部将140家中国实体列入实体清单",
         "2024-12", "美国商务部把140家中国企业加入实体清单"),
    Pair("2024-06", "Anthropic releases Claude 3.5 Sonnet",
         "2024-06-20", "Anthropic launches Claude 3.5 Sonnet model"),
    Pair("spring 2025", "Huawei ramps up Ascend chip production",
         "Spring  2025", "Huawei steps up production of Ascend chips"),
    Pair("2025-03", "US Commerce Department adds several SMIC affiliates to the Entity List, according to people familiar with the matter.",
         "2025-03", "U.S. Commerce Department adds several SMIC affiliates to the Entity List, sources said."),
    Pair("2022-10", "US imposes export controls on advanced computing chips bound for China, according to a filing.",
         "2022-10", "US imposes export controls on advanced computing chips destined for China, reports said."),
    Pair("2025-02-10", "France hosts the AI Action Summit in Paris.",
         "2025-02-10", "France convenes the AI Action Summit in Paris, officials said."),
    Pair("2025-04", "US requires licences for H20 exports to China.",
         "2025-04", "US mandates licences for H20 exports to China."),
]

/// Lines that look alike but tell different events.
let differentPairs: [Pair] = [
    Pair("2024-12", "Commerce adds Huawei to the Entity List",
         "2024-12", "Commerce adds SMIC to the Entity List"),
    Pair("2024-10", "US expands export controls on advanced AI chips to include stricter performance thresholds for China.",
         "2024-11", "US expands export controls on advanced AI chips to include stricter performance thresholds for China."),
    Pair("2023-01", "Netherlands agrees to restrict chipmaking tool exports to China",
         "2023-01", "Japan agrees to restrict chipmaking tool exports to China"),
    Pair("2023-11", "Nvidia releases H20 for the Chinese market",
         "2023-11", "Nvidia halts H20 sales to China"),
    Pair("2025-08", "OpenAI releases GPT-5",
         "2025-08", "Anthropic releases Claude 4"),
    Pair("2024", "EU proposes AI Act amendments",
         "2024", "EU approves AI Act amendments"),
    Pair("2024-12", "US adds 140 Chinese entities to Entity List",
         "2024-12", "US adds 80 Chinese entities to Entity List"),
    Pair("2025-04", "Nvidia halts H20 sales to China",
         "2025-07", "Nvidia resumes H20 sales to China"),
    Pair("2025", "Nvidia halts H20 sales to China",
         "2025", "Nvidia resumes H20 sales to China"),
    Pair("2024-10-15", "Commerce adds Chinese AI firms to the Entity List",
         "2024-10-16", "Commerce adds Chinese AI firms to the Entity List"),
    Pair("spring 2025", "Commerce adds Chinese AI firms to the Entity List",
         "2025", "Commerce adds Chinese AI firms to the Entity List"),
    Pair("2025", "US expands export controls on AI chips to China",
         "2025", "US lifts export controls on AI chips to China"),
    Pair("2024", "TSMC builds new fab in Arizona",
         "2024", "Samsung builds new fab in Texas"),
    Pair("2023", "Microsoft invests $10 billion in OpenAI",
         "2023", "Amazon invests $4 billion in Anthropic"),
    Pair("2023-05", "China bans Micron chips in critical infrastructure",
         "2023-05", "China bans Nvidia chips in government purchases"),
    Pair("2019-05", "US sanctions Huawei executives",
         "2019-05", "US adds Huawei to Entity List"),
    Pair("2025", "Google releases Gemini 2.0",
         "2025", "Google releases Gemini 2.5"),
    Pair("2024-04", "Intel receives $8.5 billion CHIPS Act grant",
         "2024-04", "Samsung receives $6.4 billion CHIPS Act grant"),
    Pair("2025-05", "US and China hold trade talks in Geneva",
         "2025-06", "US and China hold trade talks in London"),
    Pair("2025-01", "DeepSeek releases R1 reasoning model",
         "2025-01", "DeepSeek releases V3 model"),
    Pair("2024", "Alibaba releases Qwen 2.5",
         "2024", "Baidu releases Ernie 4.0"),
    Pair("2025", "US bans TikTok",
         "2025", "US bans DeepSeek on government devices"),
    Pair("2023", "Japan restricts exports of 23 types of chipmaking equipment",
         "2023", "Netherlands restricts exports of advanced chipmaking equipment"),
    Pair("2024-04", "CMA opens probe into Microsoft's OpenAI partnership",
         "2024-04", "CMA opens probe into Amazon's Anthropic investment"),
    Pair("2023-08", "Huawei unveils Ascend 910C",
         "2023-08", "Huawei unveils Mate 60 Pro with SMIC 7nm chip"),
    Pair("2025", "US accuses China of industrial-scale AI theft",
         "2025", "China accuses US of cyberattacks on its AI firms"),
    Pair("2025-10", "Dutch government seizes control of Nexperia",
         "2025-10", "China blocks Nexperia chip exports"),
    Pair("2022", "Senate passes CHIPS Act",
         "2022", "Biden signs CHIPS Act into law"),
    Pair("2024", "OpenAI releases GPT-4o",
         "2024", "OpenAI releases GPT-4"),
    Pair("2024", "Nvidia unveils Blackwell GPUs",
         "2024", "Nvidia unveils Rubin GPUs"),
    Pair("2025-03", "OpenAI raises $40 billion led by SoftBank",
         "2025-03", "OpenAI releases GPT-4.5 model"),
    Pair("2024-10", "US expands export controls on advanced AI chips to include stricter performance thresholds for China.",
         "2024-10", "US intelligence agencies release a joint report warning of increased state-sponsored cyber espionage targeting AI infrastructure."),
    Pair("2022-11", "Huawei unveils the Ascend 910C accelerator built on SMIC's N+3 5nm-class process.",
         "2022-11", "Huawei unveils the Ascend 910B accelerator built on SMIC's N+3 5nm-class process."),
    Pair("2023-07", "DeepSeek opens access to DeepSeek-R1 for users in Brazil.",
         "2023-07", "DeepSeek opens access to DeepSeek-R1 for users in the UK."),
    Pair("2025-08", "Canada joins US-led restrictions on gate-all-around transistor technology sales to China.",
         "2025-08", "The Netherlands joins US-led restrictions on gate-all-around transistor technology sales to China."),
    Pair("2024-10", "Brazil's ANPD publishes draft rules on facial recognition in public spaces.",
         "2024-10", "The FTC publishes draft rules on facial recognition in public spaces."),
]

/// The reason each pair of ``differentPairs`` is told apart, in order.
let differentReasons: [String] = [
    "entities", "dates", "entities", "actions", "entities", "actions", "identifiers", "dates", "actions", "dates",
    "dates", "actions", "entities", "entities", "entities", "actions", "identifiers", "entities", "dates", "identifiers",
    "entities", "entities", "entities", "entities", "names", "similarity", "entities", "actions", "entities", "entities",
    "actions", "actions", "identifiers", "names", "names", "names",
]

extension EventMatcher.Verdict {
    var reason: String {
        switch self {
        case .same: return "same"
        case .datesIncompatible: return "dates"
        case .entitiesConflict: return "entities"
        case .actionsConflict: return "actions"
        case .identifiersConflict: return "identifiers"
        case .namesConflict: return "names"
        case .dissimilar: return "similarity"
        case .objectsConflict: return "objects"
        }
    }
}

@Suite struct EventMatcherTests {
    let kinds = Taxonomy.builtIn.entityKinds

    @Test(arguments: samePairs) func sameEvent(_ pair: Pair) {
        let verdict = pair.verdict
        #expect(verdict.isSame, "\(verdict)")
    }

    @Test(arguments: zip(differentPairs, differentReasons)) func differentEvents(_ pair: Pair, _ reason: String) {
        let verdict = pair.verdict
        #expect(!verdict.isSame)
        #expect(verdict.reason == reason, "\(verdict)")
    }

    @Test func tablesAreLargeEnough() {
        #expect(samePairs.count >= 25)
        #expect(differentPairs.count >= 25)
        #expect(differentReasons.count == differentPairs.count)
    }

    /// The threshold sits in the gap between the two tables' similarities.
    @Test func thresholdSeparatesTheTables() {
        func score(_ pair: Pair) -> Double {
            EventMatcher.similarity(EventKey(text: pair.a).terms, EventKey(text: pair.b).terms)
        }
        let lowestSame = samePairs.map(score).min()!
        let highestDissimilar = differentPairs.filter { $0.verdict.reason == "similarity" }.map(score).max()!
        #expect(lowestSame >= EventMatcher.threshold + 0.05)
        #expect(highestDissimilar <= EventMatcher.threshold - 0.04)
    }

    /// A line reworded by swapping words for synonyms is still the same event.
    @Test func synonymSwapsStillMatch() {
        let swaps: [(String, String)] = [
            ("expands", "broadens"), ("adds", "places"), ("releases", "launches"), ("bans", "prohibits"),
            ("firms", "companies"), ("restrictions", "curbs"), ("halts", "suspends"), ("sues", "files a lawsuit against"),
            ("fines", "penalizes"), ("United States", "U.S."), ("Chinese", "China's"), ("semiconductors", "chips"),
            ("data centers", "datacentres"), ("tightens", "extends"), ("acquires", "buys"), ("probe", "investigation"),
        ]
        let lines = [
            "United States expands restrictions on Chinese semiconductors",
            "Commerce adds 12 Chinese firms to the Entity List",
            "Meta releases Llama 3 under an open license",
            "China bans Micron memory in critical infrastructure",
            "Nvidia halts shipments of H20 to Chinese firms",
            "New York Times sues OpenAI over copyright",
            "EU fines Apple over App Store rules",
            "Microsoft expands data centers in Wisconsin",
            "Japan tightens restrictions on chipmaking equipment exports",
            "AMD acquires ZT Systems for $4.9 billion",
            "FTC opens probe into cloud AI deals",
        ]
        for line in lines {
            var variant = line
            for (word, synonym) in swaps { variant = variant.replacingOccurrences(of: word, with: synonym) }
            #expect(variant != line)
            let pair = Pair("2024-05", line, "2024", variant)
            #expect(pair.verdict.isSame, "\(variant): \(pair.verdict)")
        }
    }

    /// What a bag of words cannot tell: who did what to whom, and which object a shared
    /// verb applies to when the lines differ in more than the object.
    @Test func knownLimits() {
        withKnownIssue("the direction of a suit is lost in a bag of words") {
            #expect(!Pair("2024-03", "Elon Musk sues OpenAI", "2024-03", "OpenAI sues Elon Musk").verdict.isSame)
        }
        withKnownIssue("lines whose objects differ merge when they also differ elsewhere") {
            #expect(!Pair("2025", "US expands export controls on AI chips to China",
                          "2025", "US expands visa restrictions on Chinese AI researchers").verdict.isSame)
        }
    }

    // MARK: - Objects

    /// Lines that begin and end alike and differ in one slot: what the action is about.
    @Test(arguments: [
        Pair("2024-10", "China restricts exports of superhard materials to the US.",
             "2024-10", "China restricts exports of molybdenum to the US."),
        Pair("2024", "Italy's Garante publishes draft rules on deepfake disclosures.",
             "2024-10", "Italy's Garante publishes draft rules on algorithmic recommendation services."),
        Pair("2024-11-26", "US charges 27 Chinese nationals with stealing advanced AI chips trade secrets.",
             "2024", "US charges 27 Chinese nationals with stealing chipmaking equipment trade secrets."),
        Pair("2024-11-26", "US indicts 27 Chinese nationals with stealing AI chips trade secrets.",
             "2024", "US charges 27 Chinese nationals with stealing chipmaking equipment trade secrets."),
        Pair("2024-09", "US charges 12 Chinese nationals with stealing advanced AI chips trade secrets.",
             "2024-09", "US charges several Chinese nationals with stealing AI model weights trade secrets."),
        Pair("2022-07", "CISA warns of phishing campaigns targeting AI infrastructure.",
             "2022-07", "CISA warns of phishing campaigns targeting semiconductor fabs."),
    ])
    func objectsConflict(_ pair: Pair) {
        #expect(pair.verdict.reason == "objects", "\(pair.verdict)")
    }

    /// Rewordings that begin alike but differ in several places, or only in actions and
    /// identifiers, still merge (the fixtures' 2024-10 export-control lines among them).
    @Test(arguments: [
        Pair("2025-07", "Nvidia to resume H20 sales to China after US reversal",
             "2025-07-15", "Nvidia says it will restart H20 chip sales in China following US approval"),
        Pair("2024-05", "Senate passes bill to restrict AI chip exports",
             "2024-05", "Senate approves legislation restricting exports of AI chips"),
        Pair("2024-10", "China restricts exports of molybdenum to the US.",
             "2024-10", "China temporarily restricts exports of molybdenum to the US."),
        Pair("2022-09", "Moonshot AI raises $30 billion in a funding round led by Microsoft, sources said.",
             "2022-09", "Moonshot AI secures $30 billion in a funding round led by Microsoft, according to a filing."),
        Pair("2024-10", "US expands export controls on advanced AI chips to include stricter performance thresholds for China.",
             "2024-10", "US expands AI chip export controls, with stricter thresholds aimed at China."),
        Pair("2024-10", "US expands export controls on advanced AI chips to include stricter performance thresholds for China.",
             "2024-10", "Washington widens export controls on advanced AI chips, tightening the performance thresholds that apply to China."),
        Pair("2024-10", "US expands export controls on advanced AI chips to include stricter performance thresholds for China.",
             "2024-10", "US expands export controls on advanced AI chips — stricter thresholds apply to China."),
    ])
    func rewordingsKeepTheirObjects(_ pair: Pair) {
        #expect(pair.verdict.isSame, "\(pair.verdict)")
    }

    @Test func objectsNeedLinesThatBeginAlike() {
        let conflict = EventMatcher.objectsConflict(
            ["china", "control", "export", "molybdenum"], ["china", "control", "export", "superhard", "material"])
        #expect(conflict.map { [$0.onlyA, $0.onlyB] } == [["molybdenum"], ["material", "superhard"]])
        #expect(EventMatcher.objectsConflict(["italy", "temporarily", "ban", "chatgpt"], ["italy", "regulator", "ban", "chatgpt"]) == nil)
        #expect(EventMatcher.objectsConflict(["china", "control", "export", "molybdenum"], []) == nil)
        #expect(EventMatcher.objectsConflict(
            ["us", "charge", "12", "china", "national", "steal", "advanced", "ai", "chip", "trade", "secret"],
            ["us", "charge", "china", "national", "steal", "ai", "model", "weight", "trade", "secret"])
            .map { [$0.onlyA, $0.onlyB] } == [["advanced", "chip"], ["model", "weight"]], "identifiers aside; common terms in both slots")
        #expect(EventMatcher.objectsConflict(["us", "expand", "chip", "control"], ["us", "expand", "control", "ai"]) == nil,
                "the slots share a term: a rewording")
        #expect(EventMatcher.objectsConflict(["us", "expand", "control", "tool", "china"], ["us", "expand", "control", "tool", "lithography", "china"]) == nil,
                "one line adds a detail")
    }

    // MARK: - Dates

    @Test(arguments: [
        ("2024", "2024-10", true), ("2024-10", "2024-10-15", true), ("2024", "2024-10-15", true),
        ("2024-Q4", "2024-10", true), ("2024-Q4", "2024-12-31", true), ("2024-10", "2024-10", true),
        ("2024-10-15", "2024-10-15", true), ("2024-10", "2024", true),
        ("2024-10", "2024-11", false), ("2024-10-15", "2024-10-16", false), ("2024-Q3", "2024-10", false),
        ("2024", "2025", false), ("2024-Q4", "2025", false), ("2023-12-31", "2024", false),
        ("spring 2025", "spring 2025", true), ("Spring  2025", "spring 2025", true), ("spring 2025", "autumn 2025", false),
        ("spring 2025", "2025", false), ("2025", "soon", false),
    ])
    func datesCompatible(_ a: String, _ b: String, _ expected: Bool) {
        #expect(EventMatcher.datesCompatible(date(a), date(b)) == expected)
        #expect(EventMatcher.datesCompatible(date(b), date(a)) == expected)
    }

    // MARK: - Entities

    @Test func entitiesConflictPerKind() {
        let conflicts: [([String], [String], Bool)] = [
            (["Huawei"], ["SMIC"], true),
            (["United States", "China"], ["United States"], false),
            // The US, China and the EU are in most lines, as actor or target: against each
            // other they tell nothing; against another country they do.
            (["United States", "Huawei"], ["China", "Huawei"], false),
            (["China", "Nexperia"], ["Netherlands", "Nexperia"], true),
            (["Netherlands", "China"], ["Japan", "China"], true),
            // A kind both sides share an entity of is a longer list, not another actor.
            (["FTC", "Amazon", "Anthropic"], ["FTC", "Amazon", "Microsoft", "Google"], false),
            (["Netherlands", "ASML"], ["Japan", "Tokyo Electron"], true),
            (["Commerce Department", "Huawei"], ["BIS", "Commerce Department", "Huawei"], false),
            (["Huawei", "Entity List"], ["Huawei", "United States"], false),
            ([], ["Huawei"], false),
            (["Huawei", "SMIC"], ["SMIC", "Huawei"], false),
            (["Unknown Co"], ["Other Co"], true),
            (["Unknown Co"], ["Huawei"], false),
        ]
        for (a, b, expected) in conflicts {
            #expect(EventMatcher.entitiesConflict(a, b, kinds: kinds) == expected, "\(a) vs \(b)")
            #expect(EventMatcher.entitiesConflict(b, a, kinds: kinds) == expected, "\(b) vs \(a)")
        }
    }

    @Test func verdictNamesTheConflict() {
        let verdict = Pair("2024-12", "Commerce adds Huawei to the Entity List", "2024-12", "Commerce adds SMIC to the Entity List").verdict
        #expect(verdict == .entitiesConflict(kind: "company", onlyA: ["Huawei"], onlyB: ["SMIC"]))
        let actions = Pair("2023", "Nvidia releases H20", "2023", "Nvidia halts H20 sales").verdict
        #expect(actions == .actionsConflict(a: ["release"], b: ["halt"]))
    }

    // MARK: - Terms

    @Test(arguments: [
        ("US expands export controls on advanced AI chips to include stricter performance thresholds for China.",
         ["advanced", "ai", "china", "chip", "control", "expand", "export", "performance", "strict", "threshold", "us"]),
        ("Commerce adds 140 Chinese entities to the Entity List",
         ["140", "add", "china", "commerce", "company", "entitylist"]),
        ("The U.S. Commerce Department reportedly places 140 Chinese firms on its Entity List, officials said",
         ["140", "add", "china", "commerce", "company", "entitylist", "us"]),
        ("New York Times files a lawsuit against OpenAI", ["openai", "sue", "time", "york"]),
        ("Nvidia rolls out Blackwell; sales halted in October", ["blackwell", "halt", "nvidia", "release", "sell"]),
        ("Export restrictions vs export curbs vs export controls, and sanctions", ["control", "export", "sanction"]),
        ("OpenAI raises $6.6bn, valuing it at $157 billion", ["157", "6.6", "fund", "openai", "valuing"]),
        ("TSMC’s 2nm and 3 nm nodes", ["2", "3", "nm", "node", "tsmc"]),
        ("Micron begins mass production of HBM3E, according to people familiar with the matter.",
         ["hbm3e", "mass", "micron", "production"]),
    ])
    func terms(_ text: String, _ expected: [String]) {
        #expect(EventKey.terms(of: text) == expected)
    }

    @Test func keyHelpers() {
        let key = EventKey(text: "Nvidia halts H20 sales after $5.5bn charge")
        #expect(key.actions == ["charge", "halt"])
        #expect(key.identifiers == ["5.5", "h20"])
        #expect(EventKey(terms: ["b", "a", "b"]).terms == ["a", "b"])
        #expect(EventMatcher.similarity([], []) == 0)
        #expect(EventMatcher.similarity(["a", "b"], ["a", "b"]) == 1)
        #expect(EventMatcher.similarity(["a", "b"], ["a", "c"]) == 0.5)
        #expect(EventMatcher.similarity(["us", "a"], ["us", "b"]) == 0.2)
        #expect(EventMatcher.actionsConflict(["expand"], ["add"]) == false)
        #expect(EventMatcher.actionsConflict(["expand"], ["lift"]) == true)
        #expect(EventMatcher.actionsConflict(["expand"], ["chip"]) == false)
        #expect(EventMatcher.identifiersConflict(["140"], ["80"]) == true)
        #expect(EventMatcher.identifiersConflict(["140"], ["chip"]) == false)
        #expect(EventMatcher.identifiersConflict(["910c", "n+3"], ["910b", "n+3"]) == true)
        #expect(EventMatcher.identifiersConflict(["h20", "5.5"], ["h20"]) == false)
    }
}
