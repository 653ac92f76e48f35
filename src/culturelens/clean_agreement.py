"""How far two people labelling the same lines agree: the ceiling for the cleaner's scores.

The second annotator's labels are graded against the first's with the cleaner's own metrics
(artefact recall, content precision, content retention, metadata recall), as if the second
person were a cleaner, next to plain and chance-corrected agreement (Cohen's kappa). The
intervals resample whole documents, because disagreements cluster in a few pages' templates.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from culturelens.clean_eval import check_lines

_KEY = ["dataset", "doc_id", "line_no"]
METRICS = (
    "label_agreement",
    "label_kappa",
    "content_kappa",
    "artefact_kind_agreement",
    "artefact_recall",
    "content_precision",
    "content_retention",
    "metadata_recall",
)


def pair_annotations(first: pd.DataFrame, second: pd.DataFrame) -> pd.DataFrame:
    """The lines of ``second``'s documents with both labels (``label_1``, ``kind_1``,
    ``label_2``, ``kind_2``), in ``second``'s order.

    Raises:
        ValueError: if a line is labelled by one annotator only, or its text differs.
    """
    check_lines(first)
    check_lines(second)
    docs = second[["dataset", "doc_id"]].drop_duplicates()
    first = first.merge(docs, on=["dataset", "doc_id"])
    pairs = second.merge(first, on=_KEY, how="outer", suffixes=("_2", "_1"), indicator=True)
    for side, name in (("right_only", "second"), ("left_only", "first")):
        lonely = pairs[pairs["_merge"] == side]
        if len(lonely):
            row = lonely.iloc[0]
            raise ValueError(
                f"{len(lonely)} line(s) of the second annotation's documents have no {name} "
                f"label, e.g. {row['doc_id']} line {row['line_no']}; both annotators must "
                "label every non-blank line of the same documents"
            )
    differ = pairs[pairs["text_1"].astype(str) != pairs["text_2"].astype(str)]
    if len(differ):
        row = differ.iloc[0]
        raise ValueError(
            f"the annotators' text differs on {len(differ)} line(s), e.g. {row['doc_id']} line "
            f"{row['line_no']}; label the same raw lines (same doc_id and line_no)"
        )
    columns = [*_KEY, "text_1", "label_1", "kind_1", "label_2", "kind_2"]
    return pairs[columns].rename(columns={"text_1": "text"}).reset_index(drop=True)


def _metrics(
    l1: np.ndarray, l2: np.ndarray, k1: np.ndarray, k2: np.ndarray
) -> list[tuple[float, int]]:
    """Each of :data:`METRICS` as (value, denominator)."""
    content_1, content_2 = l1 == "content", l2 == "content"
    artefact_1, meta_1 = l1 == "artefact", l1 == "metadata"
    both_artefact = artefact_1 & (l2 == "artefact")
    return [
        _share(np.ones_like(content_1), l1 == l2),
        (_kappa(l1, l2), len(l1)),
        (_kappa(content_1, content_2), len(l1)),
        _share(both_artefact, k1 == k2),
        _share(artefact_1, ~content_2),
        _share(content_2, content_1),
        _share(content_1, content_2),
        _share(meta_1, l2 == "metadata"),
    ]


def _share(mask: np.ndarray, hits: np.ndarray) -> tuple[float, int]:
    n = int(mask.sum())
    return (float(hits[mask].mean()) if n else float("nan")), n


def _kappa(a: np.ndarray, b: np.ndarray) -> float:
    """Cohen's kappa, equal to sklearn's ``cohen_kappa_score`` (a test checks), from one
    ``bincount``: the bootstrap calls it 2,000 times, where sklearn's costs 2.5 ms a call."""
    codes, pair = np.unique(np.concatenate([a, b]), return_inverse=True)
    k = len(codes)
    if k < 2:  # undefined when both annotators use one label throughout
        return float("nan")
    table = np.bincount(pair[: len(a)] * k + pair[len(a) :], minlength=k * k).reshape(k, k)
    total = table.sum()
    observed = np.trace(table) / total
    expected = float(table.sum(axis=1) @ table.sum(axis=0)) / total**2
    return float((observed - expected) / (1 - expected)) if expected < 1 else float("nan")


def _interval(draws: np.ndarray) -> tuple[float, float]:
    draws = draws[~np.isnan(draws)]
    if not len(draws):
        return float("nan"), float("nan")
    low, high = np.percentile(draws, [2.5, 97.5])
    return float(low), float(high)


def annotator_agreement(
    first: pd.DataFrame, second: pd.DataFrame, *, resamples: int = 1000, seed: int
) -> pd.DataFrame:
    """Agreement of ``second`` with ``first`` on the lines of ``second``'s documents.

    Metrics (``n`` is the denominator): ``label_agreement`` (same content / artefact /
    metadata label), ``label_kappa`` and ``content_kappa`` (Cohen's kappa on those three
    labels, and on content against the rest), ``artefact_kind_agreement`` (same kind among
    lines both call artefact), and ``second`` scored as a cleaner against ``first``:
    ``artefact_recall`` (first's artefact lines that second does not call content),
    ``content_precision`` (second's content lines that first calls content),
    ``content_retention`` (first's content lines second calls content) and
    ``metadata_recall``. ``ci_low`` / ``ci_high`` are the 2.5th and 97.5th percentiles over
    ``resamples`` resamples of documents drawn with replacement (seeded by ``seed``; 0
    resamples leaves them empty).

    Raises:
        ValueError: as :func:`pair_annotations`, or if ``resamples`` is negative.
    """
    if resamples < 0:
        raise ValueError(f"resamples must be >= 0, got {resamples}; use 0 to skip intervals")
    pairs = pair_annotations(first, second)
    arrays = [pairs[c].astype(str).to_numpy() for c in ("label_1", "label_2", "kind_1", "kind_2")]
    values, denominators = zip(*_metrics(*arrays), strict=True)
    low = high = (float("nan"),) * len(METRICS)
    if resamples:
        docs = list(pairs.groupby(["dataset", "doc_id"]).indices.values())
        rng = np.random.default_rng(seed)
        draws = []
        for _ in range(resamples):
            picked = np.concatenate([docs[k] for k in rng.integers(0, len(docs), len(docs))])
            draws.append([value for value, _ in _metrics(*(a[picked] for a in arrays))])
        low, high = zip(*(_interval(column) for column in np.array(draws).T), strict=True)
    table = pd.DataFrame(
        {
            "metric": METRICS,
            "value": values,
            "ci_low": low,
            "ci_high": high,
            "n": denominators,
        }
    )
    return table.round({"value": 6, "ci_low": 6, "ci_high": 6})
