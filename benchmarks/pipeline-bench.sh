#!/usr/bin/env bash
# The whole pipeline in one run, for the speed issue: `forumlens analyze` (built-in analyzers) on
# 1 and 2 cores and `forumlens split` on 1, against libxml2's own HTML parse (xmllint) and the
# Python route (trafilatura with comments, then VADER on every paragraph) over the same pages;
# start-up time of one small `analyze` and of `--version`.
#
#   bash benchmarks/pipeline-bench.sh [SIZE_MB]          # default 1000 (1 GB: about 5 minutes a round)
#   FORUMLENS=path/to/forumlens bash benchmarks/pipeline-bench.sh 20    # no build, quick look
#
# Environment knobs:
#   FORUMLENS=path    use this binary instead of building the release one (.build-pipeline)
#   RUNS=1            timed runs per configuration, the fastest kept; rounds interleave them
#   PY_SAMPLE_MB=50   the Python route reads the first files of the corpus up to this size
#                     (the whole corpus when it is smaller); its MB/s is on what it read
#   STARTUP_RUNS=10   runs of each start-up command (the fastest is kept)
#   STARTUP_PAGE=file the page of the start-up run (default: the first page of corpora/en)
#   BATCH=n           files per xmllint process (default: about 1/32 of the corpus, at most 64)
#
# The corpus is split-bench.sh's (`CORPUS_ONLY=1 bash benchmarks/split-bench.sh SIZE_MB`).
# The Python tools live in the venv benchmarks/work/venv-pipeline (pinned, made once with pip,
# then reused). A benchmark, not a test: it prints PASS/FAIL against the speed issue's targets
# and exits 0 whatever the figures; it exits 1 only when something could not be run or measured.
# benchmarks/README.md explains how to read the output.
set -euo pipefail

# ---------------------------------------------------------------- setup
# shellcheck source=lib.sh source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" pipeline-bench     # sets ROOT (the current directory), WORK

SIZE_MB="${1:-1000}"
RUNS="${RUNS:-1}"
PY_SAMPLE_MB="${PY_SAMPLE_MB:-50}"
STARTUP_RUNS="${STARTUP_RUNS:-10}"
OUT="$WORK/pipeline-out"
VENV="$WORK/venv-pipeline"
VPY="$VENV/bin/python"
# jusText (imported by trafilatura) needs lxml's HTML cleaner, a separate package since lxml 5.2.
PINS=(trafilatura==2.3.1 vaderSentiment==3.3.2 lxml_html_clean==0.4.6)

# Targets (the speed issue).
TARGET_SPLIT_XML=0.8      # split --jobs 1 / xmllint 1 process      (throughput ratio)
TARGET_ANALYZE_XML=0.5    # analyze --jobs 1 / xmllint 1 process
TARGET_ANALYZE_PY=25      # analyze --jobs 1 MB/s / Python route MB/s
TARGET_SCALE=1.7          # analyze --jobs 2 / analyze --jobs 1
TARGET_RSS_MB=200         # peak RSS of every forumlens run
TARGET_STARTUP_MS=50      # analyze of one small page, start to exit
NOISE_WARN=0.15           # other processes' CPU (in cores) during a run above which the figure is suspect

positive SIZE_MB "$SIZE_MB" "whole number of megabytes"
positive RUNS "$RUNS"
positive PY_SAMPLE_MB "$PY_SAMPLE_MB"
positive STARTUP_RUNS "$STARTUP_RUNS"
positive BATCH "${BATCH:-1}"
need_bash5

mkdir -p "$WORK" "$OUT"
REPORT="$WORK/pipeline-${SIZE_MB}mb-$(date -u +%Y%m%dT%H%M%SZ).txt"
tee_report "$REPORT"     # from here on, everything printed also goes to $REPORT

# ---------------------------------------------------------------- tools
if ! find_xmllint; then
    warn "xmllint is MISSING: libxml2's own HTML parse cannot be timed, so there are no xmllint ratios."
    warn "Install it as root: apt-get install -y libxml2-utils"
    INCOMPLETE+=("xmllint missing: no reference timing and no xmllint ratios")
fi
find_gnu_time

# The Python route, in its venv (made once, reused). PY_ERROR says why it cannot run, if so.
PY_ERROR=""
if ! command -v python3 >/dev/null 2>&1; then
    PY_ERROR="python3 is missing (apt-get install -y python3 python3-venv)"
elif ! venv_ready "$VENV" venv-pipeline.log trafilatura,vaderSentiment.vaderSentiment "${PINS[@]}"; then
    PY_ERROR="$VENV_ERROR"
fi
if [ -n "$PY_ERROR" ]; then
    warn "the Python route cannot run: $PY_ERROR"
    INCOMPLETE+=("Python route: $PY_ERROR")
fi

PIPELINE_PY="$WORK/pipeline-reference.py"
cat > "$PIPELINE_PY" <<'EOF'
"""pipeline-reference.py LIST0 OUT.jsonl: the Python route over saved forum pages, in one process
on one core. Per page (LIST0 holds NUL-separated paths): trafilatura.extract(html,
include_comments=True), then VADER's polarity_scores on every non-empty line (paragraph) of the
extracted text; one JSON line per paragraph in OUT.jsonl. Prints on stdout:
`files=N bytes=N empty=N paragraphs=N chars=N seconds=S` (seconds: imports and all)."""
import json
import sys
import time

start = time.perf_counter()
import trafilatura  # noqa: E402
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # noqa: E402

analyzer = SentimentIntensityAnalyzer()
with open(sys.argv[1], "rb") as f:
    paths = [p.decode() for p in f.read().split(b"\0") if p]
files = nbytes = empty = paragraphs = chars = 0
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for path in paths:
        with open(path, "rb") as f:
            html = f.read()
        files += 1
        nbytes += len(html)
        text = trafilatura.extract(html, include_comments=True)
        if not text:
            empty += 1
            continue
        chars += len(text)
        for line in text.splitlines():
            line = line.strip()
            if not line:
                continue
            scores = analyzer.polarity_scores(line)
            paragraphs += 1
            out.write(json.dumps({"file": path.rsplit("/", 1)[-1], "text": line,
                                  "compound": scores["compound"]}, ensure_ascii=False) + "\n")
print(f"files={files} bytes={nbytes} empty={empty} paragraphs={paragraphs} chars={chars} "
      f"seconds={time.perf_counter() - start:.3f}")
EOF

# ---------------------------------------------------------------- binary
release_binary "$ROOT/.build-pipeline" build-pipeline.log
[ -z "${FORUMLENS:-}" ] || say "Using FORUMLENS=$BIN (no build)."

# ---------------------------------------------------------------- corpus
bench_corpus "$SIZE_MB" say     # split-bench.sh's: "Reusing the corpus ..." or "Building ...", then CORPUS

FILELIST="$OUT/files.list0"
find "$CORPUS" -type f -name '*.html' -print0 | LC_ALL=C sort -z > "$FILELIST"
NFILES="$(tr -cd '\0' < "$FILELIST" | wc -c)"
[ "$NFILES" -gt 0 ] || die "the corpus $CORPUS holds no .html file"
BYTES="$(xargs -0 stat -c %s < "$FILELIST" | awk '{ s += $1 } END { printf "%d", s }')"
MB="$(calc "$BYTES / 1000000")"
BATCH="${BATCH:-$(( (NFILES + 31) / 32 ))}"
[ "$BATCH" -le 64 ] || BATCH=64

# The Python sample: the first files of the sorted list up to PY_SAMPLE_MB. The corpus is made
# round after round of every source page (r0001-…, r0002-…), so a prefix has every kind of page.
PY_LIST="$OUT/python-sample.list0"
xargs -0 stat -c '%s %n' < "$FILELIST" | awk -v limit="$(( PY_SAMPLE_MB * 1000000 ))" '
    total < limit { size = $1; sub(/^[0-9]+ /, ""); total += size; printf "%s%c", $0, 0 }' > "$PY_LIST"
PY_FILES="$(tr -cd '\0' < "$PY_LIST" | wc -c)"
PY_BYTES="$(xargs -0 stat -c %s < "$PY_LIST" | awk '{ s += $1 } END { printf "%d", s }')"
PY_MB="$(calc "$PY_BYTES / 1000000")"

# Warm the page cache: the timings are for a warm cache.
xargs -0 cat < "$FILELIST" > /dev/null

# ---------------------------------------------------------------- header
bench_header "pipeline benchmark" ", tree $(tree_state ' ')"
if [ -z "$PY_ERROR" ]; then
    say "  python  : $("$VPY" --version 2>&1) in ${VENV#"$ROOT/"}: ${PINS[*]}"
else
    say "  python  : CANNOT RUN ($PY_ERROR)"
fi
say "  corpus  : ${CORPUS#"$ROOT/"}: $NFILES files, $BYTES bytes ($(printf '%.1f' "$MB") MB), built by split-bench.sh"
say "  sample  : the Python route reads only the first $PY_FILES files ($(printf '%.1f' "$PY_MB") MB; PY_SAMPLE_MB=$PY_SAMPLE_MB):"
say "            its MB/s is on what it read"
say "  method  : wall clock, best of $RUNS (rounds interleave the tools), warm cache; MB = 10^6 bytes;"
say "            xmllint: $BATCH files per process; forumlens with --merge none (the corpus repeats its threads)"
[ "$NCORES" -ge 2 ] || warn "only $NCORES core: the --jobs 2 row cannot show a parallel speed-up"
say ""

# ---------------------------------------------------------------- measurements
# shellcheck disable=SC2317   # run through run_one
run_python() {
    local rc=0
    timed "$VPY" "$PIPELINE_PY" "$PY_LIST" "$OUT/python.jsonl" > "$OUT/python.summary" 2> "$OUT/python.stderr" || rc=$?
    if [ "$rc" -ne 0 ]; then
        tail -n 20 "$OUT/python.stderr" >&2 || true
        die "the Python route failed (exit $rc): $VPY $PIPELINE_PY ${PY_LIST#"$ROOT/"} ${OUT#"$ROOT/"}/python.jsonl"
    fi
}

add_config analyze1 "forumlens analyze" 1 "$BYTES"
add_config analyze2 "forumlens analyze" 2 "$BYTES"
add_config split1   "forumlens split" 1 "$BYTES"
[ -n "$XMLLINT" ] && add_config xml1 "xmllint --html" 1 "$BYTES"
[ -z "$PY_ERROR" ] && add_config py1 "python trafilatura+vader" 1 "$PY_BYTES"

# shellcheck disable=SC2317   # run_one KEY: called by interleaved_rounds
run_one() {
    case "$1" in
        analyze1) run_forumlens analyze1 analyze jsonl 1 ;;
        analyze2) run_forumlens analyze2 analyze jsonl 2 ;;
        split1)   run_forumlens split1 split jsonl 1 ;;
        xml1)     run_xmllint 1 ;;
        py1)      run_python ;;
    esac
}

say "Commands (the corpus directory is DIR):"
say "  forumlens analyze DIR --merge none --format jsonl --out FILE --quiet --jobs 1|2   (default analyzers)"
say "  forumlens split DIR --merge none --format jsonl --out FILE --quiet --jobs 1"
[ -n "$XMLLINT" ] && say "  xargs -0 -n $BATCH xmllint --html --noout --nonet < list of DIR/*.html   (one process at a time)"
[ -z "$PY_ERROR" ] && say "  ${VPY#"$ROOT/"} ${PIPELINE_PY#"$ROOT/"} SAMPLE-LIST FILE   (trafilatura.extract(html, include_comments=True), then polarity_scores per paragraph)"
say ""
interleaved_rounds run_one

# Start-up: one small page through analyze (lexicons loaded), and --version; best of STARTUP_RUNS.
STARTUP_PAGE="${STARTUP_PAGE:-$(find "$ROOT/corpora/en" -maxdepth 1 -type f -name '*.html' | LC_ALL=C sort | head -n 1)}"
[ -f "$STARTUP_PAGE" ] || die "no start-up page (STARTUP_PAGE='$STARTUP_PAGE')"
best_ms() {   # best_ms CMD...: sets BEST_MS, the fastest of STARTUP_RUNS runs, in milliseconds
    local t0 t1 ms rc
    BEST_MS=""
    for _ in $(seq 1 "$STARTUP_RUNS"); do
        rc=0; t0="$(now)"
        "$@" > /dev/null 2> "$OUT/startup.stderr" || rc=$?
        t1="$(now)"
        [ "$rc" -eq 0 ] || { cat "$OUT/startup.stderr" >&2; die "start-up run failed (exit $rc): $*"; }
        ms="$(calc "($t1 - $t0) * 1000")"
        if beats "$ms" "$BEST_MS"; then BEST_MS="$ms"; fi
    done
}
STARTUP_CMD=("$BIN" analyze "$STARTUP_PAGE" --merge none --format jsonl --out "$OUT/startup.jsonl" --quiet)
best_ms "${STARTUP_CMD[@]}"; STARTUP_MS="$BEST_MS"
best_ms "$BIN" --version; VERSION_MS="$BEST_MS"
STARTUP_MESSAGES="$(grep -c '"type":"message"' "$OUT/startup.jsonl" || true)"
grep -q '"results":{"sentiment"' "$OUT/startup.jsonl" \
    || warn "the start-up page's messages have no sentiment result: its time may not include loading the lexicons"
say "start-up: analyze $(printf '%.1f' "$STARTUP_MS") ms, --version $(printf '%.1f' "$VERSION_MS") ms (best of $STARTUP_RUNS)"

# Messages: lines with "type":"message" in each JSONL output; all three runs must agree.
count_messages() { grep -c '"type":"message"' "$OUT/$1.jsonl" || true; }
MESSAGES="$(count_messages analyze1)"
for key in analyze2 split1; do
    n="$(count_messages "$key")"
    [ "$n" = "$MESSAGES" ] || warn "$key wrote $n messages, analyze --jobs 1 $MESSAGES"
done
[ "${MESSAGES:-0}" -gt 0 ] || warn "the JSONL output holds no message lines: these figures measure nothing useful"
ANALYZERS="$(grep -m 1 '"type":"message"' "$OUT/analyze1.jsonl" | python3 -c '
import json, sys
line = sys.stdin.readline()
print(", ".join(json.loads(line).get("results", {})) if line else "?")' 2>/dev/null || echo '?')"
PY_SUMMARY=""
[ -z "$PY_ERROR" ] && PY_SUMMARY="$(cat "$OUT/python.summary")"
py_field() { printf '%s\n' "$PY_SUMMARY" | tr ' ' '\n' | sed -n "s/^$1=//p"; }

# ---------------------------------------------------------------- table
say ""
say "Corpus: $NFILES files, $(printf '%.1f' "$MB") MB, $MESSAGES messages (lines with \"type\":\"message\" in the JSONL outputs);"
say "analyzers that ran (the default): ${ANALYZERS:-none}."
if [ -n "$PY_SUMMARY" ]; then
    say "Python route: $(py_field files) files, $(printf '%.1f' "$PY_MB") MB (a sample, PY_SAMPLE_MB=$PY_SAMPLE_MB), $(py_field paragraphs) paragraphs scored,"
    say "$(py_field empty) pages with nothing extracted; trafilatura does not separate messages (no messages/s)."
fi
say ""
row() { printf '%-25s %5s %8s %8s %8s %11s %12s %8s %10s\n' "$@"; }
row "tool" "cores" "MB read" "seconds" "MB/s" "messages/s" "peak RSS MB" "cpu s" "other load"
row "-------------------------" "-----" "--------" "--------" "--------" "-----------" "------------" "--------" "----------"
mbps() { calc "${BYTES_IN[$1]} / 1000000 / ${BEST[$1]}"; }
for i in "${!CONFIGS[@]}"; do
    key="${CONFIGS[$i]}"; s="${BEST[$key]}"
    row_figures "$key"
    case "$key" in
        xml1|py1) msgs="-" ;;
        *)        msgs="$(printf '%.0f' "$(calc "$MESSAGES / $s")")" ;;
    esac
    row "${LABEL[$i]}" "${CORES[$i]}" "$(printf '%.1f' "$(calc "${BYTES_IN[$key]} / 1000000")")" \
        "$(printf '%.2f' "$s")" "$(printf '%.2f' "$(mbps "$key")")" "$msgs" "$ROW_RSS" "$ROW_CPU" "$ROW_NOISE"
done
say ""
say "Start-up, best of $STARTUP_RUNS, wall clock from start to exit:"
say "  forumlens analyze ${STARTUP_PAGE#"$ROOT/"} ($STARTUP_MESSAGES messages, lexicons loaded): $(printf '%.1f' "$STARTUP_MS") ms"
say "  forumlens --version: $(printf '%.1f' "$VERSION_MS") ms"
say ""
say "(xmllint's peak RSS is its largest process; the Python row's MB read is its sample only;"
say " other load: CPU used by other processes during that run, in cores, from /proc/stat;"
say " anything above $NOISE_WARN means the machine was shared and that row is pessimistic.)"
say ""

target() {   # target LABEL VALUE OP GOAL [NOTE]: one PASS/FAIL line (ratios to 3 decimals, MB and ms to 1)
    local value
    case "$1" in "peak RSS MB"*|"start-up ms"*) value="$(printf '%.1f' "$2")" ;; *) value="$(printf '%.3f' "$2")" ;; esac
    printf '  %-42s: %8s  (target %s %s)   %s%s\n' "$1" "$value" "$3" "$4" "$(verdict "$2 $3 $4")" "${5:+   $5}"
}
ratio() { calc "$(mbps "$1") / $(mbps "$2")"; }    # MB/s of A / MB/s of B
say "Targets (the speed issue; information only, the exit status does not depend on them):"
PER_ROUND=()
if [ -n "$XMLLINT" ]; then
    target "split --jobs 1 / xmllint 1 process" "$(ratio split1 xml1)" ">=" "$TARGET_SPLIT_XML"
    target "analyze --jobs 1 / xmllint 1 process" "$(ratio analyze1 xml1)" ">=" "$TARGET_ANALYZE_XML"
    PER_ROUND+=("split/xmllint $(round_ratios split1 xml1)" "analyze/xmllint $(round_ratios analyze1 xml1)")
else
    say "  split, analyze / xmllint                  :      n/a  (xmllint missing)"
fi
if [ -z "$PY_ERROR" ]; then
    target "analyze --jobs 1 MB/s / Python route MB/s" "$(ratio analyze1 py1)" ">=" "$TARGET_ANALYZE_PY" \
        "(Python on a $(printf '%.1f' "$PY_MB") MB sample)"
    PER_ROUND+=("analyze/Python $(round_ratios analyze1 py1)")
else
    say "  analyze --jobs 1 / Python route           :      n/a  (the Python route could not run)"
fi
target "analyze --jobs 2 / analyze --jobs 1" "$(ratio analyze2 analyze1)" ">=" "$TARGET_SCALE"
PER_ROUND+=("analyze jobs 2/1 $(round_ratios analyze2 analyze1)")
if [ "$HAVE_TIME" -eq 1 ]; then
    worst_rss analyze1 analyze2 split1
    note="($WORST_KEY)"
    [ "$SIZE_MB" -ge 1000 ] || note="($WORST_KEY; only meaningful at 1000 MB, this corpus is $SIZE_MB MB)"
    target "peak RSS MB, worst forumlens run" "$(calc "$WORST * 1024 / 1000000")" "<" "$TARGET_RSS_MB" "$note"
else
    say "  peak RSS                                  :  NOT MEASURED (GNU time missing: apt-get install -y time)"
fi
target "start-up ms, analyze of one small page" "$STARTUP_MS" "<" "$TARGET_STARTUP_MS" \
    "(--version: $(printf '%.1f' "$VERSION_MS") ms)"
[ "$RUNS" -lt 2 ] || say "  per-round ratios, median (range): $(IFS=';'; printf '%s' "${PER_ROUND[*]}" | sed 's/;/; /g')"
finish
