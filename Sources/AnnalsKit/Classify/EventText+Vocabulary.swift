// The stop words, synonyms and phrases of event lines, and the table ``EventKey`` reads
// them from.

/// The word lists behind ``EventKey``, folded once as the tokenizer folds texts, and
/// indexed by word id so that `terms(of:)` allocates only for the words it keeps.
struct EventVocabulary: Sendable {
    struct Phrase: Sendable {
        var words: [Int32]
        var term: String
    }

    /// Every word the lists know → id.
    let table: ByteTable
    /// By id: an article (dropped before phrases are matched), a stop word, the term the
    /// word stands for (its synonym's term, or itself), the phrases it starts (longest first).
    let isArticle: [Bool]
    let isStop: [Bool]
    let term: [String]
    let phrases: [[Phrase]]

    static let shared = EventVocabulary()

    init() {
        func words(_ text: String) -> [String] { Tokenizer.tokens(text).map(\.text) }
        let articles: Set<String> = ["a", "an", "the"]
        let stopWords = Set(Self.stopList.split(whereSeparator: { $0 == " " || $0 == "\n" }).flatMap { words(String($0)) })
        var synonyms: [String: String] = [:]
        var phraseList: [([String], String)] = []
        for (term, variants) in Self.synonymList {
            for variant in variants {
                let folded = words(variant).filter { !articles.contains($0) }
                if folded.count == 1 {
                    synonyms[folded[0]] = term
                } else if !folded.isEmpty {
                    phraseList.append((folded, term))
                }
            }
            // The canonical term stands for itself even when it folds (`netherlands`).
            for word in words(term) where synonyms[word] == nil { synonyms[word] = term }
        }
        var table = ByteTable()
        var term: [String] = []
        func id(_ word: String) -> Int32 {
            let id = table.insert(Array(word.utf8))
            if Int(id) == term.count { term.append(synonyms[word] ?? word) }
            return id
        }
        for word in articles.sorted() + stopWords.sorted() + synonyms.keys.sorted() { _ = id(word) }
        var phrases: [[Phrase]] = []
        var compiled: [(Int32, Phrase)] = []
        for (folded, target) in phraseList {
            let ids = folded.map(id)
            compiled.append((ids[0], Phrase(words: ids, term: target)))
        }
        phrases = Array(repeating: [], count: term.count)
        for (first, phrase) in compiled { phrases[Int(first)].append(phrase) }
        for k in phrases.indices { phrases[k].sort { $0.words.count > $1.words.count } }
        self.table = table
        self.term = term
        self.phrases = phrases
        self.isArticle = term.indices.map { k in articles.contains(String(decoding: table.word(Int32(k)), as: UTF8.self)) }
        self.isStop = term.indices.map { k in stopWords.contains(String(decoding: table.word(Int32(k)), as: UTF8.self)) }
    }

    static let stopList = """
        a an the of to for on in at by with from into onto over under about as and or but nor so than then
        also its it this that these those there here which who whom whose what when where while whether
        is are was were be been being has have had having will would could should may might can must shall
        do does did doing new newly now just more most some any all several various other others such same
        per via amid among across against after before during since until following despite upon within without
        up out off further amidst toward towards around through vs versus
        include includes included including
        said say says saying reportedly reported reporting according announce announces announced announcing
        confirm confirms confirmed claims claimed statement stated told tells
        impose imposes imposed imposing issue issues issued issuing move moves moved moving make makes made
        take takes took taking begin begins began start starts started officially formally publicly reportedly
        citing cite cites cited amid following based
        billion billions million millions trillion bn mn
        landmark sweeping major historic significant massive huge key
        department dept administration government officials official agency authorities authority
        january february march april june july august september october november december
        jan feb mar apr jun jul aug sep sept oct nov dec
        """

    /// Canonical term → the words and phrases that mean it in an event line. Phrases of
    /// the empty term are dropped: who reported the event, and connectives a rewording swaps.
    static let synonymList: [(String, [String])] = [
        ("", ["people familiar with the matter", "person familiar with the matter", "people familiar with",
              "person familiar with", "sources said", "source said", "reports said", "according to a filing",
              "according to filings", "according to sources", "according to reports", "bound for", "destined for"]),
        // What happened.
        ("expand", ["expand", "expanded", "expanding", "expansion", "broaden", "broadened", "broadening", "widen",
                    "widened", "widening", "extend", "extended", "extending", "extension", "tighten", "tightened",
                    "tightening", "strengthen", "strengthened", "strengthening", "toughen", "toughened",
                    "step up", "steps up", "stepped up", "stepping up", "ramp up", "ramps up", "ramped up"]),
        ("add", ["add", "added", "adding", "addition", "place", "placed", "placing", "blacklist",
                 "blacklisted", "blacklisting", "designate", "designated", "designating", "designation"]),
        ("remove", ["remove", "removed", "removing", "removal", "delist", "delisted", "delisting", "drop", "dropped",
                    "take off", "takes off", "took off"]),
        ("ban", ["ban", "banned", "banning", "prohibit", "prohibited", "prohibiting", "prohibition", "block", "blocked",
                 "blocking", "barred", "barring", "forbid", "forbids", "forbade", "forbidden", "outlaw",
                 "outlawed", "embargo", "embargoed"]),
        ("control", ["control", "controlled", "controlling", "restrict", "restricted", "restricting", "restriction",
                     "curb", "curbed", "curbing", "limit", "limited", "limiting", "limitation", "cap", "capped",
                     "capping", "crackdown",
                     "crack down", "cracks down", "cracked down"]),
        ("lift", ["lift", "lifted", "lifting", "ease", "eased", "easing", "relax", "relaxed", "relaxing", "loosen",
                  "loosened", "loosening", "rescind", "rescinded", "rescinding", "repeal", "repealed", "repealing",
                  "scrap", "scrapped", "scrapping", "withdraw", "withdraws", "withdrew", "withdrawn", "waive", "waived", "waiver", "exempt", "exempted", "exemption",
                  "roll back", "rolls back", "rolled back", "rollback"]),
        ("oust", ["oust", "ousted", "ousting", "ouster", "fire", "fired", "firing", "sack", "sacked", "sacking"]),
        ("reinstate", ["reinstate", "reinstated", "reinstating", "reinstatement", "rehire", "rehired", "return", "returns",
                      "returned", "returning", "comeback"]),
        ("revoke", ["revoke", "revoked", "revoking", "revocation", "cancel", "cancelled", "canceled", "cancelling",
                    "canceling", "cancellation"]),
        ("release", ["release", "released", "releasing", "launch", "launched", "launching", "unveil", "unveiled", "unveiling", "debut", "debuted", "debuting", "introduce", "introduced", "introducing",
                     "publish", "published", "publishing", "roll out", "rolls out", "rolled out", "rolling out",
                     "rollout", "go live", "goes live", "went live", "unveils", "arrive", "arrives", "arrived"]),
        ("halt", ["halt", "halted", "halting", "suspend", "suspended", "suspending", "suspension", "pause", "paused",
                  "pausing", "stop", "stopped", "stopping", "freeze", "froze", "frozen", "cease", "ceased",
                  "cut off", "cuts off", "cutting off"]),
        ("resume", ["resume", "resumed", "resuming", "resumption", "restart", "restarted", "restore", "restored"]),
        ("sell", ["sell", "sold", "selling", "sale", "ship", "shipped", "shipping", "shipment", "delivery",
                  "deliveries", "deliver", "delivered"]),
        ("ineffect", ["enter into force", "enters into force", "entered into force", "come into force",
                      "comes into force", "came into force", "take effect", "takes effect", "took effect",
                      "go into effect", "goes into effect", "went into effect", "in force", "in effect", "effective",
                      "apply", "applies", "become applicable", "becomes applicable", "start to apply", "starts to apply",
                      "begin to apply", "begins to apply"]),
        ("rename", ["rename", "renamed", "renaming", "rebrand", "rebranded", "rebranding"]),
        ("sue", ["sue", "sued", "suing", "lawsuit", "file suit", "files suit", "filed suit", "filing suit", "file lawsuit",
                 "filed lawsuit", "filing lawsuit", "bring suit", "brings suit", "brought suit"]),
        ("settle", ["settle", "settled", "settling", "settlement"]),
        ("fine", ["fine", "fined", "fining", "penalize", "penalized", "penalizing", "penalise", "penalised",
                  "penalty"]),
        ("charge", ["charge", "charged", "charging", "indict", "indicted", "indicting", "indictment", "prosecute",
                    "prosecuted", "prosecution"]),
        ("accuse", ["accuse", "accused", "accusing", "accusation", "allege", "alleged", "alleging", "allegation",
                    "blame", "blamed", "blaming"]),
        ("arrest", ["arrest", "arrested", "arresting", "detain", "detained", "detaining", "detention"]),
        ("investigate", ["investigate", "investigated", "investigating", "investigation", "probe", "probed",
                         "probing", "inquiry", "inquire"]),
        ("propose", ["propose", "proposed", "proposing", "proposal", "draft", "drafted", "drafting"]),
        ("approve", ["approve", "approved", "approving", "approval", "clear", "cleared", "clearing", "authorize",
                     "authorized", "authorise", "authorised", "authorization", "greenlight", "greenlit", "pass",
                     "passed", "passing", "enact", "enacted", "enacting", "adopt", "adopted", "adopting", "adoption",
                     "ratify", "ratified"]),
        ("reject", ["reject", "rejected", "rejecting", "rejection", "veto", "vetoed",
                    "dismiss", "dismissed", "dismissing"]),
        ("sign", ["sign", "signed", "signing", "sign into law", "signs into law", "signed into law", "become law", "becomes law",
                  "became law"]),
        ("delay", ["delay", "delayed", "delaying", "postpone", "postponed", "postponing", "defer", "deferred"]),
        ("acquire", ["acquire", "acquired", "acquiring", "acquisition", "buy", "bought", "buying", "purchase",
                     "purchased", "purchasing", "takeover", "take over", "takes over", "took over", "merge", "merged",
                     "merger"]),
        ("fund", ["fund", "funded", "funding", "raise", "raised", "raising", "invest", "invested", "investing",
                  "investment", "financing"]),
        ("partner", ["partner", "partnered", "partnering", "partnership", "collaborate", "collaborated",
                     "collaborating", "collaboration", "team up", "teams up", "teamed up"]),
        ("steal", ["steal", "stole", "stolen", "stealing", "theft", "exfiltrate", "exfiltrated", "exfiltration"]),
        ("breach", ["breach", "breached", "hack", "hacked", "hacking", "compromise", "compromised", "intrusion",
                    "cyberattack", "cyber attack"]),
        ("leak", ["leak", "leaked", "leaking"]),
        ("smuggle", ["smuggle", "smuggled", "smuggling"]),
        ("warn", ["warn", "warned", "warning"]),
        ("retaliate", ["retaliate", "retaliated", "retaliating", "retaliation", "retaliatory"]),
        ("meet", ["meet", "met", "meeting", "hold talks", "holds talks", "held talks", "host talks", "hosts talks",
                  "hosted talks", "hosting talks", "convene talks", "convenes talks", "convened talks"]),
        ("host", ["host", "hosts", "hosted", "hosting", "hold", "holds", "held", "holding", "convene", "convenes",
                  "convened", "convening"]),
        ("require", ["require", "requires", "required", "requiring", "requirement", "mandate", "mandates", "mandated",
                     "mandating"]),
        ("opensource", ["open source", "open sources", "open sourced", "opensource", "open sourcing"]),
        ("openweight", ["open weight", "open weights"]),
        // Who and what.
        ("us", ["u s", "u s a", "usa", "united states", "united states of america", "america", "american"]),
        ("china", ["chinese", "prc", "people's republic of china", "beijing", "mainland china"]),
        ("uk", ["u k", "united kingdom", "britain", "great britain", "british"]),
        ("eu", ["european union", "e u", "brussels"]),
        ("netherlands", ["netherlands", "dutch", "holland"]),
        ("japan", ["japanese"]),
        ("taiwan", ["taiwanese", "taipei"]),
        ("korea", ["korean", "south korea", "south korean", "republic of korea", "seoul"]),
        ("northkorea", ["north korea", "north korean", "dprk", "pyongyang"]),
        ("russia", ["russian", "moscow"]),
        ("india", ["indian"]),
        ("italy", ["italian", "rome"]),
        ("euparliament", ["european parliament", "eu parliament"]),
        ("antitrust", ["antitrust", "anti trust", "anti monopoly", "antimonopoly", "competition probe"]),
        ("entitylist", ["entity list"]),
        ("whitehouse", ["white house"]),
        ("company", ["firm", "company", "companies", "entity", "corporation", "lab", "start-up", "startup"]),
        ("chip", ["chip", "semiconductor", "microchip", "processor"]),
        ("tool", ["tool", "equipment", "machine", "machinery"]),
        ("customer", ["customer", "client"]),
        ("bill", ["bill", "legislation"]),
        ("chipmaker", ["chipmaker", "chip maker", "chip makers", "semiconductor maker", "chip manufacturer"]),
        ("ai", ["artificial intelligence"]),
        ("model", ["model", "llm", "large language model", "language model", "foundation model", "ai model"]),
        ("datacenter", ["data center", "data centre", "datacenter", "datacentre", "data centers", "data centres"]),
        ("license", ["license", "licence", "licensed", "licenced", "licensing", "licencing"]),
        ("rule", ["rule", "regulation", "regulations"]),
        ("strict", ["strict", "stricter", "strictest", "tougher", "tighter", "stringent"]),
        ("advanced", ["advanced", "cutting edge", "high end", "leading edge", "state of the art", "frontier"]),
        ("tariff", ["tariff", "duty", "duties", "levy", "levies"]),
        ("sanction", ["sanction", "sanctioned", "sanctioning"]),
        ("executiveorder", ["executive order"]),
    ]
}
