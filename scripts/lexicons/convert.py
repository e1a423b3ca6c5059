#!/usr/bin/env python3
"""Builds ForumLens's sentiment lexicons from permissively licensed sources (NOTICE):

  English  VADER's vader_lexicon.txt (vaderSentiment 3.3.2, MIT), valences -4..4, filled in with
           Pattern's en-sentiment.xml adjectives (textblob 0.20.1, PDDL) at half strength
           (polarity -1..1 times 2), not those that mostly say where, when or which
           (en-function-words.txt: other, first, remote); VADER's boosters left out; adverbs,
           -ness nouns and un- opposites derived where missing (those that Brill's tagger
           lexicon, in textblob, knows); -in forms of -ing words (lovin).
  French   vader_FR's fr_lexicon.txt (vaderSentiment-fr 1.3.4, MIT), a cognate spelled as its
           English word of the same sign taking VADER's value when stronger, filled in with
           Pattern's fr-sentiment.xml (textblob-fr 0.2.0, PDDL) adjectives at half strength;
           feminine and plural forms added where missing; common words the sources miss or
           dilute valued by hand (fr-common.tsv); the -er verbs rated conjugated (present, imperfect,
           participles); function words (fr-function-words.txt) left out; every word
           also without its accents, where that is not another word, and with œ where written oe.
  Symbols  emoticons from VADER's lexicon; emoji scored from VADER's emoji descriptions
           (emoji_utf8_lexicon.txt) read with VADER's words and en-extra.tsv's entries, phrases
           first; en-extra.tsv's symbols win.
  Then our own corrections and additions, which win: en-extra.tsv, fr-extra.tsv (forum and
  spoken French, the founding thread's domain, phrases such as "pas mal").

Writes Plugins/Sentiment/SentimentLexiconData.swift: one table per language, lines of
`entry<TAB>valence`, an entry being a word or a phrase (lowercase). Standard library only; run it
with the four packages importable (scripts/lexicons/build.sh makes a virtual environment).
"""
import hashlib
import importlib
import importlib.util
import os
import sys
import unicodedata
import xml.etree.ElementTree as ET
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "Plugins", "Sentiment", "SentimentLexiconData.swift")


def package_dir(name):
    spec = importlib.util.find_spec(name)
    if spec is None:
        sys.exit(f"convert.py: the Python package {name} is not installed (run scripts/lexicons/build.sh)")
    return os.path.dirname(spec.origin)


def read_vader(path):
    table = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2 and parts[0]:
                table[parts[0].lower()] = float(parts[1])
    return table


def read_vader_fr(path):
    table = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            word, _, value = line.rstrip("\n").rpartition("->")
            if word:
                table[word.lower()] = float(value)
    return table


def read_pattern(path):
    """Pattern lists each sense of a word; like Pattern, average them. Polarity -1..1 -> -4..4."""
    senses = defaultdict(list)
    for word in ET.parse(path).getroot().iter("word"):
        form = word.get("form", "").lower()
        # A quantity (more, many, little) is not an opinion.
        if form and word.get("polarity") is not None and "quantifier" not in word.get("sense", ""):
            senses[form].append(float(word.get("polarity")))
    return {form: 4 * sum(values) / len(values) for form, values in senses.items()}


def read_extra(path):
    table = {}
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.split("#", 1)[0].rstrip()
            if not line:
                continue
            entry, _, value = line.rpartition("\t")
            try:
                table[entry.strip().lower()] = float(value)
            except ValueError:
                sys.exit(f"{path}:{number}: expected entry<TAB>valence")
    return table


def without_accents(word):
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def description_value(words, table):
    """The sum of the valences of `words`, the longest entry of the table first."""
    total, index = 0.0, 0
    while index < len(words):
        for length in range(min(4, len(words) - index), 0, -1):
            entry = " ".join(words[index:index + length])
            if entry in table:
                total += table[entry]
                index += length
                break
        else:
            index += 1
    return total


def read_words(path):
    with open(path, encoding="utf-8") as f:
        return [word.lower() for line in f if not line.startswith("#") for word in line.split()]


def is_word(entry):
    """Words and phrases; a single letter is an initial or a typo more often than a word."""
    return len(entry) > 1 and all(c.isalpha() or c in "'- " for c in entry)


def french_forms(word):
    """Feminine and plural forms of a French adjective or participle (some are not words:
    they are never met, and never override a real entry)."""
    if " " in word or not word.isalpha():
        return []
    for ending, forms in (("eux", ["euse", "euses"]), ("if", ["ive", "ives", "ifs"]), ("el", ["elle", "elles", "els"]),
                          ("ien", ["ienne", "iennes", "iens"]), ("on", ["onne", "onnes", "ons"]), ("al", ["ale", "ales", "aux"]),
                          ("er", ["ère", "ères", "ers"]), ("eur", ["euse", "euses", "eurs"]), ("é", ["ée", "és", "ées"])):
        if word.endswith(ending):
            return [word[: -len(ending)] + form for form in forms]
    if word.endswith("e"):
        return [word + "s"]
    # franc, blanc, public, sec: the feminine is irregular (franche), and "france" is a name.
    if word.endswith("c"):
        return [word + "s"]
    # bas, gros, gras: basse, grosse (not "base").
    if word.endswith(("as", "os")):
        return [word + "se", word + "ses"]
    if word.endswith(("s", "x")):
        return [word + "e", word + "es"]
    return [word + "e", word + "s", word + "es"]


def english_forms(word, value):
    """Words derived from an English adjective, with their valence: its adverb (sluggish ->
    sluggishly), its noun in -ness (fresh -> freshness) and its opposite in un- (funny ->
    unfunny, turned as a negation turns it). Most are never met; none overrides a real entry."""
    if not word.isalpha() or len(word) < 4:
        return []
    stem = word[:-1] + "i" if word.endswith("y") else word
    adverb = word[:-1] + "y" if word.endswith("le") else word + "ally" if word.endswith("ic") else stem + "ly"
    return [(adverb, value), (stem + "ness", value), ("un" + word, value * -0.74)]


def read_lefff_words(path):
    """The words of Pattern's French lexicon (from Lefff, the Lexique des formes fléchies du
    français) and their part of speech, names left out."""
    with open(path, encoding="utf-8") as f:
        rows = (line.split() for line in f if not line.startswith(";"))
        return {row[0]: row[1] for row in rows if len(row) >= 2 and not row[1].startswith("NNP")}


def main():
    vader_dir = package_dir("vaderSentiment")
    vader_fr_dir = package_dir("vaderSentiment_fr")
    pattern_en = os.path.join(package_dir("textblob"), "en", "en-sentiment.xml")
    pattern_fr = os.path.join(package_dir("textblob_fr"), "fr-sentiment.xml")

    vader = read_vader(os.path.join(vader_dir, "vader_lexicon.txt"))
    english = {k: v for k, v in vader.items() if is_word(k)}
    symbols = {k: v for k, v in vader.items() if not is_word(k)}
    # The tokenizer reads xD as an emoticon, looked up among the symbols.
    symbols["xd"] = vader["xd"]
    # Pattern's adjectives are rated for reviews: where VADER has no entry they count at half
    # strength, the weakest (|polarity| < 0.1) not at all.
    positional = set(read_words(os.path.join(HERE, "en-function-words.txt")))
    for form, value in read_pattern(pattern_en).items():
        if form not in english and is_word(form) and abs(value) >= 0.4 and form not in positional:
            english[form] = value / 2

    vader_fr = read_vader_fr(os.path.join(vader_fr_dir, "fr_lexicon.txt"))
    # The same for French, but only Pattern's clearer adjectives (|polarity| >= 0.3): its
    # French list holds many mild, context-bound ones that tilt neutral texts.
    french = {k: v for k, v in vader_fr.items() if is_word(k)}
    # A French word spelled as an English one of the same sense (horrible, adorable, idiot,
    # violent) often has in vader_FR a value diluted among the English words translated to it
    # (horrible -0.7, adorable 0.7): VADER's raters' own value of the word, where it says the
    # same more strongly. Not where the senses differ (blesser hurts, a blesser blesses).
    for word, value in french.items():
        rated = vader.get(word)
        if rated is not None and rated * value > 0 and abs(rated) > abs(value):
            french[word] = rated
    for form, value in read_pattern(pattern_fr).items():
        if form not in french and is_word(form) and abs(value) >= 1.2:
            french[form] = value / 2
    inflected = {}  # a made form: the word it was made from
    for word, value in list(french.items()):
        for form in french_forms(word):
            if form not in french:
                french[form] = value
                inflected[form] = word
    # Common words the sources miss or dilute (joie 0.3), with their forms (joies, not 2.2).
    for word, value in read_extra(os.path.join(HERE, "fr-common.tsv")).items():
        for form in [word] + french_forms(word):
            french[form] = value
    corrections = read_extra(os.path.join(HERE, "fr-extra.tsv"))
    french.update(corrections)
    # A form made from a word corrected there follows it (vraiments kept vraiment's 1.9).
    for form, word in inflected.items():
        if word in corrections and form not in corrections:
            french[form] = corrections[word]
    # The present, imperfect and participle of -er verbs the tables rate (détester: déteste,
    # détestent, détestait), where Lefff knows the form as a verb.
    words = read_lefff_words(os.path.join(package_dir("textblob_fr"), "fr-lexicon.txt"))
    for word, value in list(french.items()):
        if word.endswith("er") and " " not in word and abs(value) >= 1 and words.get(word, "").startswith("VB"):
            stem = word[:-2]
            for ending in ("e", "es", "ent", "ons", "ez", "ais", "ait", "aient", "é", "ée", "és", "ées"):
                if words.get(stem + ending, "").startswith("VB"):
                    french.setdefault(stem + ending, value)
    # Forums and tweets often drop accents (tres, genial, decu): each word without them too,
    # where that is not another word (mûr is ripe, mur a wall; prisé valued, prise a grip).
    for word, value in list(french.items()):
        bare = without_accents(word)
        # Unless it is a participle read as its verb's present (refusé, refuse), the same sense;
        # not as a noun (recherché, « recherche »).
        stem = word.rstrip("s").removesuffix("ée").removesuffix("é")
        participle = stem != word.rstrip("s") and without_accents(stem) == stem
        if bare not in words or participle and words[bare].startswith("VB"):
            french.setdefault(bare, value)
    # vader_FR writes œ as oe (coeur, chef-d'oeuvre): the ligature too, as French is typed.
    for word, value in list(french.items()):
        if "oe" in word:
            french.setdefault(word.replace("oe", "œ"), value)
    # After that: "sûr" must not give "sur" a valence.
    for word in read_words(os.path.join(HERE, "fr-function-words.txt")):
        french.pop(word, None)

    # Only the derived forms that are English words (Brill's tagger lexicon, in textblob): the
    # others are never met and would only slow the lexicon's loading.
    with open(os.path.join(package_dir("textblob"), "en", "en-lexicon.txt"), encoding="utf-8") as f:
        english_words = {line.split()[0] for line in f if not line.startswith(";") and line.split()}
    for word, value in list(english.items()):
        for form, derived in english_forms(word, value):
            if form in english_words:
                english.setdefault(form, derived)
    # Tweets and forums drop the g (lovin, rockin): those forms too, where they are no entry.
    for word, value in list(english.items()):
        if word.endswith("ing") and len(word) > 5:
            english.setdefault(word[:-1], value)
    # VADER's boosters and dampeners modify the next word and have no valence of their own
    # (nor remarkably from remarkable).
    for word in importlib.import_module("vaderSentiment.vaderSentiment").BOOSTER_DICT:
        english.pop(word, None)
    extra = read_extra(os.path.join(HERE, "en-extra.tsv"))
    extra_words = {k: v for k, v in extra.items() if is_word(k)}
    english.update(extra_words)

    # Emoji: what their description says, as VADER replaces an emoji by its description, read
    # with VADER's words and our entries, phrases first ("thumbs up", "broken heart"; not
    # Pattern's adjectives: "black circle" says nothing); then our own values for those whose
    # description does not carry their use (en-extra.tsv: 🙄, 🔥).
    describing = {**vader, **extra_words}
    with open(os.path.join(vader_dir, "emoji_utf8_lexicon.txt"), encoding="utf-8") as f:
        for line in f:
            emoji, _, description = line.rstrip("\n").partition("\t")
            value = description_value(description.lower().split(), describing)
            if emoji and value:
                symbols[emoji] = max(-4.0, min(4.0, value))
    symbols.update({k: v for k, v in extra.items() if k not in extra_words})

    def table(entries):
        # NFC: ForumLens looks entries up by their bytes, in the text layer's NFC.
        entries = {unicodedata.normalize("NFC", k): v for k, v in entries.items()}
        # A phrase of no valence stays: it keeps its words from being read one by one ("pas mal de").
        lines = [f"{k}\t{round(v, 2):g}" for k, v in sorted(entries.items()) if (round(v, 2) != 0 or " " in k) and '"""#' not in k]
        return "\n".join(lines)

    with open(OUT, "w", encoding="utf-8") as f:
        f.write("// Generated by scripts/lexicons/convert.py (scripts/lexicons/build.sh): do not edit.\n")
        f.write("// Sources and licences: NOTICE. Lines: entry, tab, valence (-4 to 4).\n\n")
        f.write("extension SentimentLexicon {\n")
        for name, entries in (("english", english), ("french", french), ("symbols", symbols)):
            text = table(entries)
            # The digest of the table as Swift reads it (the literal drops the first and last newline).
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
            f.write(f'    static let {name}Data = #"""\n{text}\n"""#\n')
            f.write(f'    static let {name}Digest = "sha256:{digest}"\n\n')
        f.write("}\n")
    print(f"wrote {os.path.relpath(OUT)}: {len(english)} English, {len(french)} French, {len(symbols)} symbols")


if __name__ == "__main__":
    main()
