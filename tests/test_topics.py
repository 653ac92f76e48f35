"""Tests for culturelens.topics and its figures."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure
from scipy import sparse

from culturelens.plots.topics import plot_document_topics, plot_selection, plot_topic_terms
from culturelens.topics import (
    SELECTION_COLUMNS,
    TopicResult,
    average_jaccard,
    choose_k,
    fit_topics,
    npmi,
)

SPORT = "goal match striker penalty keeper league football referee stadium coach"
MONEY = "bank interest inflation market shares investor profit economy budget tax"


def _units(n_per_theme: int = 8) -> pd.DataFrame:
    rng = np.random.default_rng(0)
    rows = []
    for theme, words in (("sport", SPORT.split()), ("money", MONEY.split())):
        for i in range(n_per_theme):
            text = " ".join(rng.choice(words, size=12))
            rows.append((f"{theme}-{i:02d}", f"{theme}-doc{i % 2}", text))
    return pd.DataFrame(rows, columns=["unit_id", "doc_id", "text"])


def _frame(texts: list[str | None]) -> pd.DataFrame:
    ids = [f"u{i}" for i in range(len(texts))]
    return pd.DataFrame({"unit_id": ids, "doc_id": ids, "text": texts})


@pytest.fixture(scope="module")
def two_themes() -> TopicResult:
    return fit_topics(_units(), methods=("nmf", "lda"), k_min=2, k_max=3, restarts=3, seed=1)


def test_tables_have_documented_columns(two_themes: TopicResult) -> None:
    assert list(two_themes.selection.columns) == SELECTION_COLUMNS
    assert list(two_themes.terms.columns) == ["method", "topic", "rank", "term", "weight"]
    assert list(two_themes.document_topics.columns) == ["method", "doc_id", "topic", "weight"]
    assert list(two_themes.unit_topics.columns) == [
        "method",
        "unit_id",
        "doc_id",
        "topic",
        "weight",
    ]
    assert list(two_themes.topic_stability.columns) == ["method", "topic", "stability"]


def test_every_candidate_reported_and_one_chosen_per_method(two_themes: TopicResult) -> None:
    sel = two_themes.selection
    assert sel[["method", "k"]].values.tolist() == [["lda", 2], ["lda", 3], ["nmf", 2], ["nmf", 3]]
    assert sel.groupby("method")["chosen"].sum().to_dict() == {"lda": 1, "nmf": 1}
    assert sel["stability"].between(0, 1).all() and sel["coherence"].between(-1, 1).all()


@pytest.mark.parametrize("method", ["nmf", "lda"])
def test_two_clear_themes_are_recovered(two_themes: TopicResult, method: str) -> None:
    assert two_themes.selection.query("method == @method and chosen")["k"].item() == 2
    docs = two_themes.document_topics.query("method == @method")
    top = docs.loc[docs.groupby("doc_id")["weight"].idxmax()].set_index("doc_id")["topic"]
    assert top["sport-doc0"] == top["sport-doc1"] != top["money-doc0"] == top["money-doc1"]
    sums = docs.groupby("doc_id")["weight"].sum()
    assert np.allclose(sums, 1.0, atol=1e-5)


def test_nmf_topics_are_stable_on_clean_themes(two_themes: TopicResult) -> None:
    stab = two_themes.topic_stability.query("method == 'nmf'")["stability"]
    # Ten words per theme fill the top ten, so only their order varies between restarts.
    assert len(stab) == 2 and (stab > 0.7).all()


def test_fixed_k_still_reports_coherence_and_stability() -> None:
    out = fit_topics(_units(), methods=("nmf",), k=3, restarts=2)
    assert out.selection[["k", "chosen"]].values.tolist() == [[3, True]]
    assert out.selection[["coherence", "stability"]].notna().all().all()
    assert sorted(out.terms["topic"].unique()) == [1, 2, 3]


def test_deterministic_for_a_seed_and_sensitive_to_it() -> None:
    runs = [fit_topics(_units(), methods=("nmf",), k_max=3, restarts=2, seed=s) for s in (5, 5, 6)]
    for name in ("selection", "terms", "document_topics", "unit_topics", "topic_stability"):
        assert getattr(runs[0], name).equals(getattr(runs[1], name)), name
    assert not runs[0].selection.equals(runs[2].selection)


def test_input_row_order_does_not_matter() -> None:
    units = _units()
    a = fit_topics(units, methods=("nmf",), k=2, restarts=2)
    b = fit_topics(units.iloc[::-1], methods=("nmf",), k=2, restarts=2)
    assert a.unit_topics.equals(b.unit_topics)


@pytest.mark.parametrize(
    ("units", "kwargs", "expected_ks"),
    [
        (_frame([SPORT]), {}, []),  # one unit
        (_frame(["", None, "  "]), {}, []),  # empty texts
        (_frame([SPORT, MONEY]), {}, []),  # two units: a restart could not leave one out
        (_frame([SPORT, MONEY, SPORT]), {}, [2]),
        (_units(2), {"k": 6}, [3]),  # fewer units than k: k reduced to what a subsample holds
        (_units(2), {"k_min": 5, "k_max": 8}, [3]),
        (pd.DataFrame(columns=["unit_id", "doc_id", "text"]), {}, []),
    ],
)
def test_small_corpora_reduce_k_or_return_empty(
    units: pd.DataFrame, kwargs: dict, expected_ks: list[int]
) -> None:
    out = fit_topics(units, methods=("nmf",), restarts=2, **kwargs)
    assert out.selection["k"].tolist() == expected_ks
    if not expected_ks:
        assert out.terms.empty and out.document_topics.empty and out.unit_topics.empty


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"units": "text"}, TypeError, "units must be a DataFrame"),
        (
            {"units": pd.DataFrame({"text": ["a"]})},
            ValueError,
            r"missing columns \['doc_id', 'unit_id'\]",
        ),
        ({"methods": ("svd",)}, ValueError, "methods must be"),
        ({"methods": "nmf"}, ValueError, "methods must be"),
        ({"k_min": 5, "k_max": 3}, ValueError, "k_min=5 is greater than k_max=3"),
        ({"restarts": 0}, ValueError, "restarts must be an int >= 1"),
        ({"k": 0}, ValueError, "k must be an int >= 1"),
        ({"top_n": 1}, ValueError, "top_n must be an int >= 2"),
        ({"max_df": 0}, ValueError, "max_df must be in"),
    ],
)
def test_errors_name_the_parameter(kwargs: dict, error: type[Exception], match: str) -> None:
    kwargs = {"units": _units(), **kwargs}
    with pytest.raises(error, match=match):
        fit_topics(**kwargs)


def test_duplicate_unit_ids_rejected() -> None:
    units = pd.concat([_units(), _units()], ignore_index=True)
    with pytest.raises(ValueError, match="unit_id has duplicates"):
        fit_topics(units)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ([1, 2, 3], [1, 2, 3], 1.0),
        ([1, 2, 3], [4, 5, 6], 0.0),
        ([1, 2], [2, 1], 0.5),  # depth 1: 0/2, depth 2: 2/2
        ([1, 2, 3], [1, 4, 2], (1 + 1 / 3 + 2 / 4) / 3),
        ([], [1], 0.0),
    ],
)
def test_average_jaccard(a: list[int], b: list[int], expected: float) -> None:
    assert average_jaccard(a, b) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([[1, 1], [0, 0], [1, 1], [0, 0]], 1.0),  # always together
        ([[1, 0], [0, 1], [1, 0], [0, 1]], -1.0),  # never together
        ([[1, 1], [1, 0], [0, 1], [0, 0]], 0.0),  # independent
    ],
)
def test_npmi_known_values(rows: list[list[int]], expected: float) -> None:
    assert npmi(sparse.csr_matrix(np.array(rows)), [0, 1]) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("scores", "se", "expected"),
    [
        ([0.5, 0.7, 0.6], [0.0, 0.0, 0.0], 3),
        ([0.5, 0.7, 0.6], [0.0, 0.25, 0.0], 2),  # k=2 within one SE of the best
        ([0.5, 0.7, 0.6], [0.0, 0.05, 0.0], 3),
        ([0.6, 0.6, 0.6], [0.0, 0.0, 0.0], 2),  # exact ties: fewest topics
    ],
)
def test_choose_k_one_standard_error_rule(
    scores: list[float], se: list[float], expected: int
) -> None:
    assert choose_k([2, 3, 4], scores, se) == expected


@pytest.mark.parametrize(
    ("plot", "table"),
    [
        (plot_topic_terms, "terms"),
        (plot_document_topics, "document_topics"),
        (plot_selection, "selection"),
    ],
)
def test_plots_return_figures_full_and_empty(two_themes: TopicResult, plot, table: str) -> None:
    full = getattr(two_themes, table)
    assert isinstance(plot(full), Figure)
    empty = plot(full.iloc[:0])
    assert isinstance(empty, Figure) and empty.texts


@pytest.mark.parametrize("source", ["keyword", "column", "none"])
def test_topic_terms_plot_shows_stability(two_themes: TopicResult, source: str) -> None:
    terms, stability = two_themes.terms, two_themes.topic_stability
    if source == "keyword":
        fig = plot_topic_terms(terms, stability=stability)
    elif source == "column":  # the pipeline writes terms merged with stability
        fig = plot_topic_terms(terms.merge(stability, on=["method", "topic"], how="left"))
    else:
        fig = plot_topic_terms(terms)
    titles = [ax.get_title(loc="left") for ax in fig.axes if ax.get_visible()]
    assert len(titles) == 4
    assert all(("stability" in t) == (source != "none") for t in titles)
