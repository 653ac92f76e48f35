"""Tests for culturelens.baselines: VADER with "trust" masked, keyword count without negation."""

from __future__ import annotations

import pytest

from culturelens.baselines import keyword_scores, mask_trust, vader_label, vader_scores
from culturelens.lexicon import load_lexicon


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("The trust said it would act.", "The organisation said it would act."),
        ("Cambridge NHS Trust board", "Cambridge organisation board"),
        ("NHS trusts in England", "organisation in England"),
        ("Public trust in the police fell.", "Public trust in the police fell."),
        ("the trust of patients", "the trust of patients"),
    ],
)
def test_mask_trust(text, masked):
    assert mask_trust(text) == masked


@pytest.mark.parametrize(
    ("compound", "label"), [(-0.5, "blame"), (-0.05, "blame"), (0.0, "neutral"), (0.05, "support")]
)
def test_vader_label_mapping(compound, label):
    assert vader_label(compound) == label


def test_vader_known_failures_are_reproduced():
    df = vader_scores(["Staff need permission to fail.", "The trust published its report."])
    assert list(df.columns) == ["vader_compound", "vader_label"]
    assert df["vader_label"].tolist() == ["blame", "neutral"]


@pytest.mark.parametrize(
    ("text", "blame", "support", "label"),
    [
        ("learn not blame", 1, 0, "blame"),  # no negation: the stop-word failure mode
        ("Managers bully and support staff.", 1, 1, "mixed"),
        ("The shop opens at nine.", 0, 0, "neutral"),
    ],
)
def test_keyword_counts(text, blame, support, label):
    row = keyword_scores([text], lexicon=load_lexicon()).iloc[0]
    assert (row["keyword_blame"], row["keyword_support"], row["keyword_label"]) == (
        blame,
        support,
        label,
    )


@pytest.mark.parametrize("fn", [vader_scores, lambda t: keyword_scores(t, lexicon=load_lexicon())])
def test_single_string_is_type_error(fn):
    with pytest.raises(TypeError, match="not one str"):
        fn("a sentence")
