// The benchmark suite: see Benchmarks/README.md.
#if canImport(Glibc)
import Glibc
#endif
import AnnalsEval
import AnnalsKit
import Foundation

let usage = """
    annals-bench — corpus generator and benchmark runner for Annals

    USAGE
      annals-bench generate --cards N --out DIR [--seed S] [--article-seed S2] [--pool-size P]
                            [--start K] [--after DIR] [--force]
      annals-bench run [--scale small|full] [--work DIR] [--annals PATH] [--json OUT.json]
                       [--seed S] [--runs R]
      annals-bench scale --cards N [--steps A,B,…] [--corpus DIR] [--work DIR] [--annals PATH]
                         [--json OUT.json] [--seed S] [--runs R]
                                               one archive grown in steps, then stages 5–7 on it
      annals-bench queries --db ARCHIVE [--annals PATH] [--export]
                                               stage 7 (and 5, the export) alone, on an existing archive
      annals-bench queries --db ARCHIVE --search "PHRASE|PHRASE…" [--runs R]
                                               only the first page of each search, in each sort: no
                                               ask, no reclassify (the archive is not changed)
      annals-bench eval [--corpus fixtures/eval] [--details] [--pairs] [--parts A,B] [--orders N]
                                               merge and topic scores on the hand-written corpus of real
                                               history, and whether the order of ingest changes the events
      annals-bench compare DATE TEXT DATE TEXT  the matcher's verdict on two timeline lines, and why

    See Benchmarks/README.md for what is written and measured.

    """

func fail(_ message: String, code: Int32 = 1) -> Never {
    var line = "annals-bench: \(message)\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    exit(code)
}

func say(_ text: String) {
    var line = text + "\n"
    line.withUTF8 { _ = write(1, $0.baseAddress, $0.count) }
}

let argv = CommandLine.arguments
guard argv.count >= 2 else {
    say(usage)
    exit(64)
}

do {
    switch argv[1] {
    case "generate":
        let args = try Arguments(
            argv.dropFirst(2), options: ["cards", "out", "seed", "article-seed", "pool-size", "start", "after"], flags: ["force"])
        guard let cards = try args.int("cards"), let out = args.string("out") else {
            fail("generate needs --cards N and --out DIR\n\n" + usage, code: 64)
        }
        var config = GeneratorConfig(cards: cards, out: out)
        config.seed = try args.seed("seed") ?? 1
        config.articleSeed = try args.seed("article-seed")
        config.poolSize = try args.int("pool-size")
        config.start = try args.int("start") ?? 0
        config.force = args.flag("force")
        config.after = args.string("after")
        if cards < 1 { fail("--cards must be at least 1", code: 64) }
        if let size = config.poolSize, size < 1 { fail("--pool-size must be at least 1", code: 64) }
        if config.start < 0 { fail("--start must be 0 or more", code: 64) }
        let summary = try Generator.generate(config)
        say("generated \(out): " + summary.description)
    case "run":
        try runBenchmarks(Array(argv.dropFirst(2)))
    case "scale":
        try runScale(Array(argv.dropFirst(2)))
    case "queries":
        let args = try Arguments(argv.dropFirst(2), options: ["db", "annals", "search", "runs"], flags: ["export"])
        guard let db = args.string("db") else { fail("queries needs --db ARCHIVE", code: 64) }
        if let phrases = args.string("search") {
            let searches = phrases.split(separator: "|").map(String.init)
            say(try Runner.searchPages(db: absolutePath(db), searches: searches, runs: try args.int("runs") ?? 21))
            break
        }
        var runner = Runner(
            cards: 0, work: "/tmp/annals-bench-queries", annals: absolutePath(args.string("annals") ?? ".build/release/annals"),
            sqlite3: findInPath("sqlite3") ?? "sqlite3", json: nil)
        try makeDirectories(runner.logs)
        runner.cardArchive = absolutePath(db)
        if args.flag("export") {
            try makeDirectories(runner.outDir)
            try runner.export()
        }
        try runner.queries()
        say(runner.report.table())
    case "eval":
        let args = try Arguments(argv.dropFirst(2), options: ["corpus", "orders", "parts"], flags: ["details", "pairs", "questions"])
        let corpus = try EvaluationCorpus(root: URL(fileURLWithPath: args.string("corpus") ?? "fixtures/eval"))
        if args.flag("questions") {
            // Only the questions: each answered as `annals ask` answers it, and scored.
            say(try QuestionEvaluation(corpus: corpus, folder: FileManager.default.temporaryDirectory).text(details: args.flag("details")))
            break
        }
        let report = try EvaluationReport(
            corpus: corpus, folder: FileManager.default.temporaryDirectory, orderCount: try args.int("orders") ?? 5)
        // Tuning looks at the development parts only (--parts A,B), so the held-out half stays a test.
        let parts = args.string("parts").map { Set($0.split(separator: ",").map(String.init)) }
        say(report.text(details: args.flag("details"), parts: parts))
        if args.flag("pairs") { say(try PairwiseDiagnosis(corpus: corpus, parts: parts).text) }
    case "compare":
        // The matcher's verdict on two lines, with the terms it compared: for tuning.
        guard argv.count == 6 else { fail("compare needs DATE TEXT DATE TEXT", code: 64) }
        let classifier = try Classifier(taxonomy: .builtIn)
        let kinds = EventMerger(taxonomy: .builtIn).entityKinds
        let a = EventMention(date: PartialDate(parsing: argv[2]), text: argv[3], classifier: classifier)
        let b = EventMention(date: PartialDate(parsing: argv[4]), text: argv[5], classifier: classifier)
        say("A terms \(a.key.terms) entities \(a.entities)\n  sequence \(a.key.sequence)")
        say("B terms \(b.key.terms) entities \(b.entities)\n  sequence \(b.key.sequence)")
        let overlap = EventMatcher.Overlap(a.key.terms, b.key.terms, kinds: kinds)
        say("dice \(overlap.dice) containment \(overlap.containment) distinctive \(overlap.distinctive) content \(overlap.content)")
        say("\(EventMatcher.compare(a, b, kinds: kinds))")
    case "help", "--help", "-h":
        say(usage)
    default:
        fail("unknown command '\(argv[1])'\n\n" + usage, code: 64)
    }
} catch let problem as Arguments.Problem {
    fail(problem.description, code: 64)
} catch {
    fail("\(error)")
}
