"""Tests for culturelens.features (TF-IDF, keyness) and its figures."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure
from scipy.stats import chi2_contingency

from culturelens.features import (
    KEYNESS_COLUMNS,
    TFIDF_COLUMNS,
    benjamini_hochberg,
    chi_square,
    keyness,
    log_likelihood,
    log_ratio,
    tfidf_top_terms,
)
from culturelens.plots.features import plot_keyness, plot_tfidf

DOCS = {
    "a": "Staff were blamed and sacked. Blame culture. Blame everywhere. Managers blamed staff.",
    "b": "Leaders support and train staff. Support, mentoring and training help staff grow.",
    "c": "The budget rose. Budget talks and budget plans dominated the budget week.",
}


def test_tfidf_columns_order_and_top_n() -> None:
    out = tfidf_top_terms(DOCS, top_n=2)
    assert list(out.columns) == TFIDF_COLUMNS
    assert out.groupby("doc_id").size().to_dict() == {"a": 2, "b": 2, "c": 2}
    assert out.equals(out.sort_values(["doc_id", "rank"], ignore_index=True))
    assert out.set_index(["doc_id", "rank"]).loc[("c", 1), "term"] == "budget"
    assert out.set_index(["doc_id", "rank"]).loc[("a", 1), "term"] == "blame"


@pytest.mark.parametrize(
    ("docs", "kwargs", "rows"),
    [
        ({"x": "", "y": "  "}, {}, 0),  # empty texts
        ({"x": "budget budget plan"}, {}, 2),  # one document still ranks by tf
        (DOCS, {"min_df": 4}, 0),  # min_df above the number of documents
        (DOCS, {"min_df": 2}, 2),  # only "staff" is in two documents (a and b)
        ({"x": "patient safety first"}, {"bigrams": True}, 3),  # "first" is a stop word
    ],
)
def test_tfidf_edge_cases(docs: dict[str, str], kwargs: dict, rows: int) -> None:
    out = tfidf_top_terms(docs, **kwargs)
    assert list(out.columns) == TFIDF_COLUMNS
    assert len(out) == rows


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"docs": ["a"]}, TypeError, "docs must be a mapping"),
        ({"docs": {"a": 1}}, TypeError, "doc_id 'a'"),
        ({"docs": DOCS, "top_n": 0}, ValueError, "top_n must be a positive int"),
        ({"docs": DOCS, "min_df": 1.5}, ValueError, "min_df must be a positive int"),
    ],
)
def test_tfidf_errors(kwargs: dict, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        tfidf_top_terms(**kwargs)


@pytest.mark.parametrize(
    ("a", "b", "c", "d"),
    [(10, 0, 100, 100), (5, 20, 1000, 2000), (30, 3, 500, 800), (1, 1, 50, 60)],
)
def test_chi_square_matches_scipy(a: int, b: int, c: int, d: int) -> None:
    expected = chi2_contingency([[a, b], [c - a, d - b]], correction=False)[0]
    assert chi_square(np.array([a]), np.array([b]), c, d)[0] == pytest.approx(expected)


@pytest.mark.parametrize(
    ("a", "b", "c", "d", "g2"),
    [
        (10, 0, 100, 100, 20 * math.log(2)),  # expected 5 and 5: 2 * 10 ln 2
        (5, 5, 100, 100, 0.0),
        (0, 10, 100, 100, 20 * math.log(2)),
    ],
)
def test_log_likelihood_known_values(a: int, b: int, c: int, d: int, g2: float) -> None:
    assert log_likelihood(np.array([a]), np.array([b]), c, d)[0] == pytest.approx(g2)


@pytest.mark.parametrize(
    ("a", "b", "c", "d", "effect"),
    [(8, 2, 100, 100, 2.0), (2, 8, 100, 100, -2.0), (4, 0, 100, 100, 3.0), (5, 10, 100, 200, 0.0)],
)
def test_log_ratio_known_values(a: int, b: int, c: int, d: int, effect: float) -> None:
    assert log_ratio(np.array([a]), np.array([b]), c, d)[0] == pytest.approx(effect)


def test_benjamini_hochberg_known_values() -> None:
    q = benjamini_hochberg(np.array([0.01, 0.04, 0.03, 0.5]))
    # Sorted p * n / rank is 0.04, 0.06, 0.0533, 0.5; the running minimum from the top fixes 0.06.
    assert q == pytest.approx([0.04, 0.16 / 3, 0.16 / 3, 0.5])


def test_keyness_columns_sorting_and_direction() -> None:
    out = keyness(DOCS, min_count=2, top_n=5)
    assert list(out.columns) == KEYNESS_COLUMNS
    assert set(out["target_type"]) == {"document"}
    assert out.equals(
        out.sort_values(["target_type", "target", "direction", "rank"], ignore_index=True)
    )
    key_a = out[(out["target"] == "a") & (out["direction"] == "key")]
    assert key_a.iloc[0]["term"] == "blame"
    assert (key_a["effect"] > 0).all()
    assert (out.loc[out["direction"] == "lacking", "effect"] < 0).all()
    assert out["p_value"].between(0, 1).all() and (out["q_value"] >= out["p_value"]).all()


def test_keyness_groups_exclude_own_group_from_rest() -> None:
    docs = {**DOCS, "a2": DOCS["a"]}
    out = keyness(docs, groups={"a": "dup", "a2": "dup"}, min_count=2)
    group = out[(out["target"] == "dup") & (out["target_type"] == "group")]
    doc = out[(out["target"] == "a") & (out["target_type"] == "document")]
    assert not group.empty and not doc.empty
    # The near-duplicate is in neither rest, so "blame" never occurs in the rest.
    assert doc.loc[doc["term"] == "blame", "count_rest"].item() == 0
    assert (
        group.loc[group["term"] == "blame", "count_target"].item()
        == 2 * doc.loc[doc["term"] == "blame", "count_target"].item()
    )


@pytest.mark.parametrize(
    ("docs", "groups"),
    [
        ({"only": DOCS["a"]}, None),  # one document: no rest
        ({"a": DOCS["a"], "a2": DOCS["a"]}, {"a": "g", "a2": "g"}),  # everything in one group
        ({"x": "", "y": ""}, None),
    ],
)
def test_keyness_without_a_rest_is_empty(docs: dict[str, str], groups: dict | None) -> None:
    out = keyness(docs, groups=groups)
    assert out.empty and list(out.columns) == KEYNESS_COLUMNS


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"groups": {"zzz": "g"}}, ValueError, "groups has doc_ids not in docs"),
        ({"min_count": 0}, ValueError, "min_count must be a positive int"),
        ({"top_n": True}, ValueError, "top_n must be a positive int"),
    ],
)
def test_keyness_errors(kwargs: dict, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        keyness(DOCS, **kwargs)


def test_keyness_is_deterministic_and_rounded() -> None:
    first, second = keyness(DOCS, min_count=1), keyness(dict(reversed(DOCS.items())), min_count=1)
    assert first.equals(second)
    assert (first["g2"] == first["g2"].round(6)).all()


@pytest.mark.parametrize(
    ("plot", "table"),
    [
        (plot_tfidf, lambda: tfidf_top_terms(DOCS)),
        (plot_tfidf, lambda: pd.DataFrame(columns=TFIDF_COLUMNS)),
        (plot_keyness, lambda: keyness(DOCS, min_count=1)),
        (plot_keyness, lambda: pd.DataFrame(columns=KEYNESS_COLUMNS)),
    ],
)
def test_plots_return_figures(plot, table) -> None:
    fig = plot(table())
    assert isinstance(fig, Figure)
    assert fig.axes or fig.texts


def test_plot_rejects_wrong_table() -> None:
    with pytest.raises(ValueError, match="missing columns"):
        plot_tfidf(pd.DataFrame({"x": [1]}))
