"""Tests for culturelens.model: deterministic training, combination and explanations."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from culturelens.lexicon import load_lexicon
from culturelens.model import ADD_GRID, VETO_GRID, combine_flag, load_training, train_model
from culturelens.scoring import rule_evidence, score_sentences
from culturelens.validation import text_key

GOLD = Path(__file__).resolve().parents[1] / "validation" / "scoring"


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


@pytest.fixture(scope="module")
def model(lex):
    return train_model(lexicon=lex, seed=0)


def test_training_file_is_written_and_labelled():
    df = load_training()
    assert len(df) >= 800
    assert set(df["source"]) == {"written"}
    assert df["text"].is_unique
    assert set(df["calibration"].astype(str)) == {"0", "1"}
    assert (df["calibration"].astype(str) == "1").sum() >= 150


def test_training_does_not_overlap_any_gold_set():
    train = {text_key(t) for t in load_training()["text"]}
    for path in sorted(GOLD.glob("*_sentences.csv")):
        texts = {text_key(t) for t in pd.read_csv(path)["text"]}
        assert not texts & train, path.name


def test_thresholds_are_cross_validated_and_on_the_grid(model):
    assert len(model.thresholds) == 2
    for veto, add_weak, add_none in model.thresholds:
        assert veto in VETO_GRID and add_weak in ADD_GRID and add_none in ADD_GRID
        assert 0.5 <= add_weak <= add_none


@pytest.mark.parametrize(
    ("rule", "p", "thresholds", "expected"),
    [
        (1.0, 0.30, (0.2, 0.5, 0.85), 1),  # rule flag kept above the veto
        (1.0, 0.10, (0.2, 0.5, 0.85), 0),  # vetoed
        (0.3, 0.60, (0.2, 0.5, 0.85), 1),  # weak evidence, model adds
        (0.0, 0.60, (0.2, 0.5, 0.85), 0),  # no evidence needs 0.85
        (0.0, 0.90, (0.2, 0.5, 0.85), 1),
        (0.0, 0.99, (0.2, 0.5, 1.01), 0),  # 1.01 = never add
    ],
)
def test_combine_flag_table(rule, p, thresholds, expected):
    got = combine_flag(np.array([rule]), np.array([p]), thresholds)
    assert got.tolist() == [expected]


def test_tiny_training_file_still_trains(tmp_path, lex):
    p = tmp_path / "train.csv"
    rows = ["Staff were bullied.,1,0", "Staff were mentored.,0,1", "The shop opens.,0,0"]
    p.write_text("text,blame,support\n" + "\n".join(rows * 2) + "\n", encoding="utf-8")
    m = train_model(lexicon=lex, seed=0, path=p)
    assert m.n_train == 6 and len(m.thresholds) == 2


def test_training_is_deterministic(lex, model):
    again = train_model(lexicon=lex, seed=0)
    for a, b in zip(model.classifiers, again.classifiers, strict=True):
        np.testing.assert_array_equal(a.coef_, b.coef_)
    assert model.lexicon_sha256 == lex.sha256


def test_probabilities_shape_and_reason(model, lex):
    texts = ["Staff were bullied.", "The shop opens at nine."]
    rules = [rule_evidence(t, lexicon=lex) for t in texts]
    probs, reasons = model.predict_with_reasons(texts, rules)
    assert probs.shape == (2, 2)
    assert probs[0, 0] > 0.5 > probs[1, 0]
    assert reasons[0].startswith("model features blame:")


def test_model_columns_and_labels(model, lex):
    df = score_sentences(
        ["Staff were bullied.", "The shop opens at nine."], lexicon=lex, model=model
    )
    assert df["label"].tolist() == ["blame", "neutral"]
    assert df["p_blame"].notna().all()


@pytest.mark.parametrize(
    ("content", "match"),
    [
        ("text,blame\nhello,1\n", r"lacks columns \['support'\]"),
        ("text,blame,support\nhello,2,0\n", r"data row 1, column 'blame': must be 0 or 1"),
    ],
)
def test_bad_training_file(tmp_path, lex, content, match):
    p = tmp_path / "train.csv"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=match):
        train_model(lexicon=lex, seed=0, path=p)


def test_seed_must_be_int(lex):
    with pytest.raises(TypeError, match="seed must be an int"):
        train_model(lexicon=lex, seed="0")  # type: ignore[arg-type]
