"""Structural artefact detectors: a line's shape and its position among its neighbours.

Explicit rules (``culturelens.clean``) know wordings; the detectors here know forms, so they
catch artefact wordings nobody has seen: headlines, bylines and dates at the edges of a
document, runs of headline-shaped lines (related links), UI residue (counts, timestamps,
buttons), lines repeated within a document (page headers) or across a corpus (boilerplate).
Each detector takes the per-document :class:`State` and its rule (for ``name`` and
``param``) and marks lines as removed; none of them ever deletes text silently.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from culturelens import _patterns as P

if TYPE_CHECKING:
    from culturelens.clean import ArtefactRule

# Longer lines are prose: a headline, label or link is never this long.
HEADLINE_MAX_WORDS = 22


class Line(NamedTuple):
    """One non-blank raw line after normalisation, with the shape features rules look at."""

    line_no: int
    raw: str
    text: str
    bullet: bool
    n_words: int
    sentence_end: bool
    low: str = ""  # lower-cased text, for the rules' literal pre-filters


@dataclass
class State:
    """Per-document working state of ``clean_document`` (never shared between calls)."""

    lines: list[Line]
    removed: dict[int, str]
    categories: dict[str, str]
    title: str | None = None
    date: str | None = None
    boilerplate: frozenset[str] = frozenset()  # fingerprints of lines recurring in a corpus
    authors: list[str] = field(default_factory=list)  # names taken from bylines

    def kept(self) -> list[int]:
        return [i for i, ln in enumerate(self.lines) if ln.line_no not in self.removed]

    def is_prose(self, i: int) -> bool:
        ln = self.lines[i]
        # a short question is a headline or sub-heading ("Why is olive oil so dear?")
        question = ln.text.endswith("?") and ln.n_words <= HEADLINE_MAX_WORDS
        long = ln.n_words > HEADLINE_MAX_WORDS
        header = ln.text.endswith(":") and ln.n_words <= 5  # "Suggested Topics:", "Contact:"
        return not ln.bullet and ((ln.sentence_end and not question and not header) or long)

    def prose_bounds(self) -> tuple[int, int]:
        """Index of the first and last kept prose line ((len, -1) when there is none)."""
        prose = [i for i in self.kept() if self.is_prose(i)]
        return (prose[0], prose[-1]) if prose else (len(self.lines), -1)

    def remove(self, i: int, rule: ArtefactRule) -> None:
        self.removed.setdefault(self.lines[i].line_no, rule.name)

    def is_removed(self, i: int) -> bool:
        return self.lines[i].line_no in self.removed

    def is_metadata(self, i: int) -> bool:
        name = self.removed.get(self.lines[i].line_no)
        return name is not None and self.categories.get(name) == "metadata"


def line_fingerprint(text: str) -> str:
    """Case- and punctuation-free key of a normalised line ("Share this:" -> "share this")."""
    return P.RE_NON_ALNUM.sub(" ", text[:300].lower()).strip()


def _headline_like(ln: Line, max_words: int) -> bool:
    return not ln.bullet and not ln.sentence_end and 1 <= ln.n_words <= max_words


def _edge_zone(state: State, *, top: int = 4) -> list[int]:
    """Kept lines before the first or after the last prose line, and the first ``top`` lines."""
    first, last = state.prose_bounds()
    kept = state.kept()
    return [i for n, i in enumerate(kept) if i < first or i > last or n < top]


def _title_case_label(ln: Line, max_words: int = 6) -> bool:
    """A short line of capitalised words: a site, section or organisation name."""
    words = ln.text.split()
    return (
        len(words) <= max_words
        and not ln.sentence_end
        and not any(c.isdigit() for c in ln.text)
        and all(P.RE_TITLE_CASE_WORD.match(w) for w in words)
    )


def _is_label(ln: Line, max_words: int) -> bool:
    return not ln.bullet and not ln.sentence_end and (ln.n_words <= max_words or ln.text.isupper())


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
        title = next((i for i in full if not _title_case_label(state.lines[i])), candidates[-1])
        labels = [i for i in above if i < title]
        if all(_is_label(state.lines[i], 6) for i in labels):
            return title, labels
    first, _ = state.prose_bounds()
    head = [i for i in kept if i < first] or kept[:1]  # "Rivals of the Apple..." looks like prose
    top = 0
    while top < len(head) and _label_above(state, head, top, limit):
        top += 1
    if top == len(head) and top:
        top -= 1  # only short lines above the prose: the last of them is the headline
    if top < len(head) and _headline_text(state.lines[head[top]], max_words):
        return head[top], head[:top]
    return -1, []


def _headline_text(ln: Line, max_words: int) -> bool:
    """Headline-shaped; a headline may end in "?", "!" or "..." but not in a full stop."""
    text = ln.text.rstrip("'\"").removesuffix("...").rstrip("?!")
    return not ln.bullet and 1 <= ln.n_words <= max_words and not P.RE_SENTENCE_END.search(text)


def _headline_candidate(ln: Line, max_words: int) -> bool:
    return not ln.bullet and 3 <= ln.n_words <= max_words and not P.RE_NAME_LINE.match(ln.text)


def _label_above(state: State, head: list[int], k: int, limit: int) -> bool:
    """Is head[k] a label above the headline: short, in capitals, or a name over a longer line?"""
    ln = state.lines[head[k]]
    if _is_label(ln, limit):
        return True
    below = state.lines[head[k + 1]] if k + 1 < len(head) else None
    longer = below is not None and below.n_words >= max(5, 1.5 * ln.n_words)
    return longer and _title_case_label(ln) and _headline_text(below, 25)


def _detect_section_label(state: State, rule: ArtefactRule) -> None:
    """Labels above the headline ("LOCAL NEWS", "Home News", a site name)."""
    title, labels = _title_index(state, limit=rule.param("max_words_before", 2))
    if title < 0:
        return
    for i in labels:
        state.remove(i, rule)


def _detect_title(state: State, rule: ArtefactRule) -> None:
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


def _detect_date(state: State, rule: ArtefactRule) -> None:
    for i in _edge_zone(state):
        ln = state.lines[i]
        short = ln.n_words <= 16
        iso = _date_of_line(ln.text) if short else None
        if iso is None and short and not ln.text.endswith("."):
            iso = _dateline(ln.text)
        if iso is not None:
            state.date = state.date or iso
            state.remove(i, rule)


def _detect_byline(state: State, rule: ArtefactRule) -> None:
    first, _ = state.prose_bounds()
    top = state.kept()[:1]
    for i in _edge_zone(state):
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


def _detect_call_to_action(state: State, rule: ArtefactRule) -> None:
    verbs = frozenset(rule.param("verbs", ()))
    web_words = frozenset(rule.param("web_words", ()))
    for i in state.kept():
        ln = state.lines[i]
        if ln.n_words > rule.param("max_words", 16) or '"' in ln.text:
            continue
        words = [w.lower().strip(".,:;!?'()") for w in ln.text.split()]
        if not words or words[0] not in verbs:
            continue
        # "you"/"our" alone is not enough: advice articles have imperative sub-headings
        # ("Check your tariff"); web vocabulary is what marks page furniture. A full sentence
        # must also address the reader ("Comment is free, but facts are sacred." is prose).
        reader = P.RE_SECOND_PERSON.search(ln.text) or P.RE_FIRST_PERSON_PLURAL.search(ln.text)
        sentence = ln.text.rstrip("\"')").endswith((".", "!"))
        button = len(words) <= 3 and words[-1] in ("now", "today", "here")  # "Donate now"
        if button or (any(w in web_words for w in words[1:]) and (reader or not sentence)):
            state.remove(i, rule)


def _detect_link_line(state: State, rule: ArtefactRule) -> None:
    for i in state.kept():
        ln = state.lines[i]
        if ln.n_words > rule.param("max_words", 30) or P.RE_QUOTE_OPEN.match(ln.text):
            continue
        if P.RE_BYLINE.match(ln.text.split(" | ")[0]):
            continue  # "By Dana Whitfield | dana@example.com" is a byline
        webby = (
            P.RE_URL.search(ln.text) or P.RE_EMAIL.search(ln.text) or P.RE_HANDLE.search(ln.text)
        ) or ((ln.n_words <= 6 or ": " in ln.text[:40]) and P.RE_PHONE.search(ln.text))
        parts = ln.text.split(" | ")
        menu = len(parts) >= 3 and all(len(p.split()) <= 4 for p in parts)
        if (webby and not ln.sentence_end) or menu or P.RE_ARROW_END.search(ln.text):
            state.remove(i, rule)


def _detect_headline_block(state: State, rule: ArtefactRule) -> None:
    first, _ = state.prose_bounds()
    max_words, min_lines = rule.param("max_words", 22), rule.param("min_lines", 2)
    run: list[int] = []
    previous: Line | None = None
    for i in [*(i for i in state.kept() if i >= first), None]:
        if i is not None and _headline_like(state.lines[i], max_words):
            run.append(i)
            continue
        intro = previous is not None and previous.text.endswith(":")
        shaped = sum(_headline_shaped(state.lines[j]) for j in run)
        if (
            len(run) >= min_lines
            and not intro
            and shaped >= max(2, len(run) / 2)
            and not _structured_list(state, run)
        ):
            for j in run:
                state.remove(j, rule)
        previous = state.lines[i] if i is not None else None
        run = []


def _structured_list(state: State, run: list[int]) -> bool:
    """A run of "label - value", "label: value" or "label 59%" lines is a data list, not links."""
    texts = [state.lines[i].text for i in run]
    pairs = sum(1 for t in texts if " \u2013 " in t or ": " in t)
    figures = sum(1 for t in texts if P.RE_ENDS_WITH_FIGURE.search(t))
    return pairs >= 0.6 * len(run) or figures >= 0.5 * len(run)


def _headline_shaped(ln: Line) -> bool:
    """Four or more words, capitalised, without the marks of a data list item (fixtures)."""
    lower = ln.text[:1].islower()  # headlines start capitalised; list items may not
    return ln.n_words >= 4 and not lower and not P.RE_LIST_ITEM_SHAPE.search(ln.text)


def _detect_document_tail(state: State, rule: ArtefactRule) -> None:
    max_words = rule.param("max_words", 22)
    headers = set(rule.param("after_categories", ("related", "tags")))
    _, last = state.prose_bounds()
    after_header = False
    listing = False  # inside a list introduced by a line ending in ":"
    for i, ln in enumerate(state.lines):
        name = state.removed.get(ln.line_no)
        if name is not None:
            after_header = state.categories.get(name) in headers
            listing = False
            continue
        if ln.text.endswith(":"):
            listing = True
            continue
        if listing and not ln.sentence_end:
            continue
        short = 1 <= ln.n_words <= max_words and (not ln.sentence_end or ln.text.endswith("?"))
        # names and figures (a referee, an attendance) end match reports: headline-shaped only
        tail = last >= 0 and i > last and not ln.bullet and _headline_shaped(ln)
        if (after_header and short) or (tail and short and not ln.sentence_end):
            state.remove(i, rule)
        else:
            after_header = False
    _remove_tail_headers(state, rule, last)


def _remove_tail_headers(state: State, rule: ArtefactRule, last: int) -> None:
    """After the last prose line, a 1-3 word label directly above removed lines heads them."""
    removed_before = set(state.removed)  # a snapshot, so labels do not cascade upwards
    for i in range(last + 1, len(state.lines) - 1):
        ln, below = state.lines[i], state.lines[i + 1]
        # a 1-3 word label, or a header of up to 5 words ending in ":" ("Suggested Topics:")
        colon = ln.text.endswith(":") and ln.n_words <= 5
        label = not ln.bullet and (colon or (not ln.sentence_end and ln.n_words <= 3))
        label = label and not P.RE_LIST_ITEM_SHAPE.search(ln.text) and " \u2013 " not in ln.text
        if label and below.line_no in removed_before and ln.line_no not in removed_before:
            state.remove(i, rule)


def _detect_residue(state: State, rule: ArtefactRule) -> None:
    """Counts, clock times, gallery/page positions, relative times; dates without a year at
    the edges ("48", "15:42", "1 of 12", "3 hours ago", "Mar 11")."""
    first, _ = state.prose_bounds()
    for i in state.kept():
        text = state.lines[i].text
        if len(text) > 60:
            continue
        # fixture lists end match reports with "Saturday, 26 February": only the top counts
        if P.RE_RESIDUE.match(text) or (i < first and P.RE_DATE_NO_YEAR.match(text)):
            state.remove(i, rule)


def _detect_repeated_line(state: State, rule: ArtefactRule) -> None:
    """Short non-sentence lines that occur twice or more in one document (page headers and
    footers, share buttons), and pull quotes that repeat a longer line of the document."""
    max_words = rule.param("max_words", 12)
    keys = [line_fingerprint(ln.text) for ln in state.lines]
    seen: dict[str, int] = {}
    for key in keys:
        seen[key] = seen.get(key, 0) + 1
    for i in state.kept():
        ln = state.lines[i]
        # labels repeat (page headers, buttons); a repeated lower-case line is a list entry
        label = ln.n_words <= 3 or all(P.RE_TITLE_CASE_WORD.match(w) for w in ln.text.split())
        short = ln.n_words <= max_words and not ln.sentence_end and label
        if short and keys[i] and seen[keys[i]] > 1:
            state.remove(i, rule)
    quoted = [i for i in state.kept() if _pull_quote_shaped(state.lines[i])]
    if not quoted:
        return
    corpus = "\n".join(keys)
    for i in quoted[: rule.param("max_pull_quotes", 20)]:  # bounded: each check scans the document
        if corpus.count(keys[i]) > 1:
            state.remove(i, rule)


def _pull_quote_shaped(ln: Line) -> bool:
    return bool(P.RE_QUOTE_OPEN.match(ln.text)) and not ln.sentence_end and 7 <= ln.n_words <= 40


def _detect_boilerplate(state: State, rule: ArtefactRule) -> None:
    """Lines whose fingerprint recurs in many documents of the corpus (``boilerplate``)."""
    if not state.boilerplate:
        return
    max_words = rule.param("max_words", 40)
    for i in state.kept():
        ln = state.lines[i]
        quote = P.RE_QUOTE_OPEN.match(ln.text) and ln.sentence_end  # quotes recur legitimately
        if ln.n_words <= max_words and not quote and line_fingerprint(ln.text) in state.boilerplate:
            state.remove(i, rule)


def _detect_author_bio(state: State, rule: ArtefactRule) -> None:
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


def _detect_comment_thread(state: State, rule: ArtefactRule) -> None:
    """Everything after a comment-thread header that follows most of the article's prose."""
    share = rule.param("min_prose_share", 0.6)
    prose = [
        ln.n_words if state.is_prose(i) and not state.is_removed(i) else 0
        for i, ln in enumerate(state.lines)
    ]
    total = sum(prose)
    if total == 0:
        return
    before = 0
    for i, ln in enumerate(state.lines):
        if len(ln.text) <= 60 and P.RE_COMMENTS_HEADER.match(ln.text) and before >= share * total:
            for j in range(i, len(state.lines)):
                state.remove(j, rule)
            return
        before += prose[i]


def _detect_ui_fragment(state: State, rule: ArtefactRule) -> None:
    """Up to ``max_run`` short lines at the top or bottom of the document with removed lines
    (or the document's edge) on both sides: buttons and labels left between artefacts."""
    first, last = state.prose_bounds()
    max_run = rule.param("max_run", 3)
    run: list[int] = []
    for i in [*range(len(state.lines)), None]:
        if i is not None and not state.is_removed(i):
            zone_words = rule.param("max_words_top", 4) if i < first else 0
            zone_words = rule.param("max_words_bottom", 6) if i > last else zone_words
            if _fragment(state.lines[i], zone_words):
                run.append(i)
                continue
            if i == first and _dateline_run(state, run):
                for j in run:
                    state.remove(j, rule)
            run = []
            continue
        bounded = not run or run[0] == 0 or state.is_removed(run[0] - 1)
        if run and bounded and len(run) <= max_run:
            for j in run:
                state.remove(j, rule)
        run = []


def _dateline_run(state: State, run: list[int]) -> bool:
    """Agency or place lines under the headline ("Express News Service", "GENEVA (Reuters)");
    a venue under a fixture ("Ewood Park") is kept: only capitals or an agency name count."""
    head = bool(run) and run[0] > 0 and state.is_metadata(run[0] - 1)
    lines = [state.lines[j].text for j in run]
    agency = [_title_case_label(state.lines[j], 4) and P.RE_AGENCY_WORD.search(t)
              for j, t in zip(run, lines, strict=True)]  # fmt: skip
    return head and all(
        a or P.RE_AGENCY_DATELINE.match(t) for a, t in zip(agency, lines, strict=True)
    )


def _detect_sentence_footer(state: State, rule: ArtefactRule) -> None:
    """Footer sentences about the site, publisher or sponsor, from the end upwards past removed
    lines and labels; the first other line stops the scan (the article's last paragraph)."""
    first, _ = state.prose_bounds()
    for i in range(len(state.lines) - 1, first, -1):
        ln = state.lines[i]
        if state.is_removed(i) or (not ln.sentence_end and ln.n_words <= 12):
            continue  # labels and addresses between footers are left to later detectors
        quoted = '"' in ln.text or P.RE_QUOTE_OPEN.match(ln.text)
        footer = ln.n_words <= rule.param("max_words", 30) and P.RE_FOOTER_SENTENCE.search(ln.text)
        if quoted or not footer:
            return
        state.remove(i, rule)


def _fragment(ln: Line, max_words: int) -> bool:
    question = ln.text.endswith(("?", ":"))
    return (
        not ln.bullet
        and 1 <= ln.n_words <= max_words
        and (question or not ln.sentence_end)
        and not P.RE_QUOTE_OPEN.match(ln.text)
    )


DETECTOR_FUNCS: dict[str, Callable[[State, ArtefactRule], None]] = {
    "section_label": _detect_section_label,
    "title": _detect_title,
    "date": _detect_date,
    "byline": _detect_byline,
    "call_to_action": _detect_call_to_action,
    "link_line": _detect_link_line,
    "headline_block": _detect_headline_block,
    "document_tail": _detect_document_tail,
    "residue": _detect_residue,
    "repeated_line": _detect_repeated_line,
    "boilerplate": _detect_boilerplate,
    "author_bio": _detect_author_bio,
    "comment_thread": _detect_comment_thread,
    "ui_fragment": _detect_ui_fragment,
    "sentence_footer": _detect_sentence_footer,
}
DETECTORS = tuple(DETECTOR_FUNCS)
