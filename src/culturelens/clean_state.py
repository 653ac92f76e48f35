"""The per-document state the artefact detectors share: lines with their shape features.

:class:`Line` is one non-blank raw line after normalisation; :class:`State` holds the lines
of one document, what has been removed so far (and by which rule) and the metadata found.
The shape predicates here (headline-like, label, fragment) are used by the metadata and the
block detectors alike.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from culturelens import _patterns as P

if TYPE_CHECKING:
    from culturelens.clean_rules import ArtefactRule

# Longer lines are prose: a headline, label or link is never this long.
HEADLINE_MAX_WORDS = 22
# Shorter lines are headlines or labels even when they end in a comma or function word.
_WRAPPED_MIN_WORDS = 6
# In the main block a kept prose line counts one point per this many words, up to the cap:
# a letters page's long paragraphs outweigh the short lines a rule took between them, while
# a teaser's or a form's sentence counts for little.
_MAIN_BLOCK_WORDS = 15
_MAIN_BLOCK_CAP = 3.0
# Kept lines from the top of the article in which the header (labels, headline, metadata)
# is looked for.
HEADER_LINES = 25
# A longer line is no line of code (a minified script is debris), and is not searched.
_CODE_MAX_CHARS = 400
# A line's fingerprint reads this many characters: enough to tell two lines apart.
FINGERPRINT_CHARS = 300


class Line(NamedTuple):
    """One non-blank raw line after normalisation, with the shape features rules look at."""

    line_no: int
    raw: str
    text: str
    bullet: bool
    n_words: int
    sentence_end: bool
    low: str = ""  # lower-cased text, for the rules' literal pre-filters

    @property
    def raw_lines(self) -> list[str]:
        """The raw lines this line stands for: more than one for a joined hard-wrapped
        paragraph, each a row of the audit trail when it is removed."""
        return self.raw.split("\n")


@dataclass
class State:
    """Per-document working state of ``clean_document`` (never shared between calls)."""

    lines: list[Line]
    removed: dict[int, str]
    categories: dict[str, str]
    title: str | None = None
    date: str | None = None
    boilerplate: frozenset[str] = frozenset()  # fingerprints of lines recurring in a corpus
    authors: list[str] = field(default_factory=list)  # names taken from "By ..." bylines
    # names taken from lines that are only a name (and role) near the headline; some are a
    # role or place ("Chief Reporter", "Wide Bay")
    named: list[str] = field(default_factory=list)
    title_at: int = -1  # index of the headline when a byline or date below confirms it
    page_title_at: int = -1  # index of the headline an HTML page's <title> (line 1) repeats
    code: frozenset[int] = frozenset()  # line numbers of code blocks: never removed
    # line numbers of a timed transcript's speech (:func:`timed_speech`): kept by the
    # structural detectors and the learned pass; explicit rules still apply
    speech: frozenset[int] = frozenset()

    @cached_property
    def tables(self) -> frozenset[int]:
        """Indices of the rows of "|" and tab tables (:func:`table_rows`); the lines never
        change, so the link, block and learned passes share one count."""
        return frozenset(table_rows(self))

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

    def main_block(self) -> tuple[int, int]:
        """Index of the first and last prose line of the article's main block ((len, -1) when
        there is no kept prose).

        The main block is the run of lines with the most kept prose net of removed artefact
        lines (a maximum-sum segment, found in one pass): a prose line scores by its length
        (:data:`_MAIN_BLOCK_WORDS`), and so does a piece of a paragraph broken into lines; a
        removed artefact line scores -1. On a whole web page the prose bounds reach the last
        teaser or form sentence; the main block stops where the furniture between the
        article and such lines outweighs them.
        """
        best, span = 0, self.prose_bounds()
        run, start = 0, 0
        kept = self.kept()
        after = dict(itertools.pairwise(kept))  # each kept line's next kept line
        for i in range(len(self.lines)):
            if self.is_removed(i):
                score = 0 if self.is_metadata(i) else -1
            else:
                prose = self.is_prose(i) or goes_on(self, i, after.get(i))
                score = (
                    min(_MAIN_BLOCK_CAP, self.lines[i].n_words / _MAIN_BLOCK_WORDS) if prose else 0
                )
            if run <= 0:  # a segment starts at a kept prose line, never with a loss
                run = 0
                if score <= 0:
                    continue
                start = i
            run += score
            if run > best:
                best, span = run, (start, i)
        return span

    def kept_always(self, i: int) -> bool:
        """Is line ``i`` in a code block or a timed transcript's speech (never removed)?"""
        line_no = self.lines[i].line_no
        return line_no in self.code or line_no in self.speech

    def remove(self, i: int, rule: ArtefactRule) -> None:
        if not self.kept_always(i):
            self.removed.setdefault(self.lines[i].line_no, rule.name)

    def adjacent(self, i: int, j: int) -> bool:
        """Is line ``j`` the raw line right after line ``i`` (no blank line between)?"""
        return self.lines[j].line_no == self.lines[i].line_no + 1

    def next_kept(self, i: int) -> int | None:
        """Index of the first kept line after line ``i`` (None: there is none)."""
        return next((j for j in range(i + 1, len(self.lines)) if not self.is_removed(j)), None)

    def is_removed(self, i: int) -> bool:
        return self.lines[i].line_no in self.removed

    def category(self, i: int) -> str | None:
        """The category of the rule that removed line ``i`` (None: kept)."""
        name = self.removed.get(self.lines[i].line_no)
        return None if name is None else self.categories.get(name)

    def is_metadata(self, i: int) -> bool:
        return self.category(i) == "metadata"


def line_fingerprint(text: str) -> str:
    """Case- and punctuation-free key of a normalised line ("Share this:" -> "share this")."""
    return P.RE_NON_ALNUM.sub(" ", text[:FINGERPRINT_CHARS].lower()).strip()


def section_name(text: str) -> str:
    """A heading as a rule's ``sections`` list writes it: "2. INTRODUCTION:" ->
    "introduction", "What happened?" -> "what happened"."""
    return P.RE_SECTION_NUMBER.sub("", text).rstrip(":?").strip().casefold()


def headline_like(ln: Line, max_words: int) -> bool:
    return not ln.bullet and not ln.sentence_end and 1 <= ln.n_words <= max_words


def wrapped(state: State, i: int) -> bool:
    """A prose line of six words or more broken at a fixed width (a PDF, print or OCR dump):
    it ends in a comma or a function word, or the next line goes on in lower case (also past
    a blank line: an HTML page converted to text has one after every line)."""
    ln = state.lines[i]
    if ln.n_words < _WRAPPED_MIN_WORDS:
        return False
    below = state.lines[i + 1].text if i + 1 < len(state.lines) else ""
    goes_on = bool(below) and bool(P.RE_WRAPPED_START.match(below))
    # a lower-case tag line ("business · workplace") is no sentence going on
    goes_on = goes_on and not any(s in below for s in P.FEATURE_SEPARATORS)
    return goes_on or bool(P.RE_WRAPPED_END.search(ln.text))


def goes_on(state: State, i: int, j: int | None) -> bool:
    """Is line ``i`` a piece of a paragraph that a page breaks into lines (a hard-wrapped page,
    even with blank lines between): no sentence end, and the next kept line ``j`` goes on in
    lower case?"""
    ln = state.lines[i]
    if j is None or ln.sentence_end or ln.n_words < _WRAPPED_MIN_WORDS:
        return False
    return bool(P.RE_WRAPPED_START.match(state.lines[j].text))


def _top(state: State) -> list[int]:
    """Kept lines from the top of the article: the document's, or on an HTML page whose
    <title> names the headline, the headline's (the menus above it are no header)."""
    return [i for i in state.kept() if i >= state.page_title_at]


def header_zone(state: State, *, limit: int = HEADER_LINES) -> list[int]:
    """Kept lines above the body, among the first ``limit`` from the top of the article:
    labels, headline, metadata."""
    start = body_start(state, limit=limit)
    return [i for i in _top(state)[:limit] if i < start]


def body_start(state: State, *, limit: int = HEADER_LINES) -> int:
    """Index of the first body line: the first of two adjacent kept prose lines of ten words or
    more, so a standfirst or caption between headline and byline does not end the header. A
    pair with a "By ..." line right under it is a long headline and its standfirst."""
    top = _top(state)
    # a standfirst of full sentences right over the byline is still header
    first = next(
        (i for i in top if state.is_prose(i) and not _byline_below(state, i)), len(state.lines)
    )
    pairs = itertools.pairwise(top[:limit])
    body = next(
        (
            a
            for a, b in pairs
            if b == a + 1
            and body_line(state, a)
            and body_line(state, b)
            and not _byline_below(state, b)
            and not (a == first and _metadata_below(state, b))
        ),
        None,
    )
    return first if body is None else body


def _byline_below(state: State, i: int) -> bool:
    if i + 1 >= len(state.lines):
        return False
    ln = state.lines[i + 1]  # kept or already removed as metadata
    return byline_first(ln.text) and ln.n_words <= 8 and not ln.sentence_end


def byline_first(text: str) -> bool:
    """Does the line open with a byline, perhaps followed by "|" and an outlet or address
    ("By Ann Lee | The Courier", "By Ann Lee | ann@example.com")?"""
    return bool(P.RE_BYLINE.match(text.split(" | ")[0]))


def person_name(name: str) -> bool:
    """Two to four capitalised words, perhaps after an honorific ("Dr Ann Ray-Hale")."""
    words = name.split()
    if words and words[0].rstrip(".").lower() in P.HONORIFICS:
        words = words[1:]
    letters = [w.replace("-", "").replace("'", "").rstrip(".") for w in words]
    named = 2 <= len(words) <= 4 and all(w[:1].isupper() and w.isalpha() for w in letters)
    # "DRIVING THE DAY" is a section label, "II. The Complaints" a contents entry
    named = named and not name.isupper() and not P.NOT_IN_NAMES.intersection(letters)
    # a possessive opens a desk's name ("Our Correspondent"), never a person's ("Our Verdict")
    own = bool(letters) and letters[0] in P.POSSESSIVES
    return named and (not own or bool(P.RE_ROLE_LINE.search(name)))


def _metadata_below(state: State, i: int, *, window: int = 3) -> bool:
    """Is there a byline or a date among the ``window`` lines under line ``i`` (kept, or
    removed as metadata)? The first two prose lines are then a headline of two sentences
    over its standfirst ("Nobody got fired. That was the point."), or a standfirst over a
    caption, and the header goes on."""
    below = (
        j for j in range(i + 1, len(state.lines)) if state.is_metadata(j) or not state.is_removed(j)
    )
    for j in itertools.islice(below, window):
        ln = state.lines[j]
        by = P.RE_BYLINE.match(ln.text) and not ln.sentence_end
        if ln.n_words <= 10 and (by or P.RE_DATE_ANYWHERE.search(ln.text)):
            return True
    return False


def body_line(state: State, i: int, *, min_words: int = 10) -> bool:
    """A prose line of ``min_words`` or more: a paragraph of the article's body."""
    return state.is_prose(i) and state.lines[i].n_words >= min_words


def subheading(state: State, i: int, *, max_words: int = 6) -> bool:
    """A short line (or a question) directly above body prose: the journalist's sub-heading.

    Related-article headlines are longer; protecting short lines above prose keeps "What the
    review found" even when a "Read more" link stands right above it. A sentence introducing
    a list counts as prose ("What the law says" / "Under the Labour Act, 2006:").
    """
    ln = state.lines[i]
    short = ln.n_words <= max_words or ln.text.endswith("?")
    if ln.bullet or not short or (ln.sentence_end and not ln.text.endswith("?")):
        return False
    below = state.next_kept(i)
    return below is not None and (body_line(state, below) or introduces(state.lines[below]))


def introduces(ln: Line) -> bool:
    """A sentence of four or more words ending in ":" that opens the article's own list ("The
    institute recommended that companies:"), as opposed to a label ("Related:")."""
    return not ln.bullet and ln.text.endswith(":") and ln.n_words >= 4


def introduced_lists(
    state: State, *, max_items: int = 40, after_blank: bool = True, headed: bool = False
) -> set[int]:
    """Indices of the kept lines directly under a kept line ending in ":", up to a blank line.

    A list whose first item is a bullet ends at the first line without one: pages scraped
    without blank lines run the article's list straight into the furniture below it. A
    blank line may part the introducing line from a list of two or more lines (a web page's
    paragraph above its list), but not from a single line, unless ``after_blank`` is off.
    """
    runs = list_runs(state, max_items=max_items, after_blank=after_blank, headed=headed)
    return {j for items in runs.values() for j in items}


def list_runs(
    state: State, *, max_items: int = 40, after_blank: bool = True, headed: bool = False
) -> dict[int, list[int]]:
    """:func:`introduced_lists` by the index of the line that introduces each list."""
    runs: dict[int, list[int]] = {}
    n = len(state.lines)
    for i in state.kept():
        if not state.lines[i].text.endswith(":") or i + 1 == n:
            continue
        first = i + 1
        gapped = not state.adjacent(i, first)
        if gapped and not (after_blank and first + 1 < n and state.adjacent(first, first + 1)):
            continue
        j = first
        while j < n and j - i <= max_items and not state.is_removed(j):
            if j > first and not state.adjacent(j - 1, j):
                break  # a blank line ends the list
            if state.lines[first].bullet and not state.lines[j].bullet:
                break
            if headed and j > first and state.is_prose(j - 1) and subheading(state, j):
                break  # a sub-heading after a paragraph: a page without blank lines goes on
            runs.setdefault(i, []).append(j)
            j += 1
    return runs


def letter_close(state: State, *, max_lines: int = 3, max_words: int = 8) -> set[int]:
    """Indices of a letter's close: a formal valediction ("Yours sincerely,") and up to
    ``max_lines`` short lines right under it (the name, a role, a team). They are short and
    recur in a thread of letters, so they look like a menu or a running head."""
    close: set[int] = set()
    for i in state.kept():
        if not P.RE_VALEDICTION.match(state.lines[i].text):
            continue
        close.add(i)
        j = i + 1
        while j < len(state.lines) and j - i <= max_lines and state.adjacent(j - 1, j):
            ln = state.lines[j]
            if ln.n_words > max_words or ln.sentence_end or P.RE_COLUMN_GAP.search(ln.raw):
                break  # a sentence, or a row of buttons ("Link to this   Report")
            close.add(j)
            j += 1
    return close


def code_lines(lines: Sequence[Line], *, min_lines: int = 2) -> frozenset[int]:
    """Line numbers of the program text an article shows: code, shell commands and output.

    A run of lines with no blank line between them (or one blank line between two lines of
    code) and no sentence is a code block when ``min_lines`` of its lines have the shape of
    code, or one carries a shell prompt or a command with arguments. The block spans its
    first to its last line of code, and after a prompt also the output under it. A
    documentation page's shell session and a blog's listing are the article's own, while
    rules for menus, repeats and markup debris would take them line by line.
    """
    shape = {ln.line_no: _shape(ln) for ln in lines}  # each line's regexes run once
    runs: list[list[Line]] = [[]]
    for prev, ln in itertools.pairwise([None, *lines]):
        if _sentence(ln):  # a sentence, even one naming a function(), is prose
            runs.append([])
            continue
        gap = ln.line_no - prev.line_no if prev is not None else 0
        both = gap == 2 and shape[prev.line_no] and shape[ln.line_no]
        if runs[-1] and not (gap == 1 or both):
            runs.append([])
        runs[-1].append(ln)
    found: set[int] = set()
    for run in runs:
        shaped = [k for k, ln in enumerate(run) if shape[ln.line_no]]
        strong = any(shape[run[k].line_no] == _COMMAND for k in shaped)
        if len(shaped) < min_lines and not strong:
            continue
        last = shaped[-1]
        if strong:  # a command's output runs on to a button ("Copy", "Copied!") or the end
            while last + 1 < len(run) and not _button(run[last + 1], shape[run[last + 1].line_no]):
                last += 1
        found.update(ln.line_no for ln in run[shaped[0] : last + 1])
    return frozenset(found)


def timed_speech(lines: Sequence[Line], *, min_stamps: int = 4) -> frozenset[int]:
    """Line numbers of a timed transcript's speech: the single lines between time stamps.

    A video page's transcript or a caption file gives each caption a time stamp on a line
    of its own ("0:06", "[00:05:12]"); the captions are lower-case fragments without
    punctuation that fragment, label and learned passes would take one by one. In a run of
    ``min_stamps`` or more stamps with one line between each two, those lines are speech,
    and so is a lower-case line under the last stamp; a bare sound tag ("[Music]") is not.
    A list of two or three videos with their lengths is no such run.
    """
    stamp = [bool(P.RE_TIME_STAMP.match(ln.text)) for ln in lines]
    found: set[int] = set()
    k = 0
    while k < len(lines):
        if not stamp[k]:
            k += 1
            continue
        end = k  # the run's last stamp: stamp, line, stamp, line, ..., stamp
        while end + 2 < len(lines) and not stamp[end + 1] and stamp[end + 2]:
            end += 2
        if end - k >= 2 * (min_stamps - 1):
            between = [lines[j] for j in range(k + 1, end, 2)]
            # the last caption, under the last stamp, goes on in lower case
            if end + 1 < len(lines) and _caption_goes_on(lines[end + 1].text):
                between.append(lines[end + 1])
            found.update(ln.line_no for ln in between if not P.RE_SOUND_TAG.match(ln.text))
        k = end + 1
    return frozenset(found)


def _caption_goes_on(text: str) -> bool:
    return text[:1].islower() or text.startswith(">>")


_CODE, _COMMAND = 1, 2


def _shape(ln: Line) -> int:
    """0: no code; :data:`_CODE`: a line shaped as code; :data:`_COMMAND`: a shell prompt or
    a command with its arguments."""
    if len(ln.raw) > _CODE_MAX_CHARS:
        return 0
    code = ln.raw.strip()
    if P.RE_CODE_PROMPT.match(code) or P.RE_CODE_COMMAND.match(code):
        return _COMMAND
    shaped = P.RE_CODE_LINE.search(code) and not P.RE_TRACKING_SCRIPT.search(code)
    return _CODE if shaped else 0


def _button(ln: Line, shape: int) -> bool:
    return ln.n_words <= 2 and ln.text[:1].isupper() and not shape


def _sentence(ln: Line) -> bool:
    return ln.sentence_end and ln.n_words >= 4 and ln.text[:1].isupper()


def edge_zone(state: State, *, top: int = 4) -> list[int]:
    """Kept lines before the first or after the last prose line, and the first ``top`` lines."""
    first, last = state.prose_bounds()
    kept = state.kept()
    return [i for n, i in enumerate(kept) if i < first or i > last or n < top]


def title_case_label(ln: Line, max_words: int = 6) -> bool:
    """A short line of capitalised words: a site, section or organisation name."""
    words = ln.text.split()
    return (
        len(words) <= max_words
        and not ln.sentence_end
        and not any(c.isdigit() for c in ln.text)
        and all(P.RE_TITLE_CASE_WORD.match(w) for w in words)
    )


def is_label(ln: Line, max_words: int) -> bool:
    return not ln.bullet and not ln.sentence_end and (ln.n_words <= max_words or ln.text.isupper())


def headline_text(ln: Line, max_words: int) -> bool:
    """Headline-shaped; a headline may end in "?", "!" or "..." but not in a full stop, nor in
    a comma (a letter's "Dear colleagues,")."""
    text = ln.text.rstrip("'\"").removesuffix("...").rstrip("?!")
    ended = P.RE_SENTENCE_END.search(text) or text.endswith(",")
    return not ln.bullet and 1 <= ln.n_words <= max_words and not ended


def headline_shaped(ln: Line) -> bool:
    """Four or more words, capitalised, without the marks of a data list item (fixtures)."""
    lower = ln.text[:1].islower()  # headlines start capitalised; list items may not
    return ln.n_words >= 4 and not lower and not P.RE_LIST_ITEM_SHAPE.search(ln.text)


def fragment(ln: Line, max_words: int) -> bool:
    question = ln.text.endswith(("?", ":"))
    return (
        not ln.bullet
        and 1 <= ln.n_words <= max_words
        and (question or not ln.sentence_end)
        and not P.RE_QUOTE_OPEN.match(ln.text)
    )


def table_rows(state: State, *, min_rows: int = 3) -> set[int]:
    """Indices of the rows of a data table written with "|" or tabs: ``min_rows`` or more
    adjacent lines with the same number of cells (three or more), half of them with a figure,
    one a markdown table's rule ("| --- | --- |"), or all pasted with tabs. Its header row
    ("Council | Change | Pupils affected") and a row of names or files belong to the table,
    though alone each reads as a menu."""
    rows: set[int] = set()
    for _, run in itertools.groupby(range(len(state.lines)), key=lambda i: _row_key(state, i)):
        run = list(run)
        figures = sum(figure_cells(state.lines[i]) >= 1 for i in run)
        marked = any(P.RE_MD_TABLE_RULE.match(state.lines[i].raw) for i in run)
        # a spreadsheet's paste is a table by its tabs, figures or not ("Area assessed\tFinding")
        tabbed = all("\t" in state.lines[i].raw and " | " not in state.lines[i].text for i in run)
        tabular = marked or tabbed or 2 * figures >= len(run)
        if len(run) >= min_rows and _cells(state.lines[run[0]]) >= 3 and tabular:
            rows.update(run)
    return rows


def _row_key(state: State, i: int) -> tuple[int, int]:
    """Lines with the same key form one run: the cell count, and the line number less the
    index (which stays the same down a run of adjacent lines)."""
    return _cells(state.lines[i]), state.lines[i].line_no - i


def _cells(ln: Line) -> int:
    return len(table_cells(ln))


def table_cells(ln: Line) -> list[str]:
    """The cells of a table row written with " | " or, as a spreadsheet pastes it, with tabs
    (two or more cells; [] for any other line)."""
    if " | " in ln.text:
        return ln.text.split(" | ")
    cells = [cell.strip() for cell in ln.raw.split("\t") if cell.strip()]
    return cells if len(cells) >= 2 else []


def figure_cells(ln: Line) -> int:
    """How many of the line's table cells are a figure ("6.63", "58%")."""
    return sum(bool(P.RE_FIGURE_CELL.fullmatch(cell)) for cell in table_cells(ln))
