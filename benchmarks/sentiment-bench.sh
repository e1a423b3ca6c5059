#!/usr/bin/env bash
# Texts per second through the sentiment analyzer, next to VADER (vaderSentiment 3.3.2, Python)
# on the same texts, one core:
#   * in-process: `forumlens eval sentiment FILE --jobs 1 --timing` (its own clock: the texts only,
#     lexicon loading excluded) against VADER's polarity_scores over the same texts timed with
#     time.perf_counter (SentimentIntensityAnalyzer() created before the clock starts).
#     Target: ours >= 20 x VADER's texts/s.
#     Beside them, for information, the floor of any lexicon method: benchmarks/sentiment-floor.swift
#     (built with swiftc -O) sums VADER's lexicon values over each text's ASCII words, nothing more.
#   * whole process: wall time of `forumlens eval sentiment FILE --jobs 1`, start to exit, against
#     `python3 vader-eval.py FILE` (loads VADER, scores every row, prints Pearson r).
#     Target: VADER's time >= 10 x ours. Our run with --jobs 2 is shown for information.
#
#   bash benchmarks/sentiment-bench.sh [N]            # N texts, default 10000
#   FORUMLENS=path/to/forumlens RUNS=3 bash benchmarks/sentiment-bench.sh 20000
#
# The texts (benchmarks/work/sentiment-bench-N.tsv, header `id text score`): the first N rows of
# ../shared/data/sentiment-dev/vader_movie_snippets_en.tsv (read at run time, repeated under new
# ids when N is larger); without it, the message texts of corpora/ (through `forumlens split`),
# repeated to N, score 0. SENTIMENT_DEV=dir points elsewhere than ../shared/data/sentiment-dev.
# VADER runs in the venv benchmarks/work/venv-sentiment (made once with pip, then reused).
# Times are the best of RUNS (default 3); hyperfine does the whole-process timing when it is
# installed, bash's EPOCHREALTIME otherwise.
#
# A benchmark, not a test: it exits non-zero only when something could not be run, never
# because a target is missed.
set -euo pipefail

# shellcheck source=lib.sh source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" sentiment-bench     # sets ROOT (the current directory), WORK
N="${1:-10000}"
RUNS="${RUNS:-3}"
DEV="${SENTIMENT_DEV:-../shared/data/sentiment-dev}"   # relative to the project root
SNIPPETS="$DEV/vader_movie_snippets_en.tsv"
VENV="$WORK/venv-sentiment"
VPY="$VENV/bin/python"
positive N "$N"
positive RUNS "$RUNS"
command -v python3 >/dev/null 2>&1 || die "python3 is needed (VADER is a Python library)"
mkdir -p "$WORK"
release_binary

# --- VADER, in its own venv (made once, reused) ---------------------------------------------
venv_ready "$VENV" venv-sentiment.log "" vaderSentiment==3.3.2 || die "$VENV_ERROR"

# --- the texts -------------------------------------------------------------------------------
TSV="$WORK/sentiment-bench-$N.tsv"
if [ -f "$SNIPPETS" ]; then
    SOURCE="first $N rows of $SNIPPETS (repeated under new ids past its end)"
    awk -F '\t' -v n="$N" '
        NR == 1 { next }
        NF >= 3 { m++; id[m] = $1; row[m] = $2 "\t" $NF }
        END {
            if (m == 0) exit 1
            print "id\ttext\tscore"
            for (i = 0; i < n; i++) {
                k = i % m + 1; r = int(i / m)
                printf "%s\t%s\n", (r ? "r" r "-" id[k] : id[k]), row[k]
            }
        }' "$SNIPPETS" > "$TSV.tmp" || die "no rows in $SNIPPETS"
else
    SOURCE="message texts of corpora/ repeated to $N, score 0 ($SNIPPETS is absent)"
    echo "note: $SNIPPETS is absent: timing the message texts of corpora/ instead (no movie snippets)"
    "$BIN" split corpora/ --format jsonl --out - --quiet > "$WORK/sentiment-bench-corpus.jsonl" \
        || die "forumlens split corpora/ failed"
    python3 - "$WORK/sentiment-bench-corpus.jsonl" "$N" > "$TSV.tmp" <<'EOF' || die "could not take the message texts of corpora/"
import json, sys
texts = []
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        record = json.loads(line)
        if record.get("type") != "message":
            continue
        text = " ".join((record.get("text") or "").replace("\t", " ").replace("\r", " ").split("\n")).strip()
        if text:
            texts.append(text)
if not texts:
    sys.exit("no message text in corpora/")
n = int(sys.argv[2])
out = sys.stdout
out.write("id\ttext\tscore\n")
for i in range(n):
    out.write(f"m{i + 1}\t{texts[i % len(texts)]}\t0\n")
EOF
fi
mv "$TSV.tmp" "$TSV"
ROWS="$(($(wc -l < "$TSV") - 1))"
[ "$ROWS" -eq "$N" ] || die "$TSV has $ROWS rows, not $N"

# --- the Python side: rate in-process, and a whole VADER evaluation ---------------------------
RATE_PY="$WORK/vader-rate.py"
EVAL_PY="$WORK/vader-eval.py"
cat > "$RATE_PY" <<'EOF'
"""vader-rate.py FILE.tsv RUNS: VADER's polarity_scores over every text of FILE.tsv, in-process.
Prints `SECONDS TEXTS_PER_SECOND` of the best of RUNS passes (the analyzer is made before)."""
import sys
import time
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

path, runs = sys.argv[1], int(sys.argv[2])
with open(path, encoding="utf-8") as f:
    next(f)
    texts = [line.rstrip("\n").split("\t")[1] for line in f if line.strip()]
analyzer = SentimentIntensityAnalyzer()
best = None
for _ in range(runs):
    start = time.perf_counter()
    for text in texts:
        analyzer.polarity_scores(text)
    seconds = time.perf_counter() - start
    best = seconds if best is None or seconds < best else best
print(f"{best:.4f} {len(texts) / best:.0f}")
EOF
cat > "$EVAL_PY" <<'EOF'
"""vader-eval.py FILE.tsv: loads VADER, scores every row of FILE.tsv (id, text, score) and prints
the Pearson r between VADER's compound and the score column. Standard library + vaderSentiment."""
import math
import sys
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

analyzer = SentimentIntensityAnalyzer()
predicted, gold = [], []
with open(sys.argv[1], encoding="utf-8") as f:
    next(f)
    for line in f:
        fields = line.rstrip("\n").split("\t")
        if len(fields) < 3:
            continue
        predicted.append(analyzer.polarity_scores(fields[1])["compound"])
        gold.append(float(fields[-1]))
n = len(gold)
mx, my = sum(predicted) / n, sum(gold) / n
sxy = sum((a - mx) * (b - my) for a, b in zip(predicted, gold))
sxx = sum((a - mx) ** 2 for a in predicted)
syy = sum((b - my) ** 2 for b in gold)
r = sxy / math.sqrt(sxx * syy) if sxx > 0 and syy > 0 else float("nan")
print(f"{sys.argv[1]} n={n} pearson_r={r:.4f}")
EOF

# --- timing ----------------------------------------------------------------------------------
# In-process, ours: the best texts/s that --timing reports.
OUR_RATE=""; OUR_RATE_SECONDS=""
for _ in $(seq "$RUNS"); do
    "$BIN" eval sentiment "$TSV" --jobs 1 --timing > "$WORK/sentiment-bench-eval.out" 2> "$WORK/sentiment-bench-eval.err" \
        || { cat "$WORK/sentiment-bench-eval.err" >&2; die "forumlens eval sentiment --timing failed"; }
    read -r seconds rate < <(sed -n 's/.* texts in \([0-9.]*\) s: \([0-9.]*\) texts\/s.*/\1 \2/p' "$WORK/sentiment-bench-eval.err" | tail -n 1) \
        || die "no 'texts/s' in the --timing output: $(cat "$WORK/sentiment-bench-eval.err")"
    if [ -z "$OUR_RATE" ] || check "$OUR_RATE < $rate"; then OUR_RATE="$rate"; OUR_RATE_SECONDS="$seconds"; fi
done
TIMING_LINE="$(tail -n 1 "$WORK/sentiment-bench-eval.err")"

# In-process, VADER.
read -r VADER_RATE_SECONDS VADER_RATE < <("$VPY" "$RATE_PY" "$TSV" "$RUNS") || die "vader-rate.py failed"
[ -n "${VADER_RATE:-}" ] || die "vader-rate.py printed no rate"

# The floor: a bare lexicon sum over the same texts (benchmarks/sentiment-floor.swift, VADER's
# lexicon), built once with swiftc -O. What any lexicon method costs at the least.
FLOOR_BIN="$WORK/sentiment-floor"
FLOOR_RATE=""; FLOOR_RATE_SECONDS=""
LEXICON="$("$VPY" -c 'import os, vaderSentiment; print(os.path.join(os.path.dirname(vaderSentiment.__file__), "vader_lexicon.txt"))')"
if [ ! -x "$FLOOR_BIN" ] || [ benchmarks/sentiment-floor.swift -nt "$FLOOR_BIN" ]; then
    swiftc -O benchmarks/sentiment-floor.swift -o "$FLOOR_BIN" > "$WORK/sentiment-floor.log" 2>&1 \
        || { rm -f "$FLOOR_BIN"; warn "swiftc could not build the floor (benchmarks/work/sentiment-floor.log): its row is left out"; }
fi
if [ -x "$FLOOR_BIN" ]; then
    read -r FLOOR_RATE_SECONDS FLOOR_RATE < <("$FLOOR_BIN" "$LEXICON" "$TSV" "$RUNS" 2> /dev/null) || die "sentiment-floor failed"
fi

# Whole process: best wall time of a command (hyperfine when installed, else EPOCHREALTIME).
wall() {   # wall KEY COMMAND...: sets BEST_SECONDS; the command's stdout goes to $WORK/sentiment-bench-KEY.out
    local key="$1" out="$WORK/sentiment-bench-$1.out" start seconds; shift
    BEST_SECONDS=""
    "$@" > "$out" || die "failed: $*"    # once for its output (and a warm page cache)
    if [ "$TIMER" = hyperfine ]; then
        local quoted; quoted="$(printf '%q ' "$@")"
        hyperfine --runs "$RUNS" --shell=none --style none --export-json "$WORK/sentiment-bench-$key.json" \
            "$quoted" > /dev/null || die "hyperfine failed on: $*"
        BEST_SECONDS="$(python3 -c 'import json, sys; print("%.4f" % json.load(open(sys.argv[1]))["results"][0]["min"])' \
            "$WORK/sentiment-bench-$key.json")"
    else
        for _ in $(seq "$RUNS"); do
            start="$(now)"
            "$@" > /dev/null || die "failed: $*"
            seconds="$(since "$start" 4)"
            if beats "$seconds" "$BEST_SECONDS"; then BEST_SECONDS="$seconds"; fi
        done
    fi
}
if command -v hyperfine >/dev/null 2>&1; then TIMER=hyperfine; else TIMER=EPOCHREALTIME; fi
wall ours-1 "$BIN" eval sentiment "$TSV" --jobs 1; OURS_1="$BEST_SECONDS"
wall ours-2 "$BIN" eval sentiment "$TSV" --jobs 2; OURS_2="$BEST_SECONDS"
wall vader "$VPY" "$EVAL_PY" "$TSV"; VADER_WALL="$BEST_SECONDS"

# --- table -----------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
per_second() { awk -v n="$N" -v s="$1" 'BEGIN { printf "%.0f", n / s }'; }
IN_RATIO="$(ratio "$OUR_RATE" "$VADER_RATE")"
WALL_RATIO="$(ratio "$VADER_WALL" "$OURS_1")"
WALL_RATIO_2="$(ratio "$VADER_WALL" "$OURS_2")"

printf 'texts: %s\n       %s (%s rows)\n' "$SOURCE" "${TSV#"$ROOT/"}" "$N"
printf 'forumlens: %s; VADER: vaderSentiment 3.3.2 in %s (%s)\n' "${BIN#"$ROOT/"}" "${VENV#"$ROOT/"}" "$("$VPY" --version 2>&1)"
printf 'best of %s runs; whole-process times by %s; one core unless said\n\n' "$RUNS" "$TIMER"
FMT='%-40s %9s %11s %8s %8s %6s\n'
printf "$FMT" what seconds texts/s ratio target result
printf "$FMT" "in-process: forumlens, 1 job" "$OUR_RATE_SECONDS" "$OUR_RATE" "${IN_RATIO}x" ">= 20x" "$(verdict "$IN_RATIO >= 20")"
printf "$FMT" "in-process: VADER polarity_scores" "$VADER_RATE_SECONDS" "$VADER_RATE" "1x" "-" "-"
if [ -n "$FLOOR_RATE" ]; then
    printf "$FMT" "in-process: floor, a bare lexicon sum" "$FLOOR_RATE_SECONDS" "$FLOOR_RATE" "$(ratio "$FLOOR_RATE" "$VADER_RATE")x" "(info)" "-"
fi
printf "$FMT" "whole process: forumlens eval, 1 job" "$OURS_1" "$(per_second "$OURS_1")" "${WALL_RATIO}x" ">= 10x" "$(verdict "$WALL_RATIO >= 10")"
printf "$FMT" "whole process: forumlens eval, 2 jobs" "$OURS_2" "$(per_second "$OURS_2")" "${WALL_RATIO_2}x" "(info)" "-"
printf "$FMT" "whole process: python3 vader-eval.py" "$VADER_WALL" "$(per_second "$VADER_WALL")" "1x" "-" "-"
printf '\nratios: in-process = our texts/s / VADER'"'"'s; whole process = VADER'"'"'s seconds / ours\n'
printf 'last --timing line: %s\n' "$TIMING_LINE"
printf 'forumlens eval (1 job): %s\n' "$(head -n 1 "$WORK/sentiment-bench-ours-1.out")"
printf 'vader-eval.py:          %s\n' "$(head -n 1 "$WORK/sentiment-bench-vader.out")"

printf '\ncommands:\n'
printf '  %s\n' \
    "$(show "$BIN" eval sentiment "$TSV" --jobs 1 --timing)   # x$RUNS, texts/s from stderr" \
    "$(show "$VPY" "$RATE_PY" "$TSV" "$RUNS")   # best of $RUNS passes in one process" \
    "$(show "$FLOOR_BIN" "$LEXICON" "$TSV" "$RUNS")   # the floor, best of $RUNS passes" \
    "$(show "$BIN" eval sentiment "$TSV" --jobs 1)   # wall time, best of $RUNS" \
    "$(show "$BIN" eval sentiment "$TSV" --jobs 2)   # wall time, best of $RUNS" \
    "$(show "$VPY" "$EVAL_PY" "$TSV")   # wall time, best of $RUNS"
