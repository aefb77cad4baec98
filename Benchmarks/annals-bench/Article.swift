/// One generated article: what a card and a feed line both carry.
struct GenArticle {
    struct Mention {
        var date: GenDate
        var text: String
        /// The pool event's id, or nil for a one-off event.
        var event: Int?
        var reworded: Bool
    }

    var index: Int
    var source: Source
    var markers: Bool
    var age: String
    var title: String
    var summary: String
    var whatChanged: String
    var whyItMatters: String
    var whatToDoNext: String
    var whoShouldCare: String
    var insight: String?
    var takeaways: [String]
    var implications: [(headline: String, detail: String)]
    var timeline: [Mention]
    var url: String?
    var publishedAt: String
}

struct Source {
    var name: String
    var domain: String
    var section: String
}

let sources: [Source] = [
    Source(name: "Reuters", domain: "www.reuters.com", section: "technology"),
    Source(name: "Ars Technica", domain: "arstechnica.com", section: "tech-policy"),
    Source(name: "Financial Times", domain: "www.ft.com", section: "content"),
    Source(name: "Bloomberg", domain: "www.bloomberg.com", section: "news/articles"),
    Source(name: "The Verge", domain: "www.theverge.com", section: "policy"),
    Source(name: "TechCrunch", domain: "techcrunch.com", section: "ai"),
    Source(name: "Politico", domain: "www.politico.com", section: "news"),
    Source(name: "SCMP", domain: "www.scmp.com", section: "tech/policy"),
    Source(name: "Nikkei Asia", domain: "asia.nikkei.com", section: "business/tech/semiconductors"),
    Source(name: "Wired", domain: "www.wired.com", section: "story"),
    Source(name: "MIT Technology Review", domain: "www.technologyreview.com", section: "topic/artificial-intelligence"),
    Source(name: "The Information", domain: "www.theinformation.com", section: "articles"),
    Source(name: "Axios", domain: "www.axios.com", section: "technology"),
    Source(name: "CNBC", domain: "www.cnbc.com", section: "tech"),
    Source(name: "Semafor", domain: "www.semafor.com", section: "article"),
    Source(name: "Rest of World", domain: "restofworld.org", section: "ai"),
    Source(name: "36氪", domain: "36kr.com", section: "p"),
    Source(name: "Caixin", domain: "www.caixinglobal.com", section: "tech"),
    Source(name: "Le Monde", domain: "www.lemonde.fr", section: "en/economy"),
    Source(name: "Handelsblatt", domain: "www.handelsblatt.com", section: "technik/ki"),
]

/// Makes articles one after another, keeping titles and one-off events unique.
struct ArticleFactory {
    let pool: EventPool
    let seed: UInt64
    private var titleKeys = Set<String>()
    private var oneOffTexts = Set<String>()
    private(set) var collisions = 0

    private struct TopicPatterns {
        var titles: [Pattern]
        var titleWeights: [Int]
        var summaries, changes, reasons, nextSteps, insights, starts, clauses, headlines, details: [Pattern]
    }

    private let patterns: [Topic: TopicPatterns]
    private let whoPattern: Pattern
    private let suffixPattern: Pattern
    private let prefixPattern: Pattern
    private let oneOffPatterns: [Pattern]
    private let oneOffWeights: [Int]
    private let topics = Topic.allCases

    /// `reservedTitles` (title keys, see ``key(_:)``) and `reservedTexts` are taken by an
    /// earlier corpus this one continues: no title or one-off event repeats them.
    init(pool: EventPool, seed: UInt64, reservedTitles: Set<String> = [], reservedTexts: Set<String> = []) {
        self.pool = pool
        self.seed = seed
        titleKeys = reservedTitles
        oneOffTexts = reservedTexts
        var patterns: [Topic: TopicPatterns] = [:]
        for topic in Topic.allCases {
            var words = CardVocabulary.common
            for (name, list) in CardVocabulary.context[topic]! { words[name] = list }
            func compile(_ list: [String]) -> [Pattern] { list.map { Pattern($0, words) } }
            let titles = compile(CardVocabulary.titles[topic]!)
            patterns[topic] = TopicPatterns(
                titles: titles, titleWeights: titles.map { min($0.combinations, 20_000) },
                summaries: compile(CardVocabulary.summaries), changes: compile(CardVocabulary.changes),
                reasons: compile(CardVocabulary.reasons), nextSteps: compile(CardVocabulary.nextSteps),
                insights: compile(CardVocabulary.insights), starts: compile(CardVocabulary.takeawayStarts),
                clauses: compile(CardVocabulary.clauses), headlines: compile(CardVocabulary.implicationHeadlines),
                details: compile(CardVocabulary.implicationDetails))
        }
        self.patterns = patterns
        whoPattern = Pattern("{who}", CardVocabulary.common)
        suffixPattern = Pattern("{titleSuffix}", CardVocabulary.common)
        prefixPattern = Pattern("{titlePrefix}", CardVocabulary.common)
        oneOffPatterns = CardVocabulary.oneOffs.map { Pattern($0, CardVocabulary.common) }
        oneOffWeights = oneOffPatterns.map { min($0.combinations, 60_000) }
    }

    /// The article numbered `index`, from its own random stream.
    mutating func make(index: Int) -> GenArticle {
        var rng = Rng(seed: seed, stream: UInt64(index) + 1)
        let topic = topics[rng.below(topics.count)]
        let p = patterns[topic]!
        let source = sources[rng.below(sources.count)]
        let markers = rng.chance(0.5)
        let age = rng.chance(0.6) ? "\(rng.int(1...59))m" : "\(rng.int(1...23))h"

        let title = uniqueTitle(p, &rng)
        // One company, actor, object and measure per card, so its prose hangs together.
        var bound: [String: String] = [:]
        for name in ["company", "actor", "thing", "measure"] {
            bound[name] = rng.pick(CardVocabulary.context[topic]![name]!)
        }
        let summary = rng.pick(p.summaries).fill(&rng, bound: bound)
        let whatChanged = rng.pick(p.changes).fill(&rng, bound: bound)
        let whyItMatters = rng.pick(p.reasons).fill(&rng, bound: bound)
        let whatToDoNext = rng.pick(p.nextSteps).fill(&rng, bound: bound)
        var who = whoPattern.fill(&rng)
        if rng.chance(0.25) {
            let other = whoPattern.fill(&rng)
            if other != who { who += ", " + other }
        }
        let insight = rng.chance(0.3) ? rng.pick(p.insights).fill(&rng, bound: bound) : nil

        var takeaways: [String] = []
        for start in distinct(rng.int(2...5), of: p.starts.count, &rng) {
            takeaways.append(takeaway(p.starts[start], p, bound, &rng))
        }
        var implications: [(String, String)] = []
        let details = distinct(3, of: p.details.count, &rng)
        for (n, headline) in distinct(rng.int(1...3), of: p.headlines.count, &rng).enumerated() {
            implications.append((p.headlines[headline].fill(&rng, bound: bound), p.details[details[n]].fill(&rng, bound: bound)))
        }

        var timeline: [GenArticle.Mention] = []
        let entries = weightedCount(&rng)
        var used: [Int] = []
        for _ in 0..<entries {
            if rng.chance(0.7) {
                var event = pool.pick(topic: topic, &rng)
                var tries = 0
                while used.contains(event) && tries < 20 {
                    event = pool.pick(topic: topic, &rng)
                    tries += 1
                }
                if !used.contains(event) {
                    used.append(event)
                    let e = pool.events[event]
                    let reworded = rng.chance(0.2)
                    let text = reworded ? Reword.reword(e.text, &rng) : e.text
                    timeline.append(.init(date: e.date, text: text, event: e.id, reworded: reworded))
                    continue
                }
                // A tiny pool cited over and over: fall back to a one-off event.
            }
            timeline.append(.init(date: rng.timelineDate(), text: uniqueOneOff(&rng), event: nil, reworded: false))
        }
        // Timelines read oldest first; equal dates keep their drawing order.
        timeline = timeline.enumerated().sorted {
            ($0.element.date.startKey, $0.element.date.endKey, $0.offset) < ($1.element.date.startKey, $1.element.date.endKey, $1.offset)
        }.map(\.element)

        let published = publishedAt(after: timeline.last?.date, &rng)
        let url = index % 2 == 0 ? "https://\(source.domain)/\(source.section)/\(slug(title))-\(String(published.prefix(10)).replacingAll("-", ""))-\(index)" : nil
        return GenArticle(
            index: index, source: source, markers: markers, age: age, title: title, summary: summary,
            whatChanged: whatChanged, whyItMatters: whyItMatters, whatToDoNext: whatToDoNext, whoShouldCare: who,
            insight: insight, takeaways: takeaways, implications: implications, timeline: timeline, url: url,
            publishedAt: published)
    }

    private func weightedCount(_ rng: inout Rng) -> Int {
        let r = rng.below(100)
        return r < 25 ? 2 : r < 60 ? 3 : r < 85 ? 4 : 5
    }

    private func pickWeighted(_ weights: [Int], _ rng: inout Rng) -> Int {
        var r = rng.below(weights.reduce(0, +))
        for (i, w) in weights.enumerated() {
            if r < w { return i }
            r -= w
        }
        return weights.count - 1
    }

    private mutating func uniqueTitle(_ p: TopicPatterns, _ rng: inout Rng) -> String {
        for attempt in 0..<60 {
            var title = p.titles[pickWeighted(p.titleWeights, &rng)].fill(&rng)
            if rng.chance(attempt > 3 ? 0.7 : 0.15) { title += suffixPattern.fill(&rng) }
            if !title.contains(":"), rng.chance(attempt > 3 ? 0.7 : 0.08) { title = prefixPattern.fill(&rng) + title }
            if titleKeys.insert(key(title)).inserted { return title }
            collisions += 1
        }
        var n = 2
        let base = p.titles[0].fill(&rng)
        while !titleKeys.insert(key(base + " (Part \(n))")).inserted { n += 1 }
        return base + " (Part \(n))"
    }

    private mutating func uniqueOneOff(_ rng: inout Rng) -> String {
        for _ in 0..<50 {
            let text = oneOffPatterns[pickWeighted(oneOffWeights, &rng)].fill(&rng)
            if !pool.texts.contains(text) && oneOffTexts.insert(text).inserted { return text }
            collisions += 1
        }
        // Only in corpora of millions of cards: the patterns run out of combinations.
        let base = String(oneOffPatterns[pickWeighted(oneOffWeights, &rng)].fill(&rng).dropLast())
        var n = oneOffTexts.count
        while !oneOffTexts.insert(base + " (filing \(n)).").inserted { n += 1 }
        return base + " (filing \(n))."
    }

    /// 150–250 characters: an opening sentence, then clauses until it is long enough.
    /// `count` different numbers below `n`.
    private func distinct(_ count: Int, of n: Int, _ rng: inout Rng) -> [Int] {
        var all = Array(0..<n)
        rng.shuffle(&all)
        return Array(all.prefix(count))
    }

    private func takeaway(_ start: Pattern, _ p: TopicPatterns, _ bound: [String: String], _ rng: inout Rng) -> String {
        var text = start.fill(&rng, bound: bound)
        var guardCount = 0
        while text.utf8.count < 149 && guardCount < 12 {
            let clause = rng.pick(p.clauses).fill(&rng, bound: bound)
            guardCount += 1
            let addition = clause.hasPrefix(",") || clause.hasPrefix(";") ? clause : ", " + clause
            if text.utf8.count + addition.utf8.count + 1 <= 250 { text += addition }
        }
        while text.utf8.count < 149 { text += ", analysts said" }
        return text + "."
    }

    private func publishedAt(after date: GenDate?, _ rng: inout Rng) -> String {
        var year = date?.year ?? 2025
        let known = date?.month ?? 6
        var month = known == 0 ? 12 : known
        month += rng.int(0...3)
        if month > 12 { month -= 12; year += 1 }
        if year > 2026 { year = 2026; month = 12 }
        let day = rng.int(1...28)
        return "\(year)-\(zeroPadded(month, 2))-\(zeroPadded(day, 2))T\(zeroPadded(rng.int(0...23), 2)):\(zeroPadded(rng.int(0...59), 2)):00Z"
    }
}

/// Letters and digits, lowercased, single-spaced: two titles with the same key are the same
/// title to Annals.
func key(_ title: String) -> String {
    var out: [UInt8] = []
    var space = false
    for scalar in title.lowercased().unicodeScalars {
        if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            if space && !out.isEmpty { out.append(0x20) }
            space = false
            out.append(contentsOf: String(scalar).utf8)
        } else {
            space = true
        }
    }
    return String(decoding: out, as: UTF8.self)
}

func slug(_ title: String) -> String {
    var out = ""
    var dash = false
    for scalar in title.lowercased().unicodeScalars {
        if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
            if dash && !out.isEmpty { out.append("-") }
            dash = false
            out.unicodeScalars.append(scalar)
            if out.utf8.count >= 72 { break }
        } else {
            dash = true
        }
    }
    return out
}
