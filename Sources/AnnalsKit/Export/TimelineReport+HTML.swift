import Crypto
import Foundation

/// Writes a report as one self-contained HTML page: header, timeline, details panel,
/// table, and the small script that pins details. Nothing is fetched: the page's
/// Content-Security-Policy allows no source at all but its own style and script, by hash.
struct TimelineHTML {
    let report: TimelineReport
    let layout: TimelineLayout

    func render() -> String {
        var out = ""
        out.reserveCapacity(4096 + report.events.count * 900)
        out += """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="\(Self.contentSecurityPolicy)">
            <meta name="generator" content="annals report">
            <title>
            """
        out.appendEscaped(report.title)
        out += " — Annals</title>\n<style>" + Self.style + TimelineHistogram.style + "</style>\n</head>\n<body>\n"
        writeHeader(into: &out)
        out += "<main>\n<section class=\"timeline\" aria-labelledby=\"timeline-heading\">\n"
        out += "<h2 id=\"timeline-heading\">Timeline</h2>\n"
        if layout.axis != nil {
            out += "<p class=\"help\">Hover over a marker for its event. Click it, or reach it with Tab and press Enter, "
            out += "to pin its details below the timeline (Esc closes them); without script, a click jumps to its row in the table.</p>\n"
        }
        out += "<figure>\n"
        TimelineSVG(layout: layout, report: report, standalone: false).write(into: &out)
        out += "</figure>\n"
        out += """
            <section id="details" class="details" aria-live="polite" aria-labelledby="details-heading" hidden>
            <button type="button" id="details-close">Close</button>
            <h3 id="details-heading">Details</h3>
            <div id="details-body"></div>
            </section>
            </section>

            """
        TimelineHistogram(events: report.events).write(into: &out)
        writeTable(into: &out)
        out += "</main>\n<footer><p>Generated "
        out.appendEscaped(report.generatedAt)
        out += " by <code>annals report</code>. This file is self-contained: it needs no network and can be mailed as is.</p></footer>\n"
        out += "<script>" + Self.script + "</script>\n</body>\n</html>\n"
        return out
    }

    private func writeHeader(into out: inout String) {
        out += "<header>\n<h1>"
        out.appendEscaped(report.title)
        out += "</h1>\n"
        if let understanding = report.understanding {
            out += "<p class=\"understanding\">Understood as: <code>"
            out.appendEscaped(understanding)
            out += "</code></p>\n"
        }
        out += "<p class=\"counts\">"
        out.appendEscaped(Self.counts(layout, lanes: true))
        out += "</p>\n"
        if let bucket = layout.bucket {
            out += "<p class=\"note\" id=\"aggregation-note\">"
            out.appendEscaped(
                "\(layout.dated.count) dated events are too many to draw one by one: the timeline groups them per "
                    + "\(bucket.rawValue), one bar per lane and \(bucket.rawValue) whose height is the number of events "
                    + "(events whose date is vaguer than a \(bucket.rawValue) are grouped by their own period). "
                    + "Every event is listed in the table.")
            out += "</p>\n"
        }
        if !layout.undated.isEmpty {
            out += "<p class=\"note\" id=\"undated-note\">"
            out.appendEscaped(Self.undatedNote(layout.undated.count) + " They are listed in the table, marked.")
            out += "</p>\n"
        }
        out += "</header>\n"
    }

    private func writeTable(into out: inout String) {
        out += "<section class=\"events\" aria-labelledby=\"events-heading\">\n<h2 id=\"events-heading\">Events</h2>\n"
        guard !report.events.isEmpty else {
            out += "<p>No event matches.</p>\n</section>\n"
            return
        }
        out += "<table id=\"events\">\n<caption>"
        let count = report.events.count
        out += "\(count) event\(count == 1 ? "" : "s"), in the order of the answer"
        out += "</caption>\n<thead><tr><th scope=\"col\" class=\"num\">Id</th><th scope=\"col\">Date</th><th scope=\"col\">Event</th>"
        out += "<th scope=\"col\">Topics</th><th scope=\"col\">Entities</th><th scope=\"col\" class=\"num\">Mentions</th>"
        out += "<th scope=\"col\">Cards</th></tr></thead>\n<tbody>\n"
        for event in report.events {
            let dated = event.date.start != nil && event.date.end != nil && event.date.start! <= event.date.end!
            out += "<tr id=\"event-\(event.id)\"\(dated ? "" : " class=\"undated\"")><td class=\"num\">\(event.id)</td><td class=\"date\">"
            out.appendEscaped(event.date.text)
            if !dated { out += "<span class=\"flag\">unreadable date: not on the axis</span>" }
            out += "</td><td class=\"text\">"
            out.appendEscaped(event.text)
            out += "</td><td>"
            out.appendEscaped(event.topics.map(report.topicName).joined(separator: ", "))
            out += "</td><td>"
            out.appendEscaped(event.entities.joined(separator: ", "))
            out += "</td><td class=\"num\">\(event.mentions)</td><td class=\"cards\">"
            if event.articles.isEmpty {
                out += "—"
            } else {
                out += "<ul>"
                for article in event.articles {
                    out += "<li>"
                    out.appendEscaped(article.title)
                    out += " <span class=\"source\">— "
                    out.appendEscaped(article.source)
                    out += "</span></li>"
                }
                out += "</ul>"
            }
            out += "</td></tr>\n"
        }
        out += "</tbody>\n</table>\n</section>\n"
    }

    // MARK: - Sentences shared with the SVG

    /// "14 events · 37 mentions in 9 cards · 2024-01-01 to 2026-02-28 · 5 lanes by topic".
    static func counts(_ layout: TimelineLayout, lanes: Bool) -> String {
        let events = layout.dated.count + layout.undated.count
        var parts = [
            "\(events) event\(events == 1 ? "" : "s")",
            "\(layout.mentions) mention\(layout.mentions == 1 ? "" : "s") in \(layout.cards) card\(layout.cards == 1 ? "" : "s")",
        ]
        if let first = layout.first, let last = layout.last { parts.append("\(first.iso) to \(last.iso)") }
        if lanes && !layout.lanes.isEmpty {
            parts.append("\(layout.lanes.count) lane\(layout.lanes.count == 1 ? "" : "s") by \(layout.laneNoun)")
        }
        return parts.joined(separator: " · ")
    }

    static func undatedNote(_ count: Int) -> String {
        count == 1
            ? "1 event with an unreadable date is not on the axis."
            : "\(count) events with unreadable dates are not on the axis."
    }

    /// The timeline in one sentence, for screen readers.
    static func description(_ layout: TimelineLayout) -> String {
        var text = "Timeline of " + counts(layout, lanes: true) + "."
        if !layout.lanes.isEmpty {
            text += " Lanes: " + layout.lanes.map { "\($0.label) (\($0.count))" }.joined(separator: ", ") + "."
        }
        if let bucket = layout.bucket { text += " Events are counted per \(bucket.rawValue)." }
        return text + " The table lists the same events."
    }

    // MARK: - Style, script and policy

    static let contentSecurityPolicy =
        "default-src 'none'; style-src \(hash(style + TimelineHistogram.style)) \(hash(TimelineSVG.style)); script-src \(hash(script)); "
        + "img-src 'none'; base-uri 'none'; form-action 'none'"

    static func hash(_ text: String) -> String {
        "'sha256-" + Data(SHA256.hash(data: Array(text.utf8))).base64EncodedString() + "'"
    }

    static let style = """

        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 1260px; padding: 16px 20px 40px; color: #1a1a1a; background: #ffffff;
          font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        h1 { font-size: 1.6em; line-height: 1.2; margin: 0 0 0.35em; }
        h2 { font-size: 1.15em; margin: 1.2em 0 0.35em; }
        header p { margin: 0.25em 0; }
        .understanding code { background: #efefef; padding: 0.05em 0.35em; border-radius: 3px; font-size: 0.95em; }
        .counts { font-weight: 600; }
        .note { padding: 0.35em 0.6em; border-left: 4px solid #4d4d4d; background: #f4f4f4; }
        .help { color: #404040; font-size: 0.9em; margin: 0 0 0.4em; }
        figure { margin: 0; }
        .timeline svg { display: block; max-width: 100%; height: auto; border: 1px solid #c8c8c8; }
        .details { position: sticky; bottom: 0; z-index: 2; margin-top: 0.5em; padding: 0.5em 0.8em; max-height: 45vh;
          overflow: auto; background: #fffbea; border: 2px solid #1a1a1a; }
        .details h3 { margin: 0 0 0.4em; font-size: 1em; }
        .details button { float: right; font: inherit; padding: 0.1em 0.6em; }
        table { border-collapse: collapse; width: 100%; font-size: 0.88em; }
        caption { text-align: left; color: #404040; padding-bottom: 0.3em; }
        th, td { border-bottom: 1px solid #d0d0d0; padding: 0.35em 0.5em; text-align: left; vertical-align: top; }
        thead th { background: #e8e8e8; position: sticky; top: 0; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        td.date { white-space: nowrap; }
        .cards ul { margin: 0; padding-left: 1.1em; }
        .source { color: #595959; }
        .flag { display: block; font-size: 0.8em; font-weight: 600; color: #8a1c1c; white-space: normal; }
        tr.undated td.date { font-style: italic; }
        tr:target, tr.pinned { background: #fff1b8; outline: 2px solid #1a1a1a; }
        a:focus-visible, button:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; }
        footer { margin-top: 1.5em; color: #595959; font-size: 0.85em; }
        @media print {
          @page { size: landscape; margin: 12mm; }
          body { max-width: none; padding: 0; font-size: 10pt; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          .help, .details, #details-close { display: none !important; }
          .timeline svg { border: none; width: 100%; }
          figure { break-inside: avoid; }
          thead th { position: static; }
          thead { display: table-header-group; }
          tr { break-inside: avoid; }
          tr:target, tr.pinned { background: none; outline: none; }
        }

        """

    /// Pins the details of a clicked (or Enter-activated) marker: the table rows of its
    /// events, copied into the panel below the timeline; `#mark-N` in the address pins
    /// marker N on load. The page works without it.
    static let script = """

        (function () {
          "use strict";
          var panel = document.getElementById("details");
          var heading = document.getElementById("details-heading");
          var body = document.getElementById("details-body");
          var svg = document.querySelector("svg.annals-timeline");
          var pinned = null, rows = [];
          if (!panel || !svg) return;
          function unpin() {
            if (pinned) pinned.classList.remove("pinned");
            rows.forEach(function (row) { row.classList.remove("pinned"); });
            rows = [];
          }
          function show(mark) {
            unpin();
            pinned = mark;
            mark.classList.add("pinned");
            var ids = (mark.getAttribute("data-events") || "").split(" ");
            var title = mark.querySelector("title");
            heading.textContent = title ? title.textContent.split("\\n")[0] : "Details";
            var table = document.createElement("table");
            var head = document.querySelector("#events thead");
            if (head) table.appendChild(head.cloneNode(true));
            var tbody = document.createElement("tbody");
            ids.forEach(function (id, index) {
              var row = document.getElementById("event-" + id);
              if (!row) return;
              rows.push(row);
              row.classList.add("pinned");
              if (index >= 50) return;
              var copy = row.cloneNode(true);
              copy.removeAttribute("id");
              copy.classList.remove("pinned");
              tbody.appendChild(copy);
            });
            table.appendChild(tbody);
            body.replaceChildren(table);
            if (ids.length > 50) {
              var more = document.createElement("p");
              more.textContent = "… and " + (ids.length - 50) + " more, highlighted in the table.";
              body.appendChild(more);
            }
            var link = document.createElement("a");
            link.setAttribute("href", "#event-" + ids[0]);
            link.textContent = "Show in the table";
            body.appendChild(link);
            panel.hidden = false;
          }
          function close() {
            unpin();
            panel.hidden = true;
            if (pinned) pinned.focus();
            pinned = null;
          }
          svg.addEventListener("click", function (event) {
            var mark = event.target.closest("a.mark");
            if (!mark) return;
            event.preventDefault();
            show(mark);
          });
          document.getElementById("details-close").addEventListener("click", close);
          document.addEventListener("keydown", function (event) {
            if (event.key === "Escape" && !panel.hidden) close();
          });
          var target = document.getElementById(location.hash.slice(1));
          if (target && target.matches("a.mark")) show(target);
        })();

        """
}
