import ArgumentParser

/// How a command prints rows.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case table, csv, json, ndjson
}

/// `--format`, shared by every command that prints rows.
struct OutputOptions: ParsableArguments {
    @Option(name: .customLong("format"), help: "Output format: table, csv, json or ndjson (default: table; csv with --output).")
    var chosen: OutputFormat?

    /// The format on stdout: a table unless another was asked for.
    var format: OutputFormat { chosen ?? .table }

    /// The format of a listing that may go to `output`. A table is for the terminal: with
    /// `--output` the default is CSV, and an explicit `--format table` is a usage error
    /// rather than a CSV file the user did not ask for.
    func format(writingTo output: String?) throws -> OutputFormat {
        guard output != nil else { return format }
        if chosen == .table {
            throw ValidationError("--output writes csv, json or ndjson, not a table: use --format csv (the default with --output)")
        }
        return chosen ?? .csv
    }
}
