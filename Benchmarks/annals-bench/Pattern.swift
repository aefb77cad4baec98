/// A sentence with named slots, filled from word lists:
/// `"{gov} expands export controls on {tech} to include stricter thresholds for {target}."`
///
/// - `{name}` is a value of the list `name`; a value written `"A|B|C"` has parts, and
///   `{name.1}` is its part 1 (`{name}` is part 0), so paired facts stay paired
///   (`"TSMC|N2"`: the company and its process).
/// - `{Name}` (capitalized) is the same value in Title Case, for headlines.
/// - Each slot is chosen once per filling, however often it appears.
/// - The filled sentence starts with a capital letter.
struct Pattern {
    enum Piece {
        case text(String)
        case slot(index: Int, part: Int, titleCase: Bool)
    }

    let source: String
    let pieces: [Piece]
    /// The word lists of the slots, by slot index; each value split into its parts.
    let lists: [[[String]]]
    let names: [String]

    init(_ pattern: String, _ vocabulary: [String: [String]]) {
        source = pattern
        var pieces: [Piece] = []
        var names: [String] = []
        var lists: [[[String]]] = []
        var literal = ""
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            literal += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { fatalError("unclosed slot in \(pattern)") }
            let spec = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            let parts = spec.split(separator: ".")
            var name = String(parts[0])
            let part = parts.count > 1 ? Int(parts[1])! : 0
            let titleCase = name.first!.isUppercase
            if titleCase { name = name.prefix(1).lowercased() + name.dropFirst() }
            guard let list = vocabulary[name], !list.isEmpty else { fatalError("no word list '\(name)' for \(pattern)") }
            if !literal.isEmpty {
                pieces.append(.text(literal))
                literal = ""
            }
            let index: Int
            if let known = names.firstIndex(of: name) {
                index = known
            } else {
                index = names.count
                names.append(name)
                lists.append(list.map { $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) })
            }
            pieces.append(.slot(index: index, part: part, titleCase: titleCase))
        }
        literal += rest
        if !literal.isEmpty { pieces.append(.text(literal)) }
        self.pieces = pieces
        self.lists = lists
        self.names = names
    }

    /// How many different fillings there are.
    var combinations: Int { lists.reduce(1) { $0 &* $1.count } }

    func choose(_ rng: inout Rng) -> [Int] { lists.map { rng.below($0.count) } }

    /// The sentence for `choice`; slots named in `bound` take that value instead (a card
    /// keeps to one company, one measure…).
    func fill(_ choice: [Int], bound: [String: String] = [:]) -> String {
        var out = ""
        for piece in pieces {
            switch piece {
            case .text(let text): out += text
            case .slot(let index, let part, let titleCase):
                let text: String
                if !bound.isEmpty, let value = bound[names[index]] {
                    text = value
                } else {
                    let value = lists[index][choice[index]]
                    text = part < value.count ? value[part] : value[0]
                }
                out += titleCase ? titleCased(text, atStart: out.isEmpty) : text
            }
        }
        return capitalizedFirst(out)
    }

    func fill(_ rng: inout Rng, bound: [String: String] = [:]) -> String { fill(choose(&rng), bound: bound) }
}

/// The first letter in upper case ("the Netherlands adds…" → "The Netherlands adds…").
func capitalizedFirst(_ text: String) -> String {
    guard let first = text.unicodeScalars.first, first.value >= 0x61, first.value <= 0x7A else { return text }
    // A name that mixes cases keeps its spelling: xAI, iFlytek.
    if text.unicodeScalars.prefix(while: { $0 != " " }).contains(where: { $0.value >= 0x41 && $0.value <= 0x5A }) { return text }
    return String(Character(first)).uppercased() + text.dropFirst()
}

private let smallWords: Set<Substring> = [
    "a", "an", "the", "of", "on", "to", "for", "in", "and", "or", "with", "by", "at", "as", "from", "over", "vs",
]

/// Headline case: each word capitalized, except short function words inside the title and
/// words that already mix cases (xAI, iPhone).
func titleCased(_ text: String, atStart: Bool = true) -> String {
    var out = ""
    var first = atStart
    for word in text.split(separator: " ", omittingEmptySubsequences: false) {
        if !out.isEmpty { out += " " }
        let mixed = word.contains { $0.isUppercase }
        if !mixed, !(smallWords.contains(word) && !first), let head = word.first, head.isLowercase {
            out += head.uppercased() + word.dropFirst()
        } else {
            out += word
        }
        first = false
    }
    return out
}
