#!/usr/bin/env python3
"""Draw the held-out test articles (corpus/heldout/hNNN.txt) from the bulk corpora.

Reproducible: `python3 tools/sample_heldout.py` rewrites exactly the same files and
SOURCES.tsv. The sample is fixed by random.Random(2026) over the eligible articles of
each corpus, in file order:

- eligible: 150-700 words (whitespace tokens of title + header + body), the title,
  header or body contains at least one of KEYWORDS, and the title does not match
  (case/space-folded) a title line of ../shared/corpus/dev or ../shared/corpus/seeds;
- baomoi.jsonl.gz: 16 articles (h001-h016);
- underthesea-unc-dantri.jsonl.gz: 8 articles from the news_society section (h017-h024).

Each file is: title line, blank line, header (lead) if any, then the body paragraphs
(dantri body lines; the baomoi body is a single paragraph), separated by blank lines.
Text is kept exactly as in the source apart from stripping each paragraph's outer
whitespace. No date line is written: every held-out article has published = null.
"""
import gzip
import json
import os
import random
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
SHARED = os.path.join(REPO, "..", "shared")
OUT = os.path.join(REPO, "corpus", "heldout")

KEYWORDS = ["Đảng", "Bí thư", "UBND", "Nghị quyết", "Chủ tịch", "Quốc hội",
            "Chỉ thị", "Kế hoạch số"]
MIN_WORDS, MAX_WORDS = 150, 700
SEED = 2026


def fold(s):
    return " ".join(unicodedata.normalize("NFC", s).lower().split())


def known_titles():
    titles = set()
    for sub in ("dev", "seeds"):
        d = os.path.join(SHARED, "corpus", sub)
        for name in sorted(os.listdir(d)):
            if not name.endswith(".txt"):
                continue
            with open(os.path.join(d, name), encoding="utf-8") as f:
                for line in f.read().splitlines()[:5]:
                    if line.strip():
                        titles.add(fold(line))
    return titles


def paragraphs(rec):
    paras = [rec["title"]]
    if rec.get("header") and rec["header"].strip():
        paras.append(rec["header"])
    paras.extend((rec.get("body") or "").split("\n"))
    return [p.strip() for p in paras if p and p.strip()]


def eligible(rec, titles):
    if not rec.get("title") or not rec.get("body"):
        return False
    text = "\n".join(paragraphs(rec))
    words = len(text.split())
    if not MIN_WORDS <= words <= MAX_WORDS:
        return False
    if not any(k in unicodedata.normalize("NFC", text) for k in KEYWORDS):
        return False
    return fold(rec["title"]) not in titles


def pool(name, titles, section=None):
    out = []
    with gzip.open(os.path.join(SHARED, "corpus", "bulk", name), "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if section and not rec["id"].startswith(section):
                continue
            if eligible(rec, titles):
                out.append(rec)
    return out


def main():
    titles = known_titles()
    rng = random.Random(SEED)
    baomoi = pool("baomoi.jsonl.gz", titles)
    dantri = pool("underthesea-unc-dantri.jsonl.gz", titles, section="news_society_")
    picked = rng.sample(baomoi, 16) + rng.sample(dantri, 8)
    os.makedirs(OUT, exist_ok=True)
    rows = ["file\tcorpus\tsource_id\turl\ttime\twords"]
    for i, rec in enumerate(picked, 1):
        name = "h%03d.txt" % i
        paras = paragraphs(rec)
        with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
            f.write(paras[0] + "\n\n" + "\n\n".join(paras[1:]) + "\n")
        corpus = "baomoi" if i <= 16 else "underthesea-unc-dantri"
        rows.append("\t".join([name, corpus, rec["id"], rec["url"], rec.get("time") or "",
                               str(len("\n".join(paras).split()))]))
    with open(os.path.join(OUT, "SOURCES.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")
    print("pool: baomoi %d, dantri news_society %d; wrote %d files" %
          (len(baomoi), len(dantri), len(picked)), file=sys.stderr)


if __name__ == "__main__":
    main()
