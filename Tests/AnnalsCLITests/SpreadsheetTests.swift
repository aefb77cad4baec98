import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// LibreOffice Calc, the real spreadsheet the export tests open files in.
///
/// Found on PATH as `soffice` or `libreoffice`. When it is missing and
/// `ANNALS_INSTALL_TEST_TOOLS=1` is set (CI sets it), the tests install it first with
/// `apt-get install -y --no-install-recommends libreoffice-calc`, as root only (a failed
/// install fails the test). A developer's plain `swift test` never installs anything, and
/// skips the spreadsheet test with the reason instead.
enum LibreOffice {
    static let installRequested = ProcessInfo.processInfo.environment["ANNALS_INSTALL_TEST_TOOLS"] == "1"

    /// The `soffice` to run, or nil and why (``problem``), and whether an install was tried.
    static let found: (path: String?, problem: String?, triedInstall: Bool) = {
        if let path = ExternalTools.which("soffice") ?? ExternalTools.which("libreoffice") { return (path, nil, false) }
        guard installRequested else {
            return (nil, "LibreOffice (soffice) is not on PATH; install libreoffice-calc, or set ANNALS_INSTALL_TEST_TOOLS=1 to let the tests install it", false)
        }
        guard getuid() == 0, let aptGet = ExternalTools.which("apt-get") else {
            return (nil, "LibreOffice is not on PATH and cannot be installed here (needs root and apt-get)", false)
        }
        note("installing libreoffice-calc for the spreadsheet test (ANNALS_INSTALL_TEST_TOOLS=1)…")
        let environment = ["DEBIAN_FRONTEND": "noninteractive"]
        for arguments in [["update", "-qq"], ["install", "-y", "-qq", "--no-install-recommends", "libreoffice-calc"]] {
            let run = try? ExternalTools.run(aptGet, ["-o", "DPkg::Lock::Timeout=600"] + arguments, timeout: 1200, environment: environment)
            guard let run, run.status == 0 else {
                return (nil, "apt-get \(arguments.joined(separator: " ")) failed: \(run?.stderr ?? "could not run it")", true)
            }
        }
        guard let path = ExternalTools.which("soffice") ?? ExternalTools.which("libreoffice") else {
            return (nil, "libreoffice-calc installed, but soffice is still not on PATH", true)
        }
        return (path, nil, true)
    }()

    /// Run the test when LibreOffice is there, or when installing it was tried and failed (so
    /// a failed install fails the run rather than skipping quietly); else skip, saying why.
    static var shouldRun: Bool {
        if found.path != nil || found.triedInstall { return true }
        note("skipping the spreadsheet test: \(found.problem ?? "no LibreOffice")")
        return false
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }
}

/// Opens Annals' CSV exports in LibreOffice Calc, headless, and reads what the
/// spreadsheet made of them: an .xlsx (its XML) and a CSV written back by Calc.
@Suite(.serialized) struct SpreadsheetTests {
    static let kinds = ["events", "articles", "takeaways", "implications", "timeline"]
    static let variants: [(name: String, flags: [String])] = [("default", []), ("excel", ["--excel"]), ("raw", ["--raw"])]
    /// Calc's CSV filter: comma, double quote, UTF-8 (76), from line 1.
    static let csvFilter = "CSV:44,34,76,1"
    static let dateColumns: Set<String> = ["start", "end"]

    /// The spreadsheet serial number of an ISO day (days since 1899-12-30), or nil when `text` is not one.
    static func serial(_ text: String) -> Int? {
        let parts = text.split(separator: "-")
        guard text.count == 10, parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else {
            return nil
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let day = calendar.date(from: DateComponents(year: y, month: m, day: d)),
            let epoch = calendar.date(from: DateComponents(year: 1899, month: 12, day: 30))
        else { return nil }
        return calendar.dateComponents([.day], from: epoch, to: day).day
    }

    @Test(
        .enabled(if: LibreOffice.shouldRun, "LibreOffice is not installed (see the note above, or set ANNALS_INSTALL_TEST_TOOLS=1)"),
        .enabled(if: ExternalTools.python3 != nil, "python3 is not on PATH: the xlsx is read with Python's zipfile"),
        .timeLimit(.minutes(20)))
    func libreOfficeShowsTheStoredTextRunsNoFormulaAndReadsRealDates() throws {
        let soffice = try #require(LibreOffice.found.path, "\(LibreOffice.found.problem ?? "no soffice")")
        let folder = try AnnalsBinary.scratchFolder()
        let db = folder.appending(path: "annals.sqlite").path
        let csvFolder = folder.appending(path: "csv"), xlsxFolder = folder.appending(path: "xlsx"), backFolder = folder.appending(path: "back")
        try FileManager.default.createDirectory(at: csvFolder, withIntermediateDirectories: true)
        let ingest = try AnnalsBinary.run(["--db", db, "ingest", AnnalsBinary.fixture("export/hazards.json")], directory: folder)
        #expect(ingest.status == 0, "\(ingest.stderr)")

        var files: [String] = []
        for kind in Self.kinds {
            for variant in Self.variants {
                let path = csvFolder.appending(path: "\(kind)-\(variant.name).csv").path
                let run = try AnnalsBinary.run(["--db", db, "export", kind] + variant.flags + ["--output", path], directory: folder)
                #expect(run.status == 0, "\(run.stderr)")
                files.append(path)
            }
        }

        // One Calc start per conversion, with a profile of its own (no clash with a running LibreOffice).
        let profile = "-env:UserInstallation=" + folder.appending(path: "profile").absoluteString
        for (target, outdir) in [("xlsx", xlsxFolder), ("csv:Text - txt - csv (StarCalc):44,34,76,1", backFolder)] {
            let run = try ExternalTools.run(
                soffice, [profile, "--headless", "--norestore", "--infilter=\(Self.csvFilter)", "--convert-to", target,
                          "--outdir", outdir.path] + files, timeout: 600)
            #expect(run.status == 0, "soffice --convert-to \(target): \(run.stderr)")
        }

        var texts: Set<String> = []
        for kind in Self.kinds {
            for variant in Self.variants {
                let name = "\(kind)-\(variant.name)"
                let exported = try PythonCSV.read(csvFolder.appending(path: "\(name).csv").path)
                let sheet = try XLSXSheet.read(xlsxFolder.appending(path: "\(name).xlsx").path)
                let back = try PythonCSV.read(backFolder.appending(path: "\(name).csv").path)
                let header = try #require(exported.rows.first)
                #expect(sheet.rows.count == exported.rows.count, "\(name): rows")

                if variant.name == "raw" {
                    // Proof that the check has teeth: unguarded, Calc runs =HYPERLINK(…) and =1+1.
                    #expect(sheet.formulas > 0, "\(name): Calc ran no formula even without the guard")
                    continue
                }
                #expect(sheet.formulas == 0, "\(name): Calc made \(sheet.formulas) formula cells")
                #expect(sheet.rows.first?.first??.text == "id", "\(name): A1 (the BOM must not show)")

                for (r, (row, sheetRow)) in zip(exported.rows, sheet.rows).enumerated() {
                    for (i, cell) in row.enumerated() {
                        let place = "\(name) row \(r + 1) \(header[i])"
                        let shown = i < sheetRow.count ? sheetRow[i] : nil
                        if cell.isEmpty {
                            #expect(shown == nil || shown?.text == "", "\(place): \(String(describing: shown))")
                            continue
                        }
                        let sheetCell = try #require(shown, "\(place): no cell for \(cell.debugDescription)")
                        #expect(!sheetCell.formula, "\(place)")
                        if r > 0 && Self.dateColumns.contains(header[i]) {
                            // A real date: a number (not a string cell), a date format, the right day.
                            #expect(sheetCell.type == "n" && sheetCell.text == nil, "\(place): \(cell) is not a number")
                            #expect(sheetCell.dateFormat, "\(place): format \(sheetCell.format.debugDescription) is not a date format")
                            #expect(sheetCell.value.flatMap { Int($0) } == Self.serial(cell), "\(place): \(cell)")
                        } else if let text = sheetCell.text {
                            // Text: exactly the file's cell (Calc keeps a line break as LF).
                            #expect(["s", "inlineStr"].contains(sheetCell.type), "\(place): type \(sheetCell.type)")
                            #expect(text == cell.replacingOccurrences(of: "\r\n", with: "\n"), "\(place): \(text.debugDescription)")
                            texts.insert(text)
                        } else if let day = Self.serial(cell) {
                            #expect(sheetCell.dateFormat && sheetCell.value.flatMap { Int($0) } == day, "\(place): \(cell)")
                        } else {
                            #expect(sheetCell.value.flatMap(Double.init) == Double(cell), "\(place): \(cell) read as \(sheetCell.value ?? "nothing")")
                        }
                    }
                }
                // Written back as CSV, Calc shows every cell as the file has it.
                let normalized = exported.rows.map { $0.map { $0.replacingOccurrences(of: "\r\n", with: "\n") } }
                #expect(back.rows == normalized, "\(name): Calc's CSV differs")
            }
        }
        for hazard in [
            "'=HYPERLINK(\"http://example.com\",\"x\")", "'@SUM(A1)", "'-1+1", "'=cmd|' /C calc'!A0", "'+1 day entry about SMIC\nwith a CRLF inside",
            "华为 and 中芯国际 expand 7 nm output", "华为与中芯国际扩大先进芯片产能", "新华社", "ไทย: กระทรวงพาณิชย์ประกาศมาตรการใหม่",
            "Emoji survive: 👩‍💻 🧑🏽‍🔬 ✅", "Reuters, Asia desk",
        ] {
            #expect(texts.contains(hazard), "\(hazard.debugDescription) is not a text cell in Calc")
        }
        #expect(texts.contains { $0.count > 19_000 }, "the very long cell")
    }
}
