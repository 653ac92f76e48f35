"""Tests for culturelens.lexicon: loading, validation, tokenisation and matching."""

from __future__ import annotations

import hashlib
from importlib import resources

import pytest

from culturelens.lexicon import find_matches, load_lexicon, parse_lexicon, tokenise

HEADER = "# version: 9.9\nterm,category,weight,sense,notes\n"


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def test_packaged_lexicon_has_version_and_file_sha(lex):
    raw = (resources.files("culturelens") / "data" / "lexicon.csv").read_bytes()
    assert lex.version == "1.2.0"
    assert lex.sha256 == hashlib.sha256(raw).hexdigest()


@pytest.mark.parametrize(
    ("body", "match"),
    [
        ("blame,blame,abc,,\n", r"data row 1, column 'weight'"),
        ("blame,anger,1.0,,\n", r"data row 1, column 'category'"),
        ("blame,blame,1.0,no_such_rule,\n", r"column 'sense'"),
        ("blame,blame,5.0,,\n", r"outside \(0, 3\]"),
        ("* blame,blame,1.0,,\n", r"no '\*' at either end"),
        ("blame,blame,1.0,,\nblamed,blame,1.0,,\n", r"data row 2: duplicate term"),
        ("not,negator,1.0,,\n", r"no blame or support terms"),
    ],
)
def test_invalid_rows_name_row_column_and_fix(body, match):
    with pytest.raises(ValueError, match=match):
        parse_lexicon(HEADER + body, source="bad.csv")


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("term,category,weight,sense,notes\nblame,blame,1,,\n", r"no '# version: X'"),
        ("# version: 1\nterm,cat\nblame,blame\n", r"header"),
    ],
)
def test_invalid_files(text, match):
    with pytest.raises(ValueError, match=match):
        parse_lexicon(text)


def test_missing_path_is_value_error(tmp_path):
    with pytest.raises(ValueError, match="is not a file"):
        load_lexicon(tmp_path / "nope.csv")


def test_replacement_lexicon_from_path(tmp_path):
    p = tmp_path / "mini.csv"
    p.write_text(HEADER + "scold,blame,1.0,,\n", encoding="utf-8")
    lex = load_lexicon(p)
    assert (lex.version, [e.term for e in lex.entries]) == ("9.9", ["scold"])


@pytest.mark.parametrize(
    ("text", "lemmas"),
    [
        ("Staff weren't bullied", ["staff", "be", "not", "bully"]),
        ("a no-blame culture", ["a", "no", "blame", "culture"]),
        ("the board's cover-up", ["the", "board", "cover", "up"]),
        ("“learn not blame”", ["learn", "not", "blame"]),
    ],
)
def test_tokenise_lemmas(text, lemmas):
    assert [t.lemma for t in tokenise(text)] == lemmas


def test_tokenise_caps_tokens_on_huge_input():
    assert len(tokenise("word " * 1_000_000)) == 400


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("They held the chief executive responsible", ["hold * responsible"]),
        ("a blame culture", ["blame culture"]),
        ("He lost his job", ["lose his job"]),
        ("We need fewer sackings", ["sackings"]),
    ],
)
def test_find_matches_longest_and_gaps(lex, text, terms):
    assert [m.entry.term for m in find_matches(tokenise(text), lex, family="evidence")] == terms


def test_surface_key_does_not_match_lemma(lex):
    found = find_matches(tokenise("fire a few people"), lex, family="negator")
    negs = [m.entry.term for m in found]
    assert "=fewer" not in negs
