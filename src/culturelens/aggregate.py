"""Document and speaker scores from sentence scores.

Rates are per 1,000 tokens; the net index is ``(support - blame) / (support + blame)`` over
the summed sentence scores (in [-1, 1], positive = support-oriented, 0 when neither is
present), with a percentile bootstrap interval over sentences. Sentences that repeat an
earlier one (non-empty ``repeat_of``) are counted once.
"""

from __future__ import annotations

import zlib

import numpy as np
import pandas as pd

LABELS = ("blame", "support", "mixed", "neutral")
DOC_REQUIRED = ("doc_id", "sentence_id", "n_tokens", "blame", "support", "label")
SPEAKER_REQUIRED = ("speaker", "is_quote", "blame", "support")
DOC_COLUMNS = [
    "doc_id",
    "n_sentences",
    "n_tokens",
    "blame_per_1k",
    "support_per_1k",
    "net_index",
    "net_low",
    "net_high",
    "n_blame",
    "n_support",
    "n_mixed",
    "n_neutral",
    "vader_mean",
    "keyword_net",
]
SPEAKER_COLUMNS = ["speaker", "n_quotes", "blame", "support", "net_index"]
MAX_BOOT_CELLS = 5_000_000  # bootstrap draws are done in chunks of at most this many cells


def _require(df: pd.DataFrame, columns: tuple[str, ...], *, name: str) -> None:
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"{name} must be a pandas DataFrame, got {type(df).__name__}")
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(f"{name} is missing columns {missing}; add them (see aggregate docs)")


def unique_sentences(df: pd.DataFrame) -> pd.DataFrame:
    """Rows that do not repeat an earlier sentence (``repeat_of`` empty or absent)."""
    if "repeat_of" not in df.columns:
        return df
    rep = df["repeat_of"].fillna("").astype(str).str.strip()
    return df[rep == ""]


def net_index(blame: float, support: float) -> float:
    """``(support - blame) / (support + blame)``; NaN (written as an empty cell) when both
    are 0, because a text with no evidence either way is not "balanced"."""
    total = blame + support
    return float("nan") if total <= 0 else (support - blame) / total


def bootstrap_net(
    blame: np.ndarray, support: np.ndarray, *, n_boot: int, rng: np.random.Generator
) -> tuple[float, float]:
    """2.5 and 97.5 percentiles of the net index over sentence resamples."""
    n = len(blame)
    if n == 0 or n_boot <= 0:
        return float("nan"), float("nan")
    nets: list[np.ndarray] = []
    step = max(1, MAX_BOOT_CELLS // n)
    for lo in range(0, n_boot, step):
        idx = rng.integers(0, n, size=(min(step, n_boot - lo), n))
        b, s = blame[idx].sum(axis=1), support[idx].sum(axis=1)
        tot = b + s
        # Resamples with no evidence have no index; the interval is over the others.
        nets.append(np.divide(s - b, tot, out=np.full_like(tot, np.nan), where=tot > 0))
    values = np.concatenate(nets)
    values = values[~np.isnan(values)]
    if values.size == 0:
        return float("nan"), float("nan")
    low, high = np.percentile(values, [2.5, 97.5])
    return float(low), float(high)


def _doc_row(doc_id: str, g: pd.DataFrame, *, n_boot: int, seed: int) -> dict:
    blame = g["blame"].to_numpy(float)
    support = g["support"].to_numpy(float)
    n_tokens = int(g["n_tokens"].sum())
    # Each document's stream depends only on (seed, doc_id), not on row order.
    rng = np.random.default_rng([seed, zlib.crc32(str(doc_id).encode())])
    low, high = bootstrap_net(blame, support, n_boot=n_boot, rng=rng)
    counts = g["label"].value_counts()
    row = {
        "doc_id": doc_id,
        "n_sentences": len(g),
        "n_tokens": n_tokens,
        "blame_per_1k": 1000 * blame.sum() / n_tokens if n_tokens else 0.0,
        "support_per_1k": 1000 * support.sum() / n_tokens if n_tokens else 0.0,
        "net_index": net_index(blame.sum(), support.sum()),
        "net_low": low,
        "net_high": high,
        **{f"n_{lab}": int(counts.get(lab, 0)) for lab in LABELS},
    }
    row["vader_mean"] = float(g["vader_compound"].mean()) if "vader_compound" in g else np.nan
    if {"keyword_blame", "keyword_support"} <= set(g.columns):
        row["keyword_net"] = net_index(g["keyword_blame"].sum(), g["keyword_support"].sum())
    else:
        row["keyword_net"] = np.nan
    return row


def document_scores(
    sentence_scores: pd.DataFrame, *, n_boot: int = 1000, seed: int = 0
) -> pd.DataFrame:
    """One row per document (columns ``DOC_COLUMNS``), sorted by ``doc_id``."""
    _require(sentence_scores, DOC_REQUIRED, name="sentence_scores")
    if not isinstance(n_boot, int) or n_boot < 0:
        raise ValueError(f"n_boot must be a non-negative int, got {n_boot!r}; use e.g. 1000")
    df = unique_sentences(sentence_scores).sort_values(["doc_id", "sentence_id"], kind="stable")
    rows = [_doc_row(d, g, n_boot=n_boot, seed=seed) for d, g in df.groupby("doc_id", sort=True)]
    out = pd.DataFrame(rows, columns=DOC_COLUMNS)
    floats = out.select_dtypes("float").columns
    out[floats] = out[floats].round(6)
    return out.reset_index(drop=True)


def speaker_scores(sentence_scores: pd.DataFrame) -> pd.DataFrame:
    """Summed scores of quoted sentences per named speaker, most-quoted first."""
    _require(sentence_scores, SPEAKER_REQUIRED, name="sentence_scores")
    df = unique_sentences(sentence_scores)
    speaker = df["speaker"].fillna("").astype(str).str.strip()
    quoted = df[df["is_quote"].astype(str).str.lower().isin({"true", "1"}) & (speaker != "")]
    quoted = quoted.assign(speaker=speaker[quoted.index])
    g = quoted.groupby("speaker", sort=True).agg(
        n_quotes=("blame", "size"), blame=("blame", "sum"), support=("support", "sum")
    )
    out = g.reset_index()
    out["net_index"] = [net_index(b, s) for b, s in zip(out["blame"], out["support"], strict=True)]
    out = out.sort_values(["n_quotes", "speaker"], ascending=[False, True], kind="stable")
    out[["blame", "support", "net_index"]] = out[["blame", "support", "net_index"]].round(6)
    return out[SPEAKER_COLUMNS].reset_index(drop=True)
