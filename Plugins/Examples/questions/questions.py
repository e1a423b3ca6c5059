"""A ForumLens process plugin: one JSON message per line in, one JSON result per line out.

Each input line is an object with "id", "author", "language" and "text". The answer counts
the sentences of the text that end with a question mark.
"""
import json
import re
import sys

SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n\s*\n")


def analyze(message):
    sentences = [s.strip() for s in SENTENCE_END.split(message.get("text", "")) if s.strip()]
    questions = [s for s in sentences if s.rstrip("\"»)” ").endswith("?")]
    return {"questions": len(questions), "asks": bool(questions), "first": questions[0] if questions else None}


for line in sys.stdin:
    print(json.dumps(analyze(json.loads(line)), ensure_ascii=False), flush=True)
