"""Tests for culturelens.validation: join key, metrics, confusion table, seed gold file."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from culturelens.validation import (
    confusion_table,
    evaluate_scoring,
    join_gold,
    label_from_flags,
    predict_gold,
    text_key,
)

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("\u201cLearn not blame\u201d", '"learn   not blame"'),
        ("fire fewer \u2013 now", "Fire fewer - now"),
        ("It\u2019s okay.", "it's okay."),
    ],
)
def test_text_key_equates_small_cleaning_changes(a, b):
    assert text_key(a) == text_key(b)


@pytest.mark.parametrize(
    ("b", "s", "label"), [(1, 0, "blame"), (0, 1, "support"), (1, 1, "mixed"), (0, 0, "neutral")]
)
def test_label_from_flags(b, s, label):
    assert label_from_flags(b, s) == label


def _gold_pred():
    gold = pd.DataFrame(
        {
            "text": ["A", "B", "C", "D", "E"],
            "blame": [1, 0, 1, 0, 0],
            "support": [0, 1, 1, 0, 0],
            "dataset": "toy",
        }
    )
    pred = pd.DataFrame(
        {
            "text": ["a", "b", "c", "d"],
            "label": ["blame", "support", "mixed", "blame"],
            "vader_label": ["blame", "blame", "neutral", "neutral"],
        }
    )
    return gold, pred


def test_evaluate_scoring_metrics():
    gold, pred = _gold_pred()
    res = evaluate_scoring(gold, pred)
    get = res.set_index(["method", "metric"])["value"]
    assert get[("culturelens", "blame_precision")] == pytest.approx(2 / 3)
    assert get[("culturelens", "blame_recall")] == 1.0
    assert get[("culturelens", "support_f1")] == 1.0
    assert get[("culturelens", "gold_unjoined")] == 1.0
    assert set(res["method"]) == {"culturelens", "vader"}
    assert (res["n"][res["metric"] != "gold_unjoined"] == 4).all()


def test_join_reports_unjoined():
    gold, pred = _gold_pred()
    joined, missing = join_gold(gold, pred)
    assert (len(joined), missing) == (4, 1)


def test_confusion_table_counts():
    gold, pred = _gold_pred()
    cm = confusion_table(gold, pred)
    assert len(cm) == 32 and cm["count"].sum() == 8
    row = cm[(cm.method == "culturelens") & (cm.gold == "neutral") & (cm.predicted == "blame")]
    assert int(row["count"].iloc[0]) == 1


@pytest.mark.parametrize(
    ("gold", "match"),
    [
        (pd.DataFrame({"text": ["a"], "blame": [2], "support": [0]}), "gold flags must be 0/1"),
        (pd.DataFrame({"text": ["a"]}), r"gold is missing columns \['blame', 'support'\]"),
    ],
)
def test_bad_gold(gold, match):
    with pytest.raises(ValueError, match=match):
        evaluate_scoring(gold, pd.DataFrame({"text": ["a"], "label": ["blame"]}))


@pytest.mark.parametrize(
    ("name", "dataset", "min_rows"),
    [
        ("seed_sentences.csv", "seeds", 100),
        ("heldout_sentences.csv", "heldout", 80),
        ("dev_sentences.csv", "dev", 200),
        ("test_sentences.csv", "test", 140),
    ],
)
def test_gold_files_are_complete_and_consistent(name, dataset, min_rows):
    df = pd.read_csv(ROOT / "validation" / "scoring" / name)
    assert {"dataset", "text", "blame", "support"} <= set(df.columns)
    assert set(df["dataset"]) == {dataset}
    assert len(df) >= min_rows and df["text"].is_unique
    assert df["blame"].isin([0, 1]).all() and df["support"].isin([0, 1]).all()
    if "label" in df.columns:
        derived = [label_from_flags(b, s) for b, s in zip(df.blame, df.support, strict=True)]
        assert (df["label"] == derived).all()


def test_written_gold_sets_do_not_overlap_training():
    from culturelens.model import load_training

    train = set(load_training()["text"])
    for name in ("heldout_sentences.csv", "dev_sentences.csv", "test_sentences.csv"):
        texts = set(pd.read_csv(ROOT / "validation" / "scoring" / name)["text"])
        assert not texts & train, name


def test_predict_gold_then_one_argument_forms():
    from culturelens.lexicon import load_lexicon

    gold = pd.DataFrame(
        {
            "text": ["Staff were bullied.", "MPs support the bill."],
            "blame": [1, 0],
            "support": [0, 0],
            "label": ["blame", "neutral"],
        }
    )
    pred = predict_gold(gold, lexicon=load_lexicon())
    assert pred["gold_label"].tolist() == ["blame", "neutral"]
    res = evaluate_scoring(pred).set_index(["method", "metric"])["value"]
    assert res[("culturelens", "accuracy")] == 1.0
    assert confusion_table(pred)["count"].sum() == 6


def test_single_frame_without_gold_label_is_error():
    with pytest.raises(ValueError, match="no 'gold_label' column"):
        evaluate_scoring(pd.DataFrame({"text": ["a"], "blame": [1], "support": [0]}))
