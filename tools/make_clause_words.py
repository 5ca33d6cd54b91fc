#!/usr/bin/env python3
"""Derives models/officials/clause-words.txt: words that begin a clause, so that a title's
organisation name written in lower case ends before them ("Giám đốc Công ty Thiên Thanh | từ xa
chạy đến", "Hiệu trưởng Trường mầm non Đồng Thắng | lý giải", "… phát triển cộng đồng | thì").

A word of UD Vietnamese-VTB (gold segmentation; train, dev and test) is a clause word when it is
tagged VERB, AUX, ADV, SCONJ, CCONJ or ADP in at least 80 % of its occurrences, unless it names an
organisation's field: a word written capitalised right after a head of an organisation's name in
the bulk corpora at least three times ("Trung tâm Nghiên cứu", "Ban Quản lý", "Công ty Xây
dựng"; heads: models/officials/named-heads.tsv and org-heads.txt; the treebank's longest word
there, and a word of one syllable only before a lower-case syllable, not as the start of a proper
name: "Cần Thơ"). A word tagged AUX, ADV, SCONJ or CCONJ in half of its occurrences or more is of
kind "anywhere", the others (verbs, prepositions) of kind "after-name".

Usage: tools/make_clause_words.py ../shared/data/ud-vi-vtb ../shared/corpus/bulk models > models/officials/clause-words.txt
"""
import collections
import glob
import gzip
import json
import os
import re
import sys
import unicodedata

from udtags import word_tags

CLAUSE = {"VERB", "AUX", "ADV", "SCONJ", "CCONJ", "ADP"}
ANYWHERE = {"AUX", "ADV", "SCONJ", "CCONJ"}
MIN_SHARE = 0.8
MIN_COUNT = 1
MIN_NAMED = 3
MAX_WORD = 4  # syllables


def nfc(s):
    return unicodedata.normalize("NFC", s)


def data_lines(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                yield nfc(line.rstrip("\n"))


ud, bulk, models = sys.argv[1], sys.argv[2], sys.argv[3]
tags = word_tags(sorted(glob.glob(os.path.join(ud, "*.conllu"))))
candidates = set()
for w, t in tags.items():
    n = sum(t.values())
    if n >= MIN_COUNT and sum(t[x] for x in CLAUSE) / n >= MIN_SHARE and all(s.isalpha() for s in w.split()):
        candidates.add(w)

heads = set()
for l in data_lines(os.path.join(models, "officials", "named-heads.tsv")):
    heads.add(l.split("\t")[0].lower())
for l in data_lines(os.path.join(models, "officials", "org-heads.txt")):
    heads.add(l.strip().lower())
heads = {tuple(h.split()) for h in heads if h}
max_head = max(len(h) for h in heads)

named = collections.Counter()
syllable = re.compile(r"\w+")
for path in sorted(glob.glob(os.path.join(bulk, "*.jsonl.gz"))):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            for field in ("title", "header", "body"):
                text = a.get(field) or ""
                for sentence in re.split(r"[.,;:!?()\"“”\n–-]", nfc(text)):
                    syl = syllable.findall(sentence)
                    low = [s.lower() for s in syl]
                    for i in range(len(syl)):
                        for h in range(1, max_head + 1):
                            j = i + h
                            if j >= len(syl) or tuple(low[i:j]) not in heads or not syl[i][0].isupper():
                                continue
                            if not syl[j][0].isupper():
                                continue
                            # the treebank's longest word there; one syllable only before a lower-case
                            # one (not the first of a proper name: "Cần Thơ", "Hạ Long")
                            for n in range(min(MAX_WORD, len(syl) - j), 0, -1):
                                w = " ".join(low[j:j + n])
                                if w in tags:
                                    if w in candidates and (n > 1 or j + 1 == len(syl) or syl[j + 1][0].islower()):
                                        named[w] += 1
                                    break

print("# Words that begin a clause: a title's organisation name written in lower case ends before one of")
print("# them (\"Giám đốc Công ty Thiên Thanh | từ xa chạy đến\", \"Hiệu trưởng Trường mầm non Đồng Thắng |")
print("# lý giải\", \"… Trung tâm nghiên cứu và đào tạo phát triển cộng đồng | thì\"). Derived by")
print("# tools/make_clause_words.py from UD Vietnamese-VTB (vi_vtb-ud-{train,dev,test}.conllu, CC BY-SA 4.0,")
print("# ../shared/data/ud-vi-vtb): words tagged VERB, AUX, ADV, SCONJ, CCONJ or ADP in >= 80 % of their")
print("# occurrences, less those written capitalised right after a head of an organisation's name")
print("# (models/officials/named-heads.tsv, org-heads.txt) three times or more in ../shared/corpus/bulk")
print("# (\"Trung tâm Nghiên cứu\", \"Ban Quản lý\", \"Công ty Xây dựng\"): an organisation's field, not a")
print("# predicate. Do not edit by hand. Columns: word (syllables spaced, lower case) <TAB> kind:")
print("#   anywhere    tagged AUX, ADV, SCONJ or CCONJ in half of its occurrences or more: ends a name in")
print("#               lower case anywhere (\"… phát triển cộng đồng | thì\")")
print("#   after-name  a verb or preposition: ends it only after a proper name (\"… Đồng Thắng | lý giải\");")
print("#               right after the head verbs name the field (\"Trung tâm dự báo nhu cầu nhân lực\")")
for w in sorted(candidates):
    if named[w] < MIN_NAMED:
        t = tags[w]
        print(w + "\t" + ("anywhere" if sum(t[x] for x in ANYWHERE) / sum(t.values()) >= 0.5 else "after-name"))
with open(os.environ.get("NAMED_OUT", os.devnull), "w", encoding="utf-8") as out:
    for w, c in named.most_common():
        out.write(f"{c}\t{w}\n")
