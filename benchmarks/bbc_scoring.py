"""Unseen-source check of blame/support scoring on hand-labelled BBC News sentences.

The BBC corpus is third-party text, so the repository keeps only pointers and labels
(``validation/scoring/bbc_sample.csv``: file, sentence index, sha256 of the sentence,
two flags). This script reads the sentences from the corpus by path, checks their
hashes, scores them with culturelens (rules + model) and both baselines, and prints
the metrics table. BBC sentences were never used to write rules or train the model.

    python benchmarks/bbc_scoring.py            # evaluate
    python benchmarks/bbc_scoring.py --draw 120 # draw a fresh sample to label (stdout)

Corpora location: $CULTURELENS_CORPORA, else ../shared/corpora beside the repository.
Each gold row locates its sentence by character offsets (``start``, ``end``) into the
file's text; the text is that span with whitespace collapsed. ``sent_index`` (the sentence's
position among the body's sentences when drawn) is kept for reference only.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import re
import sys
from pathlib import Path

import pandas as pd

from culturelens.lexicon import load_lexicon
from culturelens.model import train_model
from culturelens.scoring import score_sentences
from culturelens.segment import split_sentences
from culturelens.validation import evaluate_scoring, predict_gold

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "validation" / "scoring" / "bbc_sample.csv"
# Half of a drawn sample contains one of these stems, so the construct is not too rare.
RE_TOPICAL = re.compile(
    r"\b(?:blam|support|critici|sack|fire|help|train|bull|accus|fault|protect|encourag|fine|"
    r"punish|ban|learn|mistake|harass|discrimin|suspend|dismiss|resign|mentor|develop|fear)",
    re.IGNORECASE,
)


def corpora_dir() -> Path:
    env = os.environ.get("CULTURELENS_CORPORA")
    return Path(env) if env else REPO / ".." / "shared" / "corpora"


def body_sentences(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    return [s for line in lines if line.strip() for s in split_sentences(line.strip())]


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def locate(raw: str, text: str) -> tuple[int, int]:
    """Character span of a whitespace-collapsed sentence in the raw file text."""
    m = re.search(r"\s+".join(re.escape(w) for w in text.split()), raw)
    return (m.start(), m.end()) if m else (-1, -1)


def load_sample(bbc: Path) -> pd.DataFrame:
    # Character offsets, not sentence indices, locate each sentence: a segmenter change
    # (pysbd was replaced) must not move the gold labels onto other sentences.
    sample = pd.read_csv(SAMPLE)
    texts = []
    for row in sample.itertuples():
        raw = (bbc / row.file).read_text(encoding="utf-8")
        text = " ".join(raw[row.start : row.end].split())
        if sha(text) != row.sha256:
            raise ValueError(
                f"{row.file} characters {row.start}-{row.end}: sha256 differs; "
                "the corpus changed, re-draw the sample"
            )
        texts.append(text)
    return sample.assign(text=texts, dataset="bbc_unseen")


def evaluate(bbc: Path, *, seed: int = 0) -> pd.DataFrame:
    gold = load_sample(bbc)
    lex = load_lexicon()
    texts = gold["text"].tolist()
    model = train_model(lexicon=lex, seed=seed)
    res = evaluate_scoring(predict_gold(gold, lexicon=lex, model=model))
    rules = score_sentences(texts, lexicon=lex)[["label"]]
    res_rules = evaluate_scoring(
        gold.assign(dataset="bbc_unseen_rules_only"),
        pd.concat([pd.DataFrame({"text": texts}), rules], axis=1),
    )
    return pd.concat([res, res_rules], ignore_index=True)


def draw(bbc: Path, n: int, *, seed: int) -> pd.DataFrame:
    rng = random.Random(seed)
    files = sorted(p.name for p in bbc.glob("*.txt"))
    topical, plain = [], []
    for name in rng.sample(files, 400):
        for i, s in enumerate(body_sentences(bbc / name)):
            (topical if RE_TOPICAL.search(s) else plain).append((name, i, s))
    picks = rng.sample(topical, n // 2) + rng.sample(plain, n - n // 2)
    rows = []
    for f, i, s in sorted(picks):
        start, end = locate((bbc / f).read_text(encoding="utf-8"), s)
        rows.append((f, i, sha(s), start, end, s))
    return pd.DataFrame(rows, columns=["file", "sent_index", "sha256", "start", "end", "text"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--draw", type=int, default=0, help="draw N sentences to label instead")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    bbc = corpora_dir() / "bbc"
    if not bbc.is_dir():
        sys.exit(f"BBC corpus not found at {bbc}; set CULTURELENS_CORPORA")
    if args.draw:
        draw(bbc, args.draw, seed=args.seed).to_csv(sys.stdout, index=False)
        return
    res = evaluate(bbc, seed=args.seed)
    table = res[
        res.metric.isin(
            ["blame_f1", "support_f1", "macro_f1", "cohen_kappa", "accuracy", "gold_unjoined"]
        )
    ]
    print(
        table.pivot_table(index=["dataset", "method"], columns="metric", values="value")
        .round(3)
        .to_string()
    )


if __name__ == "__main__":
    main()
