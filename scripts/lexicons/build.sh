#!/usr/bin/env bash
# Rebuilds Plugins/Sentiment/SentimentLexiconData.swift from the lexicons of four PyPI packages
# (pinned: the sources NOTICE names), installed into a virtual environment beside this script
# (git-ignored), then scripts/lexicons/convert.py. Not part of the build: its output is committed.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
VENV="$HERE/.venv"
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/pip" install --quiet vaderSentiment==3.3.2 vaderSentiment-fr==1.3.4 textblob==0.20.1 textblob-fr==0.2.0
"$VENV/bin/python" "$HERE/convert.py"
