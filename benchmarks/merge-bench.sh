#!/usr/bin/env bash
# Multi-page threads: does `forumlens split --merge url` (the default) keep memory flat?
#
#   bash benchmarks/merge-bench.sh [THREADS]        # default 2000 (4,000 pages)
#   FORUMLENS=path/to/forumlens bash benchmarks/merge-bench.sh 500
#
# Builds two corpora of THREADS two-page threads and THREADS/10 of them, from the founding
# thread of corpora/ (fr/phpbb3-reseaux-p1.html and -p2.html, each copy under its own
# thread id), and runs split over each with the default --merge url under GNU time:
#   * paged:   the pages say "Page 1 sur 2": each thread is written once its two pages are
#              read, so peak memory should not grow with the number of threads;
#   * unpaged: the same pages without that line: threads are held to the end of the run (a
#              page cannot tell whether more of its thread is coming), so memory grows with
#              the messages held.
# Prints discussions, messages and peak RSS per run and the paged growth ratio. A benchmark,
# not a test: it exits non-zero only when something could not be run.
set -euo pipefail

# shellcheck source=lib.sh source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" merge-bench     # sets ROOT (the current directory), WORK
THREADS="${1:-2000}"
case "$THREADS" in ''|*[!0-9]*|0|?) die "THREADS must be a whole number of at least 10 (got '$THREADS')";; esac
have_gnu_time || apt_install time || die "GNU time is needed (Debian: apt-get install -y time)"
command -v python3 >/dev/null 2>&1 || die "python3 is needed to write the corpora"
mkdir -p "$WORK"
release_binary

# make_corpus DIR THREADS PAGED(1|0)
make_corpus() {
    rm -rf "$1"
    python3 - "$ROOT/corpora/fr" "$1" "$2" "$3" <<'PY'
import os, re, sys
source, target, threads, paged = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == "1"
pages = [open(os.path.join(source, f"phpbb3-reseaux-p{n}.html"), encoding="utf-8").read() for n in (1, 2)]
if not paged:
    pages = [re.sub(r"Page <strong>\d+</strong> sur <strong>\d+</strong>", "", page) for page in pages]
for thread in range(1, threads + 1):
    folder = os.path.join(target, f"{thread // 100:03d}")
    os.makedirs(folder, exist_ok=True)
    for number, page in enumerate(pages, 1):
        with open(os.path.join(folder, f"t{thread:06d}-p{number}.html"), "w", encoding="utf-8") as out:
            out.write(page.replace("t=4521", f"t={100000 + thread}"))
PY
}

declare -A RSS
printf '%-8s %8s %8s %12s %10s %12s\n' corpus threads pages discussions messages "peak RSS MB"
for kind in paged unpaged; do
    for threads in $((THREADS / 10)) "$THREADS"; do
        dir="$WORK/merge-$kind-$threads"
        make_corpus "$dir" "$threads" "$([ "$kind" = paged ] && echo 1 || echo 0)"
        out="$WORK/merge-$kind-$threads.jsonl"
        "$GNU_TIME" -v -o "$WORK/merge.time" "$BIN" split "$dir" --format jsonl --out "$out" --quiet \
            || die "forumlens split failed on $dir"
        rss="$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$WORK/merge.time")"
        RSS[$kind-$threads]="$rss"
        printf '%-8s %8s %8s %12s %10s %12s\n' "$kind" "$threads" "$((threads * 2))" \
            "$(grep -c '"type":"discussion"' "$out")" "$(grep -c '"type":"message"' "$out")" "$rss"
    done
done
awk -v small="${RSS[paged-$((THREADS / 10))]}" -v large="${RSS[paged-$THREADS]}" -v n="$THREADS" 'BEGIN {
    printf "\npaged threads: peak memory at %d threads / at %d threads = %.2f (flat: close to 1)\n", n, n / 10, large / small }'
