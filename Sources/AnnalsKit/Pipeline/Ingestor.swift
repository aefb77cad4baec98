import Foundation

/// Options for an ingest run.
public struct IngestOptions: Sendable {
    /// The format of every input, or `.auto` to decide per file.
    public var format: InputFormat
    /// Documents stored per transaction: larger is faster, smaller holds the write lock less long.
    public var batchSize: Int
    /// Files found in folders that changed less than this many seconds ago are left for a later
    /// run: another program may still be writing them. Files named explicitly are always read.
    public var settle: Double
    /// Read files again even when their path, size and modification time say they were ingested.
    public var rescan: Bool
    /// Move each ingested file into this folder (in a dated subfolder). Inside an input
    /// folder, it is not walked: what it holds was read before.
    public var moveTo: String?
    /// Move each rejected file into this folder, beside a `NAME.error.txt` that says why.
    /// Inside an input folder, it is not walked either.
    public var rejectTo: String?
    /// Seconds to wait for another ingest of the same archive to finish; 0 fails at once.
    public var lockWait: Double

    /// Options with these values; a `batchSize` below 1 is taken as 1, a negative `settle` as 0.
    public init(
        format: InputFormat = .auto, batchSize: Int = 512, settle: Double = 2, rescan: Bool = false,
        moveTo: String? = nil, rejectTo: String? = nil, lockWait: Double = 0
    ) {
        self.format = format
        self.batchSize = max(1, batchSize)
        self.settle = max(0, settle)
        self.rescan = rescan
        self.moveTo = moveTo
        self.rejectTo = rejectTo
        self.lockWait = lockWait
    }
}

/// The largest documents Annals accepts, per format. With them an ingest stays under
/// 200 MB of memory whatever it is given: a file or a stream past its limit is refused as
/// soon as the limit is reached, without being read on, and an NDJSON feed of any size is
/// read line by line.
public enum DocumentLimits {
    /// A card is a page of text.
    public static let card = 1 << 20
    /// A JSON document (one object or an array of them): parsed whole, so kept small
    /// enough to parse in bounded memory. Larger feeds should be NDJSON.
    public static let json = 2 << 20
    /// One line of an NDJSON feed; the feed itself may be of any size.
    public static let ndjsonLine = 1 << 20
    /// The bytes of documents gathered before a batch is parsed and stored: with the batch
    /// in flight beside it, what an ingest holds at once.
    static let batchBytes = 4 << 20
}

/// Something that happened to one input during a run, for `--verbose` listings.
public enum IngestEvent: Sendable {
    /// A document was stored: new, an update of an article already stored, or unchanged.
    /// `line` is its line in an NDJSON feed.
    case stored(origin: String, line: Int?, outcome: StoreOutcome)
    /// A document was rejected, and recorded as such with the reason.
    case rejected(Reject)
    /// A document was stored, but part of it could not be read (an undated timeline line, a
    /// repaired encoding): the reason says which.
    case warning(Reject)
    /// A file passed over: already ingested, or still being written.
    case skipped(path: String, reason: String)
    /// A file moved out of the drop folder.
    case moved(from: String, to: String)
}

/// Reads files, folders and standard input, parses them, and stores them in an ``Archive``.
///
/// Documents are parsed in parallel and stored in batches, one transaction per batch
/// (see ``Archive/store(_:merger:receivedAt:)``): a bad document is recorded as rejected
/// and never stops the others. A run over a file-backed archive holds its ``IngestLock``.
public struct Ingestor: Sendable {
    /// The archive documents are stored in.
    public let archive: Archive
    /// How inputs are read, batched, waited for and moved.
    public let options: IngestOptions

    /// An ingestor into `archive`; it reads nothing until ``ingest(paths:standardInput:now:onEvent:)`` runs.
    public init(archive: Archive, options: IngestOptions = IngestOptions()) {
        self.archive = archive
        self.options = options
    }

    /// Ingests `paths` (files, folders, or `-` for `standardInput`), and records the run.
    /// Standard input is read as a stream: a card or JSON document up to its limit, an
    /// NDJSON feed line by line, so it may be of any size.
    public func ingest(
        paths: [String], standardInput: FileHandle = .standardInput,
        now: @Sendable () -> Date = { Date() },
        onEvent: @escaping (IngestEvent) -> Void = { _ in }
    ) throws -> IngestReport {
        let lock = try takeLock()
        defer { withExtendedLifetime(lock) {} }
        let runID = try archive.beginRun(inputs: paths)
        try archive.prepareForBulkWrites()
        defer { archive.settleAfterWrites() }
        do {
            var run = try Run(ingestor: self, onEvent: onEvent)
            // The folders files are moved to are not walked, should they lie inside an input.
            let outputs = Set([options.moveTo, options.rejectTo].compactMap { $0.map(InputFiles.absolute) })
            for path in paths {
                if path == "-" {
                    var source = ByteSource(descriptor: standardInput.fileDescriptor, name: "stdin", owned: false)
                    try run.add(stream: &source, origin: "stdin", formatPath: "")
                    continue
                }
                // Files are read as the walk finds them: a folder's are never all held at once.
                let time = now().timeIntervalSince1970
                try InputFiles.walk(path, passing: outputs) { found in
                    switch found {
                    case .enter(let folder): try run.enter(folder: folder)
                    case .leave: run.leave()
                    case .file(let file): try run.add(file, now: time)
                    case .problem(let reject): run.reject(reject)
                    case .skipped(let reject): run.warn(reject)
                    }
                }
            }
            try run.finish()
            try archive.finishRun(runID, report: run.report)
            return run.report
        } catch {
            try? archive.finishRun(runID, report: nil)
            throw error
        }
    }

    /// Ingests one document (or feed) already in memory, e.g. from tests or another program.
    /// Holds the archive's ingest lock like any run, but records no run in `ingest_runs`.
    public func ingest(bytes: [UInt8], origin: String, format: InputFormat? = nil) throws -> IngestReport {
        let lock = try takeLock()
        defer { withExtendedLifetime(lock) {} }
        var run = try Run(ingestor: self, onEvent: { _ in })
        try run.add(bytes: bytes, origin: origin, format: (format ?? options.format).resolved(path: origin, head: bytes.prefix(1 << 16)))
        try run.finish()
        return run.report
    }
}

extension Ingestor {
    /// Takes the archive's ingest lock for a run (an archive in memory has none). Another
    /// run holding it is the ingest's ``IngestError/locked(path:holder:)``: the store
    /// reports the lock, the ingest says what that means for the run.
    func takeLock() throws -> IngestLock? {
        guard !archive.isInMemory else { return nil }
        do {
            return try IngestLock(archivePath: archive.path, wait: options.lockWait)
        } catch LockError.held(let path, let holder) {
            throw IngestError.locked(path: path, holder: holder)
        }
    }
}
