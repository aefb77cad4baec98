// The pool's well-known events and the patterns its other background events are made from.

extension EventPool {
    struct Fixed {
        var topic: Topic
        var date: GenDate
        var text: String
    }

    private static func d(_ text: String) -> GenDate {
        let p = text.split(separator: "-").map { Int($0)! }
        return GenDate(year: p[0], month: p.count > 1 ? p[1] : 0, day: p.count > 2 ? p[2] : 0)
    }

    /// Well-known events, at the head of the pool: cards cite them most.
    static let fixedEvents: [Fixed] = [
        Fixed(topic: .exportControls, date: d("2024-10"), text: "US expands export controls on advanced AI chips to include stricter performance thresholds for China."),
        Fixed(topic: .exportControls, date: d("2022-10"), text: "US imposes sweeping export controls on advanced computing chips and chipmaking tools bound for China."),
        Fixed(topic: .entityList, date: d("2019-05"), text: "US Commerce Department adds Huawei to the Entity List."),
        Fixed(topic: .entityList, date: d("2020-12"), text: "US Commerce Department adds SMIC to the Entity List."),
        Fixed(topic: .sanctions, date: d("2018-04"), text: "US bans American companies from selling components to ZTE for seven years."),
        Fixed(topic: .exportControls, date: d("2020-08"), text: "US tightens the foreign direct product rule to cut Huawei off from chips made with US technology."),
        Fixed(topic: .exportControls, date: d("2023-01"), text: "The Netherlands and Japan agree to join US restrictions on chipmaking equipment exports to China."),
        Fixed(topic: .minerals, date: d("2023-07"), text: "China restricts exports of gallium and germanium."),
        Fixed(topic: .regulation, date: d("2023-08-15"), text: "China's interim measures for generative AI services take effect."),
        Fixed(topic: .chinaChips, date: d("2023-08-29"), text: "Huawei launches the Mate 60 Pro with a 7nm-class Kirin 9000S chip made by SMIC."),
        Fixed(topic: .exportControls, date: d("2023-10"), text: "US tightens export rules on AI chips, closing loopholes for Nvidia's A800 and H800."),
        Fixed(topic: .regulation, date: d("2023-10-30"), text: "Biden issues an executive order on safe, secure and trustworthy AI."),
        Fixed(topic: .diplomacy, date: d("2023-11-01"), text: "The UK hosts the AI Safety Summit at Bletchley Park."),
        Fixed(topic: .regulation, date: d("2023-12"), text: "EU lawmakers reach a political agreement on the AI Act."),
        Fixed(topic: .regulation, date: d("2024-03-13"), text: "The European Parliament approves the AI Act."),
        Fixed(topic: .diplomacy, date: d("2024-05-21"), text: "South Korea and the UK co-host the AI Seoul Summit."),
        Fixed(topic: .regulation, date: d("2024-08-01"), text: "The EU AI Act enters into force."),
        Fixed(topic: .lithography, date: d("2024-09"), text: "The Netherlands expands licence requirements to ASML's 1970i and 1980i immersion scanners."),
        Fixed(topic: .memory, date: d("2024-12-02"), text: "Commerce adds high-bandwidth memory to the controlled items and puts 140 Chinese entities on the Entity List."),
        Fixed(topic: .minerals, date: d("2024-12"), text: "China bans exports of gallium, germanium and antimony to the US."),
        Fixed(topic: .exportControls, date: d("2025-01-13"), text: "The AI diffusion rule sets worldwide licence tiers for advanced AI chips."),
        Fixed(topic: .regulation, date: d("2025-01-20"), text: "Trump revokes Biden's executive order on AI."),
        Fixed(topic: .diplomacy, date: d("2025-02-10"), text: "France hosts the AI Action Summit in Paris."),
        Fixed(topic: .regulation, date: d("2025-07-23"), text: "The White House publishes America's AI Action Plan."),
        Fixed(topic: .diplomacy, date: d("2025-07-26"), text: "China proposes a global AI cooperation organisation at the World AI Conference in Shanghai."),
        Fixed(topic: .regulation, date: d("2025-08-02"), text: "Obligations for general-purpose AI models under the EU AI Act start to apply."),
        Fixed(topic: .exportControls, date: d("2025-08"), text: "Nvidia and AMD agree to pay 15% of China chip revenue to the US government."),
        Fixed(topic: .regulation, date: d("2025-09-01"), text: "China's rules on labelling AI-generated content take effect."),
        Fixed(topic: .minerals, date: d("2025-10"), text: "China expands rare-earth export controls to cover chipmaking and AI uses."),
        Fixed(topic: .entityList, date: d("2026-02"), text: "US Department of Commerce adds several Chinese AI research institutes to the Entity List citing national security concerns."),
    ]

    /// Background-event patterns. Each verb and connective here is one the rewording
    /// knows how to vary (see ``Reword``).
    static let templates: [EventTemplate] = [
        EventTemplate(.exportControls, "{gov} expands export controls on {tech} to include stricter performance thresholds for {target}.", swap: "target"),
        EventTemplate(.exportControls, "{gov} tightens licence requirements for {tech} bound for {target}.", swap: "gov"),
        EventTemplate(.exportControls, "{gov} joins US-led restrictions on {tech} sales to China.", swap: "gov", years: 2019...2026),
        EventTemplate(.entityList, "US Commerce Department adds {count} {chinaCo} affiliates to the Entity List citing national security concerns.", swap: "chinaCo", loose: ["count"]),
        EventTemplate(.entityList, "US Commerce Department adds {count} Chinese {orgKind} to the Entity List for {listReason}.", swap: "orgKind", loose: ["count", "listReason"]),
        EventTemplate(.sanctions, "US Treasury imposes sanctions on {chinaCo} over {sanctionReason}.", swap: "chinaCo", loose: ["sanctionReason"]),
        EventTemplate(.memory, "{memCo} begins mass production of {memProduct} for {accelBuyer} accelerators.", swap: "memCo", loose: ["accelBuyer"], years: 2020...2026),
        EventTemplate(.memory, "US restricts exports of {memProduct} to {target}.", swap: "memProduct", years: 2022...2026),
        EventTemplate(.lithography, "The Dutch government restricts ASML shipments of {asmlTool} to {target}.", swap: "asmlTool"),
        EventTemplate(.lithography, "ASML ships its first {firstTool} to {asmlCustomer}.", swap: "asmlCustomer", years: 2021...2026, once: true),
        EventTemplate(.foundry, "TSMC announces a ${fabAmount} billion investment in new fabs in {fabPlace}.", swap: "fabPlace", loose: ["fabAmount"]),
        EventTemplate(.foundry, "{foundryNode} begins volume production on its {foundryNode.1} process in {fabPlace}.", years: 2020...2026),
        EventTemplate(.foundry, "{subsidyGov} approves ${subsidyAmount} billion in subsidies for {subsidyTarget}.", swap: "subsidyTarget", loose: ["subsidyAmount"], years: 2021...2026),
        EventTemplate(.chinaChips, "{chinaChip} unveils the {chinaChip.1} accelerator built on SMIC's {smicNode} process.", years: 2020...2026),
        EventTemplate(.chinaChips, "Nvidia launches the {nvChinaChip} for the Chinese market to comply with US export rules.", years: 2022...2026, once: true),
        EventTemplate(.chinaChips, "US requires licences for {nvChinaChip} exports to China.", swap: "nvChinaChip", years: 2022...2026),
        EventTemplate(.chinaChips, "China tells domestic companies to stop buying Nvidia's {nvChinaChip}.", swap: "nvChinaChip", years: 2023...2026),
        EventTemplate(.models, "{labModel} releases {labModel.1}, its new {labModel.2} model.", years: 2023...2026, once: true),
        EventTemplate(.models, "{labModel} opens access to {labModel.1} for users in {rolloutRegion}.", swap: "rolloutRegion", years: 2023...2026),
        EventTemplate(.regulation, "{regulator} publishes draft rules on {regTopic}.", swap: "regulator", years: 2019...2026),
        EventTemplate(.regulation, "{legislature} passes a law on {regTopic}.", swap: "legislature", years: 2019...2026),
        EventTemplate(.regulation, "{regulator} fines {fineTarget} {fineAmount} over {fineReason}.", swap: "fineTarget", loose: ["fineAmount", "fineReason"]),
        EventTemplate(.lawsuits, "{plaintiff} files a lawsuit against {defendant} over {lawsuitIssue}.", swap: "defendant", loose: ["lawsuitIssue"], years: 2022...2026),
        EventTemplate(.lawsuits, "A US judge rules in favour of {defendant} in a copyright case brought by {plaintiff}.", swap: "defendant", years: 2023...2026),
        EventTemplate(.antitrust, "{antitrustReg} opens an investigation into {antitrustMatter}.", swap: "antitrustReg", years: 2020...2026),
        EventTemplate(.antitrust, "China's SAMR opens an antitrust probe into {samrTarget}.", swap: "samrTarget"),
        EventTemplate(.dataCentres, "{dcCo} announces a ${dcAmount} billion AI data centre in {dcPlace}.", swap: "dcPlace", loose: ["dcAmount"], years: 2021...2026),
        EventTemplate(.dataCentres, "{energyCo} signs a {powerKind} power deal with {dcCo} for AI data centres.", swap: "dcCo", loose: ["powerKind"], years: 2022...2026),
        EventTemplate(.security, "{secAgency} warns of {threat} targeting {infra}.", swap: "infra"),
        EventTemplate(.security, "US charges {count} Chinese nationals with stealing {tech} trade secrets.", swap: "tech", loose: ["count"]),
        EventTemplate(.minerals, "China restricts exports of {mineral} to {mineralTarget}.", swap: "mineral"),
        EventTemplate(.minerals, "China's Ministry of Commerce adds {unreliable} to its unreliable entity list.", swap: "unreliable", years: 2020...2026),
        EventTemplate(.investment, "{startup} raises ${raise} billion in a funding round led by {investor}.", swap: "startup", loose: ["raise", "investor"], years: 2019...2026),
        EventTemplate(.investment, "{acquirer} acquires {acqTarget} for ${acqAmount} billion.", swap: "acquirer", loose: ["acqAmount"]),
        EventTemplate(.diplomacy, "{summitWho} adopts {summitWhat}.", swap: "summitWho", years: 2019...2026),
        EventTemplate(.diplomacy, "{gov} hosts talks with China on {talkTopic} in {city}.", swap: "gov"),
    ]
}
