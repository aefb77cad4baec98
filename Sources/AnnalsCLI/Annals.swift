import ArgumentParser

@main
struct Annals: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annals",
        abstract: "Keep and question a timeline of events from news cards and feeds.",
        discussion: """
            The archive is one SQLite file: --db PATH, else $ANNALS_DB, else \
            ${XDG_DATA_HOME:-~/.local/share}/annals/annals.sqlite.
            Exit codes: 0 success, 64 usage, 65 some input rejected, 69 or 74 a file or \
            the database cannot be used, 75 another run holds the ingest lock, 130 interrupted (Ctrl-C), 1 a bug.
            """,
        subcommands: [
            Ingest.self, Ask.self, Events.self, Articles.self, Takeaways.self, Implications.self, Show.self,
            Search.self, Count.self, Export.self, Report.self, SQL.self, Topics.self, Explain.self, TaxonomyCommand.self, Reclassify.self,
            Runs.self, Rejects.self, Reparse.self, Stats.self, Check.self, Backup.self,
        ]
    )

    @OptionGroup var archive: ArchiveOptions
}
