#!/usr/bin/env bash
# Profile one `forumlens split --jobs 1` run with callgrind and print the top functions.
#
#   bash benchmarks/profile-split.sh [SIZE_MB]        # default 20 (callgrind is ~50-100x slower)
#   FORUMLENS=path/to/forumlens bash benchmarks/profile-split.sh 5
#   ANALYZERS=Plugins/Examples/networks.yml bash benchmarks/profile-split.sh 5   # `analyze` instead
#
# The corpus is the one split-bench.sh builds (benchmarks/work/corpus-<SIZE>mb, git-ignored).
# Output: benchmarks/work/profile/callgrind.out.split-jobs1-<SIZE>mb, the full annotations
# (inclusive.txt, self.txt), and the top TOP=30 rows of each printed here (Swift names
# demangled when swift-demangle is available).
#
# Valgrind 3.19 (Debian 12) dies with "the 'impossible' happened" on any async Swift program:
# at exit libdispatch calls sigsuspend() with a mask in read-only memory, and valgrind writes
# into that mask. A four-line LD_PRELOAD shim (built here, into benchmarks/work) passes a
# writable copy instead; it changes nothing else. It also gives up on the debug info of binaries
# linked with Yams ("Possibly corrupted debuginfo file"): it profiles a copy stripped of its
# debug info (`strip --strip-debug`), whose symbols still name every function.
set -euo pipefail

# shellcheck source=lib.sh source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" profile-split     # sets ROOT (the current directory), WORK
SIZE_MB="${1:-20}"
TOP="${TOP:-30}"
PROFILE="$WORK/profile"

positive SIZE_MB "$SIZE_MB"
for tool in valgrind callgrind_annotate; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is missing (Debian: apt-get install -y valgrind)"
done
CC="$(command -v cc || command -v gcc || command -v clang || true)"
[ -n "$CC" ] || die "a C compiler (cc, gcc or clang) is needed for the valgrind sigsuspend shim"

mkdir -p "$PROFILE"
release_binary

bench_corpus "$SIZE_MB"

SHIM="$WORK/sigsuspend-shim.so"
cat > "$WORK/sigsuspend-shim.c" <<'EOF'
/* valgrind 3.19 writes into the mask given to rt_sigsuspend; libdispatch's is read-only. */
#define _GNU_SOURCE
#include <signal.h>
#include <unistd.h>
#include <sys/syscall.h>
int sigsuspend(const sigset_t *mask) {
    sigset_t copy = *mask;
    return (int)syscall(SYS_rt_sigsuspend, &copy, _NSIG / 8);
}
EOF
"$CC" -O2 -shared -fPIC -o "$SHIM" "$WORK/sigsuspend-shim.c"

COMMAND=(split)
[ -n "${ANALYZERS+set}" ] && COMMAND=(analyze --analyzers "$ANALYZERS")
OUTFILE="$PROFILE/callgrind.out.${COMMAND[0]}-jobs1-${SIZE_MB}mb"
echo "Profiling: forumlens ${COMMAND[*]} ${CORPUS#"$ROOT/"} --merge none --format jsonl --jobs 1 (callgrind; minutes) ..."
start="$(now)"
STRIPPED="$WORK/forumlens-nodebug"
cp "$BIN" "$STRIPPED" && strip --strip-debug "$STRIPPED" || die "could not make a copy of $BIN without debug info (strip, from binutils)"
LD_PRELOAD="$SHIM" valgrind --tool=callgrind --callgrind-out-file="$OUTFILE" \
    "$STRIPPED" "${COMMAND[@]}" "$CORPUS" --merge none --format jsonl --out "$PROFILE/split.jsonl" --quiet --jobs 1 \
    > "$PROFILE/valgrind.log" 2>&1 || { tail -n 30 "$PROFILE/valgrind.log" >&2; die "the callgrind run failed"; }
echo "done in $(since "$start" 0) s; profile: ${OUTFILE#"$ROOT/"}"

demangle() {
    if command -v swift-demangle >/dev/null 2>&1; then swift-demangle --simplified
    elif command -v swift >/dev/null 2>&1; then swift demangle --simplified
    else cat; fi
}
callgrind_annotate --inclusive=yes "$OUTFILE" > "$PROFILE/inclusive.txt"
callgrind_annotate "$OUTFILE" > "$PROFILE/self.txt"
# The program total, then the first TOP rows of the function table.
top_rows() {
    awk -v top="$TOP" '/PROGRAM TOTALS/ { print } /file:function/ { table = 1; getline; next }
                       table && NF { print; if (++n >= top) exit }'
}
echo ""
echo "== Inclusive (top $TOP) =="
top_rows < "$PROFILE/inclusive.txt" | demangle | cut -c1-220
echo ""
echo "== Self (top $TOP) =="
top_rows < "$PROFILE/self.txt" | demangle | cut -c1-220
