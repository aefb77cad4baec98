import Foundation
import Synchronization

/// Options for an ingest run.
public struct IngestOptions: Sendable {
    /// The format of every input, or `.auto` to decide per file.
    public var format: InputFormat
    /// Documents stored per transaction: larger is faster, smaller holds the write lock less long.
    public var batchSize: Int

    public init(format: InputFormat = .auto, batchSize: Int = 512) {
        self.format = format
        self.batchSize = max(1, batchSize)
    }
}

/// The largest documents Annals accepts, per format.
public enum DocumentLimits {
    /// A card is a page of text.
    public static let card = 1 << 20
    /// A JSON document (one object or an array of them).
    public static let json = 256 << 20
    /// One line of an NDJSON feed; the feed itself may be of any size.
    public static let ndjsonLine = 16 << 20
}

/// Something that happened to one input during a run, for `--verbose` listings.
public enum IngestEvent: Sendable {
    case stored(origin: String, line: Int?, outcome: StoreOutcome)
    case rejected(Reject)
    case warning(Reject)
}

/// What an ingest run did.
public struct IngestReport: Sendable, Hashable {
    /// Documents read: files, and lines of NDJSON feeds.
    public var documents = 0
    /// Documents whose bytes were already in the archive.
    public var duplicates = 0
    public var new = 0
    public var updated = 0
    public var unchanged = 0
    public var rejects: [Reject] = []
    public var warnings: [Reject] = []

    public init() {}

    /// One line for people and cron mail, e.g. `12 documents: 10 new, 1 updated, 1 unchanged, 0 rejected`.
    public var summary: String {
        var text = "\(documents) document\(documents == 1 ? "" : "s"): \(new) new, \(updated) updated, \(unchanged) unchanged, \(rejects.count) rejected"
        if duplicates > 0 { text += " (\(duplicates) already archived)" }
        if !warnings.isEmpty { text += ", \(warnings.count) warning\(warnings.count == 1 ? "" : "s")" }
        return text
    }
}

/// Reads files, folders and standard input, parses them, and stores them in an ``Archive``.
///
/// Documents are parsed in parallel and stored in batches, one transaction per batch
/// and one savepoint per document: a bad document is recorded as rejected and never
/// stops the others.
public struct Ingestor: Sendable {
    public let archive: Archive
    public let options: IngestOptions

    public init(archive: Archive, options: IngestOptions = IngestOptions()) {
        self.archive = archive
        self.options = options
    }

    /// Ingests `paths` (files, folders, or `-` for `standardInput`).
    public func ingest(
        paths: [String], standardInput: @Sendable () -> [UInt8] = { Array(FileHandle.standardInput.readDataToEndOfFile()) },
        onEvent: @escaping (IngestEvent) -> Void = { _ in }
    ) throws -> IngestReport {
        let runID = try archive.beginRun(inputs: paths)
        do {
            let report = try ingestFiles(paths: paths, standardInput: standardInput, onEvent: onEvent)
            try archive.finishRun(runID, report: report)
            return report
        } catch {
            try? archive.finishRun(runID, report: nil)
            throw error
        }
    }

    private func ingestFiles(
        paths: [String], standardInput: @Sendable () -> [UInt8], onEvent: @escaping (IngestEvent) -> Void
    ) throws -> IngestReport {
        var run = Run(ingestor: self, onEvent: onEvent)
        for path in paths {
            if path == "-" {
                let bytes = standardInput()
                run.add(RawDocument(origin: "stdin", line: nil, format: options.format.resolved(path: "", head: bytes.prefix(1 << 16)), bytes: bytes))
                continue
            }
            let (files, problems) = InputFiles.expand([path])
            for problem in problems { run.reject(problem) }
            for file in files { try run.add(file) }
        }
        try run.flush()
        return run.report
    }

    /// Ingests documents already in memory, e.g. from tests or another program.
    public func ingest(bytes: [UInt8], origin: String, format: InputFormat? = nil) throws -> IngestReport {
        var run = Run(ingestor: self, onEvent: { _ in })
        let format = (format ?? options.format).resolved(path: origin, head: bytes.prefix(1 << 16))
        if format == .ndjson {
            for (number, line) in NDJSONLines(bytes) {
                run.add(RawDocument(origin: origin, line: number, format: .ndjson, bytes: Array(line)))
            }
        } else {
            run.add(RawDocument(origin: origin, line: nil, format: format, bytes: bytes))
        }
        try run.flush()
        return run.report
    }
}

/// A document's bytes before parsing.
struct RawDocument: Sendable {
    var origin: String
    var line: Int?
    var format: InputFormat
    var bytes: [UInt8]
}

/// The lines of an in-memory NDJSON document that hold something, numbered from 1.
func NDJSONLines(_ bytes: [UInt8]) -> [(Int, ArraySlice<UInt8>)] {
    var lines: [(Int, ArraySlice<UInt8>)] = []
    for (index, line) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
        let trimmed = line.last == 0x0D ? line.dropLast() : line
        if trimmed.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
        lines.append((index + 1, trimmed))
    }
    return lines
}

extension Ingestor {
    /// Turns a document's bytes into what will be stored. Pure: runs on any thread.
    static func prepare(_ raw: RawDocument) -> PreparedDocument {
        let content: PreparedDocument.Content
        do {
            switch raw.format {
            case .card, .auto:
                guard raw.bytes.count <= DocumentLimits.card else {
                    throw IngestError.tooLarge(size: raw.bytes.count, limit: DocumentLimits.card)
                }
                let text = try TextDecoding.decode(raw.bytes)
                content = .articles([try CardParser().parse(text)], itemRejects: [])
            case .json:
                try checkText(raw.bytes)
                var parsed: [ParsedArticle] = []
                var rejects: [(index: Int, error: IngestError)] = []
                for item in try FeedParser().parseDocument(raw.bytes) {
                    switch item.result {
                    case .success(let article): parsed.append(article)
                    case .failure(let error): rejects.append((item.index ?? 0, error))
                    }
                }
                if parsed.isEmpty, let first = rejects.first, rejects.count == 1 {
                    content = .rejected(first.error)
                } else {
                    content = .articles(parsed, itemRejects: rejects)
                }
            case .ndjson:
                guard raw.bytes.count <= DocumentLimits.ndjsonLine else {
                    throw IngestError.tooLarge(size: raw.bytes.count, limit: DocumentLimits.ndjsonLine)
                }
                content = .articles([try FeedParser().parseArticle(raw.bytes)], itemRejects: [])
            }
        } catch let error as IngestError {
            content = .rejected(error)
        } catch {
            content = .rejected(.invalidJSON(detail: "\(error)"))
        }
        return PreparedDocument(origin: raw.origin, line: raw.line, format: raw.format == .auto ? .card : raw.format, bytes: raw.bytes, content: content)
    }

    /// Rejects empty and binary JSON documents with the same words as cards.
    private static func checkText(_ bytes: [UInt8]) throws {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { throw IngestError.empty }
        if bytes.contains(0) { throw IngestError.binary }
    }

    /// The state of one run: documents waiting to be parsed and stored, and the report so far.
    struct Run {
        let ingestor: Ingestor
        let onEvent: (IngestEvent) -> Void
        var pending: [RawDocument] = []
        var pendingBytes = 0
        var report = IngestReport()

        init(ingestor: Ingestor, onEvent: @escaping (IngestEvent) -> Void) {
            self.ingestor = ingestor
            self.onEvent = onEvent
        }

        mutating func reject(_ reject: Reject) {
            report.rejects.append(reject)
            onEvent(.rejected(reject))
        }

        mutating func add(_ file: InputFile) throws {
            let head: [UInt8]
            let format: InputFormat
            if ingestor.options.format == .auto && !Self.hasKnownExtension(file.path) {
                do { head = try InputFiles.readHead(file.path, count: 1 << 16) } catch let error as IngestError {
                    reject(Reject(origin: file.path, reason: error.localizedDescription))
                    return
                }
                format = InputFormat.auto.resolved(path: file.path, head: head)
            } else {
                format = ingestor.options.format.resolved(path: file.path, head: [UInt8]())
            }
            do {
                switch format {
                case .ndjson:
                    try InputFiles.forEachLine(of: file.path) { number, line in
                        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
                        add(RawDocument(origin: file.path, line: number, format: .ndjson, bytes: Array(line)))
                        if pending.count >= ingestor.options.batchSize { try flush() }
                    }
                default:
                    let limit = format == .json ? DocumentLimits.json : DocumentLimits.card
                    guard file.size <= limit else {
                        report.documents += 1
                        reject(Reject(origin: file.path, reason: IngestError.tooLarge(size: file.size, limit: limit).localizedDescription))
                        return
                    }
                    add(RawDocument(origin: file.path, line: nil, format: format, bytes: try InputFiles.read(file.path)))
                }
            } catch let error as IngestError {
                reject(Reject(origin: file.path, reason: error.localizedDescription))
            }
            if pending.count >= ingestor.options.batchSize || pendingBytes >= 64 << 20 { try flush() }
        }

        static func hasKnownExtension(_ path: String) -> Bool {
            let lower = path.lowercased()
            return [".ndjson", ".jsonl", ".json", ".txt", ".card", ".md"].contains { lower.hasSuffix($0) }
        }

        mutating func add(_ raw: RawDocument) {
            pending.append(raw)
            pendingBytes += raw.bytes.count
        }

        /// Parses the pending documents in parallel and stores them in one transaction.
        mutating func flush() throws {
            guard !pending.isEmpty else { return }
            let batch = pending
            pending = []
            pendingBytes = 0
            let prepared = Self.prepareConcurrently(batch)
            let outcomes = try ingestor.archive.store(prepared)
            for (document, outcome) in zip(prepared, outcomes) {
                report.documents += 1
                if outcome.duplicate { report.duplicates += 1 }
                report.new += outcome.new
                report.updated += outcome.updated
                report.unchanged += outcome.unchanged
                if case .articles(let articles, _) = document.content {
                    for warning in articles.flatMap(\.warnings) {
                        let reject = Reject(origin: document.origin, line: document.line, reason: warning)
                        report.warnings.append(reject)
                        if !outcome.duplicate { onEvent(.warning(reject)) }
                    }
                }
                for reject in outcome.rejects {
                    report.rejects.append(reject)
                    onEvent(.rejected(reject))
                }
                onEvent(.stored(origin: document.origin, line: document.line, outcome: outcome))
            }
        }

        static func prepareConcurrently(_ batch: [RawDocument]) -> [PreparedDocument] {
            let slots = Mutex([PreparedDocument?](repeating: nil, count: batch.count))
            let workers = min(batch.count, max(1, ProcessInfo.processInfo.activeProcessorCount))
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var index = worker
                var local: [(Int, PreparedDocument)] = []
                while index < batch.count {
                    local.append((index, Ingestor.prepare(batch[index])))
                    index += workers
                }
                slots.withLock { slots in
                    for (index, document) in local { slots[index] = document }
                }
            }
            return slots.withLock { $0.map { $0! } }
        }
    }
}
