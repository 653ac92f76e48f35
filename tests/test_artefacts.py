"""Tests for culturelens.artefacts: the detector registry; shared cases for the detector tests."""

from __future__ import annotations

from culturelens.artefacts import DETECTORS
from culturelens.clean import CleanDocument, clean_document, load_rules

RULES = load_rules()
PROSE = [
    "The council said the new scheme would start in the spring, subject to funding approval.",
    "Opposition members said they would scrutinise the costs closely before the final vote.",
    "The report found that staff who raised concerns were often ignored by senior managers.",
]


def removed_rules(text: str) -> dict[str, str]:
    """Removed line text -> rule name, for a document cleaned with the packaged rules."""
    doc = clean_document(text, rules=RULES)
    return {r.text: r.rule for r in doc.removed}


def rule_of(doc: CleanDocument, text: str) -> str | None:
    """The rule that removed the line ``text`` from ``doc`` (None: kept)."""
    return next((r.rule for r in doc.removed if r.text == text), None)


def test_every_detector_has_a_packaged_rule() -> None:
    used = {r.detector for r in RULES if r.kind == "structural"}
    assert used == set(DETECTORS)
