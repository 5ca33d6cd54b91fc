#!/usr/bin/env python3
"""Officials that are not people, on unseen bulk articles (issue 13).

Takes the LAST N articles of each bulk corpus (the name finder trains on the first ones), leaves out
corpus/heldout's ids and corpus/ner/reserved-ids.tsv (the NER test split's articles), runs `vnextract extract
--extractors officials` on them and lists the suspect officials with a reason:
  place     the name is a province or district (models/officials/places.tsv, levels 1-2)
  country   the name is a country (models/officials/titles.tsv, kind country)
  listed    the name starts with a club or institution of models/officials/not-persons.tsv
  org-head  the name starts with an organisation's head (models/officials/org-heads.txt)
  run-on    the name starts or ends with a word that opens a sentence (Ngày, Chiều, Nay …), ends
            with a lone initial ("George W"), or runs on into a letter in the text
Usage: tools/officials_sanity.py [--jar target/vnextract.jar] [--per-corpus 1500] [--sample 100]
Prints every suspect, then officials, suspects and the rate per 500; --sample N prints N officials
chosen at random (seed 13) for checking by hand.
"""
import argparse, gzip, json, os, random, subprocess, sys, tempfile, unicodedata

BULK = {"baomoi": "../shared/corpus/bulk/baomoi.jsonl.gz", "dantri": "../shared/corpus/bulk/underthesea-unc-dantri.jsonl.gz"}
OPENERS = {"ngày", "chiều", "sáng", "tối", "trưa", "đêm", "hôm", "nay", "sau", "trước", "theo", "tại", "khi", "trong",
           "nhưng", "với", "để", "ngoài", "riêng"}


def nfc(s):
    return unicodedata.normalize("NFC", s)


def lines(path):
    with open(path, encoding="utf-8") as f:
        return [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jar", default="target/vnextract.jar")
    ap.add_argument("--per-corpus", type=int, default=1500)
    ap.add_argument("--sample", type=int, default=0)
    a = ap.parse_args()
    excluded = set()
    for l in lines("corpus/heldout/SOURCES.tsv")[1:]:
        excluded.add(l.split("\t")[2])
    # corpus<TAB>id; the file was read under a wrong name (.txt) until stop 14, so nothing was excluded
    excluded |= {l.split("\t")[1].strip() for l in lines("corpus/ner/reserved-ids.tsv")}
    tmp = tempfile.mkdtemp(prefix="vx-sanity-")
    inp = os.path.join(tmp, "articles.jsonl")
    with open(inp, "w", encoding="utf-8") as out:
        for name, path in BULK.items():
            with gzip.open(path, "rt", encoding="utf-8") as f:
                arts = [json.loads(l) for l in f if l.strip()]
            arts = [x for x in arts if str(x.get("id")) not in excluded][-a.per_corpus:]
            for x in arts:
                x["id"] = name + "-" + str(x["id"])
                out.write(json.dumps(x, ensure_ascii=False) + "\n")
    rec = os.path.join(tmp, "records.jsonl")
    subprocess.run(["java", "-jar", a.jar, "extract", "-q", "--extractors", "officials", inp, "-o", rec], check=True)
    places = {nfc(l.split("\t")[0]).lower() for l in lines("models/officials/places.tsv") if l.split("\t")[2].strip() in ("1", "2")}
    places -= {nfc(l).lower() for l in lines("models/officials/place-persons.txt")}
    countries = {nfc(l.split("\t")[1]).lower() for l in lines("models/officials/titles.tsv") if l.startswith("country\t")}
    listed = {nfc(l.split("\t")[0]).lower() for l in lines("models/officials/not-persons.tsv")}
    heads = [nfc(l) for l in lines("models/officials/org-heads.txt")]
    total, suspects, everyone = 0, [], []
    with open(rec, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            text = r["article"]["text"]
            for o in r["officials"]:
                total += 1
                n = nfc(o["name"])
                low = n.lower()
                words = low.split()
                everyone.append((r["id"], n, o["titles"]))
                why = None
                if low in places:
                    why = "place"
                elif low in countries:
                    why = "country"
                elif any(low == x or low.startswith(x + " ") for x in listed):
                    why = "listed"
                elif any(n == h or n.startswith(h + " ") for h in heads):
                    why = "org-head"
                elif n[0].islower():
                    why = "lower"
                elif words[0] in OPENERS or words[-1] in OPENERS or len(words[-1].rstrip(".")) == 1 and len(words) > 1:
                    why = "run-on"
                else:
                    for m in o["mentions"]:
                        e = m["end"]
                        if e < len(text) and text[e].isalpha():
                            why = "run-on"
                if why:
                    suspects.append((why, r["id"], n, o["titles"]))
    for s in suspects:
        print("%-8s %-22s %-30s %s" % (s[0], s[1], s[2], " | ".join(s[3])))
    print("officials %d, suspects %d, %.2f per 500" % (total, len(suspects), 500.0 * len(suspects) / max(total, 1)))
    if a.sample:
        print("--- random sample of %d officials (seed 13)" % a.sample)
        for x in random.Random(13).sample(everyone, min(a.sample, len(everyone))):
            print("%-22s %-30s %s" % (x[0], x[1], " | ".join(x[2])))


if __name__ == "__main__":
    main()
