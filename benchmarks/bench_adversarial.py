"""Adversarial input through every text stage: segmentation, tokens and scoring.

Usage: ``python benchmarks/bench_adversarial.py [--runs 3] [--mb 2]``

Cleaning has its own benchmark (``bench_clean.py``). Here each hostile input is built in
memory, passed through :func:`culturelens.segment.segment_paragraphs`,
:func:`culturelens.tokens.tokenize` and :func:`culturelens.scoring.score_sentences`, and
timed against a reference measured in the same run (``str.split`` over the same text), so
the ratios compare across noisy machines. A stage that backtracks catastrophically shows
up as a ratio that explodes with ``--mb``.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from culturelens.lexicon import load_lexicon
from culturelens.scoring import score_sentences
from culturelens.segment import segment_paragraphs
from culturelens.tokens import tokenize


def inputs(megabytes: float) -> dict[str, str]:
    size = int(megabytes * 1_000_000)

    def fill(unit: str) -> str:
        return (unit * (size // len(unit) + 1))[:size]

    return {
        "prose, one line": fill("Staff were not blamed, but the board failed to support them. "),
        "repeated punctuation": fill("!?.,;:"),
        "broken HTML (pysbd issue 92)": fill("<div class='a'><p>text <b>bold <i>x "),
        "quotes and brackets": fill("\u201c(\"[{'"),
        "one huge word": fill("a"),
        "abbreviations": fill("Mr. Dr. e.g. i.e. U.K. No. 5. "),
    }


def median_seconds(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--mb", type=float, default=2.0)
    args = parser.parse_args()
    lexicon = load_lexicon()
    print(f"{'input':32} {'stage':9} {'median s':>9} {'ratio':>8}")
    for name, text in inputs(args.mb).items():
        reference = median_seconds(lambda t=text: t.split(), args.runs)
        sentences = [s.text for s in segment_paragraphs([("body", text)])]
        stages = {
            "segment": lambda t=text: segment_paragraphs([("body", t)]),
            "tokens": lambda t=text: tokenize(t),
            "score": lambda s=sentences: score_sentences(s, lexicon=lexicon),
        }
        for stage, fn in stages.items():
            seconds = median_seconds(fn, args.runs)
            print(f"{name:32} {stage:9} {seconds:9.3f} {seconds / max(reference, 1e-9):8.0f}x")


if __name__ == "__main__":
    main()
