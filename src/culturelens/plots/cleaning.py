"""Figure for the cleaning audit: removed lines per rule and document (returns a Figure)."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from culturelens.plots.common import PALETTE, new_figure

# Okabe & Ito colours (the shared palette plus its three remaining hues); hatches tell
# rules apart once the colours run out.
_COLOURS = [
    PALETTE["support"], PALETTE["blame"], PALETTE["accent"], PALETTE["highlight"],
    PALETTE["mixed"], "#56B4E9", "#F0E442", PALETTE["neutral"], "#000000",
]  # fmt: skip
_HATCHES = ["", "//", "..", "xx"]


def plot_removed_lines(removed: pd.DataFrame, *, max_docs: int = 40) -> Figure:
    """Stacked bars: for each document (rows), how many raw lines each rule removed.

    Args:
        removed: the ``removed_lines.csv`` table (columns doc_id, line_no, rule, text).
        max_docs: show at most this many documents (those with most removals, then by id).

    Raises:
        ValueError: if a required column is missing or ``max_docs`` < 1.
    """
    missing = sorted({"doc_id", "rule"} - set(removed.columns))
    if missing:
        raise ValueError(f"removed is missing column(s) {missing}; pass removed_lines.csv")
    if max_docs < 1:
        raise ValueError(f"max_docs must be >= 1, got {max_docs!r}")
    counts = removed.groupby(["doc_id", "rule"]).size().unstack(fill_value=0)
    height = max(2.0, 0.3 * min(len(counts), max_docs) + 1.4)
    fig = new_figure(7.0, height)
    ax = fig.add_subplot()
    if counts.empty:
        ax.text(0.5, 0.5, "No lines were removed.", ha="center", va="center")
        ax.set_axis_off()
        return fig
    order = counts.sum(axis=1).rename("n").reset_index().sort_values(["n", "doc_id"])
    counts = counts.loc[order["doc_id"].tolist()[-max_docs:], sorted(counts.columns)]
    left = pd.Series(0, index=counts.index)
    for i, rule in enumerate(counts.columns):
        ax.barh(
            counts.index.astype(str), counts[rule], left=left, label=rule,
            color=_COLOURS[i % len(_COLOURS)], hatch=_HATCHES[i // len(_COLOURS) % 4],
            edgecolor="white", linewidth=0.5,
        )  # fmt: skip
        left = left + counts[rule]
    ax.set_xlabel("removed raw lines")
    ax.set_title("Lines removed by each cleaning rule", loc="left")
    ax.legend(fontsize=7, frameon=False, loc="center left", bbox_to_anchor=(1.0, 0.5))
    # fixed margins in inches, so long doc ids and the axis label are never cut off
    fig.subplots_adjust(left=0.3, right=0.72, bottom=0.6 / height, top=1 - 0.4 / height)
    return fig
