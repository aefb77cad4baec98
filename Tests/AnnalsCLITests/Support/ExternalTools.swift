import Foundation

/// Programs outside Annals that the export tests read its files with: Python's `csv`
/// module (an independent CSV reader) and LibreOffice (a real spreadsheet).
enum ExternalTools {
    /// The first executable called `name` on PATH.
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static let python3: String? = which("python3")

    /// Runs `executable ARGUMENTS`, killing it after `timeout` seconds.
    static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval = 120, environment: [String: String] = [:])
        throws -> AnnalsRun
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        DispatchQueue.global().async(group: group) { outData = out.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        if group.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            group.wait()
            process.waitUntilExit()
            return AnnalsRun(status: -1, stdout: "", stderr: "\(executable) timed out after \(Int(timeout))s")
        }
        process.waitUntilExit()
        return AnnalsRun(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs a Python script given inline and decodes what it prints as JSON.
    static func python<T: Decodable>(_ script: String, _ arguments: [String], as type: T.Type) throws -> T {
        guard let python3 else { throw ToolError("python3 is not on PATH") }
        let run = try run(python3, ["-c", script] + arguments)
        guard run.status == 0 else { throw ToolError("python3 failed (\(run.status)): \(run.stderr)") }
        return try JSONDecoder().decode(T.self, from: Data(run.stdout.utf8))
    }

    struct ToolError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}

/// A CSV file as Python's `csv` module reads it.
struct PythonCSV: Decodable {
    /// Whether the file starts with a UTF-8 byte order mark.
    var bom: Bool
    /// The records, header first, each a list of cells.
    var rows: [[String]]
    /// Whether Python's `csv.writer` (minimal quoting, CRLF) writes back exactly the
    /// file's bytes (after the BOM): the file is canonical RFC 4180.
    var rewritten: Bool

    /// Reads `path` (strict UTF-8, strict quoting) with `delimiter`.
    static func read(_ path: String, delimiter: String = ",") throws -> PythonCSV {
        try ExternalTools.python(script, [path, delimiter], as: PythonCSV.self)
    }

    static let script = #"""
        import csv, io, json, sys
        data = open(sys.argv[1], "rb").read()
        bom = data.startswith(b"\xef\xbb\xbf")
        text = (data[3:] if bom else data).decode("utf-8")
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=sys.argv[2], strict=True))
        out = io.StringIO(newline="")
        csv.writer(out, delimiter=sys.argv[2], lineterminator="\r\n").writerows(rows)
        json.dump({"bom": bom, "rows": rows, "rewritten": out.getvalue() == text}, sys.stdout)
        """#
}

/// The first sheet of an .xlsx file, read from its XML parts (sheet1.xml, sharedStrings.xml,
/// styles.xml) by Python's zipfile and ElementTree.
struct XLSXSheet: Decodable {
    struct Cell: Decodable {
        /// The cell's `t` attribute: `n` (number, the default), `s` (shared string),
        /// `inlineStr`, `str` (a formula's string result), `b`, `e`.
        var type: String
        /// The `<v>` element's text.
        var value: String?
        /// The text of a string cell (shared or inline), else nil.
        var text: String?
        /// Whether the cell holds an `<f>` formula element.
        var formula: Bool
        /// The number format code of the cell's style.
        var format: String
        /// Whether that number format shows a date (a built-in date format, or a code with y and d).
        var dateFormat: Bool

        enum CodingKeys: String, CodingKey {
            case type, value, text, formula, format
            case dateFormat = "date_format"
        }
    }

    /// How many `<f>` elements the sheet holds.
    var formulas: Int
    /// The rows, each a list of cells by column (nil where a row has no cell).
    var rows: [[Cell?]]

    static func read(_ path: String) throws -> XLSXSheet {
        try ExternalTools.python(script, [path], as: XLSXSheet.self)
    }

    static let script = #"""
        import json, re, sys, zipfile
        import xml.etree.ElementTree as ET
        M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
        BUILTIN_DATES = set(range(14, 23)) | set(range(45, 48))
        def text_of(node):
            return "".join(t.text or "" for t in node.iter(M + "t"))
        def column(ref):
            n = 0
            for ch in re.match(r"[A-Z]+", ref).group(0):
                n = n * 26 + ord(ch) - 64
            return n - 1
        with zipfile.ZipFile(sys.argv[1]) as z:
            sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
            shared = []
            if "xl/sharedStrings.xml" in z.namelist():
                shared = [text_of(si) for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall(M + "si")]
            styles = ET.fromstring(z.read("xl/styles.xml"))
        codes = {int(f.get("numFmtId")): f.get("formatCode") for f in styles.iter(M + "numFmt")}
        cell_xfs = styles.find(M + "cellXfs")
        xfs = [int(xf.get("numFmtId", "0")) for xf in cell_xfs.findall(M + "xf")] if cell_xfs is not None else []
        def number_format(style):
            fid = xfs[style] if style < len(xfs) else 0
            code = codes.get(fid, "")
            bare = re.sub(r'"[^"]*"|\\.', "", code).lower()
            return code, fid in BUILTIN_DATES or ("y" in bare and "d" in bare)
        rows = []
        for row in sheet.iter(M + "row"):
            cells = []
            for c in row.findall(M + "c"):
                while len(cells) < column(c.get("r")):
                    cells.append(None)
                kind = c.get("t", "n")
                v = c.find(M + "v")
                value = v.text if v is not None else None
                if kind == "s":
                    text = shared[int(value)]
                elif kind == "inlineStr":
                    text = text_of(c.find(M + "is"))
                elif kind in ("str", "e", "b"):
                    text = value
                else:
                    text = None
                code, is_date = number_format(int(c.get("s", "0")))
                cells.append({"type": kind, "value": value, "text": text, "formula": c.find(M + "f") is not None,
                              "format": code, "date_format": is_date})
            rows.append(cells)
        json.dump({"formulas": len(sheet.findall(".//" + M + "f")), "rows": rows}, sys.stdout)
        """#
}
