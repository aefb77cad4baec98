/// Word lists about AI and semiconductor policy, by slot name (see ``Pattern``).
///
/// Lists meant for the event pool never hold two values that differ only by a word the
/// rewording drops or swaps (e.g. "advanced AI chips" and "AI chips"), so a reworded
/// mention can never read like another pool event.
enum Vocabulary {
    static let all: [String: [String]] = build()

    private static func build() -> [String: [String]] {
        var v: [String: [String]] = [:]

        // MARK: Governments, agencies, companies

        v["gov"] = ["US", "Japan", "the Netherlands", "the UK", "South Korea", "Taiwan", "Germany", "Canada", "Australia", "India"]
        v["target"] = [
            "China", "Russia", "Iran", "Chinese cloud providers", "Macau", "Chinese military end users", "Belarus",
        ]
        v["tech"] = [
            "advanced AI chips", "chipmaking equipment", "high-bandwidth memory", "EUV lithography tools",
            "DUV immersion scanners", "AI model weights", "supercomputer components",
            "gate-all-around transistor technology", "electronic design automation software",
            "advanced packaging tools", "quantum computing components",
        ]
        v["chinaCo"] = [
            "Huawei", "SMIC", "YMTC", "CXMT", "Hua Hong", "Cambricon", "Biren Technology", "Moore Threads", "Inspur",
            "Sugon", "Hikvision", "SMEE", "Naura", "AMEC", "iFlytek", "SenseTime",
        ]
        v["chipCo"] = [
            "Nvidia", "AMD", "Intel", "TSMC", "Samsung", "SK Hynix", "Micron", "ASML", "Tokyo Electron",
            "Applied Materials", "Lam Research", "KLA", "Qualcomm", "Broadcom", "Arm", "GlobalFoundries",
        ]
        v["usChipCo"] = ["Nvidia", "AMD", "Intel", "Micron", "Qualcomm", "Applied Materials", "Lam Research", "KLA"]
        v["lab"] = [
            "OpenAI", "Anthropic", "Google DeepMind", "Meta", "Mistral AI", "xAI", "DeepSeek", "Alibaba", "Baidu",
            "Moonshot AI", "Zhipu AI", "MiniMax", "ByteDance", "Tencent", "Microsoft", "Amazon", "Cohere",
        ]
        v["count"] = ["several", "12", "27", "14", "33", "dozens of", "two", "nine", "40"]
        v["orgKind"] = [
            "quantum computing labs", "chipmakers", "cloud providers", "supercomputing centres", "drone makers",
            "server makers", "memory chip designers", "equipment suppliers",
        ]
        v["listReason"] = [
            "supporting military modernization", "diverting US chips to Russia", "AI-enabled surveillance",
            "helping Huawei evade controls", "acquiring US technology for hypersonic weapons",
        ]
        v["sanctionReason"] = [
            "supplying drone components to Russia", "cyberattacks on US infrastructure",
            "evading chip export controls", "supporting Iran's drone programme", "shipping GPUs to sanctioned buyers",
        ]
        v["memCo"] = ["SK Hynix", "Samsung", "Micron", "CXMT"]
        v["memProduct"] = ["HBM3", "HBM3E", "HBM4", "HBM4E", "LPDDR5X", "HBM2E", "GDDR7"]
        v["accelBuyer"] = ["Nvidia", "AMD", "Google", "Huawei", "Amazon", "Broadcom"]
        v["asmlTool"] = [
            "NXT:1970i scanners", "NXT:1980i scanners", "NXT:2000i scanners", "NXE:3600D EUV scanners",
            "EXE:5000 High-NA scanners", "YieldStar metrology systems",
        ]
        v["firstTool"] = ["High-NA EUV system", "EXE:5200 scanner", "NXE:3800E scanner", "NXT:2100i scanner"]
        v["asmlCustomer"] = ["Intel", "TSMC", "Samsung", "SK Hynix", "imec", "Micron", "Rapidus"]
        v["fabPlace"] = [
            "Arizona", "Kumamoto", "Dresden", "Kaohsiung", "Ohio", "Texas", "Hiroshima", "Hokkaido", "Idaho",
            "New York", "Gujarat", "Magdeburg",
        ]
        v["fabAmount"] = ["10", "12", "20", "28", "40", "65", "100", "165"]
        v["foundryNode"] = [
            "TSMC|N2", "TSMC|N3E", "TSMC|A16", "Samsung|SF2", "Samsung|SF3", "Intel|18A", "Intel|Intel 3",
            "SMIC|N+2 7nm-class", "SMIC|N+3 5nm-class", "Rapidus|2nm", "Hua Hong|28nm",
        ]
        v["labModel"] = [
            "OpenAI|GPT-4o|multimodal", "OpenAI|o1|reasoning", "OpenAI|o3|reasoning", "OpenAI|GPT-4.1|flagship",
            "OpenAI|GPT-5|flagship", "OpenAI|Sora|video generation", "OpenAI|gpt-oss|open-weight",
            "Anthropic|Claude 3 Opus|flagship", "Anthropic|Claude 3.5 Sonnet|mid-size",
            "Anthropic|Claude 3.7 Sonnet|hybrid reasoning", "Anthropic|Claude Opus 4|flagship",
            "Google DeepMind|Gemini 1.5 Pro|long-context", "Google DeepMind|Gemini 2.0 Flash|multimodal",
            "Google DeepMind|Gemini 2.5 Pro|reasoning", "Google DeepMind|Gemma 3|open-weight",
            "Meta|Llama 2|open-weight", "Meta|Llama 3|open-weight", "Meta|Llama 3.1 405B|open-weight",
            "Meta|Llama 4|mixture-of-experts", "Mistral AI|Mixtral 8x7B|mixture-of-experts",
            "Mistral AI|Mistral Large 2|flagship", "Mistral AI|Codestral|coding", "xAI|Grok-1|open-weight",
            "xAI|Grok-3|flagship", "xAI|Grok 4|reasoning", "DeepSeek|DeepSeek-V2|mixture-of-experts",
            "DeepSeek|DeepSeek-V3|open-weight", "DeepSeek|DeepSeek-R1|reasoning", "Alibaba|Qwen2.5|open-weight",
            "Alibaba|Qwen3|hybrid reasoning", "Alibaba|QwQ-32B|reasoning", "Baidu|Ernie 4.0|flagship",
            "Baidu|Ernie 4.5|multimodal", "Moonshot AI|Kimi K2|agentic", "Zhipu AI|GLM-4.5|agentic",
            "MiniMax|MiniMax-M1|long-context", "Tencent|Hunyuan-Large|mixture-of-experts",
            "ByteDance|Doubao 1.5 Pro|multimodal",
        ]
        v["rolloutRegion"] = ["the EU", "China", "India", "Japan", "South Korea", "Brazil", "the UK"]

        // MARK: Regulation, courts, competition

        v["regulator"] = [
            "the European Commission", "China's Cyberspace Administration", "the UK AI Security Institute",
            "Japan's METI", "India's MeitY", "the FTC", "South Korea's Ministry of Science and ICT",
            "Singapore's IMDA", "Brazil's ANPD", "Italy's Garante",
        ]
        v["regTopic"] = [
            "labelling of AI-generated content", "general-purpose AI models", "algorithmic recommendation services",
            "facial recognition in public spaces", "AI use in hiring", "frontier model safety testing",
            "deepfake disclosures", "training-data transparency", "AI in critical infrastructure",
            "chatbot protections for minors",
        ]
        v["legislature"] = [
            "the California legislature", "the Colorado General Assembly", "South Korea's National Assembly",
            "Japan's Diet", "Brazil's Senate", "the Texas legislature", "the Italian Parliament",
            "the New York legislature", "Canada's House of Commons",
        ]
        v["fineTarget"] = ["OpenAI", "Meta", "Clearview AI", "TikTok", "Luka", "Microsoft", "Google", "DeepSeek"]
        v["fineAmount"] = ["€5 million", "€15 million", "€20 million", "€30.5 million", "€290 million", "€91 million"]
        v["fineReason"] = [
            "breaches of data protection law", "unlawful processing of biometric data", "a lack of age verification",
            "transfers of personal data to China", "training on personal data without consent",
        ]
        v["plaintiff"] = [
            "The New York Times", "Getty Images", "Universal Music Group", "a group of authors", "Reddit", "Dow Jones",
            "Ziff Davis", "Disney", "Thomson Reuters", "a group of visual artists", "the Authors Guild",
            "Japan's Yomiuri Shimbun",
        ]
        v["defendant"] = [
            "OpenAI", "Microsoft", "Stability AI", "Anthropic", "Meta", "Perplexity", "Midjourney", "Suno", "Cohere",
            "Google", "Nvidia",
        ]
        v["lawsuitIssue"] = [
            "copyright infringement in model training", "scraping of paywalled articles",
            "the use of song lyrics in training data", "the use of pirated books",
            "reproducing news articles in chatbot answers", "the use of copyrighted images",
        ]
        v["antitrustReg"] = [
            "the FTC", "the European Commission", "the UK CMA", "China's SAMR", "Japan's JFTC", "South Korea's KFTC",
            "the US Justice Department",
        ]
        v["antitrustMatter"] = [
            "Microsoft's investment in OpenAI", "Nvidia's acquisition of Run:ai",
            "Microsoft's hiring of Inflection AI staff", "Amazon's investment in Anthropic",
            "Google's partnership with Anthropic", "Nvidia's AI chip sales practices", "Google's AI distribution deals",
            "Meta's use of personal data for AI training", "Nvidia's compliance with the Mellanox merger conditions",
            "Qualcomm's licensing practices", "Broadcom's VMware licensing terms",
        ]

        // MARK: Data centres, security, money

        v["dcCo"] = [
            "Microsoft", "Amazon", "Google", "Meta", "Oracle", "OpenAI", "xAI", "CoreWeave", "G42", "Alibaba Cloud",
            "Nscale", "Crusoe",
        ]
        v["dcPlace"] = [
            "Texas", "Ohio", "Johor", "Abu Dhabi", "Ireland", "Norway", "Iowa", "Virginia", "Hokkaido", "Gujarat",
            "Aragon", "Wisconsin", "Louisiana", "Jakarta", "Saudi Arabia",
        ]
        v["dcAmount"] = ["1", "2", "3", "5", "7", "10", "15", "20", "25", "40", "50", "80", "100"]
        v["energyCo"] = [
            "Constellation Energy", "Talen Energy", "Kairos Power", "Oklo", "NextEra Energy", "Helion Energy",
            "Fervo Energy", "Brookfield Renewable",
        ]
        v["powerKind"] = ["nuclear", "geothermal", "small modular reactor", "fusion", "wind and solar"]
        v["secAgency"] = [
            "the US intelligence community", "the FBI", "CISA", "the UK NCSC", "Germany's BSI", "the Five Eyes alliance",
            "Taiwan's National Security Bureau", "the Dutch AIVD",
        ]
        v["threat"] = [
            "state-sponsored cyber espionage", "ransomware campaigns", "insider threats", "supply-chain attacks",
            "phishing campaigns",
        ]
        v["infra"] = [
            "AI infrastructure", "chip design firms", "frontier AI labs", "semiconductor fabs", "cloud providers",
            "undersea cables",
        ]
        v["mineral"] = [
            "graphite", "superhard materials", "lithium battery technology", "indium", "tungsten", "bismuth",
            "molybdenum",
        ]
        v["mineralTarget"] = ["the US", "Japan", "the Netherlands", "the EU", "South Korea", "Taiwan"]
        v["unreliable"] = [
            "Skydio", "Lockheed Martin units", "Illumina", "PVH", "TechInsights", "General Dynamics units",
            "Raytheon units", "Boeing Defense units",
        ]
        v["samrTarget"] = ["Nvidia", "Qualcomm", "Micron", "Intel", "Google", "Texas Instruments", "Analog Devices"]
        v["startup"] = [
            "OpenAI", "Anthropic", "xAI", "Mistral AI", "Moonshot AI", "Zhipu AI", "Safe Superintelligence",
            "Thinking Machines Lab", "Perplexity", "Figure AI", "Cohere", "MiniMax", "Cerebras", "Groq", "SambaNova",
        ]
        v["raise"] = ["1", "2", "4", "6", "8", "10", "13", "30", "40"]
        v["investor"] = [
            "SoftBank", "Microsoft", "Amazon", "Nvidia", "Andreessen Horowitz", "Alibaba", "Tencent",
            "Saudi Arabia's PIF", "MGX", "Thrive Capital", "Sequoia Capital",
        ]
        v["acquirer"] = ["Nvidia", "AMD", "Synopsys", "Qualcomm", "SoftBank", "Cadence", "Marvell", "Intel", "Cisco"]
        v["acqTarget"] = [
            "Run:ai", "ZT Systems", "Ansys", "Alphawave", "Silo AI", "Deci", "Ampere Computing", "Graphcore",
            "Untether AI", "Enfabrica",
        ]
        v["acqAmount"] = ["0.7", "1.2", "2.4", "4.9", "6.5", "35"]
        v["chinaChip"] = [
            "Huawei|Ascend 910B", "Huawei|Ascend 910C", "Huawei|Ascend 920", "Cambricon|Siyuan 590",
            "Biren Technology|BR100", "Moore Threads|MTT S4000", "Alibaba|Hanguang 800", "Baidu|Kunlun P800",
            "Hygon|DCU Z100",
        ]
        v["smicNode"] = ["N+2 7nm-class", "N+3 5nm-class", "14nm", "N+1"]
        v["nvChinaChip"] = ["A800", "H800", "H20", "L20", "RTX 4090D", "B20", "B30A", "RTX Pro 6000D"]
        v["subsidyGov"] = [
            "the US Commerce Department", "Japan's government", "the European Commission", "South Korea's government",
            "Germany's government", "India's cabinet", "Taiwan's cabinet",
        ]
        v["subsidyTarget"] = [
            "Intel", "TSMC's Arizona fabs", "Rapidus", "Micron's Idaho fab", "Samsung's Texas fab",
            "the ESMC fab in Dresden", "Tata Electronics' Dholera fab", "GlobalFoundries",
            "SK Hynix's Indiana packaging plant",
        ]
        v["subsidyAmount"] = ["1.5", "3", "6.6", "7.9", "8.5", "10", "11", "39"]
        v["summitWho"] = [
            "the G7", "the G20", "the UN General Assembly", "the OECD", "APEC", "the BRICS group",
            "the Council of Europe", "the Quad",
        ]
        v["summitWhat"] = [
            "a statement on AI governance", "a code of conduct for AI developers",
            "a resolution on safe and trustworthy AI", "principles for military use of AI",
            "a framework convention on AI", "a pledge on compute access for developing countries",
        ]

        // MARK: One-off events (never in the pool)

        v["person"] = [
            "Jensen Huang|chief executive|Nvidia", "Lisa Su|chief executive|AMD", "Sam Altman|chief executive|OpenAI",
            "Dario Amodei|chief executive|Anthropic", "Demis Hassabis|chief executive|Google DeepMind",
            "C.C. Wei|chief executive|TSMC", "Christophe Fouquet|chief executive|ASML",
            "Pat Gelsinger|chief executive|Intel", "Lip-Bu Tan|chief executive|Intel",
            "Arthur Mensch|chief executive|Mistral AI", "Satya Nadella|chief executive|Microsoft",
            "Sundar Pichai|chief executive|Alphabet", "Masayoshi Son|chief executive|SoftBank",
            "Gina Raimondo|Commerce Secretary|the US", "Howard Lutnick|Commerce Secretary|the US",
            "Alan Estevez|export-control chief|the US", "Margrethe Vestager|competition chief|the EU",
            "Henna Virkkunen|tech commissioner|the EU", "Wang Wentao|commerce minister|China",
        ]
        v["personAction"] = [
            "meets government officials", "tells investors about supply constraints", "visits key suppliers",
            "gives a keynote on AI infrastructure", "testifies before lawmakers", "holds talks with chip buyers",
            "announces a leadership reshuffle", "signals a shift in pricing",
        ]
        v["city"] = [
            "Taipei", "Beijing", "Washington", "Brussels", "Tokyo", "Seoul", "Shenzhen", "Paris", "London", "Davos",
            "Las Vegas", "San Francisco", "Singapore", "Berlin", "Hsinchu", "Bengaluru", "Riyadh",
        ]
        v["talkTopic"] = [
            "export licences", "HBM supply", "AI safety testing", "data-centre power", "chip subsidies",
            "open-weight models", "compute access", "copyright and training data", "cloud pricing",
            "advanced packaging capacity", "talent visas", "rare-earth supplies",
        ]
        v["metric"] = [
            "quarterly revenue", "data-centre revenue", "AI accelerator sales", "annual capital spending",
            "quarterly net profit", "cloud revenue",
        ]
        v["period"] = ["the first quarter", "the second quarter", "the third quarter", "the fourth quarter", "the fiscal year"]
        v["bigCo"] = [
            "Nvidia", "AMD", "Intel", "TSMC", "Samsung", "SK Hynix", "Micron", "ASML", "Microsoft", "Alphabet",
            "Amazon", "Meta", "Oracle", "Alibaba", "Tencent", "Baidu", "Huawei", "SMIC", "Broadcom", "Qualcomm",
        ]
        v["moveDir"] = ["fall", "rise", "drop", "jump", "slide", "climb"]
        v["trigger"] = [
            "a report on new export rules", "weaker guidance", "a surprise licence approval",
            "comments from Commerce officials", "a rival's product launch", "a downgrade by analysts",
            "news of a China probe", "a record order from a hyperscaler",
        ]
        v["jobUnit"] = ["cloud", "chip design", "foundry", "AI research", "sales", "devices", "memory"]
        v["delayReason"] = [
            "packaging bottlenecks", "HBM shortages", "yield problems", "licence delays", "a design flaw",
            "power constraints at customer sites",
        ]
        v["product"] = [
            "Blackwell", "Rubin", "MI350", "Gaudi 3", "Ascend 910C", "Trainium 2", "TPU v6", "Grace Hopper",
            "Falcon Shores", "Maia 100",
        ]
        v["court"] = [
            "a US district court in San Francisco", "a federal court in Delaware", "a Munich regional court",
            "the Beijing Internet Court", "the Tokyo District Court", "London's High Court",
            "a federal court in New York",
        ]
        v["ruling"] = [
            "dismisses part of the claims", "allows the case to proceed", "orders the disclosure of training data",
            "denies a preliminary injunction", "certifies a class of authors", "sets a trial date",
        ]
        v["consultant"] = ["TechInsights", "TrendForce", "Counterpoint", "SemiAnalysis", "Bernstein", "Morgan Stanley", "Gartner"]
        return v
    }
}
