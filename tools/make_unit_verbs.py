#!/usr/bin/env python3
"""Derives models/counts/unit_verbs.txt from the UD Vietnamese-VTB training split.

A word (as the treebank segments it) whose tags are VERB or AUX in at least 80 % of its 2+
occurrences ends a counted noun phrase ("120 đảng viên | dự hội nghị", "35 hộ | cần hỗ trợ").
Usage: tools/make_unit_verbs.py ../shared/data/ud-vi-vtb/vi_vtb-ud-train.conllu > models/counts/unit_verbs.txt
"""
import collections
import sys
import unicodedata

tags = collections.defaultdict(collections.Counter)
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        if line.startswith("#") or not line.strip():
            continue
        c = line.split("\t")
        if "-" in c[0] or "." in c[0]:
            continue
        tags[unicodedata.normalize("NFC", c[1].lower())][c[3]] += 1
print("# Words that end a counted noun phrase: verbs and auxiliaries. Derived by tools/make_unit_verbs.py")
print("# from UD Vietnamese-VTB (vi_vtb-ud-train.conllu, CC BY-SA 4.0, ../shared/data/ud-vi-vtb): words")
print("# tagged VERB or AUX in >= 80 % of their >= 2 occurrences. One word a line, syllables spaced, lower case.")
for w in sorted(tags):
    t = tags[w]
    n = sum(t.values())
    if n >= 2 and (t["VERB"] + t["AUX"]) / n >= 0.8 and any(ch.isalpha() for ch in w):
        print(w)
