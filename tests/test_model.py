"""Tests for culturelens.model: deterministic training, combination and explanations."""

from __future__ import annotations

import numpy as np
import pytest

from culturelens.lexicon import load_lexicon
from culturelens.model import load_training, train_model
from culturelens.scoring import rule_evidence, score_sentences


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


@pytest.fixture(scope="module")
def model(lex):
    return train_model(lexicon=lex, seed=0)


def test_training_file_is_written_and_labelled():
    df = load_training()
    assert len(df) >= 200
    assert set(df["source"]) == {"written"}
    assert df["text"].is_unique


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
    df = score_sentences(["Staff were bullied.", "The shop opens at nine."], lexicon=lex,
                         model=model)
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
