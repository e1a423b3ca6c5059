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
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

SIZE_MB="${1:-100}"
RUNS="${RUNS:-3}"
WORK="$ROOT/benchmarks/work"          # git-ignored (/benchmarks/work/ in .gitignore)
SCRATCH="$ROOT/.build-bench"
SHARED_DEV="$ROOT/../shared/data/forums-dev"

# Targets (DESIGN.md "Performance").
TARGET_RATIO_1=0.7    # split --jobs 1 / xmllint 1 process   (throughput ratio)
TARGET_RATIO_2=1.6    # split --jobs 2 / xmllint 1 process
TARGET_RSS_MB=150     # peak RSS of every forumlens run
NOISE_WARN=0.15       # other processes' CPU (in cores) during a run above which the figure is suspect

say()  { printf '%s\n' "$*"; }
warn() { printf 'split-bench: warning: %s\n' "$*" >&2; }
die()  { printf 'split-bench: error: %s\n' "$*" >&2; exit 1; }

case "$SIZE_MB" in ''|*[!0-9]*|0) die "SIZE_MB must be a positive whole number of megabytes (got '$SIZE_MB')";; esac
case "$RUNS" in ''|*[!0-9]*|0) die "RUNS must be a positive whole number (got '$RUNS')";; esac
case "${BATCH:-1}" in ''|*[!0-9]*|0) die "BATCH must be a positive whole number (got '$BATCH')";; esac
[ -n "${EPOCHREALTIME:-}" ] || die "bash 5 or later is needed (EPOCHREALTIME); this is bash $BASH_VERSION"

calc()  { awk "BEGIN { printf \"%.6f\", $1 }"; }      # float arithmetic: calc '1 / 3'
check() { awk "BEGIN { exit !($1) }"; }                # float comparison: check '1 < 2'
now()   { printf '%s' "${EPOCHREALTIME/,/.}"; }        # seconds.microseconds, no fork
cores() { nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1; }

INCOMPLETE=()    # what could not be measured; the run then ends with exit 1 after printing the rest

# apt_install PACKAGE: install with apt-get when running as root on a machine that has apt-get.
apt_install() {
    local pkg="$1"
    [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1 || return 1
    say "Installing $pkg with apt-get ..."
    if apt-get install -y -q "$pkg" >/dev/null 2>&1 \
       || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q "$pkg" >/dev/null 2>&1; }; then
        return 0
    fi
    warn "apt-get install -y $pkg failed"
    return 1
}

# ---------------------------------------------------------------- tools
mkdir -p "$WORK"
if [ "${CORPUS_ONLY:-0}" != 1 ]; then
command -v xmllint >/dev/null 2>&1 || apt_install libxml2-utils || true
if command -v xmllint >/dev/null 2>&1; then
    XMLLINT="$(command -v xmllint)"
else
    XMLLINT=""
    warn "xmllint is MISSING: the reference (libxml2's own HTML parse) cannot be timed, so there are no ratios."
    warn "Install it as root: apt-get install -y libxml2-utils  (Fedora: dnf install libxml2; macOS: brew install libxml2)."
    INCOMPLETE+=("xmllint missing: no reference timing and no ratios")
fi

GNU_TIME="${GNU_TIME:-/usr/bin/time}"
have_gnu_time() { [ -x "$GNU_TIME" ] && "$GNU_TIME" -v true >/dev/null 2>&1; }
have_gnu_time || apt_install time || true
if have_gnu_time; then
    HAVE_TIME=1
else
    HAVE_TIME=0
    warn "GNU time ($GNU_TIME -v) is MISSING: PEAK MEMORY AND CPU TIME ARE NOT MEASURED (shown as n/a)."
    warn "Install it as root: apt-get install -y time"
    INCOMPLETE+=("GNU time missing: peak memory not measured")
fi

# ---------------------------------------------------------------- binary
if [ -n "${FORUMLENS:-}" ]; then
    BIN="$FORUMLENS"
    [ -x "$BIN" ] || die "FORUMLENS=$BIN is not an executable file"
    say "Using FORUMLENS=$BIN (no build)."
else
    command -v swift >/dev/null 2>&1 || die "swift is not on PATH: install the Swift 6 toolchain, or pass FORUMLENS=path"
    say "Building the release binary: swift build -c release --product forumlens --scratch-path .build-bench ..."
    if ! swift build -c release --product forumlens --scratch-path "$SCRATCH" > "$WORK/build.log" 2>&1; then
        tail -n 30 "$WORK/build.log" >&2 || true
        die "the release build failed (full log: benchmarks/work/build.log)"
    fi
    BIN="$(swift build -c release --product forumlens --scratch-path "$SCRATCH" --show-bin-path)/forumlens"
    [ -x "$BIN" ] || die "the build reported success but $BIN is missing"
fi
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

if [ "${CORPUS_ONLY:-0}" = 1 ]; then      # used by profile-split.sh: just make the corpus
    say "$CORPUS"
    exit 0
fi

# Warm the page cache: the timings are for a warm cache.
xargs -0 cat < "$FILELIST" > /dev/null

# ---------------------------------------------------------------- header
OUT="$WORK/out"; mkdir -p "$OUT"
CPU_MODEL="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)"
REPORT="$WORK/results-${SIZE_MB}mb-$(date -u +%Y%m%dT%H%M%SZ).txt"
# From here on, everything printed also goes to $REPORT.
exec 3>&1 4>&2
exec > >(tee "$REPORT") 2>&1
TEE_PID=$!
trap 'exec 1>&3 2>&4; wait "$TEE_PID" 2>/dev/null || true' EXIT

NCORES="$(cores)"
say ""
say "ForumLens split benchmark — $(date -u '+%Y-%m-%d %H:%M UTC')"
say "  machine : $NCORES cores (nproc), ${CPU_MODEL:-unknown CPU}, $(uname -sr)"
say "  load    : $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a) (1/5/15 min load average before the runs)"
say "  binary  : ${BIN#"$ROOT/"} ($("$BIN" --version 2>/dev/null || echo 'version unknown'))"
if [ -n "$XMLLINT" ]; then
    say "  xmllint : $XMLLINT ($("$XMLLINT" --version 2>&1 | head -n 1 | sed 's/^.*using //'))"
else
    say "  xmllint : MISSING"
fi
say "  corpus  : ${CORPUS#"$ROOT/"}: $NFILES files, $BYTES bytes ($(printf '%.1f' "$MB") MB),"
say "            copies of $SOURCE_NOTE"
say "  note    : split runs with --merge none: the corpus repeats the same threads under distinct"
say "            file names, and --merge url would fold all copies of a thread into one discussion."
say "  method  : wall clock, best of $RUNS, warm cache; MB = 10^6 bytes; xmllint: $BATCH files per process"
[ "$NCORES" -ge 2 ] || warn "only $NCORES core: the 2-process and --jobs 2 rows cannot show a parallel speed-up"
say ""

# ---------------------------------------------------------------- measurements
# Machine-wide busy CPU time in seconds (all cores, including steal), from /proc/stat.
CLK_TCK="$(getconf CLK_TCK 2>/dev/null || echo 100)"
busy_seconds() {
    if [ -r /proc/stat ]; then
        awk -v hz="$CLK_TCK" '/^cpu / { printf "%.2f", ($2 + $3 + $4 + $7 + $8 + $9) / hz; exit }' /proc/stat
    else
        printf ''
    fi
}

declare -A BEST CPU RSS NOISE ROUND_TIMES
CONFIGS=(); LABEL=(); CORES=()
add_config() { CONFIGS+=("$1"); LABEL+=("$2"); CORES+=("$3"); }
if [ -n "$XMLLINT" ]; then
    add_config xml1 "xmllint --html" 1
    add_config xml2 "xmllint --html" 2
fi
add_config jsonl1 "forumlens jsonl" 1
add_config jsonl2 "forumlens jsonl" 2
add_config json1  "forumlens json" 1

# timed CMD...: runs CMD under GNU time when present; sets LAST_CPU (user+sys s) and LAST_RSS (KiB).
timed() {
    local tv="$OUT/last.time" rc=0
    LAST_CPU=""; LAST_RSS=""
    if [ "$HAVE_TIME" -eq 1 ]; then
        "$GNU_TIME" -v -o "$tv" "$@" || rc=$?
        LAST_RSS="$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$tv")"
        LAST_CPU="$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.2f", u + s }' "$tv")"
    else
        "$@" || rc=$?
    fi
    return "$rc"
}

run_xmllint() {   # run_xmllint PROCS
    local rc=0
    timed xargs -0 -n "$BATCH" -P "$1" "$XMLLINT" --html --noout --nonet < "$FILELIST" 2>/dev/null || rc=$?
    # xargs exits 123 when some xmllint exited 1-125 (parse errors: fine); 124-127: it could not run.
    if [ "$rc" -ne 0 ] && [ "$rc" -ne 123 ]; then die "xmllint could not run over the corpus (xargs exit $rc)"; fi
}

run_split() {     # run_split KEY FORMAT JOBS
    local key="$1" fmt="$2" jobs="$3" rc=0 err="$OUT/$1.stderr"
    local cmd=("$BIN" split "$CORPUS" --merge none --format "$fmt" --out "$OUT/$key.$fmt" --quiet --jobs "$jobs")
    timed "${cmd[@]}" 2> "$err" || rc=$?
    if [ "$rc" -ne 0 ]; then
        tail -n 20 "$err" >&2 || true
        die "forumlens split failed (exit $rc): ${cmd[*]}"
    fi
}

say "Commands (the corpus directory is DIR):"
[ -n "$XMLLINT" ] && say "  xargs -0 -n $BATCH [-P 2] xmllint --html --noout --nonet < list of DIR/*.html"
say "  forumlens split DIR --merge none --format jsonl --out FILE --quiet --jobs 1|2"
say "  forumlens split DIR --merge none --format json  --out FILE --quiet --jobs 1"
say ""
for run in $(seq 1 "$RUNS"); do
    printf 'run %d/%d:' "$run" "$RUNS"
    for key in "${CONFIGS[@]}"; do
        b0="$(busy_seconds)"; t0="$(now)"
        case "$key" in
            xml1)   run_xmllint 1 ;;
            xml2)   run_xmllint 2 ;;
            jsonl1) run_split jsonl1 jsonl 1 ;;
            jsonl2) run_split jsonl2 jsonl 2 ;;
            json1)  run_split json1 json 1 ;;
        esac
        t1="$(now)"; b1="$(busy_seconds)"
        secs="$(calc "$t1 - $t0")"
        noise=""   # CPU used by everything else on the machine during the run, in cores
        if [ -n "$b0" ] && [ -n "$b1" ] && [ -n "$LAST_CPU" ]; then
            noise="$(calc "($b1 - $b0 - $LAST_CPU) / $secs")"
            check "$noise < 0" && noise="0"
        fi
        printf ' %s %.2fs' "$key" "$secs"
        ROUND_TIMES[$key]="${ROUND_TIMES[$key]:-} $secs"
        if [ -z "${BEST[$key]:-}" ] || check "$secs < ${BEST[$key]}"; then
            BEST[$key]="$secs"; CPU[$key]="$LAST_CPU"; NOISE[$key]="$noise"
        fi
        if [ -n "$LAST_RSS" ] && { [ -z "${RSS[$key]:-}" ] || [ "$LAST_RSS" -gt "${RSS[$key]}" ]; }; then
            RSS[$key]="$LAST_RSS"
        fi
    done
    printf '\n'
done

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
NOISY=0
for i in "${!CONFIGS[@]}"; do
    key="${CONFIGS[$i]}"; s="${BEST[$key]}"
    cpu="${CPU[$key]:-n/a}"; [ -n "$cpu" ] || cpu="n/a"
    noise="${NOISE[$key]:-}"
    if [ -n "$noise" ]; then
        check "$noise > $NOISE_WARN" && NOISY=1
        noise="$(printf '%.2f' "$noise")"
    else
        noise="n/a"
    fi
    case "$key" in
        xml*) msgs="-"; rss="-" ;;
        *)    msgs="$(printf '%.0f' "$(calc "$MESSAGES / $s")")"
              if [ -n "${RSS[$key]:-}" ]; then rss="$(printf '%.1f' "$(calc "${RSS[$key]} * 1024 / 1000000")")"; else rss="n/a"; fi ;;
    esac
    printf "$fmt" "${LABEL[$i]}" "${CORES[$i]}" "$(printf '%.2f' "$s")" "$(printf '%.1f' "$(calc "$MB / $s")")" \
        "$msgs" "$cpu" "$rss" "$noise"
done
say ""
say "(other load: CPU used by other processes during that run, in cores, from /proc/stat;"
say " anything above $NOISE_WARN means the machine was shared and that row is pessimistic.)"
say ""

verdict() { if check "$1"; then printf 'PASS'; else printf 'FAIL'; fi; }
say "Targets (DESIGN.md, Performance):"
if [ -n "$XMLLINT" ]; then
    r1="$(calc "${BEST[xml1]} / ${BEST[jsonl1]}")"     # speed ratio = inverse time ratio
    r2="$(calc "${BEST[xml1]} / ${BEST[jsonl2]}")"
    rx="$(calc "${BEST[xml1]} / ${BEST[xml2]}")"
    printf '  split --jobs 1 / xmllint 1 process : %6.3f  (target >= %s)   %s\n' "$r1" "$TARGET_RATIO_1" "$(verdict "$r1 >= $TARGET_RATIO_1")"
    printf '  split --jobs 2 / xmllint 1 process : %6.3f  (target >= %s)   %s\n' "$r2" "$TARGET_RATIO_2" "$(verdict "$r2 >= $TARGET_RATIO_2")"
    printf '  (scale of this machine: xmllint 2 processes / 1 process = %.2f; split --jobs 2 / --jobs 1 = %.2f)\n' \
        "$rx" "$(calc "${BEST[jsonl1]} / ${BEST[jsonl2]}")"
    # The host's load moves from minute to minute: ratios within each round (runs seconds
    # apart) are steadier than ratios of best times taken in different rounds.
    round_ratios() {   # round_ratios KEY: "median (lowest-highest)" of xmllint 1 process / KEY per round
        awk -v xml="${ROUND_TIMES[xml1]}" -v other="${ROUND_TIMES[$1]}" 'BEGIN {
            n = split(xml, x, " "); split(other, o, " ")
            for (i = 1; i <= n; i++) r[i] = x[i] / o[i]
            for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (r[j] < r[i]) { t = r[i]; r[i] = r[j]; r[j] = t }
            median = n % 2 ? r[(n + 1) / 2] : (r[n / 2] + r[n / 2 + 1]) / 2
            printf "%.3f (%.3f-%.3f over %d rounds)", median, r[1], r[n], n }'
    }
    say "  per-round ratios, median (range)   : --jobs 1 $(round_ratios jsonl1); --jobs 2 $(round_ratios jsonl2)"
else
    say "  split / xmllint ratios             :  n/a (xmllint missing)"
fi
if [ "$HAVE_TIME" -eq 1 ]; then
    worst_key=""; worst=0
    for key in jsonl1 jsonl2 json1; do
        if [ -n "${RSS[$key]:-}" ] && [ "${RSS[$key]}" -gt "$worst" ]; then worst="${RSS[$key]}"; worst_key="$key"; fi
    done
    worst_mb="$(calc "$worst * 1024 / 1000000")"
    printf '  peak memory (worst forumlens run)  : %6.1f MB (%s; target < %s MB)   %s\n' \
        "$worst_mb" "$worst_key" "$TARGET_RSS_MB" "$(verdict "$worst_mb < $TARGET_RSS_MB")"
else
    say "  peak memory                        :  NOT MEASURED (GNU time missing: apt-get install -y time)"
fi
[ "$NOISY" -eq 0 ] || warn "other processes used the CPU during some best runs (see 'other load'): rerun on a quiet machine before trusting those rows"
say ""
say "Outputs: ${OUT#"$ROOT/"}/   This report: ${REPORT#"$ROOT/"}"

if [ ${#INCOMPLETE[@]} -gt 0 ]; then
    for m in "${INCOMPLETE[@]}"; do warn "incomplete: $m"; done
    exit 1
fi
exit 0
