import Foundation
import Testing

/// What `annals export` writes, read back by an independent reader (Python's `csv` module)
/// and compared cell by cell with what the archive stores.
@Suite struct ExportCommandTests {
    /// The column order of each kind, as docs/csv.md documents it.
    static let documentedColumns: [String: [String]] = [
        "events": ["id", "date", "precision", "start", "end", "text", "topics", "entities", "mentions", "article_ids", "sources"],
        "articles": [
            "id", "day", "published_at", "source", "title", "url", "summary", "topics", "entities", "takeaways",
            "implications", "timeline_entries",
        ],
        "takeaways": ["id", "article_id", "day", "source", "article_title", "position", "text"],
        "implications": ["id", "article_id", "day", "source", "article_title", "position", "headline", "detail"],
        "timeline": ["id", "event_id", "article_id", "date", "precision", "start", "end", "text", "source", "article_title"],
    ]

    /// Columns that hold integers: never guarded, never quoted.
    static let numericColumns: Set<String> = [
        "id", "article_id", "event_id", "mentions", "position", "takeaways", "implications", "timeline_entries",
    ]

    /// The stored values of a kind, straight from the tables (`annals sql`), by id, under the CSV column names.
    static let storedSQL: [String: String] = [
        "events": #"SELECT id, date_text AS date, precision, start, "end", text, mentions FROM events"#,
        "articles": """
            SELECT a.id, s.name AS source, a.title, a.url, a.published_at, a.summary
            FROM articles a JOIN sources s ON s.id = a.source_id
            """,
        "takeaways": """
            SELECT t.id, t.article_id, s.name AS source, a.title AS article_title, t.text
            FROM takeaways t JOIN articles a ON a.id = t.article_id JOIN sources s ON s.id = a.source_id
            """,
        "implications": """
            SELECT i.id, i.article_id, s.name AS source, a.title AS article_title, i.headline, i.detail
            FROM implications i JOIN articles a ON a.id = i.article_id JOIN sources s ON s.id = a.source_id
            """,
        "timeline": """
            SELECT e.id, e.article_id, e.date_text AS date, e.precision, e.start, e."end", e.text,
                   s.name AS source, a.title AS article_title
            FROM timeline_entries e JOIN articles a ON a.id = e.article_id JOIN sources s ON s.id = a.source_id
            """,
    ]

    static let kinds = ["events", "articles", "takeaways", "implications", "timeline"]

    /// A CSV dialect to export with: its flags, the delimiter Python reads it with, and what it promises.
    struct Variant: Sendable, CustomTestStringConvertible {
        var name: String
        var flags: [String]
        var delimiter: String
        var guarded: Bool
        var bom: Bool

        var testDescription: String { name }

        static let all = [
            Variant(name: "default", flags: [], delimiter: ",", guarded: true, bom: false),
            Variant(name: "raw", flags: ["--raw"], delimiter: ",", guarded: false, bom: false),
            Variant(name: "excel", flags: ["--excel"], delimiter: ",", guarded: true, bom: true),
            Variant(name: "semicolon", flags: ["--delimiter", ";"], delimiter: ";", guarded: true, bom: false),
            Variant(name: "excel-semicolon", flags: ["--excel", "--delimiter", ";"], delimiter: ";", guarded: true, bom: true),
            Variant(name: "tab-bom-raw", flags: ["--delimiter", "tab", "--bom", "--raw"], delimiter: "\t", guarded: false, bom: true),
        ]
    }

    let folder: URL
    let db: String

    init() throws {
        folder = try AnnalsBinary.scratchFolder()
        db = folder.appending(path: "annals.sqlite").path
        let run = try AnnalsBinary.run(["--db", db, "ingest", AnnalsBinary.fixture("export/hazards.json")], directory: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("1 document: 3 new"), "\(run.stdout)")
    }

    @discardableResult
    func annals(_ arguments: [String]) throws -> AnnalsRun {
        try AnnalsBinary.run(["--db", db] + arguments, directory: folder)
    }

    func jsonArray(_ text: String) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }

    /// The files in the scratch folder and its subfolders, but the archive's own.
    func filesLeft() -> [String] {
        let all = FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []
        return all.filter { !$0.hasPrefix("annals.sqlite") }.sorted()
    }

    // MARK: - Expected values

    /// A JSON value as a CSV cell: null is empty, numbers as integers, lists joined with "; ".
    static func cell(_ value: Any?) -> String {
        switch value {
        case nil, is NSNull: return ""
        case let text as String: return text
        case let number as NSNumber: return String(number.int64Value)
        case let list as [Any]: return list.map { cell($0) }.joined(separator: "; ")
        default: return "\(value!)"
        }
    }

    /// Every CSV column of one exported JSON object.
    static func csvCells(kind: String, json object: [String: Any]) -> [String: String] {
        var cells: [String: String] = [:]
        for (key, value) in object { cells[key] = cell(value) }
        if let article = object["article"] as? [String: Any] {
            cells["article_id"] = cell(article["id"])
            cells["source"] = cell(article["source"])
            cells["article_title"] = cell(article["title"])
        }
        if kind == "events", let articles = object["articles"] as? [[String: Any]] {
            cells["article_ids"] = articles.map { cell($0["id"]) }.joined(separator: "; ")
            cells["sources"] = Set(articles.map { cell($0["source"]) }).sorted().joined(separator: "; ")
        }
        return cells
    }

    /// What the spreadsheet guard must do to a text cell: a leading ' before = + - @ tab CR LF,
    /// except a lone "-" and a plain negative number (no spreadsheet runs those).
    static func needsGuard(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, "=+-@\t\r\n".unicodeScalars.contains(first) else { return false }
        if text == "-" { return false }
        if first == "-" {
            let parts = text.dropFirst().split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { ("0"..."9").contains($0) } }) { return false }
        }
        return true
    }

    /// The stored rows of `kind` in export order, each as its CSV columns: the table's own
    /// values (`annals sql`) where it has the column, else the JSON export's.
    func storedRows(_ kind: String) throws -> [[String: String]] {
        let exported = try annals(["export", kind, "--format", "json"])
        #expect(exported.status == 0, "\(exported.stderr)")
        let sql = try annals(["sql", Self.storedSQL[kind]!, "--format", "json"])
        #expect(sql.status == 0, "\(sql.stderr)")
        var tables: [String: [String: String]] = [:]
        for row in try jsonArray(sql.stdout) {
            let values = row.mapValues { Self.cell($0) }
            tables[values["id"]!] = values
        }
        return try jsonArray(exported.stdout).map { object in
            let fromJSON = Self.csvCells(kind: kind, json: object)
            let stored = tables[fromJSON["id"] ?? ""] ?? [:]
            // The JSON export holds the stored values too.
            for (column, value) in stored {
                #expect(fromJSON[column] == value, "\(kind) \(stored["id"]!) \(column): JSON \(fromJSON[column].debugDescription) ≠ stored \(value.debugDescription)")
            }
            return fromJSON.merging(stored) { _, table in table }
        }
    }

    // MARK: - Round trip

    /// The round trips read the files with Python's csv module, an independent RFC 4180
    /// reader; without python3 they cannot run (CI installs it: see .ci/run).
    static let pythonMissing: Comment = "python3 is not on PATH: the CSV round trips need Python's csv module"

    @Test(.enabled(if: ExternalTools.python3 != nil, pythonMissing), arguments: kinds)
    func everyCellReadsBackAsTheStoredValue(kind: String) throws {
        let stored = try storedRows(kind)
        #expect(stored.count > 0)
        let columns = Self.documentedColumns[kind]!
        for variant in Variant.all {
            let path = folder.appending(path: "\(kind)-\(variant.name).csv").path
            let run = try annals(["export", kind] + variant.flags + ["--output", path])
            #expect(run.status == 0, "\(variant.name): \(run.stderr)")
            let noun = kind == "timeline" ? "timeline entries" : kind
            #expect(run.stderr == "\(kind)\nexported \(stored.count) \(noun) to \(path)\n", "\(variant.name)")

            let csv = try PythonCSV.read(path, delimiter: variant.delimiter)
            #expect(csv.bom == variant.bom, "\(kind) \(variant.name): BOM")
            #expect(csv.rewritten, "\(kind) \(variant.name): Python's csv.writer does not write the same bytes back")
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(bytes.suffix(2) == Data([0x0D, 0x0A]), "\(kind) \(variant.name): the last record ends with CRLF")
            #expect(csv.rows.first == columns, "\(kind) \(variant.name): header")
            #expect(csv.rows.count == stored.count + 1, "\(kind) \(variant.name): rows")

            var guardedCells = 0
            for (row, expected) in zip(csv.rows.dropFirst(), stored) {
                #expect(row.count == columns.count, "\(kind) \(variant.name) row \(expected["id"] ?? "?")")
                for (column, cell) in zip(columns, row) {
                    let where_ = "\(kind) \(variant.name) id \(expected["id"] ?? "?") \(column)"
                    let value = try #require(expected[column], "\(where_): no stored value")
                    if Self.numericColumns.contains(column) {
                        #expect(cell.allSatisfy(\.isNumber) && cell == value, "\(where_): \(cell.debugDescription)")
                    } else if variant.guarded && Self.needsGuard(value) {
                        guardedCells += 1
                        #expect(cell == "'" + value, "\(where_): \(cell.debugDescription) is not the guarded \(value.debugDescription)")
                    } else {
                        #expect(cell == value, "\(where_): \(cell.debugDescription) ≠ stored \(value.debugDescription)")
                    }
                }
            }
            // The fixture really holds formula starts in every kind, so the guard was exercised.
            if variant.guarded { #expect(guardedCells > 0, "\(kind) \(variant.name): nothing was guarded") }
            #expect(csv.rows.joined().contains { $0.contains("华为") }, "\(kind) \(variant.name)")
        }
    }

    @Test(.enabled(if: ExternalTools.python3 != nil, pythonMissing))
    func theFixtureHoldsEveryHazard() throws {
        let takeaways = try PythonCSV.read(folder.appending(path: "t.csv").path, delimiter: ",", after: annals(["export", "takeaways", "--output", folder.appending(path: "t.csv").path]))
        let cells = Set(takeaways.rows.map { $0[6] })
        for expected in [
            "'@SUM(A1)", "'-1+1", "-", "-42", "'=cmd|' /C calc'!A0", "'Already quoted' text keeps its apostrophe",
            "Huawei (华为) and SMIC (中芯国际) said, \"no comment\", twice.\r\nSecond line after CRLF.\nThird line after LF.",
        ] {
            #expect(cells.contains(expected), "\(expected.debugDescription)")
        }
        #expect(takeaways.rows.contains { $0[4] == "'=HYPERLINK(\"http://example.com\",\"x\")" })
        #expect(cells.contains { $0.count > 19_000 }, "the very long cell")
        let timeline = try PythonCSV.read(folder.appending(path: "tl.csv").path, delimiter: ",", after: annals(["export", "timeline", "--output", folder.appending(path: "tl.csv").path]))
        let dates = Set(timeline.rows.dropFirst().map { [$0[3], $0[4], $0[5], $0[6]] })
        for expected in [
            ["2024", "year", "2024-01-01", "2024-12-31"], ["2024-Q3", "quarter", "2024-07-01", "2024-09-30"],
            ["2024-10", "month", "2024-10-01", "2024-10-31"], ["2024-10-15", "day", "2024-10-15", "2024-10-15"],
            ["spring 2024", "unknown", "", ""],
        ] {
            #expect(dates.contains(expected), "\(expected)")
        }
    }

    // MARK: - JSON and NDJSON

    @Test(.enabled(if: ExternalTools.python3 != nil, pythonMissing), arguments: kinds)
    func jsonAndNDJSONHoldTheSameRowsAsCSV(kind: String) throws {
        let jsonPath = folder.appending(path: "\(kind).json").path, ndjsonPath = folder.appending(path: "\(kind).ndjson").path
        let csvPath = folder.appending(path: "\(kind).csv").path
        #expect(try annals(["export", kind, "--format", "json", "--output", jsonPath]).status == 0)
        #expect(try annals(["export", kind, "--format", "ndjson", "--output", ndjsonPath]).status == 0)
        #expect(try annals(["export", kind, "--output", csvPath]).status == 0)
        let array = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: jsonPath))) as? [NSDictionary])
        let lines = try String(contentsOfFile: ndjsonPath, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "", "NDJSON ends with a newline")
        let objects = try lines.dropLast().map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? NSDictionary)
        }
        #expect(objects == array)
        let csv = try PythonCSV.read(csvPath)
        #expect(csv.rows.dropFirst().map { $0[0] } == array.map { Self.cell($0["id"]) })
        #expect(array.count == csv.rows.count - 1 && array.count > 0)
    }

    // MARK: - Files

    @Test func aFailedExportLeavesNothingAndExits74WithThePath() throws {
        let before = filesLeft()
        let missing = folder.appending(path: "no-such-folder/events.csv").path
        for format in ["csv", "json", "ndjson"] {
            let run = try annals(["export", "events", "--format", format, "--output", missing])
            #expect(run.status == 74, "\(format)")
            #expect(run.stderr.contains(missing), "\(format): \(run.stderr)")
            #expect(filesLeft() == before, "\(format)")
        }
        // A folder where the file should be: the rename fails, and the temporary file is removed.
        let folderInTheWay = folder.appending(path: "in-the-way")
        try FileManager.default.createDirectory(at: folderInTheWay, withIntermediateDirectories: true)
        let run = try annals(["export", "events", "--output", folderInTheWay.path])
        #expect(run.status == 74)
        #expect(run.stderr.contains(folderInTheWay.path), "\(run.stderr)")
        #expect(filesLeft() == (before + ["in-the-way"]).sorted())
    }

    @Test func anExportReplacesTheFileWholeAndLeavesNoTemporaryFile() throws {
        let path = folder.appending(path: "out.csv")
        try Data("old contents\n".utf8).write(to: path)
        let before = filesLeft()
        #expect(try annals(["export", "implications", "--output", path.path]).status == 0)
        #expect(filesLeft() == before)
        let text = try String(contentsOf: path, encoding: .utf8)
        #expect(text.hasPrefix("id,article_id,day,source,article_title,position,headline,detail\r\n"))
        #expect(!text.contains("old contents"))
    }

    @Test func anEmptyResultWritesTheHeaderOnlyAndSaysSo() throws {
        let path = folder.appending(path: "none.csv").path
        let run = try annals(["export", "events", "--since", "2099", "--output", path])
        #expect(run.status == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.documentedColumns["events"]!.joined(separator: ",") + "\r\n")
        #expect(run.stderr.contains("no events match (wrote the header only)"), "\(run.stderr)")
        #expect(run.stderr.contains("exported 0 events to \(path)"), "\(run.stderr)")
        // Like ask and report, it says how it understood the query and the filters.
        #expect(run.stderr.hasPrefix("events · since 2099-01-01\n"), "\(run.stderr)")
        let asked = try annals(["export", "events", "export controls", "--since", "2024", "--format", "json"])
        #expect(asked.stderr.hasPrefix("events · topic export-controls · since 2024-01-01\n"), "\(asked.stderr)")

        let excel = try annals(["export", "timeline", "--since", "2099", "--excel"])
        #expect(excel.stdout == "\u{FEFF}" + Self.documentedColumns["timeline"]!.joined(separator: ",") + "\r\n")
        #expect(excel.stderr.contains("no timeline entries match (wrote the header only)"), "\(excel.stderr)")

        let json = try annals(["export", "takeaways", "--since", "2099", "--format", "json"])
        #expect(json.stdout == "[]\n")
        #expect(json.stderr.contains("no takeaways match"), "\(json.stderr)")
    }

    // MARK: - Listings

    @Test func listingsWriteTheSameCSVAsExport() throws {
        for kind in ["events", "articles", "takeaways", "implications"] {
            for flags in [[], ["--excel"], ["--raw", "--delimiter", ";"]] {
                let listed = try annals([kind, "--format", "csv"] + flags)
                let exported = try annals(["export", kind] + flags)
                #expect(listed.status == 0 && exported.status == 0)
                #expect(listed.stdout == exported.stdout, "\(kind) \(flags)")
            }
        }
        // Without --format, --output writes CSV; an explicit table cannot go to a file.
        let path = folder.appending(path: "events.csv").path
        #expect(try annals(["events", "--output", path]).status == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == (try annals(["export", "events"])).stdout)
        let table = try annals(["events", "--format", "table", "--output", folder.appending(path: "table.txt").path])
        #expect(table.status == 64)
        #expect(table.stderr.contains("--output writes csv, json or ndjson"), "\(table.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appending(path: "table.txt").path))
        // Other commands' CSV goes through the same writer: guarded, CRLF.
        let sql = try annals(["sql", "SELECT text FROM takeaways WHERE text LIKE '@%'", "--format", "csv"])
        #expect(sql.stdout == "text\r\n'@SUM(A1)\r\n")
    }

    @Test func exportRefusesATableAndBadDialects() throws {
        #expect(try annals(["export", "events", "--format", "table"]).status == 64)
        #expect(try annals(["export", "events", "--excel", "--raw"]).status == 64)
        #expect(try annals(["export", "events", "--delimiter", "|"]).status == 64)
        #expect(try annals(["export", "nothing"]).status == 64)
    }
}

extension PythonCSV {
    /// Reads `path` once `run` (the export that wrote it) has succeeded.
    static func read(_ path: String, delimiter: String, after run: AnnalsRun) throws -> PythonCSV {
        #expect(run.status == 0, "\(run.stderr)")
        return try read(path, delimiter: delimiter)
    }
}
