#!/usr/bin/env bash
# What writing every format costs: `forumlens analyze` (built-in analyzers) on the corpus
# split-bench.sh builds, with --format json alone, with the files people read (json,jsonl,csv,md,html)
# and with every format (…,sqlite), best of RUNS each, alternating; prints the seconds, the output
# sizes and the extra time over json alone (target: under 20% for every format). One core by
# default (JOBS=2 for both).
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
declare -A BEST
for _ in $(seq "$RUNS"); do
    for formats in json json,jsonl,csv,md,html json,jsonl,csv,md,html,sqlite; do
        out="$WORK/report-bench-${formats//,/-}"
        rm -rf "$out"; mkdir -p "$out"
        start="$(now)"
        "$BIN" analyze "$CORPUS" --jobs "$JOBS" --merge none --format "$formats" --out "$out/" --quiet || die "analyze --format $formats failed"
        seconds="$(since "$start" 3)"
        if beats "$seconds" "${BEST[$formats]:-}"; then BEST[$formats]="$seconds"; fi
    done
done
printf 'corpus: %s (%s MB), %s job(s), best of %s\n\n' "$CORPUS" "$SIZE_MB" "$JOBS" "$RUNS"
printf '%-26s %9s %12s\n' formats seconds "output MB"
for formats in json json,jsonl,csv,md,html json,jsonl,csv,md,html,sqlite; do
    out="$WORK/report-bench-${formats//,/-}"
    printf '%-26s %9s %12.1f\n' "$formats" "${BEST[$formats]}" "$(du -sk "$out" | awk '{ print $1 / 1024 }')"
done
files="$(awk -v a="${BEST[json]}" -v b="${BEST[json,jsonl,csv,md,html]}" 'BEGIN { printf "%.1f", (b / a - 1) * 100 }')"
extra="$(awk -v a="${BEST[json]}" -v b="${BEST[json,jsonl,csv,md,html,sqlite]}" 'BEGIN { printf "%.1f", (b / a - 1) * 100 }')"
printf '\njsonl, csv, md and html add %s%% to json alone\n' "$files"
printf 'all formats (with sqlite) add %s%% to json alone (target < 20%%): %s\n' "$extra" "$(verdict "$extra < 20")"
