"""Figures for blame/support scores: per-document diverging bars, sentence strips and
confusion matrices. Functions return figures; saving is the caller's job."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from culturelens.plots.common import PALETTE, new_figure
from culturelens.validation import confusion_table

LABELS = ["blame", "support", "mixed", "neutral"]


def _require(df: pd.DataFrame, cols: list[str], *, name: str) -> None:
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"{name} must be a pandas DataFrame, got {type(df).__name__}")
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise ValueError(f"{name} is missing columns {missing}; pass the scoring output")


def plot_document_scores(document_scores: pd.DataFrame) -> Figure:
    """Diverging bars per document: blame per 1k tokens left, support per 1k right."""
    _require(
        document_scores,
        ["doc_id", "blame_per_1k", "support_per_1k", "net_index"],
        name="document_scores",
    )
    df = document_scores.sort_values("doc_id", kind="stable")
    fig = new_figure(7.0, 1.2 + 0.45 * max(len(df), 1))
    ax = fig.add_subplot(1, 1, 1)
    y = np.arange(len(df))
    ax.barh(y, -df["blame_per_1k"], color=PALETTE["blame"], label="blame per 1,000 tokens")
    ax.barh(y, df["support_per_1k"], color=PALETTE["support"], label="support per 1,000 tokens")
    lim = float(max(df["blame_per_1k"].max(), df["support_per_1k"].max(), 1.0)) * 1.25
    for yi, (s, net) in enumerate(zip(df["support_per_1k"], df["net_index"], strict=True)):
        label = "no evidence" if pd.isna(net) else f"net {net:+.2f}"
        ax.text(max(s, 0) + lim * 0.02, yi, label, va="center", fontsize=7)
    ax.set_xlim(-lim, lim * 1.3)
    ax.axvline(0, color="#333333", linewidth=0.8)
    ax.set_yticks(y, df["doc_id"].astype(str))
    ax.invert_yaxis()
    ax.set_xlabel("evidence per 1,000 tokens (blame left, support right)")
    ax.set_title("Blame- versus support-oriented language per document")
    ticks = ax.get_xticks()
    ax.set_xticks(ticks, [f"{abs(t):g}" for t in ticks])  # both directions are positive rates
    ax.set_xlim(-lim, lim * 1.3)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.3), ncol=2, fontsize=7, frameon=False)
    fig.tight_layout()
    return fig


def plot_sentence_strip(sentence_scores: pd.DataFrame) -> Figure:
    """One strip per document, one tick per sentence in order, coloured by label."""
    _require(sentence_scores, ["doc_id", "sentence_id", "label"], name="sentence_scores")
    df = sentence_scores.sort_values(["doc_id", "sentence_id"], kind="stable")
    docs = sorted(df["doc_id"].astype(str).unique())
    fig = new_figure(7.0, 1.2 + 0.4 * max(len(docs), 1))
    ax = fig.add_subplot(1, 1, 1)
    for row, (_doc, g) in enumerate(df.groupby(df["doc_id"].astype(str), sort=True)):
        x = np.arange(len(g))
        for lab in LABELS:
            sel = (g["label"] == lab).to_numpy()
            ax.vlines(x[sel], row - 0.35, row + 0.35, color=PALETTE[lab], linewidth=2)
    for lab in LABELS:
        ax.plot([], [], color=PALETTE[lab], linewidth=3, label=lab)
    ax.set_yticks(range(len(docs)), docs)
    ax.invert_yaxis()
    ax.set_xlabel("sentence number in document")
    ax.set_title("Sentence labels through each document")
    ax.legend(ncol=4, fontsize=7, frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.25))
    fig.tight_layout()
    return fig


def plot_confusion(gold_vs_pred: pd.DataFrame) -> Figure:
    """4x4 confusion matrices (gold rows, predicted columns), one panel per method.

    ``gold_vs_pred`` is :func:`culturelens.validation.confusion_table`'s long table, or
    the per-sentence frame of :func:`culturelens.validation.predict_gold`.
    """
    if isinstance(gold_vs_pred, pd.DataFrame) and "gold_label" in gold_vs_pred.columns:
        gold_vs_pred = confusion_table(gold_vs_pred)
    _require(gold_vs_pred, ["method", "gold", "predicted", "count"], name="gold_vs_pred")
    methods = list(dict.fromkeys(gold_vs_pred["method"]))
    fig = new_figure(3.0 * max(len(methods), 1) + 0.5, 3.4)
    for k, method in enumerate(methods, start=1):
        ax = fig.add_subplot(1, max(len(methods), 1), k)
        part = gold_vs_pred[gold_vs_pred["method"] == method]
        cm = (
            part.pivot_table(
                index="gold", columns="predicted", values="count", aggfunc="sum", fill_value=0
            )
            .reindex(index=LABELS, columns=LABELS, fill_value=0)
            .to_numpy()
        )
        ax.imshow(cm, cmap="Greys", vmin=0, vmax=max(int(cm.max()), 1))
        for i in range(4):
            for j in range(4):
                dark = cm[i, j] > cm.max() / 2
                ax.text(
                    j,
                    i,
                    str(int(cm[i, j])),
                    ha="center",
                    va="center",
                    fontsize=8,
                    color="white" if dark else "black",
                )
        ax.set_xticks(range(4), LABELS, rotation=45, fontsize=7)
        ax.set_yticks(range(4), LABELS if k == 1 else [""] * 4, fontsize=7)
        ax.set_title(method)
        ax.set_xlabel("predicted")
        if k == 1:
            ax.set_ylabel("gold (hand-labelled)")
    fig.tight_layout()
    return fig
