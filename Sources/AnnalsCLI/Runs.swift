import AnnalsKit
import ArgumentParser

extension Annals {
    struct Runs: ArchiveCommand {
        static let configuration = CommandConfiguration(abstract: "List recent ingest runs, newest first.")

        @ParentCommand var parent: Annals
        @OptionGroup var archiveOptions: ArchiveOptions
        @OptionGroup var output: OutputOptions

        @Option(help: "At most this many runs.")
        var limit = 20

        func run() throws {
            let rows = try openArchive().runs(limit: limit).map { run in
                [String(run.id), run.startedAt, run.finishedAt ?? "", run.status, "\(run.host):\(run.pid)",
                 String(run.documents), String(run.new), String(run.updated), String(run.unchanged), String(run.rejected),
                 run.inputs]
            }
            try RowPrinter(format: output.format, columns: [
                .init(name: "id", numeric: true), .init(name: "started"), .init(name: "finished"), .init(name: "status"),
                .init(name: "process"), .init(name: "documents", numeric: true), .init(name: "new", numeric: true),
                .init(name: "updated", numeric: true), .init(name: "unchanged", numeric: true),
                .init(name: "rejected", numeric: true), .init(name: "inputs", flexible: true),
            ]).print(rows, empty: "no ingest runs yet")
        }
    }
}
