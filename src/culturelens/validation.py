"""Validation metrics for blame/support scoring against hand-labelled gold sentences.

Gold rows carry ``text``, ``blame`` and ``support`` (0/1; the coding guide's two flags) and
optionally ``dataset`` and ``doc_id``. Predictions carry ``text`` and one label column per
method: ``label`` (culturelens), ``vader_label``, ``keyword_label``. Gold and predictions
are joined on :func:`text_key` (case-folded, whitespace collapsed, typographic quotes and
dashes mapped to ASCII), so small cleaning changes do not break the join.

VADER flags come from its label: compound <= -0.05 -> blame, >= 0.05 -> support.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd
from sklearn.metrics import (
    cohen_kappa_score,
    confusion_matrix,
    f1_score,
    precision_recall_fscore_support,
)

LABELS = ["blame", "support", "mixed", "neutral"]
METHODS = {"culturelens": "label", "vader": "vader_label", "keyword": "keyword_label"}
RE_SPACES = re.compile(r"\s+")
RE_EDGE_PUNCT = re.compile(r"^[\s\"'`]+|[\s\"'`]+$")
_ASCII = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2032": "'",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u2010": "-",
        "\u2011": "-",
        "\u00a0": " ",
        "\u2026": "...",
    }
)
RESULT_COLUMNS = ["dataset", "method", "metric", "value", "n"]


def text_key(text: str) -> str:
    """Join key: case-folded, ASCII quotes and dashes, whitespace collapsed, edges trimmed."""
    key = RE_SPACES.sub(" ", str(text).translate(_ASCII).casefold())
    return RE_EDGE_PUNCT.sub("", key)


def label_from_flags(blame: int, support: int) -> str:
    """The guide's derived label from its two flags."""
    return {(1, 1): "mixed", (1, 0): "blame", (0, 1): "support"}.get(
        (int(blame), int(support)), "neutral"
    )


def _check(gold: pd.DataFrame, predicted: pd.DataFrame) -> None:
    for name, df, cols in (
        ("gold", gold, ("text", "blame", "support")),
        ("predicted", predicted, ("text",)),
    ):
        if not isinstance(df, pd.DataFrame):
            raise TypeError(f"{name} must be a pandas DataFrame, got {type(df).__name__}")
        missing = [c for c in cols if c not in df.columns]
        if missing:
            raise ValueError(f"{name} is missing columns {missing}; add them")
    bad = ~gold["blame"].isin([0, 1]) | ~gold["support"].isin([0, 1])
    if bad.any():
        raise ValueError(f"gold flags must be 0/1; row {int(bad.idxmax())} is not; fix the file")


def join_gold(gold: pd.DataFrame, predicted: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """Gold rows with their predictions (inner join on :func:`text_key`) and the number
    of gold rows that found no prediction."""
    _check(gold, predicted)
    # A gold file may carry its own derived "label"; it must not collide with predictions.
    g = gold.drop(columns=[c for c in (*METHODS.values(), "gold_label") if c in gold.columns])
    g = g.assign(_key=g["text"].map(text_key))
    if "dataset" not in g.columns:
        g = g.assign(dataset="gold")
    g = g.assign(
        gold_label=[label_from_flags(b, s) for b, s in zip(g["blame"], g["support"], strict=True)]
    )
    keep = [c for c in predicted.columns if c in METHODS.values()]
    p = predicted.assign(_key=predicted["text"].map(text_key))[["_key", *keep]]
    p = p.drop_duplicates("_key", keep="first")
    joined = g.merge(p, on="_key", how="inner", validate="many_to_one")
    return joined.drop(columns="_key"), len(g) - len(joined)


def _flag_rows(gold: pd.Series, pred: pd.Series) -> list[tuple[str, float]]:
    out = []
    for flag in ("blame", "support"):
        y = gold.isin([flag, "mixed"]).astype(int)
        yhat = pred.isin([flag, "mixed"]).astype(int)
        p, r, f, _ = precision_recall_fscore_support(y, yhat, average="binary", zero_division=0)
        out += [(f"{flag}_precision", p), (f"{flag}_recall", r), (f"{flag}_f1", f)]
    return out


def _method_rows(gold: pd.Series, pred: pd.Series) -> list[tuple[str, float]]:
    present = [lab for lab in LABELS if lab in set(gold) | set(pred)]
    kappa = cohen_kappa_score(gold, pred, labels=LABELS) if len(set(gold) | set(pred)) > 1 else 1.0
    return [
        *_flag_rows(gold, pred),
        ("macro_f1", f1_score(gold, pred, labels=present, average="macro", zero_division=0)),
        ("cohen_kappa", kappa),
        ("accuracy", float((gold == pred).mean())),
    ]


def predict_gold(gold: pd.DataFrame, *, lexicon: Any, model: Any | None = None) -> pd.DataFrame:
    """Score the gold sentences with the method and both baselines.

    Returns the gold rows with ``gold_label`` and the prediction columns (``label``,
    ``vader_label``, ``keyword_label``, evidence...); it can be passed alone to
    :func:`evaluate_scoring` and to ``plot_confusion``.
    """
    # Imported here: validation must stay importable without the scoring stack.
    from culturelens.baselines import keyword_scores, vader_scores
    from culturelens.scoring import score_sentences

    _check(gold, pd.DataFrame({"text": []}))
    texts = gold["text"].astype(str).tolist()
    pred = pd.concat(
        [
            pd.DataFrame({"text": texts}),
            score_sentences(texts, lexicon=lexicon, model=model),
            vader_scores(texts),
            keyword_scores(texts, lexicon=lexicon),
        ],
        axis=1,
    )
    joined, _ = join_gold(gold.reset_index(drop=True), pred)
    return joined


def _as_pair(
    gold: pd.DataFrame, predicted: pd.DataFrame | None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Accept (gold, predicted) or one :func:`predict_gold` frame."""
    if predicted is not None:
        return gold, predicted
    if not isinstance(gold, pd.DataFrame) or "gold_label" not in gold.columns:
        raise ValueError(
            "pass (gold, predicted), or one frame from predict_gold(); "
            "the single frame has no 'gold_label' column"
        )
    return gold, gold


def evaluate_scoring(gold: pd.DataFrame, predicted: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per dataset and method: per-flag precision/recall/F1, 4-class macro-F1, Cohen's
    kappa, accuracy, and ``gold_unjoined`` (gold rows with no prediction).

    ``predicted`` may be omitted when ``gold`` is the output of :func:`predict_gold`.
    """
    gold, predicted = _as_pair(gold, predicted)
    joined, _ = join_gold(gold, predicted)
    rows = []
    for dataset in sorted(set(gold.get("dataset", pd.Series(["gold"])))):
        part = joined[joined["dataset"] == dataset]
        n_gold = int((gold["dataset"] == dataset).sum()) if "dataset" in gold else len(gold)
        for method, col in METHODS.items():
            if col not in joined.columns or part.empty:
                continue
            for metric, value in _method_rows(part["gold_label"], part[col].astype(str)):
                rows.append((dataset, method, metric, round(float(value), 6), len(part)))
            rows.append((dataset, method, "gold_unjoined", float(n_gold - len(part)), n_gold))
    out = pd.DataFrame(rows, columns=RESULT_COLUMNS)
    return out.sort_values(["dataset", "method", "metric"], kind="stable").reset_index(drop=True)


def confusion_table(gold: pd.DataFrame, predicted: pd.DataFrame | None = None) -> pd.DataFrame:
    """Long confusion counts: method, gold, predicted, count (all 4x4 cells, zeros kept).

    ``predicted`` may be omitted when ``gold`` is the output of :func:`predict_gold`.
    """
    gold, predicted = _as_pair(gold, predicted)
    joined, _ = join_gold(gold, predicted)
    rows = []
    for method, col in METHODS.items():
        if col not in joined.columns:
            continue
        cm = confusion_matrix(joined["gold_label"], joined[col].astype(str), labels=LABELS)
        rows += [
            (method, g, p, int(cm[i, j]))
            for i, g in enumerate(LABELS)
            for j, p in enumerate(LABELS)
        ]
    return pd.DataFrame(rows, columns=["method", "gold", "predicted", "count"])
