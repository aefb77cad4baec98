import Foundation
import Testing

@testable import AnnalsKit

extension Article {
    /// Every text an article carries, for checks that no field holds boilerplate.
    var allTexts: [String] {
        var texts = [source, title]
        texts += [summary, tldr.whatChanged, tldr.whyItMatters, tldr.whatToDoNext, tldr.whoShouldCare, insight].compactMap { $0 }
        texts += takeaways
        texts += implications.flatMap { [$0.headline, $0.detail] }
        texts += timeline.flatMap { [$0.date.text, $0.text] }
        return texts
    }
}

@Suite struct CardParserTests {
    let parser = CardParser()

    // MARK: The real sample, every field

    @Test func parsesTheSampleExactly() throws {
        let parsed = try Fixtures.card("ars-technica-mojibake.txt")
        let a = parsed.article
        #expect(parsed.warnings.isEmpty)
        #expect(a.id == nil && a.url == nil && a.publishedAt == nil)
        #expect(a.source == "Ars Technica")
        #expect(a.title == "US Accuses China of Industrial-Scale AI Theft")
        #expect(a.summary == "US-China AI theft row risks sanctions, disrupting global AI supply chains for devs.")
        #expect(a.tldr.whatChanged == "US alleges systematic AI theft by China at industrial scale")
        #expect(
            a.tldr.whyItMatters
                == "Escalating US-China tensions could restrict AI tech flows, supply chains, and collaborations, forcing AI firms to diversify partnerships and bolster IP protections."
        )
        #expect(a.tldr.whatToDoNext == "Audit your AI datasets and models for potential IP vulnerabilities to state-sponsored theft.")
        #expect(a.tldr.whoShouldCare == "Enterprise & Security Teams")
        #expect(a.insight == nil)
        #expect(
            a.takeaways == [
                "The US Department of Justice and the FBI have reportedly identified specific exfiltration vectors targeting proprietary weights and training datasets from major US-based foundation model labs, rather than just general IP theft.",
                "The proposed sanctions package is rumored to include a total ban on the export of high-end HBM (High Bandwidth Memory) modules and advanced lithography equipment maintenance services to Chinese AI research entities.",
                "Diplomatic channels indicate that the Trump administration is leveraging these allegations to force a 'voluntary' cap on China's domestic compute capacity as a prerequisite for the upcoming summit.",
            ])
        #expect(
            a.implications == [
                Implication(
                    headline: "Global AI research collaboration will face a significant 'balkanization' effect.",
                    detail: "Increased security scrutiny and export controls will likely force researchers to operate within closed, nationalized ecosystems, limiting the cross-border exchange of open-source model architectures."
                ),
                Implication(
                    headline: "US-based AI labs will implement 'air-gapped' training environments for frontier models.",
                    detail: "To mitigate the risk of industrial-scale theft, companies will likely adopt stricter physical and digital isolation protocols for their most sensitive model weights and training pipelines."
                ),
            ])
        #expect(a.timeline.map(\.date.text) == ["2024-10", "2025-05", "2026-02"])
        #expect(a.timeline.map(\.date.normalized) == ["2024-10", "2025-05", "2026-02"])
        #expect(a.timeline.map(\.date.precision) == [.month, .month, .month])
        #expect(a.timeline.map(\.text) == [
            "US expands export controls on advanced AI chips to include stricter performance thresholds for China.",
            "US intelligence agencies release a joint report warning of increased state-sponsored cyber espionage targeting AI infrastructure.",
            "US Department of Commerce adds several Chinese AI research institutes to the Entity List citing national security concerns.",
        ])
        #expect(a.timeline[0].date.start == Day(year: 2024, month: 10, day: 1))
        #expect(a.timeline[0].date.end == Day(year: 2024, month: 10, day: 31))
        #expect(a.timeline[2].date.end == Day(year: 2026, month: 2, day: 28))
    }

    // MARK: Nothing but content in any field

    static let forbidden = [
        "Weekly AI Recap", "Original source", "AI-curated news aggregator", "Related Updates",
        "Read this week", "curated digest", "AI-generated analysis for this event", "AI analysis grounded",
        "All content rights", "Freshcollected", "collected in",
        "⚙", "💡", "⚡", "🧠", "🔑", "•", "🔮", "⏳", "📰", "🔗", "→", "\u{FE0F}",
    ]

    @Test(arguments: Fixtures.cardNames)
    func noFieldHoldsBoilerplateOrMarkers(_ name: String) throws {
        let a = try Fixtures.card(name).article
        for text in a.allTexts {
            for word in Self.forbidden { #expect(!text.contains(word), "\(name): '\(word)' in '\(text)'") }
            #expect(text == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(name): untrimmed '\(text)'")
            #expect(!text.contains("  ") && !text.contains("\t") && !text.contains("\n"), "\(name): '\(text)'")
        }
        if name.contains("mojibake") {
            for text in a.allTexts {
                #expect(!text.unicodeScalars.contains { (0x0E00...0x0E7F).contains($0.value) }, "\(name): '\(text)'")
            }
        }
    }

    @Test(arguments: Fixtures.cardNames)
    func everyCardHasTheSharedExportControlEvent(_ name: String) throws {
        let a = try Fixtures.card(name).article
        let october = a.timeline.filter { $0.date.normalized == "2024-10" }
        #expect(october.count == 1, "\(name)")
    }

    // MARK: Variants

    @Test func cleanEmoji() throws {
        let parsed = try Fixtures.card("clean-emoji.txt")
        let a = parsed.article
        #expect(parsed.warnings.isEmpty)
        #expect(a.source == "Reuters")
        #expect(a.title == "Commerce Tightens AI Chip Export Rules, Closing Huawei Loophole")
        #expect(a.summary == "New BIS rule curbs Nvidia and AMD accelerator sales to China, squeezing Huawei and SMIC supply lines.")
        #expect(a.tldr.whatChanged?.hasPrefix("The Commerce Department's BIS issued an interim final rule") == true)
        #expect(a.tldr.whoShouldCare == "Compliance & Trade Teams")
        #expect(
            a.insight
                == "The rule shifts enforcement from chip specifications to end-use monitoring, which puts the burden on cloud providers rather than on Nvidia alone."
        )
        #expect(a.takeaways.count == 4)
        #expect(a.takeaways.first == "BIS added a foreign direct product rule covering any accelerator above the 4800 TPP threshold, wherever it is assembled.")
        #expect(a.takeaways.last == "TSMC confirmed it already screens orders against the updated list.")
        #expect(a.implications.count == 2)
        #expect(a.implications.first?.headline == "Southeast Asian data-center growth will slow in 2026.")
        #expect(a.implications.last?.detail == "With imported accelerators cut off, domestic capacity becomes a national priority, despite lower yields on SMIC's 7nm-class process.")
        #expect(a.timeline.map(\.date.text) == ["2024-10", "2025-01", "2026-03"])
        #expect(a.timeline.last?.text == "Commerce closes the third-country loophole for AI accelerators sold to Chinese customers.")
    }

    @Test func noMarkers() throws {
        let parsed = try Fixtures.card("no-markers.txt")
        let a = parsed.article
        #expect(parsed.warnings.isEmpty)
        #expect(a.source == "Ars Technica")
        #expect(a.title == "Netherlands Widens ASML Export Curbs to DUV Servicing")
        #expect(a.summary == "Dutch government extends licence requirements to maintenance of immersion DUV tools installed in China.")
        #expect(a.tldr.whatChanged == "The Dutch trade ministry now requires licences for servicing and spare parts of ASML immersion DUV scanners at Chinese fabs.")
        #expect(a.tldr.whoShouldCare == "Semiconductor Supply Chain Managers")
        #expect(a.insight == nil)
        #expect(a.takeaways.count == 3)
        #expect(a.takeaways.first == "ASML expects the change to reduce its 2026 China revenue by a mid-single-digit percentage.")
        #expect(a.takeaways.last == "Tokyo Electron faces pressure from Washington to adopt the same servicing restrictions.")
        #expect(a.implications.map(\.headline) == [
            "Chinese fabs will stockpile spare parts ahead of enforcement.",
            "Domestic lithography efforts will receive more state funding.",
        ])
        #expect(a.timeline.map(\.date.text) == ["2023-09", "2024-10", "2026-01"])
        #expect(a.timeline.last?.text == "The Dutch government extends controls to servicing of installed DUV tools.")
    }

    @Test func missingSections() throws {
        let parsed = try Fixtures.card("missing-sections.txt")
        let a = parsed.article
        #expect(parsed.warnings.isEmpty)
        #expect(a.source == "The Verge")
        #expect(a.title == "Nvidia Confirms Blackwell Shipments to China Remain Halted")
        #expect(a.tldr == TLDR())
        #expect(a.tldr.isEmpty)
        #expect(a.insight == nil)
        #expect(a.implications.isEmpty)
        #expect(a.takeaways == [
            "Nvidia's CFO said China is now excluded from the data-center revenue guidance for 2026.",
            "The company has not applied for BIS licences for its newest accelerators.",
        ])
        #expect(a.timeline.count == 2)
        #expect(a.timeline.last?.text == "Nvidia confirms Blackwell shipments to China remain halted.")
    }

    @Test func reorderedSections() throws {
        let parsed = try Fixtures.card("reordered.txt")
        let a = parsed.article
        #expect(parsed.warnings.isEmpty)
        #expect(a.source == "Financial Times")
        #expect(a.title == "TSMC Halts Advanced Node Orders From Chinese AI Designers")
        #expect(a.timeline.map(\.date.text) == ["2024-10", "2024-11", "2026-02"])
        #expect(a.timeline.last?.text == "TSMC extends the halt to all AI designers headquartered in China.")
        #expect(a.takeaways.count == 2)
        #expect(a.takeaways.first == "TSMC will require US approval for any Chinese AI accelerator design at 16nm or below.")
        #expect(a.tldr.whatChanged == "TSMC paused new advanced-node orders from Chinese AI chip designers.")
        #expect(a.tldr.whoShouldCare == "Hardware Startups & Investors")
        #expect(a.implications == [
            Implication(
                headline: "SMIC's advanced capacity will be oversubscribed through 2027.",
                detail: "Chinese designers have few alternatives once TSMC and Samsung refuse their orders.")
        ])
    }

    @Test func chineseIsKeptExactly() throws {
        let a = try Fixtures.card("chinese.txt").article
        #expect(a.source == "财新")
        #expect(a.title == "华为与中芯国际加速国产AI芯片量产")
        #expect(a.summary == "美国出口管制收紧后，华为昇腾芯片依赖中芯国际7纳米工艺扩产。")
        #expect(a.tldr.whatChanged == "华为宣布昇腾910C产能翻倍，由中芯国际代工。")
        #expect(a.tldr.whoShouldCare == "芯片采购与云计算团队")
        #expect(a.takeaways == [
            "华为计划在2026年出货超过六十万颗昇腾芯片。",
            "中芯国际的先进制程产能仍受ASML设备限制。",
            "英伟达在华数据中心收入占比已降至个位数。",
        ])
        #expect(a.implications == [Implication(headline: "国产AI芯片生态将加速成熟。", detail: "更多互联网公司将把训练任务迁移到昇腾平台。")])
        #expect(a.timeline.map(\.date.text) == ["2024-10", "2025-04", "2026-01"])
        #expect(a.timeline.last?.text == "华为与中芯国际宣布扩大昇腾芯片产能。")
    }

    @Test func thaiIsKeptExactly() throws {
        let a = try Fixtures.card("thai.txt").article
        #expect(a.source == "Bangkok Post")
        #expect(a.title == "Thailand Courts AI Data Centers as US Chip Rules Tighten")
        #expect(a.summary == "ไทยเร่งดึงการลงทุนศูนย์ข้อมูล AI ท่ามกลางมาตรการควบคุมการส่งออกชิปของสหรัฐฯ")
        #expect(a.tldr.whoShouldCare == "ผู้ให้บริการศูนย์ข้อมูล")
        #expect(a.takeaways == [
            "ตลาดโลกจับตาการลงทุนในภาษาไทยและภูมิภาคอาเซียน",
            "โก เป็นคำที่พบบ่อยในชื่อแบรนด์ไทย และต้องไม่ถูกแก้ไข",
            "BOI approved three hyperscale projects worth 90 billion baht in 2026.",
        ])
        #expect(a.implications.first?.headline == "ศูนย์ข้อมูลในไทยจะต้องตรวจสอบลูกค้าเข้มงวดขึ้น")
        #expect(a.timeline.last?.text == "คณะกรรมการส่งเสริมการลงทุนอนุมัติโครงการศูนย์ข้อมูล AI สามโครงการ")
    }

    @Test func accentsAreKeptExactly() throws {
        let a = try Fixtures.card("accents.txt").article
        #expect(a.source == "Le Monde")
        #expect(a.title == "Bruxelles et Zürich coordonnent le contrôle des exportations de puces IA")
        #expect(a.tldr.whoShouldCare == "Équipes conformité & export")
        #expect(a.takeaways.count == 3)
        #expect(a.takeaways.last == "L'Espagne, représentée par la ministra Núñez, a demandé une période de transition.")
        #expect(a.implications.isEmpty)
        #expect(a.timeline.first?.text == "Les États-Unis durcissent le contrôle des exportations de puces d'IA avancées vers la Chine.")
    }

    @Test func multilineFieldsAreJoined() throws {
        let parsed = try Fixtures.card("multiline.txt")
        let a = parsed.article
        #expect(parsed.warnings.isEmpty)
        #expect(a.source == "Nikkei Asia")
        #expect(a.title == "Japan Joins US Curbs on Chip Equipment Servicing in China")
        #expect(a.summary == "Tokyo adds maintenance of advanced lithography and etching tools to its export-control list, following the Netherlands.")
        #expect(a.tldr.whatChanged == "Japan's trade ministry requires licences for servicing Tokyo Electron and Nikon tools installed at Chinese fabs.")
        #expect(a.tldr.whyItMatters == "SMIC and Hua Hong depend on Japanese vendors for etching and deposition maintenance.")
        #expect(a.tldr.whatToDoNext == "Check service agreements for clauses covering regulatory suspension.")
        #expect(a.tldr.whoShouldCare == "Fab Operations & Procurement")
        #expect(a.takeaways == [
            "The rule covers about two dozen tool categories, including EUV-adjacent inspection systems.",
            "Tokyo Electron expects limited revenue impact because it had already reduced its China service footprint.",
            "Nikon said it would comply fully.",
        ])
        #expect(a.implications == [
            Implication(
                headline: "Chinese fabs will rely more on domestic service engineers.",
                detail: "Reverse-engineered parts and local technicians will become a growth market inside China."),
            Implication(
                headline: "Yields at older SMIC lines may fall.",
                detail: "Without vendor maintenance, tool uptime is expected to degrade over the next 12 months."),
        ])
        #expect(a.timeline.map(\.text) == [
            "The US expands export controls on advanced AI chips and tightens thresholds for China.",
            "Japan adds servicing of advanced chip tools to its export-control list.",
        ])
    }

    @Test func mojibakePunctuationIsRepairedInFields() throws {
        let a = try Fixtures.card("register-mojibake.txt").article
        #expect(a.source == "The Register")
        #expect(a.title == "Nvidia’s China Revenue Falls After H20 Licence Rule")
        #expect(a.summary == "Nvidia says it can’t ship H20 accelerators to China without a licence — and none has been granted.")
        #expect(a.tldr.whatToDoNext == "Buyers relying on H20 supply should plan for alternatives… or domestic chips from Huawei.")
        #expect(a.takeaways.count == 2)
        #expect(a.timeline.first?.text == "US expands export controls on advanced AI chips — stricter thresholds apply to China.")
    }

    // MARK: Line ends and BOM

    @Test func crlfCrAndBomMatchTheirLFVersions() throws {
        let crlf = try Fixtures.bytes("cards/crlf.txt")
        #expect(try Fixtures.card("crlf.txt") == parser.parse(TextDecoding.decode(crlf.filter { $0 != 0x0D })))
        let cr = try Fixtures.bytes("cards/cr-only.txt")
        #expect(try Fixtures.card("cr-only.txt") == parser.parse(TextDecoding.decode(cr.map { $0 == 0x0D ? 0x0A : $0 })))
        let bom = try Fixtures.bytes("cards/bom.txt")
        #expect(try Fixtures.card("bom.txt") == parser.parse(TextDecoding.decode(Array(bom.dropFirst(3)))))
        // and the sample parses the same with CRLF line ends
        let sample = try Fixtures.bytes("cards/ars-technica-mojibake.txt")
        let sampleCRLF = sample.flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] }
        #expect(try parser.parse(TextDecoding.decode(sampleCRLF)) == Fixtures.card("ars-technica-mojibake.txt"))
    }

    @Test func lineEndVariantsParse() throws {
        let crlf = try Fixtures.card("crlf.txt").article
        #expect(crlf.source == "Reuters")  // a bare source line
        #expect(crlf.title == "US Weighs Cloud Access Limits for Chinese AI Developers")
        #expect(crlf.takeaways.count == 3)
        #expect(crlf.timeline.count == 2)
        let cr = try Fixtures.card("cr-only.txt").article
        #expect(cr.source == "Bloomberg")
        #expect(cr.title == "SMIC Reports Record Revenue as China Buys Domestic AI Chips")
        #expect(cr.takeaways.last == "Management warned that equipment restrictions from ASML and Tokyo Electron cap further growth.")
        let bom = try Fixtures.card("bom.txt").article
        #expect(bom.source == "Politico Europe")
        #expect(bom.title == "EU Drafts Its Own Entity List for AI Chips")
        #expect(bom.implications.count == 1)
        #expect(bom.timeline.last?.text == "The European Commission proposes an EU entity list for AI chips.")
    }

    // MARK: Dates

    @Test func oddDatesAreKeptAsWritten() throws {
        let parsed = try Fixtures.card("odd-dates.txt")
        let t = parsed.article.timeline
        #expect(t.map(\.date.text) == [
            "2023-10", "early 2024", "2024-10", "March 2025", "Mar 2025", "5 March 2025", "March 5, 2025",
            "Q3 2025", "2025-Q3", "2025-11", "2026-01-15",
        ])
        #expect(t.first?.text == "BIS updates its advanced computing rule, closing the A800 and H800 workaround.")
        #expect(t[2].text == "US expands export controls on advanced AI chips, adding tougher thresholds for China.")
        #expect(t[9].text == "Commerce adds more Chinese AI research institutes to the Entity List.")
        #expect(t.last?.text == "The Dutch government extends ASML servicing restrictions.")
        #expect(t[0].date.normalized == "2023-10" && t[0].date.precision == .month)
        #expect(t[10].date.normalized == "2026-01-15" && t[10].date.precision == .day)
        #expect(t[10].date.start == Day(year: 2026, month: 1, day: 15) && t[10].date.end == t[10].date.start)

        // "early 2024" is a vague date: the first third of the year, and no warning.
        #expect(t[1].date.precision == .third && t[1].date.normalized == "2024-T1")
        #expect(t[1].date.start == Day(year: 2024, month: 1, day: 1) && t[1].date.end == Day(year: 2024, month: 4, day: 30))
        #expect(!parsed.warnings.contains { $0.contains("early 2024") })
        // Whatever PartialDate can read, exactly the unread dates warn.
        for (n, entry) in zip(1..., t) {
            let warned = parsed.warnings.contains { $0.hasPrefix("timeline entry \(n): date '\(entry.date.text)'") }
            #expect(warned == (entry.date.precision == .unknown), "entry \(n) \(entry.date.text)")
        }
    }

    @Test func oneLineTimelineForms() throws {
        let card = """
            Reuters
            A title
            Timeline
            2024-10: Colon form.
            2025-05 — Em dash form.
            2025-06 - Hyphen form.
            2025-07 – En dash form.
            - 2026-02: Bulleted form
            that continues here.
            """
        let t = try parser.parse(card).article.timeline
        #expect(t.map(\.date.text) == ["2024-10", "2025-05", "2025-06", "2025-07", "2026-02"])
        #expect(t.map(\.text) == ["Colon form.", "Em dash form.", "Hyphen form.", "En dash form.", "Bulleted form that continues here."])
    }

    @Test func timelineOddities() throws {
        let card = """
            Reuters
            A title
            Timeline
            An undated line first.
            2025-01
            2025-02
            Text for February.
            autumn 2025
            """
        let parsed = try parser.parse(card)
        let t = parsed.article.timeline
        #expect(t.map(\.date.text) == ["", "2025-01", "2025-02", "autumn 2025"])
        #expect(t.map(\.text) == ["An undated line first.", "", "Text for February.", ""])
        #expect(parsed.warnings.contains("timeline entry 1: no date; kept with an unknown date"))
        #expect(parsed.warnings.contains("timeline entry 2: date '2025-01' has no event text"))
        #expect(parsed.warnings.contains("timeline entry 4: date 'autumn 2025' is not a recognized date; kept as written"))
    }

    // MARK: Headings, takeaways, implications

    @Test func headingsMatchLoosely() throws {
        let card = """
            ⚙️  Reuters  •  Fresh collected in 2h
            \tA title\t
            💡 The summary.
            ⚡ 30 second tl;dr:
            WHAT CHANGED:
            Something changed.
            why it matters: Inline text.
            Who should care : Everyone
            KEY TAKEAWAYS:
            * First.
            * Second.
            🔮 future implications
            Headline one.
            Detail one.
            Orphan headline.
            TIMELINE
            2024-10
            Event.
            Timeline for the rule is unclear.
            """
        let parsed = try parser.parse(card)
        let a = parsed.article
        #expect(a.source == "Reuters")
        #expect(a.title == "A title")
        #expect(a.summary == "The summary.")
        #expect(a.tldr == TLDR(whatChanged: "Something changed.", whyItMatters: "Inline text.", whoShouldCare: "Everyone"))
        #expect(a.takeaways == ["First.", "Second."])
        #expect(a.implications == [
            Implication(headline: "Headline one.", detail: "Detail one."),
            Implication(headline: "Orphan headline.", detail: ""),
        ])
        #expect(parsed.warnings.contains { $0.hasPrefix("implication 2:") })
        // a heading word that starts a sentence is text
        #expect(a.timeline.map(\.text) == ["Event. Timeline for the rule is unclear."])
    }

    @Test func takeawayBulletsAndPlainLines() throws {
        let bullets = """
            Reuters
            Title
            Key Takeaways
            • One,
            continued.
            - •Two
            1. Three
            -Four is not a bullet
            """
        #expect(try parser.parse(bullets).article.takeaways == ["One, continued.", "Two", "Three -Four is not a bullet"])

        let plain = """
            Reuters
            Title
            Key Takeaways
            First plain line.
            Second plain line.
            """
        #expect(try parser.parse(plain).article.takeaways == ["First plain line.", "Second plain line."])

        let paragraphs = """
            Reuters
            Title
            Key Takeaways
            First paragraph
            on two lines.

            Second paragraph.
            """
        #expect(try parser.parse(paragraphs).article.takeaways == ["First paragraph on two lines.", "Second paragraph."])
    }

    @Test func promoAndFooterAreDroppedEverywhere() throws {
        let card = """
            Reuters | Freshcollected in 3h
            Title
            Timeline
            2024-10
            Event.
            📰
            Weekly AI Recap
            Read this week's curated digest of top AI events →
            🔗Related Updates
            Some related headline
            AI-curated news aggregator. All content rights belong to original publishers.
            Original source: Somebody Else →
            """
        let a = try parser.parse(card).article
        #expect(a.source == "Reuters")  // line 1 wins over the footer
        #expect(a.timeline.map(\.text) == ["Event."])
        #expect(a.allTexts.allSatisfy { !$0.contains("related") && !$0.contains("Somebody") })
    }

    @Test func sourceFromTheFooterWhenLineOneHasNone() throws {
        let card = """
            US Accuses China of Industrial-Scale AI Theft
            US-China AI theft row risks sanctions.
            Timeline
            2024-10
            Event.
            Original source: Ars Technica →
            """
        let a = try parser.parse(card).article
        #expect(a.source == "Ars Technica")
        #expect(a.title == "US Accuses China of Industrial-Scale AI Theft")
        #expect(a.summary == "US-China AI theft row risks sanctions.")

        // a short first line that contradicts the footer is the title, not the source
        let short = """
            Nvidia Halts China Sales
            Timeline
            2024-10
            Event.
            Original source: The Verge
            """
        let b = try parser.parse(short).article
        #expect(b.source == "The Verge")
        #expect(b.title == "Nvidia Halts China Sales")
        #expect(b.summary == nil)
    }

    @Test func whoShouldCareMayWrapAndSpacesCollapse() throws {
        let card = "Reuters\nTitle\nTL;DR\nWhat Changed\n\u{A0}Rules\u{A0}\u{A0}changed\t\ttoday. \nWho should care:\nChip  designers\n"
        let tldr = try parser.parse(card).article.tldr
        #expect(tldr == TLDR(whatChanged: "Rules changed today.", whoShouldCare: "Chip designers"))
    }

    @Test func insightDropsItsBoilerplateOnly() throws {
        let card = """
            Reuters
            Title
            🧠 Deep Insight
            AI-generated analysis for this event.
            First line of insight,
            second line.
            """
        #expect(try parser.parse(card).article.insight == "First line of insight, second line.")
    }

    // MARK: Rejections

    @Test func badFixturesAreRejected() throws {
        #expect(throws: IngestError.noTitle) { try self.parser.parse(Fixtures.text("bad/no-title.txt")) }
        #expect(throws: IngestError.noSource) { try self.parser.parse(Fixtures.text("bad/not-a-card.txt")) }
        #expect(throws: IngestError.empty) { try self.parser.parse(Fixtures.text("bad/empty.txt")) }
        #expect(throws: IngestError.empty) { try self.parser.parse(Fixtures.text("bad/whitespace.txt")) }
        #expect(throws: IngestError.binary) { try self.parser.parse(Fixtures.text("bad/binary.bin")) }
        #expect(throws: IngestError.invalidUTF8(offset: 42)) { try self.parser.parse(Fixtures.text("bad/invalid-utf8.txt")) }
    }

    @Test func cardsWithoutContentAreRejected() {
        // title and summary only
        #expect(throws: IngestError.noSections) {
            try self.parser.parse("⚙️Reuters•Freshcollected in 2h\nA title\n💡A summary.\n")
        }
        // headings with nothing under them, or only boilerplate
        #expect(throws: IngestError.noSections) {
            try self.parser.parse("Reuters\nA title\n⚡ 30-Second TL;DR\n🧠 Deep Insight\nAI-generated analysis for this event.\n📰\nWeekly AI Recap\n")
        }
        // a source line and a summary but no title
        #expect(throws: IngestError.noTitle) {
            try self.parser.parse("⚙️Reuters•Freshcollected in 2h\n💡A summary.\n⏳ Timeline\n2024-10\nEvent.\n")
        }
        // no source anywhere
        #expect(throws: IngestError.noSource) {
            try self.parser.parse("A long title that reads like a sentence about chips.\nTimeline\n2024-10\nEvent.\n")
        }
        #expect(throws: IngestError.noSource) { try self.parser.parse("•Freshcollected in 2h\nTitle\nTimeline\n2024-10\nEvent.") }
        #expect(throws: IngestError.noTitle) { try self.parser.parse("Reuters") }
    }
}
