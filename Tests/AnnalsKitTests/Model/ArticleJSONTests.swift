import Foundation
import Testing

@testable import AnnalsKit

private let small = Article(
    id: 12, source: "Reuters", title: "EU fines \"Model\" maker", url: "https://example.com/a?b=1&c=2",
    publishedAt: "2026-11-20T10:00:00Z", summary: nil,
    tldr: TLDR(whatChanged: "A fine", whoShouldCare: "Labs"), insight: nil,
    takeaways: ["First", "Second"],
    implications: [Implication(headline: "More fines", detail: "Regulators gain confidence.")],
    timeline: [
        TimelineEntry(date: PartialDate(parsing: "Q3 2025"), text: "Probe opens"),
        TimelineEntry(date: PartialDate(parsing: "spring 2026"), text: "Fine announced"),
    ])

@Test func compactArticleJSONHasFixedKeyOrderAndNulls() {
    #expect(
        small.jsonString()
            == #"{"id":12,"source":"Reuters","title":"EU fines \"Model\" maker","url":"https://example.com/a?b=1&c=2","#
            + #""published_at":"2026-11-20T10:00:00Z","summary":null,"#
            + #""tldr":{"what_changed":"A fine","why_it_matters":null,"what_to_do_next":null,"who_should_care":"Labs"},"#
            + #""insight":null,"takeaways":["First","Second"],"#
            + #""implications":[{"headline":"More fines","detail":"Regulators gain confidence."}],"#
            + #""timeline":[{"date":"Q3 2025","text":"Probe opens","normalized":"2025-Q3","precision":"quarter","#
            + #""start":"2025-07-01","end":"2025-09-30"},"#
            + #"{"date":"spring 2026","text":"Fine announced","normalized":null,"precision":"unknown","start":null,"end":null}]}"#
    )
}

@Test func prettyArticleJSONIndentsByTwoSpaces() {
    let article = Article(
        source: "S", title: "T", takeaways: ["One"],
        timeline: [TimelineEntry(date: PartialDate(parsing: "2024-02"), text: "Leap month")])
    #expect(
        article.jsonString(pretty: true) == """
            {
              "id": null,
              "source": "S",
              "title": "T",
              "url": null,
              "published_at": null,
              "summary": null,
              "tldr": {
                "what_changed": null,
                "why_it_matters": null,
                "what_to_do_next": null,
                "who_should_care": null
              },
              "insight": null,
              "takeaways": [
                "One"
              ],
              "implications": [],
              "timeline": [
                {
                  "date": "2024-02",
                  "text": "Leap month",
                  "normalized": "2024-02",
                  "precision": "month",
                  "start": "2024-02-01",
                  "end": "2024-02-29"
                }
              ]
            }
            """)
}

@Test func jsonDataIsTheUTF8OfJSONString() {
    #expect(small.jsonData() == Data(small.jsonString().utf8))
    #expect(small.jsonData(pretty: true) == Data(small.jsonString(pretty: true).utf8))
}

@Test func stringsEscapeOnlyWhatJSONRequires() {
    let writer = JSONWriter()
    #expect(writer.string("say \"hi\"") == #""say \"hi\"""#)
    #expect(writer.string(#"C:\path\file"#) == #""C:\\path\\file""#)
    #expect(writer.string("a/b") == #""a/b""#)
    #expect(writer.string("one\ntwo\r\nthree\tfour") == #""one\ntwo\r\nthree\tfour""#)
    #expect(writer.string("\u{08}\u{0C}") == #""\b\f""#)
    #expect(writer.string("nul\u{00}bell\u{07}esc\u{1B}us\u{1F}del\u{7F}") == #""nul\u0000bell\u0007esc\u001bus\u001fdel\u007f""#)
    #expect(writer.string("美国扩大对华芯片出口管制") == "\"美国扩大对华芯片出口管制\"")
    #expect(writer.string("é 🧠 \u{2028}") == "\"é 🧠 \u{2028}\"")
    #expect(writer.string(["key \"q\"\n": "v"]) == #"{"key \"q\"\n":"v"}"#)
}

@Test func escapedOutputParsesBackToTheSameStrings() throws {
    let texts = ["say \"hi\"", "C:\\x", "a\nb\r\tc", "\u{00}\u{01}\u{1F}\u{7F}", "中文 🧠 é", "\u{2028}\u{2029}", ""]
    let data = JSONWriter().data(.array(texts.map(JSONValue.string)))
    let back = try JSONSerialization.jsonObject(with: data) as? [String]
    #expect(back == texts)
}

@Test func articleWithAwkwardTextWritesExactly() {
    let article = Article(
        source: "新华社", title: "标题 \"引号\"\n第二行", summary: "tab\there\u{01}",
        takeaways: ["反斜杠 \\ 和 / 斜杠"])
    #expect(
        article.jsonString()
            == #"{"id":null,"source":"新华社","title":"标题 \"引号\"\n第二行","url":null,"published_at":null,"#
            + #""summary":"tab\there\u0001","#
            + #""tldr":{"what_changed":null,"why_it_matters":null,"what_to_do_next":null,"who_should_care":null},"#
            + #""insight":null,"takeaways":["反斜杠 \\ 和 / 斜杠"],"implications":[],"timeline":[]}"#)
}

@Test func writerHandlesEveryValueKind() {
    let value: JSONValue = [
        "null": nil, "yes": true, "no": false, "int": -42, "big": .int(Int64.max), "double": 1.5,
        "whole": 2.0, "tiny": 1e-7, "nan": .double(.nan), "inf": .double(.infinity),
        "empty array": [], "empty object": .object([]), "nested": [[1, 2], ["k": "v"]],
    ]
    #expect(
        JSONWriter().string(value)
            == #"{"null":null,"yes":true,"no":false,"int":-42,"big":9223372036854775807,"double":1.5,"#
            + #""whole":2.0,"tiny":1e-07,"nan":null,"inf":null,"empty array":[],"empty object":{},"#
            + #""nested":[[1,2],{"k":"v"}]}"#)
    #expect(
        JSONWriter(pretty: true).string(["a": [], "b": [1, ["c": .object([])]]]) == """
            {
              "a": [],
              "b": [
                1,
                {
                  "c": {}
                }
              ]
            }
            """)
}

@Test func writerAppendsToExistingBytes() {
    var bytes = Array("prefix ".utf8)
    JSONWriter().write(["a": 1], to: &bytes)
    #expect(String(decoding: bytes, as: UTF8.self) == #"prefix {"a":1}"#)
}

@Test func jsonValueEqualityRespectsKeyOrder() {
    let ab: JSONValue = ["a": 1, "b": 2]
    let ba: JSONValue = ["b": 2, "a": 1]
    #expect(ab == ["a": 1, "b": 2])
    #expect(ab != ba)
    #expect(JSONValue(nil as String?) == .null)
    #expect(JSONValue("x" as String?) == .string("x"))
    #expect(JSONValue(nil as Int64?) == .null)
    #expect(JSONValue(Int64(3) as Int64?) == .int(3))
}
