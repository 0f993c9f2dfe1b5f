#!/usr/bin/env python3
"""Builds the openly licensed text corpus that scripts/derive-verbs.mjs derives the verb lists from.

Usage: python3 scripts/verb-corpus.py ../shared/data OUT.jsonl.gz
Sources: WikiNews originalText (the article text is CC BY 2.5; the quotation annotations of the dataset,
CC BY-NC-SA 4.0, are not read), GePaDe speeches (CC BY-SA 4.0), LER sentences (CC BY 4.0), UD German GSD
dev (CC BY-SA 4.0). GSD test and PUD are left out: the mood evaluation holds them out.
"""
import glob
import gzip
import json
import sys


def conll_sentences(path):
    sentence = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip():
            if sentence:
                yield " ".join(sentence)
            sentence = []
            continue
        sentence.append(line.split()[0])
    if sentence:
        yield " ".join(sentence)


def main(data, out_path):
    texts = []
    for path in sorted(glob.glob(f"{data}/quotes/wikinews/*/*.json")):
        texts.append(json.load(open(path, encoding="utf-8"))["originalText"])
    for path in sorted(glob.glob(f"{data}/quotes/gepade/*/*.json")):
        doc = json.load(open(path, encoding="utf-8"))
        texts.append(" ".join(" ".join(s["Tokens"]) for s in doc.get("Sentences") or []))
    for line in open(f"{data}/ud/UD_German-GSD/de_gsd-ud-dev.conllu", encoding="utf-8"):
        if line.startswith("# text = "):
            texts.append(line[9:].strip())
    for path in sorted(glob.glob(f"{data}/ner/ler/*.conll")):
        texts.extend(conll_sentences(path))
    with gzip.open(out_path, "wt", encoding="utf-8") as out:
        for text in texts:
            out.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
    print(f"{len(texts)} texts, {sum(map(len, texts))} characters -> {out_path}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
