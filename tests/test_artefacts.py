"""Tests for culturelens.artefacts: form-based detectors, one table per detector."""

from __future__ import annotations

import pytest

from culturelens.artefacts import DETECTORS, line_fingerprint
from culturelens.clean import clean_document, load_rules

RULES = load_rules()
PROSE = [
    "The council said the new scheme would start in the spring, subject to funding approval.",
    "Opposition members said they would scrutinise the costs closely before the final vote.",
    "The report found that staff who raised concerns were often ignored by senior managers.",
]


def _removed(text: str) -> dict[str, str]:
    doc = clean_document(text, rules=RULES)
    return {r.text: r.rule for r in doc.removed}


@pytest.mark.parametrize(
    ("line", "removed"),
    [
        ("48", True),
        ("1.2k", True),
        ("15:42", True),
        ("1 of 12", True),
        ("1 / 12", True),
        ("Page 14 of 38", True),
        ("Updated 3 hours ago", True),
        ("78,000", False),  # an attendance figure
        ("Saturday, 26 February", False),  # a match preview's date
    ],
)
def test_residue_between_prose(line: str, removed: bool) -> None:
    assert (line in _removed("\n\n".join([PROSE[0], line, PROSE[1]]))) is removed


@pytest.mark.parametrize(
    ("lines", "removed"),
    [
        (["Annual Report 2023", PROSE[0], "Annual Report 2023", PROSE[1]], 2),  # page header
        (["Northshire Health Board", PROSE[0], "Northshire Health Board", PROSE[1]], 2),
        (["Winners meet in final match", PROSE[0], "Winners meet in final match"], 0),
        (
            [
                PROSE[0],
                '"Staff who raised concerns were often ignored by senior managers"',
                PROSE[2],
            ],
            1,
        ),  # a pull quote repeating the body
        (['"Freedom to speak up"', "The Freedom to speak up guardian said so.", PROSE[1]], 0),
    ],
)
def test_repeated_lines(lines: list[str], removed: int) -> None:
    doc = clean_document("\n\n".join(["A headline about something", *lines]), rules=RULES)
    assert sum(r.rule == "repeated_line" for r in doc.removed) == removed


@pytest.mark.parametrize(
    ("head", "title", "removed_rules"),
    [
        (
            ["We value your privacy", "Wharfedale & Aire Valley News",
             "Parents angry as village primary faces merger", "By Rebecca Haigh"],
            "Parents angry as village primary faces merger",
            {"section_label", "metadata_byline"},
        ),
        (
            ["Metro", "A city bet on a four-day week. Here's what happened.", "By Marisa Ortega"],
            "A city bet on a four-day week. Here's what happened.",
            {"section_label", "metadata_byline"},
        ),
        (
            ["Nobody tells you how lonely management is", "Notes from my first year", "Priya Raman",
             "Mar 11"],
            "Nobody tells you how lonely management is",
            {"metadata_byline", "ui_residue"},
        ),
        (["Could Yukos be a blessing?"], "Could Yukos be a blessing?", set()),
        (["Rivals of the £400 Apple..."], "Rivals of the £400 Apple...", set()),
        (["Blackburn v Arsenal", "Ewood Park"], "Blackburn v Arsenal", set()),
    ],
)  # fmt: skip
def test_headline_and_labels_above_it(head: list[str], title: str, removed_rules: set) -> None:
    doc = clean_document("\n".join([*head, "", *PROSE]), rules=RULES)
    assert doc.title == title
    rules = {r.rule for r in doc.removed} - {"metadata_title", "cookie_notice"}
    assert rules == removed_rules
    assert len(doc.paragraphs) >= len(PROSE) + len(head) - len(doc.removed) - 1


@pytest.mark.parametrize(
    ("tail", "n_removed"),
    [
        (["12 comments", "Bookworm62", "3 hours ago", "Brilliant news, well done everyone.",
          "Reply"], 5),
        (["Comments (3)", "A reader wrote that the council should do better next time."], 2),
    ],
)  # fmt: skip
def test_comment_thread_after_the_article(tail: list[str], n_removed: int) -> None:
    doc = clean_document("\n\n".join(["Headline here", *PROSE, *tail]), rules=RULES)
    assert sum(r.line_no > 4 for r in doc.removed) == n_removed
    rules = {r.rule for r in doc.removed[1:]}
    assert rules <= {"comment_thread", "engagement_prompt", "ui_residue", "navigation"}


def test_comment_header_at_the_top_does_not_cut_the_article() -> None:
    doc = clean_document("\n\n".join(["Headline here", "12 comments", *PROSE]), rules=RULES)
    assert [p.text for p in doc.paragraphs] == PROSE


@pytest.mark.parametrize(
    ("byline", "bio", "removed"),
    [
        ("By Tom Farrell", "Tom Farrell is news editor of the paper. He joined in 2011.", True),
        ("By Tom Farrell", "Tom Farrell, the union's secretary, said the vote was clear.", False),
        ("By Jane Doe", "Tom Farrell is news editor of the paper. He joined in 2011.", False),
    ],
)
def test_author_bio(byline: str, bio: str, removed: bool) -> None:
    doc = clean_document("\n\n".join(["Headline here", byline, *PROSE, bio]), rules=RULES)
    assert (_removed_rule(doc, bio) == "author_bio") is removed


def _removed_rule(doc, text: str) -> str | None:
    return next((r.rule for r in doc.removed if r.text == text), None)


@pytest.mark.parametrize(
    ("tail", "kept"),
    [
        (["Was this page useful?", "Yes", "No", "Page last reviewed: 15 March 2024"], []),
        # a run longer than max_run (3) is left alone
        (["Was this page useful?", "Yes", "No", "Maybe", "Not sure", "Page last reviewed"],
         ["Yes", "No", "Maybe", "Not sure", "Page last reviewed"]),
        (["Referee: Anthony Taylor"], ["Referee: Anthony Taylor"]),
        (["The plan has three parts:", "Money", "People", "Buildings"],
         ["The plan has three parts:", "Money", "People", "Buildings"]),
    ],
)  # fmt: skip
def test_ui_fragments_between_artefacts(tail: list[str], kept: list[str]) -> None:
    doc = clean_document("\n".join(["Headline here", *PROSE, *tail]), rules=RULES)
    assert [p.text for p in doc.paragraphs] == [*PROSE, *kept]


def test_data_list_with_figures_is_kept() -> None:
    table = ["Table 3.1: Feeling safe to report", "Medical 70%", "Nursing and midwifery 59%",
             "Allied health professions 63%"]  # fmt: skip
    doc = clean_document("\n".join(["Headline", PROSE[0], *table, PROSE[1]]), rules=RULES)
    assert [p.text for p in doc.paragraphs] == [PROSE[0], *table, PROSE[1]]


@pytest.mark.parametrize(
    ("text", "key"),
    [("Share this:", "share this"), ("SHARE  THIS", "share this"), ("— 48 —", "48"), ("", "")],
)
def test_line_fingerprint(text: str, key: str) -> None:
    assert line_fingerprint(text) == key


def test_boilerplate_option() -> None:
    blurb = "Honest writing about work, teams and leading from the middle."
    text = "\n\n".join(["Headline here", *PROSE, blurb])
    assert blurb in clean_document(text, rules=RULES).text
    doc = clean_document(text, rules=RULES, boilerplate=frozenset({line_fingerprint(blurb)}))
    assert _removed_rule(doc, blurb) == "boilerplate"
    with pytest.raises(TypeError, match="boilerplate must be a set"):
        clean_document(text, rules=RULES, boilerplate=[blurb])  # type: ignore[arg-type]


def test_every_detector_has_a_packaged_rule() -> None:
    used = {r.detector for r in RULES if r.kind == "structural"}
    assert used == set(DETECTORS)
