"""Sense rules: each rule keeps the construct's sense and drops the others with a reason."""

from __future__ import annotations

import pytest

from culturelens.lexicon import SENSES, find_matches, load_lexicon, tokenise
from culturelens.scoring import _clauses
from culturelens.senses import SENSE_RULES, SenseContext


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def _reasons(lex, text):
    """(term text, reason) for every evidence match in ``text``."""
    tokens = tokenise(text)
    ctx = SenseContext(tokens, _clauses(tokens, lex), lex)
    ctx.evidence.extend(find_matches(tokens, lex, family="evidence"))
    out = []
    for m in ctx.evidence:
        rule = SENSE_RULES.get(m.entry.sense)
        out.append((" ".join(t.low for t in tokens[m.start : m.end]), rule(ctx, m) if rule else ""))
    return out


def test_lexicon_names_exactly_the_implemented_rules(lex):
    assert set(SENSES) - {""} == set(SENSE_RULES)
    assert {e.sense for e in lex.entries} <= set(SENSES)


@pytest.mark.parametrize(
    ("text", "term", "reason"),
    [
        ("The charity helped families on low incomes.", "helped", ""),
        ("The goal helped United to a win.", "helped", "thing|no person|instrumental"),
        ("The film helped launch his career.", "helped", "no person"),
        ("Websites help people swap films.", "help", "task"),
        ("The scheme helps apprentices find jobs.", "helps", ""),
        ("Profits were helped by demand.", "helped", "passive"),
        ("The union will protect members from abuse.", "protect", ""),
        ("The drug protects patients against infection.", "protects", "disease"),
        ("The firm will protect margins.", "protect", "thing"),
        ("The coach encouraged her to try again.", "encouraged", ""),
        ("The shop encourages people to buy more.", "encourages", "task"),
        ("MPs voted to support the motion.", "support", "endorsement|voters"),
        ("The plan was supported by economists.", "supported", "passive"),
        ("There was no support for staff.", "support", ""),
        ("The outage was blamed on a faulty update.", "blamed", "thing"),
        ("The outage was blamed on the engineers.", "blamed", ""),
        ("The show was criticised for its ending.", "criticised", "thing"),
        ("The accused was remanded.", "accused", "defendant"),
        ("Investors punished the stock.", "punished", "thing"),
        ("The lab is training its AI model.", "training", "machine"),
        ("He missed training.", "training", "plain activity"),
        ("She was sacked for speaking out.", "speaking out", "punished"),
        ("Staff can speak out.", "speak out", ""),
        ("The board backed the plan.", "backed", "backing"),
        ("The board backed the manager.", "backed", ""),
        ("The charity helps victims of domestic abuse.", "abuse", "topic"),
    ],
)
def test_sense_rule_keeps_or_drops(lex, text, term, reason):
    got = dict(_reasons(lex, text))
    assert term in got, f"{term!r} not matched in {text!r}: {got}"
    if reason:
        assert any(part in got[term] for part in reason.split("|")), got[term]
    else:
        assert got[term] == "", got[term]


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The charity helped Mr Patel after the fire.", "Patel", True),  # title
        ("Voters backed Keir Starmer in the north.", "Keir", True),  # two-word name
        ("Postal votes helped the SNP hold the seat.", "SNP", False),  # lone acronym
        ("The bypass will help Kendal cope with traffic.", "Kendal", False),  # place
        ("The club supported its players.", "players", True),  # person noun
        ("Monday Night Football returns.", "Night", True),  # caps pair: a name cue
    ],
)
def test_is_person_needs_a_cue_for_capitalised_words(lex, text, word, expected):
    tokens = tokenise(text)
    ctx = SenseContext(tokens, _clauses(tokens, lex), lex)
    tok = next(t for t in tokens if t.text == word)
    assert ctx.is_person(tok) is expected
