"""Tests for culturelens.scoring: the coding guide's examples, evidence and robustness."""

from __future__ import annotations

import time

import pytest

from culturelens.lexicon import load_lexicon
from culturelens.scoring import SCORE_COLUMNS, score_sentence, score_sentences


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


# The examples table of the coding guide.
@pytest.mark.parametrize(
    ("text", "label"),
    [
        ('The NHS must develop leaders who will foster a "learn not blame" culture.', "support"),
        ("The culture of the service is too quick to blame, too slow to support.", "blame"),
        ("It also found evidence of discrimination, bullying and blame cultures.", "blame"),
        ("We need to fire fewer people.", "support"),
        (
            "Keith McNeil lost his job as chief executive when the IT system plunged the trust "
            "into the red.",
            "blame",
        ),
        ("Some managers bully staff while others mentor and encourage them.", "mixed"),
        ("Labour accused the Conservatives of wrecking the economy.", "blame"),
        ("The Liberal Democrats said they would support the bill.", "neutral"),
        ("One in 10 chief executive posts is not permanently filled.", "neutral"),
    ],
)
def test_guide_examples(lex, text, label):
    assert score_sentence(text, lexicon=lex).label == label


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Staff were bullied.", "blame: bullied(+1)"),
        ("We must stop blaming staff.", "NOT[blame](\u2192support) scope='stop blaming'"),
        ("MPs support the bill.", "political endorsement"),
        ("Nothing happened.", "no evidence"),
    ],
)
def test_evidence_is_readable(lex, text, fragment):
    assert fragment in score_sentence(text, lexicon=lex).evidence


def test_score_sentences_columns_and_alignment(lex):
    df = score_sentences(["Staff were bullied.", "", "We value our staff."], lexicon=lex)
    assert list(df.columns) == SCORE_COLUMNS
    assert df["label"].tolist() == ["blame", "neutral", "support"]
    assert df.loc[0, "matched_terms"] == "bullied:blame"


def test_negators_and_scope_columns(lex):
    row = score_sentences(["There was no support for staff."], lexicon=lex).iloc[0]
    assert (row["negators"], row["scope"], row["label"]) == ("no", "no support", "blame")


@pytest.mark.parametrize("bad", ["one string", None])
def test_type_errors(lex, bad):
    with pytest.raises(TypeError, match=r"texts must be a sequence|text must be str"):
        score_sentences(bad if bad is not None else [None], lexicon=lex)


@pytest.mark.parametrize(
    "text", ["x" * 20_000_000, "!" * 1_000_000, "not " * 500_000, "blame, " * 300_000]
)
def test_linear_time_on_hostile_input(lex, text):
    start = time.perf_counter()
    score_sentence(text, lexicon=lex)
    assert time.perf_counter() - start < 2.0


def test_deterministic(lex):
    texts = ["Staff were bullied but later supported.", "We learn, not blame."]
    assert score_sentences(texts, lexicon=lex).equals(score_sentences(texts, lexicon=lex))
