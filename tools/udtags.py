"""Reads the word forms and universal POS tags of UD CoNLL-U files (UD Vietnamese-VTB), shared by the
tools that derive word lists from the treebank (make_unit_verbs.py, make_clause_words.py)."""
import collections
import unicodedata


def word_tags(paths):
    """Each word form (NFC, lower case, syllables spaced as the treebank segments them) → a Counter of
    its UPOS tags over the files' token lines (multi-word ranges and empty nodes left out)."""
    tags = collections.defaultdict(collections.Counter)
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                c = line.split("\t")
                if "-" in c[0] or "." in c[0]:
                    continue
                tags[unicodedata.normalize("NFC", c[1].lower())][c[3]] += 1
    return tags
