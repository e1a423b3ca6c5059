#!/usr/bin/env bash
# Opens the CSV tables as a spreadsheet user does, with LibreOffice Calc headless, in both
# dialects (rfc4180 with commas, excel-fr with semicolons and decimal commas), and checks what
# Calc made of them: every row and column there, numbers read as numbers, accents intact, a
# formula in a message shown as text and never computed. Not in CI (LibreOffice is large):
#
#   apt-get install -y --no-install-recommends libreoffice-calc
#   bash scripts/csv-in-libreoffice.sh
#   FORUMLENS=.build/debug/forumlens bash scripts/csv-in-libreoffice.sh
#
# Prints one line per check and exits 1 if one fails.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
command -v soffice >/dev/null || { echo "csv-in-libreoffice: soffice is missing (apt-get install libreoffice-calc)" >&2; exit 2; }
BIN="${FORUMLENS:-}"
if [ -z "$BIN" ]; then
    swift build --product forumlens >/dev/null
    BIN="$(swift build --show-bin-path)/forumlens"
fi
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
# The founding thread, and a message a spreadsheet would run as a formula.
printf '%s\n' '{"id": "f1", "author": "Zoé", "text": "=1+1 pour voir si ça calcule, « guillemets » et déjà-vu"}' > "$WORK/formula.jsonl"
status=0
for dialect in rfc4180 excel-fr; do
    separator=44; [ "$dialect" = excel-fr ] && separator=59
    "$BIN" analyze corpora/fr/phpbb3-reseaux-p1.html corpora/fr/phpbb3-reseaux-p2.html "$WORK/formula.jsonl" \
        --merge none --format csv --out "$WORK/$dialect" --csv-dialect "$dialect" 2>/dev/null
    for table in messages authors themes; do
        soffice --headless --infilter="CSV:$separator,34,76,1" --convert-to html --outdir "$WORK/$dialect/html" \
            "$WORK/$dialect/$table.csv" >/dev/null 2>&1
    done
    python3 - "$WORK/$dialect" "$dialect" <<'EOF' || status=1
import csv, html.parser, sys
folder, dialect = sys.argv[1], sys.argv[2]

class Cells(html.parser.HTMLParser):
    """The rows of Calc's HTML export: each cell's text and whether Calc read a number."""
    def __init__(self):
        super().__init__(); self.rows = []; self.cell = None
    def handle_starttag(self, tag, attrs):
        if tag == "tr": self.rows.append([])
        if tag == "td": self.cell = ["", "sdval" in dict(attrs)]
    def handle_data(self, data):
        if self.cell is not None: self.cell[0] += data
    def handle_endtag(self, tag):
        if tag == "td" and self.cell is not None: self.rows[-1].append(tuple(self.cell)); self.cell = None

failed = False
def check(what, ok):
    global failed
    print(f"{'PASS' if ok else 'FAIL'}  {dialect:8}  {what}")
    failed |= not ok

for table, numeric in [("messages", ["position", "sentiment.score"]), ("authors", ["messages", "advice.items"]), ("themes", ["rank", "count"])]:
    source = list(csv.reader(open(f"{folder}/{table}.csv", encoding="utf-8-sig", newline=""), delimiter=";" if dialect == "excel-fr" else ","))
    parser = Cells(); parser.feed(open(f"{folder}/html/{table}.html", encoding="utf-8", errors="replace").read())
    rows = [row for row in parser.rows if row]
    check(f"{table}.csv: {len(source)} rows read as {len(rows)}", len(rows) == len(source))
    header = [text.strip() for text, _ in rows[0]]
    check(f"{table}.csv: the header's {len(source[0])} columns", header[:len(source[0])] == source[0])
    for name in numeric:
        column = header.index(name)
        cells = [row[column] for row in rows[1:] if column < len(row) and row[column][0].strip()]
        check(f"{table}.csv: {name} read as numbers ({len(cells)} cells)", cells and all(number for _, number in cells))
    text = " ".join(cell for row in rows for cell, _ in row)
    check(f"{table}.csv: accents intact", "é" in text and "Ã" not in text)

parser = Cells(); parser.feed(open(f"{folder}/html/messages.html", encoding="utf-8").read())
formula = [cell for row in parser.rows for cell in row if "pour voir si ça calcule" in cell[0]]
check("a formula in a message stays text", formula and not formula[0][1] and "=1+1" in formula[0][0])
sys.exit(1 if failed else 0)
EOF
done
exit $status
