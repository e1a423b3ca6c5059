# shellcheck shell=bash
# benchmarks/lib.sh: what the benchmark scripts share. Sourced, never run, with the script's name
# (BENCH_NAME, which starts its warnings and errors):
#
#   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" split-bench
#
# Sourcing sets BENCH_NAME, ROOT (the project root, made the current directory), WORK
# (benchmarks/work, git-ignored) and GNU_TIME (default /usr/bin/time), and defines:
#   say, warn, die MESSAGE           print; warn and die to stderr as "BENCH_NAME: warning|error: …",
#                                    die then exits 1
#   positive NAME VALUE [WHAT]       die unless VALUE is a positive whole number; need_bash5
#   calc EXPR, check EXPR            float arithmetic (6 decimals) and comparison, through awk
#   now, since START [DECIMALS]      EPOCHREALTIME as seconds; seconds from START to now
#   beats SECONDS BEST               true when BEST is empty or SECONDS is less
#   cores, show ARG..., tree_state SEP, verdict EXPR (PASS or FAIL)
#   apt_install PACKAGE, find_xmllint, have_gnu_time, find_gnu_time
#   release_binary [SCRATCH [LOG]]   BIN: $FORUMLENS, else a release build
#   bench_corpus SIZE_MB [say]       CORPUS: the corpus split-bench.sh builds (or reuses)
#   venv_ready VENV LOG IMPORTS PACKAGE...   a pinned Python venv, made once
#   tee_report FILE                  everything printed from here on also goes to FILE
# and, for the timed tables of split-bench.sh and pipeline-bench.sh (they set RUNS, OUT,
# NOISE_WARN, HAVE_TIME, and BIN, CORPUS, XMLLINT, BATCH, FILELIST as needed): add_config, timed,
# run_xmllint, run_forumlens, interleaved_rounds, bench_header, row_figures, round_ratios,
# worst_rss, finish. Each function says more where it is defined.

BENCH_NAME="${1:?usage: source benchmarks/lib.sh SCRIPT_NAME}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT" || exit 1
WORK="$ROOT/benchmarks/work"          # git-ignored (/benchmarks/work/ in .gitignore)
GNU_TIME="${GNU_TIME:-/usr/bin/time}"
INCOMPLETE=()    # what could not be measured; finish then exits 1 after the rest is printed

say()  { printf '%s\n' "$*"; }
warn() { printf '%s: warning: %s\n' "$BENCH_NAME" "$*" >&2; }
die()  { printf '%s: error: %s\n' "$BENCH_NAME" "$*" >&2; exit 1; }

positive() {   # positive NAME VALUE [WHAT]: the error calls VALUE a WHAT (default "whole number")
    case "$2" in ''|*[!0-9]*|0) die "$1 must be a positive ${3:-whole number} (got '$2')";; esac
}
need_bash5() {
    [ -n "${EPOCHREALTIME:-}" ] || die "bash 5 or later is needed (EPOCHREALTIME); this is bash $BASH_VERSION"
}

calc()  { awk "BEGIN { printf \"%.6f\", $1 }"; }      # float arithmetic: calc '1 / 3'
check() { awk "BEGIN { exit !($1) }"; }                # float comparison: check '1 < 2'
now()   { printf '%s' "${EPOCHREALTIME/,/.}"; }        # seconds.microseconds, no fork
since() { awk -v a="$1" -v b="$(now)" -v d="${2:-3}" 'BEGIN { printf "%." d "f", b - a }'; }
beats() { [ -z "$2" ] || check "$1 < $2"; }
cores() { nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1; }
verdict() { if check "$1"; then printf 'PASS'; else printf 'FAIL'; fi; }

show() {   # a command line to print: shell-quoted, paths under the project root made relative
    local a shown=() s
    for a in "$@"; do shown+=("${a#"$ROOT/"}"); done
    s="$(printf '%q ' "${shown[@]}")"; printf '%s' "${s% }"
}

tree_state() {   # tree_state SEP: the commit checked out, then SEP "with uncommitted changes" if so
    printf '%s' "$(git rev-parse --short HEAD 2>/dev/null || echo '?')"
    git diff --quiet HEAD -- 2>/dev/null || printf '%swith uncommitted changes' "$1"
}

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

find_xmllint() {   # sets XMLLINT to xmllint's path (apt_install libxml2-utils when missing), else "" and returns 1
    command -v xmllint >/dev/null 2>&1 || apt_install libxml2-utils || true
    XMLLINT="$(command -v xmllint || true)"
    [ -n "$XMLLINT" ]
}

have_gnu_time() { [ -x "$GNU_TIME" ] && "$GNU_TIME" -v true >/dev/null 2>&1; }
find_gnu_time() {   # sets HAVE_TIME=1, installing GNU time when missing; else HAVE_TIME=0, said loudly
    have_gnu_time || apt_install time || true
    if have_gnu_time; then
        HAVE_TIME=1
    else
        HAVE_TIME=0
        warn "GNU time ($GNU_TIME -v) is MISSING: PEAK MEMORY AND CPU TIME ARE NOT MEASURED (shown as n/a)."
        warn "Install it as root: apt-get install -y time"
        INCOMPLETE+=("GNU time missing: peak memory not measured")
    fi
}

# release_binary [SCRATCH [LOG]]: sets BIN to $FORUMLENS when given, else builds the release binary
# with its own scratch folder SCRATCH (default .build-bench), the log in benchmarks/work/LOG
# (default build.log).
# shellcheck disable=SC2120   # both arguments have defaults
release_binary() {
    local scratch="${1:-$ROOT/.build-bench}" log="${2:-build.log}"
    if [ -n "${FORUMLENS:-}" ]; then
        BIN="$FORUMLENS"
        [ -x "$BIN" ] || die "FORUMLENS=$BIN is not an executable file"
        return 0
    fi
    command -v swift >/dev/null 2>&1 || die "swift is not on PATH: install the Swift 6 toolchain, or pass FORUMLENS=path"
    say "Building the release binary: swift build -c release --product forumlens --scratch-path ${scratch#"$ROOT/"} ..."
    if ! swift build -c release --product forumlens --scratch-path "$scratch" > "$WORK/$log" 2>&1; then
        tail -n 30 "$WORK/$log" >&2 || true
        die "the release build failed (full log: benchmarks/work/$log)"
    fi
    BIN="$(swift build -c release --product forumlens --scratch-path "$scratch" --show-bin-path)/forumlens"
    [ -x "$BIN" ] || die "the build reported success but $BIN is missing"
}

# bench_corpus SIZE_MB [say]: sets CORPUS to the corpus split-bench.sh builds (or reuses) and prints
# last; with "say", also prints what split-bench.sh said about it ("Reusing the corpus ..." or "Building ...").
bench_corpus() {
    local said
    said="$(CORPUS_ONLY=1 bash "$ROOT/benchmarks/split-bench.sh" "$1")" || die "split-bench.sh could not build the corpus"
    if [ "${2:-}" = say ]; then printf '%s\n' "$said" | sed '$d'; fi
    CORPUS="$(printf '%s\n' "$said" | tail -n 1)"
    [ -d "$CORPUS" ] || die "split-bench.sh did not make a corpus (got '$CORPUS')"
}

# venv_ready VENV LOG IMPORTS PACKAGE...: makes the Python venv VENV once (python3 -m venv; when that
# fails, apt_install python3-venv and again) and pip-installs the PACKAGEs into it (pip's log:
# benchmarks/work/LOG); reused while every pinned PACKAGE (NAME==VERSION; the others are installed
# along, unchecked) has its version and the modules IMPORTS (comma-separated, maybe none) import.
# Returns 1 with VENV_ERROR saying why when it cannot.
venv_ready() {
    local venv="$1" log="$2" imports="$3" pins=() p; shift 3
    for p in "$@"; do case "$p" in *==*) pins+=("$p");; esac; done
    VENV_ERROR=""
    venv_pins_ok "$venv/bin/python" "$imports" "${pins[@]}" && return 0
    say "Setting up ${venv#"$ROOT/"} (${pins[*]}) ..."
    if ! venv_make "$venv"; then
        VENV_ERROR="could not make the venv $venv (python3 -m venv; Debian: apt-get install -y python3-venv)"
    elif ! "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$@" > "$WORK/$log" 2>&1; then
        tail -n 20 "$WORK/$log" >&2 || true
        VENV_ERROR="pip could not install ${pins[*]} (benchmarks/work/$log)"
    elif ! venv_pins_ok "$venv/bin/python" "$imports" "${pins[@]}"; then
        VENV_ERROR="the venv $venv does not have ${pins[*]}"
    fi
    [ -z "$VENV_ERROR" ]
}
venv_pins_ok() {   # venv_pins_ok PYTHON IMPORTS PIN...: the pinned versions are there, and IMPORTS import
    [ -x "$1" ] && "$1" - "${@:2}" <<'EOF' 2>/dev/null
import importlib
import sys
from importlib.metadata import version
for module in filter(None, sys.argv[1].split(",")):
    importlib.import_module(module)
sys.exit(0 if all(version(p.split("==")[0]) == p.split("==")[1] for p in sys.argv[2:]) else 1)
EOF
}
venv_make() {   # venv_make VENV
    [ -x "$1/bin/python" ] && return 0
    rm -rf "$1"
    python3 -m venv "$1" >/dev/null 2>&1 && return 0
    rm -rf "$1"
    apt_install python3-venv || return 1
    python3 -m venv "$1" >/dev/null 2>&1
}

tee_report() {   # tee_report FILE: from here on, everything printed also goes to FILE
    exec 3>&1 4>&2
    exec > >(tee "$1") 2>&1
    TEE_PID=$!
    trap 'exec 1>&3 2>&4; wait "$TEE_PID" 2>/dev/null || true' EXIT
}

# ---------------------------------------------------------------- timed tables
# Machine-wide busy CPU time in seconds (all cores, including steal), from /proc/stat.
CLK_TCK="$(getconf CLK_TCK 2>/dev/null || echo 100)"
busy_seconds() {
    if [ -r /proc/stat ]; then
        awk -v hz="$CLK_TCK" '/^cpu / { printf "%.2f", ($2 + $3 + $4 + $7 + $8 + $9) / hz; exit }' /proc/stat
    else
        printf ''
    fi
}

# Per configuration KEY: BEST time (s), its CPU (user+sys s) and NOISE (other load, cores), the
# peak RSS (KiB) of all runs, every round's time (ROUND_TIMES) and the bytes it reads (BYTES_IN).
declare -gA BEST CPU RSS NOISE ROUND_TIMES BYTES_IN
CONFIGS=(); LABEL=(); CORES=()
NOISY=0          # row_figures sets it to 1 when some best run had other load above NOISE_WARN
add_config() {   # add_config KEY LABEL CORES [BYTES]
    CONFIGS+=("$1"); LABEL+=("$2"); CORES+=("$3")
    if [ -n "${4:-}" ]; then BYTES_IN[$1]="$4"; fi
}

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

run_xmllint() {   # run_xmllint [PROCS]: xmllint --html over FILELIST, BATCH files per process
    local rc=0
    timed xargs -0 -n "$BATCH" -P "${1:-1}" "$XMLLINT" --html --noout --nonet < "$FILELIST" 2>/dev/null || rc=$?
    # xargs exits 123 when some xmllint exited 1-125 (parse errors: fine); 124-127: it could not run.
    if [ "$rc" -ne 0 ] && [ "$rc" -ne 123 ]; then die "xmllint could not run over the corpus (xargs exit $rc)"; fi
}

run_forumlens() {   # run_forumlens KEY SUBCOMMAND FORMAT JOBS: over CORPUS, output OUT/KEY.FORMAT
    local key="$1" rc=0 err="$OUT/$1.stderr"
    local cmd=("$BIN" "$2" "$CORPUS" --merge none --format "$3" --out "$OUT/$key.$3" --quiet --jobs "$4")
    timed "${cmd[@]}" 2> "$err" || rc=$?
    if [ "$rc" -ne 0 ]; then
        tail -n 20 "$err" >&2 || true
        die "forumlens $2 failed (exit $rc): ${cmd[*]}"
    fi
}

# interleaved_rounds RUN_ONE: RUNS rounds, each runs every configuration once (`RUN_ONE KEY`,
# which runs it through timed) and prints its wall time; records BEST, CPU, NOISE, RSS, ROUND_TIMES.
interleaved_rounds() {
    local run key b0 b1 t0 t1 secs noise
    for run in $(seq 1 "$RUNS"); do
        printf 'run %d/%d:' "$run" "$RUNS"
        for key in "${CONFIGS[@]}"; do
            b0="$(busy_seconds)"; t0="$(now)"
            "$1" "$key"
            t1="$(now)"; b1="$(busy_seconds)"
            secs="$(calc "$t1 - $t0")"
            noise=""   # CPU used by everything else on the machine during the run, in cores
            if [ -n "$b0" ] && [ -n "$b1" ] && [ -n "$LAST_CPU" ]; then
                noise="$(calc "($b1 - $b0 - $LAST_CPU) / $secs")"
                if check "$noise < 0"; then noise="0"; fi
            fi
            printf ' %s %.2fs' "$key" "$secs"
            ROUND_TIMES[$key]="${ROUND_TIMES[$key]:-} $secs"
            if beats "$secs" "${BEST[$key]:-}"; then
                BEST[$key]="$secs"; CPU[$key]="$LAST_CPU"; NOISE[$key]="$noise"
            fi
            if [ -n "$LAST_RSS" ] && { [ -z "${RSS[$key]:-}" ] || [ "$LAST_RSS" -gt "${RSS[$key]}" ]; }; then
                RSS[$key]="$LAST_RSS"
            fi
        done
        printf '\n'
    done
}

# bench_header TITLE [BINARY_NOTE]: the title line, then machine, load, binary and xmllint; sets NCORES.
bench_header() {
    local cpu_model
    NCORES="$(cores)"
    cpu_model="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)"
    say ""
    say "ForumLens $1 — $(date -u '+%Y-%m-%d %H:%M UTC')"
    say "  machine : $NCORES cores (nproc), ${cpu_model:-unknown CPU}, $(uname -sr)"
    say "  load    : $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a) (1/5/15 min load average before the runs)"
    say "  binary  : ${BIN#"$ROOT/"} ($("$BIN" --version 2>/dev/null || echo 'version unknown'))${2:-}"
    if [ -n "$XMLLINT" ]; then
        say "  xmllint : $XMLLINT ($("$XMLLINT" --version 2>&1 | head -n 1 | sed 's/^.*using //'))"
    else
        say "  xmllint : MISSING"
    fi
}

# row_figures KEY: sets ROW_CPU (s), ROW_NOISE (cores) and ROW_RSS (MB) for the table, "n/a" where
# not measured; NOISY=1 when the other load is above NOISE_WARN.
# shellcheck disable=SC2034   # ROW_* are for the caller
row_figures() {
    ROW_CPU="${CPU[$1]:-}"; [ -n "$ROW_CPU" ] || ROW_CPU="n/a"
    ROW_NOISE="${NOISE[$1]:-}"
    if [ -n "$ROW_NOISE" ]; then
        if check "$ROW_NOISE > $NOISE_WARN"; then NOISY=1; fi
        ROW_NOISE="$(printf '%.2f' "$ROW_NOISE")"
    else
        ROW_NOISE="n/a"
    fi
    if [ -n "${RSS[$1]:-}" ]; then ROW_RSS="$(printf '%.1f' "$(calc "${RSS[$1]} * 1024 / 1000000")")"; else ROW_RSS="n/a"; fi
}

# round_ratios A B: "median (lowest-highest over N rounds)" of A's speed / B's speed in each round
# (bytes read per second, BYTES_IN, when given; else the inverse time ratio). The host's load moves
# from minute to minute: ratios within each round (runs seconds apart) are steadier than ratios of
# best times taken in different rounds.
round_ratios() {
    awk -v a="${ROUND_TIMES[$1]}" -v b="${ROUND_TIMES[$2]}" -v ba="${BYTES_IN[$1]:-1}" -v bb="${BYTES_IN[$2]:-1}" 'BEGIN {
        n = split(a, x, " "); split(b, y, " ")
        for (i = 1; i <= n; i++) r[i] = (ba / x[i]) / (bb / y[i])
        for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (r[j] < r[i]) { t = r[i]; r[i] = r[j]; r[j] = t }
        median = n % 2 ? r[(n + 1) / 2] : (r[n / 2] + r[n / 2 + 1]) / 2
        printf "%.3f (%.3f-%.3f over %d rounds)", median, r[1], r[n], n }'
}

# shellcheck disable=SC2034   # WORST_KEY is for the caller
worst_rss() {   # worst_rss KEY...: sets WORST_KEY and WORST (KiB), the largest peak RSS among them
    local key
    WORST_KEY=""; WORST=0
    for key in "$@"; do
        if [ -n "${RSS[$key]:-}" ] && [ "${RSS[$key]}" -gt "$WORST" ]; then WORST="${RSS[$key]}"; WORST_KEY="$key"; fi
    done
}

# finish: the warning about other load, where the outputs and REPORT are, then exit 1 when
# something could not be measured (INCOMPLETE, each said again), else 0.
finish() {
    local m
    [ "$NOISY" -eq 0 ] || warn "other processes used the CPU during some best runs (see 'other load'): rerun on a quiet machine before trusting those rows"
    say ""
    say "Outputs: ${OUT#"$ROOT/"}/   This report: ${REPORT#"$ROOT/"}"
    if [ ${#INCOMPLETE[@]} -gt 0 ]; then
        for m in "${INCOMPLETE[@]}"; do warn "incomplete: $m"; done
        exit 1
    fi
    exit 0
}
