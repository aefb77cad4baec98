#if canImport(Glibc)
import Glibc
#endif

/// What `annals-bench generate` makes; see Benchmarks/README.md.
struct GeneratorConfig {
    var cards: Int
    var out: String
    var seed: UInt64 = 1
    /// The seed of the articles; the pool always comes from `seed`. A second corpus with
    /// the same `seed` and pool size but another article seed cites the same events.
    var articleSeed: UInt64? = nil
    /// Background events; default ``EventPool/defaultSize(cards:)``.
    var poolSize: Int? = nil
    /// The number of the first card (file `cards/DDD/NNNNNN.txt` holds card NNNNNN).
    var start: Int = 0
    /// Replace the outputs of an earlier run in `out`.
    var force = false
    /// A corpus this one continues (its folder): no title or one-off event of it is reused,
    /// so every article here is new to an archive that holds that corpus.
    var after: String? = nil
}

struct GeneratorSummary {
    var cards = 0
    var mentions = 0
    var poolMentions = 0
    var reworded = 0
    var oneOffs = 0
    var poolEvents = 0
    var poolEventsCited = 0
    var nearMissPairs = 0
    var titleRetries = 0
    var bytes = 0
    var seconds = 0.0

    var description: String {
        "\(cards) cards, \(mentions) timeline entries (\(poolMentions) of \(poolEventsCited)/\(poolEvents) pool events, "
            + "\(reworded) reworded; \(oneOffs) one-offs), \(nearMissPairs) near-miss pairs, "
            + "\(bytes / 1_000_000) MB in \(format(seconds, 2)) s"
    }
}

enum Generator {
    /// The card file of card `index`, relative to the corpus folder.
    static func cardPath(_ index: Int) -> String {
        "cards/\(zeroPadded(index / 1000, 3))/\(zeroPadded(index, 6)).txt"
    }

    static func generate(_ config: GeneratorConfig) throws -> GeneratorSummary {
        let started = monotonicSeconds()
        guard config.cards >= 1 else { throw OutputError(description: "--cards must be at least 1") }
        let out = config.out
        let outputs = ["cards", "flat", "feed.ndjson", "truth.json"].map { out + "/" + $0 }
        if let existing = outputs.first(where: fileExists) {
            guard config.force else {
                throw OutputError(description: "\(existing) already exists: remove it, choose another --out, or pass --force")
            }
            for path in outputs { try removeTree(path) }
        }
        try makeDirectories(out + "/cards")
        try makeDirectories(out + "/flat")

        let poolSize = config.poolSize ?? EventPool.defaultSize(cards: config.cards)
        let pool = EventPool(seed: config.seed, size: poolSize)
        var reservedTitles = Set<String>(), reservedTexts = Set<String>()
        if let after = config.after {
            let articles = parseCSV(readBytes(after + "/flat/articles.csv"))
            let entries = parseCSV(readBytes(after + "/flat/timeline_entries.csv"))
            guard articles.count > 1, let title = articles[0].firstIndex(of: "title"),
                let text = entries.first?.firstIndex(of: "text")
            else { throw OutputError(description: "\(after)/flat/ does not hold a generated corpus") }
            for row in articles.dropFirst() where row.count > title { reservedTitles.insert(key(row[title])) }
            for row in entries.dropFirst() where row.count > text { reservedTexts.insert(row[text]) }
        }
        var factory = ArticleFactory(
            pool: pool, seed: config.articleSeed ?? config.seed, reservedTitles: reservedTitles, reservedTexts: reservedTexts)
        let feed = try BufferedFile(out + "/feed.ndjson")
        let flat = try FlatWriter(folder: out + "/flat")
        var summary = GeneratorSummary()
        summary.poolEvents = pool.events.count
        summary.nearMissPairs = pool.events.filter { $0.nearMissOf != nil }.count

        var truthCards = ByteBuffer(capacity: config.cards * 40)
        var truthLines = ByteBuffer(capacity: config.cards * 20)
        var truthReworded = ByteBuffer()
        var cited = [Bool](repeating: false, count: pool.events.count + 1)
        var card = ByteBuffer(capacity: 8192)
        var folder = -1
        for n in 0..<config.cards {
            let index = config.start + n
            let article = factory.make(index: index)
            if index / 1000 != folder {
                folder = index / 1000
                try makeDirectories(out + "/cards/" + zeroPadded(folder, 3))
            }
            let path = cardPath(index)
            card.removeAll()
            Render.card(article, into: &card)
            try writeFile(out + "/" + path, card.bytes)
            summary.bytes += card.count

            Render.feedLine(article, into: &feed.buffer)
            try feed.flushIfLarge()
            try flat.add(article, id: n + 1, card: path)

            let ids = article.timeline.map { $0.event.map(String.init) ?? "null" }.joined(separator: ",")
            truthCards.append(n == 0 ? "\n    " : ",\n    ")
            truthCards.jsonString(path)
            truthCards.append(": [\(ids)]")
            truthLines.append(n == 0 ? "\n      [\(ids)]" : ",\n      [\(ids)]")
            let reworded = article.timeline.enumerated().filter(\.element.reworded).map { String($0.offset + 1) }
            if !reworded.isEmpty {
                truthReworded.append(truthReworded.count == 0 ? "\n    " : ",\n    ")
                truthReworded.jsonString(path)
                truthReworded.append(": [\(reworded.joined(separator: ","))]")
            }

            summary.cards += 1
            summary.mentions += article.timeline.count
            for mention in article.timeline {
                if let event = mention.event {
                    summary.poolMentions += 1
                    cited[event] = true
                    if mention.reworded { summary.reworded += 1 }
                } else {
                    summary.oneOffs += 1
                }
            }
        }
        try feed.close()
        try flat.close()
        summary.poolEventsCited = cited.filter { $0 }.count
        summary.titleRetries = factory.collisions

        let truth = try BufferedFile(out + "/truth.json")
        var t = truth.buffer
        t.append("{\n  \"format\": \"annals-bench truth 1\",\n")
        t.append("  \"seed\": \(config.seed),\n  \"article_seed\": \(config.articleSeed ?? config.seed),\n")
        t.append("  \"cards\": \(config.cards),\n  \"first_card\": \(config.start),\n  \"pool_size\": \(pool.events.count),\n")
        t.append("  \"pool\": [")
        for (i, e) in pool.events.enumerated() {
            t.append(i == 0 ? "\n    {\"id\": " : ",\n    {\"id\": ")
            t.number(e.id)
            t.append(", \"date\": \"\(e.date.text)\", \"topic\": \"\(e.topic.rawValue)\", \"text\": ")
            t.jsonString(e.text)
            t.append(", \"near_miss_of\": \(e.nearMissOf.map(String.init) ?? "null"), \"near_miss\": ")
            if let kind = e.nearMiss { t.jsonString(kind) } else { t.append("null") }
            t.append("}")
        }
        t.append("\n  ],\n  \"card_files\": {")
        t.bytes += truthCards.bytes
        t.append("\n  },\n  \"feed\": {\n    \"path\": \"feed.ndjson\",\n    \"lines\": [")
        t.bytes += truthLines.bytes
        t.append("\n    ]\n  },\n  \"reworded\": {")
        t.bytes += truthReworded.bytes
        t.append("\n  }\n}\n")
        truth.buffer = t
        try truth.close()

        summary.seconds = monotonicSeconds() - started
        return summary
    }
}

func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// `value` with `decimals` digits after the point, without Foundation's formatters.
func format(_ value: Double, _ decimals: Int) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let negative = value < 0
    let scaled = (abs(value) * scale).rounded()
    guard scaled < 9e18 else { return String(value) }
    let n = Int(scaled)
    let whole = n / Int(scale)
    var text = (negative && n != 0 ? "-" : "") + String(whole)
    if decimals > 0 { text += "." + zeroPadded(n % Int(scale), decimals) }
    return text
}
