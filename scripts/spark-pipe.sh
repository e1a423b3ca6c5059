#!/usr/bin/env bash
# ForumLens as a stage of Apache Spark: a local[2] Spark (pyspark from PyPI) shares the pages
# of a directory out between its partitions, each partition pipes its paths through
# `forumlens analyze --format jsonl --out - -` (RDD.pipe), `forumlens merge` combines the
# partial reports, and the result is checked against a direct run over the same directory.
#
#   bash scripts/spark-pipe.sh [DIR]          # default: corpora/
#   PARTITIONS=4 bash scripts/spark-pipe.sh ../shared/data/forums-dev
#
# Knobs: FORUMLENS=path (a built binary; default: build the debug one), SPARK_VENV=dir
# (default benchmarks/work/venv-spark, created and filled from PyPI when pyspark is missing),
# PARTITIONS=2, WORK=dir (default benchmarks/work/spark). docs/scale.md explains the same on a
# real cluster.
#
# Exit status: 0 when the merged report equals the direct run; 1 when it differs or a step
# failed; 3 when pyspark or Java cannot be had (the message says what to install).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DIR="$(cd "${1:-corpora}" && pwd)"
PARTITIONS="${PARTITIONS:-2}"
SPARK_VENV="${SPARK_VENV:-$ROOT/benchmarks/work/venv-spark}"
WORK="${WORK:-$ROOT/benchmarks/work/spark}"

say() { printf 'spark-pipe: %s\n' "$*"; }
die() { printf 'spark-pipe: error: %s\n' "$*" >&2; exit "${2:-1}"; }

if [ -z "${FORUMLENS:-}" ]; then
    swift build --product forumlens >/dev/null || die "swift build failed"
    FORUMLENS="$(swift build --show-bin-path)/forumlens"
fi
[ -x "$FORUMLENS" ] || die "no forumlens binary at $FORUMLENS"

if ! command -v java >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        say "installing Java 17 (openjdk-17-jre-headless) for Spark ..."
        apt-get update -q >/dev/null && apt-get install -y -q openjdk-17-jre-headless >/dev/null \
            || die "Java could not be installed: install a JRE 17 and run again" 3
    else
        die "Spark needs Java (17): install openjdk-17-jre-headless and run again" 3
    fi
fi

if ! "$SPARK_VENV/bin/python" -c 'import pyspark' 2>/dev/null; then
    say "installing pyspark into $SPARK_VENV (from PyPI, about 300 MB) ..."
    { python3 -m venv "$SPARK_VENV" && "$SPARK_VENV/bin/pip" install -q pyspark; } \
        || die "pyspark could not be installed (python3-venv and access to PyPI are needed)" 3
fi

rm -rf "$WORK"
mkdir -p "$WORK/parts"
say "$("$SPARK_VENV/bin/python" -c 'import pyspark; print("pyspark", pyspark.__version__)'), local[$PARTITIONS], pages of $DIR"

# The Spark job: every page path of DIR, shared out among the partitions; each partition's
# output lines (one JSONL report) saved as a file of its own.
SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}" FORUMLENS="$FORUMLENS" DIR="$DIR" PARTITIONS="$PARTITIONS" PARTS="$WORK/parts" \
PYSPARK_PYTHON="$SPARK_VENV/bin/python" "$SPARK_VENV/bin/python" - <<'PY'
import os, shlex
from pyspark import SparkConf, SparkContext

suffixes = (".html", ".htm", ".xhtml", ".mht", ".mhtml", ".html.gz", ".htm.gz")
paths = sorted(
    os.path.join(folder, name)
    for folder, dirs, names in os.walk(os.environ["DIR"])
    if not folder.endswith("_files")
    for name in names if name.lower().endswith(suffixes)
)
partitions = int(os.environ["PARTITIONS"])
conf = SparkConf().setMaster(f"local[{partitions}]").setAppName("forumlens-pipe").set("spark.ui.enabled", "false")
sc = SparkContext(conf=conf)
sc.setLogLevel("ERROR")
command = shlex.join([os.environ["FORUMLENS"], "analyze", "--format", "jsonl", "--out", "-", "--quiet", "-"])
# Dealt round-robin, so that the pages of a thread land in different partitions: the case
# merge must join again.
dealt = sc.parallelize(list(enumerate(paths)), partitions).partitionBy(partitions, lambda index: index % partitions).values()
reports = dealt.pipe(command).glom().collect()
for index, lines in enumerate(reports):
    with open(os.path.join(os.environ["PARTS"], f"part-{index:05d}.jsonl"), "w", encoding="utf-8") as part:
        part.writelines(line + "\n" for line in lines)
    messages = sum(1 for line in lines if line.startswith('{"type":"message"'))
    print(f"spark-pipe: partition {index}: {messages} messages")
sc.stop()
PY

say "merging $(ls "$WORK/parts" | wc -l) partial reports"
status=0
"$FORUMLENS" merge "$WORK"/parts/part-*.jsonl --format json --out "$WORK/merged.json" || status=$?
[ "$status" -le 1 ] || die "merge failed (exit $status)"
status=0
"$FORUMLENS" analyze "$DIR" --format json --out "$WORK/direct.json" --quiet || status=$?
[ "$status" -le 1 ] || die "the direct run failed (exit $status)"
"$FORUMLENS" merge "$WORK/direct.json" --format json --out "$WORK/direct-merged.json" || true

# Equal: the same file as the direct report merged alone (merge lists inputs and discussions in
# path order), and each discussion of the direct run found whole in the merged report.
python3 - "$WORK/direct.json" "$WORK/merged.json" <<'PY'
import json, sys
direct, merged = (json.load(open(path, encoding="utf-8")) for path in sys.argv[1:3])
by_id = {d["id"]: d for d in merged["discussions"]}
differ = [d["id"] for d in direct["discussions"] if by_id.get(d["id"]) != d]
if len(by_id) != len(direct["discussions"]) or differ:
    sys.exit(f"spark-pipe: {len(differ)} discussions differ ({differ[:5]}), {len(by_id)} merged against {len(direct['discussions'])}")
split = sum(1 for d in merged["discussions"] if len(d["sources"]) > 1)
summary = merged["summary"]
print(f"spark-pipe: {summary['discussions']} discussions ({split} of several pages), {summary['messages']} messages: every discussion equals the direct run's")
PY
cmp -s "$WORK/merged.json" "$WORK/direct-merged.json" \
    || die "merged.json and the direct report merged alone differ: diff $WORK/merged.json $WORK/direct-merged.json"
say "EQUAL: merged.json is byte for byte the direct report (merged alone); files in $WORK"
