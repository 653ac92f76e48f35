"""Tests for culturelens.tokens: the one tokeniser behind TF-IDF, keyness and topics."""

from __future__ import annotations

import time

import pytest
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from culturelens.tokens import load_stopwords, tokenize

NEGATORS_AND_CONTRAST = (
    "not no nor never none nobody nothing without cannot but however against least although yet"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Leaders were blamed", ["leader", "blame"]),
        ("learn not blame", ["learn", "not", "blame"]),
        ("a long-term plan", ["long-term", "plan"]),
        ("long\u2010term", ["long-term"]),  # typographic hyphen
        ("They aren't supported", ["not", "support"]),
        ("We can\u2019t fire staff", ["not", "fire", "staff"]),  # "can" is a stop word
        ("Hancock's speech", ["hancock", "speech"]),
        ("1,000 staff in 2019 cost £5bn or 3.5%", ["staff", "cost"]),
        ("the 1990s and 21st century", ["century"]),
        ("MP3 players and COVID-19", ["mp3", "player", "covid-19"]),
        ("see https://example.com/a?b=1 today", ["today"]),
        ("www.nhs.uk and bbc.co.uk", []),
        ("mail jo@example.org today", ["mail", "today"]),
        ("open C:\\temp\\x.docx or /var/log/app.log", ["open"]),
        ("read report.pdf", ["read"]),
        ("x" * 40 + " word", ["word"]),
        ("supercalifragilisticexpialidociousness word", ["word"]),
        ("", []),
        ("!!! ??? ...", []),
        ("AI and the media in Wales", ["ai", "media", "wales"]),
        ("café naïve", ["café", "naïve"]),
        ("blame_culture", ["blame", "culture"]),
    ],
)
def test_tokenize_table(text: str, expected: list[str]) -> None:
    assert tokenize(text) == expected


@pytest.mark.parametrize(
    ("text", "expected_bigrams"),
    [
        ("learn not blame culture", ["learn not", "not blame", "blame culture"]),
        ("culture of blame", []),  # a removed stop word breaks the phrase
        ("staff. Training", []),  # punctuation breaks the phrase
        ("patient safety, staff safety", ["patient safety", "staff safety"]),
        ("long-term plan", ["long-term plan"]),
        ("staff aren't supported", ["not support"]),  # as "staff are not supported"
        ("staff haven't been supported", []),  # "been" is a stop word: no bigram
        ("leaders don't blame", ["not blame"]),
    ],
)
def test_tokenize_bigrams(text: str, expected_bigrams: list[str]) -> None:
    tokens = tokenize(text, bigrams=True)
    assert [t for t in tokens if " " in t] == expected_bigrams
    assert [t for t in tokens if " " not in t] == tokenize(text)


@pytest.mark.parametrize("word", [*NEGATORS_AND_CONTRAST.split(), "fire"])
def test_stopwords_keep_negators_and_contrast(word: str) -> None:
    assert word in ENGLISH_STOP_WORDS
    assert word not in load_stopwords()


@pytest.mark.parametrize("word", ["the", "and", "was", "which", "because", "we"])
def test_stopwords_remove_function_words(word: str) -> None:
    assert word in load_stopwords()


def test_stopwords_are_sklearn_minus_kept_words() -> None:
    stop = load_stopwords()
    assert stop < ENGLISH_STOP_WORDS
    assert len(ENGLISH_STOP_WORDS - stop) == 32


@pytest.mark.parametrize("bad", [None, 3, b"bytes", ["a"]])
def test_tokenize_rejects_non_text(bad: object) -> None:
    with pytest.raises(TypeError, match="text must be str"):
        tokenize(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "max_seconds"),
    [
        ("a" * 5_000_000, 1.0),  # one 5 MB "word"
        ("!" * 1_000_000, 1.0),  # 1 MB of repeated punctuation
        ("!? " * 300_000, 2.0),
        ("ab-" * 1_000_000, 1.0),  # hyphen chain, the classic backtracking trap
        ("ab'" * 1_000_000, 1.0),
        ("leader culture blame. " * 50_000, 3.0),  # 1.1 MB single line of prose
    ],
)
def test_tokenize_is_linear_on_pathological_lines(text: str, max_seconds: float) -> None:
    start = time.perf_counter()
    tokenize(text, bigrams=True)
    assert time.perf_counter() - start < max_seconds
