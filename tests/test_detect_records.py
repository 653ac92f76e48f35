"""Tests for culturelens.detect_records: a news database's record fields."""

from __future__ import annotations

import pytest
from test_artefacts import PROSE, RULES, rule_of

from culturelens.clean import clean_document
from culturelens.clean_state import Line
from culturelens.detect_records import Field, record_field

LEXIS_HEAD = [
    "4 of 27 DOCUMENTS",
    "The Northern Chronicle (London)",
    "March 12, 2024 Tuesday",
    "SECTION: NEWS; Pg. 11",
    "LENGTH: 871 words",
    "HEADLINE: Surgeons too frightened to speak up at hospital trust",
    "BYLINE: Hannah Okafor, Health Correspondent",
    "BODY:",
]
LEXIS_FOOT = ["LOAD-DATE: March 12, 2024", "LANGUAGE: ENGLISH", "PUBLICATION-TYPE: Newspaper"]


def _line(raw: str) -> Line:
    return Line(1, raw, raw.strip(), False, len(raw.split()), raw.rstrip().endswith("."))


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ("LOAD-DATE: March 12, 2024", Field("load-date", "March 12, 2024")),
        ("BODY:", Field("body", "")),
        ("Publication title: The Tribune; Port Alden, Mich.",
         Field("publication title", "The Tribune; Port Alden, Mich.")),
        ("WC   748 words", Field("wc", "748 words")),
        ("CO   fenhal : Fenwick & Hale PLC", Field("co", "fenhal : Fenwick & Hale PLC")),
        ("   LENGTH: 871 words", Field("length", "871 words")),
        ("WC 748 words", None),  # a code needs the spaces a record sets it apart with
        ("LP", None),
        ("The council said: no.", Field("the council said", "no.")),  # shaped; not listed
        (PROSE[0], None),
    ],
)  # fmt: skip
def test_record_field(raw: str, field: Field | None) -> None:
    assert record_field(_line(raw)) == field


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ("WC 748 words", Field("wc", "748 words")),
        ("LP", Field("lp", "")),
        ("Body", Field("body", "", bare=True)),
        ("Full Text", Field("full text", "", bare=True)),
        ("WC   748 words", Field("wc", "748 words")),  # the strict shapes too
        ("AN NHS trust has been told to improve its culture.", None),  # a sentence
        ("AN NHS trust has been told to improve the culture on its wards", None),  # long
    ],
)
def test_record_field_inside_a_record(raw: str, field: Field | None) -> None:
    assert record_field(_line(raw), loose=True) == field


def test_lexis_record() -> None:
    doc = clean_document("\n\n".join([*LEXIS_HEAD, *PROSE, *LEXIS_FOOT]), rules=RULES)
    assert doc.title == "Surgeons too frightened to speak up at hospital trust"
    for line in ["SECTION: NEWS; Pg. 11", "LENGTH: 871 words", "BODY:", *LEXIS_FOOT]:
        assert rule_of(doc, line) == "record_field", line
    assert rule_of(doc, LEXIS_HEAD[5]) == "metadata_title"
    assert rule_of(doc, LEXIS_HEAD[6]) == "metadata_byline"
    assert all(rule_of(doc, line) is None for line in PROSE)


@pytest.mark.parametrize(
    ("lines", "removed"),
    [
        # Factiva: the lead paragraph and text fields are the article's
        (["HD   Grocer cuts outlook as wage bill bites", "WC   748 words", "PD   4 June 2024",
          "SN   The Financial Ledger", "LA   English", f"LP   {PROSE[0]}", f"TD   {PROSE[1]}"],
         ["WC   748 words", "SN   The Financial Ledger", "LA   English"]),
        # a value wrapped onto the next line goes with its field, also when another rule took
        # the field (tags_categories); a capitalised line stays
        ([PROSE[0], "Subject: Whistleblowing; Retaliation; School", "districts; Teachers",
          "Word count: 812", "Publisher: Lakeshore Media Co.", "Source type: Newspapers",
          "Lakeview 5, Elm Prairie 3."],
         ["districts; Teachers", "Word count: 812", "Publisher: Lakeshore Media Co.",
          "Source type: Newspapers"]),
        # codes set apart by one space or alone count, and a label alone goes with a record
        (["HD Bank staff 'afraid to speak up'", "WC 774 words", "PD 11 February 2025",
          "SN The Ledger of Commerce", "SC LEDCOM", "LA   English", "LP", PROSE[0], "TD",
          PROSE[1], "AN NHS trust has been told to improve its culture."],
         ["WC 774 words", "SN The Ledger of Commerce", "SC LEDCOM", "LA   English", "LP",
          "TD"]),
        (["Length: 861 words", "Section: NEWS; Pg. 7", "Byline: Imogen Tasker", "Body",
          PROSE[0], "Retaliation fears", PROSE[1], "Load-Date: March 19, 2025"],
         ["Length: 861 words", "Section: NEWS; Pg. 7", "Body", "Load-Date: March 19, 2025"]),
        (["WC 774 words", "SN The Ledger", "SC LEDCOM", "Body", PROSE[0]], []),  # three codes
        # fewer than four different fields: an ordinary article's "Source:" line is not a record
        ([PROSE[0], "Source: Office for National Statistics", PROSE[1], "Section: News"], []),
    ],
)  # fmt: skip
def test_record_fields(lines: list[str], removed: list[str]) -> None:
    doc = clean_document("\n".join(lines), rules=RULES)
    assert sorted(r.text for r in doc.removed if r.rule == "record_field") == sorted(removed)
