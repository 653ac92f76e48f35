"""Tests for culturelens.clean_state: line fingerprints, adjacency, hard-wrapped lines and the
article's main block."""

from __future__ import annotations

import pytest

from culturelens.clean import apply_rules, load_rules
from culturelens.clean_state import line_fingerprint, wrapped

RULES = load_rules()


@pytest.mark.parametrize(
    ("text", "key"),
    [("Share this:", "share this"), ("SHARE  THIS", "share this"), ("— 48 —", "48"), ("", "")],
)
def test_line_fingerprint(text: str, key: str) -> None:
    assert line_fingerprint(text) == key


@pytest.mark.parametrize(
    ("i", "j", "expected"),
    [(0, 1, True), (1, 2, False), (0, 2, False), (2, 1, False)],  # a blank line between 1 and 2
)
def test_adjacent(i: int, j: int, expected: bool) -> None:
    state, _ = apply_rules("First line here\nSecond line here\n\nThird line here", rules=())
    assert state.adjacent(i, j) is expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # set 40: a PDF dump breaks paragraphs at the column width
        (["Drivers in Riverton start at $19.40 an hour, compared with", "$22.15 nearby."], True),
        (["$22.15 in neighboring Calder County, Pruitt said. The district", "has offered."], True),
        (["The board has offered a signing bonus since August but", "hired six."], True),
        (["The board has offered a signing bonus since August", "but has hired six."], True),
        # headlines end in content words, or capitalised ("Series A")
        (["Sunderland software firm lands £4m Series A", "Next story"], False),
        (["Rain halts play for three hours as covers stay on", "Other news"], False),
        (["Nurses strike over pay in three hospitals", "by Jane Doe"], False),
        (["The esports layoff tracker: every cut in 2024", "business · workplace"], False),
        (["Short line, with", "and more"], False),  # under six words: a label
        (["The board has offered a signing bonus since August but", "", "x"], True),
        # regression (real pages, 2026-11): an HTML page puts a blank line after every line,
        # so pieces of its broken paragraphs were taken for headline lists
        (["The board has offered a signing bonus since August", "", "but has hired six."], True),
        (["Pay rises agreed for hospital porters", "", "Read more"], False),
    ],
)  # fmt: skip
def test_wrapped(lines: list[str], expected: bool) -> None:
    state, _ = apply_rules("\n".join(lines), rules=())
    assert wrapped(state, 0) is expected


LONG = (
    "The district attorney dropped the charges within a week of taking office, and the victims"
    " were told by letter, which several of them said they found out about from the newspaper."
)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # the article's prose, then furniture: the block ends at the last paragraph
        ([LONG, LONG, "Share", "Print", "Email", "Follow us", "A form's short sentence."], (0, 1)),
        # short lines a rule took between long paragraphs do not split a letters page (real
        # page, 2026-11: the block was one letter and the rest was lost)
        ([LONG, "Share", "Print", LONG, "Share", "Print", LONG], (0, 6)),
        # a lone teaser sentence after the furniture is outweighed by it
        ([LONG, "Share", "Print", "Email", "Follow us", LONG], (0, 0)),
        (["Share", "Print"], (2, -1)),  # no prose: the prose bounds' empty span
    ],
)
def test_main_block(lines: list[str], expected: tuple[int, int]) -> None:
    state, _ = apply_rules("\n\n".join(lines), rules=RULES)
    assert state.main_block() == expected
