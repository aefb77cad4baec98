import ArgumentParser

/// How a command prints rows.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case table, csv, json, ndjson
}

/// `--format`, shared by every command that prints rows.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: table, csv, json or ndjson.")
    var format: OutputFormat = .table
}
