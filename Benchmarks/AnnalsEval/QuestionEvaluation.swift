import AnnalsKit
import Foundation

/// Natural questions asked of the evaluation corpus (`fixtures/eval/questions.tsv`), each
/// answered by `Archive.answer` as `annals ask` does, and scored against the true events
/// the hand annotations say answer it.
///
/// An answer's rows are stored events; each stands for the true event most of its lines
/// cite. A row is correct when that true event is required or acceptable and no earlier
/// row stood for it (a duplicate row is a wrong row). Precision: correct rows over rows;
/// recall: required events found over required events.
public struct QuestionEvaluation: Sendable {
    /// One question and how it was answered.
    public struct Result: Sendable {
        public var question: String
        public var understanding: String
        public var required: Set<String>
        public var acceptable: Set<String>
        /// The true event of each row, in order (nil: a row no line of the corpus maps to).
        public var rows: [String?]
        /// Why the question could not be asked, when it could not.
        public var error: String?

        public var correct: Int {
            var seen = Set<String>()
            return rows.filter { row in
                guard let row, required.contains(row) || acceptable.contains(row) else { return false }
                return seen.insert(row).inserted
            }.count
        }
        public var found: Set<String> { required.intersection(rows.compactMap { $0 }) }
        public var missed: Set<String> { required.subtracting(found) }
        public var wrong: [String] {
            var seen = Set<String>()
            return rows.map { $0 ?? "?" }.filter { row in
                !(required.contains(row) || acceptable.contains(row)) || !seen.insert(row).inserted
            }
        }
        public var precision: Double? { rows.isEmpty ? (required.isEmpty ? nil : 0) : Double(correct) / Double(rows.count) }
        public var recall: Double? { required.isEmpty ? nil : Double(found.count) / Double(required.count) }
        /// Empty when something was expected, or not empty when nothing was.
        public var emptyWrongly: Bool { required.isEmpty != rows.isEmpty || error != nil }
    }

    public static let today = Day(year: 2026, month: 12, day: 2)!

    public var results: [Result] = []

    /// Micro-averaged over every question: correct rows over rows, found over required.
    public var precision: Double {
        let rows = results.map(\.rows.count).reduce(0, +)
        return rows == 0 ? 0 : Double(results.map(\.correct).reduce(0, +)) / Double(rows)
    }
    public var recall: Double {
        let required = results.map(\.required.count).reduce(0, +)
        return required == 0 ? 0 : Double(results.map(\.found.count).reduce(0, +)) / Double(required)
    }

    /// Ingests the corpus in name order into an archive under `folder` and asks every question.
    public init(corpus: EvaluationCorpus, folder: URL) throws {
        let questions = try Self.questions(corpus)
        var results: [Result] = []
        _ = try EvaluationRun(corpus: corpus, inputs: corpus.inputFiles, folder: folder) { archive, placed in
            let truth = Self.trueEvents(placed, corpus)
            for (question, required, acceptable) in questions {
                var result = Result(
                    question: question, understanding: "", required: required, acceptable: acceptable, rows: [])
                do {
                    var answer = try archive.answer(question: question, today: Self.today)
                    answer.filter.limit = nil
                    result.understanding = answer.understanding
                    try archive.forEachEvent(matching: answer.filter) { result.rows.append(truth[$0.id]) }
                } catch {
                    result.error = "\(error)"
                }
                results.append(result)
            }
        }
        self.results = results
    }

    /// The true event of each stored event: the one most of its lines cite.
    static func trueEvents(
        _ placed: [EvaluationCorpus.MentionKey: EvaluationRun.Placed], _ corpus: EvaluationCorpus
    ) -> [Int64: String] {
        var votes: [Int64: [String: Int]] = [:]
        for mention in corpus.mentions {
            if let id = placed[mention.key]?.event { votes[Int64(id), default: [:]][mention.event, default: 0] += 1 }
        }
        return votes.mapValues { counts in counts.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key }
    }

    /// The questions of `questions.tsv` with their required and acceptable true events.
    static func questions(_ corpus: EvaluationCorpus) throws -> [(String, Set<String>, Set<String>)] {
        let file = "questions.tsv"
        let text = try String(contentsOf: corpus.root.appending(path: file), encoding: .utf8)
        var questions: [(String, Set<String>, Set<String>)] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("#") || line.allSatisfy(\.isWhitespace) { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let truth = columns.count > 1 ? columns[1] : ""
            var required: Set<String> = [], acceptable = Set(columns.count > 2 ? columns[2].split(separator: " ").map(String.init) : [])
            if truth.hasPrefix("where ") {
                let (matching, also) = try select(truth.dropFirst(6), in: corpus, line: "\(file):\(number + 1)")
                required = matching
                acceptable.formUnion(also)
            } else {
                required = Set(truth.split(separator: " ").map(String.init))
            }
            for id in required.union(acceptable) where corpus.events[id] == nil {
                throw EvaluationError.bad("\(file):\(number + 1)", "no event '\(id)' in events.tsv")
            }
            questions.append((columns[0], required, acceptable.subtracting(required)))
        }
        return questions
    }

    /// The true events meeting every condition, and those that would with an "also" topic.
    static func select(_ conditions: Substring, in corpus: EvaluationCorpus, line: String) throws -> (Set<String>, Set<String>) {
        var required: Set<String> = [], acceptable: Set<String> = []
        let parts = conditions.split(separator: " ").map { $0.split(separator: "=", maxSplits: 1).map(String.init) }
        for event in corpus.events.values {
            var meets = true, alsoMeets = true
            for part in parts {
                guard part.count == 2 else { throw EvaluationError.bad(line, "a condition is not name=value: \(part)") }
                let value = part[1].replacingOccurrences(of: "_", with: " ")
                switch part[0] {
                case "topic":
                    if !event.topics.contains(value) { meets = false }
                    if !event.topics.contains(value) && !event.also.contains(value) { alsoMeets = false }
                case "entity":
                    let names = Set(value.split(separator: "|").map(String.init))
                    if event.entities.isDisjoint(with: names) { meets = false; alsoMeets = false }
                case "since":
                    if event.date < value { meets = false; alsoMeets = false }
                case "until":
                    if event.date > value + "~" { meets = false; alsoMeets = false }
                default:
                    throw EvaluationError.bad(line, "unknown condition '\(part[0])'")
                }
            }
            if meets { required.insert(event.id) } else if alsoMeets { acceptable.insert(event.id) }
        }
        return (required, acceptable)
    }

    /// One line per question (precision, recall, understanding), then with `details` what
    /// each missed and what it listed wrongly.
    public func text(details: Bool) -> String {
        func f(_ value: Double?) -> String { value.map { String(format: "%.2f", $0) } ?? "  – " }
        var out = "questions: \(results.count); precision \(String(format: "%.3f", precision)), recall \(String(format: "%.3f", recall)); "
            + "empty or failed when they should not be: \(results.filter(\.emptyWrongly).count)\n\n"
        out += "| P | R | rows | question | understood as |\n| ---: | ---: | ---: | --- | --- |\n"
        for result in results {
            out += "| \(f(result.precision)) | \(f(result.recall)) | \(result.rows.count) | \(result.question) | "
                + "\(result.error ?? result.understanding) |\n"
            if details {
                if !result.missed.isEmpty { out += "|  |  |  | missed: \(result.missed.sorted().joined(separator: ", ")) | |\n" }
                if !result.wrong.isEmpty { out += "|  |  |  | wrong: \(result.wrong.joined(separator: ", ")) | |\n" }
            }
        }
        return out
    }
}
