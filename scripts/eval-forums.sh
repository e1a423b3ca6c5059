#!/usr/bin/env bash
# Scores ForumLens on the real pages of ../shared/data/forums-dev (ground truth beside each
# page) with the shared metric script. Usage: [ENGINE=auto|generic|NAME] scripts/eval-forums.sh [BINARY]
# ENGINE=auto (the default) lets ForumLens choose per page, as `forumlens split` does;
# ENGINE=generic scores the generic extractor alone.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${FORUMS_DEV:-../shared/data/forums-dev}
metrics=${FORUM_METRICS:-../shared/eval/forum_split_metrics.py}
if [ ! -d "$data" ] || [ ! -f "$metrics" ]; then
  echo "skipped: $data or $metrics is absent" >&2
  exit 0
fi
binary=${1:-}
if [ -z "$binary" ]; then
  swift build -c release --product forumlens >&2
  binary=.build/release/forumlens
fi
engine=${ENGINE:-auto}
engine_args=()
if [ "$engine" != auto ]; then engine_args=(--engine "$engine"); fi
out=${OUT:-out/forums-dev}
rm -rf "$out" && mkdir -p "$out"
for page in "$data"/*.html; do
  name=$(basename "$page" .html)
  "$binary" split "$page" "${engine_args[@]}" --merge none --format json --out "$out/$name.json" --quiet || true
done
python3 "$metrics" "$data" "$out" --json "$out/metrics.json"
python3 scripts/date-coverage.py "$data" "$out"
