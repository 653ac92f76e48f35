"""Figures for TF-IDF top terms and keyness (each returns a Figure; saving is the caller's)."""

from __future__ import annotations

import math

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from culturelens.plots.common import PALETTE, new_figure

PANEL_COLUMNS = 3


def plot_tfidf(df: pd.DataFrame, *, top_n: int = 10, max_docs: int = 12) -> Figure:
    """One bar panel per document with its top TF-IDF terms (columns doc_id, rank, term, tfidf)."""
    _require(df, {"doc_id", "rank", "term", "tfidf"}, "df")
    docs = sorted(df["doc_id"].unique())[:max_docs]
    if not docs:
        return _empty_figure("No TF-IDF terms (empty corpus or every term pruned).")
    fig, axes = _panels(len(docs), row_height=0.22 * top_n + 0.8)
    for ax, doc in zip(axes, docs, strict=False):
        rows = df[(df["doc_id"] == doc) & (df["rank"] <= top_n)].sort_values(
            "rank", ascending=False
        )
        ax.barh(rows["term"], rows["tfidf"], color=PALETTE["ink"])
        ax.set_title(str(doc), loc="left")
        ax.set_xlabel("TF-IDF (sublinear tf, L2)")
    fig.suptitle(f"Top TF-IDF terms per document (first {len(docs)} documents)", x=0.01, ha="left")
    return fig


def plot_keyness(df: pd.DataFrame, *, top_n: int = 8, max_targets: int = 12) -> Figure:
    """Per target, the Log Ratio of its strongest key (right) and lacking (left) terms."""
    _require(df, {"target", "target_type", "direction", "rank", "term", "effect", "q_value"}, "df")
    targets = df[["target_type", "target"]].drop_duplicates().sort_values(["target_type", "target"])
    targets = list(targets.itertuples(index=False, name=None))[:max_targets]
    if not targets:
        return _empty_figure("No keyness results (fewer than two documents or no frequent terms).")
    fig, axes = _panels(len(targets), row_height=0.2 * 2 * top_n + 0.9)
    for ax, (kind, target) in zip(axes, targets, strict=False):
        rows = df[(df["target"] == target) & (df["target_type"] == kind) & (df["rank"] <= top_n)]
        rows = rows.sort_values("effect")
        colours = [
            PALETTE["accent"] if d == "key" else PALETTE["neutral"] for d in rows["direction"]
        ]
        labels = [
            f"{t}{'*' if q < 0.05 else ''}"
            for t, q in zip(rows["term"], rows["q_value"], strict=True)
        ]
        ax.barh(labels, rows["effect"], color=colours)
        ax.axvline(0, color="#333333", linewidth=0.6)
        ax.set_title(f"{kind} {target}", loc="left")
        ax.set_xlabel("Log Ratio (log2 relative frequency, target / rest)")
    fig.suptitle("Keyness by G² (* = BH q < 0.05); green: key, grey: lacking", x=0.01, ha="left")
    return fig


def _panels(n: int, *, row_height: float) -> tuple[Figure, list[Axes]]:
    cols = min(PANEL_COLUMNS, n)
    rows = math.ceil(n / cols)
    fig = new_figure(3.4 * cols, row_height * rows + 0.6)
    grid = fig.subplots(rows, cols, squeeze=False)
    axes = list(grid.ravel())
    for ax in axes[n:]:
        ax.set_visible(False)
    fig.set_layout_engine("constrained")
    return fig, axes[:n]


def _empty_figure(message: str) -> Figure:
    fig = new_figure(6.0, 1.5)
    fig.text(0.5, 0.5, message, ha="center", va="center")
    return fig


def _require(df: pd.DataFrame, columns: set[str], name: str) -> None:
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"{name} must be a DataFrame, got {type(df).__name__}")
    missing = sorted(columns - set(df.columns))
    if missing:
        raise ValueError(
            f"{name} is missing columns {missing}; pass the table from culturelens.features"
        )
