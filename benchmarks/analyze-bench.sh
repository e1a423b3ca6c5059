#!/usr/bin/env bash
# Messages per second through the analysis pipeline: `forumlens analyze` with no analyzer, with
# the example rule plugin, with the example rule and Python process plugins, and with the
# built-in analyzers (sentiment alone, sentiment with time-cost, with advice, and all three), on the corpus
# split-bench.sh builds, one core (and the rule plugin on two: analysis runs on --jobs threads). A process plugin must stream: its cost per message stays in
# microseconds (one process for the run), not a process start per message.
#
#   bash benchmarks/analyze-bench.sh [SIZE_MB]        # default 100
#   FORUMLENS=path/to/forumlens RUNS=3 bash benchmarks/analyze-bench.sh 20
#
# Prints, per configuration, the best of RUNS wall-clock times, messages/s, and the cost per
# message above the run with no analyzer. A benchmark, not a test: it exits non-zero only when
# something could not be run.
set -euo pipefail

# shellcheck source=lib.sh source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" analyze-bench     # sets ROOT (the current directory), WORK
SIZE_MB="${1:-100}"
RUNS="${RUNS:-3}"
positive SIZE_MB "$SIZE_MB"
command -v python3 >/dev/null 2>&1 || die "python3 is needed for the process plugin"
mkdir -p "$WORK"
release_binary
bench_corpus "$SIZE_MB"

RULES="$ROOT/Plugins/Examples/networks.yml"
PROCESS="$ROOT/Plugins/Examples/questions/questions.yml"
best() {   # best KEY ANALYZERS [JOBS]: sets BEST_SECONDS
    local list="$2" jobs="${3:-1}" out="$WORK/analyze-$1.jsonl" start seconds
    BEST_SECONDS=""
    for _ in $(seq "$RUNS"); do
        start="$(now)"
        "$BIN" analyze "$CORPUS" --jobs "$jobs" --merge none --analyzers "$list" --format jsonl --out "$out" --quiet \
            || die "forumlens analyze failed ($1)"
        seconds="$(since "$start" 3)"
        if beats "$seconds" "$BEST_SECONDS"; then BEST_SECONDS="$seconds"; fi
    done
    MESSAGES="$(grep -c '"type":"message"' "$out")"
}

printf 'corpus: %s (%s MB), best of %s, one core unless said\n\n' "$CORPUS" "$SIZE_MB" "$RUNS"
printf '%-26s %9s %10s %12s %16s\n' analyzers seconds messages messages/s "µs/message more"
best none ""; BASE="$BEST_SECONDS"
printf '%-26s %9s %10s %12.0f %16s\n' "none" "$BASE" "$MESSAGES" "$(awk -v m="$MESSAGES" -v s="$BASE" 'BEGIN { print m / s }')" "-"
# time-cost and advice read sentiment's results: their own cost is their row's less sentiment's.
for config in "rule plugin:$RULES" "rule + process plugins:$RULES,$PROCESS" "sentiment:sentiment" "sentiment + time-cost:sentiment,time-cost" \
    "sentiment + advice:sentiment,advice" "built-ins (all three):sentiment,time-cost,advice"; do
    name="${config%%:*}"; list="${config#*:}"
    best "${name// /-}" "$list"
    printf '%-26s %9s %10s %12.0f %16.0f\n' "$name" "$BEST_SECONDS" "$MESSAGES" \
        "$(awk -v m="$MESSAGES" -v s="$BEST_SECONDS" 'BEGIN { print m / s }')" \
        "$(awk -v m="$MESSAGES" -v s="$BEST_SECONDS" -v b="$BASE" 'BEGIN { print (s - b) / m * 1e6 }')"
done
best rule-plugin-2 "$RULES" 2
printf '%-26s %9s %10s %12.0f %16s\n' "rule plugin, 2 jobs" "$BEST_SECONDS" "$MESSAGES" \
    "$(awk -v m="$MESSAGES" -v s="$BEST_SECONDS" 'BEGIN { print m / s }')" "-"
