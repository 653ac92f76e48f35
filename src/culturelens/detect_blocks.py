"""Block detectors: artefacts known by their shape and their place among the lines.

Runs of headline-shaped lines (related links), the document's tail after the last prose
line, UI residue (counts, timestamps, buttons), calls to action, link and menu lines,
comment threads, and footer sentences. Lines repeated within a document or across a
corpus are :mod:`culturelens.detect_repeats`'.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from culturelens import _patterns as P
from culturelens.clean_state import (
    Line,
    State,
    body_line,
    byline_first,
    figure_cells,
    fragment,
    goes_on,
    headline_like,
    headline_shaped,
    introduced_lists,
    introduces,
    letter_close,
    person_name,
    section_name,
    subheading,
    title_case_label,
    wrapped,
)

if TYPE_CHECKING:
    from culturelens.clean_rules import ArtefactRule


def detect_call_to_action(state: State, rule: ArtefactRule) -> None:
    verbs = frozenset(rule.param("verbs", ()))
    web_words = frozenset(rule.param("web_words", ()))
    listed = introduced_lists(state)  # "We will:" / "- keep watching the planning register"
    for i in state.kept():
        ln = state.lines[i]
        if ln.n_words > rule.param("max_words", 16) or '"' in ln.text:
            continue
        if i in listed and ln.n_words >= 4:
            continue  # an item of the article's own list, introduced by a colon
        if ln.text.endswith(";"):
            continue  # an item of a list whose sentence runs on ("access to 12 free sessions;")
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


def detect_link_line(state: State, rule: ArtefactRule) -> None:
    listed = introduced_lists(state)  # "You can raise a concern:" / "- email ... or call ..."
    table = state.tables
    for i in state.kept():
        ln = state.lines[i]
        if ln.n_words > rule.param("max_words", 30) or P.RE_QUOTE_OPEN.match(ln.text) or i in table:
            continue
        if i in listed and "\u00b7" not in ln.text and sum(map(str.isalpha, ln.text.split())) >= 4:
            continue  # a sentence of the article's list, not a contact line or a widget
        if byline_first(ln.text):
            continue  # "By Dana Whitfield | dana@example.com" is a byline
        if P.RE_STAMP_PREFIX.match(ln.text) and P.RE_DATE_ANYWHERE.search(ln.text):
            continue  # "Published:Tuesday | March 17, 2026 | 12:08 AM" is the date line
        phones = len(P.RE_PHONE.findall(ln.text))  # "Press office 020 ... | Out of hours 020 ..."
        webby = (
            (P.RE_URL.search(ln.text) or P.RE_EMAIL.search(ln.text) or P.RE_HANDLE.search(ln.text))
            or ((ln.n_words <= 6 or ": " in ln.text[:40]) and phones > 0)
            or phones >= 2
            # a contact strip: "The Orchard Surgery, 22 Mill Lane ... \u00b7 01632 960 000"
            or (phones > 0 and (" \u00b7 " in ln.text or " | " in ln.text))
        )
        parts = ln.text.split(" | ")
        menu = len(parts) >= 3 and all(len(p.split()) <= 4 for p in parts)
        # a menu with middle dots, of four items or more (three may be a byline's parts)
        dotted = ln.text.split(" \u00b7 ")
        menu = menu or (len(dotted) >= 4 and all(len(p.split()) <= 3 for p in dotted))
        menu = menu or bool(P.RE_BRACKET_MENU.match(ln.text))
        # a table row has figures in two or more cells ("We are a team | 6.63 | 6.74 | 6.76")
        menu = menu and figure_cells(ln) < 2
        # a link's arrow ("Get a quote »"); a French quotation closes with one too
        linked = ln.text.endswith("»") and "«" not in ln.text and not P.RE_BY_PREFIX.match(ln.text)
        arrow = P.RE_ARROW_END.search(ln.text) or linked
        lynx = P.RE_LYNX_BULLET.match(ln.raw.lstrip())  # "* [3]About"
        if (webby and not ln.sentence_end) or menu or arrow or lynx:
            state.remove(i, rule)
    for i in _download_titles(state, max_words=rule.param("max_words", 30)):
        state.remove(i, rule)


def _download_titles(state: State, *, max_words: int) -> list[int]:
    """A download's title right above its format and size ("Independent review of ..." /
    "PDF, 2.1 MB, 124 pages"), and a label of one or two words right above the title
    ("Documents")."""
    found = []
    for j in range(1, len(state.lines)):
        title = state.lines[j - 1]
        if not P.RE_FILE_DETAILS.match(state.lines[j].text) or not state.adjacent(j - 1, j):
            continue
        if title.sentence_end or title.n_words > max_words:
            continue
        found.append(j - 1)
        label = state.lines[j - 2] if j >= 2 else None
        if label and state.adjacent(j - 2, j - 1) and label.n_words <= 2 and not label.sentence_end:
            found.append(j - 2)
    return found


def detect_code_chrome(state: State, rule: ArtefactRule) -> None:
    """Code blocks' language labels and copy buttons: up to two ``labels`` lines directly
    above a block, one directly below."""
    labels = frozenset(rule.param("labels", ()))
    n = len(state.lines)
    inside = [state.lines[i].line_no in state.code for i in range(n)]

    def chrome(j: int, i: int) -> bool:  # line j is a label with no blank line up to line i
        near = 0 <= j < n and abs(state.lines[j].line_no - state.lines[i].line_no) == abs(j - i)
        return near and state.lines[j].text.lower() in labels

    for i in (i for i in range(n) if inside[i]):
        starts = i == 0 or not inside[i - 1]
        if starts and chrome(i - 1, i):  # a second label counts only over a first
            state.remove(i - 1, rule)
            if chrome(i - 2, i):
                state.remove(i - 2, rule)
        if (i + 1 == n or not inside[i + 1]) and chrome(i + 1, i):
            state.remove(i + 1, rule)


def detect_truncated_line(state: State, rule: ArtefactRule) -> None:
    """Lines cut off with "…" after a word (any length up to ``max_words``), or with three
    dots (up to ``max_words_dots``): teasers, comment previews and placeholders. A paragraph
    of twelve words or more right above a paywall's prompt is the story's own, cut by the wall."""
    max_words, max_dots = rule.param("max_words", 60), rule.param("max_words_dots", 6)
    for i in state.kept():
        ln = state.lines[i]
        if ln.n_words > max_words or P.RE_QUOTE_OPEN.match(ln.text):
            continue
        if ln.n_words >= 12 and _above_wall(state, i):
            continue
        cut = P.RE_CUT_CHAR.search(ln.raw_lines[-1].rstrip())
        if cut or (ln.n_words <= max_dots and P.RE_CUT_DOTS.search(ln.text)):
            state.remove(i, rule)


def _above_wall(state: State, i: int) -> bool:
    """Is the line right below line ``i`` a removed paywall prompt?"""
    return i + 1 < len(state.lines) and state.category(i + 1) == "paywall"


def detect_headline_block(state: State, rule: ArtefactRule) -> None:
    first, _ = state.prose_bounds()
    max_words, min_lines = rule.param("max_words", 22), rule.param("min_lines", 2)
    sections = set(rule.param("sections", ()))
    # findings under "The report found:" are not links. A list after a blank line stays in
    # the run: left out, it cuts the run, and the page's next section (a heading over
    # unbulleted items) is judged alone (Firefox Nightly blog lost five lines).
    listed = introduced_lists(state, after_blank=False) | state.tables  # data, not links
    listed |= letter_close(state)  # "In unity," / name / role under a branch's bulletin
    run: list[int] = []
    previous: Line | None = None
    for i in [*(i for i in state.kept() if i >= first), None]:
        if i is not None and i not in listed and _headline_in_block(state, i, max_words):
            run.append(i)
            continue
        if run and len(run) - _sign_off(state, run) <= 1:  # signature, then the next letter
            run = []
        intro = previous is not None and _opens_list(previous)
        intro = intro or (bool(run) and bool(P.RE_LIST_LABEL.match(state.lines[run[0]].text)))
        intro = intro or (bool(run) and i is not None and _wh_list(state, run, i))
        if run and _subheading_above_prose(state, run[-1]):
            run.pop()
        while run and section_name(state.lines[run[-1]].text) in sections:
            run.pop()  # "Abstract" over "Objective" and its paragraph opens the paper
        shaped = sum(headline_shaped(state.lines[j]) for j in run)
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


def _wh_list(state: State, run: list[int], below: int) -> bool:
    """A heading over items between a paragraph and a paragraph or a sub-heading that asks,
    with no blank line or removed line in the run: the story's own list. A what/how heading
    will do ("What the branch won" / four gains / the organiser's quote; "What we offer" /
    five benefits / "Do we always get it right?"): a related block names no clause over its
    links. Any short heading will do, under any sentence, when a sub-heading that asks comes
    next ("The records were inaccurate." / "Safety issues" / four findings / "Why was the
    watch alarm switched off?")."""
    head, after = state.lines[run[0]], state.lines[below]
    above = run[0] - 1
    asks = after.text.endswith("?") and after.n_words <= 10
    headed = (asks or bool(P.RE_WH_QUESTION.match(head.text))) and head.n_words <= 8
    prose_above = above >= 0 and (body_line(state, above) or (asks and state.is_prose(above)))
    framed = prose_above and (body_line(state, below) or asks)
    whole = all(state.adjacent(a, b) for a, b in itertools.pairwise([above, *run, below]))
    return headed and framed and whole


def _sign_off(state: State, run: list[int]) -> int:
    """How many of a run's first lines sign the letter whose last paragraph is right above
    them: a name, perhaps with a town ("Gwen Tallis, Fenmoor"), or "Name and address
    supplied", and the short lines set against it ("Retired GP, Pelham"). On a letters page
    a signature and the next letter's heading would otherwise read as a block of links. The
    paragraph above ends in a sentence of twelve words or more: a letter's last paragraph
    may be short ("None of that work appears in any council's performance figures. ...")."""
    if run[0] == 0 or state.is_removed(run[0] - 1):
        return 0
    above, text = state.lines[run[0] - 1], state.lines[run[0]].text
    signed = person_name(text.split(", ")[0]) or P.RE_NAME_SUPPLIED.match(text) is not None
    if not (signed and above.sentence_end and above.n_words >= 12):
        return 0
    n = 1  # then up to two "role, place" lines
    while n < min(3, len(run)) and state.adjacent(run[n - 1], run[n]):
        if ", " not in state.lines[run[n]].text or state.lines[run[n]].n_words > 8:
            break
        n += 1
    return n


def _opens_list(ln: Line) -> bool:
    """Does the line introduce the list under it: a colon, a sub-heading that asks ("What
    happens next?", "Which libraries will close?") or a list's label ("Key points")?"""
    return ln.text.endswith(":") or _asks_heading(ln) or bool(P.RE_LIST_LABEL.match(ln.text))


def _asks_heading(ln: Line, *, max_words: int = 10) -> bool:
    """A sub-heading asking what, who, why, how, where or when; a poll's question ("Should
    the show go on?") is a yes-or-no one, and its options are no list of the article's."""
    short = ln.n_words <= max_words and ". " not in ln.text
    return short and ln.text.endswith("?") and bool(P.RE_WH_QUESTION.match(ln.text))


def _headline_in_block(state: State, i: int, max_words: int) -> bool:
    return headline_like(state.lines[i], max_words) and not wrapped(state, i)


def _subheading_above_prose(state: State, i: int) -> bool:
    """Up to four words, or a quoted phrase, numbered section or what/who/why/how heading of up
    to eight ("'Just get it in the air'", "3. Retail sales by store type", "Proposal 1: A
    smaller night quota", "What the health agency says"), above prose or above a list of two
    or more long bullets ("What the study found" / "* Eating after 9pm: 28 per cent higher
    risk ..."). Up to eight words, too, above a sentence that opens a list ("Three shifts
    that made a difference" / "The organisations ... had made a small number of practical
    changes:"); up to ten, a line that is all one quotation ("'Nobody wanted to be the name
    on the form'")."""
    text = state.lines[i].text
    below = state.next_kept(i)
    opens_quote = P.RE_QUOTE_OPEN.match(text) is not None
    longer = opens_quote or P.RE_NUMBERED.match(text) is not None
    longer = longer or P.RE_LABEL_NUMBERED.match(text) is not None  # "Proposal 1: ..."
    longer = longer or P.RE_WH_QUESTION.match(text) is not None  # "What the agency says"
    longer = longer or (below is not None and introduces(state.lines[below]))
    quoted = opens_quote and text[-1] in "'\""
    words = 10 if quoted else 8 if longer else 4
    return subheading(state, i, max_words=words) or _heads_bullets(state, i)


def _heads_bullets(state: State, i: int) -> bool:
    below = state.next_kept(i)
    after = None if below is None else state.next_kept(below)
    items = [state.lines[j] for j in (below, after) if j is not None]
    short = state.lines[i].n_words <= 6 and not state.lines[i].sentence_end
    return short and len(items) == 2 and all(ln.bullet and ln.n_words >= 8 for ln in items)


def detect_menu_run(state: State, rule: ArtefactRule) -> None:
    """Runs of ``min_lines`` or more very short lines: menus, tag lists and footer links left
    one item per line by the HTML-to-text step ("Staff", "Contact", "Privacy"). A run that
    follows a line ending in ":" is the article's own list; items with figures and fixtures
    ("Hull v Leeds") are data."""
    min_lines, max_words = rule.param("min_lines", 3), rule.param("max_words", 4)
    listed = introduced_lists(state, headed=True) | letter_close(state)
    main = state.main_block()  # once: per run it would make a page of many runs quadratic
    run: list[int] = []
    for i in [*state.kept(), None]:
        if i is not None and _menu_item(state.lines[i], max_words):
            if run and i != run[-1] + 1:  # not adjacent: a removed or blank line between
                _remove_menu(state, rule, run, min_lines, listed, main)
                run = []
            run.append(i)
            continue
        _remove_menu(state, rule, run, min_lines, listed, main)
        run = []


def _framed(state: State, run: list[int], main: tuple[int, int], *, min_words: int = 20) -> bool:
    """Is the run directly between two paragraphs of ``min_words`` or more inside the
    article's main block (``main``)? Then it is a letter's signature and the next letter's
    two-line heading ("Ninfa Wood / Walnut Creek / Quarry plan will / undermine rural
    road"), not a menu."""
    first, last = main
    above, below = run[0] - 1, run[-1] + 1
    if not first <= above or not below <= last:
        return False
    return all(
        not state.is_removed(i) and body_line(state, i, min_words=min_words) for i in (above, below)
    )


def _menu_item(ln: Line, max_words: int) -> bool:
    text = ln.text
    plain = not ln.bullet and not ln.sentence_end and not text.endswith(":")
    data = any(c.isdigit() for c in text) or P.RE_LIST_ITEM_SHAPE.search(text)  # "Hull v Leeds"
    letter = P.RE_SALUTATION.match(text)  # "Dear Mr Doyle" under the address it ends
    return plain and 1 <= ln.n_words <= max_words and not data and not letter


def _remove_menu(
    state: State,
    rule: ArtefactRule,
    run: list[int],
    min_lines: int,
    listed: set[int],
    main: tuple[int, int],
) -> None:
    # an introduced list goes on past its longer first items ("fragile roofs and roof lights")
    intro = run and run[0] > 0 and _opens_list(state.lines[run[0] - 1])
    if len(run) < min_lines or intro or run[0] in listed or _framed(state, run, main):
        return
    for j in run:
        state.remove(j, rule)


def _structured_list(state: State, run: list[int]) -> bool:
    """A run of "label - value", "label: value", "label 59%" or stats lines ("Kiara Dobbs 22
    pts, 6 reb") is a data list, not links. A quote after the colon is a headline's ("Former
    private secretary: 'I hope nobody else ...'"), not a field's value."""
    texts = [state.lines[i].text for i in run]
    pairs = sum(
        1 for t in texts if " \u2013 " in t or (": " in t and not P.RE_QUOTED_VALUE.search(t))
    )
    figures = sum(1 for t in texts if _figures(t))
    return pairs >= 0.6 * len(run) or figures >= 0.5 * len(run)


def _figures(text: str) -> bool:
    """A stats line, a line ending in a figure, or a chapter of a show's running order."""
    figures = P.RE_ENDS_WITH_FIGURE.search(text) or P.RE_CHAPTER_TIME.match(text)
    return bool(figures) or len(P.RE_FIGURE.findall(text)) >= 2


def detect_document_tail(state: State, rule: ArtefactRule) -> None:
    max_words = rule.param("max_words", 22)
    headers = set(rule.param("after_categories", ("related", "tags")))
    _, last = state.prose_bounds()
    after_header = inline = False
    listing = False  # inside a list introduced by a line ending in ":"
    notes = False  # inside a show's notes ("Mentioned in this episode"), up to a blank line
    rank = 0  # the rank of the last most-read entry this rule removed
    for i, ln in enumerate(state.lines):
        notes = notes and state.adjacent(i - 1, i)
        name = state.removed.get(ln.line_no)
        if name is not None:
            after_header = state.categories.get(name) in headers
            after_header = after_header and not P.RE_FILE_SIZE_END.search(ln.text)
            inline = _inline_link(ln)
            listing, notes = False, notes and not after_header  # "More episodes" ends them
            rank = _rank(ln) if name == rule.name else 0
            continue
        if after_header and rank and _lead_number(ln) == rank + 1:
            state.remove(i, rule)  # "2. Tributes paid to former mayor, 84" under "1. ..."
            rank += 1
            continue
        shows = bool(P.RE_SHOW_NOTES.match(ln.text))
        if ln.text.endswith(":") or shows:
            listing, notes = True, notes or shows
            continue
        if (listing or notes) and not ln.sentence_end:
            continue
        if after_header and _lead_number(ln) == 1 and _ranks_next(state, i, max_words=max_words):
            state.remove(i, rule)  # "1 Man charged after ..." / "2 Date set for ..."
            rank = 1
            continue
        short = 1 <= ln.n_words <= max_words and (not ln.sentence_end or ln.text.endswith("?"))
        short = short and not wrapped(state, i)
        # names and figures (a referee, an attendance) end match reports: headline-shaped only
        tail = last >= 0 and i > last and not ln.bullet and headline_shaped(ln)
        if (
            subheading(state, i)
            or _subheading_above_prose(state, i)  # "'We were told to keep our heads down'"
            or _data_line(ln)
            or _heads_data(state, i)
            or _asks_over_bullets(state, i)  # "What did they find?" / "- Average: 18 per litre"
        ):
            after_header = False  # a results table or line-ups end match reports
        elif (after_header and short and not (inline and _heads_sentence(state, i))) or (
            tail and short and not ln.sentence_end
        ):
            state.remove(i, rule)
            rank = _rank(ln)
        else:
            after_header = False
    _remove_tail_headers(state, rule, last)


def _rank(ln: Line) -> int:
    """A most-read entry's rank ("3. Westmoor Town boss: ..."; 0: none)."""
    match = P.RE_RANK.match(ln.raw.lstrip())
    return int(match.group(1)) if match else 0


def _lead_number(ln: Line) -> int:
    """The number a line opens with, before a space ("2 Date set for ..."; 0: none)."""
    match = P.RE_LEAD_NUMBER.match(ln.raw.lstrip())
    return int(match.group(1)) if match else 0


def _ranks_next(state: State, i: int, *, max_words: int) -> bool:
    """The next line carries the next rank: most-read entries numbered with a space only,
    which a results table's first rows ("1 Kingsport Lynx 27-9") and the story's numbered
    sentences also are, so both must be headlines."""
    below = state.next_kept(i)
    if below is None or _lead_number(state.lines[below]) != _lead_number(state.lines[i]) + 1:
        return False
    return all(_ranked_headline(state.lines[j], max_words=max_words) for j in (i, below))


def _ranked_headline(ln: Line, *, max_words: int) -> bool:
    """A numbered entry that reads as a headline: no sentence (a question may end it), no
    data ("1. Pay her R2.3 million in back pay;" is the story's own list)."""
    short = ln.n_words <= max_words and (not ln.sentence_end or ln.text.endswith("?"))
    return short and not _data_line(ln, lead=True)


def _rank_end(ln: Line) -> int:
    """Where a line's text starts after its rank ("2. ", or "1" set off by spaces or a tab in
    the raw line; normalising has made those one space)."""
    if not _rank(ln):
        return 0
    return len(ln.text) - len(ln.text.lstrip("(0123456789.)"))


def _heads_sentence(state: State, i: int) -> bool:
    """The next line is a kept sentence: no question (a headline may ask one) and no header
    ending in a colon."""
    below = i + 1
    if below >= len(state.lines) or state.is_removed(below):
        return False
    return state.lines[below].sentence_end and not state.lines[below].text.endswith(("?", ":"))


def _inline_link(ln: Line) -> bool:
    """A label and the headline it links to on one line ("Read more: Villagers say ...")."""
    label, colon, headline = ln.text.partition(":")
    return bool(colon) and len(label.split()) <= 3 and len(headline.split()) >= 4


def _asks_over_bullets(state: State, i: int) -> bool:
    below = state.next_kept(i)
    return _asks_heading(state.lines[i]) and below is not None and state.lines[below].bullet


def _data_line(ln: Line, *, lead: bool = False) -> bool:
    """A results, table or line-up line: ends in a figure (not a year; in a line of over four
    words, with another figure), has semicolons, or has a list-item shape ("Shabana 2
    Murang'a Seal 0", "Gor Mahia: Mutua; Ochieng, ..."). A rank alone is no data: "1. Motor
    premiums fall" or "1   Diner to close after 58 years" heads a most-read list, and with
    ``lead`` so does a number set off by one space ("1 Man charged ..."). A date with its
    time is a teaser's stamp, not data."""
    # a teaser's link number or date is no figure: "... what the numbers say [3]", "... (May 2024)"
    text = P.RE_TEASER_END.sub("", ln.text[_rank_end(ln) :].lstrip())
    if lead:
        text = P.RE_LEAD_NUMBER.sub("", text)
    if P.RE_DATE_DMY.match(text) or P.RE_DATE_MDY.match(text):
        return False  # a teaser's time stamp ("09:15, Wednesday 5 March 2025")
    figure = bool(P.RE_ENDS_WITH_FIGURE.search(text)) and not P.RE_YEAR_END.search(text)
    # one closing figure of its own in a longer line ends a headline ("Footy club turns
    # 150"), not a field list ("Harlow Vale: Tries: Iredale Cons: Ferris 2") or a DOI
    headline = len(text.split()) > 4 and len(P.RE_FIGURE.findall(text)) < 2
    headline = headline and text.count(": ") < 2 and not P.RE_ENDS_WITH_LINK.search(text)
    figure = figure and not headline
    return figure or "; " in text or bool(P.RE_LIST_ITEM_SHAPE.search(text))


def _heads_data(state: State, i: int) -> bool:
    below = state.next_kept(i)
    return below is not None and state.lines[i].n_words <= 3 and _data_line(state.lines[below])


def _remove_tail_headers(state: State, rule: ArtefactRule, last: int) -> None:
    """After the last prose line, a 1-3 word label directly above removed lines heads them."""
    removed_before = set(state.removed)  # a snapshot, so labels do not cascade upwards
    # the author's first name alone signs a post off ("More soon." / "Andy"), heading nothing
    signs = {name.split()[0] for name in [*state.authors, *state.named] if name.split()}
    for i in range(last + 1, len(state.lines) - 1):
        ln, below = state.lines[i], state.lines[i + 1]
        # a 1-3 word label, or a header of up to 5 words ending in ":" ("Suggested Topics:");
        # a field with its value ("Attendance: 6,412") ends a match report, it heads nothing
        colon = ln.text.endswith(":") and ln.n_words <= 5
        field = ": " in ln.text.rstrip(":")
        label = not ln.bullet and not field and (colon or (not ln.sentence_end and ln.n_words <= 3))
        label = label and not P.RE_LIST_ITEM_SHAPE.search(ln.text) and " \u2013 " not in ln.text
        label = label and ". " not in ln.text  # a sign-off: "Thank you. Marian"
        label = label and ln.text not in signs
        # a letter's close heads nothing: "Yours faithfully,", "Yours sincerely"
        label = label and not (ln.text.endswith(",") or P.RE_VALEDICTION.match(ln.text))
        label = label and below.raw.strip() != "--"  # a name over an e-mail's signature
        if label and below.line_no in removed_before and ln.line_no not in removed_before:
            state.remove(i, rule)


def detect_residue(state: State, rule: ArtefactRule) -> None:
    """Counts, clock times, gallery/page positions, relative times; dates without a year at
    the edges ("48", "15:42", "1 of 12", "3 hours ago", "Mar 11"); a forum member's handle
    alone below the first paragraph ("Old_Sweat_REME")."""
    first, _ = state.prose_bounds()
    for i in state.kept():
        text = state.lines[i].text
        if len(text) > 60:
            continue
        # fixture lists end match reports with "Saturday, 26 February": only the top counts;
        # above the text, a handle is the thread's byline
        dated = i < first and P.RE_DATE_NO_YEAR.match(text)
        handle = i > first and P.RE_USER_HANDLE.match(text)
        if P.RE_RESIDUE.match(text) or dated or handle:
            state.remove(i, rule)


def detect_comment_thread(state: State, rule: ArtefactRule) -> None:
    """Everything after a comment-thread header that follows most of the article's prose, or
    a fifth of it when a reply button below confirms the thread (long comments outweigh a
    short article)."""
    share = rule.param("min_prose_share", 0.6)
    confirmed_share = rule.param("min_prose_share_confirmed", 0.2)
    prose = [
        ln.n_words if state.is_prose(i) and not state.is_removed(i) else 0
        for i, ln in enumerate(state.lines)
    ]
    total = sum(prose)
    if total == 0:
        return
    before = 0
    for i, ln in enumerate(state.lines):
        # a comment count beside the byline or date ("11 Comments") is a button
        byline = any(state.is_metadata(j) for j in range(max(0, i - 3), i))
        header = len(ln.text) <= 300 and P.RE_COMMENTS_HEADER.match(ln.text) and not byline
        # "Discussion" alone is also a paper's section: a thread only with a reply button
        section = header and P.RE_SECTION_OR_THREAD.match(ln.text)
        if header and (
            (before >= share * total and not section)
            or (before >= confirmed_share * total and _reply_below(state, i))
        ):
            for j in range(i, len(state.lines)):
                state.remove(j, rule)
            return
        before += prose[i]


def _reply_below(state: State, i: int, *, window: int = 12) -> bool:
    below = state.lines[i + 1 : i + 1 + window]
    return any(P.RE_REPLY_BUTTON.match(ln.text) for ln in below)


def detect_after_article(state: State, rule: ArtefactRule) -> None:
    """Kept lines after the article's main block with ``min_gap`` or more removed artefact
    lines between: teasers, forms and widgets at the foot of a whole page. The lines up to
    the last paragraph of more than ``max_words`` words and the pieces of a paragraph broken
    into lines stay: the end of an article that an inline gallery or widget cut off from the
    main block. Lines removed by ``parting_rules`` (a live page's time stamps) do not count
    towards the gap, nor a print page's jump to another page (its lines may have gone by
    other rules: an advert, a page number); a clock time alone on its line ("09.55 BST")
    opens a live page's next entry, and the count starts again below it."""
    min_gap, max_words = rule.param("min_gap", 8), rule.param("max_words", 40)
    parting_rules = set(rule.param("parting_rules", ()))  # they part entries, not end a page
    jumped = page_jumps(state, max_lines=rule.param("max_jump_lines", 12))
    _, last = state.main_block()
    kept = state.kept()
    after = dict(itertools.pairwise(kept))
    before = {j: i for i, j in after.items()}
    # the article goes on to its last long paragraph: a box set into it (jobs, a quiz) is
    # no page foot, however many lines it has
    resumed = max((i for i in kept if i > last and state.lines[i].n_words > max_words), default=-1)
    gap = 0
    for i in range(max(last, resumed) + 1, len(state.lines)) if last >= 0 else ():
        if state.is_removed(i):
            parting = state.removed[state.lines[i].line_no] in parting_rules or i in jumped
            if parting and P.RE_ENTRY_TIME.match(state.lines[i].text):
                gap = 0  # a live page's next entry: the article goes on below its time stamp
            gap += not state.is_metadata(i) and not parting
            continue
        piece = goes_on(state, i, after.get(i)) or (i in before and goes_on(state, before[i], i))
        if gap >= min_gap and not piece:
            state.remove(i, rule)


def detect_ui_fragment(state: State, rule: ArtefactRule) -> None:
    """Up to ``max_run`` short lines at the top or bottom of the document with removed lines
    (or the document's edge) on both sides: buttons and labels left between artefacts."""
    first, last = state.prose_bounds()
    max_run = rule.param("max_run", 3)
    run: list[int] = []
    for i in [*range(len(state.lines)), None]:
        if i is not None and not state.is_removed(i):
            ln = state.lines[i]
            zone_words = rule.param("max_words_top", 4) if i < first else 0
            zone_words = rule.param("max_words_bottom", 6) if i > last else zone_words
            # a letter's close ("With thanks,") is no button, and its signature is no label
            if fragment(ln, zone_words) and not P.RE_VALEDICTION.match(ln.text):
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
    agency = [title_case_label(state.lines[j], 4) and P.RE_AGENCY_WORD.search(t)
              for j, t in zip(run, lines, strict=True)]  # fmt: skip
    return head and all(
        a or P.RE_AGENCY_DATELINE.match(t) for a, t in zip(agency, lines, strict=True)
    )


def detect_sentence_footer(state: State, rule: ArtefactRule) -> None:
    """Footer sentences about the site, publisher or sponsor, from the end upwards past removed
    lines and labels; the first other line stops the scan (the article's last paragraph)."""
    first, _ = state.prose_bounds()
    for i in range(len(state.lines) - 1, first, -1):
        ln = state.lines[i]
        if state.is_removed(i) or (not ln.sentence_end and ln.n_words <= 12):
            continue  # labels and addresses between footers are left to later detectors
        quoted = '"' in ln.text or P.RE_QUOTE_OPEN.match(ln.text)
        footer = ln.n_words <= rule.param("max_words", 30) and P.RE_FOOTER_SENTENCE.search(ln.text)
        if quoted or ln.bullet or not footer:
            return  # a bullet is a note to editors ("• Lanternway is a registered charity")
        state.remove(i, rule)


def detect_enclosed(state: State, rule: ArtefactRule) -> None:
    """Up to ``max_run`` kept lines of at most ``max_words`` words between two lines that one
    box rule (``box_rules``) removed, with no blank line in the box: its middle (an AI
    summary's bullets between its label and its disclaimer, a newsletter box's blurb between
    its name and its e-mail field). Share bars, menus and prompts are left out: they recur
    between the entries of a live page and the sections of an article. ``box_max_run`` holds
    a shorter limit for some box rules (two captions frame a photo essay's paragraphs)."""
    max_run, max_words = rule.param("max_run", 4), rule.param("max_words", 30)
    boxes, limits = set(rule.param("box_rules", ())), dict(rule.param("box_max_run", ()))
    n = len(state.lines)
    for top in range(n - 2):
        name = state.removed.get(state.lines[top].line_no)
        if name not in boxes:
            continue
        run_limit, bottom = limits.get(name, max_run), top + 1
        while bottom < n and bottom - top <= run_limit and not state.is_removed(bottom):
            bottom += 1
        run = range(top + 1, bottom)
        if (
            bottom < n
            and run
            and state.removed.get(state.lines[bottom].line_no) == name
            and all(state.adjacent(j, j + 1) for j in range(top, bottom))
            and all(state.lines[j].n_words <= max_words for j in run)
            and not any(j in state.tables for j in run)  # a table between its title and source
            # two one-line teasers ("READ MORE: ...", "WATCH: ...") frame paragraphs, not a box
            and not (_inline_link(state.lines[top]) and _inline_link(state.lines[bottom]))
        ):
            for j in run:
                state.remove(j, rule)


def detect_page_layout(state: State, rule: ArtefactRule) -> None:
    """A print page's layout left in the text: a running head or foot set apart from its
    page, issue or date by a wide gap ("Final decision          2"), alone among lines
    without columns (a table's rows have gaps in their neighbours too); and another page's
    matter (an advert, a running head) between "Continued on page 14" and "Continued from
    page 12", up to ``max_jump_lines`` lines apart."""
    max_words, max_jump = rule.param("max_words", 10), rule.param("max_jump_lines", 12)
    for k in page_jumps(state, max_lines=max_jump):
        state.remove(k, rule)
    for i in state.kept():
        if _set_apart_head(state, i, max_words=max_words):
            state.remove(i, rule)


def page_jumps(state: State, *, max_lines: int) -> set[int]:
    """Indices of the lines from each "Continued on page N" to the next "Continued from page
    M" at most ``max_lines`` lines on, both included."""
    lines, jumped = state.lines, set()
    for i, ln in enumerate(lines):
        if not P.RE_JUMP_TO.search(ln.text):
            continue
        ahead = range(i + 1, min(len(lines), i + 1 + max_lines))
        resume = next((j for j in ahead if P.RE_JUMP_FROM.search(lines[j].text)), None)
        if resume is not None:
            jumped.update(range(i, resume + 1))
    return jumped


def _set_apart_head(state: State, i: int, *, max_words: int) -> bool:
    """Is line ``i`` a running head: a title and a page, issue or date field, eight spaces or
    more apart, and no columns in the lines on either side?"""
    ln = state.lines[i]
    parts = P.RE_WIDE_GAP.split(ln.raw.strip())
    if len(parts) != 2 or "\n" in ln.raw:
        return False
    fields = [bool(P.RE_PAGE_FIELD.match(part)) for part in parts]
    if not any(fields):
        return False
    title = parts[1] if fields[0] else parts[0]
    # a field and its value ("Date of inspection:   12 November 2024") or a piece of a
    # paragraph numbered by its line ("8        keep the structure ...") is no head
    if len(title.split()) > max_words or title.endswith(":") or title[:1].islower():
        return False
    if P.RE_SENTENCE_END.search(title):
        return False
    near = [state.lines[j].raw for j in (i - 1, i + 1) if 0 <= j < len(state.lines)]
    return not any(P.RE_COLUMN_GAP.search(raw.strip()) for raw in near)
