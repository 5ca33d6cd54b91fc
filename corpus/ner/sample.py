#!/usr/bin/env python3
"""Seeded sampler for the hand-annotated NER test split (corpus/ner/).

Draws ~80 articles (about 2/3 baomoi, 1/3 dantri; mostly political/administrative news, some
general news) from the bulk corpora, skipping the articles of corpus/heldout/SOURCES.tsv, and
takes 3-6 consecutive body sentences of each. Deterministic: random.Random(13) and a fixed
reading order.

Writes, next to this script:
  reserved-ids.tsv   one `corpus<TAB>id` per line (after a header line): articles a tagger
                     must never be trained on.
  sentences.tsv      `sid<TAB>text` per sampled sentence, sid = corpus:article-id:n, where n is
                     the index of the sentence in the article body (from 0).

With --extra, a second draw (random.Random(2026), 12 baomoi + 6 dantri articles, only from the
last 1,500 articles of each bulk file, never an article of the first draw or of heldout) is
appended after the first one; all its sentences are TEST (build.py: articles after the first
BASE_ARTICLES). Without --extra the files hold the original draw only (81 articles, 374
sentences), byte for byte as first committed; with it, that draw is followed by the extra one.

Usage (from the repository root):  python3 corpus/ner/sample.py [--extra] [../shared/corpus/bulk]
The tokeniser used for test.conll is `tokens()` below (imported by build.py).
"""
import gzip
import json
import os
import random
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 13
CORPORA = [("baomoi", "baomoi.jsonl.gz", 54), ("underthesea-unc-dantri", "underthesea-unc-dantri.jsonl.gz", 27)]
POLITICAL_SHARE = 0.70          # share of each corpus's articles taken from the political pool
MIN_SENT, MAX_SENT = 3, 6       # consecutive sentences per article
MIN_TOK, MAX_TOK = 6, 70        # tokens per kept sentence
# --extra: a second, TEST-only draw appended after the original one (see README.md).
EXTRA_SEED = 2026
EXTRA_TAIL = 1500               # only the last 1,500 articles of each bulk file (file order)
EXTRA_CORPORA = [("baomoi", "baomoi.jsonl.gz", 12), ("underthesea-unc-dantri", "underthesea-unc-dantri.jsonl.gz", 6)]
BASE_ARTICLES = sum(want for _, _, want in CORPORA)   # articles of the original draw (DEV/TEST by position)

# Words that mark political/administrative news (matched case-sensitively on whole words).
POLITICAL = ["Đảng", "Đảng bộ", "UBND", "HĐND", "Bí thư", "Tỉnh ủy", "Thành ủy", "Huyện ủy",
             "Tỉnh uỷ", "Thành uỷ", "Huyện uỷ", "Chủ tịch", "Bộ trưởng", "Thủ tướng", "Quốc hội",
             "Chính phủ", "Bộ", "Sở", "tỉnh", "huyện", "xã", "đảng viên", "cán bộ", "Ủy ban", "Uỷ ban"]
POLITICAL_RE = [re.compile(r"(?<!\w)" + re.escape(w) + r"(?!\w)") for w in POLITICAL]
POLITICAL_MIN = 5               # distinct political words for the political pool

# Chunks whose final dot belongs to them (abbreviations); also: one capital letter + dot.
ABBREV = {"TP.", "Tp.", "TS.", "ThS.", "Th.S.", "PGS.", "GS.", "BS.", "Q.", "P.", "TX.", "TT.", "St."}
PUNCT = set('.,;:!?()"“”\'‘’…[]')
OPENERS = set('"“‘\'([')
CLOSERS = set('"”’\')]')


def nfc(s):
    return unicodedata.normalize("NFC", s)


def is_abbrev(chunk):
    return chunk in ABBREV or (len(chunk) == 2 and chunk[1] == "." and chunk[0].isupper())


def sentences(text):
    """Splits a paragraph at . ? ! (optionally followed by closing quotes/brackets) followed by
    whitespace and a capital letter (optionally after an opening quote/bracket); never after an
    abbreviation chunk. Returns the sentences verbatim (stripped)."""
    out, start, i, n = [], 0, 0, len(text)
    while i < n:
        c = text[i]
        if c in ".?!":
            j = i + 1
            while j < n and (text[j] in CLOSERS or text[j] in ".?!"):
                j += 1
            k = j
            while k < n and text[k] in " \t":
                k += 1
            m = k
            while m < n and text[m] in OPENERS:
                m += 1
            if k > j and m < n and text[m].isupper():
                chunk_start = text.rfind(" ", start, i) + 1
                if not (c == "." and is_abbrev(text[chunk_start:i + 1])):
                    s = text[start:j].strip()
                    if s:
                        out.append(s)
                    start = k
                    i = k
                    continue
            i = j
            continue
        i += 1
    s = text[start:].strip()
    if s:
        out.append(s)
    return out


def body_sentences(body):
    out = []
    for para in nfc(body).split("\n"):
        para = para.strip()
        if para:
            out.extend(sentences(para))
    return out


def tokens(sentence):
    """Whitespace chunks, with leading and trailing punctuation split off as tokens of their own
    ("..." stays one token); inner punctuation stays (TP.HCM, 21-KL/TW, 1.000, 6/2/2017)."""
    out = []
    for chunk in sentence.split():
        lead = []
        while chunk and chunk[0] in PUNCT:
            if chunk.startswith("..."):
                lead.append("...")
                chunk = chunk[3:]
            else:
                lead.append(chunk[0])
                chunk = chunk[1:]
        trail = []
        while chunk and chunk[-1] in PUNCT and not is_abbrev(chunk):
            if chunk.endswith("..."):
                trail.append("...")
                chunk = chunk[:-3]
            else:
                trail.append(chunk[-1])
                chunk = chunk[:-1]
        out.extend(lead)
        if chunk:
            out.append(chunk)
        out.extend(reversed(trail))
    return out


def usable(sentence):
    t = tokens(sentence)
    if not MIN_TOK <= len(t) <= MAX_TOK:
        return False
    low = sentence.lower()
    if "http" in low or "www." in low or "@" in sentence or low.startswith(("ảnh:", "ảnh minh họa", "nguồn:", "video")):
        return False
    letters = [c for c in sentence if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) < 0.5 * len(letters)


def political_score(art):
    text = (art.get("title") or "") + "\n" + (art.get("body") or "")
    return sum(1 for r in POLITICAL_RE if r.search(text))


def load(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                yield json.loads(line)


def heldout_ids():
    path = os.path.join(HERE, "..", "heldout", "SOURCES.tsv")
    ids = set()
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) > 2:
                ids.add((cols[1], cols[2]))
    return ids


def draw(rng, pools_by_corpus, wants, seen_bodies, chosen):
    """Draws `want` articles per corpus (70% from the political pool, the rest from the general
    pool) in shuffled order, skipping near-duplicates (same opening as an article already chosen)
    and articles without k consecutive usable sentences. Appends (corpus, id, start, sentences)
    to `chosen`."""
    for corpus, want in wants:
        political, general = pools_by_corpus[corpus]
        n_pol = round(want * POLITICAL_SHARE)
        for pool, n in ((political, n_pol), (general, want - n_pol)):
            order = list(range(len(pool)))
            rng.shuffle(order)
            taken = 0
            for idx in order:
                if taken == n:
                    break
                aid, sents = pool[idx]
                key = " ".join(sents[:3])[:300]
                if key in seen_bodies:
                    continue
                k = rng.randint(MIN_SENT, MAX_SENT)
                starts = [s for s in range(0, len(sents) - k + 1) if all(usable(x) for x in sents[s:s + k])]
                if not starts:
                    continue
                s = rng.choice(starts)
                seen_bodies.add(key)
                chosen.append((corpus, aid, s, sents[s:s + k]))
                taken += 1
            print(f"{corpus}: {taken} of {len(pool)} articles from the {'political' if pool is political else 'general'} pool",
                  file=sys.stderr)


def pools(articles, excluded):
    """Splits articles (in file order) into the political and the general pool, skipping
    excluded (corpus, id) pairs and articles with fewer than MIN_SENT + 2 body sentences."""
    political, general = [], []
    for corpus, art in articles:
        if (corpus, art["id"]) in excluded:
            continue
        sents = body_sentences(art.get("body") or "")
        if len(sents) < MIN_SENT + 2:
            continue
        (political if political_score(art) >= POLITICAL_MIN else general).append((art["id"], sents))
    return political, general


def main():
    args = [a for a in sys.argv[1:] if a != "--extra"]
    extra = "--extra" in sys.argv[1:]
    bulk = args[0] if args else os.path.join(HERE, "..", "..", "..", "shared", "corpus", "bulk")
    excluded = heldout_ids()
    chosen = []          # (corpus, id, start, [sentences])
    seen_bodies = set()
    loaded = {}
    # The original draw (random.Random(13), all articles of each file): unchanged, so its
    # 81 articles and 374 sentences come out exactly as before, first in both files.
    rng = random.Random(SEED)
    for corpus, fname, want in CORPORA:
        loaded[corpus] = [(corpus, art) for art in load(os.path.join(bulk, fname))]
        draw(rng, {corpus: pools(loaded[corpus], excluded)}, [(corpus, want)], seen_bodies, chosen)
    if extra:
        # The extra TEST draw (random.Random(2026)): only the last EXTRA_TAIL articles of each
        # file (file order), never an article of the original draw or of corpus/heldout, same
        # pools, mix and sentence filters; appended after the original draw.
        base = {(c, a) for c, a, _, _ in chosen}
        print(f"extra draw: seed {EXTRA_SEED}, last {EXTRA_TAIL} articles of each file", file=sys.stderr)
        rng = random.Random(EXTRA_SEED)
        for corpus, fname, want in EXTRA_CORPORA:
            tail = loaded[corpus][-EXTRA_TAIL:]
            draw(rng, {corpus: pools(tail, excluded | base)}, [(corpus, want)], seen_bodies, chosen)
    with open(os.path.join(HERE, "reserved-ids.tsv"), "w", encoding="utf-8") as f:
        f.write("# corpus<TAB>id: bulk articles sampled into corpus/ner/test.conll; never train on them\n")
        for corpus, aid, _, _ in chosen:
            f.write(f"{corpus}\t{aid}\n")
    total = 0
    with open(os.path.join(HERE, "sentences.tsv"), "w", encoding="utf-8") as f:
        f.write("sid\ttext\n")
        for corpus, aid, s, sents in chosen:
            for i, sent in enumerate(sents):
                f.write(f"{corpus}:{aid}:{s + i}\t{sent}\n")
                total += 1
    print(f"{len(chosen)} articles, {total} sentences", file=sys.stderr)


if __name__ == "__main__":
    main()
