"""Sentence splitting: agreement with pysbd and speed, on BBC News paragraphs and the seeds.

Usage: ``python benchmarks/bench_sentences.py [--docs 150] [--seed 1]``

Needs the BBC corpus beside the repository (``../shared/corpora/bbc`` or
``$CULTURELENS_CORPORA/bbc``) and pysbd (a dev dependency). Prints boundary precision and
recall of culturelens's splitter against pysbd (boundaries compared as character offsets
ignoring spaces), the time each takes, and a few disagreements to read.
"""

from __future__ import annotations

import argparse
import os
import random
import time
from pathlib import Path

import pysbd

from culturelens.segment import split_sentences

REPO = Path(__file__).resolve().parents[1]


def boundaries(sentences: list[str]) -> set[int]:
    offsets, pos = set(), 0
    for sentence in sentences[:-1]:
        pos += len(sentence.replace(" ", ""))
        offsets.add(pos)
    return offsets


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=150)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    corpora = Path(os.environ.get("CULTURELENS_CORPORA", REPO.parent / "shared" / "corpora"))
    files = sorted((corpora / "bbc").glob("*.txt"))
    random.Random(args.seed).shuffle(files)
    paragraphs = [
        line.strip()
        for f in files[: args.docs]
        for line in f.read_text().splitlines()
        if line.strip()
    ]
    paragraphs += [
        line.strip()
        for f in sorted((REPO / "seeds").glob("*.txt"))
        for line in f.read_text().splitlines()
        if line.strip()
    ]
    segmenter = pysbd.Segmenter(language="en", clean=False)
    agree = ours_n = theirs_n = 0
    ours_t = theirs_t = 0.0
    shown = 0
    for text in paragraphs:
        start = time.perf_counter()
        ours = split_sentences(text)
        ours_t += time.perf_counter() - start
        start = time.perf_counter()
        theirs = [" ".join(s.split()) for s in segmenter.segment(text) if s.strip()]
        theirs_t += time.perf_counter() - start
        a, b = boundaries(ours), boundaries(theirs)
        agree, ours_n, theirs_n = agree + len(a & b), ours_n + len(a), theirs_n + len(b)
        if a != b and shown < 5:
            shown += 1
            print(f"culturelens: {ours}\npysbd:       {theirs}\n")
    precision, recall = agree / max(ours_n, 1), agree / max(theirs_n, 1)
    print(f"{len(paragraphs)} paragraphs; boundaries: culturelens {ours_n}, pysbd {theirs_n}")
    print(f"agreement: precision {precision:.3f}, recall {recall:.3f} (pysbd as reference)")
    ratio = theirs_t / max(ours_t, 1e-9)
    print(f"time: culturelens {ours_t:.3f} s, pysbd {theirs_t:.3f} s, ratio {ratio:.0f}x")


if __name__ == "__main__":
    main()
