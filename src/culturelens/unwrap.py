"""Hard-wrapped text: a document saved with a line break every 40-100 characters.

Text copied from a PDF, an e-mail or a plain-text archive breaks each paragraph into lines
of nearly equal width. Every rule of the cleaner judges a line as a unit, and a piece of a
sentence looks like a headline or a link; the sentence splitter would cut sentences at the
breaks. So the cleaner joins the pieces of each paragraph first (:func:`join_plan`), and
every raw line keeps its own row in the audit trail.
"""

from __future__ import annotations

from collections.abc import Sequence

from culturelens import _patterns as P

# A line is a piece of a wrapped paragraph when it fills this share of the wrap width, and
# no more than this multiple of it (wrapping never makes a line longer than the width).
FULL_SHARE, OVER_SHARE = 0.7, 1.1
# Widths a text is wrapped at: e-mail and archives use 65-80 columns, PDF columns 40-100.
MIN_WIDTH, MAX_WIDTH = 40, 100
# Fewer lines of four words or more than this: too little evidence to call a text wrapped.
MIN_LINES = 6


def wrap_width(texts: Sequence[str]) -> int:
    """The width a document is hard-wrapped at, in characters (0: it is not wrapped).

    A document is wrapped when most of its lines of four words or more fill the width (the
    90th percentile of their lengths, between 40 and 100 characters), and many of the full
    lines run on into a next line that starts in lower case (a sentence broken in two). A
    list of headlines, whose next line starts with a capital, is not.
    """
    lengths = sorted(len(t) for t in texts if len(t.split()) >= 4)
    if len(lengths) < MIN_LINES:
        return 0
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        return 0
    full = [i for i, t in enumerate(texts[:-1]) if len(t) >= FULL_SHARE * width]
    if len(full) < MIN_LINES or len(full) < 0.5 * len(lengths):
        return 0
    runs_on = sum(texts[i + 1][:1].islower() for i in full)
    return width if runs_on >= 0.3 * len(full) else 0


def continues(before: str, line: str, *, width: int) -> bool:
    """Does ``line`` go on the paragraph that ``before`` (the line above it) is a piece of?

    Only in a wrapped document (``width`` > 0): ``before`` fills the width, so the writer's
    line did not end there, and is no headline in capitals nor a note in brackets; ``line``
    is not a new list item, nor a label in capitals ("BY JOANNA PELL"), nor wider than the
    wrap. Both are normalised lines; menus are told apart in :func:`join_plan`, which sees
    the raw spacing.
    """
    full = width and FULL_SHARE * width <= len(before) <= OVER_SHARE * width
    if not full or before.endswith(":") or line.isupper():
        return False
    # a headline in capitals over its standfirst (a code, "PGP: 4F2A 91C0", is no headline);
    # a note in brackets ("(Hardship Fund, continued from page 3)") over the text it heads
    headline = before.isupper() and not any(c.isdigit() for c in before)
    if headline or (before.startswith("(") and before.endswith(")")):
        return False
    if (P.RE_SENTENCE_END.search(before) or before.endswith("]")) and not line[:1].islower():
        # perhaps a new paragraph; a cut between sentences loses nothing, and a button
        # ("[Accept] [Find out more]") ends a banner above the headline
        return False
    if len(line) < FULL_SHARE * width and not P.RE_SENTENCE_END.search(line):
        return False  # a paragraph's last piece ends a sentence; "Page 7 of 22" does not
    if len(line) > OVER_SHARE * width:
        return False  # no piece is wider than the wrap: a footer set in a paragraph's break
    return not (P.RE_BULLET.match(line) or P.RE_NUMBERED.match(line))


def join_pieces(before: str, line: str) -> str:
    """Two pieces of a paragraph as one; a word broken at a hyphen is rejoined."""
    if before.endswith("-") and before[-2:-1].isalpha() and line[:1].islower():
        return before + line
    return f"{before} {line}"


def _columns(raw: str) -> bool:
    """Items spaced apart on a raw line: a menu, a table row, a form's field and value."""
    return bool(P.RE_SPACED_ITEMS.search(raw) or P.RE_COLUMN_GAP.search(raw.strip()))


def join_plan(
    texts: Sequence[str], raws: Sequence[str], line_nos: Sequence[int]
) -> list[list[int]]:
    """Indices of the non-blank lines grouped into paragraphs: each group is one line, or the
    pieces of one wrapped paragraph (lines with no blank line between; never a menu or a
    table, whose items the raw line spaces apart)."""
    width = wrap_width(texts)
    groups: list[list[int]] = []
    for i, text in enumerate(texts):
        adjacent = i > 0 and line_nos[i] == line_nos[i - 1] + 1
        menu = adjacent and any(_columns(r) for r in raws[i - 1 : i + 1])
        joined = adjacent and not menu and continues(texts[i - 1], text, width=width)
        # not checked for a menu: the bullet itself makes a pair of raw lines look like one
        if joined or (adjacent and _hangs(texts, raws, groups[-1], i)):
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def _hangs(texts: Sequence[str], raws: Sequence[str], group: list[int], i: int) -> bool:
    """Is line ``i`` the indented lower-case end of a bullet broken at the page's width
    ("\u2022 check liver function ... of treatment," / "  then monthly"), however short?"""
    indented = raws[i][:2] == "  " and texts[i][:1].islower()
    open_item = not P.RE_SENTENCE_END.search(texts[i - 1])
    return indented and open_item and bool(P.RE_BULLET.match(raws[group[0]].lstrip()))
