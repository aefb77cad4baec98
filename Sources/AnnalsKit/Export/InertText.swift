/// Text made safe to show on a terminal: every character a terminal would act on rather
/// than print is written out visibly instead.
///
/// Anything from a card or a feed ends up in tables and messages, and a terminal obeys
/// what it is sent: `ESC[2J` clears the screen, an OSC 8 sequence shows a link under
/// other text, BEL rings, a bidi override makes text read backwards. Tables, `annals show`
/// and every message pass their text through here, so none of that reaches the terminal;
/// CSV, JSON and files keep the exact text.
///
/// Escaped, as `\u{HEX}` (Swift's own notation: ESC is `\u{1B}`, BEL `\u{7}`):
/// - C0 controls U+0000–U+001F, except line feed and tab where the layout keeps them;
/// - DEL U+007F and the C1 controls U+0080–U+009F (U+009B is a one-byte CSI);
/// - the bidi embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069.
///
/// A backslash is left as it is, so `\u{1B}` written in a title reads the same as an
/// escaped ESC; it is inert either way.
public enum InertText {
    /// `text` with every character a terminal would act on written as `\u{HEX}`; line feeds
    /// and tabs are kept when `keepingLineBreaks` (plain text), escaped otherwise.
    public static func escape(_ text: String, keepingLineBreaks: Bool = true) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepingLineBreaks) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar, keepingLineBreaks) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether `scalar` would be acted on by a terminal rather than printed.
    public static func needsEscape(_ scalar: Unicode.Scalar, _ keepingLineBreaks: Bool = true) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return !keepingLineBreaks
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
