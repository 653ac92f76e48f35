"""Shared figure helpers: a colour-blind-safe palette and byte-reproducible saving.

Every figure in the pipeline is built with :func:`new_figure` and written with
:func:`save_figure`, so the footer (package version and run id), the fonts and the file
metadata are the same everywhere.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # headless: the pipeline runs on servers with no display

from matplotlib import rcParams
from matplotlib.figure import Figure

# Okabe & Ito (2008) colours, distinguishable under the common colour-vision deficiencies.
PALETTE: dict[str, str] = {
    "blame": "#D55E00",  # vermillion
    "support": "#0072B2",  # blue
    "mixed": "#CC79A7",  # reddish purple
    "neutral": "#999999",  # grey
    "accent": "#009E73",  # bluish green
    "highlight": "#E69F00",  # orange
    # Figures that are not about blame or support (terms, topics) use ink, so blue and
    # vermillion always mean support and blame.
    "ink": "#4D4D4D",
}

DPI = 150

# SVG element ids are random unless salted; a fixed salt makes SVG output byte-identical.
_RC = {
    "svg.hashsalt": "culturelens",
    "svg.fonttype": "path",
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.labelsize": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def new_figure(width: float = 7.0, height: float = 4.0) -> Figure:
    """Return an empty figure with the house style applied (size in inches)."""
    rcParams.update(_RC)
    return Figure(figsize=(width, height), dpi=DPI)


def footer_text(*, version: str, run_id: str) -> str:
    """The footer every figure carries, so a printed figure can be traced to its run."""
    return f"culturelens {version} · run {run_id}"


def save_figure(fig: Figure, png_path: str | Path, svg_path: str | Path, *, footer: str) -> None:
    """Write ``fig`` as PNG and SVG with the footer and without volatile metadata."""
    rcParams.update(_RC)
    # Below the axes (va="top" at y=0) so it never covers tick labels; the tight bounding
    # box then grows the canvas to include it and any long titles.
    fig.text(0.99, 0, footer, ha="right", va="top", fontsize=6, color="#555555")
    # Dates and software strings would make reruns differ byte for byte.
    tight = {"bbox_inches": "tight", "pad_inches": 0.1}
    fig.savefig(png_path, dpi=DPI, format="png", metadata={"Software": None}, **tight)
    fig.savefig(svg_path, format="svg", metadata={"Date": None, "Creator": None}, **tight)
