#!/usr/bin/env python3
"""Turns the hand-written span annotations into the syllable-level BIO file test.conll.

annotations.tsv: header line, then `sid<TAB>spans` for every sentence of sentences.tsv in the
same order; spans is `-` (no entity) or `TYPE:surface` items separated by ` | `, listed in
the order they occur in the sentence (a repeated mention is listed again). Each surface is
tokenised like the sentence and matched left to right after the previous match, so every
mention is placed exactly; a span that is not found is an error.

Usage (from the repository root):  python3 corpus/ner/build.py
Writes corpus/ner/test.conll and prints counts per split. DEV is every DEV_EVERY-th article
(articles numbered in sample order from 0; whole articles, so DEV and TEST share no article);
its sentences come first in test.conll, each sentence carries `# split = dev|test`. The
articles after the first BASE_ARTICLES (the extra draw of `sample.py --extra`) are all TEST.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sample import tokens, BASE_ARTICLES  # noqa: E402  (same tokeniser as the sampler)

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = {"PER", "ORG", "LOC"}
DEV_EVERY = 4


def is_dev(article_index):
    """Every DEV_EVERY-th article of the original draw is DEV; the extra draw is all TEST."""
    return article_index < BASE_ARTICLES and article_index % DEV_EVERY == 0


def read_tsv(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        next(f)
        return [line.rstrip("\n").split("\t", 1) for line in f if line.strip()]


def tag(sentence, spans):
    toks = tokens(sentence)
    tags = ["O"] * len(toks)
    cursor = 0
    if spans.strip() != "-":
        for item in spans.split(" | "):
            typ, _, surface = item.partition(":")
            if typ not in TYPES or not surface.strip():
                raise ValueError(f"bad span {item!r}")
            want = tokens(surface.strip())
            for i in range(cursor, len(toks) - len(want) + 1):
                if toks[i:i + len(want)] == want:
                    break
            else:
                raise ValueError(f"span {item!r} not found after token {cursor} in: {sentence}")
            tags[i] = "B-" + typ
            for j in range(i + 1, i + len(want)):
                tags[j] = "I-" + typ
            cursor = i + len(want)
    return toks, tags


def main():
    sents = read_tsv("sentences.tsv")
    anns = read_tsv("annotations.tsv")
    if [s[0] for s in sents] != [a[0] for a in anns]:
        missing = [s[0] for s in sents if s[0] not in {a[0] for a in anns}]
        sys.exit(f"annotations.tsv does not cover sentences.tsv in order; first missing: {missing[:3]}")
    counts = {}
    errors = 0
    out = {"dev": [], "test": []}
    articles = []
    for (sid, text), (_, spans) in zip(sents, anns):
        article = sid.rsplit(":", 1)[0]
        if article not in articles:
            articles.append(article)
        split = "dev" if is_dev(len(articles) - 1) else "test"
        try:
            toks, tags = tag(text, spans)
        except ValueError as e:
            print(f"{sid}: {e}", file=sys.stderr)
            errors += 1
            continue
        c = counts.setdefault(split, {"sentences": 0, "tokens": 0, "PER": 0, "ORG": 0, "LOC": 0})
        c["sentences"] += 1
        c["tokens"] += len(toks)
        for t in tags:
            if t.startswith("B-"):
                c[t[2:]] += 1
        out[split].append(f"# id = {sid}\n# split = {split}\n# text = {text}\n"
                   + "".join(f"{tok}\t{tg}\n" for tok, tg in zip(toks, tags)) + "\n")
    if errors:
        sys.exit(f"{errors} sentences with span errors; test.conll not written")
    with open(os.path.join(HERE, "test.conll"), "w", encoding="utf-8") as f:
        f.write("".join(out["dev"] + out["test"]))
    for split, c in counts.items():
        n = len({a for i, a in enumerate(articles) if is_dev(i) == (split == "dev")})
        print(split, n, "articles", c)
    total = {k: sum(c[k] for c in counts.values()) for k in ("sentences", "tokens", "PER", "ORG", "LOC")}
    print("all", total)


if __name__ == "__main__":
    main()
