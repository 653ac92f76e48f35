"""Tests for culturelens.clean_agreement: two annotators of the same lines."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import cohen_kappa_score

from culturelens.clean_agreement import _kappa, annotator_agreement, pair_annotations
from culturelens.clean_eval import read_labelled_lines
from culturelens.io import read_csv

ROOT = Path(__file__).resolve().parents[1]

# two documents; the second annotator calls one artefact content (a2 line 3), one content
# line artefact (a1 line 2), and gives one artefact another kind (a2 line 4)
FIRST = [
    ("a1", 1, "Headline", "metadata", "title"),
    ("a1", 2, "Body one.", "content", "prose"),
    ("a1", 3, "Share", "artefact", "share"),
    ("a1", 4, "Body two.", "content", "prose"),
    ("a2", 1, "Title two", "metadata", "title"),
    ("a2", 2, "Body three.", "content", "prose"),
    ("a2", 3, "Key points", "artefact", "navigation"),
    ("a2", 4, "Most read", "artefact", "related"),
]
SECOND_LABELS = [
    ("metadata", "title"),
    ("artefact", "engagement"),
    ("artefact", "share"),
    ("content", "prose"),
    ("metadata", "title"),
    ("content", "prose"),
    ("content", "subheading"),
    ("artefact", "navigation"),
]


def _frame(rows: list[tuple]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["doc_id", "line_no", "text", "label", "kind"])
    return frame.assign(dataset="set1")


def _second(labels: list[tuple[str, str]] = SECOND_LABELS) -> pd.DataFrame:
    rows = [(*row[:3], *label) for row, label in zip(FIRST, labels, strict=True)]
    return _frame(rows)


@pytest.mark.parametrize(
    ("metric", "value", "n"),
    [
        ("label_agreement", 6 / 8, 8),
        ("artefact_kind_agreement", 1 / 2, 2),  # both call a1:3 and a2:4 artefact
        ("artefact_recall", 2 / 3, 3),
        ("content_precision", 2 / 3, 3),  # second keeps a1:4, a2:2 and the "Key points" label
        ("content_retention", 2 / 3, 3),
        ("metadata_recall", 1.0, 2),
    ],
)
def test_second_annotator_scored_as_a_cleaner(metric: str, value: float, n: int) -> None:
    table = annotator_agreement(_frame(FIRST), _second(), resamples=0, seed=0)
    row = table.set_index("metric").loc[metric]
    assert row["value"] == pytest.approx(value, abs=1e-6)
    assert row["n"] == n
    assert np.isnan(row["ci_low"]) and np.isnan(row["ci_high"])  # resamples=0: no interval


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (["c", "a", "m", "a"], ["c", "c", "m", "a"]),
        (["c", "a", "a", "a", "c"], ["a", "a", "c", "a", "c"]),
        ([True, False, True, True], [True, True, True, False]),
        (["c", "a"], ["a", "c"]),  # complete disagreement: negative kappa
    ],
)
def test_kappa_matches_sklearn(a: list, b: list) -> None:
    expected = cohen_kappa_score(a, b)
    assert _kappa(np.array(a), np.array(b)) == pytest.approx(expected, abs=1e-12)


def test_kappa_of_a_single_label_is_undefined() -> None:
    assert np.isnan(_kappa(np.array(["c", "c"]), np.array(["c", "c"])))


def test_identical_annotations_agree_fully_with_a_degenerate_interval() -> None:
    first = _frame(FIRST)
    table = annotator_agreement(first, first.copy(), resamples=50, seed=1).set_index("metric")
    assert (table["value"] == 1.0).all()
    assert (table["ci_low"] == 1.0).all() and (table["ci_high"] == 1.0).all()


def test_interval_is_seeded_and_brackets_the_value() -> None:
    first, second = _frame(FIRST), _second()
    one = annotator_agreement(first, second, resamples=200, seed=7)
    assert one.equals(annotator_agreement(first, second, resamples=200, seed=7))
    assert (one["ci_low"] <= one["ci_high"]).all()


@pytest.mark.parametrize(
    ("edit", "match"),
    [
        (lambda s: s.iloc[:-1], r"1 line\(s\) .* have no second label, e.g. a2 line 4"),
        (
            lambda s: pd.concat([s, _frame([("a2", 9, "Extra", "content", "prose")])]),
            r"have no first label, e.g. a2 line 9",
        ),
        (lambda s: s.assign(text=s["text"].str.upper()), r"text differs on 8 line\(s\)"),
        (lambda s: s.assign(label="keep"), r"unknown label"),
    ],
)
def test_bad_second_annotation(edit, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        annotator_agreement(_frame(FIRST), edit(_second()), resamples=0, seed=0)


def test_negative_resamples() -> None:
    with pytest.raises(ValueError, match="resamples must be >= 0, got -1"):
        annotator_agreement(_frame(FIRST), _second(), resamples=-1, seed=0)


def test_committed_second_annotation_pairs_with_the_gold_lines() -> None:
    """Editing a labelled set's text or line numbers must not orphan the second annotation."""
    second = read_csv(ROOT / "validation/cleaning_agreement/second_annotator.csv")
    pairs = pair_annotations(read_labelled_lines(ROOT / "validation/cleaning"), second)
    assert len(pairs) == len(second) and second["doc_id"].nunique() == 60
