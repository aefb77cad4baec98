// One ingest run: reading files and streams into documents, storing them in batches, and
// recording or moving each file once all its documents are stored.

import Foundation

extension Ingestor {
    /// The progress of one file through a run.
    struct FileState {
        var file: InputFile
        var documents = 0
        var processed = 0
        var accepted = 0
        var reasons: [String] = []
        /// Lines of an NDJSON file refused before they became documents (too long).
        var failedLines = 0
        /// All of the file's documents have been handed to the batch.
        var complete = false
        /// The file itself was refused (unreadable, too large) before any document.
        var refused = false
    }

    /// The state of one run: documents waiting to be parsed and stored, files waiting to
    /// be recorded or moved, and the report so far.
    struct Run {
        let ingestor: Ingestor
        let onEvent: (IngestEvent) -> Void
        /// The files ingested before in each folder the walk is in, the innermost last
        /// (see ``enter(folder:)``).
        var seen: [[String: (size: Int, modified: Double)]] = []
        let classifier: ArticleClassifier
        let merger: EventMerger
        var pending: [RawDocument] = []
        var pendingBytes = 0
        /// The batch being parsed in the background while the previous one is stored.
        var inFlight: PrepareJob?
        var files: [Int: FileState] = [:]
        var nextFile = 0
        var report = IngestReport()

        init(ingestor: Ingestor, onEvent: @escaping (IngestEvent) -> Void) throws {
            self.ingestor = ingestor
            self.onEvent = onEvent
            let taxonomy = try ingestor.archive.taxonomy()
            classifier = try ArticleClassifier(taxonomy: taxonomy)
            merger = EventMerger(taxonomy: taxonomy)
        }

        var options: IngestOptions { ingestor.options }

        /// The walk enters `folder`: the files recorded as ingested in it are read (none
        /// with `rescan`), and forgotten when it leaves.
        mutating func enter(folder: String) throws {
            seen.append(options.rescan ? [:] : try ingestor.archive.seenFiles(in: folder))
        }

        mutating func leave() {
            seen.removeLast()
        }

        /// How `file` was when it was last ingested, if it was (and `rescan` is off).
        func seenBefore(_ file: InputFile) throws -> (size: Int, modified: Double)? {
            guard !options.rescan else { return nil }
            guard !file.explicit else { return try ingestor.archive.seenFile(at: file.key) }
            return seen.last?[file.key]
        }

        mutating func reject(_ reject: Reject) {
            report.rejects.append(reject)
            onEvent(.rejected(reject))
        }

        mutating func warn(_ warning: Reject) {
            report.warnings.append(warning)
            onEvent(.warning(warning))
        }

        /// A document or line refused before it was read whole (over its limit): recorded
        /// with its reason, not kept.
        @discardableResult
        mutating func refuse(_ error: IngestError, origin: String, line: Int? = nil, reason: String? = nil) throws -> Reject {
            let reject = Reject(origin: origin, line: line, reason: reason ?? error.localizedDescription)
            report.documents += 1
            self.reject(reject)
            try ingestor.archive.recordReject(reject)
            return reject
        }

        /// Reads standard input, a FIFO or a device once, as it comes: a card or JSON
        /// document up to its limit, an NDJSON feed line by line up to the line limit. Past
        /// a limit the rest is not read: a stream may have no end.
        mutating func add(stream source: inout ByteSource, origin: String, formatPath: String) throws {
            do {
                let format = options.format.resolved(path: formatPath, head: try source.peek(1 << 16))
                switch format {
                case .ndjson:
                    try InputFiles.forEachLine(of: &source, maxLength: DocumentLimits.ndjsonLine) { number, line in
                        switch line {
                        case .text(let bytes):
                            try addLine(bytes, number: number, origin: origin, file: nil)
                        case .tooLong:
                            try refuse(.streamTooLarge(limit: DocumentLimits.ndjsonLine), origin: origin, line: number)
                        }
                    }
                default:
                    let bytes = try InputFiles.read(&source, limit: format == .json ? DocumentLimits.json : DocumentLimits.card)
                    try add(bytes: bytes, origin: origin, format: format)
                }
            } catch let error as IngestError {
                try refuse(error, origin: origin)
            }
        }

        mutating func add(bytes: [UInt8], origin: String, format: InputFormat) throws {
            if format == .ndjson {
                var number = 0
                for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
                    number += 1
                    try addLine(line, number: number, origin: origin, file: nil)
                }
            } else {
                try add(RawDocument(origin: origin, line: nil, format: format, bytes: bytes, file: nil))
            }
        }

        mutating func addLine(_ line: ArraySlice<UInt8>, number: Int, origin: String, file: Int?) throws {
            let line = line.last == 0x0D ? line.dropLast() : line
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
            try add(RawDocument(origin: origin, line: number, format: .ndjson, bytes: Array(line), file: file))
        }

        mutating func add(_ file: InputFile, now: Double) throws {
            if file.stream {
                do {
                    var source = try ByteSource(path: file.path)
                    try add(stream: &source, origin: file.path, formatPath: file.path)
                } catch let error as IngestError {
                    try refuse(error, origin: file.path)
                }
                return
            }
            if !file.explicit && now - file.modified < options.settle {
                report.unsettledFiles += 1
                onEvent(.skipped(path: file.path, reason: "changed less than \(options.settle)s ago"))
                return
            }
            if let known = try seenBefore(file), known.size == file.size, known.modified == file.modified {
                report.seenFiles += 1
                onEvent(.skipped(path: file.path, reason: "ingested before, unchanged"))
                return
            }
            let index = nextFile
            nextFile += 1
            files[index] = FileState(file: file)
            do {
                let format = try format(of: file)
                switch format {
                case .ndjson:
                    try InputFiles.forEachLine(of: file.path, maxLength: DocumentLimits.ndjsonLine) { number, line in
                        switch line {
                        case .text(let bytes):
                            try addLine(bytes, number: number, origin: file.path, file: index)
                        case .tooLong(let size):
                            // Not read into memory, so not kept: recorded like a file over its limit.
                            let error = IngestError.tooLarge(size: size, limit: DocumentLimits.ndjsonLine)
                            let reject = try refuse(error, origin: file.path, line: number)
                            files[index]?.failedLines += 1
                            files[index]?.reasons.append(reject.description)
                        }
                    }
                default:
                    let limit = format == .json ? DocumentLimits.json : DocumentLimits.card
                    guard file.size <= limit else {
                        throw IngestError.tooLarge(size: file.size, limit: limit)
                    }
                    let bytes = try InputFiles.read(file.path, limit: limit)
                    try add(RawDocument(origin: file.path, line: nil, format: format, bytes: bytes, file: index))
                }
            } catch let error as IngestError {
                // The file itself could not be used: nothing of it was stored.
                var reason = error.localizedDescription
                if case .unreadable(let path, let why) = error, path == file.path { reason = "cannot read: \(why)" }
                let reject = try refuse(error, origin: file.path, reason: reason)
                files[index]?.refused = true
                files[index]?.reasons.append(reject.reason)
                if case .unreadable = error { files[index] = nil }  // may be readable next time
            }
            files[index]?.complete = true
            try finishFiles()
        }

        func format(of file: InputFile) throws -> InputFormat {
            guard options.format == .auto, !Self.hasKnownExtension(file.path) else {
                return options.format.resolved(path: file.path, head: [UInt8]())
            }
            return InputFormat.auto.resolved(path: file.path, head: try InputFiles.readHead(file.path, count: 1 << 16))
        }

        static func hasKnownExtension(_ path: String) -> Bool {
            let lower = path.lowercased()
            return [".ndjson", ".jsonl", ".json", ".txt", ".card", ".md"].contains { lower.hasSuffix($0) }
        }

        mutating func add(_ raw: RawDocument) throws {
            if let file = raw.file { files[file]?.documents += 1 }
            pending.append(raw)
            pendingBytes += raw.bytes.count
            if pending.count >= options.batchSize || pendingBytes >= DocumentLimits.batchBytes { try flush() }
        }

        /// Starts parsing the pending documents in the background and stores the batch
        /// parsed before, so that parsing (on every core) overlaps with writing.
        mutating func flush() throws {
            guard !pending.isEmpty else { return }
            let job = PrepareJob(pending, classifier: classifier)
            pending = []
            pendingBytes = 0
            if let previous = inFlight { try store(previous) }
            inFlight = job
        }

        /// Stores everything still pending or in flight.
        mutating func finish() throws {
            try flush()
            if let last = inFlight {
                inFlight = nil
                try store(last)
            }
        }

        /// Stores a parsed batch in one transaction, then records or moves the files that are done.
        mutating func store(_ job: PrepareJob) throws {
            let batch = job.batch
            let prepared = job.wait()
            let outcomes = try ingestor.archive.store(prepared, merger: merger)
            for ((raw, document), outcome) in zip(zip(batch, prepared), outcomes) {
                report.documents += 1
                if outcome.duplicate { report.duplicates += 1 }
                report.new += outcome.new
                report.updated += outcome.updated
                report.unchanged += outcome.unchanged
                if case .articles(let articles, _) = document.content, !outcome.duplicate {
                    for warning in articles.flatMap(\.parsed.warnings) {
                        let reject = Reject(origin: document.origin, line: document.line, reason: warning)
                        report.warnings.append(reject)
                        onEvent(.warning(reject))
                    }
                }
                for reject in outcome.rejects {
                    report.rejects.append(reject)
                    onEvent(.rejected(reject))
                }
                if let file = raw.file {
                    files[file]?.processed += 1
                    if outcome.rejects.isEmpty || outcome.new + outcome.updated + outcome.unchanged > 0 {
                        files[file]?.accepted += 1
                    }
                    files[file]?.reasons += outcome.rejects.map { $0.description }
                }
                onEvent(.stored(origin: document.origin, line: document.line, outcome: outcome))
            }
            try finishFiles()
        }

        /// Records as seen, or moves, every file whose documents are all stored.
        mutating func finishFiles() throws {
            let done = files.filter { $0.value.complete && $0.value.processed == $0.value.documents }
            guard !done.isEmpty else { return }
            var seenNow: [InputFile] = []
            for (index, state) in done.sorted(by: { $0.key < $1.key }) {
                files[index] = nil
                let rejected = state.refused || (state.accepted == 0 && state.documents + state.failedLines > 0)
                let folder = rejected ? options.rejectTo : options.moveTo
                guard let folder else {
                    seenNow.append(state.file)
                    continue
                }
                do {
                    let destination = try FileMover.move(state.file.path, into: folder)
                    if rejected {
                        let note = "annals rejected \(state.file.path):\n" + state.reasons.map { "- \($0)\n" }.joined()
                        try? Data(note.utf8).write(to: URL(fileURLWithPath: destination + ".error.txt"))
                    }
                    report.movedFiles += 1
                    onEvent(.moved(from: state.file.path, to: destination))
                } catch let error as IngestError {
                    reject(Reject(origin: state.file.path, reason: error.localizedDescription))
                    seenNow.append(state.file)
                }
            }
            try ingestor.archive.markSeen(seenNow)
        }

        static func prepareConcurrently(_ batch: [RawDocument], classifier: ArticleClassifier) -> [PreparedDocument] {
            batch.concurrentMap { Ingestor.prepare($0, classifier: classifier) }
        }
    }
}
