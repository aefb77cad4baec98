import Testing

@testable import AnnalsKit

@Suite struct MojibakeRepairTests {
    private func isThai(_ c: Unicode.Scalar) -> Bool { (0x0E00...0x0E7F).contains(c.value) }

    @Test(arguments: ["โก", "๐ก", "โข", "โณ", "โ", "โ๏ธ", "๐", "๐ง", "๐ฎ", "๐ฐ", "๏ธ", "๐กโข"])
    func recognizesSkeletons(_ run: String) {
        #expect(MojibakeRepair.isResidue(run.unicodeScalars))
    }

    @Test(arguments: ["โลก", "ภาษาไทย", "ก", "ไทย", "๐กกกก", "โกกก", "เก", "", "abc"])
    func refusesWhatIsNotASkeleton(_ run: String) {
        #expect(!MojibakeRepair.isResidue(run.unicodeScalars))
    }

    @Test func repairsPunctuation() {
        #expect(MojibakeRepair.repairResidue(in: "donโt stop") == "don’t stop")
        #expect(MojibakeRepair.repairResidue(in: "US โ China talks") == "US — China talks")
        #expect(MojibakeRepair.repairResidue(in: "- โขThe US") == "- •The US")
        #expect(MojibakeRepair.repairResidue(in: "Ars TechnicaโขFresh") == "Ars Technica•Fresh")
        #expect(MojibakeRepair.repairResidue(in: "wait for itโฆ") == "wait for it…")
    }

    @Test func removesMarkersAndTidiesSpacing() {
        #expect(MojibakeRepair.repairResidue(in: "๐กUS-China row") == "US-China row")
        #expect(MojibakeRepair.repairResidue(in: "โก 30-Second TL;DR") == "30-Second TL;DR")
        #expect(MojibakeRepair.repairResidue(in: "โ๏ธArs Technica") == "Ars Technica")
        #expect(MojibakeRepair.repairResidue(in: "top AI events โ\nnext") == "top AI events\nnext")
        #expect(MojibakeRepair.repairResidue(in: "Original source: Ars Technica โ") == "Original source: Ars Technica")
        #expect(MojibakeRepair.repairResidue(in: "a ๐ b") == "a b")
        #expect(MojibakeRepair.repairResidue(in: "๐ฐ\nWeekly AI Recap") == "\nWeekly AI Recap")
        #expect(MojibakeRepair.repairResidue(in: "  ๐ฎ Future") == "  Future")
    }

    @Test func leavesNonResidueThaiAloneEvenWithEvidence() {
        #expect(MojibakeRepair.repairResidue(in: "โลก ภาษาไทย") == "โลก ภาษาไทย")
        let mixed = "โก 30-Second TL;DR\nภาษาไทย โลก, 华为 Zürich\n- โข ข่าว\n- โขข่าว"
        // residue glued to real Thai forms one run that does not segment: left as is
        #expect(MojibakeRepair.repair(mixed) == "30-Second TL;DR\nภาษาไทย โลก, 华为 Zürich\n- • ข่าว\n- โขข่าว")
    }

    @Test func findsEvidence() {
        #expect(MojibakeRepair.hasEvidence("โก 30-Second TL;DR"))
        #expect(MojibakeRepair.hasEvidence("Reuters\nTitle\nโณ Timeline"))
        #expect(MojibakeRepair.hasEvidence("๐ฎ Future ImplicationsAI analysis grounded in cited sources"))
        #expect(MojibakeRepair.hasEvidence("๐Related Updates"))
        #expect(MojibakeRepair.hasEvidence("\n\nโ๏ธArs TechnicaโขFreshcollected in 47m\nTitle"))
        #expect(MojibakeRepair.hasEvidence("Reuters\nTitle\n- โขA takeaway"))
    }

    @Test func noEvidenceNoChange() {
        let texts = [
            "โลก ภาษาไทย โก",
            "ผมชอบ โก มาก\n⏳ Timeline\n2024-10\nโก",
            "โก ไปตลาด\nTitle\n⚡ 30-Second TL;DR",  // a Thai word first, then a space: not glued
            "Title\nโก Go is a word",  // "โก" before text that is no heading
            "Reuters\n- •โก เป็นคำ",  // a real bullet before a real Thai word
            "华为 and 中芯国际, Zürich, Bruxelles é ñ",
            "plain ASCII only",
        ]
        for text in texts {
            #expect(!MojibakeRepair.hasEvidence(text), "\(text)")
            #expect(MojibakeRepair.repair(text) == text, "\(text)")
        }
    }

    @Test func repairsTheSample() throws {
        let text = try TextDecoding.decode(Fixtures.bytes("cards/ars-technica-mojibake.txt"))
        #expect(MojibakeRepair.hasEvidence(text))
        let repaired = MojibakeRepair.repair(text)
        #expect(!repaired.unicodeScalars.contains(where: isThai))
        let lines = repaired.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "Ars Technica•Freshcollected in 47m")
        #expect(lines.contains("US-China AI theft row risks sanctions, disrupting global AI supply chains for devs."))
        #expect(lines.contains("30-Second TL;DR"))
        #expect(lines.contains("Future ImplicationsAI analysis grounded in cited sources"))
        #expect(lines.contains("Timeline"))
        #expect(lines.contains("Read this week's curated digest of top AI events"))
        #expect(lines.last == "Original source: Ars Technica")
        #expect(lines.contains { $0.hasPrefix("- •The US Department of Justice") })
    }

    @Test func repairsPunctuationInACard() throws {
        let text = try TextDecoding.decode(Fixtures.bytes("cards/register-mojibake.txt"))
        let repaired = MojibakeRepair.repair(text)
        #expect(!repaired.unicodeScalars.contains(where: isThai))
        #expect(repaired.contains("Nvidia’s China Revenue Falls"))
        #expect(repaired.contains("without a licence — and none"))
        #expect(repaired.contains("alternatives… or"))
    }

    @Test func cleanFixturesAreUntouched() throws {
        for name in ["thai.txt", "chinese.txt", "accents.txt", "clean-emoji.txt", "no-markers.txt"] {
            let text = try TextDecoding.decode(Fixtures.bytes("cards/\(name)"))
            #expect(!MojibakeRepair.hasEvidence(text), "\(name)")
            #expect(MojibakeRepair.repair(text) == text, "\(name)")
        }
    }
}
