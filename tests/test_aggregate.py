"""Tests for culturelens.aggregate: rates, net index, bootstrap, duplicates, speakers."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from culturelens.aggregate import DOC_COLUMNS, document_scores, net_index, speaker_scores


def _frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": ["a", "a", "a", "b"],
            "sentence_id": ["a:0001", "a:0002", "a:0003", "b:0001"],
            "n_tokens": [10, 10, 10, 20],
            "blame": [1.0, 0.0, 1.0, 0.0],
            "support": [0.0, 2.0, 0.0, 1.0],
            "label": ["blame", "support", "blame", "support"],
            "repeat_of": ["", "", "a:0001", ""],
            "vader_compound": [-0.5, 0.5, -0.5, 0.1],
            "keyword_blame": [1, 0, 1, 0],
            "keyword_support": [0, 1, 0, 1],
            "speaker": ["Smith", "Smith", "Smith", ""],
            "is_quote": [True, True, True, False],
        }
    )


@pytest.mark.parametrize(("b", "s", "net"), [(1, 3, 0.5), (2, 0, -1.0), (1, 1, 0.0)])
def test_net_index(b, s, net):
    assert net_index(b, s) == net


def test_net_index_is_undefined_without_evidence():
    assert math.isnan(net_index(0, 0))


def test_document_without_evidence_has_empty_index():
    df = pd.DataFrame(
        {
            "doc_id": ["d", "d"],
            "sentence_id": ["d:1", "d:2"],
            "n_tokens": [5, 5],
            "blame": [0.0, 0.0],
            "support": [0.0, 0.0],
            "label": ["neutral", "neutral"],
        }
    )
    row = document_scores(df, n_boot=50, seed=1).iloc[0]
    assert (
        math.isnan(row["net_index"]) and math.isnan(row["net_low"]) and math.isnan(row["net_high"])
    )


def test_document_scores_values():
    out = document_scores(_frame(), n_boot=200, seed=1)
    assert list(out.columns) == DOC_COLUMNS
    a = out.set_index("doc_id").loc["a"]
    # the repeated sentence a:0003 is counted once
    assert (a["n_sentences"], a["n_tokens"], a["n_blame"], a["n_support"]) == (2, 20, 1, 1)
    assert a["blame_per_1k"] == 50.0 and a["support_per_1k"] == 100.0
    assert a["net_index"] == pytest.approx(1 / 3)
    assert a["net_low"] <= a["net_index"] <= a["net_high"]
    assert a["keyword_net"] == 0.0


def test_bootstrap_is_seeded_and_order_free():
    n = 40
    df = pd.DataFrame(
        {
            "doc_id": "d",
            "sentence_id": [f"d:{i:04d}" for i in range(n)],
            "n_tokens": 12,
            "blame": [float(i % 3 == 0) for i in range(n)],
            "support": [float(i % 4 == 0) for i in range(n)],
            "label": "neutral",
        }
    )
    first = document_scores(df, n_boot=300, seed=7)
    assert first.equals(document_scores(df.iloc[::-1], n_boot=300, seed=7))
    assert not first.equals(document_scores(df, n_boot=300, seed=8))


@pytest.mark.parametrize(
    ("df", "kwargs", "err", "match"),
    [
        (pd.DataFrame({"doc_id": ["a"]}), {}, ValueError, "missing columns"),
        ("not a frame", {}, TypeError, "must be a pandas DataFrame"),
        (_frame(), {"n_boot": -1}, ValueError, "n_boot must be a non-negative int"),
    ],
)
def test_document_scores_errors(df, kwargs, err, match):
    with pytest.raises(err, match=match):
        document_scores(df, **kwargs)


def test_speaker_scores():
    out = speaker_scores(_frame())
    assert out.to_dict("records") == [
        {
            "speaker": "Smith",
            "n_quotes": 2,
            "blame": 1.0,
            "support": 2.0,
            "net_index": pytest.approx(1 / 3),
        }
    ]
