import AnnalsKit
import Foundation

/// Ingests the evaluation corpus into a new archive, in a given order and number of runs,
/// and reads back where every timeline line went and how it was tagged.
public struct EvaluationRun: Sendable {
    /// What the archive made of one timeline line of the corpus.
    public struct Placed: Sendable, Hashable {
        public var key: EvaluationCorpus.MentionKey
        public var event: Int?
        public var eventText: String
        public var topics: Set<String>
        public var entities: Set<String>
    }

    public struct Article: Sendable, Hashable {
        public var file: String
        public var title: String
        public var topics: Set<String>
    }

    public var placed: [EvaluationCorpus.MentionKey: Placed] = [:]
    public var articles: [Article] = []
    /// Ingest problems (rejects and warnings), which the corpus should have none of.
    public var problems: [String] = []

    /// The clustering, as sets of lines: what order independence compares.
    public var partition: Set<Set<EvaluationCorpus.MentionKey>> {
        var byEvent: [Int: Set<EvaluationCorpus.MentionKey>] = [:]
        var alone: Set<Set<EvaluationCorpus.MentionKey>> = []
        for (key, place) in placed {
            if let event = place.event { byEvent[event, default: []].insert(key) } else { alone.insert([key]) }
        }
        return alone.union(byEvent.values)
    }

    /// Ingests `inputs` (corpus-relative, in this order) in `runs` successive ingest runs,
    /// each writing `batchSize` documents per transaction, into a new archive file under
    /// `folder`, then reads it back.
    /// `inspect`, when given, sees the archive and where each line went before the archive is deleted.
    public init(
        corpus: EvaluationCorpus, inputs: [String], runs: Int = 1, batchSize: Int = IngestOptions().batchSize, folder: URL,
        inspect: ((Archive, [EvaluationCorpus.MentionKey: Placed]) throws -> Void)? = nil
    ) throws {
        let path = folder.appending(path: "eval-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm", ".lock"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let archive = try Archive(path: path)
        let ingestor = Ingestor(archive: archive, options: IngestOptions(batchSize: batchSize, settle: 0))
        let size = max(1, (inputs.count + runs - 1) / max(1, runs))
        for start in stride(from: 0, to: inputs.count, by: size) {
            let report = try ingestor.ingest(paths: inputs[start..<min(inputs.count, start + size)].map(corpus.path))
            problems += (report.rejects + report.warnings).map { "\($0.origin): \($0.reason)" }
        }
        var topics: [Int: Set<String>] = [:], entities: [Int: Set<String>] = [:], texts: [Int: String] = [:]
        try archive.readOnlyQuery(
            "SELECT et.event_id, t.slug FROM event_topics et JOIN topics t ON t.id = et.topic_id", header: { _ in }
        ) { row in topics[Int(row[0]!)!, default: []].insert(row[1]!) }
        try archive.readOnlyQuery(
            "SELECT ee.event_id, e.name FROM event_entities ee JOIN entities e ON e.id = ee.entity_id", header: { _ in }
        ) { row in entities[Int(row[0]!)!, default: []].insert(row[1]!) }
        try archive.readOnlyQuery("SELECT id, text FROM events", header: { _ in }) { row in texts[Int(row[0]!)!] = row[1] ?? "" }
        try archive.readOnlyQuery(
            """
            SELECT d.origin, t.text, t.event_id FROM timeline_entries t
            JOIN articles a ON a.id = t.article_id JOIN documents d ON d.id = a.document_id
            """, header: { _ in }
        ) { row in
            let key = EvaluationCorpus.MentionKey(file: URL(fileURLWithPath: row[0]!).lastPathComponent, text: row[1]!)
            let event = row[2].flatMap { Int($0) }
            placed[key] = Placed(
                key: key, event: event, eventText: event.flatMap { texts[$0] } ?? "",
                topics: event.flatMap { topics[$0] } ?? [], entities: event.flatMap { entities[$0] } ?? [])
        }
        var articleTopics: [Int: Set<String>] = [:]
        try archive.readOnlyQuery(
            "SELECT at.article_id, t.slug FROM article_topics at JOIN topics t ON t.id = at.topic_id", header: { _ in }
        ) { row in articleTopics[Int(row[0]!)!, default: []].insert(row[1]!) }
        try archive.readOnlyQuery(
            "SELECT a.id, d.origin, a.title FROM articles a JOIN documents d ON d.id = a.document_id", header: { _ in }
        ) { row in
            articles.append(Article(
                file: URL(fileURLWithPath: row[1]!).lastPathComponent, title: row[2] ?? "",
                topics: articleTopics[Int(row[0]!)!] ?? []))
        }
        try inspect?(archive, placed)
    }
}

/// Micro-averaged precision and recall of tags: over every (item, tag) pair.
public struct TagScore: Sendable {
    public var found = 0
    public var required = 0
    public var correct = 0
    public var predicted = 0
    /// (item, tag) pairs required and not found, and found and not acceptable.
    public var misses: [(item: String, tag: String)] = []
    public var extras: [(item: String, tag: String)] = []

    public var recall: Double? { required == 0 ? nil : Double(found) / Double(required) }
    public var precision: Double? { predicted == 0 ? nil : Double(correct) / Double(predicted) }

    /// Scores one item: `required` tags must be found; tags in `acceptable` (a superset of
    /// `required`) are not counted against precision.
    mutating func add(item: String, predicted tags: Set<String>, required: Set<String>, acceptable: Set<String>) {
        self.required += required.count
        found += tags.intersection(required).count
        predicted += tags.count
        correct += tags.intersection(acceptable.union(required)).count
        misses += required.subtracting(tags).sorted().map { (item, $0) }
        extras += tags.subtracting(acceptable.union(required)).sorted().map { (item, $0) }
    }
}

/// The scores of one run against the truth, for a subset of the corpus' parts.
public struct EvaluationScore: Sendable {
    public var merge: MergerScore<String>
    public var eventTopics = TagScore()
    public var eventEntities = TagScore()
    public var articleTopics = TagScore()
    /// Lines of one true event that the archive kept apart: the event and its groups.
    public var splits: [(event: String, groups: [[String]])] = []
    /// Archive events holding lines of several true events: the true events and their lines.
    public var wrongMerges: [(events: [String], lines: [String])] = []
    /// Truth lines with no timeline entry in the archive.
    public var missing: [String] = []

    public init(corpus: EvaluationCorpus, run: EvaluationRun, parts: Set<String>? = nil) {
        let mentions = corpus.mentions.filter { parts?.contains($0.part) ?? true }
        var scored: [(truth: String?, predicted: Int?)] = []
        var byTruth: [String: [Int?: [String]]] = [:]
        var byEvent: [Int: [String: [String]]] = [:]
        for mention in mentions {
            guard let place = run.placed[mention.key] else {
                missing.append(mention.key.description)
                continue
            }
            scored.append((mention.event, place.event))
            let line = "\(mention.file) [\(mention.date)] \(mention.text)"
            byTruth[mention.event, default: [:]][place.event, default: []].append(line)
            if let event = place.event { byEvent[event, default: [:]][mention.event, default: []].append(line) }
            let truth = corpus.events[mention.event]!
            let item = "\(mention.event) ← \(line)"
            eventTopics.add(item: item, predicted: place.topics, required: truth.topics, acceptable: truth.also)
            eventEntities.add(item: item, predicted: place.entities, required: truth.entities, acceptable: truth.entities)
        }
        merge = MergerScore(mentions: scored, missing: missing.count)
        splits = byTruth.filter { $0.value.count > 1 }.map { ($0.key, $0.value.values.map { $0.sorted() }.sorted { $0[0] < $1[0] }) }
            .sorted { $0.event < $1.event }
        wrongMerges = byEvent.values.filter { $0.count > 1 }.map { ($0.keys.sorted(), $0.values.flatMap { $0 }.sorted()) }
            .sorted { $0.events.lexicographicallyPrecedes($1.events) }
        var articlesByFile: [String: [EvaluationRun.Article]] = [:]
        for article in run.articles { articlesByFile[article.file, default: []].append(article) }
        for truth in corpus.articles where parts?.contains(truth.part) ?? true {
            let candidates = articlesByFile[truth.file] ?? []
            // A feed holds several articles: the title tells them apart.
            guard let article = candidates.count == 1 ? candidates.first : candidates.first(where: { $0.title == truth.title }) else {
                missing.append("article \(truth.file) \(truth.title)")
                continue
            }
            articleTopics.add(item: "\(truth.file) \(article.title)", predicted: article.topics, required: truth.topics, acceptable: truth.topics)
        }
    }
}
