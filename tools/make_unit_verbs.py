#!/usr/bin/env python3
"""Derives models/counts/unit_verbs.txt from the UD Vietnamese-VTB training split.

A word (as the treebank segments it) whose tags are VERB or AUX in at least 80 % of its 2+
occurrences ends a counted noun phrase ("120 đảng viên | dự hội nghị", "35 hộ | cần hỗ trợ").
Usage: tools/make_unit_verbs.py ../shared/data/ud-vi-vtb/vi_vtb-ud-train.conllu > models/counts/unit_verbs.txt
"""
import sys

from udtags import word_tags

tags = word_tags([sys.argv[1]])
print("# Words that end a counted noun phrase: verbs and auxiliaries. Derived by tools/make_unit_verbs.py")
print("# from UD Vietnamese-VTB (vi_vtb-ud-train.conllu, CC BY-SA 4.0, ../shared/data/ud-vi-vtb): words")
print("# tagged VERB or AUX in >= 80 % of their >= 2 occurrences. One word a line, syllables spaced, lower case.")
for w in sorted(tags):
    t = tags[w]
    n = sum(t.values())
    if n >= 2 and (t["VERB"] + t["AUX"]) / n >= 0.8 and any(ch.isalpha() for ch in w):
        print(w)
