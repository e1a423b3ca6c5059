#!/usr/bin/env bash
# What writing every format costs: `forumlens analyze` (built-in analyzers) on the corpus
# split-bench.sh builds, with --format json alone, with the files people read (json,jsonl,csv,md,html)
# and with every format (…,sqlite), RUNS times each, alternating; prints the best wall time, the
# least CPU time (user + sys, every thread: what the run costs, less swayed than wall time by
# other work on a shared host), the output sizes and the extra over json alone (target: under
# 20% for every format). One core by default (JOBS=2 for both).
#
#   bash benchmarks/report-bench.sh [SIZE_MB]        # default 100
#   FORUMLENS=path/to/forumlens RUNS=5 JOBS=2 bash benchmarks/report-bench.sh 100
set -euo pipefail

# shellcheck source=lib.sh source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" report-bench     # sets ROOT (the current directory), WORK
SIZE_MB="${1:-100}"
RUNS="${RUNS:-3}"
JOBS="${JOBS:-1}"
positive SIZE_MB "$SIZE_MB"
mkdir -p "$WORK"
release_binary
bench_corpus "$SIZE_MB"
find_gnu_time
OUT="$WORK"                  # where `timed` keeps GNU time's figures
FORMATS=("json" "json,jsonl,csv,md,html" "json,jsonl,csv,md,html,sqlite")
declare -A BEST LEAST
for _ in $(seq "$RUNS"); do
    for formats in "${FORMATS[@]}"; do
        out="$WORK/report-bench-${formats//,/-}"
        rm -rf "$out"; mkdir -p "$out"
        start="$(now)"
        timed "$BIN" analyze "$CORPUS" --jobs "$JOBS" --merge none --format "$formats" --out "$out/" --quiet || die "analyze --format $formats failed"
        seconds="$(since "$start" 3)"
        if beats "$seconds" "${BEST[$formats]:-}"; then BEST[$formats]="$seconds"; fi
        if [ -n "$LAST_CPU" ] && beats "$LAST_CPU" "${LEAST[$formats]:-}"; then LEAST[$formats]="$LAST_CPU"; fi
    done
done
printf 'corpus: %s (%s MB), %s job(s), %s runs each\n\n' "$CORPUS" "$SIZE_MB" "$JOBS" "$RUNS"
printf '%-30s %9s %9s %9s %9s %10s\n' formats "wall s" "extra" "CPU s" "extra" "output MB"
for formats in "${FORMATS[@]}"; do
    out="$WORK/report-bench-${formats//,/-}"
    wall_extra="$(calc "(${BEST[$formats]} / ${BEST[json]} - 1) * 100")"
    cpu="${LEAST[$formats]:-n/a}" cpu_extra="n/a"
    if [ "$cpu" != n/a ]; then cpu_extra="$(printf '%.1f%%' "$(calc "($cpu / ${LEAST[json]} - 1) * 100")")"; fi
    printf '%-30s %9s %8.1f%% %9s %9s %10.1f\n' "$formats" "${BEST[$formats]}" "$wall_extra" "$cpu" "$cpu_extra" \
        "$(du -sk "$out" | awk '{ print $1 / 1024 }')"
done
all="json,jsonl,csv,md,html,sqlite"
wall="$(printf '%.1f' "$(calc "(${BEST[$all]} / ${BEST[json]} - 1) * 100")")"
printf '\nall formats add %s%% of wall time to json alone (target < 20%%): %s\n' "$wall" "$(verdict "$wall < 20")"
if [ -n "${LEAST[$all]:-}" ]; then
    cpu="$(printf '%.1f' "$(calc "(${LEAST[$all]} / ${LEAST[json]} - 1) * 100")")"
    printf 'all formats add %s%% of CPU time to json alone (target < 20%%): %s\n' "$cpu" "$(verdict "$cpu < 20")"
fi
