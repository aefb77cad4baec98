import Foundation

extension Ingestor {
    /// Parses stored documents again with the current parser, so an archive improves when
    /// the parser does: all documents that carry a current article or were rejected, or,
    /// with `rejectedOnly`, only those with an open reject (`annals rejects --retry`).
    public func reparse(rejectedOnly: Bool = false) throws -> IngestReport {
        let lock = try takeLock()
        defer { withExtendedLifetime(lock) {} }
        // Every document is stored again: not left in the log for the next process.
        defer { archive.settleAfterWrites() }
        var report = IngestReport()
        let taxonomy = try archive.taxonomy()
        let classifier = try ArticleClassifier(taxonomy: taxonomy)
        let merger = EventMerger(taxonomy: taxonomy)
        let ids = try archive.documentIDsToReparse(rejectedOnly: rejectedOnly)
        var start = 0
        while start < ids.count {
            let slice = Array(ids[start..<min(ids.count, start + options.batchSize)])
            start += slice.count
            let stored = try archive.documents(ids: slice)
            let raws = stored.map { document in
                RawDocument(
                    origin: document.origin, line: document.line, format: InputFormat(rawValue: document.format) ?? .card,
                    bytes: document.bytes, file: nil)
            }
            let prepared = Run.prepareConcurrently(raws, classifier: classifier)
            let batch = try archive.storeReparsed(zip(stored, prepared).map { ($0.id, $1.content) }, merger: merger)
            report.documents += batch.documents
            report.new += batch.new
            report.updated += batch.updated
            report.unchanged += batch.unchanged
            for (document, reject) in zip(stored, prepared) {
                if case .rejected(let error) = reject.content {
                    report.rejects.append(Reject(origin: document.origin, line: document.line, reason: error.localizedDescription))
                }
            }
        }
        return report
    }
}
