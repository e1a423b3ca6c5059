#!/usr/bin/env bash
# The figures of the sentiment dev sets for ForumLens and the reference tools, as one Markdown
# table: Pearson r on the English sets (VADER tweets, movie snippets), 3-class macro-F1 on the
# French ones (DEFT 2017 validation and training tweets), every figure computed by
# ../shared/eval/sentiment_metrics.py from a prediction file (id<TAB>score) per tool and set.
#
#   bash benchmarks/sentiment-reference.sh
#   FORUMLENS=path/to/forumlens bash benchmarks/sentiment-reference.sh
#
# Tools (pinned, in the venv benchmarks/work/venv-sentiment, made once with pip, then reused):
#   VADER        vaderSentiment 3.3.2      English sets   polarity_scores(text)["compound"]
#   vader-fr     vaderSentiment-fr 1.3.4   French sets    polarity_scores(text)["compound"]
#   TextBlob     textblob 0.20.1           English sets   TextBlob(text).sentiment.polarity
#   textblob-fr  textblob-fr 0.2.0         French sets    Blobber(PatternTagger, PatternAnalyzer)(text).sentiment[0]
#   ForumLens    forumlens eval sentiment SET --predictions OUT (French sets with --language fr)
# Predictions go to benchmarks/work/reference/TOOL-SET.tsv. The Python tools' predictions are
# kept and reused while they are newer than their set (delete the folder to redo them);
# ForumLens is rerun every time. The data are read where they are, never copied.
# SENTIMENT_DEV=dir points elsewhere than ../shared/data/sentiment-dev; without it (other
# machines) the script says so and exits 0.
#
# A benchmark, not a test: it exits non-zero only when something could not be run.
set -euo pipefail

# shellcheck source=lib.sh source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" sentiment-reference     # sets ROOT (the current directory), WORK
OUT="$WORK/reference"
DEV="${SENTIMENT_DEV:-../shared/data/sentiment-dev}"              # relative to the project root
METRICS="${SENTIMENT_METRICS:-../shared/eval/sentiment_metrics.py}"
VENV="$WORK/venv-sentiment"
VPY="$VENV/bin/python"
if [ ! -d "$DEV" ]; then
    echo "sentiment-reference: $DEV is absent (the dev sets live outside the repository): nothing to do"
    exit 0
fi
[ -f "$METRICS" ] || die "no scoring script at $METRICS"
command -v python3 >/dev/null 2>&1 || die "python3 is needed (the reference tools are Python libraries)"
mkdir -p "$WORK" "$OUT"
release_binary

# The sets: key, file, language, metric. Columns of the table, in this order.
SETS=(
    "en-tweets|vader_tweets_en.tsv|en|pearson_r|EN tweets r"
    "en-movies|vader_movie_snippets_en.tsv|en|pearson_r|EN movie snippets r"
    "fr-deft-val|deft2017_tweets_val.tsv|fr|macro_f1_3|FR DEFT val macro-F1"
    "fr-deft-train|deft2017_tweets_train.tsv|fr|macro_f1_3|FR DEFT train macro-F1"
)
# The tools: key, name, languages, what scores a text.
TOOLS=(
    "vader|VADER|en|vaderSentiment 3.3.2: \`SentimentIntensityAnalyzer().polarity_scores(text)[\"compound\"]\`"
    "vader-fr|vader-fr|fr|vaderSentiment-fr 1.3.4: \`vaderSentiment_fr.vaderSentiment.SentimentIntensityAnalyzer().polarity_scores(text)[\"compound\"]\`"
    "textblob|TextBlob|en|textblob 0.20.1: \`TextBlob(text).sentiment.polarity\`"
    "textblob-fr|textblob-fr|fr|textblob-fr 0.2.0: \`Blobber(pos_tagger=PatternTagger(), analyzer=PatternAnalyzer())(text).sentiment[0]\`"
    "forumlens|ForumLens|en fr|\`forumlens eval sentiment SET --predictions OUT\` (French sets: \`--language fr\`)"
)

# --- the reference tools, in their venv (made once, reused) ----------------------------------
# vaderSentiment-fr imports fuzzywuzzy and unidecode (its own requirements, listed to be sure).
venv_ready "$VENV" venv-sentiment.log fuzzywuzzy,unidecode \
    vaderSentiment==3.3.2 vaderSentiment-fr==1.3.4 textblob==0.20.1 textblob-fr==0.2.0 fuzzywuzzy unidecode \
    || die "$VENV_ERROR"

TOOLS_PY="$WORK/reference-tools.py"
cat > "$TOOLS_PY.tmp" <<'EOF'
"""reference-tools.py TOOL GOLD.tsv OUT.tsv [GOLD.tsv OUT.tsv ...]: writes `id<TAB>score` for
every row of each GOLD.tsv (header, then id, text, score-or-label) scored by TOOL, one of
vader, vader-fr, textblob, textblob-fr. Each OUT.tsv is written whole or not at all."""
import os
import sys
import time
import warnings

warnings.filterwarnings("ignore", message="Using slow pure-python SequenceMatcher")


def scorer(tool):
    if tool == "vader":
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
        analyzer = SentimentIntensityAnalyzer()
        return lambda text: analyzer.polarity_scores(text)["compound"]
    if tool == "vader-fr":
        from vaderSentiment_fr.vaderSentiment import SentimentIntensityAnalyzer
        analyzer = SentimentIntensityAnalyzer()
        return lambda text: analyzer.polarity_scores(text)["compound"]
    if tool == "textblob":
        from textblob import TextBlob
        return lambda text: TextBlob(text).sentiment.polarity
    if tool == "textblob-fr":
        from textblob import Blobber
        from textblob_fr import PatternTagger, PatternAnalyzer
        blob = Blobber(pos_tagger=PatternTagger(), analyzer=PatternAnalyzer())
        return lambda text: blob(text).sentiment[0]
    sys.exit(f"unknown tool {tool!r}")


tool, pairs = sys.argv[1], sys.argv[2:]
score = scorer(tool)
for gold, out in zip(pairs[0::2], pairs[1::2]):
    start = time.perf_counter()
    with open(gold, encoding="utf-8") as f, open(out + ".tmp", "w", encoding="utf-8") as w:
        next(f)
        n = 0
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 3:
                continue
            w.write(f"{fields[0]}\t{score(fields[1])!r}\n")
            n += 1
    os.replace(out + ".tmp", out)
    print(f"  {tool}: {n} texts of {os.path.basename(gold)} in {time.perf_counter() - start:.1f} s",
          file=sys.stderr)
EOF
# Rewritten only when it changed, so that the cached predictions stay newer than it.
if cmp -s "$TOOLS_PY.tmp" "$TOOLS_PY"; then rm "$TOOLS_PY.tmp"; else mv "$TOOLS_PY.tmp" "$TOOLS_PY"; fi

# --- predictions ----------------------------------------------------------------------------
field() { printf '%s' "$1" | cut -d '|' -f "$2"; }
applies() { case " $(field "$1" 3) " in *" $2 "*) return 0;; esac; return 1; }
COMMANDS=()
for tool in "${TOOLS[@]}"; do
    key="$(field "$tool" 1)"
    [ "$key" = forumlens ] && continue
    todo=()
    for set in "${SETS[@]}"; do
        applies "$tool" "$(field "$set" 3)" || continue
        gold="$DEV/$(field "$set" 2)"; pred="$OUT/$key-$(field "$set" 1).tsv"
        [ -f "$gold" ] || continue
        COMMANDS+=("$(show "$VPY" "$TOOLS_PY" "$key" "$gold" "$pred")")
        if [ -f "$pred" ] && [ "$pred" -nt "$gold" ] && [ "$pred" -nt "$TOOLS_PY" ]; then continue; fi
        todo+=("$gold" "$pred")
    done
    if [ "${#todo[@]}" -gt 0 ]; then
        echo "Scoring with $key (kept for the next runs) ..." >&2
        "$VPY" "$TOOLS_PY" "$key" "${todo[@]}" || die "$key failed (reference-tools.py)"
    fi
done
for set in "${SETS[@]}"; do
    gold="$DEV/$(field "$set" 2)"; pred="$OUT/forumlens-$(field "$set" 1).tsv"
    [ -f "$gold" ] || continue
    args=(eval sentiment "$gold" --predictions "$pred")
    [ "$(field "$set" 3)" = fr ] && args+=(--language fr)
    COMMANDS+=("$(show "$BIN" "${args[@]}")")
    "$BIN" "${args[@]}" > "$OUT/forumlens-$(field "$set" 1).out" || die "forumlens ${args[*]} failed"
done

# --- figures --------------------------------------------------------------------------------
DETAILS=()
figure() {   # figure TOOL SET: prints the cell
    local tool="$1" set="$2" gold pred line value
    applies "$tool" "$(field "$set" 3)" || { printf -- '-'; return; }
    gold="$DEV/$(field "$set" 2)"; pred="$OUT/$(field "$tool" 1)-$(field "$set" 1).tsv"
    [ -f "$gold" ] || { printf 'absent'; return; }
    line="$(python3 "$METRICS" "$pred" "$gold")" || die "sentiment_metrics.py failed on $pred"
    DETAILS+=("$(field "$tool" 2) $(field "$set" 1): ${line#"$gold" }")
    value="$(printf '%s\n' "$line" | tr ' ' '\n' | sed -n "s/^$(field "$set" 4)=//p")"
    [ -n "$value" ] || die "no $(field "$set" 4) in: $line"
    awk -v v="$value" 'BEGIN { printf "%.3f", v }'
}
header="| tool |"; rule="| --- |"
for set in "${SETS[@]}"; do header+=" $(field "$set" 5) |"; rule+=" ---: |"; done
TABLE=("$header command |" "$rule --- |")
for tool in "${TOOLS[@]}"; do
    row="| $(field "$tool" 2) |"
    for set in "${SETS[@]}"; do
        figure "$tool" "$set" > "$WORK/reference-cell"    # not in $( ): DETAILS must grow here
        row+=" $(cat "$WORK/reference-cell") |"
    done
    TABLE+=("$row $(field "$tool" 4) |")
done
rm -f "$WORK/reference-cell"

printf '%s\n' "${TABLE[@]}"
printf '\nr = Pearson r against the mean human rating; macro-F1 = 3-class (negative, neutral, positive),\n'
printf 'predictions within +-0.05 neutral; all by %s.\n' "$METRICS"
printf 'Produced by: bash benchmarks/sentiment-reference.sh (forumlens %s at %s; tree %s)\n' \
    "$("$BIN" --version 2>/dev/null || echo '?')" "${BIN#"$ROOT/"}" "$(tree_state ', ')"
printf '\nall metrics (sentiment_metrics.py PRED GOLD):\n'
printf '  %s\n' "${DETAILS[@]}"
printf '\nforumlens eval, its own line per set:\n'
for set in "${SETS[@]}"; do
    [ -f "$OUT/forumlens-$(field "$set" 1).out" ] && [ -f "$DEV/$(field "$set" 2)" ] && \
        printf '  %s\n' "$(head -n 1 "$OUT/forumlens-$(field "$set" 1).out")"
done
printf '\ncommands (predictions in %s):\n' "${OUT#"$ROOT/"}"
printf '  %s\n' "${COMMANDS[@]}"
