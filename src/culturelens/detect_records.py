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


# A loose field line is short: "SN The Ledger of Commerce", not a paragraph's first words.
_LOOSE_MAX_WORDS = 8


class Field(NamedTuple):
    label: str  # lower case: "load-date", "wc", "publication title"
    value: str
    bare: bool = False  # a label alone, without a colon ("Body"): no evidence of a record


def record_field(ln: Line, *, loose: bool = False) -> Field | None:
    """The line's field label and value, if it is shaped as a database field.

    ``loose`` also takes the shapes of :data:`culturelens._patterns.RE_RECORD_FIELD_LOOSE`
    on a short line that is no sentence ("AN NHS trust has been ..." is prose).
    """
    raw = ln.raw.strip()
    match = P.RE_RECORD_FIELD.match(raw)
    if match is None and loose and ln.n_words <= _LOOSE_MAX_WORDS and not ln.sentence_end:
        match = P.RE_RECORD_FIELD_LOOSE.match(raw)
    if match is None:
        return None
    found = match.groupdict()
    if found["code"]:
        return Field(found["code"].lower(), (found["code_value"] or "").strip())
    bare = "value" not in found
    return Field(found["label"].strip().lower(), (found.get("value") or "").strip(), bare)


def detect_record_field(state: State, rule: ArtefactRule) -> None:
    """Remove a record's field lines, and a value wrapped onto the next raw line. Fields of
    the article's text (`body_fields`, such as Factiva's "LP" lead paragraph) stay when
    they have a value; headline, byline and date fields (`metadata_fields`) are left to the
    metadata rules."""
    body, meta = set(rule.param("body_fields", ())), set(rule.param("metadata_fields", ()))
    known = set(rule.param("fields", ())) | body | meta
    # every line counts as evidence, also those another rule took ("Subject:" as tags)
    parsed = ((i, record_field(ln, loose=True)) for i, ln in enumerate(state.lines))
    fields = {i: f for i, f in parsed if f is not None and f.label in known}
    if len({f.label for f in fields.values() if not f.bare}) < rule.param("min_fields", 4):
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
