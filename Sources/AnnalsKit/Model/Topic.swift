/// A subject an analyst files events under (`export-controls`, `litigation`…), and the
/// rules that recognize it in a text.
///
/// Topics live in a ``Taxonomy``; the built-in one is `taxonomy/default.json`.
public struct Topic: Codable, Hashable, Sendable {
    /// The stable identifier: lowercase letters, digits and hyphens (`export-controls`).
    public var slug: String
    /// The human name (`Export controls`).
    public var name: String
    /// What belongs under the topic, and what does not.
    public var description: String
    /// What people type when they mean the topic (`export control`, `export ban`), for
    /// questions and filters. Aliases are not matched against texts: ``rules`` are.
    public var aliases: [String]
    /// How the ``Classifier`` recognizes the topic in a text.
    public var rules: Rules

    /// A topic with these values, not yet validated (``Classifier/init(taxonomy:)`` validates it).
    public init(slug: String, name: String, description: String = "", aliases: [String] = [], rules: Rules) {
        self.slug = slug
        self.name = name
        self.description = description
        self.aliases = aliases
        self.rules = rules
    }

    /// The rules of a topic. A text is about the topic when a phrase or a pattern
    /// matches it and no exclusion does.
    public struct Rules: Codable, Hashable, Sendable {
        /// Word sequences matched on word boundaries, ignoring case, punctuation between
        /// the words (`export-control` = `export control`) and plural endings
        /// (`export controls` = `export control`). Phrases in scripts written without
        /// spaces (Chinese, Japanese, Korean) match anywhere inside a run of that script.
        public var phrases: [String]
        /// Regular expressions (ICU syntax, case-insensitive unless they say `(?-i)`),
        /// for what a phrase cannot say. Slower than phrases: prefer phrases.
        public var patterns: [String]
        /// Phrases that veto the topic for the whole text when they occur in it.
        public var exclude: [String]

        /// Rules with these phrases, patterns and exclusions; each list is empty by default.
        public init(phrases: [String] = [], patterns: [String] = [], exclude: [String] = []) {
            self.phrases = phrases
            self.patterns = patterns
            self.exclude = exclude
        }

        enum CodingKeys: String, CodingKey { case phrases, patterns, exclude }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            phrases = try c.decodeIfPresent([String].self, forKey: .phrases) ?? []
            patterns = try c.decodeIfPresent([String].self, forKey: .patterns) ?? []
            exclude = try c.decodeIfPresent([String].self, forKey: .exclude) ?? []
        }
    }

    enum CodingKeys: String, CodingKey { case slug, name, description, aliases, rules }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        slug = try c.decode(String.self, forKey: .slug)
        name = try c.decode(String.self, forKey: .name)
        description = try c.decodeIfPresent(String.self, forKey: .description) ?? ""
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
        rules = try c.decode(Rules.self, forKey: .rules)
    }
}
