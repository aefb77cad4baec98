// Parsing and classifying documents: one document's bytes into what is stored, and a
// batch of them on background threads.

import Foundation

/// A document's bytes before parsing.
struct RawDocument: Sendable {
    var origin: String
    var line: Int?
    var format: InputFormat
    var bytes: [UInt8]
    /// The index of the file it came from in the run's file list.
    var file: Int?
}

extension Ingestor {
    /// Turns a document's bytes into what will be stored: parsed, then classified. Every
    /// format is decoded by ``TextDecoding`` first, so an empty, binary or invalid-UTF-8
    /// feed is rejected in the same words as such a card, and a BOM is dropped.
    /// Pure: runs on any thread.
    static func prepare(_ raw: RawDocument, classifier: ArticleClassifier) -> PreparedDocument {
        let content: PreparedDocument.Content
        do {
            switch raw.format {
            case .card, .auto:
                guard raw.bytes.count <= DocumentLimits.card else {
                    throw IngestError.tooLarge(size: raw.bytes.count, limit: DocumentLimits.card)
                }
                let text = try TextDecoding.decode(raw.bytes)
                content = .articles([classifier.classify(try CardParser().parse(text))], itemRejects: [])
            case .json:
                let text = try TextDecoding.decode(raw.bytes)
                var parsed: [ClassifiedArticle] = []
                var rejects: [(index: Int, error: IngestError)] = []
                for item in try FeedParser().parseDocument(Data(text.utf8)) {
                    switch item.result {
                    case .success(let article): parsed.append(classifier.classify(article))
                    case .failure(let error): rejects.append((item.index ?? 0, error))
                    }
                }
                if parsed.isEmpty, rejects.count == 1, let only = rejects.first {
                    content = .rejected(only.error)
                } else {
                    content = .articles(parsed, itemRejects: rejects)
                }
            case .ndjson:
                guard raw.bytes.count <= DocumentLimits.ndjsonLine else {
                    throw IngestError.tooLarge(size: raw.bytes.count, limit: DocumentLimits.ndjsonLine)
                }
                let text = try TextDecoding.decode(raw.bytes)
                content = .articles([classifier.classify(try FeedParser().parseArticle(Data(text.utf8)))], itemRejects: [])
            }
        } catch let error as IngestError {
            content = .rejected(error)
        } catch {
            content = .rejected(.invalidJSON(detail: "\(error)"))
        }
        return PreparedDocument(
            origin: raw.origin, line: raw.line, format: raw.format == .auto ? .card : raw.format, bytes: raw.bytes,
            content: content)
    }
}

/// Parses and classifies a batch on background threads; `wait()` returns the result.
final class PrepareJob: @unchecked Sendable {
    let batch: [RawDocument]
    private let done = DispatchSemaphore(value: 0)
    private var result: [PreparedDocument] = []

    init(_ batch: [RawDocument], classifier: ArticleClassifier) {
        self.batch = batch
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            result = Ingestor.Run.prepareConcurrently(batch, classifier: classifier)
            done.signal()
        }
    }

    func wait() -> [PreparedDocument] {
        done.wait()
        done.signal()
        return result
    }
}
