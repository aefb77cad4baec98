import Foundation

/// The topics and entities Annals tags texts with, and the rules that find them.
///
/// The built-in taxonomy is `taxonomy/default.json` at the package root, embedded in the
/// library at build time (``builtIn``); ``load(json:)`` reads another one. Every way in
/// (``load(json:)``, `Decodable`, ``Classifier/init(taxonomy:)``) validates it, and a bad
/// field is reported with its path, like `topics[3].rules.patterns[0]`.
///
/// The JSON form:
///
/// ```json
/// {
///   "version": 1,
///   "topics": [
///     { "slug": "export-controls", "name": "Export controls", "description": "…",
///       "aliases": ["export control", "export ban"],
///       "rules": { "phrases": ["export controls", "entity list"], "patterns": [], "exclude": [] } }
///   ],
///   "entities": [
///     { "name": "Commerce Department", "kind": "agency", "aliases": ["Commerce", "Department of Commerce"],
///       "exclude": ["e-commerce"], "partOf": "United States" }
///   ]
/// }
/// ```
///
/// `description`, `aliases`, the three `rules` lists, and an entity's `aliases`,
/// `exclude` and `partOf` may be left out. An entity's `name` is always one of its aliases.
public struct Taxonomy: Codable, Hashable, Sendable {
    /// The version of the taxonomy's content, for the archive to know when to reclassify.
    public var version: Int
    /// In the order the taxonomy gives them, which is the order classifications use.
    public var topics: [Topic]
    /// In the order the taxonomy gives them, which is the order classifications use.
    public var entities: [Entity]

    /// A taxonomy with these values, not yet validated (``Classifier/init(taxonomy:)`` validates it).
    public init(version: Int, topics: [Topic], entities: [Entity]) {
        self.version = version
        self.topics = topics
        self.entities = entities
    }

    enum CodingKeys: String, CodingKey { case version, topics, entities }

    /// Decodes and validates; a taxonomy that fails validation throws its ``TaxonomyError``.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decode(Int.self, forKey: .version)
        topics = try c.decodeIfPresent([Topic].self, forKey: .topics) ?? []
        entities = try c.decodeIfPresent([Entity].self, forKey: .entities) ?? []
        try validate()
    }

    /// The taxonomy of `taxonomy/default.json`, embedded at build time.
    public static let builtIn: Taxonomy = {
        do {
            return try load(json: Data(builtInText.utf8))
        } catch {
            fatalError("taxonomy/default.json is invalid: \(error.localizedDescription)")
        }
    }()

    /// The text of `taxonomy/default.json`, embedded at build time: ``builtIn``'s canonical
    /// JSON form (``jsonData()``), which a test holds it to.
    static var builtInText: String {
        guard let text = embeddedResources["default.json"] else {
            fatalError("taxonomy/default.json was not embedded in AnnalsKit")
        }
        return text
    }

    /// Reads and validates a taxonomy from its JSON form. Unknown fields are errors (they
    /// are usually typos), as are duplicate members of an object.
    public static func load(json: Data) throws(TaxonomyError) -> Taxonomy {
        let bytes = [UInt8](json)
        if let offset = firstInvalidUTF8(bytes) { throw .notUTF8(offset: offset) }
        let taxonomy = try TaxonomyReader.taxonomy(try TaxonomyJSONValue.parse(bytes))
        try taxonomy.validate()
        return taxonomy
    }

    /// The JSON form: two-space indented, fields in a fixed order, arrays of strings on
    /// one line when they fit in 100 columns. `load(json: t.jsonData()) == t`, and
    /// `taxonomy/default.json` is kept in exactly this form.
    public func jsonData() -> Data {
        Data(TaxonomyWriter.write(self).utf8)
    }

    // MARK: - Lookups

    /// The topic with this slug.
    public func topic(slug: String) -> Topic? {
        topics.first { $0.slug == slug }
    }

    /// The topic a person means by `term`: its slug, name or one of its aliases, ignoring
    /// case, punctuation and plurals (`Export Controls`, `export-control`, `export ban`).
    public func topic(matching term: String) -> Topic? {
        let key = Self.termKey(term)
        guard !key.isEmpty else { return nil }
        return topics.first { topic in
            ([topic.slug, topic.name] + topic.aliases).contains { Self.termKey($0) == key }
        }
    }

    /// The entity with this canonical name.
    public func entity(named name: String) -> Entity? {
        entities.first { $0.name == name }
    }

    /// The entity a person means by `term`: its name or one of its aliases, ignoring case,
    /// punctuation and plurals.
    public func entity(matching term: String) -> Entity? {
        let key = Self.termKey(term)
        guard !key.isEmpty else { return nil }
        return entities.first { entity in
            ([entity.name] + entity.aliases).contains { Self.termKey($0) == key }
        }
    }

    /// Canonical entity name → kind (`"Huawei": "company"`), as ``EventMatcher`` wants it.
    public var entityKinds: [String: String] {
        Dictionary(entities.map { ($0.name, $0.kind.rawValue) }, uniquingKeysWith: { first, _ in first })
    }

    /// A term as the tokenizer sees it: folded words joined by single spaces.
    static func termKey(_ term: String) -> String {
        Tokenizer.tokens(term).map(\.text).joined(separator: " ")
    }

    /// Whether an alias matches only as written: it has no lowercase letter, at least one
    /// uppercase letter and at most five letters (`US`, `U.S.`, `EU`, `BIS`, `TSMC`, `H20`).
    public static func isCaseSensitiveAlias(_ alias: String) -> Bool {
        var letters = 0
        var upper = false
        for scalar in alias.unicodeScalars where scalar.properties.isAlphabetic {
            if scalar.properties.isLowercase { return false }
            if scalar.properties.isUppercase { upper = true }
            letters += 1
        }
        return upper && letters <= 5
    }

    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}

// MARK: - Validation

extension Taxonomy {
    /// Checks everything ``load(json:)`` checks but JSON syntax: slugs, empty texts,
    /// phrases without words, duplicate slugs and entity names, a name or alias shared by
    /// two topics or two entities, topics without rules, patterns that do not compile or
    /// match the empty text, and `partOf` links that name no entity or go round in a cycle.
    /// The first problem in document order is thrown.
    public func validate() throws(TaxonomyError) {
        if version < 1 { throw .invalidVersion(path: "version") }

        var slugs: [String: String] = [:]
        var topicTerms: [String: Int] = [:]
        for (t, topic) in topics.enumerated() {
            let path = "topics[\(t)]"
            if topic.slug.isEmpty { throw .empty(path: "\(path).slug") }
            if !Self.isValidSlug(topic.slug) { throw .invalidSlug(path: "\(path).slug", value: topic.slug) }
            if let first = slugs[topic.slug] { throw .duplicate(path: "\(path).slug", value: topic.slug, first: first) }
            slugs[topic.slug] = "\(path).slug"
            if topic.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw .empty(path: "\(path).name") }
            for (field, value) in [("slug", topic.slug), ("name", topic.name)] + topic.aliases.enumerated().map({ ("aliases[\($0)]", $1) }) {
                try Self.checkWords(value, path: "\(path).\(field)")
                let key = Self.termKey(value)
                if let owner = topicTerms[key], owner != t {
                    throw .ambiguous(path: "\(path).\(field)", value: value, owner: "topic '\(topics[owner].slug)'")
                }
                topicTerms[key] = t
            }
            let rules = topic.rules
            if rules.phrases.isEmpty && rules.patterns.isEmpty { throw .noRules(path: "\(path).rules") }
            for (k, phrase) in rules.phrases.enumerated() {
                try Self.checkWords(phrase, path: "\(path).rules.phrases[\(k)]")
            }
            for (k, pattern) in rules.patterns.enumerated() {
                _ = try Self.compilePattern(pattern, path: "\(path).rules.patterns[\(k)]")
            }
            for (k, phrase) in rules.exclude.enumerated() {
                try Self.checkWords(phrase, path: "\(path).rules.exclude[\(k)]")
            }
        }

        var names: [String: String] = [:]
        var aliasOwners: [String: Int] = [:]
        for (e, entity) in entities.enumerated() {
            let path = "entities[\(e)]"
            try Self.checkWords(entity.name, path: "\(path).name")
            if let first = names[entity.name] { throw .duplicate(path: "\(path).name", value: entity.name, first: first) }
            names[entity.name] = "\(path).name"
            for (field, alias) in [("name", entity.name)] + entity.aliases.enumerated().map({ ("aliases[\($0)]", $1) }) {
                try Self.checkWords(alias, path: "\(path).\(field)")
                let key = Self.aliasKey(alias)
                if let owner = aliasOwners[key], owner != e {
                    throw .ambiguous(path: "\(path).\(field)", value: alias, owner: "entity '\(entities[owner].name)'")
                }
                aliasOwners[key] = e
            }
            for (k, phrase) in entity.exclude.enumerated() {
                try Self.checkWords(phrase, path: "\(path).exclude[\(k)]")
            }
        }
        for (e, entity) in entities.enumerated() {
            guard let parent = entity.partOf else { continue }
            let path = "entities[\(e)].partOf"
            if parent.isEmpty { throw .empty(path: path) }
            guard names[parent] != nil else { throw .unknownEntity(path: path, name: parent) }
            var chain = [entity.name]
            var next: String? = parent
            while let current = next {
                chain.append(current)
                if current == entity.name { throw .partOfCycle(path: path, chain: chain) }
                if chain.count > entities.count + 1 { break }
                next = self.entity(named: current)?.partOf
            }
        }
    }

    static func isValidSlug(_ slug: String) -> Bool {
        var previousHyphen = true
        for byte in slug.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousHyphen = false
            case UInt8(ascii: "-"):
                if previousHyphen { return false }
                previousHyphen = true
            default:
                return false
            }
        }
        return !previousHyphen
    }

    static func checkWords(_ text: String, path: String) throws(TaxonomyError) {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw .empty(path: path) }
        if Tokenizer.tokens(text).isEmpty { throw .noWords(path: path, value: text) }
    }

    /// How an alias is told apart from the others: its folded words, or its words as
    /// written when it matches only as written.
    static func aliasKey(_ alias: String) -> String {
        if isCaseSensitiveAlias(alias) {
            var text = alias
            let words = text.withUTF8 { buffer in
                Tokenizer.tokens(utf8: buffer).map { String(decoding: UnsafeBufferPointer(rebasing: buffer[$0.start..<$0.end]), as: UTF8.self) }
            }
            return "=" + words.joined(separator: " ")
        }
        return termKey(alias)
    }

    /// Compiles a topic pattern as the classifier runs it (case-insensitive), or throws
    /// why it cannot be used.
    static func compilePattern(_ pattern: String, path: String) throws(TaxonomyError) -> NSRegularExpression {
        if pattern.isEmpty { throw .empty(path: path) }
        let regex: NSRegularExpression
        do {
            regex = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
        } catch {
            // ICU's errors say nothing on Linux; Swift's regex parser says what is wrong.
            var reason = "ICU cannot compile it"
            do { _ = try Regex(pattern) } catch let swiftError { reason = String(describing: swiftError) }
            throw .invalidPattern(path: path, pattern: pattern, reason: reason)
        }
        if regex.firstMatch(in: "", options: [], range: NSRange(location: 0, length: 0)) != nil {
            throw .patternMatchesEmpty(path: path, pattern: pattern)
        }
        return regex
    }
}
