#!/usr/bin/env bash
# Checks the Swift plugin path end to end, as a user would take it: in a fresh clone of this
# repository, `forumlens analyzers new Greetings` writes a plugin, `swift build` compiles and
# registers it (no list edited), `forumlens analyzers list` shows it and `analyzers test` runs
# its examples. A full build: minutes, so it is a script, not part of `.ci/run`.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
git clone -q "$ROOT" "$WORK/forumlens"
cd "$WORK/forumlens"
swift build --product forumlens > "$WORK/build.log" 2>&1 || { tail -n 30 "$WORK/build.log"; exit 1; }
.build/debug/forumlens analyzers new Greetings
swift build --product forumlens > "$WORK/build.log" 2>&1 || { tail -n 30 "$WORK/build.log"; exit 1; }
.build/debug/forumlens analyzers list | tee "$WORK/list.txt"
grep -q '^greetings ' "$WORK/list.txt" || { echo "scaffold-plugin-test: greetings is not listed" >&2; exit 1; }
.build/debug/forumlens analyzers test greetings
.build/debug/forumlens analyze corpora/fr/phpbb3-reseaux-p1.html --format json --out - \
    | python3 -c 'import json, sys; d = json.load(sys.stdin); assert [a["id"] for a in d["analyzers"]] == ["greetings"], d["analyzers"]; print("analyze runs it by default:", d["summary"]["greetings"])'
echo "scaffold-plugin-test: ok"
