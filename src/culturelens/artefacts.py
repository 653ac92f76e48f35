"""Structural artefact detectors: a line's shape and its position among its neighbours.

Explicit rules (``culturelens.clean``) know wordings; the detectors know forms, so they
catch artefact wordings nobody has seen: headlines, bylines and dates at the edges of a
document (:mod:`culturelens.detect_meta`), runs of headline-shaped lines and UI residue
(:mod:`culturelens.detect_blocks`), lines repeated within a document or across a corpus
(:mod:`culturelens.detect_repeats`), a news database's record fields
(:mod:`culturelens.detect_records`). Each detector takes the per-document :class:`State`
and its rule (for ``name`` and ``param``) and marks lines as removed; none of them ever
deletes text silently. A structural rule names its detector by a key of
:data:`DETECTOR_FUNCS`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from culturelens import detect_blocks as B
from culturelens import detect_meta as M
from culturelens import detect_records as R
from culturelens import detect_repeats as D
from culturelens.clean_state import HEADLINE_MAX_WORDS, Line, State, line_fingerprint

if TYPE_CHECKING:
    from culturelens.clean_rules import ArtefactRule

__all__ = ["DETECTORS", "DETECTOR_FUNCS", "HEADLINE_MAX_WORDS", "Line", "State", "line_fingerprint"]

# The order here is only the documentation order; rules run in the order of the rules file.
DETECTOR_FUNCS: dict[str, Callable[[State, ArtefactRule], None]] = {
    "page_title": M.detect_page_title,
    "section_label": M.detect_section_label,
    "title": M.detect_title,
    "header_furniture": M.detect_header_furniture,
    "date": M.detect_date,
    "byline": M.detect_byline,
    "call_to_action": B.detect_call_to_action,
    "link_line": B.detect_link_line,
    "code_chrome": B.detect_code_chrome,
    "truncated_line": B.detect_truncated_line,
    "headline_block": B.detect_headline_block,
    "menu_run": B.detect_menu_run,
    "document_tail": B.detect_document_tail,
    "residue": B.detect_residue,
    "repeated_line": D.detect_repeated_line,
    "boilerplate": D.detect_boilerplate,
    "author_bio": M.detect_author_bio,
    "comment_thread": B.detect_comment_thread,
    "next_article": M.detect_next_article,
    "ui_fragment": B.detect_ui_fragment,
    "sentence_footer": B.detect_sentence_footer,
    "after_article": B.detect_after_article,
    "enclosed": B.detect_enclosed,
    "page_layout": B.detect_page_layout,
    "record_field": R.detect_record_field,
}
DETECTORS = tuple(DETECTOR_FUNCS)
