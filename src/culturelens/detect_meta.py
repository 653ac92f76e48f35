"""Metadata detectors: the headline, the labels above it, date lines, bylines, author bios.

Each finds its lines by form and position (the top of the document, next to other metadata)
and marks them removed under a rule of category ``metadata`` (or ``bio``); the headline and
the date are kept on the :class:`~culturelens.clean_state.State` for ``documents.csv``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from culturelens import _patterns as P
from culturelens.clean_state import (
    Line,
    State,
    edge_zone,
    headline_text,
    is_label,
    title_case_label,
)

if TYPE_CHECKING:
    from culturelens.clean_rules import ArtefactRule


def detect_section_label(state: State, rule: ArtefactRule) -> None:
    """Labels above the headline ("LOCAL NEWS", "Home News", a site name)."""
    title, labels = _title_index(state, limit=rule.param("max_words_before", 2))
    if title < 0:
        return
    for i in labels:
        state.remove(i, rule)


def detect_title(state: State, rule: ArtefactRule) -> None:
    kept = state.kept()
    if len(kept) < 2 or state.title is not None:
        return  # a one-line document is all body
    title, _ = _title_index(state, max_words=rule.param("max_words", 25))
    if title != kept[0]:
        return
    ln = state.lines[title]
    text = ln.text.rstrip("'\"").removesuffix("...").rstrip("?!")  # may end in ? ! or ...
    below = title + 1 < len(state.lines) and state.is_metadata(title + 1)
    if ln.bullet or (P.RE_SENTENCE_END.search(text) and not below):
        return
    state.title = ln.text
    state.remove(title, rule)


def _title_index(state: State, *, limit: int = 2, max_words: int = 25) -> tuple[int, list[int]]:
    """The headline's index and the label lines above it (index -1: no headline found).

    A headline directly above the byline or date wins (it may even end in a full stop);
    otherwise the first headline-shaped line under short labels ("LOCAL NEWS", a site name).
    """
    kept = state.kept()[:12]  # the headline is near the top
    meta = next((i for i in range(min(len(state.lines), 16)) if state.is_metadata(i)), None)
    above = [i for i in kept if meta is not None and i < meta]
    # a line ending in a full stop is a headline only directly above the byline or date
    candidates = [
        i
        for i in above
        if _headline_candidate(state.lines[i], max_words)
        and (not state.lines[i].sentence_end or state.is_metadata(i + 1))
    ]
    prose_above = any(state.is_prose(i) and i not in candidates for i in above)
    if candidates and not prose_above:
        full = [i for i in candidates if state.lines[i].n_words >= 5]
        title = next((i for i in full if not title_case_label(state.lines[i])), candidates[-1])
        labels = [i for i in above if i < title]
        if all(is_label(state.lines[i], 6) for i in labels):
            return title, labels
    first, _ = state.prose_bounds()
    head = [i for i in kept if i < first] or kept[:1]  # "Rivals of the Apple..." looks like prose
    top = 0
    while top < len(head) and _label_above(state, head, top, limit):
        top += 1
    if top == len(head) and top:
        top -= 1  # only short lines above the prose: the last of them is the headline
    if top < len(head) and headline_text(state.lines[head[top]], max_words):
        return head[top], head[:top]
    return -1, []


def _headline_candidate(ln: Line, max_words: int) -> bool:
    return not ln.bullet and 3 <= ln.n_words <= max_words and not P.RE_NAME_LINE.match(ln.text)


def _label_above(state: State, head: list[int], k: int, limit: int) -> bool:
    """Is head[k] a label above the headline: short, in capitals, or a name over a longer line?"""
    ln = state.lines[head[k]]
    if is_label(ln, limit):
        return True
    below = state.lines[head[k + 1]] if k + 1 < len(head) else None
    longer = below is not None and below.n_words >= max(5, 1.5 * ln.n_words)
    return longer and title_case_label(ln) and headline_text(below, 25)


def _parse_date(text: str) -> str | None:
    for regex in (P.RE_DATE_DMY, P.RE_DATE_MDY, P.RE_DATE_ISO, P.RE_DATE_NUMERIC):
        m = regex.match(text)
        if m is None:
            continue
        parts = m.groupdict()
        month = int(parts["month"]) if parts.get("month") else P.MONTHS[parts["mon"][:3].lower()]
        year = int(parts["year"])
        year += (2000 if year < 70 else 1900) if year < 100 else 0
        try:
            return dt.date(year, month, int(parts["day"])).isoformat()
        except ValueError:
            return None
    return None


def _date_of_line(text: str) -> str | None:
    """ISO date if every " | "-separated part is a date, byline or reading time."""
    found = None
    for part in P.RE_DATE_SPLIT.split(text):
        part = P.RE_DATE_TAIL.sub("", part.strip(" .")).strip()
        iso = _parse_date(part)
        if iso is not None:
            found = found or iso
        elif part and not (P.RE_BYLINE.match(part) or P.RE_READING_TIME.match(part)):
            return None
    return found


def _dateline(text: str) -> str | None:
    """ISO date of a line that is mostly a date ("Updated: 6:42 PM EDT Jul 19, 2023")."""
    match = P.RE_DATE_ANYWHERE.search(text)
    if match is None:
        return None
    iso = _parse_date(match.group(0))
    rest = (text[: match.start()] + " " + text[match.end() :]).replace("/", " ")
    other = [w for w in P.RE_WORD.findall(rest) if w.lower().strip(".") not in P.DATE_WORDS]
    other = [w for w in other if not (w.isupper() or w[0].isdigit())]  # LONDON, GMT, 6:42
    return iso if len(other) <= 2 else None


def detect_date(state: State, rule: ArtefactRule) -> None:
    for i in edge_zone(state):
        ln = state.lines[i]
        short = ln.n_words <= 16
        iso = _date_of_line(ln.text) if short else None
        if iso is None and short and not ln.text.endswith("."):
            iso = _dateline(ln.text)
        if iso is not None:
            state.date = state.date or iso
            state.remove(i, rule)


def detect_byline(state: State, rule: ArtefactRule) -> None:
    first, _ = state.prose_bounds()
    top = state.kept()[:1]
    for i in edge_zone(state):
        ln = state.lines[i]
        # a bare name under the headline ("Priya Raman") is a byline too
        name = i < first and i not in top and bool(P.RE_NAME_LINE.match(ln.text))
        # ... next to other metadata or residue, not a venue line ("Ewood Park") above prose
        below = i + 1 < len(state.lines) and state.is_removed(i + 1)
        name = name and (state.is_metadata(i - 1) or below)
        byline = P.RE_BYLINE.match(ln.text.split(" | ")[0])  # "By Ann Lee | ann@example.com"
        if ln.n_words <= 16 and (byline or name):
            state.authors.append(_author(ln.text))
            state.remove(i, rule)


def _author(byline: str) -> str:
    """The first name in a byline ("By Jane Smith and Ali Khan, Health" -> "Jane Smith")."""
    text = byline.split(",")[0].split(" and ")[0].split(" & ")[0].split(" · ")[0]
    words = text.split()
    if words and words[0].lower() in ("by", "by:", "author:", "written", "words", "story", "text"):
        words = words[2:] if len(words) > 1 and words[1].lower().startswith("by") else words[1:]
    return " ".join(words[:3]).rstrip(".")


def detect_author_bio(state: State, rule: ArtefactRule) -> None:
    """A line in the second half that starts with the byline's name ("Tom Farrell is ...")."""
    names = [a for a in state.authors if len(a.split()) >= 2]
    max_words = rule.param("max_words", 60)
    for i in state.kept():
        ln = state.lines[i]
        if i < len(state.lines) / 2 or ln.n_words > max_words:
            continue
        for name in names:
            rest = ln.text[len(name) :].lstrip()
            if ln.text.startswith(name) and rest[:1].islower():
                state.remove(i, rule)
                break
