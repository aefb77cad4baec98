import AnnalsKit
/// Renders rows as an aligned text table that fits the terminal: long text is
/// shortened with `…` in the flexible columns (topics and sources before the text),
/// never wrapped mid-row. Cells and titles are made inert (``InertText``): a control
/// character in a title or a query's column name is shown escaped, never sent raw.
struct TableRenderer {
    struct Column {
        var title: String
        /// Numbers align right.
        var numeric = false
        /// Flexible columns give up width when the table is too wide.
        var flexible = false
        /// A flexible column that gives up its width before the others (topics and sources,
        /// before an event's text or an article's title).
        var yields = false
    }

    var columns: [Column]
    var width: Int?
    var color: Bool

    func render(_ rows: [[String]]) -> String {
        let cells = rows.map { row in row.map(Self.cell) }
        return render(cells: cells, widths: widths(fitting: cells), header: true)
    }

    /// The column widths that fit `cells` (already passed through ``cell(_:)``) and the terminal.
    func widths(fitting cells: [[String]]) -> [Int] {
        var widths = columns.map { Self.cell($0.title).displayWidth }
        for row in cells {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.displayWidth)
            }
        }
        if let width {
            let separators = 2 * (columns.count - 1)
            var total = widths.reduce(0, +) + separators
            // Shrink the widest flexible column first, in stages, so that the text that says
            // what happened keeps its width longest: columns that yield (topics, sources) to
            // 20 characters, the others to 40, then the yielding ones to 12, then all to 12.
            let yielding = columns.indices.filter { columns[$0].flexible && columns[$0].yields }
            let others = columns.indices.filter { columns[$0].flexible && !columns[$0].yields }
            for (group, floor) in [(yielding, 20), (others, 40), (yielding, 12), (yielding + others, 12)] {
                while total > width, let widest = group.filter({ widths[$0] > floor }).max(by: { widths[$0] < widths[$1] }) {
                    widths[widest] -= 1
                    total -= 1
                }
            }
        }
        return widths
    }

    /// The lines of `cells` (already passed through ``cell(_:)``) in columns of `widths`,
    /// longer cells shortened, after the header line when `header`.
    func render(cells: [[String]], widths: [Int], header: Bool) -> String {
        var out = ""
        if header {
            let line = columns.enumerated().map { index, column in
                pad(Self.cell(column.title), to: widths[index], right: column.numeric)
            }.joined(separator: "  ")
            out += (color ? "\u{1B}[1m" + trimEnd(line) + "\u{1B}[0m" : trimEnd(line)) + "\n"
        }
        for row in cells {
            let line = columns.enumerated().map { index, column in
                let cell = index < row.count ? row[index] : ""
                return pad(truncate(cell, to: widths[index]), to: widths[index], right: column.numeric)
            }.joined(separator: "  ")
            out += trimEnd(line) + "\n"
        }
        return out
    }

    /// A cell as it is shown: on one line, control characters escaped.
    static func cell(_ text: String) -> String {
        InertText.escape(oneLine(text), keepingLineBreaks: false)
    }

    static func oneLine(_ text: String) -> String {
        guard text.contains(where: { $0.isNewline || $0 == "\t" }) else { return text }
        return text.split(whereSeparator: { $0.isNewline || $0 == "\t" }).joined(separator: " ")
    }

    private func truncate(_ text: String, to width: Int) -> String {
        guard text.displayWidth > width else { return text }
        var out = ""
        var used = 0
        for character in text {
            let w = character.displayWidth
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    private func pad(_ text: String, to width: Int, right: Bool) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.displayWidth))
        return right ? fill + text : text + fill
    }

    private func trimEnd(_ text: String) -> String {
        var text = text
        while text.last == " " { text.removeLast() }
        return text
    }
}

extension Character {
    /// Columns taken on a terminal: 2 for wide East Asian characters and emoji, else 1.
    var displayWidth: Int {
        guard let scalar = unicodeScalars.first else { return 0 }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
            0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1FAFF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}

extension String {
    var displayWidth: Int { reduce(0) { $0 + $1.displayWidth } }
}
