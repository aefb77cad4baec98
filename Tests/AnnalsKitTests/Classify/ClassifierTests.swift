import Foundation
import Testing

@testable import AnnalsKit

@Suite struct ClassifierTests {
    let classifier = Classifier.builtIn

    /// A small taxonomy for rules the built-in one does not exercise.
    static func custom(_ topics: [Topic], _ entities: [Entity] = []) throws -> Classifier {
        try Classifier(taxonomy: Taxonomy(version: 1, topics: topics, entities: entities))
    }

    // MARK: - The sample card's timeline

    @Test func sampleCardTimeline() {
        let lines: [(String, [String], [String])] = [
            ("US expands export controls on advanced AI chips to include stricter performance thresholds for China.",
             ["export-controls"], ["United States", "China"]),
            ("US intelligence agencies release a joint report warning of increased state-sponsored cyber espionage targeting AI infrastructure.",
             ["espionage-ip-theft", "cybersecurity"], ["United States"]),
            ("US Department of Commerce adds several Chinese AI research institutes to the Entity List citing national security concerns.",
             ["export-controls"], ["United States", "China", "Commerce Department", "Entity List"]),
        ]
        for (text, topics, entities) in lines {
            let result = classifier.classify(text)
            #expect(result.topics == topics, "\(text)")
            #expect(result.entities == entities, "\(text)")
        }
    }

    @Test func sampleCardTitleAndTakeaway() {
        let title = classifier.classify("US Accuses China of Industrial-Scale AI Theft")
        #expect(title.topics == ["espionage-ip-theft"])
        #expect(title.entities == ["United States", "China"])

        let takeaway = classifier.classify(
            "The US Department of Justice and the FBI have reportedly identified specific exfiltration vectors targeting proprietary weights and training datasets from major US-based foundation model labs, rather than just general IP theft.")
        #expect(takeaway.topics.contains("espionage-ip-theft"))
        #expect(takeaway.entities == ["United States", "DOJ", "FBI"])
    }

    // MARK: - Word boundaries and case

    @Test func usIsNotThePronounNorPartOfAWord() {
        for text in ["Tell us about USB chips", "A focus on campus status", "Us and them", "the USA Patriot Act? no: usage"] {
            let entities = classifier.classify(text).entities
            if text.contains("USA") {
                #expect(entities == ["United States"], "\(text)")
            } else {
                #expect(!entities.contains("United States"), "\(text)")
            }
        }
        for text in ["US chips", "U.S. chips", "the U.S.-China rivalry", "US-China talks", "America's chips", "USA"] {
            #expect(classifier.classify(text).entities.first == "United States", "\(text)")
        }
    }

    @Test func shortCapitalAliasesMatchOnlyAsWritten() {
        #expect(classifier.classify("BIS adds firms").entities.contains("BIS"))
        #expect(!classifier.classify("the word bis is not BIS-like? bis").entities.contains("SMIC"))
        #expect(classifier.classify("amd").entities.isEmpty)
        #expect(classifier.classify("AMD ships MI300X").entities == ["AMD", "MI300"])
        #expect(classifier.classify("eu").entities.isEmpty)
        #expect(classifier.classify("EU fines Apple").entities == ["European Union", "Apple"])
    }

    @Test func otherAliasesIgnoreCase() {
        #expect(classifier.classify("NVIDIA and nvidia and Nvidia").entities == ["Nvidia"])
        #expect(classifier.classify("HUAWEI unveils").entities == ["Huawei"])
        #expect(classifier.classify("EXPORT CONTROLS TIGHTENED").topics == ["export-controls"])
    }

    @Test func pluralsAndPunctuationFold() throws {
        let c = try Self.custom([
            Topic(slug: "t", name: "T", rules: .init(phrases: ["export control", "licence", "chip", "entity"])),
        ])
        for text in ["export controls", "Export-Control regime", "new licences", "chips", "three entities", "an entity"] {
            #expect(c.classify(text).topics == ["t"], "\(text)")
        }
        for text in ["exporting control", "licensee", "chipset", "entitlement"] {
            #expect(c.classify(text).topics.isEmpty, "\(text)")
        }
    }

    @Test func possessivesAreDropped() {
        #expect(classifier.classify("China's new rules").entities == ["China"])
        #expect(classifier.classify("Nvidia’s H20").entities == ["Nvidia", "H20"])
    }

    // MARK: - Scripts without spaces

    @Test func chineseAliasesMatchInsideSentences() {
        let huawei = classifier.classify("华为发布新款昇腾芯片")
        #expect(huawei.entities == ["Huawei", "Ascend"])
        #expect(huawei.evidence.contains(Evidence(kind: .entity, target: "Huawei", rule: "alias '华为'", matched: "华为")))

        let smic = classifier.classify("据报道，中芯国际正在扩大7纳米产能")
        #expect(smic.entities == ["SMIC"])

        let list = classifier.classify("美国商务部将140家中国实体列入实体清单")
        #expect(list.topics == ["export-controls"])
        #expect(list.entities == ["United States", "China", "Commerce Department", "Entity List"])

        let mixed = classifier.classify("Huawei（华为）and SMIC（中芯国际）")
        #expect(mixed.entities == ["Huawei", "SMIC"])
    }

    @Test func aLongerAliasOfAnotherEntityWins() {
        #expect(classifier.classify("不可靠实体清单").entities == ["Unreliable Entity List"])
        #expect(classifier.classify("Tokyo Electron ships tools").entities == ["Tokyo Electron"])
        #expect(classifier.classify("North Korea hackers").entities == ["North Korea"])
        #expect(classifier.classify("South Korea and Korea").entities == ["South Korea"])
    }

    // MARK: - Exclusions

    @Test func topicExclusionVetoesTheTopicAndSaysWhy() {
        let result = classifier.classify("Judge sanctions lawyers over fake ChatGPT citations")
        #expect(!result.topics.contains("sanctions"))
        #expect(result.topics.contains("litigation"))
        #expect(result.evidence.contains(Evidence(kind: .topic, target: "sanctions", rule: "phrase 'sanction'", matched: "sanctions")))
        #expect(result.evidence.contains(Evidence(kind: .exclusion, target: "sanctions", rule: "exclude 'judge sanction'", matched: "Judge sanctions")))
        #expect(classifier.classify("US sanctions Huawei executives").topics == ["sanctions"])
    }

    @Test func customExclusionVetoesOnlyItsTopic() throws {
        let c = try Self.custom([
            Topic(slug: "cyber", name: "Cyber", rules: .init(phrases: ["breach"], exclude: ["breach of contract"])),
            Topic(slug: "law", name: "Law", rules: .init(phrases: ["contract"])),
        ])
        #expect(c.classify("Data breach at a chipmaker").topics == ["cyber"])
        let vetoed = c.classify("Suit alleges breach of contract")
        #expect(vetoed.topics == ["law"])
        #expect(vetoed.evidence.last == Evidence(kind: .exclusion, target: "cyber", rule: "exclude 'breach of contract'", matched: "breach of contract"))
        // An exclusion without a positive match leaves no trace.
        #expect(try Self.custom([
            Topic(slug: "cyber", name: "Cyber", rules: .init(phrases: ["hack"], exclude: ["breach of contract"])),
        ]).classify("breach of contract").evidence.isEmpty)
    }

    @Test func entityExclusionsDropTheAliasOnlyInsideThePhrase() {
        #expect(classifier.classify("E-commerce sales rose").entities.isEmpty)
        #expect(classifier.classify("China's commerce ministry responds").entities == ["China", "MOFCOM"])
        #expect(classifier.classify("Latin American markets").entities.isEmpty)
        #expect(classifier.classify("US intel agencies warn Intel").entities == ["United States", "Intel"])
        #expect(classifier.classify("US intel agencies warn").entities == ["United States"])
    }

    @Test func partOfBringsTheWhole() {
        let result = classifier.classify("BIS adds 140 firms")
        #expect(result.entities == ["United States", "Commerce Department", "BIS"])
        #expect(result.evidence.contains(Evidence(kind: .entity, target: "United States", rule: "has part 'BIS'", matched: "BIS")))
        #expect(classifier.classify("DeepSeek-R1 tops the charts").entities == ["DeepSeek", "DeepSeek-R1"])
    }

    // MARK: - Evidence

    @Test func evidenceNamesTheRuleAndTheWords() {
        let result = classifier.classify("U.S. broadens Export-Controls on Huawei")
        #expect(result.evidence == [
            Evidence(kind: .topic, target: "export-controls", rule: "phrase 'export control'", matched: "Export-Controls"),
            Evidence(kind: .entity, target: "United States", rule: "alias 'U.S.'", matched: "U.S"),
            Evidence(kind: .entity, target: "Huawei", rule: "alias 'Huawei'", matched: "Huawei"),
        ])
    }

    @Test func patternsMatchWithEvidence() throws {
        let result = classifier.classify("OpenAI raises $6.6 billion from its backers")
        #expect(result.topics == ["funding-mna"])
        #expect(result.evidence.contains { $0.rule.hasPrefix("pattern '") && $0.matched == "raises $6" })
        // A topic a phrase has decided does not run its patterns.
        let decided = classifier.classify("OpenAI raises $6.6 billion at a $157 billion valuation")
        #expect(decided.topics == ["funding-mna"])
        #expect(decided.evidence.filter { $0.target == "funding-mna" }
            == [Evidence(kind: .topic, target: "funding-mna", rule: "phrase 'valuation'", matched: "valuation")])

        let c = try Self.custom([Topic(slug: "fdpr", name: "FDPR", rules: .init(patterns: [#"\bfdpr\b"#]))])
        #expect(c.classify("The FDPR reaches abroad").evidence
            == [Evidence(kind: .topic, target: "fdpr", rule: #"pattern '\bfdpr\b'"#, matched: "FDPR")])
        #expect(c.classify("fdprs").topics.isEmpty)
    }

    @Test func evidenceIsOneEntryPerRuleAndWords() {
        // `High Bandwidth Memory` and `high-bandwidth memory` tokenize alike: one rule,
        // the first written; the same words twice are one entry.
        let result = classifier.classify("HBM, HBM (high-bandwidth memory) and High Bandwidth Memory")
        #expect(result.evidence.filter { $0.kind == .entity } == [
            Evidence(kind: .entity, target: "HBM", rule: "alias 'HBM'", matched: "HBM"),
            Evidence(kind: .entity, target: "HBM", rule: "alias 'High Bandwidth Memory'", matched: "high-bandwidth memory"),
            Evidence(kind: .entity, target: "HBM", rule: "alias 'High Bandwidth Memory'", matched: "High Bandwidth Memory"),
        ])
    }

    @Test func emptyAndPunctuationTextsHaveNothing() {
        #expect(classifier.classify("") == Classification())
        #expect(classifier.classify("—!?…") == Classification())
    }

    @Test func invalidTaxonomyDoesNotCompile() {
        #expect(throws: TaxonomyError.noRules(path: "topics[0].rules")) {
            try Self.custom([Topic(slug: "t", name: "T", rules: .init())])
        }
    }

    // MARK: - Tokenizer and prefilter

    @Test func pluralFold() {
        let cases = [
            "controls": "control", "licences": "licence", "licenses": "license", "chips": "chip", "entities": "entity",
            "launches": "launch", "businesses": "business", "taxes": "tax", "GPUs": "gpu", "releases": "release",
            "us": "us", "news": "news", "chaos": "chaos", "focus": "focus", "status": "status", "analysis": "analysis",
            "access": "access", "series": "series", "this": "this", "its": "its", "gas": "gas", "caches": "cache",
        ]
        for (word, folded) in cases {
            #expect(Tokenizer.tokens(word).map(\.text) == [folded], "\(word)")
        }
    }

    @Test func tokensKeepPositionsNumbersAndCJKCharacters() {
        let text = "U.S. adds 1,000 firms; 6.6% of China’s 华为"
        let tokens = Tokenizer.tokens(text)
        #expect(tokens.map(\.text) == ["u", "s", "add", "1000", "firm", "6.6", "of", "china", "华", "为"])
        let bytes = Array(text.utf8)
        #expect(String(decoding: bytes[tokens[4].start..<tokens[4].end], as: UTF8.self) == "firms")
        #expect(String(decoding: bytes[tokens[7].start..<tokens[7].end], as: UTF8.self) == "China")
    }

    @Test func longWordsAndLongTexts() {
        let long = String(repeating: "a", count: 300)
        #expect(Tokenizer.tokens("x \(long)s y").map(\.text) == ["x", long, "y"])
        let text = String(repeating: "Commerce adds Huawei to the Entity List. ", count: 500)
        let result = classifier.classify(text)
        #expect(result.entities == ["United States", "Commerce Department", "Entity List", "Huawei"])
        #expect(result.evidence.count == 5)
    }

    @Test func prefilterFindsTheLiteralsAPatternNeeds() {
        let cases: [(String, [[String]])] = [
            (#"\bfdpr\b"#, [["fdpr"]]),
            (#"export(s|ing)? ban"#, [["export"], ["ban"]]),
            (#"\b(?:ban|restrict)\w*\s+exports?"#, [["ban", "restrict"], ["export"]]),
            (#"(?:huawei|smic)\s+\d+"#, [["huawei", "smic"]]),
            (#"raise[sd]?\s+\$\d"#, [["raise"]]),
            (#"\d+\s?nm\b"#, [["nm"]]),
            (#"colou?r"#, [["colo"]]),
            (#"ab+c"#, [["ab"]]),
            (#"(?i)chips?"#, [["chip"]]),
            (#"(?:release|launch)(?:es|ed)?\s+(?:gpt|claude)"#, [["launch", "release"], ["claude", "gpt"]]),
            (#"(?:ab+c|xyz)"#, [["ab", "xyz"]]),
            (#"(?=fdpr)\w+"#, []),
            (#"[a-z]+\d"#, []),
            (#"(?:gpt|o)\d"#, []),
            (#"(?x) f d p r"#, []),
            (#"x|fdpr"#, []),
        ]
        for (pattern, groups) in cases {
            #expect(PatternPrefilter.requiredLiteralGroups(of: pattern) == groups, "\(pattern)")
        }
        var text = "The FDPR applies"
        text.withUTF8 { buffer in
            #expect(PatternPrefilter.contains(buffer, Array("fdpr".utf8)))
            #expect(!PatternPrefilter.contains(buffer, Array("fdprs".utf8)))
            #expect(PatternPrefilter.admits(buffer, [[Array("fdpr".utf8)], [Array("xx".utf8), Array("appl".utf8)]]))
            #expect(!PatternPrefilter.admits(buffer, [[Array("fdpr".utf8)], [Array("xx".utf8)]]))
            #expect(PatternPrefilter.admits(buffer, []))
            let scanner = PatternPrefilter.Scanner(["fdpr", "app", "apply", "xyz", "e"].map { Array($0.utf8) })
            #expect(scanner.found(in: buffer) == [true, true, false, false, true])
        }
    }

    @Test func classifiesConcurrently() async {
        let texts = (0..<200).map { "Commerce adds \($0) Chinese firms, including Huawei, to the Entity List" }
        let expected = classifier.classify(texts[0]).entities
        await withTaskGroup(of: [String].self) { group in
            for text in texts { group.addTask { Classifier.builtIn.classify(text).entities } }
            for await entities in group { #expect(entities == expected) }
        }
    }
}
