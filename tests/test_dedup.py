"""Tests for culturelens.dedup: near-duplicate documents and repeated sentences."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from culturelens.artefacts import line_fingerprint
from culturelens.dedup import near_duplicates, recurring_lines, repeated_sentences

REPO = Path(__file__).resolve().parents[1]
BASE = (
    "The health secretary told a conference that the NHS must stop responding to failures by "
    "firing chief executives, and said leaders needed more permission to fail. He added that a "
    "lower fear of failure was one of the most important cultural changes the service needed. "
    "Unions welcomed the remarks but said staff on the wards still felt blamed for delays."
)
OTHER = (
    "Rail workers at fourteen train companies will walk out on Wednesday and Saturday in a "
    "long-running dispute over pay, and passengers are advised to check before they travel."
)


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        ({"a": BASE, "b": BASE}, {"a": None, "b": "a"}),
        (
            {"b": BASE, "a": BASE.replace("conference", "summit") + " Share this article"},
            {"a": None, "b": "a"},
        ),
        ({"a": BASE, "b": BASE.upper().replace(",", " ,")}, {"a": None, "b": "a"}),
        ({"a": BASE, "b": OTHER}, {"a": None, "b": None}),
        ({"a": BASE, "b": BASE, "c": BASE}, {"a": None, "b": "a", "c": "a"}),
        ({"a": "", "b": ""}, {"a": None, "b": None}),
        ({}, {}),
    ],
)
def test_near_duplicates(texts: dict[str, str], expected: dict[str, str | None]) -> None:
    assert near_duplicates(texts) == expected


def test_near_duplicates_threshold_matters() -> None:
    half = BASE[: len(BASE) // 2] + " " + OTHER
    assert near_duplicates({"a": BASE, "b": half}, threshold=0.9)["b"] is None
    assert near_duplicates({"a": BASE, "b": half}, threshold=0.2)["b"] == "a"


def test_seed_articles_are_distinct_documents() -> None:
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))}
    assert set(near_duplicates(texts).values()) == {None}


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"threshold": 0}, "threshold must be in"),
        ({"threshold": 1.5}, "threshold must be in"),
        ({"shingle_size": 0}, "shingle_size must be"),
    ],
)
def test_near_duplicates_errors(kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        near_duplicates({"a": BASE}, **kwargs)


def _sentences(*texts: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(len(texts))],
            "sentence_id": [f"d{i}:0001" for i in range(len(texts))],
            "text": list(texts),
        }
    )


QUOTE = "We need to fire fewer people, and to give leaders the security to take risks"


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        # the same quote with different quote marks, case, punctuation and spacing
        ([f'"{QUOTE}," he said.', f"\u201c{QUOTE.upper()}\u201d,  he said !"], ["", "d0:0001"]),
        # the same quote with a different attribution
        (
            [f'He said: "{QUOTE}."', f'"{QUOTE}," the health secretary told delegates.'],
            ["", "d0:0001"],
        ),
        # small wording difference outside the quote
        ([f"Mr Hancock said {QUOTE}.", f"Hancock said {QUOTE}."], ["", "d0:0001"]),
        # a short repeated sentence is below min_chars
        (["He said no.", "He said no."], ["", ""]),
        # unrelated sentences
        (
            [
                f'"{QUOTE}," he said.',
                "The trust was rated inadequate for a variety of care failings.",
            ],
            ["", ""],
        ),
        # three reports of one quote all point at the first
        (
            [f'"{QUOTE}."', f'"{QUOTE}," he said.', f'He said "{QUOTE}".'],
            ["", "d0:0001", "d0:0001"],
        ),
    ],
)
def test_repeated_sentences(texts: list[str], expected: list[str]) -> None:
    assert repeated_sentences(_sentences(*texts)).tolist() == expected


def test_repeated_sentences_keeps_index_and_handles_empty() -> None:
    frame = _sentences(f'"{QUOTE}."', f'"{QUOTE}."').set_axis([10, 20])
    result = repeated_sentences(frame)
    assert result.index.tolist() == [10, 20] and result.name == "repeat_of"
    assert repeated_sentences(_sentences()).tolist() == []


@pytest.mark.parametrize(
    ("frame", "kwargs", "message"),
    [
        (pd.DataFrame({"doc_id": ["a"], "text": ["x"]}), {}, "missing column"),
        (_sentences("x"), {"min_chars": 0}, "need min_chars >= 1"),
        (_sentences("x"), {"min_overlap": 0}, "0 < min_overlap <= 1"),
    ],
)
def test_repeated_sentences_errors(frame: pd.DataFrame, kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        repeated_sentences(frame, **kwargs)


BLURB = "Honest writing about work, teams and leading from the middle."
STORY = " ".join(["The union said members had voted to strike over pay and staffing levels"] * 3)
# A site's cookie banner: a long line on every page that is no shared story.
BANNER = " ".join(
    ["We use cookies to remember your settings and to measure how you use the site"] * 2
)


def _page(i: int) -> str:
    """A page of one site: its own story (two long lines), the banner and the blurb."""
    story = [f"Story {i}: {STORY.replace('pay', f'pay band {i} {k}')}" for k in range(2)]
    return "\n".join([BANNER, *story, BLURB])


@pytest.mark.parametrize(
    ("texts", "min_docs", "expected"),
    [
        ({f"d{i}": f"Story {i} about pay.\n{BLURB}" for i in range(3)}, 3, {BLURB}),
        ({f"d{i}": f"Story {i} about pay.\n{BLURB}" for i in range(2)}, 3, set()),
        # a syndicated story (same long line) counts once, so its short lines stay
        ({f"d{i}": f"{STORY}\nThe council declined to comment." for i in range(4)}, 3, set()),
        ({f"d{i}": f"Story {i}.\nSHARE THIS:" for i in range(3)}, 2, {"Share this"}),
        # pages of one site share the long banner, but not their stories (regression: the
        # banner made the whole site one story, and nothing recurred)
        ({f"d{i}": _page(i) for i in range(3)}, 3, {BANNER, BLURB}),
    ],
)
def test_recurring_lines(texts: dict[str, str], min_docs: int, expected: set[str]) -> None:
    found = recurring_lines(texts, min_docs=min_docs)
    assert found == {line_fingerprint(t) for t in expected}


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"min_docs": 1}, "min_docs must be"),
        ({"max_words": 0}, "max_words"),
        ({"story_share": 0}, r"story_share must be in \(0, 1\], got 0"),
    ],
)
def test_recurring_lines_errors(kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        recurring_lines({"a": "x"}, **kwargs)
