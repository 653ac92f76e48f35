"""Term features a reader can quote: TF-IDF top terms and keyness against the rest.

Both use :func:`culturelens.tokens.tokenize`, so a term means the same thing in every
table. Keyness compares a target (a document, or a group of near-duplicate documents)
with the rest of the corpus using Dunning's log-likelihood G² and Pearson's chi², with
Hardie's Log Ratio as the effect size.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

import numpy as np
import pandas as pd
from scipy import sparse, stats
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

from culturelens.tokens import tokenize

logger = logging.getLogger(__name__)

TFIDF_COLUMNS = ["doc_id", "rank", "term", "tfidf"]
KEYNESS_COLUMNS = [
    "target", "target_type", "direction", "rank", "term", "count_target", "count_rest",
    "total_target", "total_rest", "g2", "chi2", "p_value", "q_value", "effect",
]  # fmt: skip
# Added to zero counts before the Log Ratio, so a term absent from one side has a finite effect.
LOG_RATIO_ZERO_COUNT = 0.5
DECIMALS = 6


def tfidf_top_terms(
    docs: Mapping[str, str], *, top_n: int = 15, min_df: int = 1, bigrams: bool = False
) -> pd.DataFrame:
    """Top TF-IDF terms per document.

    Weights are sublinear tf (1 + log tf) times smoothed idf, L2-normalised per document.

    Args:
        docs: doc_id -> text.
        top_n: Terms kept per document.
        min_df: Minimum number of documents a term must occur in.
        bigrams: Include adjacent-word bigrams.

    Returns:
        Columns doc_id, rank (1 = highest), term, tfidf; sorted by doc_id, rank.
    """
    _check_docs(docs)
    _check_positive_int("top_n", top_n)
    _check_positive_int("min_df", min_df)
    ids = sorted(docs)
    tokens = [tokenize(docs[d], bigrams=bigrams) for d in ids]
    if min_df > len(ids) or not any(tokens):
        logger.info("tfidf: no term can reach min_df=%d in %d documents", min_df, len(ids))
        return pd.DataFrame(columns=TFIDF_COLUMNS)
    vec = TfidfVectorizer(analyzer=lambda toks: toks, min_df=min_df, sublinear_tf=True)
    try:
        matrix = vec.fit_transform(tokens).tocsr()
    except ValueError:  # every term pruned by min_df
        return pd.DataFrame(columns=TFIDF_COLUMNS)
    terms = vec.get_feature_names_out()
    rows = []
    for i, doc_id in enumerate(ids):
        row = matrix.getrow(i)
        pairs = sorted(zip(-np.round(row.data, DECIMALS), terms[row.indices], strict=True))
        rows += [(doc_id, r, t, -w) for r, (w, t) in enumerate(pairs[:top_n], start=1)]
    return pd.DataFrame(rows, columns=TFIDF_COLUMNS)


def keyness(
    docs: Mapping[str, str],
    *,
    groups: Mapping[str, str] | None = None,
    top_n: int = 20,
    min_count: int = 3,
    bigrams: bool = False,
) -> pd.DataFrame:
    """Terms that distinguish each document, and each near-duplicate group, from the rest.

    The rest of a target excludes documents in the target's own near-duplicate group, so
    a copy of a document does not hide what is distinctive about it. Groups with a single
    member are not repeated as group targets.

    Args:
        docs: doc_id -> text.
        groups: Optional doc_id -> group label for near-duplicate documents.
        top_n: Terms kept per target and direction, by G².
        min_count: Minimum count of a term in target plus rest.
        bigrams: Include adjacent-word bigrams.

    Returns:
        Columns target, target_type ("document"|"group"), direction ("key": relatively
        more frequent in the target, "lacking": less), rank, term, count_target,
        count_rest, total_target, total_rest (token totals), g2 (log-likelihood), chi2
        (Pearson, no continuity correction), p_value (of g2, chi² with 1 df), q_value
        (Benjamini-Hochberg over all terms tested for that target), effect (Log Ratio:
        log2 of the ratio of relative frequencies, 0.5 added to zero counts). Sorted by
        target_type, target, direction, rank.
    """
    _check_docs(docs)
    _check_positive_int("top_n", top_n)
    _check_positive_int("min_count", min_count)
    groups = dict(groups or {})
    unknown = sorted(set(groups) - set(docs))
    if unknown:
        raise ValueError(
            f"groups has doc_ids not in docs: {unknown[:3]}; pass labels for known docs"
        )
    ids = sorted(docs)
    matrix, terms = _count_matrix([tokenize(docs[d], bigrams=bigrams) for d in ids])
    frames = [
        _keyness_target(t, kind, *rows, matrix, terms, top_n=top_n, min_count=min_count)
        for t, kind, *rows in _targets(ids, groups)
    ]
    frames = [f for f in frames if not f.empty]
    if not frames:
        logger.info(
            "keyness: no target has terms with min_count=%d and a non-empty rest", min_count
        )
        return pd.DataFrame(columns=KEYNESS_COLUMNS)
    out = pd.concat(frames, ignore_index=True)
    return out.sort_values(["target_type", "target", "direction", "rank"], ignore_index=True)


def _count_matrix(tokens: list[list[str]]) -> tuple[np.ndarray, np.ndarray]:
    """Sparse count matrix (documents x terms) and its sorted vocabulary."""
    if not any(tokens):
        return sparse.csr_matrix((len(tokens), 0)), np.array([], dtype=object)
    vec = CountVectorizer(analyzer=lambda toks: toks)
    return vec.fit_transform(tokens).tocsr(), vec.get_feature_names_out()


def _targets(ids: list[str], groups: dict[str, str]) -> list[tuple[str, str, list[int], list[int]]]:
    """(target, target_type, member rows, rows left out of the rest) per document and group.

    Left out of the rest are the target's own near-duplicate group (just itself when ungrouped).
    """
    row = {d: i for i, d in enumerate(ids)}
    members: dict[str, list[int]] = {}
    for d in ids:
        if d in groups:
            members.setdefault(groups[d], []).append(row[d])
    out = [(d, "document", [row[d]], members.get(groups.get(d), [row[d]])) for d in ids]
    out += [(g, "group", rows, rows) for g, rows in sorted(members.items()) if len(rows) > 1]
    return out


def _keyness_target(
    target: str,
    kind: str,
    members: list[int],
    excluded: list[int],
    matrix: sparse.csr_matrix,
    terms: np.ndarray,
    *,
    top_n: int,
    min_count: int,
) -> pd.DataFrame:
    """Keyness table for one target against the rest of the corpus."""
    total = np.asarray(matrix.sum(axis=0), dtype=float).ravel()
    a = np.asarray(matrix[members].sum(axis=0), dtype=float).ravel()
    b = total - np.asarray(matrix[excluded].sum(axis=0), dtype=float).ravel()
    c, d = a.sum(), b.sum()
    kept = np.flatnonzero((a + b) >= min_count)  # vocabulary order is alphabetical
    if kept.size == 0 or c == 0 or d == 0:
        return pd.DataFrame(columns=KEYNESS_COLUMNS)
    a, b = a[kept], b[kept]
    g2 = log_likelihood(a, b, c, d)
    p_value = stats.chi2.sf(g2, df=1)
    key = a / c > b / d
    frames = []
    for direction, mask in (("key", key), ("lacking", ~key)):
        idx = np.flatnonzero(mask)
        # Highest G² first; equal G² in alphabetical order (kept indices are sorted).
        idx = idx[np.lexsort((idx, -np.round(g2[idx], DECIMALS)))][:top_n]
        frames.append(pd.DataFrame({
            "target": target, "target_type": kind, "direction": direction,
            "rank": np.arange(1, len(idx) + 1), "term": terms[kept[idx]],
            "count_target": a[idx].astype(int), "count_rest": b[idx].astype(int),
            "total_target": int(c), "total_rest": int(d), "g2": g2[idx],
            "chi2": chi_square(a[idx], b[idx], c, d), "p_value": p_value[idx],
            "q_value": benjamini_hochberg(p_value)[idx], "effect": log_ratio(a[idx], b[idx], c, d),
        }))  # fmt: skip
    return pd.concat(frames, ignore_index=True)[KEYNESS_COLUMNS].round(DECIMALS)


def log_likelihood(a: np.ndarray, b: np.ndarray, c: float, d: float) -> np.ndarray:
    """Dunning's G² for counts a (target, size c) and b (rest, size d)."""
    e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
    with np.errstate(divide="ignore", invalid="ignore"):
        t1 = np.where(a > 0, a * np.log(a / e1), 0.0)
        t2 = np.where(b > 0, b * np.log(b / e2), 0.0)
    return 2.0 * (t1 + t2)


def chi_square(a: np.ndarray, b: np.ndarray, c: float, d: float) -> np.ndarray:
    """Pearson chi² of the 2x2 table (term vs other tokens, target vs rest)."""
    n = c + d
    other_a, other_b = c - a, d - b
    num = n * (a * other_b - b * other_a) ** 2
    den = (a + b) * (other_a + other_b) * c * d
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(den > 0, num / den, 0.0)


def log_ratio(a: np.ndarray, b: np.ndarray, c: float, d: float) -> np.ndarray:
    """Hardie's Log Ratio, log2 of relative frequency in target over rest."""
    a = np.where(a == 0, LOG_RATIO_ZERO_COUNT, a)
    b = np.where(b == 0, LOG_RATIO_ZERO_COUNT, b)
    return np.log2((a / c) / (b / d))


def benjamini_hochberg(p: np.ndarray) -> np.ndarray:
    """Benjamini-Hochberg adjusted p-values (q-values), in input order."""
    n = len(p)
    if n == 0:
        return p
    order = np.argsort(p, kind="stable")
    scaled = p[order] * n / np.arange(1, n + 1)
    q = np.minimum.accumulate(scaled[::-1])[::-1].clip(max=1.0)
    out = np.empty(n)
    out[order] = q
    return out


def _check_docs(docs: Mapping[str, str]) -> None:
    if not isinstance(docs, Mapping):
        raise TypeError(f"docs must be a mapping doc_id -> text, got {type(docs).__name__}")
    bad = [k for k, v in docs.items() if not isinstance(v, str)]
    if bad:
        raise TypeError(f"docs values must be str; doc_id {bad[0]!r} is not; pass the text")


def _check_positive_int(name: str, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{name} must be a positive int, got {value!r}; pass e.g. {name}=1")
