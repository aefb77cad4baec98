/// Repairs cards whose UTF-8 symbols were once decoded as TIS-620 (Thai) and saved again.
///
/// ## What the damage looks like
///
/// TIS-620 maps byte 0xA1…0xFB to U+0E01…U+0E5B (U+0E00 + byte − 0xA0) and has no
/// character for 0x80…0xA0, so those bytes were lost. Each UTF-8 sequence of an emoji or
/// symbol therefore survives as a *skeleton*: its lead byte as a Thai character, followed
/// by only those continuation bytes that were ≥ 0xA1, as characters in U+0E01…U+0E1F.
///
/// | original | bytes | residue |
/// |---|---|---|
/// | ⚡ | E2 9A A1 | โก |
/// | 💡 | F0 9F 92 A1 | ๐ก |
/// | • | E2 80 A2 | โข |
/// | ⏳ | E2 8F B3 | โณ |
/// | → ’ — | E2 86 92, E2 80 99, E2 80 94 | โ |
/// | ⚙️ | E2 9A 99 EF B8 8F | โ๏ธ |
///
/// ## The rule
///
/// A *residue run* is a maximal run of characters in the Thai block (U+0E00…U+0E7F) that
/// segments completely into skeletons. A skeleton is a lead character followed by at most
/// (sequence length − 1) continuation characters from U+0E01…U+0E1F. The leads accepted are:
///
/// - `๐` U+0E50 = F0, the 4-byte lead of every emoji in U+1F000…U+1FAFF;
/// - `โ` U+0E42 = E2, the 3-byte lead of punctuation, arrows and symbols (• ’ — → ⚡ ⏳ ⚙);
/// - `๏` U+0E4F = EF, the 3-byte lead of variation selector 16 (the "️" after ⚙).
///
/// Other leads are refused on purpose: C2…DF and E0…EE, F1…F4 land on ordinary Thai
/// letters and vowels (ย ร ล ว … เ แ ใ ไ), so accepting them would eat real Thai words,
/// while the symbols they would stand for (©, °, CJK punctuation) do not occur as markers
/// in these cards. Since lead and continuation characters are disjoint, segmentation is
/// unambiguous: every lead opens a skeleton, and the run fails as soon as it starts with a
/// continuation, holds too many of them, or holds any other Thai character (so "โลก",
/// "ภาษาไทย" are never residue).
///
/// Residue glued to real Thai letters ("โขข่าว") forms one run that does not segment, so it
/// is left as is: real Thai is never eaten to repair a marker.
///
/// Short real Thai words can still *look like* residue ("โก" is a word and also ⚡), so the
/// repair runs only when the document shows evidence of this very mojibake
/// (``hasEvidence(_:)``); a card with real Thai and real emoji is left untouched.
///
/// Evidence is any one of:
/// 1. a line that starts with a residue run followed by a card section heading
///    ("โก 30-Second TL;DR", "๐ฎ Future Implications", "โณ Timeline", "๐Related Updates"…);
/// 2. the first non-blank line (the source line) holding a residue run glued to a Latin
///    letter or digit ("โ๏ธArs TechnicaโขFresh…");
/// 3. a bullet line "- " whose text starts with the residue "โข" (a mangled "- •").
///
/// With evidence, each residue run is replaced skeleton by skeleton:
/// - "โข" (E2 ?? A2) → "•" and "โฆ" (E2 ?? A6) → "…", by far the commonest of their kind;
/// - a run that is just "โ" (E2 ?? ??, both continuations lost) becomes "’" between two
///   letters ("donโt" → "don’t"), "—" between spaces inside a sentence ("US โ China" →
///   "US — China"), and is otherwise removed (e.g. the "→" that ends a link line);
/// - anything else (emoji markers, VS16) is removed; a removal at the start of a line drops
///   the spaces after it, one between two spaces leaves a single space, and one at the end
///   of a line drops the spaces before it.
///
/// Text without any Thai-block character is returned as is after one byte scan; the
/// repair itself works on UTF-8 bytes, never on `Character`s.
public enum MojibakeRepair {
    /// Repairs `text` when it shows evidence of TIS-620 mojibake; otherwise returns it unchanged.
    public static func repair(_ text: String) -> String {
        var copy = text
        let repaired: String? = copy.withUTF8 { b in
            guard containsThaiBlock(b[...]), hasEvidence(b) else { return nil }
            return repairResidue(b)
        }
        return repaired ?? text
    }

    /// Whether `text` shows evidence of TIS-620 mojibake (see the type's rule).
    public static func hasEvidence(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { b in containsThaiBlock(b[...]) && hasEvidence(b) }
    }

    /// Whether `run` (Thai-block characters only) segments completely into skeletons.
    public static func isResidue<S: Sequence>(_ run: S) -> Bool where S.Element == Unicode.Scalar {
        classify(run.map(\.value)) != nil
    }

    /// Replaces every residue run in `text`, without looking for evidence first.
    /// Callers that have not established evidence should use ``repair(_:)``.
    public static func repairResidue(in text: String) -> String {
        var copy = text
        return copy.withUTF8 { repairResidue($0) }
    }

    // MARK: - Residue

    /// What a residue run becomes.
    enum Replacement: Equatable {
        /// Fixed text, e.g. "•" for "โข".
        case text([UInt8])
        /// A lone "โ": ’ or — or nothing, depending on its neighbours.
        case loneE2
        /// Nothing: an emoji marker or a variation selector.
        case remove
    }

    static let bullet: [UInt8] = [0xE2, 0x80, 0xA2]  // •
    static let ellipsis: [UInt8] = [0xE2, 0x80, 0xA6]  // …
    static let apostrophe: [UInt8] = [0xE2, 0x80, 0x99]  // ’
    static let emDash: [UInt8] = [0xE2, 0x80, 0x94]  // —

    /// The replacement for a run of Thai-block scalar values, or nil when it does not
    /// segment completely into skeletons.
    static func classify(_ run: [UInt32]) -> Replacement? {
        guard !run.isEmpty else { return nil }
        var out: [UInt8] = []
        var lead: UInt32 = 0
        var first: UInt32 = 0  // first continuation of the current skeleton, 0 if none
        var count = 0
        var allowed = 0
        func flush() {
            guard count == 2, lead == 0x0E42 else { return }
            if first == 0x0E02 { out += bullet }  // E2 ?? A2
            if first == 0x0E06 { out += ellipsis }  // E2 ?? A6
        }
        for v in run {
            if let length = sequenceLength(lead: v) {
                flush()
                lead = v
                first = 0
                count = 1
                allowed = length - 1
            } else if (0x0E01...0x0E1F).contains(v), allowed > 0 {
                if count == 1 { first = v }
                count += 1
                allowed -= 1
            } else {
                return nil
            }
        }
        flush()
        if run == [0x0E42] { return .loneE2 }
        return out.isEmpty ? .remove : .text(out)
    }

    /// The UTF-8 length announced by an accepted lead: ๐ = F0, โ = E2, ๏ = EF.
    static func sequenceLength(lead v: UInt32) -> Int? {
        switch v {
        case 0x0E50: return 4
        case 0x0E42, 0x0E4F: return 3
        default: return nil
        }
    }

    // MARK: - Bytes

    typealias Bytes = UnsafeBufferPointer<UInt8>

    /// Whether the bytes hold a character of U+0E00…U+0E7F (E0 B8 xx or E0 B9 xx).
    static func containsThaiBlock(_ b: Slice<Bytes>) -> Bool {
        var i = b.startIndex
        let end = b.endIndex
        while i + 1 < end {
            if b[i] == 0xE0, b[i + 1] == 0xB8 || b[i + 1] == 0xB9 { return true }
            i += 1
        }
        return false
    }

    /// The Thai-block scalar value at `i`, if one starts there.
    @inline(__always)
    static func thai(_ b: Bytes, _ i: Int, _ end: Int) -> UInt32? {
        guard i + 3 <= end, b[i] == 0xE0 else { return nil }
        let second = b[i + 1]
        guard second == 0xB8 || second == 0xB9, b[i + 2] & 0xC0 == 0x80 else { return nil }
        return 0x0E00 + (second == 0xB9 ? 0x40 : 0) + UInt32(b[i + 2] & 0x3F)
    }

    /// The maximal run of Thai-block scalars starting at `i`: its values and end.
    static func run(_ b: Bytes, from i: Int, to end: Int, into values: inout [UInt32]) -> Int {
        values.removeAll(keepingCapacity: true)
        var k = i
        while let v = thai(b, k, end) {
            values.append(v)
            k += 3
        }
        return k
    }

    /// The scalar that starts at `i` (valid UTF-8 assumed).
    static func scalar(_ b: Bytes, at i: Int) -> Unicode.Scalar? {
        UTF8Bytes.scalar(in: b, at: i)
    }

    /// The scalar that ends just before `i`.
    static func scalar(_ b: Bytes, before i: Int) -> Unicode.Scalar? {
        guard i > 0 else { return nil }
        return scalar(b, at: UTF8Bytes.scalarStart(in: b, before: i, from: 0))
    }

    static func isHorizontalSpace(_ c: Unicode.Scalar?) -> Bool {
        c == " " || c == "\t" || c == "\u{A0}"
    }

    static func isLetter(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        return c.isASCII ? UTF8Bytes.isASCIIAlphanumeric(UInt8(c.value)) && c.value > 0x39 : c.properties.isAlphabetic
    }

    /// Card headings whose mangled emoji marker counts as evidence, as lowercase letters and digits.
    static let headingKeys: [[UInt8]] = ParserVocabulary.cardHeadings.filter(\.marked).map(\.key)

    /// Whether the bytes from `i` (after optional spaces and punctuation) start with a heading.
    static func startsWithHeading(_ b: Bytes, from i: Int, to end: Int) -> Bool {
        var key: [UInt8] = []
        key.reserveCapacity(20)
        var k = i
        while k < end, key.count < 20 {
            let c = b[k]
            if c >= 0x80 { break }
            if UTF8Bytes.isASCIIAlphanumeric(c) { key.append(UTF8Bytes.lowercased(c)) }
            k += 1
        }
        return headingKeys.contains { key.starts(with: $0) }
    }

    static func hasEvidence(_ b: Bytes) -> Bool {
        let n = b.count
        var values: [UInt32] = []
        var lineStart = 0
        var sawFirstLine = false
        while lineStart < n {
            var lineEnd = lineStart
            while lineEnd < n, b[lineEnd] != 0x0A { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            var s = lineStart
            while s < lineEnd, b[s] == 0x20 || b[s] == 0x09 { s += 1 }
            if s == lineEnd { continue }
            let isFirstLine = !sawFirstLine
            sawFirstLine = true
            guard containsThaiBlock(b[s..<lineEnd]) else { continue }

            // 1. residue, then a section heading
            if thai(b, s, lineEnd) != nil {
                let e = run(b, from: s, to: lineEnd, into: &values)
                if classify(values) != nil, startsWithHeading(b, from: e, to: lineEnd) { return true }
            }
            // 2. the source line: residue glued to a Latin letter or digit
            if isFirstLine {
                var i = s
                while i < lineEnd {
                    guard thai(b, i, lineEnd) != nil else { i += 1; continue }
                    let e = run(b, from: i, to: lineEnd, into: &values)
                    if classify(values) != nil,
                        (i > lineStart && UTF8Bytes.isASCIIAlphanumeric(b[i - 1])) || (e < lineEnd && UTF8Bytes.isASCIIAlphanumeric(b[e]))
                    {
                        return true
                    }
                    i = e
                }
            }
            // 3. a mangled "- •" bullet: "-", spaces, "โข" not followed by more Thai
            if b[s] == UInt8(ascii: "-") {
                var t = s + 1
                while t < lineEnd, b[t] == 0x20 || b[t] == 0x09 { t += 1 }
                if thai(b, t, lineEnd) == 0x0E42, thai(b, t + 3, lineEnd) == 0x0E02, thai(b, t + 6, lineEnd) == nil {
                    return true
                }
            }
        }
        return false
    }

    static func repairResidue(_ b: Bytes) -> String {
        let n = b.count
        var out: [UInt8] = []
        out.reserveCapacity(n)
        var values: [UInt32] = []
        var i = 0
        while i < n {
            // Copy up to the next Thai-block character in one go.
            var next = i
            while next < n, !(b[next] == 0xE0 && next + 1 < n && (b[next + 1] == 0xB8 || b[next + 1] == 0xB9)) { next += 1 }
            if next > i {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<next]))
                i = next
                continue
            }
            guard thai(b, i, n) != nil else {
                out.append(b[i])
                i += 1
                continue
            }
            let start = i
            i = run(b, from: start, to: n, into: &values)
            var replacement: [UInt8] = []
            switch classify(values) {
            case nil:
                out.append(contentsOf: b[start..<i])
                continue
            case .text(let text):
                replacement = text
            case .loneE2:
                let before = scalar(b, before: start)
                let after = scalar(b, at: i)
                if isLetter(before), isLetter(after) {
                    replacement = apostrophe
                } else if isHorizontalSpace(before), isHorizontalSpace(after), hasText(b, before: start), hasText(b, after: i) {
                    replacement = emDash
                }
            case .remove:
                break
            }
            if !replacement.isEmpty {
                out += replacement
                continue
            }
            // Removed: tidy the spacing around the hole.
            if out.last == 0x20 || out.last == 0x09 || lineIsBlank(out) {
                while i < n, b[i] == 0x20 || b[i] == 0x09 { i += 1 }
            }
            if i == n || b[i] == 0x0A {
                while out.last == 0x20 || out.last == 0x09 { out.removeLast() }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func hasText(_ b: Bytes, before i: Int) -> Bool {
        var k = i - 1
        while k >= 0, b[k] != 0x0A {
            if b[k] != 0x20, b[k] != 0x09, b[k] != 0xA0, b[k] != 0xC2 { return true }
            k -= 1
        }
        return false
    }

    static func hasText(_ b: Bytes, after i: Int) -> Bool {
        var k = i
        while k < b.count, b[k] != 0x0A {
            if b[k] != 0x20, b[k] != 0x09, b[k] != 0xA0, b[k] != 0xC2 { return true }
            k += 1
        }
        return false
    }

    /// Whether the output's current line holds only spaces and tabs so far.
    static func lineIsBlank(_ out: [UInt8]) -> Bool {
        for c in out.reversed() {
            if c == 0x0A { return true }
            if c != 0x20, c != 0x09 { return false }
        }
        return true
    }
}
