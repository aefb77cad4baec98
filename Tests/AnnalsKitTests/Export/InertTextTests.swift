import Testing

@testable import AnnalsKit

/// What a terminal would act on is written out, in the one `\u{HEX}` form; the rest is untouched.
@Suite struct InertTextTests {
    @Test func escapeSequencesBellsAndBidiOverridesAreWrittenOut() {
        #expect(InertText.escape("\u{1B}[2Jcleared") == #"\u{1B}[2Jcleared"#)
        #expect(InertText.escape("\u{1B}]8;;https://evil.example/\u{07}link\u{1B}]8;;\u{07}")
            == #"\u{1B}]8;;https://evil.example/\u{7}link\u{1B}]8;;\u{7}"#)
        #expect(InertText.escape("C1 CSI \u{9B}31m, DEL \u{7F}, NUL \u{0}, CR \r") == #"C1 CSI \u{9B}31m, DEL \u{7F}, NUL \u{0}, CR \u{D}"#)
        #expect(InertText.escape("\u{202E}exe.txt \u{2066}isolated\u{2069} \u{202A}") == #"\u{202E}exe.txt \u{2066}isolated\u{2069} \u{202A}"#)
    }

    @Test func lineFeedsAndTabsAreKeptInPlainTextOnly() {
        #expect(InertText.escape("a\tb\nc") == "a\tb\nc")
        #expect(InertText.escape("a\tb\nc", keepingLineBreaks: false) == #"a\u{9}b\u{A}c"#)
    }

    @Test func ordinaryTextIsUntouched() {
        for text in ["", "US Accuses China of Industrial-Scale AI Theft", "华为 · Zürich — “quoted” 🇺🇸", #"a \ backslash"#, "עברית العربية"] {
            #expect(InertText.escape(text) == text)
        }
    }
}
