# Sourced by the benchmark scripts: sets BIN to $FORUMLENS when given, else builds the release
# binary with its own scratch folder (log in $WORK/build.log). Needs ROOT, WORK and die().
if [ -n "${FORUMLENS:-}" ]; then
    BIN="$FORUMLENS"
else
    echo "Building the release binary (scratch path .build-bench) ..."
    swift build -c release --product forumlens --scratch-path "$ROOT/.build-bench" > "$WORK/build.log" 2>&1 \
        || { tail -n 30 "$WORK/build.log" >&2; die "the release build failed (benchmarks/work/build.log)"; }
    BIN="$(swift build -c release --product forumlens --scratch-path "$ROOT/.build-bench" --show-bin-path)/forumlens"
fi
[ -x "$BIN" ] || die "no forumlens executable at $BIN"
