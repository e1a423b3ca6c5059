#!/usr/bin/env bash
# libFuzzer targets for ForumLens (docs/fuzzing/README.md): builds the Fuzz/ package, then runs
# one target for a while, one process at a time.
#
#   bash scripts/fuzz.sh build                  build only
#   bash scripts/fuzz.sh TARGET SECONDS          run TARGET (html, text, rules, messages)
#   bash scripts/fuzz.sh smoke [SECONDS]         every target, 30 seconds each by default
#   bash scripts/fuzz.sh repro TARGET FILE...    run TARGET on inputs (a crash's reproducer)
#   bash scripts/fuzz.sh minimize TARGET FILE    minimise a crashing input (-minimize_crash=1)
#
# A run keeps its corpus in Fuzz/work/corpus/TARGET (grown run after run), writes crashing
# inputs to Fuzz/work/crashes/TARGET/, its whole output to Fuzz/work/logs/, and appends its
# command and libFuzzer's final stats to docs/fuzzing/TARGET.log. It exits non-zero when the
# run found a crash (or a timeout, an out-of-memory, a leak).
# FUZZ_ARGS adds libFuzzer options (e.g. "-fork=1 -ignore_crashes=1" to go on past crashes);
# FUZZ_NO_BUILD=1 skips the build.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
fuzz=$root/Fuzz
work=$fuzz/work
targets=(html text rules messages)

usage() { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

# Release with assertions (-assert-config Debug): about 7× the executions of a debug build.
# `--sanitize=fuzzer` makes SwiftPM link libFuzzer's main instead of renaming the target's
# entry point; the combined `-sanitize=fuzzer,address` after it is the one swiftc keeps (two
# separate -sanitize= flags: the last one wins, and with `--sanitize=address` too a release
# build lost its coverage instrumentation). C code (Yams' libyaml) gets both through -Xcc.
# libxml2 is the system's, not instrumented.
build() {
    echo "building the fuzz targets (release, fuzzer+address)…" >&2
    swift build --package-path "$fuzz" -c release \
        --sanitize=fuzzer \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -assert-config -Xswiftc Debug \
        -Xcc -fsanitize=fuzzer-no-link,address \
        2>&1 | grep -v "Cannot export local symbol" >&2
    [ "${PIPESTATUS[0]}" -eq 0 ]
}

binary() { echo "$fuzz/.build/release/fuzz-$1"; }

# Swift's own crash backtracer trips ASan (a stack-buffer-underflow in its memory server) and
# hides libFuzzer's stack: off, so that a Swift trap shows as libFuzzer's "deadly signal" with
# a symbolized stack.
export SWIFT_BACKTRACE=enable=no
# Leaks that are the toolchain's, not ForumLens's (see the file).
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$fuzz/lsan.supp:print_suppressions=0}
[ -x /opt/swift/usr/bin/llvm-symbolizer ] && export ASAN_SYMBOLIZER_PATH=${ASAN_SYMBOLIZER_PATH:-/opt/swift/usr/bin/llvm-symbolizer}

is_target() { local t; for t in "${targets[@]}"; do [ "$t" = "$1" ] && return 0; done; return 1; }

max_len() {
    case $1 in
        html) echo 131072 ;;
        text) echo 8192 ;;
        rules) echo 4096 ;;
        messages) echo 8192 ;;
    esac
}

# Seeds taken from the repository at each run (Fuzz/seeds/ holds the hand-written ones).
prepare_seeds() {
    local target=$1 out=$work/seeds/$1
    rm -rf "$out"
    mkdir -p "$out"
    case $target in
        html)
            find "$root/corpora" -name '*.html' -exec cp {} "$out/" \;
            command -v python3 >/dev/null && python3 - "$root" "$out" <<'EOF'
import base64, quopri, sys, pathlib
root, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
# Two corpus pages as MHTML archives (quoted-printable, base64), starting with "MIME-Version"
# and "From:" so that fuzz-html reads them as archives.
for name, encoding, first in [("fr/phpbb3-reseaux-p2.html", "quoted-printable", "MIME-Version: 1.0"),
                              ("en/hackernews-remote-hiring.html", "base64", "From: <Saved by Blink>")]:
    page = (root / "corpora" / name).read_bytes()
    body = quopri.encodestring(page) if encoding == "quoted-printable" else base64.encodebytes(page)
    other = "MIME-Version: 1.0" if first.startswith("From") else "From: <Saved by Blink>"
    head = [first, other, "Snapshot-Content-Location: https://forum.example/" + name,
            "Subject: =?utf-8?Q?Fil_de_discussion?=", "Date: Sat, 1 May 2021 10:00:00 +0200",
            'Content-Type: multipart/related; type="text/html"; boundary="----B--"', "", "------B--",
            "Content-Type: text/html", "Content-Transfer-Encoding: " + encoding,
            "Content-Location: https://forum.example/" + name, "", ""]
    data = "\r\n".join(head).encode() + body.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n") + b"\r\n------B----\r\n"
    (out / (pathlib.Path(name).stem + ".mhtml")).write_bytes(data)
EOF
            ;;
        text)
            command -v python3 >/dev/null && python3 - "$root" "$out" <<'EOF'
import json, sys, pathlib
root, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
# The first messages of each expected extraction: real forum texts in French and English.
for path in sorted(root.glob("corpora/**/*.expected.json")):
    messages = json.loads(path.read_text()).get("messages", [])
    for index, message in enumerate(messages[:3]):
        (out / f"{path.name.split('.')[0]}-{index}.txt").write_bytes(message.get("text", "").encode()[:6000])
EOF
            ;;
        rules)
            find "$root/Plugins/Examples" "$root/corpora" "$root/eval" \( -name '*.yml' -o -name '*.yaml' \) \
                -exec sh -c 'cp "$1" "$2/$(basename "$(dirname "$1")")-$(basename "$1")"' _ {} "$out" \;
            ;;
        messages)
            command -v python3 >/dev/null && python3 - "$root" "$out" <<'EOF'
import csv, io, json, sys, pathlib
root, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
# Each expected extraction's first messages as JSONL, CSV and TSV, as `forumlens` reads them.
fields = ["id", "author", "published", "published_text", "reply_to", "role", "text"]
for path in sorted(root.glob("corpora/**/*.expected.json")):
    page = json.loads(path.read_text())
    stem = path.name.split(".")[0]
    rows = [{k: (m.get(k) or "") for k in fields} | {"text": m.get("text", "")[:600]} for m in page.get("messages", [])[:3]]
    for row in rows:
        row["discussion"], row["title"], row["language"] = stem, page.get("title") or "", page.get("language") or ""
    (out / f"{stem}.jsonl").write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows))
    for suffix, delimiter in [("csv", ","), ("tsv", "\t")]:
        text = io.StringIO()
        writer = csv.DictWriter(text, fieldnames=list(rows[0].keys()) if rows else fields, delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)
        (out / f"{stem}.{suffix}").write_text(text.getvalue())
EOF
            ;;
    esac
    true
}

# Appends the run's summary to docs/fuzzing/TARGET.log; prints it too.
summarize() {
    local target=$1 seconds=$2 output=$3 status=$4 started=$5 command=$6 crashes=$7
    local status_line runs exec_s cov ft corp
    status_line=$(grep -aE '^#[0-9]+' "$output" | grep -a 'cov:' | tail -1 || true)
    runs=$(grep -aoE 'stat::number_of_executed_units: *[0-9]+' "$output" | grep -oE '[0-9]+$' | tail -1 || true)
    exec_s=$(grep -aoE 'stat::average_exec_per_sec: *[0-9]+' "$output" | grep -oE '[0-9]+$' | tail -1 || true)
    cov=$(grep -aoE 'cov: [0-9]+' <<<"$status_line" | grep -oE '[0-9]+' || true)
    ft=$(grep -aoE 'ft: [0-9]+' <<<"$status_line" | grep -oE '[0-9]+' || true)
    corp=$(grep -aoE 'corp: [0-9]+(/[0-9]+[a-zA-Z]*)?' <<<"$status_line" | sed 's/corp: //' || true)
    # Fork mode prints no stat:: lines: its status lines count executions and speed.
    [ -n "$runs" ] || runs=$(grep -oE '^#[0-9]+' <<<"$status_line" | tr -d '#' || true)
    [ -n "$exec_s" ] || exec_s=$(grep -aoE 'exec/s: [0-9]+' <<<"$status_line" | grep -oE '[0-9]+' || true)
    {
        echo "== $started  target=$target  seconds=$seconds  exit=$status"
        echo "command: $command"
        echo "executions: ${runs:-?}  exec/s: ${exec_s:-?}  cov: ${cov:-?}  ft: ${ft:-?}  corpus: ${corp:-?} (units/size)"
        echo "corpus dir: Fuzz/work/corpus/$target ($(find "$work/corpus/$target" -type f | wc -l) files)"
        echo "final stats:"
        [ -n "$status_line" ] && echo "  $status_line"
        grep -aE '^(Done [0-9]+ runs|stat::)' "$output" | sed 's/^/  /' || true
        if [ -n "$crashes" ]; then
            echo "crashes: $(wc -w <<<"$crashes")"
            for file in $crashes; do echo "  ${file#"$root"/}"; done
            # What failed, and the first places in the main package's sources on the stack.
            grep -aE '(==[0-9]+== ?ERROR|^SUMMARY:|Fatal error)' "$output" | head -4 | sed 's/^/  /' || true
            grep -aoE "$root/(Sources|Plugins)/[^ ]+\.swift:[0-9]+" "$output" | awk '!seen[$0]++' | head -4 \
                | sed "s|^$root/|  at |" || true
        else
            echo "crashes: none"
        fi
        echo "full output: ${output#"$root"/}"
        echo
    } | tee -a "$root/docs/fuzzing/$target.log"
}

run() {
    local target=$1 seconds=$2
    is_target "$target" || { echo "unknown target '$target' (${targets[*]})" >&2; exit 2; }
    [[ $seconds =~ ^[0-9]+$ ]] || usage
    local bin corpus crashdir started stamp output before after crashes status command
    bin=$(binary "$target")
    corpus=$work/corpus/$target
    crashdir=$work/crashes/$target
    mkdir -p "$corpus" "$crashdir" "$work/logs" "$root/docs/fuzzing"
    prepare_seeds "$target"
    started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
    stamp=$(date -u +%Y%m%dT%H%M%SZ)
    output=$work/logs/$target-$stamp.log
    before=$(find "$crashdir" -type f | sort)
    local args=(
        "$corpus" "$fuzz/seeds/$target" "$work/seeds/$target"
        -dict="$fuzz/dicts/$target.dict" -max_len="$(max_len "$target")"
        -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1
        -artifact_prefix="$crashdir/"
    )
    # shellcheck disable=SC2206
    [ -n "${FUZZ_ARGS:-}" ] && args+=(${FUZZ_ARGS})
    command="${bin#"$root"/} ${args[*]//"$root"\//}"
    echo "running: $command" >&2
    set +e
    (cd "$work" && "$bin" "${args[@]}") >"$output" 2>&1
    status=$?
    set -e
    rm -f /dev/shm/forumlens-fuzz-rules-*.yml
    after=$(find "$crashdir" -type f | sort)
    crashes=$(comm -13 <(echo "$before") <(echo "$after") | tr '\n' ' ' | sed 's/ *$//')
    summarize "$target" "$seconds" "$output" "$status" "$started" "$command" "$crashes"
    if [ -n "$crashes" ] || [ "$status" -ne 0 ]; then return 1; fi
}

case ${1:-} in
    build) build ;;
    smoke)
        seconds=${2:-30}
        [ -n "${FUZZ_NO_BUILD:-}" ] || build
        failed=()
        for target in "${targets[@]}"; do run "$target" "$seconds" || failed+=("$target"); done
        if [ ${#failed[@]} -gt 0 ]; then echo "crashes found by: ${failed[*]}" >&2; exit 1; fi
        ;;
    repro)
        if [ $# -lt 3 ] || ! is_target "$2"; then usage; fi
        target=$2; shift 2
        [ -n "${FUZZ_NO_BUILD:-}" ] || build
        "$(binary "$target")" -rss_limit_mb=2048 -timeout=10 "$@"
        ;;
    minimize)
        if [ $# -ne 3 ] || ! is_target "$2"; then usage; fi
        [ -n "${FUZZ_NO_BUILD:-}" ] || build
        mkdir -p "$work/minimized"
        "$(binary "$2")" -minimize_crash=1 -max_total_time="${MINIMIZE_SECONDS:-120}" -timeout=10 -rss_limit_mb=2048 \
            -exact_artifact_path="$work/minimized/$(basename "$3").min" "$3"
        echo "minimised: Fuzz/work/minimized/$(basename "$3").min" >&2
        ;;
    "" | -h | --help) usage ;;
    *)
        [ $# -eq 2 ] || usage
        [ -n "${FUZZ_NO_BUILD:-}" ] || build
        run "$1" "$2"
        ;;
esac
