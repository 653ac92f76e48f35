"""News-database records: the labelled fields a database prints round an exported article.

LexisNexis, Factiva, ProQuest and NewsBank export each article with fields from their own
schema ("LENGTH: 871 words", "LOAD-DATE: March 12, 2024", "WC   748 words", "Publication
title: The Tribune"). The labels are fixed, so the rule lists them; a document counts as a
record only when several different ones occur, so a lone "Source:" or "Section:" line in an
ordinary article is left to the other rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from culturelens import _patterns as P

if TYPE_CHECKING:
    from culturelens.clean_rules import ArtefactRule
    from culturelens.clean_state import Line, State


class Field(NamedTuple):
    label: str  # lower case: "load-date", "wc", "publication title"
    value: str


def record_field(ln: Line) -> Field | None:
    """The line's field label and value, if it is shaped as a database field."""
    match = P.RE_RECORD_FIELD.match(ln.raw.strip())
    if match is None:
        return None
    if match["code"]:
        return Field(match["code"].lower(), match["code_value"].strip())
    return Field(match["label"].strip().lower(), (match["value"] or "").strip())


def detect_record_field(state: State, rule: ArtefactRule) -> None:
    """Remove a record's field lines, and a value wrapped onto the next raw line. Fields of
    the article's text (`body_fields`, such as Factiva's "LP" lead paragraph) stay when
    they have a value; headline, byline and date fields (`metadata_fields`) are left to the
    metadata rules."""
    body, meta = set(rule.param("body_fields", ())), set(rule.param("metadata_fields", ()))
    known = set(rule.param("fields", ())) | body | meta
    # every line counts as evidence, also those another rule took ("Subject:" as tags)
    parsed = ((i, record_field(ln)) for i, ln in enumerate(state.lines))
    fields = {i: f for i, f in parsed if f is not None and f.label in known}
    if len({f.label for f in fields.values()}) < rule.param("min_fields", 4):
        return
    for i, field in fields.items():
        if field.label in meta or (field.label in body and field.value):
            continue
        state.remove(i, rule)  # a line another rule took keeps that rule's name
        # "Subject: Whistleblowing; School" over "districts; Teachers"
        j = i + 1
        below = j < len(state.lines) and state.adjacent(i, j) and j not in fields
        if below and state.lines[j].text[:1].islower():
            state.remove(j, rule)
