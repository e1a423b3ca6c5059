#!/usr/bin/env bash
# Renders the HTML report of the founding thread (corpora/fr/phpbb3-reseaux-p1.html and -p2)
# with headless Chromium to docs/images/report.png, the README's screenshot. Not in CI:
#
#   apt-get install -y --no-install-recommends chromium fonts-dejavu-core
#   bash scripts/report-screenshot.sh [OUT.png]
#   FORUMLENS=.build/debug/forumlens bash scripts/report-screenshot.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="${1:-docs/images/report.png}"
BROWSER="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
[ -n "$BROWSER" ] || { echo "report-screenshot: no Chromium (apt-get install chromium)" >&2; exit 2; }
BIN="${FORUMLENS:-}"
if [ -z "$BIN" ]; then
    swift build --product forumlens >/dev/null
    BIN="$(swift build --show-bin-path)/forumlens"
fi
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
"$BIN" analyze corpora/fr/phpbb3-reseaux-p1.html corpora/fr/phpbb3-reseaux-p2.html --format html --out "$WORK/report.html" --quiet
mkdir -p "$(dirname "$OUT")"
# --no-sandbox: Chromium refuses to run its sandbox as root, which these machines are.
"$BROWSER" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=900,1500 \
    --screenshot="$(case "$OUT" in /*) echo "$OUT";; *) echo "$ROOT/$OUT";; esac)" "file://$WORK/report.html" >/dev/null 2>&1
[ -s "$OUT" ] || { echo "report-screenshot: Chromium wrote nothing" >&2; exit 1; }
echo "$OUT"
