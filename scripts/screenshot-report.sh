#!/bin/sh
# Renders the README's picture, docs/report.png: `annals report` of the sample question
# on the fixtures, in a temporary archive, screenshotted by Debian's headless Chromium.
# It fails when the page logs anything on the browser console (an uncaught error, a
# Content-Security-Policy violation…), both as loaded and with a marker pinned by the
# page's script (report.html#mark-1); and it first proves that check works by loading
# a copy of the page whose script is made to throw.
#
#   make report-screenshot            or   scripts/screenshot-report.sh [OUTPUT.png]
#
# Needs: chromium (apt-get install chromium); for the Chinese event's text, a CJK font
# (apt-get install fonts-droid-fallback), else it shows as boxes. Environment:
# ANNALS (the binary, default .build/debug/annals, built if missing), CHROMIUM,
# QUESTION (default "export-control events since 2024"), SIZE (default 1400,900).
set -eu
cd "$(dirname "$0")/.."

OUTPUT=${1:-docs/report.png}
ANNALS=${ANNALS:-.build/debug/annals}
CHROMIUM=${CHROMIUM:-chromium}
QUESTION=${QUESTION:-export-control events since 2024}
SIZE=${SIZE:-1400,900}

fail() { echo "screenshot-report: $*" >&2; exit 1; }

command -v "$CHROMIUM" >/dev/null 2>&1 || {
  echo "screenshot-report: needs Chromium: apt-get install chromium" >&2; exit 69; }
if command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=zh family 2>/dev/null)" ]; then
  echo "screenshot-report: warning: no CJK font, Chinese text will show as boxes (apt-get install fonts-droid-fallback)" >&2
fi
[ -x "$ANNALS" ] || swift build

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

"$ANNALS" --db "$work/annals.sqlite" ingest --settle 0 fixtures/cards fixtures/feeds >/dev/null 2>"$work/ingest.log" \
  || fail "ingest failed: $(cat "$work/ingest.log")"
"$ANNALS" --db "$work/annals.sqlite" report "$QUESTION" --output "$work/report.html" 2>"$work/report.log" \
  || fail "report failed: $(cat "$work/report.log")"

# Runs Chromium headless on a page with its console sent to $work/console.log:
# every console message is a line with ":CONSOLE" (Chromium's own noise, such as
# D-Bus warnings, never has it).
chrome() {
  timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --force-device-scale-factor=1 --user-data-dir="$work/profile" --enable-logging=stderr --v=0 \
    "$@" 2>"$work/console.log"
}
console_messages() { grep ':CONSOLE' "$work/console.log" || true; }

# 1. The check detects a JavaScript error: the page without its Close button makes the
#    script throw ("Cannot read properties of null").
sed 's/id="details-close"/id="no-close-button"/' "$work/report.html" >"$work/broken.html"
chrome --dump-dom "file://$work/broken.html" >/dev/null
console_messages | grep -q 'Uncaught' \
  || fail "the console check is blind: a page whose script throws logged no error ($(wc -l <"$work/console.log") log lines)"

# 2. The report as loaded: no console message; the screenshot.
chrome --screenshot="$work/report.png" --window-size="$SIZE" "file://$work/report.html" >/dev/null
[ -z "$(console_messages)" ] || fail "the report logged on the console:
$(console_messages)"
[ -s "$work/report.png" ] || fail "Chromium wrote no screenshot"

# 3. A marker pinned by the script (as a click or Enter would): no console message, and
#    the details panel is shown with the event's row.
chrome --dump-dom "file://$work/report.html#mark-1" >"$work/pinned.html"
[ -z "$(console_messages)" ] || fail "pinning a marker logged on the console:
$(console_messages)"
grep -q '<section id="details" class="details" aria-live="polite" aria-labelledby="details-heading">' "$work/pinned.html" \
  || fail "pinning a marker did not show the details panel"
grep -q '<div id="details-body"><table><thead>' "$work/pinned.html" || fail "the details panel has no event rows"

mkdir -p "$(dirname "$OUTPUT")"
cp "$work/report.png" "$OUTPUT"
echo "wrote $OUTPUT ($(wc -c <"$OUTPUT") bytes): $QUESTION; no console messages"
