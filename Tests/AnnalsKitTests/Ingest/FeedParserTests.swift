import Foundation
import Testing

@testable import AnnalsKit

/// The bytes of `fixtures/<path>`, found from this file's location up to the package root.
private func fixture(_ path: String) throws -> Data {
    let root = URL(fileURLWithPath: #filePath)  // Tests/AnnalsKitTests/Ingest/FeedParserTests.swift
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    return try Data(contentsOf: root.appendingPathComponent("fixtures").appendingPathComponent(path))
}

/// The article of a successful item, or a recorded issue.
private func article(_ item: FeedItem, sourceLocation: SourceLocation = #_sourceLocation) -> ParsedArticle? {
    switch item.result {
    case .success(let parsed): return parsed
    case .failure(let error):
        Issue.record("item \(String(describing: item.index)) failed: \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// Compares two articles field by field, so a failure names the field.
private func expectSame(_ a: Article, _ b: Article, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(a.id == b.id, sourceLocation: sourceLocation)
    #expect(a.source == b.source, sourceLocation: sourceLocation)
    #expect(a.title == b.title, sourceLocation: sourceLocation)
    #expect(a.url == b.url, sourceLocation: sourceLocation)
    #expect(a.publishedAt == b.publishedAt, sourceLocation: sourceLocation)
    #expect(a.summary == b.summary, sourceLocation: sourceLocation)
    #expect(a.tldr == b.tldr, sourceLocation: sourceLocation)
    #expect(a.insight == b.insight, sourceLocation: sourceLocation)
    #expect(a.takeaways == b.takeaways, sourceLocation: sourceLocation)
    #expect(a.implications == b.implications, sourceLocation: sourceLocation)
    #expect(a.timeline.count == b.timeline.count, sourceLocation: sourceLocation)
    for (x, y) in zip(a.timeline, b.timeline) {
        #expect(x.date == y.date, sourceLocation: sourceLocation)
        #expect(x.text == y.text, sourceLocation: sourceLocation)
    }
    #expect(a == b, sourceLocation: sourceLocation)
}

/// A timeline entry whose date is read, checked against the expected reading.
private func entry(
    _ date: String, _ text: String, _ precision: PartialDate.Precision, _ normalized: String?,
    _ start: String?, _ end: String?
) -> TimelineEntry {
    TimelineEntry(
        date: PartialDate(
            text: date, normalized: normalized, precision: precision,
            start: start.flatMap(Day.init(iso:)), end: end.flatMap(Day.init(iso:))),
        text: text)
}

private func parseJSON(_ text: String) throws(IngestError) -> ParsedArticle {
    try FeedParser().parseArticle(Data(text.utf8))
}

/// The error `body` throws, if it is an ``IngestError``.
private func ingestError(_ body: () throws(IngestError) -> Void) -> IngestError? {
    do {
        try body()
        return nil
    } catch {
        return error
    }
}

// MARK: - Fixtures

@Test func feedFixtureReadsEveryArticleFieldByField() throws {
    let items = try FeedParser().parseDocument(try fixture("feeds/feed.json"))
    try #require(items.count == 4)
    #expect(items.map(\.index) == [0, 1, 2, 3])

    // 0: every field set, a URL, a reworded "2024-10 export controls" entry.
    let reuters = try #require(article(items[0]))
    #expect(reuters.warnings.isEmpty)
    expectSame(
        reuters.article,
        Article(
            source: "Reuters",
            title: "US weighs new curbs on AI chip sales to Chinese cloud providers",
            url:
                "https://www.reuters.com/technology/us-weighs-new-curbs-ai-chip-sales-chinese-cloud-providers-2026-11-18/",
            publishedAt: "2026-11-18T14:32:00Z",
            summary:
                "Commerce officials are drafting rules to close the remote-access loophole that lets Chinese firms rent restricted GPUs in overseas data centres.",
            tldr: TLDR(
                whatChanged: "Draft rules would require licences for Chinese customers renting advanced GPUs abroad",
                whyItMatters:
                    "Cloud access has been the main route around chip export controls since 2023; closing it raises costs for Chinese AI labs and compliance work for US clouds.",
                whatToDoNext: "Map which of your cloud regions and resellers serve customers headquartered in China or Macau.",
                whoShouldCare: "Cloud providers, compliance teams, AI labs"),
            insight:
                "Export controls have so far targeted shipments; regulating compute rented as a service would extend them to cloud contracts, which US providers have long lobbied against.",
            takeaways: [
                "The draft would treat remote access to controlled chips as an export, requiring a licence for customers headquartered in China.",
                "Know-your-customer checks would apply to resellers as well as to the hyperscalers themselves.",
                "Officials expect a public comment period of 60 days before any rule takes effect.",
            ],
            implications: [
                Implication(
                    headline: "Chinese labs will shift training to domestic accelerators.",
                    detail:
                        "Losing rented overseas capacity leaves Huawei Ascend clusters as the main option for frontier-scale runs."
                ),
                Implication(
                    headline: "Cloud contracts will carry export-control clauses.",
                    detail: "Providers will pass licence risk to customers through attestations and termination rights."),
            ],
            timeline: [
                entry(
                    "2022-10",
                    "US imposes sweeping export controls on advanced computing chips and chipmaking tools bound for China.",
                    .month, "2022-10", "2022-10-01", "2022-10-31"),
                entry(
                    "Oct 2024",
                    "Washington widens export controls on advanced AI chips, tightening the performance thresholds that apply to China.",
                    .month, "2024-10", "2024-10-01", "2024-10-31"),
                entry(
                    "2024-12-02",
                    "Commerce adds high-bandwidth memory to the controlled items and puts 140 Chinese entities on the Entity List.",
                    .day, "2024-12-02", "2024-12-02", "2024-12-02"),
                entry(
                    "January 13, 2025", "The AI diffusion rule sets worldwide licence tiers for advanced AI chips.",
                    .day, "2025-01-13", "2025-01-13", "2025-01-13"),
                entry(
                    "Q3 2025", "Lawmakers press Commerce to cover remote access to controlled chips.",
                    .quarter, "2025-Q3", "2025-07-01", "2025-09-30"),
            ]))

    // 1: nulls, an empty string, unknown keys everywhere, stale computed date fields, an unreadable date.
    let verge = try #require(article(items[1]))
    #expect(verge.warnings == ["timeline entry 4: date 'spring 2026' is not a recognized date; kept as written"])
    expectSame(
        verge.article,
        Article(
            source: "The Verge",
            title: "EU AI Act obligations for general-purpose models take effect",
            url: nil,
            publishedAt: "2025-08-02",
            summary:
                "Providers of general-purpose AI models must now publish training-data summaries and keep technical documentation for regulators.",
            tldr: TLDR(
                whatChanged: "GPAI obligations of the EU AI Act now apply to new models",
                whyItMatters:
                    "Any model placed on the EU market must document training data and copyright policy, or face fines from 2026."
            ),
            insight: nil,
            takeaways: [
                "Models released before 2 August 2025 have until August 2027 to comply.",
                "The voluntary code of practice gives signatories a presumption of conformity.",
            ],
            implications: [
                Implication(
                    headline: "Smaller labs will lean on the code of practice.",
                    detail: "Signing is cheaper than proving compliance independently.")
            ],
            timeline: [
                entry(
                    "2024-08-01", "The EU AI Act enters into force.", .day, "2024-08-01", "2024-08-01", "2024-08-01"),
                entry(
                    "2 February 2025", "Bans on unacceptable-risk AI practices start to apply.", .day, "2025-02-02",
                    "2025-02-02", "2025-02-02"),
                entry(
                    "Aug. 2, 2025", "Obligations for general-purpose AI models start to apply.", .day, "2025-08-02",
                    "2025-08-02", "2025-08-02"),
                entry(
                    "spring 2026", "The Commission is expected to propose delays to the high-risk rules.", .unknown, nil,
                    nil, nil),
                entry(
                    "2026/08", "Most high-risk system requirements are scheduled to apply.", .month, "2026-08",
                    "2026-08-01", "2026-08-31"),
            ]))

    // 2: Chinese text throughout, and a Chinese date (2025年3月) read as March 2025.
    let kr = try #require(article(items[2]))
    #expect(kr.warnings == [])
    expectSame(
        kr.article,
        Article(
            source: "36氪",
            title: "国家网信办等四部门发布《人工智能生成合成内容标识办法》",
            url: "https://36kr.com/p/3201234567890",
            publishedAt: "2025-03-14T09:00:00+08:00",
            summary: "办法要求对人工智能生成的文本、图片、音频和视频添加显式和隐式标识，自2025年9月1日起施行。",
            tldr: TLDR(
                whatChanged: "AI生成内容必须添加显式与隐式标识",
                whyItMatters: "平台需检测并提示未标识的合成内容，违规将面临处罚。",
                whatToDoNext: "梳理产品中的生成式功能，预留元数据水印能力。",
                whoShouldCare: "内容平台、模型服务商"),
            insight: "标识义务覆盖服务提供者和传播平台，出海应用也需评估合规成本。",
            takeaways: ["显式标识须让用户明显感知。", "隐式标识写入文件元数据。"],
            implications: [Implication(headline: "水印技术需求上升", detail: "服务商需要在9月前完成元数据写入与检测。")],
            timeline: [
                entry("2023-08-15", "《生成式人工智能服务管理暂行办法》施行。", .day, "2023-08-15", "2023-08-15", "2023-08-15"),
                entry("2025年3月", "四部门联合发布标识办法。", .month, "2025-03", "2025-03-01", "2025-03-31"),
                entry("2025-09-01", "标识办法正式施行。", .day, "2025-09-01", "2025-09-01", "2025-09-01"),
            ]))

    // 3: the bare minimum: padded title, empty strings and nulls, empty takeaways and implications skipped.
    let politico = try #require(article(items[3]))
    #expect(politico.warnings.isEmpty)
    expectSame(
        politico.article,
        Article(
            source: "Politico Europe",
            title: "UK AI Security Institute publishes pre-deployment test results for a frontier model",
            takeaways: [
                "The institute found the model gave meaningful uplift on some cyber tasks but not on biology."
            ],
            implications: [Implication(headline: "Labs may be asked to share results before launch.", detail: "")]))
}

@Test func singleObjectDocumentGivesOneItemWithoutIndex() throws {
    let items = try FeedParser().parseDocument(try fixture("feeds/single.json"))
    try #require(items.count == 1)
    #expect(items[0].index == nil)
    let parsed = try #require(article(items[0]))
    #expect(parsed.warnings.isEmpty)
    expectSame(
        parsed.article,
        Article(
            source: "MIT Technology Review",
            title: "California signs first US law on frontier AI safety disclosures",
            url: "https://www.technologyreview.com/2025/09/30/california-sb-53-frontier-ai-law/",
            publishedAt: "2025-09-30T12:00:00Z",
            summary:
                "SB 53 requires developers of the largest models to publish safety frameworks and report critical incidents to the state.",
            tldr: TLDR(
                whatChanged: "Frontier developers must publish safety frameworks and report critical incidents",
                whyItMatters: "It is the first binding US rule aimed specifically at frontier model developers.",
                whatToDoNext: "Check whether your compute and revenue put you above the law's thresholds.",
                whoShouldCare: "Frontier AI developers, policy teams"),
            insight:
                "The law replaces last year's vetoed SB 1047 with disclosure duties instead of liability, a template other states are already copying.",
            takeaways: [
                "Applies to developers training models above 10^26 operations.",
                "Whistleblower protections cover employees who report catastrophic risks.",
            ],
            implications: [
                Implication(
                    headline: "A patchwork of state AI laws becomes likelier.",
                    detail: "New York and others have similar bills; federal pre-emption talk will grow.")
            ],
            timeline: [
                entry(
                    "Sept 2024", "Governor Newsom vetoes SB 1047, the earlier frontier AI safety bill.", .month,
                    "2024-09", "2024-09-01", "2024-09-30"),
                entry(
                    "September 29th, 2025", "Newsom signs SB 53 into law.", .day, "2025-09-29", "2025-09-29",
                    "2025-09-29"),
                entry("2026-01-01", "SB 53 takes effect.", .day, "2026-01-01", "2026-01-01", "2026-01-01"),
            ]))
    // The same object through parseArticle gives the same article.
    #expect(try FeedParser().parseArticle(try fixture("feeds/single.json")) == parsed)
}

/// The lines of an NDJSON file, as the ingestor will split them.
private func lines(_ data: Data) -> [Data] {
    data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).map { Data($0) }
}

@Test func ndjsonFixtureReadsEveryLine() throws {
    let parser = FeedParser()
    let articles = try lines(try fixture("feeds/feed.ndjson")).map { line throws(IngestError) in
        try parser.parseArticle(line)
    }
    try #require(articles.count == 5)
    #expect(articles.allSatisfy { $0.warnings.isEmpty })

    expectSame(
        articles[0].article,
        Article(
            source: "Ars Technica",
            title: "US Accuses China of Industrial-Scale AI Theft",
            publishedAt: "2026-11-20T10:00:00Z",
            summary: "US-China AI theft row risks sanctions, disrupting global AI supply chains for devs.",
            tldr: TLDR(
                whatChanged: "US alleges systematic AI theft by China at industrial scale",
                whyItMatters:
                    "Escalating US-China tensions could restrict AI tech flows, supply chains, and collaborations.",
                whatToDoNext: "Audit your AI datasets and models for potential IP vulnerabilities to state-sponsored theft.",
                whoShouldCare: "Enterprise & Security Teams"),
            takeaways: [
                "Investigators reportedly identified exfiltration vectors targeting model weights and training data.",
                "The proposed sanctions package may include a ban on exporting HBM modules.",
            ],
            implications: [
                Implication(
                    headline: "Global AI research collaboration will face a 'balkanization' effect.",
                    detail: "Researchers will increasingly work within closed, national ecosystems.")
            ],
            timeline: [
                entry(
                    "2024-10",
                    "US expands export controls on advanced AI chips to include stricter performance thresholds for China.",
                    .month, "2024-10", "2024-10-01", "2024-10-31"),
                entry(
                    "2025-05",
                    "US intelligence agencies warn of state-sponsored cyber espionage targeting AI infrastructure.",
                    .month, "2025-05", "2025-05-01", "2025-05-31"),
                entry(
                    "2026-02", "Commerce adds several Chinese AI research institutes to the Entity List.", .month,
                    "2026-02", "2026-02-01", "2026-02-28"),
            ]))

    expectSame(
        articles[1].article,
        Article(
            source: "Financial Times",
            title: "Nvidia cleared to resume H20 sales to China",
            url: "https://www.ft.com/content/nvidia-h20-china-licences",
            publishedAt: "2025-08-11T06:00:00Z",
            summary:
                "Licences for the China-specific chip come with an unusual revenue-sharing arrangement with the US government.",
            takeaways: ["Nvidia and AMD will pay 15% of China chip revenue to the US government."],
            timeline: [
                entry(
                    "2025-04", "The US requires licences for H20 exports to China.", .month, "2025-04", "2025-04-01",
                    "2025-04-30"),
                entry(
                    "July 2025", "Nvidia says it expects licences to be granted.", .month, "2025-07", "2025-07-01",
                    "2025-07-31"),
                entry(
                    "Aug 2025", "Licences granted under a revenue-sharing deal.", .month, "2025-08", "2025-08-01",
                    "2025-08-31"),
            ]))

    expectSame(
        articles[2].article,
        Article(
            source: "TechCrunch",
            title: "Japan passes its first AI law, favouring promotion over penalties",
            url: "https://techcrunch.com/2025/05/28/japan-ai-promotion-act/",
            publishedAt: "2025-05-28T08:15:00Z",
            summary: "The AI Promotion Act sets up a cabinet-level AI strategy headquarters but includes no fines.",
            tldr: TLDR(whatChanged: "Japan enacts the AI Promotion Act", whoShouldCare: "Companies deploying AI in Japan"),
            timeline: [
                entry(
                    "2025-05-28", "Japan's Diet passes the AI Promotion Act.", .day, "2025-05-28", "2025-05-28",
                    "2025-05-28"),
                entry(
                    "2025-Q3", "The AI Strategy Headquarters is set up under the cabinet.", .quarter, "2025-Q3",
                    "2025-07-01", "2025-09-30"),
            ]))

    expectSame(
        articles[3].article,
        Article(
            source: "South China Morning Post",
            title: "China proposes global AI cooperation body at WAIC",
            url: "https://www.scmp.com/tech/policy/article/3319999/china-proposes-global-ai-cooperation-organisation",
            publishedAt: "2025-07-26T11:30:00+08:00",
            summary:
                "Premier Li Qiang unveiled a Global AI Governance Action Plan and proposed an organisation headquartered in Shanghai.",
            insight: "Beijing is positioning itself as the convener for countries wary of US-led AI rules.",
            implications: [
                Implication(
                    headline: "Competing governance forums will multiply.",
                    detail: "Expect parallel tracks to the OECD and G7 Hiroshima processes.")
            ],
            timeline: [
                entry(
                    "2023-10", "China launches the Global AI Governance Initiative.", .month, "2023-10", "2023-10-01",
                    "2023-10-31"),
                entry(
                    "26 July 2025", "Action plan unveiled at the World AI Conference in Shanghai.", .day, "2025-07-26",
                    "2025-07-26", "2025-07-26"),
            ]))

    expectSame(
        articles[4].article,
        Article(
            source: "Bloomberg",
            title: "Netherlands widens licence requirements for ASML chipmaking tools",
            url: "https://www.bloomberg.com/news/articles/2024-09-06/netherlands-expands-asml-export-controls",
            publishedAt: "2024-09-06T13:00:00Z",
            summary: "The Dutch government takes over licensing of ASML's 1970i and 1980i immersion DUV systems from the US.",
            takeaways: ["The change aligns Dutch rules with US controls on older DUV machines."],
            timeline: [
                entry(
                    "2023-06", "The Netherlands announces its first controls on advanced DUV lithography.", .month,
                    "2023-06", "2023-06-01", "2023-06-30"),
                entry(
                    "2024-09-06", "Dutch licence requirements extended to the 1970i and 1980i.", .day, "2024-09-06",
                    "2024-09-06", "2024-09-06"),
                entry(
                    "2025-01-15", "Further Dutch measures on metrology and inspection equipment announced.", .day,
                    "2025-01-15", "2025-01-15", "2025-01-15"),
            ]))
}

// MARK: - Bad fixtures

@Test func truncatedNDJSONLineFailsAloneWithEndOfInput() throws {
    let parser = FeedParser()
    let results = lines(try fixture("bad/truncated.ndjson")).map { line in
        Result { () throws(IngestError) in try parser.parseArticle(line) }
    }
    try #require(results.count == 5)
    #expect((try? results[0].get())?.article.source == "Ars Technica")
    #expect((try? results[1].get())?.article.source == "Financial Times")
    #expect((try? results[2].get())?.article.source == "TechCrunch")
    #expect(results[3] == .failure(.invalidJSON(detail: "unexpected end of input")))
    #expect((try? results[4].get())?.article.source == "Bloomberg")
}

@Test func missingTitleFixtureNamesTheField() throws {
    let items = try FeedParser().parseDocument(try fixture("bad/missing-title.json"))
    #expect(items == [FeedItem(index: nil, result: .failure(.missingField(path: "title")))])
    #expect(
        ingestError { () throws(IngestError) in _ = try FeedParser().parseArticle(try! fixture("bad/missing-title.json")) }
            == .missingField(path: "title"))
}

@Test func wrongTypesFixtureNamesTheField() throws {
    let items = try FeedParser().parseDocument(try fixture("bad/wrong-types.json"))
    #expect(
        items == [
            FeedItem(index: nil, result: .failure(.wrongType(path: "takeaways", expected: "an array of strings")))
        ])
}

@Test func proseIsInvalidJSONWithItsPosition() throws {
    let data = try fixture("bad/not-json.json")
    let error = ingestError { () throws(IngestError) in _ = try FeedParser().parseDocument(data) }
    #expect(error == .invalidJSON(detail: "unexpected 'T' at line 1, column 1"))
    #expect(error?.errorDescription == "invalid JSON: unexpected 'T' at line 1, column 1")
}

// MARK: - Error paths

@Test(arguments: [
    // Required fields.
    (#"{"title": "T"}"#, IngestError.missingField(path: "source")),
    (#"{"source": "S"}"#, .missingField(path: "title")),
    (#"{"source": "S", "title": null}"#, .missingField(path: "title")),
    (#"{"source": "S", "title": "  \n "}"#, .missingField(path: "title")),
    (#"{"source": "", "title": "T"}"#, .missingField(path: "source")),
    (#"{"source": "S", "title": 12}"#, .wrongType(path: "title", expected: "a string")),
    (#"{"source": ["S"], "title": "T"}"#, .wrongType(path: "source", expected: "a string")),
    // Optional scalars.
    (#"{"source": "S", "title": "T", "url": 1}"#, .wrongType(path: "url", expected: "a string")),
    (#"{"source": "S", "title": "T", "published_at": 1732000000}"#, .wrongType(path: "published_at", expected: "a string")),
    (#"{"source": "S", "title": "T", "summary": {}}"#, .wrongType(path: "summary", expected: "a string")),
    (#"{"source": "S", "title": "T", "insight": true}"#, .wrongType(path: "insight", expected: "a string")),
    // TL;DR.
    (#"{"source": "S", "title": "T", "tldr": "short"}"#, .wrongType(path: "tldr", expected: "an object")),
    (#"{"source": "S", "title": "T", "tldr": []}"#, .wrongType(path: "tldr", expected: "an object")),
    (#"{"source": "S", "title": "T", "tldr": {"why_it_matters": 3}}"#, .wrongType(path: "tldr.why_it_matters", expected: "a string")),
    // Takeaways.
    (#"{"source": "S", "title": "T", "takeaways": "one"}"#, .wrongType(path: "takeaways", expected: "an array of strings")),
    (#"{"source": "S", "title": "T", "takeaways": ["a", 2]}"#, .wrongType(path: "takeaways[1]", expected: "a string")),
    (#"{"source": "S", "title": "T", "takeaways": ["a", "", ["c"]]}"#, .wrongType(path: "takeaways[2]", expected: "a string")),
    // Implications.
    (#"{"source": "S", "title": "T", "implications": {}}"#, .wrongType(path: "implications", expected: "an array of objects with headline and detail")),
    (#"{"source": "S", "title": "T", "implications": ["h"]}"#, .wrongType(path: "implications[0]", expected: "an object with headline and detail")),
    (#"{"source": "S", "title": "T", "implications": [{"headline": "h", "detail": "d"}, {"detail": "d"}]}"#, .missingField(path: "implications[1].headline")),
    (#"{"source": "S", "title": "T", "implications": [{"headline": 1, "detail": "d"}]}"#, .wrongType(path: "implications[0].headline", expected: "a string")),
    (#"{"source": "S", "title": "T", "implications": [{"headline": "h", "detail": ["d"]}]}"#, .wrongType(path: "implications[0].detail", expected: "a string")),
    // Timeline.
    (#"{"source": "S", "title": "T", "timeline": "2024-10"}"#, .wrongType(path: "timeline", expected: "an array of objects with date and text")),
    (#"{"source": "S", "title": "T", "timeline": [{"date": "2024", "text": "a"}, {"date": "2025", "text": "b"}, {"text": "c"}]}"#, .missingField(path: "timeline[2].date")),
    (#"{"source": "S", "title": "T", "timeline": [{"date": "2024", "text": " "}]}"#, .missingField(path: "timeline[0].text")),
    (#"{"source": "S", "title": "T", "timeline": [{"date": 2024, "text": "a"}]}"#, .wrongType(path: "timeline[0].date", expected: "a string")),
    (#"{"source": "S", "title": "T", "timeline": [{"date": "2024", "text": "a"}, "2025 b"]}"#, .wrongType(path: "timeline[1]", expected: "an object with date and text")),
    // The article itself.
    (#"["S", "T"]"#, .wrongType(path: "$", expected: "an object")),
    (#""a string""#, .wrongType(path: "$", expected: "an object")),
    (#"null"#, .wrongType(path: "$", expected: "an object")),
] as [(String, IngestError)])
func errorNamesTheFieldPath(_ json: String, _ expected: IngestError) {
    #expect(ingestError { () throws(IngestError) in _ = try parseJSON(json) } == expected)
}

@Test(arguments: [
    (#"{"source": "S", "title": "T""#, "unexpected end of input"),
    (#"{"source": "S", "title": "T"#, "unexpected end of input"),
    ("", "unexpected end of input"),
    ("   \n", "unexpected end of input"),
    (#"{"source": "S" "title": "T"}"#, "unexpected '\"' at column 16"),
    ("{\"source\": \"S\",\n \"title\": \"T\"\n \"url\": \"u\"}", "unexpected '\"' at line 3, column 2"),
    (#"{"source": 'S'}"#, "unexpected ''' at column 12"),
    (#"{source: "S"}"#, "unexpected 's' at column 2"),
    ("{\"source\": \"é\" x}", "unexpected 'x' at column 16"),
    ("{\"source\": \"a\tb\"}", "unescaped control character at column 14"),
    (#"{"source": "\q"}"#, "invalid escape sequence at column 13"),
    (#"{"n": 012}"#, "number with leading zero at column 8"),
    (#"{"a": 1}}"#, "unexpected '}' at column 9"),
    (#"{"a": 1}{"b": 2}"#, "unexpected '{' at column 9"),
    ("{\"a\" 1}\r\n", "unexpected '1' at column 6"),
    (#"{"source": "\u12"}"#, #"invalid \u escape at column 15"#),
    (#"{"source": "\ud800"}"#, #"invalid \u escape: a UTF-16 surrogate without its pair"#),
    (#"{"n": 1e999}"#, "number 1e999 is not representable in Swift"),
    ("{\"a\":\n\u{01}}", "unexpected control character U+0001 at line 2, column 1"),
] as [(String, String)])
func invalidJSONSaysWhatAndWhere(_ json: String, _ detail: String) {
    #expect(ingestError { () throws(IngestError) in _ = try parseJSON(json) } == .invalidJSON(detail: detail))
}

@Test func invalidUTF8IsReportedWhereItIs() {
    var data = Data(#"{"source": "caf"#.utf8)
    data.append(0xFF)
    data.append(contentsOf: #"", "title": "T"}"#.utf8)
    #expect(
        ingestError { () throws(IngestError) in _ = try FeedParser().parseArticle(data) }
            == .invalidJSON(detail: "invalid UTF-8 in the string at column 13"))
}

@Test func documentOfWrongTypeIsRejectedWhole() {
    for json in [#""text""#, "42", "true", "null"] {
        #expect(
            ingestError { () throws(IngestError) in _ = try FeedParser().parseDocument(Data(json.utf8)) }
                == .wrongType(path: "$", expected: "an object or an array of objects"), "\(json)")
    }
}

@Test func badArrayElementDoesNotSpoilTheOthers() throws {
    let json = #"""
        [{"source": "A", "title": "One"},
         {"source": "B"},
         "not an article",
         {"source": "C", "title": "Three", "takeaways": [1]},
         {"source": "D", "title": "Four"}]
        """#
    let items = try FeedParser().parseDocument(Data(json.utf8))
    #expect(items.map(\.index) == [0, 1, 2, 3, 4])
    #expect((try? items[0].result.get())?.article == Article(source: "A", title: "One"))
    #expect(items[1].result == .failure(.missingField(path: "title")))
    #expect(items[2].result == .failure(.wrongType(path: "$", expected: "an object")))
    #expect(items[3].result == .failure(.wrongType(path: "takeaways[0]", expected: "a string")))
    #expect((try? items[4].result.get())?.article == Article(source: "D", title: "Four"))
    #expect(try FeedParser().parseDocument(Data("[]".utf8)).isEmpty)
}

// MARK: - Leniency

@Test func unknownKeysAndComputedFieldsAreIgnored() throws {
    let parsed = try parseJSON(
        #"""
        {"id": 7, "kind": "article", "source": "S", "title": "T", "extra": {"nested": [1, 2]},
         "tldr": {"what_changed": "W", "mood": "grim"},
         "implications": [{"headline": "H", "detail": "D", "likelihood": 0.4}],
         "timeline": [{"date": "2024-10", "text": "X", "normalized": "2030", "precision": "year",
                       "start": "2030-01-01", "end": null, "id": 3}]}
        """#)
    expectSame(
        parsed.article,
        Article(
            source: "S", title: "T", tldr: TLDR(whatChanged: "W"),
            implications: [Implication(headline: "H", detail: "D")],
            timeline: [entry("2024-10", "X", .month, "2024-10", "2024-10-01", "2024-10-31")]))
    #expect(parsed.article.id == nil)
}

@Test func nullsEmptiesAndWhitespaceCountAsAbsent() throws {
    let parsed = try parseJSON(
        #"""
        {"source": " S ", "title": "\tT\n", "url": "", "published_at": null, "summary": "  ", "insight": null,
         "tldr": {"what_changed": null, "why_it_matters": "", "what_to_do_next": " ", "who_should_care": null},
         "takeaways": ["", " ", null, "  kept  "], "implications": [{"headline": " ", "detail": null}, {}],
         "timeline": [{"date": " ", "text": ""}, {}, {"date": null, "text": null}]}
        """#)
    expectSame(parsed.article, Article(source: "S", title: "T", takeaways: ["kept"]))
    #expect(parsed.warnings.isEmpty)
    for absent in ["null", "[]"] {
        let p = try parseJSON(
            #"{"source": "S", "title": "T", "takeaways": \#(absent), "implications": \#(absent), "timeline": \#(absent)}"#)
        #expect(p.article == Article(source: "S", title: "T"))
    }
    #expect(try parseJSON(#"{"source": "S", "title": "T", "tldr": null}"#).article.tldr.isEmpty)
}

@Test func unreadableDatesAreKeptWithNumberedWarnings() throws {
    let parsed = try parseJSON(
        #"""
        {"source": "S", "title": "T", "timeline": [
          {"date": "2024-10", "text": "a"}, {"date": " summer 2025 ", "text": "b"},
          {"date": "2024-10-15T10:00", "text": "c"}, {"date": "Q3 2025", "text": "d"}]}
        """#)
    #expect(
        parsed.warnings == [
            "timeline entry 2: date 'summer 2025' is not a recognized date; kept as written",
            "timeline entry 3: date '2024-10-15T10:00' is not a recognized date; kept as written",
        ])
    #expect(parsed.article.timeline.map(\.date.text) == ["2024-10", "summer 2025", "2024-10-15T10:00", "Q3 2025"])
    #expect(parsed.article.timeline.map(\.date.precision) == [.month, .unknown, .unknown, .quarter])
    #expect(parsed.article.timeline.map(\.text) == ["a", "b", "c", "d"])
}

@Test func warningsNumberEntriesAsWrittenEvenAfterSkippedOnes() throws {
    let parsed = try parseJSON(
        #"{"source": "S", "title": "T", "timeline": [{}, {"date": "soon", "text": "x"}]}"#)
    #expect(parsed.warnings == ["timeline entry 2: date 'soon' is not a recognized date; kept as written"])
    #expect(parsed.article.timeline.count == 1)
}

// MARK: - Round trip

@Test func articleJSONReadsBackAsTheSameArticle() throws {
    for name in ["feeds/feed.json", "feeds/single.json"] {
        for item in try FeedParser().parseDocument(try fixture(name)) {
            var original = try #require(article(item)).article
            original.id = 99
            for pretty in [false, true] {
                let again = try FeedParser().parseArticle(original.jsonData(pretty: pretty))
                var expected = original
                expected.id = nil
                expectSame(again.article, expected)
            }
        }
    }
    for line in lines(try fixture("feeds/feed.ndjson")) {
        let original = try FeedParser().parseArticle(line)
        let again = try FeedParser().parseArticle(original.article.jsonData())
        #expect(again == original)
    }
}

@Test func roundTripKeepsAwkwardText() throws {
    let original = Article(
        source: "Blog \"quoted\"", title: "Back\\slash / slash\tand tab", url: "https://example.com/?q=\"x\"&y=1",
        summary: "Line one\nline two\r\nline three", tldr: TLDR(whoShouldCare: "Bell \u{07} and NUL \u{00} inside"),
        insight: "Emoji 🧠 and 中文 and \u{2028} separator",
        takeaways: ["DEL \u{7F} char"],
        implications: [Implication(headline: "H", detail: "")],
        timeline: [TimelineEntry(date: PartialDate(parsing: "circa 2024"), text: "unknown date")])
    let again = try FeedParser().parseArticle(original.jsonData())
    expectSame(again.article, original)
    #expect(again.warnings == ["timeline entry 1: date 'circa 2024' is not a recognized date; kept as written"])
}
