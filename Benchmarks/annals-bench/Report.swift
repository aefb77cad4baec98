/// One measured figure: a median over runs (or a single value), its unit and every run.
struct Figure {
    var name: String
    var label: String
    var value: Double?
    var unit: String
    var runs: [Double]
}

/// A benchmark stage: what it measured, or why it did not.
struct Stage {
    enum Status {
        case ok
        case skipped(String)
        case failed(String)

        var text: String {
            switch self {
            case .ok: return "ok"
            case .skipped(let why): return "skipped: " + why
            case .failed(let why): return "failed: " + why
            }
        }
    }

    var id: String
    var title: String
    var status: Status = .ok
    var figures: [Figure] = []
    var notes: [String] = []

    init(_ id: String, _ title: String) {
        self.id = id
        self.title = title
    }

    /// Adds a figure from per-run values; its value is their median.
    mutating func add(_ name: String, _ label: String, _ runs: [Double], _ unit: String) {
        figures.append(Figure(name: id + "." + name, label: label, value: median(runs), unit: unit, runs: runs))
    }

    /// Adds a single value (not a timing: a size, a count, a score).
    mutating func add(_ name: String, _ label: String, value: Double?, _ unit: String) {
        figures.append(Figure(name: id + "." + name, label: label, value: value, unit: unit, runs: value.map { [$0] } ?? []))
    }

    func figure(_ name: String) -> Figure? { figures.first { $0.name == id + "." + name } }
}

func median(_ values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let mid = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/// Digits that suit the magnitude: 12345, 123.4, 12.34, 1.234, 0.1234.
func readable(_ value: Double?) -> String {
    guard let value else { return "—" }
    let magnitude = abs(value)
    if value == value.rounded() && magnitude < 1e15 { return grouped(Int(value)) }
    if magnitude >= 1000 { return grouped(Int(value.rounded())) }
    if magnitude >= 100 { return format(value, 1) }
    if magnitude >= 10 { return format(value, 2) }
    if magnitude >= 1 || magnitude == 0 { return format(value, 3) }
    return format(value, 4)
}

/// 1234567 → "1,234,567".
func grouped(_ n: Int) -> String {
    let digits = String(abs(n))
    var out = ""
    for (i, c) in digits.enumerated() {
        if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
        out.append(c)
    }
    return (n < 0 ? "-" : "") + out
}

private func padded(_ text: String, _ width: Int, right: Bool = false) -> String {
    let count = text.count
    guard count < width else { return right ? " " + text : text + " " }
    let pad = String(repeating: " ", count: width - count)
    return right ? pad + text : text + pad
}

struct BenchReport {
    /// Printed above the table.
    var header: [(String, String)] = []
    /// Written at the top of the JSON: key and raw JSON value.
    var meta: [(String, String)] = []
    var stages: [Stage] = []

    /// The plain table printed at the end of a run.
    func table() -> String {
        var out = ""
        for (key, value) in header { out += padded(key + ":", 14) + value + "\n" }
        out += "\n"
        let widths = (stage: 34, figure: 22, value: 10, unit: 12)
        out += padded("stage", widths.stage) + padded("figure", widths.figure) + padded("median", widths.value, right: true)
            + "  " + padded("unit", widths.unit) + "runs\n"
        out += String(repeating: "-", count: widths.stage + widths.figure + widths.value + widths.unit + 16) + "\n"
        for stage in stages {
            var first = true
            let name = stage.title
            if case .ok = stage.status {} else {
                out += padded(name, widths.stage) + stage.status.text + "\n"
                first = false
            }
            for figure in stage.figures {
                let runs = figure.runs.count > 1 ? figure.runs.map(readable).joined(separator: " ") : ""
                out += padded(first ? name : "", widths.stage) + padded(figure.label, widths.figure)
                    + padded(readable(figure.value), widths.value, right: true) + "  " + padded(figure.unit, widths.unit)
                    + runs + "\n"
                first = false
            }
            if first { out += name + "\n" }
            for note in stage.notes { out += padded("", widths.stage) + "note: " + note + "\n" }
        }
        return out
    }

    /// Every figure, machine-readable.
    func json() -> [UInt8] {
        var b = ByteBuffer()
        b.append("{\n  \"format\": \"annals-bench results 1\",\n")
        for (key, value) in meta {
            b.append("  ")
            b.jsonString(key)
            b.append(": " + value + ",\n")
        }
        b.append("  \"stages\": [")
        for (i, stage) in stages.enumerated() {
            b.append(i == 0 ? "\n    {" : ",\n    {")
            b.jsonKey("id"); b.jsonString(stage.id)
            b.append(", "); b.jsonKey("title"); b.jsonString(stage.title)
            b.append(", "); b.jsonKey("status"); b.jsonString(stage.status.text)
            b.append(", "); b.jsonKey("notes"); b.append("[")
            for (k, note) in stage.notes.enumerated() {
                if k > 0 { b.append(", ") }
                b.jsonString(note)
            }
            b.append("]}")
        }
        b.append("\n  ],\n  \"figures\": [")
        var first = true
        for stage in stages {
            for figure in stage.figures {
                b.append(first ? "\n    {" : ",\n    {")
                first = false
                b.jsonKey("name"); b.jsonString(figure.name)
                b.append(", "); b.jsonKey("stage"); b.jsonString(stage.id)
                b.append(", "); b.jsonKey("label"); b.jsonString(figure.label)
                b.append(", "); b.jsonKey("value"); b.append(jsonNumber(figure.value))
                b.append(", "); b.jsonKey("unit"); b.jsonString(figure.unit)
                b.append(", "); b.jsonKey("runs"); b.append("[" + figure.runs.map { jsonNumber($0) }.joined(separator: ", ") + "]")
                b.append("}")
            }
        }
        b.append("\n  ]\n}\n")
        return b.bytes
    }
}

func jsonNumber(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "null" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
}

/// A JSON string literal, for ``BenchReport/meta``.
func jsonLiteral(_ text: String) -> String {
    var b = ByteBuffer()
    b.jsonString(text)
    return String(decoding: b.bytes, as: UTF8.self)
}
