"""Benchmark the cleaning stage on hostile and ordinary input.

Usage: ``python benchmarks/bench_clean.py [--runs 5] [--mb 10]``

Builds inputs in memory (nothing is written), times :func:`culturelens.clean.clean_document`
with the rules alone and with the learned pass (trained first on ``validation/cleaning``, as
the pipeline does), and, in the same run, a reference that only splits lines and applies Unicode NFC
(``str.splitlines`` + ``unicodedata.normalize``). Prints the median seconds over ``--runs``
and the ratio cleaner / reference, so the numbers compare across machines.
"""

from __future__ import annotations

import argparse
import statistics
import textwrap
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

from culturelens.clean import clean_document, load_rules
from culturelens.clean_eval import read_labelled_lines
from culturelens.clean_learn import train_line_model

REPO = Path(__file__).resolve().parents[1]


def _word(n: int) -> str:
    """A distinct capitalised word per number, without digits (menus are words)."""
    letters = ""
    while True:
        n, d = divmod(n, 26)
        letters += chr(97 + d)
        if not n:
            return letters.capitalize() + "ton"


def _inputs(megabytes: int) -> dict[str, str]:
    size = megabytes * 1_000_000
    seeds = "\n".join(p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt")))
    prose = "The NHS needs a \u201cmindset change\u201d,\u00a0the health secretary said. "
    return {
        "one long line": (prose * (size // len(prose)))[:size],
        "repeated punctuation": "!?.\u2026\u201c\u2013" * (size // 6),
        "breadcrumb line": ("Home > News > " * (size // 14))[:size],
        "php warnings": ("Warning: x in /a/b.php on line 1" * (size // 32))[:size],
        "seed articles x N": (seeds + "\n") * max(1, size // (len(seeds) + 1)),
        "short artefact lines": (
            "Share | Tweet | Email\nRead more: A headline here\n" * (size // 49)
        ),
        # runs of short distinct lines between paragraphs: each run is checked against the
        # article's main block, which must be found once per document, not once per run
        "menus between paragraphs": "".join(
            f"{prose}\n" + "".join(f"{_word(4 * i + k)}\n" for k in range(4))
            for i in range(size // 100)
        ),
        # a plain-text save: paragraphs wrapped at 72 columns, joined again before the rules
        "hard-wrapped prose": "\n\n".join(
            "\n".join(textwrap.wrap(prose * 6, 72)) for _ in range(size // (len(prose) * 6))
        ),
        # a tag list with a colon after it once made a rule's pattern backtrack without end
        "tag lists with a colon": (
            "Tags: bullying, PhD, supervisors, UCU Share: Facebook | X\n" * (size // 56)
        ),
        # every line kept by the rules, so the learned pass scores them all
        "short kept lines": "".join(
            f"Nurse {i} said the ward felt calmer this week.\n" for i in range(size // 48)
        ),
    }


def _median(func: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--mb", type=int, default=10, help="size of each input in MB")
    args = parser.parse_args()
    rules = load_rules()
    gold = read_labelled_lines(REPO / "validation" / "cleaning")
    model = train_line_model(gold, rules=rules, threshold=0.95, seed=1)  # the pipeline default
    print(f"{'input':<24}{'MB':>6}{'rules s':>10}{'+learned s':>12}{'reference s':>13}{'ratio':>8}")
    for name, text in _inputs(args.mb).items():
        clean = _median(lambda t=text: clean_document(t, rules=rules), args.runs)
        learned = _median(
            lambda t=text: clean_document(t, rules=rules, line_model=model), args.runs
        )
        ref = _median(
            lambda t=text: [unicodedata.normalize("NFC", x) for x in t.splitlines()], args.runs
        )
        row = f"{name:<24}{len(text) / 1e6:>6.1f}{clean:>10.3f}{learned:>12.3f}{ref:>13.4f}"
        print(f"{row}{learned / ref:>8.0f}")


if __name__ == "__main__":
    main()
