"""Tests for culturelens.unwrap: hard-wrapped text is joined into paragraphs before cleaning."""

from __future__ import annotations

import textwrap

import pytest
from test_artefacts import PROSE, RULES
from test_clean import _assert_no_silent_loss

from culturelens.clean import clean_document
from culturelens.unwrap import continues, join_pieces, join_plan, wrap_width

STORY = (
    "The trust said it would publish the findings of the review in full next month, after "
    "staff told inspectors that they had been afraid to report mistakes. Nurses described a "
    "culture in which errors were punished rather than studied, and in which managers asked "
    "who was to blame before they asked what had gone wrong. The chief executive, who joined "
    "last year, said the board accepted every recommendation and would report on progress "
    "each quarter, and that a new guardian would hear concerns in confidence."
)


def _wrapped(paragraphs: list[str], width: int) -> list[str]:
    """Lines of ``paragraphs`` wrapped at ``width``, a blank line between paragraphs."""
    return [line for p in paragraphs for line in [*textwrap.wrap(p, width), ""]]


@pytest.mark.parametrize(
    ("lines", "wrapped"),
    [
        (_wrapped([STORY, STORY], 72), True),
        (_wrapped([STORY, STORY], 50), True),
        ([STORY, *PROSE], False),  # one paragraph per line, as scraped
        (["Nurses say bullying is rife at struggling hospital trust"] * 10, False),  # headlines
        (_wrapped([STORY[:200]], 72), False),  # too few lines to tell
    ],
    ids=["width-72", "width-50", "scraped", "headline-list", "short"],
)
def test_wrap_width(lines: list[str], wrapped: bool) -> None:
    width = wrap_width([line for line in lines if line])
    assert (width > 0) is wrapped
    if wrapped:
        assert width <= max(map(len, lines))


@pytest.mark.parametrize(
    ("before", "line", "joined"),
    [
        ("The trust said it would publish the findings of the review in full", "next month.",
         True),
        ("staff told inspectors that they had been afraid to report mistakes. Nurses",
         "described a culture in which errors were punished.", True),
        ("A short last line.", "Next paragraph starts here", False),  # not full: the end
        ("The chief executive said the board accepted every recommendation today.",
         "The board will report each quarter.", False),  # between sentences: no need
        ("The institute recommended that the board and its committees act as follows:",
         "publish every review", False),  # a list follows
        ("The institute recommended that the board and its committees should now",
         "- publish every review", False),  # a list item
        ("The reporter who covered the hearing for the paper throughout the week was",
         "BY JOANNA PELL", False),  # a label in capitals
        # a page footer inside a paragraph (set 73): a last piece would end a sentence
        ("The guardian received 41 concerns in the quarter, most of them about the",
         "Page 7 of 22", False),
        # regression (sets 216, 217): after a full stop only a lower-case piece goes on; a
        # notice that opens with a symbol is a line of its own
        ("The inspector observed activities indoors and spoke to staff, parents.",
         "\u00a9 Children's Care Standards Office 2025. You may reuse this", False),
        # regression (set 121): a banner's buttons end it; the headline below is no piece
        ("you consent to our use of cookies on this website. [Accept] [Find out more]",
         "Tram drivers 'nodding off at the controls' after 13-hour shifts", False),
        # regression (set 233): a headline in capitals over its standfirst; a code in
        # capitals may be a piece
        ("BRIDGE EXAMINERS \u2018TOLD TO SIGN OFF\u2019 DEFECTS THEY NEVER SAW",
         "Members speak out over inspection targets on regional highways contract", False),
        # regression (set 235): a note in brackets heads the text below it
        ("(Hardship Fund, continued from page 3, by the Welfare Secretary)",
         "The Committee would also like to remind members that the Association", False),
        ("(as the review found) managers did not pass the concerns to the board, and",
         "the chair was never told.", True),
        # regression (set 240): a footer wider than the wrap, set in a paragraph's page break
        ("We have listened carefully to our staff, many of whom told us that dealing",
         "Horizon Learning Partnership is a charitable company limited by guarantee, "
         "registered in England and Wales", False),
    ],
)  # fmt: skip
def test_continues(before: str, line: str, joined: bool) -> None:
    assert continues(before, line, width=76) is joined


def test_nothing_continues_when_the_text_is_not_wrapped() -> None:
    assert not continues(STORY[:72], "next month.", width=0)


@pytest.mark.parametrize(
    ("before", "line", "text"),
    [
        ("the findings of the", "review", "the findings of the review"),
        ("a wholly-", "owned subsidiary", "a wholly-owned subsidiary"),  # broken at a hyphen
        ("figures for 2019 -", "2020", "figures for 2019 - 2020"),
    ],
)
def test_join_pieces(before: str, line: str, text: str) -> None:
    assert join_pieces(before, line) == text


def test_join_plan_keeps_menus_and_blank_lines_apart() -> None:
    lines = _wrapped([STORY], 72)[:-1]
    n = len(lines)
    texts = [*lines, "Home  |  News  |  Health  |  Politics  |  Business  |  Sport  |  Weather"]
    plan = join_plan(texts, texts, list(range(1, n + 2)))
    assert plan[0] == list(range(n))  # the story is one paragraph
    assert plan[1:] == [[n]]  # the menu line stays a line of its own


@pytest.mark.parametrize(
    ("raws", "plan"),
    [
        # regression (set 212): a bullet broken at a PDF's width, its indented end however
        # short, in a document too short to measure a width
        (["\u2022 check liver function tests before starting",
          "  velarozole and monitor every 2 weeks for the first 2 months,", "  then monthly",
          "\u2022 stop velarozole if ALT rises"], [[0, 1, 2], [3]]),
        # ... but not after a full stop, nor a line that is not indented, nor one below prose
        (["\u2022 check liver function tests.", "  then monthly"], [[0], [1]]),
        (["\u2022 check liver function tests", "then monthly"], [[0], [1]]),
        (["Check liver function tests", "  then monthly"], [[0], [1]]),
    ],
)  # fmt: skip
def test_join_plan_joins_a_bullets_hanging_lines(raws: list[str], plan: list[list[int]]) -> None:
    texts = [raw.strip().lstrip("\u2022 ") for raw in raws]
    assert join_plan(texts, raws, list(range(1, len(raws) + 1))) == plan


def test_join_plan_keeps_table_rows_apart() -> None:
    # a cover sheet's fields (set 73): a value spaced from its field is a column, not prose
    story = textwrap.wrap(STORY, 80)
    fields = [
        "Previously considered:  People and Culture Committee, 18 June 2024, and the board",
        "Strategic objective:    SO2 A great place to work; SO4 Safe, kind care for all",
    ]
    texts = [*story, *fields]
    n = len(story)
    assert join_plan(texts, texts, list(range(1, n + 3)))[-2:] == [[n], [n + 1]]


def test_wrapped_document_is_cleaned_as_paragraphs() -> None:
    # regression (BBC articles wrapped at 72 columns, 2026-11): pieces of sentences were taken
    # for headlines and links (2.2% of words removed) and 7% of sentences came out whole
    lines = ["Trust accepts review of its culture", "", *_wrapped([STORY, STORY], 72)]
    lines += ["Sign up to our daily newsletter for the latest health news", ""]
    text = "\n".join(lines)
    doc = clean_document(text, rules=RULES)
    assert [p.text for p in doc.paragraphs] == [STORY, STORY]
    n = len(textwrap.wrap(STORY, 72))
    assert [p.n_lines for p in doc.paragraphs] == [n, n]
    assert doc.n_lines == len([line for line in lines if line])
    _assert_no_silent_loss(text)


def test_removed_wrapped_paragraph_has_a_row_per_raw_line() -> None:
    promo = (
        "Sign up to our daily newsletter for the latest health news, delivered free to your "
        "inbox every morning before seven, with the day's top stories from across the NHS"
    )
    lines = _wrapped([STORY, promo, STORY], 60)
    doc = clean_document("\n".join(lines), rules=RULES)
    pieces = textwrap.wrap(promo, 60)
    rows = [(r.rule, r.text) for r in doc.removed]
    assert rows == [("newsletter_cta", piece) for piece in pieces]
