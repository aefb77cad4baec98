import ArgumentParser

@main
struct Annals: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annals",
        abstract: "Keep and question a timeline of events from news cards and feeds.",
        subcommands: []
    )
}
