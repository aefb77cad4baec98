import Foundation
import Testing

@testable import AnnalsKit

@Suite struct TaxonomyTests {
    // MARK: - The built-in taxonomy

    @Test func builtInHasTheTopicsAnAnalystExpects() throws {
        let slugs = Taxonomy.builtIn.topics.map(\.slug)
        for slug in [
            "export-controls", "sanctions", "espionage-ip-theft", "cybersecurity", "regulation", "litigation",
            "antitrust", "model-releases", "open-weights", "funding-mna", "compute-datacenters",
            "semiconductor-manufacturing", "research", "safety-incidents", "diplomacy",
        ] {
            #expect(slugs.contains(slug), "missing topic \(slug)")
        }
        for topic in Taxonomy.builtIn.topics {
            #expect(topic.description.count > 80, "\(topic.slug) needs a real description")
            #expect(!topic.aliases.isEmpty, "\(topic.slug) has no aliases")
            #expect(topic.rules.phrases.count >= 5, "\(topic.slug) has few phrases")
        }
    }

    @Test func builtInHasTheEntitiesAnAnalystExpects() throws {
        let taxonomy = Taxonomy.builtIn
        let expected: [(String, Entity.Kind)] = [
            ("United States", .country), ("China", .country), ("European Union", .bloc), ("Netherlands", .country),
            ("Japan", .country), ("Taiwan", .country), ("South Korea", .country), ("United Kingdom", .country),
            ("Commerce Department", .agency), ("BIS", .agency), ("DOJ", .agency), ("FBI", .agency),
            ("White House", .agency), ("Nvidia", .company), ("Huawei", .company), ("ASML", .company),
            ("TSMC", .company), ("SMIC", .company), ("Intel", .company), ("AMD", .company), ("Samsung", .company),
            ("SK Hynix", .company), ("OpenAI", .company), ("Meta", .company), ("Google", .company),
            ("Microsoft", .company), ("Anthropic", .company), ("DeepSeek", .company), ("Alibaba", .company),
            ("Baidu", .company), ("Tokyo Electron", .company), ("Applied Materials", .company),
            ("Entity List", .list), ("HBM", .product),
        ]
        for (name, kind) in expected {
            #expect(taxonomy.entity(named: name)?.kind == kind, "\(name) should be a \(kind)")
        }
        #expect(taxonomy.entity(named: "Huawei")?.aliases.contains("华为") == true)
        #expect(taxonomy.entity(named: "SMIC")?.aliases.contains("中芯国际") == true)
        #expect(taxonomy.entity(named: "China")?.aliases.contains("中国") == true)
        #expect(taxonomy.entity(named: "BIS")?.partOf == "Commerce Department")
        #expect(taxonomy.entityKinds["Huawei"] == "company")
        #expect(taxonomy.entityKinds.count == taxonomy.entities.count)
    }

    @Test func lookupsIgnoreCasePunctuationAndPlurals() {
        let taxonomy = Taxonomy.builtIn
        for term in ["export-controls", "Export controls", "export control", "EXPORT-CONTROL", "export ban"] {
            #expect(taxonomy.topic(matching: term)?.slug == "export-controls", "\(term)")
        }
        #expect(taxonomy.topic(matching: "M&A")?.slug == "funding-mna")
        #expect(taxonomy.topic(matching: "lawsuits")?.slug == "litigation")
        #expect(taxonomy.topic(matching: "nonsense") == nil)
        #expect(taxonomy.topic(slug: "antitrust")?.name == "Antitrust")
        #expect(taxonomy.entity(matching: "huawei")?.name == "Huawei")
        #expect(taxonomy.entity(matching: "U.S.")?.name == "United States")
        #expect(taxonomy.entity(matching: "Dutch")?.name == "Netherlands")
    }

    // MARK: - JSON form

    @Test func jsonDataRoundTrips() throws {
        let taxonomy = Taxonomy.builtIn
        #expect(try Taxonomy.load(json: taxonomy.jsonData()) == taxonomy)
        #expect(taxonomy.jsonData() == taxonomy.jsonData())
    }

    /// `taxonomy/default.json` is kept in the canonical form `jsonData()` writes, so that
    /// `annals taxonomy` output, diffs and reviews stay clean. If this fails after an edit,
    /// rewrite the file with `Taxonomy.load(json:)` + `jsonData()`.
    @Test func defaultFileIsInCanonicalForm() throws {
        let embedded = try #require(embeddedResources["default.json"])
        #expect(String(decoding: Taxonomy.builtIn.jsonData(), as: UTF8.self) == embedded)
    }

    @Test func codableRoundTripsAndValidates() throws {
        let taxonomy = Taxonomy.builtIn
        let data = try JSONEncoder().encode(taxonomy)
        #expect(try JSONDecoder().decode(Taxonomy.self, from: data) == taxonomy)

        var bad = taxonomy
        bad.topics[0].slug = "Export Controls"
        let badData = try JSONEncoder().encode(bad)
        #expect(throws: TaxonomyError.invalidSlug(path: "topics[0].slug", value: "Export Controls")) {
            try JSONDecoder().decode(Taxonomy.self, from: badData)
        }
    }

    @Test func optionalFieldsMayBeLeftOut() throws {
        let taxonomy = try Taxonomy.load(json: Data("""
            {"version": 2,
             "topics": [{"slug": "a", "name": "A", "rules": {"phrases": ["alpha"]}}],
             "entities": [{"name": "Acme", "kind": "company"}]}
            """.utf8))
        #expect(taxonomy.version == 2)
        #expect(taxonomy.topics == [Topic(slug: "a", name: "A", rules: .init(phrases: ["alpha"]))])
        #expect(taxonomy.entities == [Entity(name: "Acme", kind: .company)])
        #expect(try Taxonomy.load(json: taxonomy.jsonData()) == taxonomy)
    }

    @Test func writerEscapesStrings() throws {
        let taxonomy = Taxonomy(
            version: 1,
            topics: [Topic(slug: "q", name: "Quote \"and\" back\\slash\ttab", rules: .init(phrases: ["a\nb"]))],
            entities: [Entity(name: "华为 Huawei", kind: .company)])
        let text = String(decoding: taxonomy.jsonData(), as: UTF8.self)
        #expect(text.contains(#""Quote \"and\" back\\slash\ttab""#))
        #expect(text.contains("华为 Huawei"))
        #expect(try Taxonomy.load(json: taxonomy.jsonData()) == taxonomy)
    }

    // MARK: - Validation: every error, with its exact path and message

    static let topicA = #"{"slug": "a", "name": "A", "rules": {"phrases": ["alpha"]}}"#
    static let topicB = #"{"slug": "b", "name": "B", "rules": {"phrases": ["beta"]}}"#

    static func json(topics: [String] = [topicA], entities: [String] = []) -> String {
        #"{"version": 1, "topics": ["# + topics.joined(separator: ", ") + #"], "entities": ["#
            + entities.joined(separator: ", ") + "]}"
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var json: String
        var error: TaxonomyError
        var message: String
        var testDescription: String { message }
    }

    static let cases: [Case] = [
        Case(json: #"{"version": 1,, "topics": []}"#,
             error: .invalidJSON(line: 1, column: 15, reason: "expected a member name in double quotes, found ','"),
             message: "invalid JSON at line 1, column 15: expected a member name in double quotes, found ','"),
        Case(json: "{\n  \"version\": 1,\n  \"topics\": [\n    {\"slug\": \"a\" \"name\": \"A\"}\n  ]\n}",
             error: .invalidJSON(line: 4, column: 18, reason: "expected ',' or '}' after an object member, found '\"'"),
             message: "invalid JSON at line 4, column 18: expected ',' or '}' after an object member, found '\"'"),
        Case(json: "{\"version\": 1, \"topics\": [",
             error: .invalidJSON(line: 1, column: 27, reason: "unexpected end of text, expected a value"),
             message: "invalid JSON at line 1, column 27: unexpected end of text, expected a value"),
        Case(json: #"{"version": 1, "version": 2}"#,
             error: .invalidJSON(line: 1, column: 16, reason: "duplicate member 'version'"),
             message: "invalid JSON at line 1, column 16: duplicate member 'version'"),
        Case(json: #"{"version": 1} x"#,
             error: .invalidJSON(line: 1, column: 16, reason: "unexpected text after the JSON value"),
             message: "invalid JSON at line 1, column 16: unexpected text after the JSON value"),
        Case(json: #"[1]"#,
             error: .wrongType(path: "(top level)", expected: "an object"),
             message: "(top level): must be an object"),
        Case(json: #"{"topics": []}"#,
             error: .missingField(path: "version"), message: "version: missing"),
        Case(json: #"{"version": "1"}"#,
             error: .wrongType(path: "version", expected: "a number"), message: "version: must be a number"),
        Case(json: #"{"version": 0}"#,
             error: .invalidVersion(path: "version"), message: "version: must be a positive integer"),
        Case(json: #"{"version": 1.5}"#,
             error: .invalidVersion(path: "version"), message: "version: must be a positive integer"),
        Case(json: #"{"version": 1, "topic": []}"#,
             error: .unknownField(path: "topic", allowed: ["version", "topics", "entities"]),
             message: "topic: unknown field (expected one of version, topics, entities)"),
        Case(json: #"{"version": 1, "topics": {}}"#,
             error: .wrongType(path: "topics", expected: "an array"), message: "topics: must be an array"),
        Case(json: json(topics: [topicA, #"{"slug": "b", "name": "B", "rule": {}}"#]),
             error: .unknownField(path: "topics[1].rule", allowed: ["slug", "name", "description", "aliases", "rules"]),
             message: "topics[1].rule: unknown field (expected one of slug, name, description, aliases, rules)"),
        Case(json: json(topics: [#"{"name": "A", "rules": {"phrases": ["alpha"]}}"#]),
             error: .missingField(path: "topics[0].slug"), message: "topics[0].slug: missing"),
        Case(json: json(topics: [#"{"slug": "a", "name": "A"}"#]),
             error: .missingField(path: "topics[0].rules"), message: "topics[0].rules: missing"),
        Case(json: json(topics: [topicA, topicB, #"{"slug": "c", "name": "C", "rules": {"phrases": ["gamma"]}}"#,
                                 #"{"slug": "Export Controls", "name": "X", "rules": {"phrases": ["x"]}}"#]),
             error: .invalidSlug(path: "topics[3].slug", value: "Export Controls"),
             message: "topics[3].slug: must be lowercase letters, digits and hyphens, like export-controls (got 'Export Controls')"),
        Case(json: json(topics: [#"{"slug": "export--controls", "name": "X", "rules": {"phrases": ["x"]}}"#]),
             error: .invalidSlug(path: "topics[0].slug", value: "export--controls"),
             message: "topics[0].slug: must be lowercase letters, digits and hyphens, like export-controls (got 'export--controls')"),
        Case(json: json(topics: [#"{"slug": "", "name": "X", "rules": {"phrases": ["x"]}}"#]),
             error: .empty(path: "topics[0].slug"), message: "topics[0].slug: must not be empty"),
        Case(json: json(topics: [topicA, topicB, topicA.replacingOccurrences(of: "\"A\"", with: "\"Other\"")]),
             error: .duplicate(path: "topics[2].slug", value: "a", first: "topics[0].slug"),
             message: "topics[2].slug: duplicate 'a' (first at topics[0].slug)"),
        Case(json: json(topics: [#"{"slug": "a", "name": " ", "rules": {"phrases": ["x"]}}"#]),
             error: .empty(path: "topics[0].name"), message: "topics[0].name: must not be empty"),
        Case(json: json(topics: [topicA, #"{"slug": "b", "name": "B", "aliases": ["A"], "rules": {"phrases": ["x"]}}"#]),
             error: .ambiguous(path: "topics[1].aliases[0]", value: "A", owner: "topic 'a'"),
             message: "topics[1].aliases[0]: 'A' already names topic 'a'"),
        Case(json: json(topics: [#"{"slug": "a", "name": "A", "rules": {"phrases": [], "exclude": ["x"]}}"#]),
             error: .noRules(path: "topics[0].rules"), message: "topics[0].rules: needs at least one phrase or pattern"),
        Case(json: json(topics: [#"{"slug": "a", "name": "A", "rules": {"phrases": ["x", ""]}}"#]),
             error: .empty(path: "topics[0].rules.phrases[1]"), message: "topics[0].rules.phrases[1]: must not be empty"),
        Case(json: json(topics: [#"{"slug": "a", "name": "A", "rules": {"phrases": ["x", "—"]}}"#]),
             error: .noWords(path: "topics[0].rules.phrases[1]", value: "—"),
             message: "topics[0].rules.phrases[1]: '—' has no letter or digit, so it can never match"),
        Case(json: json(topics: [#"{"slug": "a", "name": "A", "rules": {"phrases": [1]}}"#]),
             error: .wrongType(path: "topics[0].rules.phrases[0]", expected: "a string"),
             message: "topics[0].rules.phrases[0]: must be a string"),
        Case(json: json(topics: [topicA, topicB, #"{"slug": "c", "name": "C", "rules": {"patterns": ["export(s"]}}"#]),
             error: .invalidPattern(path: "topics[2].rules.patterns[0]", pattern: "export(s", reason: "expected ')'"),
             message: "topics[2].rules.patterns[0]: invalid regular expression: expected ')' in 'export(s'"),
        Case(json: json(topics: [#"{"slug": "a", "name": "A", "rules": {"patterns": ["x", "a*"]}}"#]),
             error: .patternMatchesEmpty(path: "topics[0].rules.patterns[1]", pattern: "a*"),
             message: "topics[0].rules.patterns[1]: 'a*' matches the empty text, so it would match every text"),
        Case(json: json(topics: [#"{"slug": "a", "name": "A", "rules": {"phrases": ["x"], "exclude": [" "]}}"#]),
             error: .empty(path: "topics[0].rules.exclude[0]"), message: "topics[0].rules.exclude[0]: must not be empty"),
        Case(json: json(entities: [#"{"name": "Acme", "kind": "firm"}"#]),
             error: .unknownKind(path: "entities[0].kind", value: "firm"),
             message: "entities[0].kind: unknown kind 'firm' (expected one of country, bloc, agency, company, list, person, product, law)"),
        Case(json: json(entities: [#"{"name": "Acme"}"#]),
             error: .missingField(path: "entities[0].kind"), message: "entities[0].kind: missing"),
        Case(json: json(entities: [#"{"name": "Acme", "kind": "company"}"#, #"{"name": "Acme", "kind": "company"}"#]),
             error: .duplicate(path: "entities[1].name", value: "Acme", first: "entities[0].name"),
             message: "entities[1].name: duplicate 'Acme' (first at entities[0].name)"),
        Case(json: json(entities: [#"{"name": "Acme", "kind": "company", "aliases": ["ACME"]}"#,
                                   #"{"name": "Acme Labs", "kind": "company", "aliases": ["acme"]}"#]),
             error: .ambiguous(path: "entities[1].aliases[0]", value: "acme", owner: "entity 'Acme'"),
             message: "entities[1].aliases[0]: 'acme' already names entity 'Acme'"),
        Case(json: json(entities: [#"{"name": "Acme", "kind": "company", "aliases": ["A", ""]}"#]),
             error: .empty(path: "entities[0].aliases[1]"), message: "entities[0].aliases[1]: must not be empty"),
        Case(json: json(entities: [#"{"name": "Acme", "kind": "company", "aliases": "Acme Inc"}"#]),
             error: .wrongType(path: "entities[0].aliases", expected: "an array"),
             message: "entities[0].aliases: must be an array"),
        Case(json: json(entities: [#"{"name": "Acme", "kind": "company", "exclude": ["..."]}"#]),
             error: .noWords(path: "entities[0].exclude[0]", value: "..."),
             message: "entities[0].exclude[0]: '...' has no letter or digit, so it can never match"),
        Case(json: json(entities: [#"{"name": "Acme", "kind": "company", "partOf": "Nowhere"}"#]),
             error: .unknownEntity(path: "entities[0].partOf", name: "Nowhere"),
             message: "entities[0].partOf: unknown entity 'Nowhere'"),
        Case(json: json(entities: [#"{"name": "A", "kind": "agency", "partOf": "B"}"#,
                                   #"{"name": "B", "kind": "agency", "partOf": "A"}"#]),
             error: .partOfCycle(path: "entities[0].partOf", chain: ["A", "B", "A"]),
             message: "entities[0].partOf: cycle A → B → A"),
    ]

    @Test(arguments: cases) func rejectsWithPathAndMessage(_ example: Case) {
        do {
            _ = try Taxonomy.load(json: Data(example.json.utf8))
            Issue.record("accepted: \(example.json)")
        } catch {
            #expect(error == example.error)
            #expect(error.localizedDescription == example.message)
        }
    }

    @Test func rejectsBytesThatAreNotUTF8() {
        #expect(throws: TaxonomyError.notUTF8(offset: 12)) {
            try Taxonomy.load(json: Data(#"{"version": "#.utf8 + [0xFF] + #"1}"#.utf8))
        }
        #expect(TaxonomyError.notUTF8(offset: 12).path == nil)
        #expect(TaxonomyError.empty(path: "topics[0].name").path == "topics[0].name")
    }

    @Test func caseSensitiveAliasesAreTheShortCapitalOnes() {
        for alias in ["US", "U.S.", "EU", "BIS", "TSMC", "SMIC", "H20", "GPT-5"] {
            #expect(Taxonomy.isCaseSensitiveAlias(alias), "\(alias)")
        }
        for alias in ["Nvidia", "NVIDIA", "SK Hynix", "United States", "华为", "OpenAI", "us"] {
            #expect(!Taxonomy.isCaseSensitiveAlias(alias), "\(alias)")
        }
    }

    @Test func aShortCapitalAliasAndTheSameWordInLowercaseAreDifferentAliases() throws {
        // `US` (matched as written) and `us` (any case) do not collide in validation.
        _ = try Taxonomy.load(json: Data(Self.json(entities: [
            #"{"name": "United States", "kind": "country", "aliases": ["US"]}"#,
            #"{"name": "Us Weekly", "kind": "company", "aliases": ["us"]}"#,
        ]).utf8))
    }
}
