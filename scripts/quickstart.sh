#!/usr/bin/env bash
# Sets up (libxml2 and zlib headers if missing), builds forumlens, and analyzes the bundled
# corpus (its forum of an unknown engine with its site profile) with the example plugins: a
# summary on the terminal, the messages and results in out/corpora/ (JSON, JSONL, CSV, Markdown, HTML, SQLite).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
pkg-config --exists libxml-2.0 2>/dev/null || need+=(libxml2-dev)
[ -f /usr/include/zlib.h ] || need+=(zlib1g-dev)
pkg-config --exists libcrypto 2>/dev/null || need+=(libssl-dev)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update && apt-get install -y "${need[@]}"
  else
    echo "missing: ${need[*]} (install them with: sudo apt-get install -y ${need[*]})" >&2
    exit 1
  fi
fi

swift build -c release --product forumlens
forumlens=.build/release/forumlens
# The example rule plugin and Swift plugin (opt-in), beside the default analyzers.
run=(analyze corpora/ --profile corpora/profiles/bulletin-du-lac.yml --analyzers +Plugins/Examples/networks.yml,+links)
"$forumlens" "${run[@]}"
mkdir -p out/corpora
"$forumlens" "${run[@]}" --format json,jsonl,csv,md,html,sqlite --out out/corpora --quiet
echo
echo "Wrote out/corpora/: report.json, report.jsonl, messages.csv, discussions.csv, findings.csv, authors.csv, themes.csv, replies.csv, report.md, report.html and report.sqlite."
