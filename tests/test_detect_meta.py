"""Tests for culturelens.detect_meta: headline, labels above it, author bios."""

from __future__ import annotations

import pytest
from test_artefacts import PROSE, RULES, rule_of

from culturelens.clean import clean_document


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
    ("byline", "bio", "removed"),
    [
        ("By Tom Farrell", "Tom Farrell is news editor of the paper. He joined in 2011.", True),
        ("By Tom Farrell", "Tom Farrell, the union's secretary, said the vote was clear.", False),
        ("By Jane Doe", "Tom Farrell is news editor of the paper. He joined in 2011.", False),
    ],
)
def test_author_bio(byline: str, bio: str, removed: bool) -> None:
    doc = clean_document("\n\n".join(["Headline here", byline, *PROSE, bio]), rules=RULES)
    assert (rule_of(doc, bio) == "author_bio") is removed
