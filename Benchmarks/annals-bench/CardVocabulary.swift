/// The words of card prose (titles, summaries, TL;DRs, takeaways, implications): per-topic
/// actors, companies, objects and measures, and patterns that use them.
enum CardVocabulary {
    /// Numbers, months and stock phrases shared by every topic.
    static let common: [String: [String]] = {
        var v = Vocabulary.all
        v["count2"] = (3...200).map(String.init)
        v["pct"] = (2...60).map(String.init)
        v["pct2"] = (3...45).map(String.init)
        v["bn"] = (1...60).map { "\($0 / 4 + 1).\($0 % 10)" }
        v["mn"] = stride(from: 5, through: 900, by: 5).map(String.init)
        v["valuation"] = ["30", "45", "60", "80", "100", "150", "157", "183", "260", "300", "500"]
        v["bnAmount"] = (11...999).map { "\($0 / 10).\($0 % 10)" }
        v["yearAhead"] = ["2025", "2026", "2027", "2028"]
        v["year0"] = ["2019", "2020", "2021", "2022", "2023"]
        v["year"] = ["2024", "2025", "2026"]
        v["month"] = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        v["quarter"] = ["Q1", "Q2", "Q3", "Q4"]
        v["days"] = ["30", "45", "60", "90", "120"]
        v["n2"] = (2...18).map(String.init)
        v["n3"] = (3...9).map(String.init)
        v["mw"] = stride(from: 50, through: 1500, by: 10).map(String.init)
        v["jobs"] = stride(from: 100, through: 4000, by: 50).map(String.init)
        v["weeks"] = (2...26).map(String.init)
        v["comments"] = stride(from: 40, through: 3000, by: 20).map(String.init)
        v["bank"] = [
            "Morgan Stanley", "Goldman Sachs", "Bernstein", "Jefferies", "UBS", "Citi", "TrendForce", "Counterpoint",
            "SemiAnalysis", "Nomura", "Macquarie",
        ]
        v["outlet"] = ["Reuters", "Bloomberg", "the Financial Times", "Nikkei Asia", "Caixin", "The Information"]
        v["effect"] = [
            "delay shipments into next year", "push buyers toward domestic suppliers", "raise prices for cloud customers",
            "slow the rollout of new data centres", "benefit rivals in South Korea and Japan",
            "trigger retaliation from Beijing", "squeeze margins across the supply chain",
        ]
        v["consequence"] = [
            "puts pressure on smaller suppliers", "surprised some investors", "mirrors earlier steps by Washington",
            "leaves several questions unanswered", "was widely expected by the industry",
            "drew criticism from trade groups",
        ]
        v["critique"] = [
            "push customers toward rivals", "hurt US competitiveness", "be hard to enforce",
            "entrench the largest players", "slow open research",
        ]
        v["countermeasure"] = [
            "its domestic supply plans", "work on alternative suppliers", "investment in local capacity",
            "stockpiling of critical parts", "lobbying in Washington", "its shift to in-house chips",
        ]
        v["pressure"] = [
            "clarify enforcement", "coordinate with allies", "offer exemptions", "extend the deadline",
            "match the measure", "publish licensing data",
        ]
        v["customerMove"] = [
            "delay orders", "diversify suppliers", "seek licences early", "renegotiate contracts",
            "shift workloads to other regions", "build larger inventories",
        ]
        v["benchmark"] = [
            "coding benchmarks", "math benchmarks", "agentic tasks", "long-context retrieval", "multilingual tests",
            "reasoning evaluations",
        ]
        v["rivalLab"] = v["lab"]
        v["theftKind"] = [
            "industrial-scale AI theft", "stealing chip designs", "exfiltrating model weights",
            "poaching engineers to copy fab processes", "hacking AI research labs",
        ]
        v["titlePrefix"] = ["Exclusive: ", "Analysis: ", "Explainer: ", "Update: ", "Insight: ", "Breakingviews: "]
        v["titleSuffix"] = [", Sources Say", ", Report Says", ", Filings Show", " — Analysts", ", Executives Say", ", Data Show"]
        v["who"] = [
            "Policy & Compliance Teams", "Enterprise & Security Teams", "AI Developers & ML Engineers",
            "Semiconductor Supply Chain Managers", "Investors & Analysts", "Legal & IP Teams",
            "Cloud Infrastructure Teams", "Product Leaders", "Data Centre Operators", "Government Affairs Teams",
        ]
        return v
    }()

    /// Per-topic actors, companies, objects (`thing`) and measures.
    static let context: [Topic: [String: [String]]] = [
        .exportControls: [
            "actor": ["Washington", "the Commerce Department", "BIS", "the White House", "Tokyo", "the Dutch government"],
            "company": ["Nvidia", "AMD", "ASML", "Applied Materials", "Lam Research", "Tokyo Electron", "Huawei", "SMIC"],
            "thing": ["AI chip exports", "chipmaking tool sales", "HBM shipments", "cloud access to advanced GPUs", "servicing of installed tools"],
            "measure": ["the new licence requirement", "the updated performance thresholds", "the foreign direct product rule", "the revised country tiers", "the remote-access rule"],
        ],
        .entityList: [
            "actor": ["the Commerce Department", "BIS", "Washington", "the End-User Review Committee"],
            "company": ["Huawei", "SMIC", "YMTC", "Inspur", "Sugon", "CXMT", "Biren Technology", "Moore Threads"],
            "thing": ["US-origin components", "EDA software licences", "foundry services", "server supply chains", "memory supplies"],
            "measure": ["the Entity List designation", "the new blacklist entries", "the footnote-4 designation", "the presumption-of-denial policy"],
        ],
        .sanctions: [
            "actor": ["the Treasury", "OFAC", "Washington", "the EU Council", "London"],
            "company": ["Huawei", "SMIC", "Hikvision", "SenseTime", "DJI", "Inspur"],
            "thing": ["dollar clearing", "GPU resale channels", "shipping routes via the UAE", "drone supply chains"],
            "measure": ["the sanctions package", "the asset freeze", "the secondary sanctions threat", "the SDN designation"],
        ],
        .memory: [
            "actor": ["SK Hynix", "Samsung", "Micron", "CXMT"],
            "company": ["SK Hynix", "Samsung", "Micron", "CXMT", "Nvidia", "AMD"],
            "thing": ["HBM supply", "DRAM contract prices", "advanced packaging capacity", "TSV lines"],
            "measure": ["the HBM4 ramp", "the capacity allocation", "the long-term supply agreement", "the price increase"],
        ],
        .lithography: [
            "actor": ["ASML", "the Dutch government", "Tokyo Electron", "Nikon", "Canon"],
            "company": ["ASML", "SMIC", "Huawei", "TSMC", "Intel", "SMEE"],
            "thing": ["DUV servicing", "EUV deliveries", "spare-part supplies", "High-NA adoption"],
            "measure": ["the licence requirement for servicing", "the delivery schedule", "the export authorisation", "the High-NA roadmap"],
        ],
        .foundry: [
            "actor": ["TSMC", "Samsung Foundry", "Intel Foundry", "SMIC", "Rapidus"],
            "company": ["TSMC", "Samsung", "Intel", "SMIC", "Rapidus", "GlobalFoundries", "Apple", "Nvidia"],
            "thing": ["2nm capacity", "advanced packaging", "CoWoS capacity", "wafer pricing", "fab construction"],
            "measure": ["the capacity expansion", "the subsidy award", "the wafer price increase", "the node ramp"],
        ],
        .chinaChips: [
            "actor": ["Huawei", "Cambricon", "Beijing", "the MIIT"],
            "company": ["Huawei", "Cambricon", "SMIC", "Biren Technology", "Moore Threads", "Hygon", "Alibaba", "Baidu"],
            "thing": ["domestic accelerators", "Ascend clusters", "local HBM supply", "CUDA alternatives"],
            "measure": ["the buy-local guidance", "the procurement push", "the new Ascend roadmap", "the subsidy for domestic chips"],
        ],
        .models: [
            "actor": ["OpenAI", "Anthropic", "Google DeepMind", "Meta", "DeepSeek", "Alibaba", "Mistral AI", "Moonshot AI"],
            "company": ["OpenAI", "Anthropic", "Google", "Meta", "DeepSeek", "Alibaba", "Mistral AI", "xAI"],
            "thing": ["API pricing", "open-weight releases", "reasoning models", "agent platforms", "model evaluations"],
            "measure": ["the model release", "the price cut", "the new licence terms", "the safety evaluation"],
        ],
        .regulation: [
            "actor": ["Brussels", "the European Commission", "the AI Office", "Beijing", "the CAC", "Sacramento", "Tokyo"],
            "company": ["OpenAI", "Meta", "Google", "Microsoft", "Mistral AI", "Baidu", "Alibaba"],
            "thing": ["general-purpose AI obligations", "content labelling", "high-risk systems", "training-data summaries"],
            "measure": ["the code of practice", "the draft regulation", "the compliance deadline", "the enforcement guidance"],
        ],
        .lawsuits: [
            "actor": ["the court", "the judge", "the plaintiffs", "the publishers"],
            "company": ["OpenAI", "Microsoft", "Anthropic", "Meta", "Stability AI", "Perplexity"],
            "thing": ["training data", "fair use", "licensing deals", "output filtering"],
            "measure": ["the ruling", "the settlement", "the discovery order", "the class certification"],
        ],
        .antitrust: [
            "actor": ["the FTC", "the European Commission", "the CMA", "China's SAMR", "the Justice Department"],
            "company": ["Nvidia", "Microsoft", "Google", "Amazon", "Meta", "Qualcomm"],
            "thing": ["AI partnerships", "chip bundling", "cloud credits", "acqui-hires"],
            "measure": ["the investigation", "the market study", "the remedy proposal", "the merger review"],
        ],
        .dataCentres: [
            "actor": ["Microsoft", "Amazon", "Google", "Meta", "Oracle", "OpenAI", "CoreWeave"],
            "company": ["Microsoft", "Amazon", "Google", "Meta", "Oracle", "CoreWeave", "Nvidia", "Constellation Energy"],
            "thing": ["grid connections", "power purchase agreements", "GPU clusters", "cooling capacity", "land permits"],
            "measure": ["the campus plan", "the power deal", "the capital spending guidance", "the grid upgrade"],
        ],
        .security: [
            "actor": ["the FBI", "CISA", "the NCSC", "US intelligence agencies", "Mandiant"],
            "company": ["OpenAI", "Anthropic", "Nvidia", "TSMC", "Microsoft", "Google"],
            "thing": ["model weights", "chip designs", "training pipelines", "cloud credentials"],
            "measure": ["the joint advisory", "the indictment", "the security review", "the disclosure rule"],
        ],
        .investment: [
            "actor": ["SoftBank", "Microsoft", "Nvidia", "MGX", "Saudi Arabia's PIF", "Andreessen Horowitz"],
            "company": ["OpenAI", "Anthropic", "xAI", "Mistral AI", "Safe Superintelligence", "Perplexity", "Cerebras"],
            "thing": ["compute commitments", "valuations", "secondary share sales", "sovereign AI funds"],
            "measure": ["the funding round", "the tender offer", "the compute deal", "the IPO filing"],
        ],
        .minerals: [
            "actor": ["Beijing", "China's Ministry of Commerce", "the customs administration"],
            "company": ["Umicore", "Lynas", "MP Materials", "Shin-Etsu", "SUMCO", "Intel"],
            "thing": ["gallium supplies", "germanium wafers", "antimony stocks", "rare-earth magnets"],
            "measure": ["the export ban", "the licensing regime", "the tracking requirement", "the price cap"],
        ],
        .diplomacy: [
            "actor": ["the White House", "Beijing", "the G7", "Brussels", "Tokyo", "New Delhi"],
            "company": ["Nvidia", "TSMC", "ASML", "Huawei", "OpenAI", "Microsoft"],
            "thing": ["AI safety cooperation", "chip supply chains", "compute access", "standards bodies"],
            "measure": ["the joint statement", "the trade truce", "the summit declaration", "the dialogue on AI risks"],
        ],
    ]

    /// Headline patterns per topic (Title Case slots).
    static let titles: [Topic: [String]] = [
        .exportControls: [
            "{Gov} Weighs New Curbs on {Tech} Sales to {Target}",
            "{ChipCo} Shares Slide as {Gov} Tightens Rules on {Tech}",
            "{Gov} Closes Loophole on {Tech} Bound for {Target}; {Count2} Firms Affected",
            "Exclusive: {UsChipCo} Lobbies Against New Curbs on {Tech}",
            "{Target} Buyers Rush to Stockpile {Tech} Before {Month} Deadline",
            "How New Rules on {Tech} Could Cost {UsChipCo} ${Bn} Billion",
            "{UsChipCo} Says {Pct}% of China Orders at Risk From {Tech} Rules",
        ],
        .entityList: [
            "{ChinaCo} Among {Count2} Chinese Firms Added to US Entity List",
            "US Blacklists {Count2} Chinese {OrgKind} Linked to {ChinaCo}",
            "{ChinaCo} Suppliers Scramble After Entity List Designation in {Month}",
            "Entity List Additions Hit {ChinaCo} Partners in {City}",
            "{ChinaCo} Says It Will Challenge Its Listing, Cites {Pct}% Sales Hit",
        ],
        .sanctions: [
            "US Treasury Sanctions {ChinaCo} Affiliates Over {SanctionReason}",
            "{Gov} Readies Sanctions Package Targeting {ChinaCo} and {Count2} Suppliers",
            "Sanctions Threat Looms Over {ChinaCo} as Talks Stall in {City}",
            "{ChinaCo} Faces Secondary Sanctions Risk Over {SanctionReason}",
            "{Count2} Entities Sanctioned for {SanctionReason}",
            "{ChinaCo} Shipments via {City} Draw Sanctions Scrutiny in {Quarter}",
        ],
        .memory: [
            "{MemCo} Sells Out {MemProduct} Capacity for {YearAhead}",
            "{MemCo} Wins {AccelBuyer} Qualification for {MemProduct}",
            "{MemProduct} Prices Up {Pct}% as {AccelBuyer} Demand Surges",
            "{MemCo} Plans ${Bn} Billion Expansion to Meet {MemProduct} Orders",
        ],
        .lithography: [
            "ASML Warns China Sales Will Fall {Pct}% Under New Rules",
            "{AsmlCustomer} Takes Delivery of {FirstTool} Ahead of {YearAhead} Ramp",
            "Dutch Curbs on {AsmlTool} Leave {ChinaCo} Scrambling",
            "ASML Books {Count2} Orders for {AsmlTool} in {Quarter}",
        ],
        .foundry: [
            "{FoundryNode} {FoundryNode.1} Yields Reach {Pct}% Ahead of {YearAhead} Ramp",
            "TSMC Commits ${FabAmount} Billion More to {FabPlace} Fabs",
            "{SubsidyTarget} Wins ${SubsidyAmount} Billion in Subsidies After {Month} Talks",
            "{FoundryNode} Raises {FoundryNode.1} Wafer Prices by {Pct}%",
        ],
        .chinaChips: [
            "{ChinaChip} Ships {ChinaChip.1} in Volume as Nvidia Sales Stall",
            "Chinese Labs Test {ChinaChip.1} for Training; {Pct}% Slower Than H100",
            "Beijing Urges Buyers to Drop Nvidia {NvChinaChip} for {ChinaChip.1}",
            "{ChinaChip} Targets {Count2},000 {ChinaChip.1} Units in {YearAhead}",
        ],
        .models: [
            "{LabModel} Unveils {LabModel.1}, Claims Lead on {Benchmark}",
            "{Lab} Cuts API Prices by {Pct}% as Rivalry With {RivalLab} Heats Up",
            "{LabModel.1} Tops Leaderboards in {Month}, but {Benchmark} Lag",
            "{Lab} Opens {LabModel.1} to Enterprise Users in {RolloutRegion}",
        ],
        .regulation: [
            "{Regulator} Publishes Draft Rules on {RegTopic}",
            "{Legislature} Advances Bill on {RegTopic}; Vote Expected in {Month}",
            "Industry Pushes Back on Plan for {RegTopic} in {RolloutRegion}",
            "{Regulator} Gives Firms {Days} Days to Comply With {RegTopic} Rules",
        ],
        .lawsuits: [
            "{Plaintiff} Sues {Defendant} Over {LawsuitIssue}",
            "Judge Lets {Plaintiff} Case Against {Defendant} Proceed",
            "{Defendant} Settles With {Plaintiff} for ${Mn} Million",
            "{Defendant} Faces ${Bn} Billion Claim Over {LawsuitIssue}",
            "{Count2} Authors Join Suit Against {Defendant} Over {LawsuitIssue}",
        ],
        .antitrust: [
            "{AntitrustReg} Probes {AntitrustMatter}",
            "{SamrTarget} Faces China Antitrust Probe Amid Chip Tensions in {Month}",
            "{AntitrustReg} Widens Review of {AntitrustMatter}; Decision by {Month}",
            "{AntitrustReg} Fines {SamrTarget} ${Mn} Million Over Bundling",
            "{SamrTarget} Offers Remedies to {AntitrustReg} in {Month}",
        ],
        .dataCentres: [
            "{DcCo} Plans ${DcAmount} Billion AI Campus in {DcPlace}",
            "{EnergyCo} Signs {PowerKind} Power Deal to Feed {DcCo} Data Centres",
            "Power Shortages Delay {DcCo} Build-Out in {DcPlace} by {Weeks} Weeks",
            "{DcCo} Secures {Mw} MW in {DcPlace} for GPU Clusters",
        ],
        .security: [
            "{SecAgency} Warns {Infra} of Rising {Threat}",
            "Hackers Linked to {Target} Breach {Infra}, {SecAgency} Says",
            "{Gov} Accuses China of {TheftKind}",
            "{Count2} Charged in Scheme to Smuggle {Tech} Secrets",
        ],
        .investment: [
            "{Startup} Raises ${Raise} Billion at ${Valuation} Billion Valuation",
            "{Investor} Leads ${Raise} Billion Round in {Startup}",
            "{Acquirer} to Buy {AcqTarget} for ${AcqAmount} Billion",
            "{Startup} in Talks to Raise at ${Valuation} Billion Valuation, Led by {Investor}",
        ],
        .minerals: [
            "China Curbs {Mineral} Exports, Hitting {ChipCo} Supply Chains",
            "{Mineral} Prices Jump {Pct}% After Beijing Export Move",
            "{MineralTarget} Scrambles for {Mineral} After Chinese Curbs",
            "{Mineral} Stockpiles at {ChipCo} Cover Only {Weeks} Weeks, Filings Show",
            "Beijing Tightens {Mineral} Licences; {Count2} Exporters Affected",
        ],
        .diplomacy: [
            "{SummitWho} Agrees on {SummitWhat} After Talks in {City}",
            "{Gov} and China Resume Talks on {TalkTopic} in {City}",
            "{Gov} Pushes Allies to Align on {TalkTopic} Ahead of {Month} Summit",
            "Talks on {TalkTopic} in {City} End Without Deal After {N2} Days",
            "{Gov} Offers {Count2} Million in AI Aid at {City} Forum",
        ],
    ]

    static let summaries = [
        "{measure} raises the stakes for {company} as {actor} moves on {thing}.",
        "{company} faces pressure on {thing} after {actor} confirms {measure}.",
        "{actor} signals {measure} is coming, with {thing} first in line.",
        "Investors weigh what {measure} means for {company} and {thing} through {yearAhead}.",
        "{measure} could cut {company}'s revenue by up to {pct}% and reshape {thing}.",
        "Analysts say {measure} shifts bargaining power over {thing} toward {actor}.",
        "{company} scrambles to adapt {thing} plans as {measure} lands sooner than expected.",
    ]
    static let changes = [
        "{actor} confirmed {measure}, covering {thing}",
        "{company} disclosed the impact of {measure} on {thing}",
        "{measure} takes effect for {thing} from {month} {yearAhead}",
        "{actor} and {company} announced changes to {thing}",
        "{actor} published details of {measure} after a {days}-day review",
    ]
    static let reasons = [
        "{thing} has been a bottleneck since {year0}; {measure} changes who gets capacity first.",
        "The move could shift {pct}% of {company}'s sales and force customers to rethink {thing}.",
        "It signals that {actor} is willing to act on {thing}, which raises compliance costs across the sector.",
        "{company} and its customers have little time to adjust, and {bank} expects knock-on effects on {thing}.",
        "Escalating tensions could restrict {thing}, forcing firms to diversify partners and protect their IP.",
    ]
    static let nextSteps = [
        "Review contracts that depend on {thing} before {month} {yearAhead}.",
        "Map which of your suppliers are exposed to {measure}.",
        "Ask your {company} account team how {measure} affects delivery dates.",
        "Brief leadership on scenarios for {thing} over the next {n2} months.",
        "Audit your AI datasets and models for exposure to {thing}.",
        "Set up a watch on filings about {measure} and flag changes to legal.",
    ]
    static let insights = [
        "{measure} shifts enforcement toward {thing}, which puts the burden on {company} rather than on {actor} alone.",
        "The real test is whether {actor} can enforce {measure} on {thing} without allied support.",
        "Markets have priced in {measure}; what they have not priced in is a second round aimed at {thing}.",
    ]
    static let takeawayStarts = [
        "{company} expects {measure} to affect about {pct}% of its orders tied to {thing}",
        "According to {actor}, {measure} will apply to {thing} from {month} {yearAhead}",
        "Analysts at {bank} estimate {measure} could cut {company}'s annual revenue by ${bn} billion",
        "The filing names {count2} entities connected to {company}, including units in {city}",
        "{company} has reportedly set aside ${bn} billion to cope with {measure}",
        "People familiar with the matter said {actor} discussed {thing} with {company} executives in {city}",
        "{measure} follows months of lobbying by {company} over {thing}",
        "Shipments linked to {thing} rose {pct}% in the quarter before {measure} was announced",
        "The text of {measure} leaves room for exemptions on {thing} for allied countries",
        "{company} told investors in {month} that {thing} accounted for {pct2}% of sales",
    ]
    static let clauses = [
        ", which analysts say could {effect}",
        ", a move that {consequence}",
        "; {company} declined to comment on the report",
        ", according to people familiar with the matter",
        ", and officials expect a comment period of {days} days",
        ", up from {pct2}% a year earlier",
        ", although enforcement details remain unclear",
        ", with a review scheduled for {month} {yearAhead}",
        ", according to documents seen by {outlet}",
        ", the second such step in {n2} months",
        "; critics argue it will {critique}",
        ", and {bank} expects more measures before {yearAhead}",
    ]
    static let implicationHeadlines = [
        "{company} will accelerate {countermeasure}.",
        "Scrutiny of {thing} will tighten through {yearAhead}.",
        "Prices for {thing} will rise as supply tightens.",
        "{actor} will come under pressure to {pressure}.",
        "Smaller players will struggle to absorb the cost of {measure}.",
        "Global AI research collaboration will fragment further.",
        "Customers will {customerMove} before {measure} bites.",
    ]
    static let implicationDetails = [
        "{company} has limited alternatives for {thing}, so analysts expect it to {effect} within {n2} months.",
        "Past measures on {thing} took {n3} quarters to show up in trade data, and {bank} sees a similar lag.",
        "Customers are likely to {customerMove} while {actor} finalises the details of {measure}.",
        "Increased scrutiny will push firms to operate within closed ecosystems, limiting the exchange of {thing}.",
        "{bank} models a {pct}% hit to {company}'s margins if {measure} is enforced as written.",
    ]
    static let oneOffs = [
        "{bigCo} reports {metric} of ${bnAmount} billion for {period}.",
        "{person} {personAction} in {city} to discuss {talkTopic}.",
        "Shares of {bigCo} {moveDir} {pct}% after {trigger}.",
        "{bigCo} cuts {jobs} jobs in its {jobUnit} division.",
        "{bigCo} delays {product} shipments by {weeks} weeks, citing {delayReason}.",
        "{court} {ruling} in the case between {plaintiff} and {defendant}.",
        "{consultant} estimates {chinaCo} yields of about {pct}% on its {smicNode} line.",
        "{regulator} receives {comments} public comments on {regTopic}.",
        "{dcCo} breaks ground on a {mw}-megawatt data centre in {dcPlace}.",
        "{startup} hires {jobs} engineers in {city} to expand its {jobUnit} team.",
        "{bigCo} signs a ${bnAmount} billion supply agreement with {accelBuyer}.",
    ]
}
