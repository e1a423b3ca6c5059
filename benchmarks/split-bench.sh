#!/usr/bin/env bash
# ForumLens speed benchmark: `forumlens split` against libxml2's own HTML parse (xmllint).
#
#   bash benchmarks/split-bench.sh [SIZE_MB]          # default 100
#   FORUMLENS=path/to/forumlens bash benchmarks/split-bench.sh 300
#
# Environment knobs:
#   FORUMLENS=path   use this binary instead of building the release one
#   RUNS=3           timed runs per configuration (the fastest is kept)
#   BATCH=n          files per xmllint process (default: about 1/32 of the corpus, at most 64)
#   CORPUS_ONLY=1    only build (or find) the corpus and print its path (no tools, no build)
#
# A benchmark, not a test: it prints PASS/FAIL against the targets of DESIGN.md
# ("Performance") and exits 0 whatever the figures. It exits non-zero only when something
# could not be run or measured (build, corpus, xmllint, GNU time, a forumlens run).
# benchmarks/README.md explains how to read the output.
set -euo pipefail

# ---------------------------------------------------------------- setup
# shellcheck source=lib.sh source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" split-bench     # sets ROOT (the current directory), WORK

SIZE_MB="${1:-100}"
RUNS="${RUNS:-3}"
SHARED_DEV="$ROOT/../shared/data/forums-dev"

# Targets (DESIGN.md "Performance").
TARGET_RATIO_1=0.7    # split --jobs 1 / xmllint 1 process   (throughput ratio)
TARGET_RATIO_2=1.6    # split --jobs 2 / xmllint 1 process
TARGET_RSS_MB=150     # peak RSS of every forumlens run
NOISE_WARN=0.15       # other processes' CPU (in cores) during a run above which the figure is suspect

positive SIZE_MB "$SIZE_MB" "whole number of megabytes"
positive RUNS "$RUNS"
positive BATCH "${BATCH:-1}"
need_bash5

# ---------------------------------------------------------------- tools
mkdir -p "$WORK"
if [ "${CORPUS_ONLY:-0}" != 1 ]; then
if ! find_xmllint; then
    warn "xmllint is MISSING: the reference (libxml2's own HTML parse) cannot be timed, so there are no ratios."
    warn "Install it as root: apt-get install -y libxml2-utils  (Fedora: dnf install libxml2; macOS: brew install libxml2)."
    INCOMPLETE+=("xmllint missing: no reference timing and no ratios")
fi
find_gnu_time

# ---------------------------------------------------------------- binary
release_binary "$ROOT/.build-bench"
[ -z "${FORUMLENS:-}" ] || say "Using FORUMLENS=$BIN (no build)."
fi   # CORPUS_ONLY

# ---------------------------------------------------------------- corpus
SOURCES=()
while IFS= read -r -d '' f; do SOURCES+=("$f"); done \
    < <(find "$ROOT/corpora" -type f \( -name '*.html' -o -name '*.htm' \) -print0 | LC_ALL=C sort -z)
SOURCE_NOTE="corpora/ (${#SOURCES[@]} pages)"
if [ -d "$SHARED_DEV" ]; then
    n_before=${#SOURCES[@]}
    while IFS= read -r -d '' f; do SOURCES+=("$f"); done \
        < <(find "$SHARED_DEV" -maxdepth 1 -type f -name '*.html' -print0 | LC_ALL=C sort -z)
    SOURCE_NOTE="$SOURCE_NOTE + ../shared/data/forums-dev ($(( ${#SOURCES[@]} - n_before )) pages)"
else
    SOURCE_NOTE="$SOURCE_NOTE only (../shared/data/forums-dev is absent)"
fi
[ ${#SOURCES[@]} -gt 0 ] || die "no .html pages found under corpora/"

CORPUS="$WORK/corpus-${SIZE_MB}mb"
STAMP="$WORK/corpus-${SIZE_MB}mb.stamp"
TARGET_BYTES=$(( SIZE_MB * 1000000 ))
# The stamp lists the sources (size and path), so a changed source set rebuilds the corpus.
STAMP_WANT="sources $(for f in "${SOURCES[@]}"; do printf '%s %s\n' "$(wc -c < "$f")" "${f#"$ROOT/"}"; done | cksum) target $TARGET_BYTES"

corpus_bytes() { find "$1" -type f -name '*.html' -printf '%s\n' | awk '{ s += $1 } END { printf "%d", s }'; }

if [ -d "$CORPUS" ] && [ -f "$STAMP" ] && [ "$(sed -n 1p "$STAMP")" = "$STAMP_WANT" ] \
   && [ "$(corpus_bytes "$CORPUS")" = "$(sed -n 2p "$STAMP")" ]; then
    say "Reusing the corpus in ${CORPUS#"$ROOT/"} (it already has the right size)."
else
    say "Building a ~${SIZE_MB} MB corpus in ${CORPUS#"$ROOT/"} from $SOURCE_NOTE ..."
    rm -rf "$CORPUS" "$CORPUS.tmp" "$STAMP"
    mkdir -p "$CORPUS.tmp"
    total=0; round=0
    while [ "$total" -lt "$TARGET_BYTES" ]; do
        round=$(( round + 1 ))
        for f in "${SOURCES[@]}"; do
            [ "$total" -lt "$TARGET_BYTES" ] || break
            rel="${f#"$ROOT/"}"; rel="${rel#../}"                  # corpora/en/x.html, shared/data/forums-dev/y.html
            name="$(printf 'r%04d-%s' "$round" "${rel//\//_}")"    # a distinct name for every copy
            cp "$f" "$CORPUS.tmp/$name"                             # pages are copied byte for byte
            chmod u+w "$CORPUS.tmp/$name"
            total=$(( total + $(wc -c < "$f") ))
        done
    done
    mv "$CORPUS.tmp" "$CORPUS"                                      # an interrupted build is never reused
    printf '%s\n%s\n' "$STAMP_WANT" "$total" > "$STAMP"
fi
BYTES="$(corpus_bytes "$CORPUS")"
NFILES="$(find "$CORPUS" -type f -name '*.html' | wc -l)"
MB="$(calc "$BYTES / 1000000")"
FILELIST="$WORK/files-${SIZE_MB}mb.list0"
find "$CORPUS" -type f -name '*.html' -print0 | LC_ALL=C sort -z > "$FILELIST"
# Enough xmllint batches (about 32) for two processes to share the work evenly, few enough
# that process start-up stays negligible.
BATCH="${BATCH:-$(( (NFILES + 31) / 32 ))}"
[ "$BATCH" -le 64 ] || BATCH=64

if [ "${CORPUS_ONLY:-0}" = 1 ]; then      # used by bench_corpus (lib.sh): just make the corpus
    say "$CORPUS"
    exit 0
fi

# Warm the page cache: the timings are for a warm cache.
xargs -0 cat < "$FILELIST" > /dev/null

# ---------------------------------------------------------------- header
OUT="$WORK/out"; mkdir -p "$OUT"
REPORT="$WORK/results-${SIZE_MB}mb-$(date -u +%Y%m%dT%H%M%SZ).txt"
tee_report "$REPORT"     # from here on, everything printed also goes to $REPORT

bench_header "split benchmark"
say "  corpus  : ${CORPUS#"$ROOT/"}: $NFILES files, $BYTES bytes ($(printf '%.1f' "$MB") MB),"
say "            copies of $SOURCE_NOTE"
say "  note    : split runs with --merge none: the corpus repeats the same threads under distinct"
say "            file names, and --merge url would fold all copies of a thread into one discussion."
say "  method  : wall clock, best of $RUNS, warm cache; MB = 10^6 bytes; xmllint: $BATCH files per process"
[ "$NCORES" -ge 2 ] || warn "only $NCORES core: the 2-process and --jobs 2 rows cannot show a parallel speed-up"
say ""

# ---------------------------------------------------------------- measurements
if [ -n "$XMLLINT" ]; then
    add_config xml1 "xmllint --html" 1
    add_config xml2 "xmllint --html" 2
fi
add_config jsonl1 "forumlens jsonl" 1
add_config jsonl2 "forumlens jsonl" 2
add_config json1  "forumlens json" 1

# shellcheck disable=SC2317   # run_one KEY: called by interleaved_rounds
run_one() {
    case "$1" in
        xml1)   run_xmllint 1 ;;
        xml2)   run_xmllint 2 ;;
        jsonl1) run_forumlens jsonl1 split jsonl 1 ;;
        jsonl2) run_forumlens jsonl2 split jsonl 2 ;;
        json1)  run_forumlens json1 split json 1 ;;
    esac
}

say "Commands (the corpus directory is DIR):"
[ -n "$XMLLINT" ] && say "  xargs -0 -n $BATCH [-P 2] xmllint --html --noout --nonet < list of DIR/*.html"
say "  forumlens split DIR --merge none --format jsonl --out FILE --quiet --jobs 1|2"
say "  forumlens split DIR --merge none --format json  --out FILE --quiet --jobs 1"
say ""
interleaved_rounds run_one

MESSAGES="$(grep -c '"type":"message"' "$OUT/jsonl1.jsonl" || true)"
MESSAGES2="$(grep -c '"type":"message"' "$OUT/jsonl2.jsonl" || true)"
[ "$MESSAGES" = "$MESSAGES2" ] || warn "--jobs 1 and --jobs 2 wrote different message counts ($MESSAGES vs $MESSAGES2)"
[ "${MESSAGES:-0}" -gt 0 ] || warn "the JSONL output holds no message lines: these figures measure nothing useful"

# ---------------------------------------------------------------- table
say ""
say "Corpus: $NFILES files, $(printf '%.1f' "$MB") MB, $MESSAGES messages (lines with \"type\":\"message\" in the --jobs 1 JSONL output)."
say ""
fmt='%-16s %5s %8s %8s %11s %8s %12s %10s\n'
printf "$fmt" "tool" "cores" "seconds" "MB/s" "messages/s" "cpu s" "peak RSS MB" "other load"
printf "$fmt" "----------------" "-----" "--------" "--------" "-----------" "--------" "------------" "----------"
for i in "${!CONFIGS[@]}"; do
    key="${CONFIGS[$i]}"; s="${BEST[$key]}"
    row_figures "$key"
    case "$key" in
        xml*) msgs="-"; rss="-" ;;
        *)    msgs="$(printf '%.0f' "$(calc "$MESSAGES / $s")")"; rss="$ROW_RSS" ;;
    esac
    printf "$fmt" "${LABEL[$i]}" "${CORES[$i]}" "$(printf '%.2f' "$s")" "$(printf '%.1f' "$(calc "$MB / $s")")" \
        "$msgs" "$ROW_CPU" "$rss" "$ROW_NOISE"
done
say ""
say "(other load: CPU used by other processes during that run, in cores, from /proc/stat;"
say " anything above $NOISE_WARN means the machine was shared and that row is pessimistic.)"
say ""

say "Targets (DESIGN.md, Performance):"
if [ -n "$XMLLINT" ]; then
    r1="$(calc "${BEST[xml1]} / ${BEST[jsonl1]}")"     # speed ratio = inverse time ratio
    r2="$(calc "${BEST[xml1]} / ${BEST[jsonl2]}")"
    rx="$(calc "${BEST[xml1]} / ${BEST[xml2]}")"
    printf '  split --jobs 1 / xmllint 1 process : %6.3f  (target >= %s)   %s\n' "$r1" "$TARGET_RATIO_1" "$(verdict "$r1 >= $TARGET_RATIO_1")"
    printf '  split --jobs 2 / xmllint 1 process : %6.3f  (target >= %s)   %s\n' "$r2" "$TARGET_RATIO_2" "$(verdict "$r2 >= $TARGET_RATIO_2")"
    printf '  (scale of this machine: xmllint 2 processes / 1 process = %.2f; split --jobs 2 / --jobs 1 = %.2f)\n' \
        "$rx" "$(calc "${BEST[jsonl1]} / ${BEST[jsonl2]}")"
    say "  per-round ratios, median (range)   : --jobs 1 $(round_ratios jsonl1 xml1); --jobs 2 $(round_ratios jsonl2 xml1)"
else
    say "  split / xmllint ratios             :  n/a (xmllint missing)"
fi
if [ "$HAVE_TIME" -eq 1 ]; then
    worst_rss jsonl1 jsonl2 json1
    worst_mb="$(calc "$WORST * 1024 / 1000000")"
    printf '  peak memory (worst forumlens run)  : %6.1f MB (%s; target < %s MB)   %s\n' \
        "$worst_mb" "$WORST_KEY" "$TARGET_RSS_MB" "$(verdict "$worst_mb < $TARGET_RSS_MB")"
else
    say "  peak memory                        :  NOT MEASURED (GNU time missing: apt-get install -y time)"
fi
finish
