// The peer a Python user would reach for: sqlite-utils loading the same rows as the
// sqlite3 baseline, timed beside annals.

extension Runner {
    /// Stage 3b: `sqlite-utils insert --nl` of the baseline's four tables (the same rows,
    /// as NDJSON: converted before the clock starts) and `enable-fts` over the same text with
    /// the porter tokenizer, in one shell script per run. Skipped, with how to install it,
    /// when `sqlite-utils` is not on PATH.
    mutating func sqliteUtils() throws {
        var stage = Stage("sqlite-utils", "3b sqlite-utils insert --nl + enable-fts")
        guard let tool = findInPath("sqlite-utils") else {
            stage.status = .skipped("sqlite-utils is not on PATH (python3 -m pip install sqlite-utils)")
            report.stages.append(stage)
            return
        }
        guard let python = findInPath("python3") else {
            stage.status = .skipped("python3 is not on PATH: the rows are converted to NDJSON with it")
            report.stages.append(stage)
            return
        }
        let flat = corpus + "/flat"
        let tables = ["articles", "takeaways", "implications", "timeline_entries"]
        // CSV to NDJSON, untimed: empty cells become null as the baseline's UPDATEs make them.
        let convert = """
            import csv, json, sys
            csv.field_size_limit(1 << 30)
            for table in sys.argv[2:]:
                with open(f"{sys.argv[1]}/{table}.csv", newline="") as rows, open(f"{sys.argv[1]}/{table}.ndjson", "w") as out:
                    for row in csv.DictReader(rows):
                        out.write(json.dumps({k: (None if v == "" else v) for k, v in row.items()}) + "\\n")
            """
        try writeFile(work + "/to-ndjson.py", Array(convert.utf8))
        let converted = try runChild(
            python, [work + "/to-ndjson.py", flat] + tables, stdout: logs + "/to-ndjson.out", stderr: logs + "/to-ndjson.err")
        guard converted.exitCode == 0 else {
            stage.status = .failed("converting the rows to NDJSON: \(converted.firstErrorLine)")
            report.stages.append(stage)
            return
        }
        let fts = [
            "articles": "title summary what_changed why_it_matters what_to_do_next who_should_care insight",
            "takeaways": "text", "implications": "headline detail", "timeline_entries": "text",
        ]
        let script = work + "/sqlite-utils.sh"
        _ = try timeLoads(&stage, name: "sqlite-utils", peer: "sqlite-utils") { db, run in
            var lines = "set -e\n"
            for table in tables {
                lines += "'\(tool)' insert '\(db)' \(table) '\(flat)/\(table).ndjson' --nl --pk id\n"
            }
            for table in tables {
                lines += "'\(tool)' enable-fts '\(db)' \(table) \(fts[table]!) --tokenize porter\n"
            }
            try writeFile(script, Array(lines.utf8))
            return try runChild(
                "/bin/sh", [script], stdout: logs + "/sqlite-utils-\(run).out", stderr: logs + "/sqlite-utils-\(run).err")
        }
        if case .ok = stage.status {
            stage.notes.append("rows and full text only: no unique url index, no checks, no tags, no event merging")
            stage.notes.append("peak RSS: the largest of its processes (one sqlite-utils per table and step)")
        }
        report.stages.append(stage)
    }
}
