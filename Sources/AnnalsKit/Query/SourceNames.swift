/// The other names analysts give news sources: a built-in table of well-known outlets
/// (`FT`, `SCMP`, `WSJ`, `NYT`, `Tom's Hardware`…), and names made from any source seen:
/// without a leading `The` when two words or more remain (`Wall Street Journal`, but not
/// `Information` or `Verge`, which are words), and the initials of a name of two or more
/// capitalized words when they are three letters or more (`South China Morning Post` →
/// `SCMP`). No other name is a plain word a question uses for something else.
public enum SourceNames {
    /// Well-known outlets and what they are called; matched to a stored source by its
    /// name or any of these (case, `The` and punctuation aside).
    public static let known: [(name: String, aliases: [String])] = [
        ("Financial Times", ["FT", "the FT", "FT.com"]),
        ("South China Morning Post", ["SCMP"]),
        ("The Wall Street Journal", ["WSJ", "Wall Street Journal"]),
        ("The New York Times", ["NYT", "New York Times"]),
        ("The Washington Post", ["WaPo", "Washington Post"]),
        ("Tom's Hardware", ["Toms Hardware", "Tom's HW"]),
        ("Ars Technica", ["Ars"]),
        ("MIT Technology Review", ["MIT Tech Review", "Technology Review", "Tech Review"]),
        ("Nikkei Asia", ["Nikkei", "Nikkei Asian Review"]),
        ("Bloomberg", ["Bloomberg News", "Bloomberg Law"]),
        ("Reuters", ["Thomson Reuters"]),
        ("The Register", ["El Reg"]),
        ("DigiTimes", ["Digitimes Asia"]),
        ("CNBC", []),
        ("Politico", ["Politico Europe", "Politico EU"]),
        ("Center for Strategic and International Studies", ["CSIS"]),
        ("Associated Press", ["AP", "AP News"]),
        ("British Broadcasting Corporation", ["BBC", "BBC News"]),
    ]

    /// Every name by which `source` (a stored source name) may be asked for.
    public static func aliases(of source: String) -> [String] {
        var names: [String] = []
        func add(_ name: String) {
            let name = name.trimmingCharacters(in: .whitespaces)
            if !name.isEmpty, name != source, !names.contains(name) { names.append(name) }
        }
        let bare = withoutArticle(source)
        if bare.split(separator: " ").count >= 2 { add(bare) }
        add(source.replacingOccurrences(of: "'s ", with: " ").replacingOccurrences(of: "’s ", with: " "))
        let key = Vocabulary.key(bare)
        for outlet in known where ([outlet.name] + outlet.aliases).contains(where: { Vocabulary.key(withoutArticle($0)) == key }) {
            add(outlet.name)
            outlet.aliases.forEach(add)
        }
        let significant = bare.split(separator: " ").filter { !["and", "of", "for", "the", "&"].contains($0.lowercased()) }
        if significant.count >= 2, significant.allSatisfy({ $0.first?.isUppercase == true }) {
            let initials = String(significant.compactMap(\.first))
            if initials.count >= 3 { add(initials) }
        }
        return names
    }

    static func withoutArticle(_ name: String) -> String {
        name.lowercased().hasPrefix("the ") ? String(name.dropFirst(4)) : name
    }
}
