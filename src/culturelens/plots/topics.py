"""Figures for topic models: top terms, document-topic heatmap and the k-selection curve."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from culturelens.plots.common import PALETTE, new_figure
from culturelens.plots.features import _empty_figure, _require

PANEL_COLUMNS = 4


def plot_topic_terms(
    terms: pd.DataFrame, *, stability: pd.DataFrame | None = None, top_n: int = 10
) -> Figure:
    """One bar panel per (method, topic).

    Panel titles carry each topic's stability, taken from ``stability`` (the
    ``topic_stability`` table) or else from a ``stability`` column of ``terms``.
    """
    _require(terms, {"method", "topic", "rank", "term", "weight"}, "terms")
    keys = sorted(set(zip(terms["method"], terms["topic"], strict=True)))
    if not keys:
        return _empty_figure("No topic model was fitted (too few units or terms).")
    stab = _stability_lookup(terms if stability is None else stability)
    cols = min(PANEL_COLUMNS, len(keys))
    rows = math.ceil(len(keys) / cols)
    fig = new_figure(2.6 * cols, (0.2 * top_n + 0.9) * rows + 0.5)
    axes = list(fig.subplots(rows, cols, squeeze=False).ravel())
    for ax in axes[len(keys) :]:
        ax.set_visible(False)
    for ax, (method, topic) in zip(axes, keys, strict=False):
        part = terms[
            (terms["method"] == method) & (terms["topic"] == topic) & (terms["rank"] <= top_n)
        ]
        part = part.sort_values("rank", ascending=False)
        ax.barh(part["term"], part["weight"], color=PALETTE["ink"])
        note = f" · stability {stab[(method, topic)]:.2f}" if (method, topic) in stab else ""
        ax.set_title(f"{method.upper()} topic {topic}{note}", loc="left", fontsize=8)
        ax.tick_params(axis="x", labelsize=7)
    fig.set_layout_engine("constrained")
    fig.suptitle("Top terms per topic (weight = share of the topic's term mass)", x=0.01, ha="left")
    return fig


def _stability_lookup(table: pd.DataFrame) -> dict[tuple[str, int], float]:
    if "stability" not in table.columns:
        return {}
    rows = table[["method", "topic", "stability"]].drop_duplicates(["method", "topic"])
    return {(m, int(t)): float(s) for m, t, s in rows.itertuples(index=False)}


def plot_document_topics(document_topics: pd.DataFrame, *, max_docs: int = 60) -> Figure:
    """Heatmap of document-topic weights, one panel per method."""
    _require(document_topics, {"method", "doc_id", "topic", "weight"}, "document_topics")
    methods = sorted(document_topics["method"].unique())
    if not methods:
        return _empty_figure("No document-topic weights (no topic model was fitted).")
    n_docs = min(max_docs, document_topics["doc_id"].nunique())
    fig = new_figure(3.2 * len(methods) + 1.0, 0.22 * n_docs + 1.4)
    fig.set_layout_engine("constrained")
    axes = fig.subplots(1, len(methods), squeeze=False)[0]
    for ax, method in zip(axes, methods, strict=True):
        grid = (
            document_topics[document_topics["method"] == method]
            .pivot_table(index="doc_id", columns="topic", values="weight", aggfunc="first")
            .sort_index()
            .iloc[:max_docs]
        )
        image = ax.imshow(grid.to_numpy(), aspect="auto", cmap="cividis", vmin=0.0, vmax=1.0)
        ax.set_xticks(range(grid.shape[1]), [str(t) for t in grid.columns])
        ax.set_yticks(range(grid.shape[0]), [str(d) for d in grid.index], fontsize=7)
        ax.set_xlabel("topic")
        ax.set_title(method.upper(), loc="left")
        if grid.size <= 200:
            _annotate(ax, grid.to_numpy())
    fig.colorbar(image, ax=list(axes), label="share of document", shrink=0.8)
    fig.suptitle("Document-topic weights (token-weighted mean over units)", x=0.01, ha="left")
    return fig


def _annotate(ax, values: np.ndarray) -> None:
    for (i, j), v in np.ndenumerate(values):
        ax.text(j, i, f"{v:.2f}", ha="center", va="center", fontsize=6,
                color="black" if v > 0.5 else "white")  # fmt: skip


def plot_selection(selection: pd.DataFrame) -> Figure:
    """Coherence, stability (± 1 SE) and score against k per method; the chosen k is ringed."""
    _require(selection, {"method", "k", "coherence", "stability", "score", "chosen"}, "selection")
    methods = sorted(selection["method"].unique())
    if not methods:
        return _empty_figure("No candidate topic models (too few units or terms).")
    fig = new_figure(3.4 * len(methods), 3.2)
    fig.set_layout_engine("constrained")
    axes = fig.subplots(1, len(methods), squeeze=False, sharey=True)[0]
    for ax, method in zip(axes, methods, strict=True):
        part = selection[selection["method"] == method].sort_values("k")
        se = part.get("stability_se")
        ax.errorbar(part["k"], part["stability"], yerr=se, marker="o", color=PALETTE["ink"],
                    label="stability", capsize=2)  # fmt: skip
        ax.plot(
            part["k"],
            part["coherence"],
            marker="s",
            color=PALETTE["highlight"],
            label="coherence (NPMI)",
        )
        ax.plot(part["k"], part["score"], marker="^", color=PALETTE["accent"], label="score")
        best = part[part["chosen"].astype(bool)]
        ax.scatter(
            best["k"], best["score"], s=140, facecolors="none", edgecolors="black", label="chosen"
        )
        ax.set_xticks(part["k"].astype(int).tolist())
        ax.set_xlabel("number of topics k")
        ax.set_title(method.upper(), loc="left")
    # Below the panels, so the legend never hides a curve.
    fig.legend(
        *axes[0].get_legend_handles_labels(),
        loc="outside lower center",
        ncols=4,
        fontsize=7,
        frameon=False,
    )
    fig.suptitle("Choosing k: stability across restarts and NPMI coherence", x=0.01, ha="left")
    return fig
