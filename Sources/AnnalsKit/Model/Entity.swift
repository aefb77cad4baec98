/// A named actor or thing an event involves: a country, a bloc, an agency, a company,
/// a list, a person, a product or a law.
///
/// Entities live in a ``Taxonomy``; the built-in ones are in `taxonomy/default.json`.
public struct Entity: Codable, Hashable, Sendable {
    /// What an entity is. Two mentions of one event may name different entities of
    /// different kinds, but not different entities of one kind (see ``EventMatcher``).
    public enum Kind: String, Codable, Hashable, Sendable, CaseIterable {
        /// A country or territory: `United States`, `China`, `Taiwan`.
        case country
        /// A group of countries: `European Union`, `G7`; the merger treats it as a country.
        case bloc
        /// A government body: `Commerce Department`, `BIS`, `White House`, `Congress`.
        case agency
        /// A company: `Nvidia`, `Huawei`, `TSMC`.
        case company
        /// A government list of restricted parties: `Entity List`, `SDN List`.
        case list
        /// A person: `Xi Jinping`, `Jensen Huang`.
        case person
        /// A product or technology: `H20`, `HBM`, `EUV`.
        case product
        /// A law: `CHIPS Act`, `EU AI Act`.
        case law
    }

    /// The canonical name, as shown and stored (`United States`, `Huawei`).
    public var name: String
    /// What the entity is; the merger keeps apart mentions naming different entities of one kind.
    public var kind: Kind
    /// The ways texts name the entity, in any script (`Huawei`, `华为`). Matched on word
    /// boundaries ignoring case and plural endings, except aliases written in capitals
    /// with at most five letters (`US`, `U.S.`, `EU`, `BIS`, `TSMC`): those match only as
    /// written, so `US` is not the pronoun `us`. Aliases in scripts written without spaces
    /// (Chinese, Japanese, Korean) match anywhere inside a run of that script.
    public var aliases: [String]
    /// Phrases inside which an alias does not name the entity: `e-commerce` for the
    /// Commerce Department, `Latin American` for the United States.
    public var exclude: [String]
    /// The canonical name of the entity this one belongs to (the Bureau of Industry and
    /// Security is part of the Commerce Department, which is part of the United States).
    /// A text that names an entity names what it is part of.
    public var partOf: String?

    /// An entity with these values, not yet validated; its name counts as one of its aliases.
    public init(name: String, kind: Kind, aliases: [String] = [], exclude: [String] = [], partOf: String? = nil) {
        self.name = name
        self.kind = kind
        self.aliases = aliases
        self.exclude = exclude
        self.partOf = partOf
    }

    enum CodingKeys: String, CodingKey { case name, kind, aliases, exclude, partOf }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        kind = try c.decode(Kind.self, forKey: .kind)
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
        exclude = try c.decodeIfPresent([String].self, forKey: .exclude) ?? []
        partOf = try c.decodeIfPresent(String.self, forKey: .partOf)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(kind, forKey: .kind)
        try c.encode(aliases, forKey: .aliases)
        if !exclude.isEmpty { try c.encode(exclude, forKey: .exclude) }
        try c.encodeIfPresent(partOf, forKey: .partOf)
    }
}
