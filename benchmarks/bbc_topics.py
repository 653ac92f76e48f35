"""Benchmark: do culturelens topic models recover the five BBC News classes?

Fits :func:`culturelens.topics.fit_topics` with one unit per article (the whole file,
headline included) and compares each article's highest-weight topic with its label
(NMI and ARI; targets for NMF at k=5: NMI >= 0.82, ARI >= 0.85). Then lets the
selection rule choose k in [k_min, k_max] and prints what it picks.

Usage::

    python benchmarks/bbc_topics.py                 # NMF and LDA at k=5, NMF selection 2..10
    python benchmarks/bbc_topics.py --lda-selection # also the (slow, ~10 min) LDA selection
    python benchmarks/bbc_topics.py --part fixed    # only the k=5 fits

The corpus is read from ``<repo>/../shared/corpora/bbc`` or ``$CULTURELENS_CORPORA/bbc``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import pandas as pd
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

from culturelens.topics import TopicResult, fit_topics

TARGET_NMI = 0.82
TARGET_ARI = 0.85


def corpora_dir() -> Path:
    """Folder of the shared third-party corpora (never copied into the repository)."""
    override = os.environ.get("CULTURELENS_CORPORA")
    return (
        Path(override)
        if override
        else Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora"
    )


def load_bbc(root: Path) -> tuple[pd.DataFrame, pd.Series]:
    """Return (units with unit_id, doc_id, text; labels indexed by doc_id)."""
    labels = pd.read_csv(root / "labels.csv").set_index("doc_id")["label"].sort_index()
    texts = [(root / f"{d}.txt").read_text(encoding="utf-8") for d in labels.index]
    units = pd.DataFrame({"unit_id": labels.index, "doc_id": labels.index, "text": texts})
    return units, labels


def argmax_topics(result: TopicResult, method: str) -> pd.Series:
    """Each document's highest-weight topic (lowest topic number on ties)."""
    table = result.document_topics[result.document_topics["method"] == method]
    table = table.sort_values(["doc_id", "weight", "topic"], ascending=[True, False, True])
    return table.groupby("doc_id", sort=True).head(1).set_index("doc_id")["topic"]


def agreement(result: TopicResult, method: str, labels: pd.Series) -> dict[str, float]:
    """NMI and ARI of the document-topic argmax against the labels."""
    predicted = argmax_topics(result, method)
    truth = labels.loc[predicted.index]
    return {
        "nmi": round(float(normalized_mutual_info_score(truth, predicted)), 4),
        "ari": round(float(adjusted_rand_score(truth, predicted)), 4),
        "documents": len(predicted),
    }


def run_fixed(
    units: pd.DataFrame, labels: pd.Series, *, method: str, k: int = 5, seed: int = 0
) -> dict:
    """Fit one method at fixed k and score it; includes wall time in seconds."""
    start = time.perf_counter()
    result = fit_topics(units, methods=(method,), k=k, seed=seed)
    scores = agreement(result, method, labels)
    row = result.selection.iloc[0]
    fitted = {"stability": float(row["stability"]), "coherence": float(row["coherence"])}
    seconds = round(time.perf_counter() - start, 1)
    return {"method": method, "k": k, **scores, **fitted, "seconds": seconds}


def run_selection(
    units: pd.DataFrame,
    labels: pd.Series,
    *,
    method: str,
    k_min: int = 2,
    k_max: int = 10,
    seed: int = 0,
) -> tuple[pd.DataFrame, dict]:
    """Let the rule choose k; return the selection table and the chosen model's scores."""
    start = time.perf_counter()
    result = fit_topics(units, methods=(method,), k_min=k_min, k_max=k_max, seed=seed)
    chosen = int(result.selection.loc[result.selection["chosen"], "k"].iloc[0])
    scores = agreement(result, method, labels)
    return result.selection, {"method": method, "chosen_k": chosen, **scores,
                              "seconds": round(time.perf_counter() - start, 1)}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    """Print the benchmark figures; exit 1 if the NMF k=5 targets are missed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", choices=["all", "fixed", "selection"], default="all")
    parser.add_argument("--lda-selection", action="store_true", help="also run the slow LDA sweep")
    parser.add_argument("--k-max", type=int, default=10)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    root = corpora_dir() / "bbc"
    if not (root / "labels.csv").is_file():
        print(f"BBC corpus not found in {root}; set CULTURELENS_CORPORA", file=sys.stderr)
        return 2
    units, labels = load_bbc(root)
    print(f"BBC News: {len(units)} articles, {labels.nunique()} classes; unit = document")
    ok = True
    if args.part in ("all", "fixed"):
        for method in ("nmf", "lda"):
            res = run_fixed(units, labels, method=method, seed=args.seed)
            print(" ".join(f"{key}={value}" for key, value in res.items()))
            if method == "nmf":
                ok = res["nmi"] >= TARGET_NMI and res["ari"] >= TARGET_ARI
                print(f"targets NMI>={TARGET_NMI} ARI>={TARGET_ARI}: {'met' if ok else 'MISSED'}")
    if args.part in ("all", "selection"):
        for method in ("nmf", "lda") if args.lda_selection else ("nmf",):
            table, res = run_selection(
                units, labels, method=method, k_max=args.k_max, seed=args.seed
            )
            print(table.to_string(index=False))
            print(" ".join(f"{key}={value}" for key, value in res.items()))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
