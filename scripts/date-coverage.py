#!/usr/bin/env python3
"""Share of messages with a `published` date, over the messages whose truth shows a date,
for the French, English, German, Italian and Portuguese pages (matched in order as the
metric script aligns them: by text prefix)."""
import json, os, re, sys, unicodedata, glob

ZW = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
def norm(s):
    s = unicodedata.normalize("NFKC", s or "").translate(ZW)
    return re.sub(r"\s+", " ", s).strip().lower()

pages, outs = sys.argv[1], sys.argv[2]
langs = {"fr", "en", "de", "it", "pt"}
shown = filled = 0
print(f"{'page':28s} {'dated':>5s} {'filled':>6s}")
for tp in sorted(glob.glob(os.path.join(pages, "*.truth.json"))):
    truth = json.load(open(tp, encoding="utf-8"))
    if truth.get("language") not in langs:
        continue
    name = os.path.basename(tp)[: -len(".truth.json")]
    path = os.path.join(outs, name + ".json")
    pred = []
    if os.path.exists(path):
        for d in json.load(open(path, encoding="utf-8")).get("discussions", []):
            pred += d.get("messages", [])
    page_shown = page_filled = 0
    j = 0
    for m in truth["messages"]:
        if not m.get("date_as_displayed"):
            continue
        page_shown += 1
        key = norm(m.get("first_80_chars_of_own_body_text"))[:40]
        key_nospace = re.sub(r"\s", "", key)
        for k in range(j, len(pred)):
            t = norm(pred[k].get("text"))
            if t.startswith(key) or re.sub(r"\s", "", t).startswith(key_nospace):
                if pred[k].get("published"):
                    page_filled += 1
                j = k + 1
                break
    shown += page_shown; filled += page_filled
    print(f"{name:28s} {page_shown:5d} {page_filled:6d}")
print(f"\nDATES published filled for {filled}/{shown} = {filled / max(shown, 1):.3f} of dated messages (fr, en, de, it, pt pages)")
