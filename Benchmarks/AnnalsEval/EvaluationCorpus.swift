import Foundation

/// The hand-written evaluation corpus in `fixtures/eval/` (see its README): cards and a feed
/// about real 2018–2025 tech-policy history, and the ground truth for each timeline line
/// (which real event it cites) and for each event (its topics and entities) and article.
///
/// The corpus is in four parts written independently: A and B are the development half
/// (the rules were tuned while looking at them), C and D the held-out half, scored apart
/// so a rule that only fits the development wording shows as a gap.
public struct EvaluationCorpus: Sendable {
    /// A real-world event of the catalog (`events.tsv`, or a part's `truth/P-events.tsv`).
    public struct TrueEvent: Sendable, Hashable {
        public var id: String
        public var date: String
        /// The topics an analyst requires on the event.
        public var topics: Set<String>
        /// Topics that are defensible too: not required, not counted against precision.
        public var also: Set<String>
        public var entities: Set<String>
        public var summary: String
    }

    /// One timeline line of the corpus and the event it cites.
    public struct Mention: Sendable, Hashable {
        /// The input file's name (`A01-….txt`, `B-wire.ndjson`).
        public var file: String
        public var event: String
        public var date: String
        public var text: String
        /// `A`…`D`: which part's truth file names it.
        public var part: String

        /// How a stored timeline entry is found again: its file and its text.
        public var key: MentionKey { MentionKey(file: file, text: text) }
    }

    public struct MentionKey: Sendable, Hashable, Comparable, CustomStringConvertible {
        public var file: String
        public var text: String

        public init(file: String, text: String) {
            self.file = file
            self.text = text.trimmingCharacters(in: .whitespaces)
        }

        public static func < (a: MentionKey, b: MentionKey) -> Bool { (a.file, a.text) < (b.file, b.text) }
        public var description: String { "\(file): \(text)" }
    }

    /// The topics of one article as a whole.
    public struct ArticleTruth: Sendable, Hashable {
        public var file: String
        public var title: String
        public var topics: Set<String>
        public var part: String
    }

    /// The parts tuned on, and the parts held out.
    public static let developmentParts: Set<String> = ["A", "B"]

    public let root: URL
    public var events: [String: TrueEvent] = [:]
    public var mentions: [Mention] = []
    public var articles: [ArticleTruth] = []
    /// Every card and feed of the corpus, by name.
    public var inputFiles: [String] = []

    /// Reads the corpus at `root` (`fixtures/eval`), refusing truth that names an unknown
    /// event, cites an event twice in one file, or lists a file that is not there.
    public init(root: URL) throws {
        self.root = root
        let truth = root.appending(path: "truth")
        let fm = FileManager.default
        func table(_ url: URL) throws -> [[String: String]] { try TSV.read(url) }
        for row in try table(root.appending(path: "events.tsv")) { try add(event: row, from: "events.tsv") }
        let truthFiles = try fm.contentsOfDirectory(atPath: truth.path).filter { $0.hasSuffix(".tsv") }.sorted()
        for name in truthFiles where name.hasSuffix("-events.tsv") {
            for row in try table(truth.appending(path: name)) { try add(event: row, from: name) }
        }
        for name in truthFiles where !name.contains("-") {
            let part = String(name.dropLast(4))
            for row in try table(truth.appending(path: name)) {
                let mention = Mention(
                    file: try TSV.field(row, "file", in: name), event: try TSV.field(row, "event", in: name),
                    date: try TSV.field(row, "date", in: name), text: try TSV.field(row, "text", in: name), part: part)
                guard events[mention.event] != nil else { throw EvaluationError.bad(name, "unknown event '\(mention.event)'") }
                mentions.append(mention)
            }
        }
        for name in truthFiles where name.hasSuffix("-articles.tsv") {
            let part = String(name.prefix(while: { $0 != "-" }))
            for row in try table(truth.appending(path: name)) {
                articles.append(ArticleTruth(
                    file: try TSV.field(row, "file", in: name), title: row["title"] ?? "",
                    topics: TSV.set(row["topics"]), part: part))
            }
        }
        for folder in ["cards", "feeds"] {
            let url = root.appending(path: folder)
            for name in (try? fm.contentsOfDirectory(atPath: url.path)) ?? [] where !name.hasPrefix(".") {
                inputFiles.append("\(folder)/\(name)")
            }
        }
        inputFiles.sort()
        let names = Set(inputFiles.map { String($0.split(separator: "/").last!) })
        var cited = Set<MentionKey>()
        var perFile = Set<[String]>()
        for mention in mentions {
            guard names.contains(mention.file) else { throw EvaluationError.bad("truth/\(mention.part).tsv", "no input file \(mention.file)") }
            guard cited.insert(mention.key).inserted else { throw EvaluationError.bad("truth/\(mention.part).tsv", "\(mention.key) is listed twice") }
            guard perFile.insert([mention.file, mention.event]).inserted || mention.file.hasSuffix(".ndjson") else {
                throw EvaluationError.bad("truth/\(mention.part).tsv", "\(mention.file) cites \(mention.event) twice")
            }
        }
    }

    private mutating func add(event row: [String: String], from name: String) throws {
        let id = try TSV.field(row, "id", in: name)
        guard events[id] == nil else { throw EvaluationError.bad(name, "event '\(id)' is defined twice") }
        events[id] = TrueEvent(
            id: id, date: try TSV.field(row, "date", in: name), topics: TSV.set(row["topics"]), also: TSV.set(row["also"]),
            entities: TSV.set(row["entities"]), summary: row["summary"] ?? "")
    }

    /// The absolute path of an input file (`cards/A01-….txt`).
    public func path(_ input: String) -> String { root.appending(path: input).path }
}

/// A problem with the corpus itself (not with Annals): the file and what is wrong.
public enum EvaluationError: Error, CustomStringConvertible {
    case bad(String, String)

    public var description: String {
        switch self {
        case let .bad(file, reason): "fixtures/eval/\(file): \(reason)"
        }
    }
}

/// Tab-separated tables with a header row, as the truth files are written.
enum TSV {
    static func read(_ url: URL) throws -> [[String: String]] {
        let text = try String(contentsOf: url, encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard let header = lines.first?.components(separatedBy: "\t") else { return [] }
        return try lines.dropFirst().enumerated().compactMap { index, line in
            if line.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
            let cells = line.components(separatedBy: "\t")
            guard cells.count <= header.count else {
                throw EvaluationError.bad(url.lastPathComponent, "line \(index + 2) has \(cells.count) cells, the header \(header.count)")
            }
            return Dictionary(uniqueKeysWithValues: zip(header, cells + Array(repeating: "", count: header.count - cells.count)))
        }
    }

    static func field(_ row: [String: String], _ name: String, in file: String) throws -> String {
        guard let value = row[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
            throw EvaluationError.bad(file, "a row has no \(name): \(row)")
        }
        return value
    }

    /// `a; b; c` → a set.
    static func set(_ cell: String?) -> Set<String> {
        Set((cell ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
    }
}
