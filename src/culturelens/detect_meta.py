"""Metadata detectors: the headline, the labels above it, date lines, bylines, author bios.

Each finds its lines by form and position (the top of the document, next to other metadata)
and marks them removed under a rule of category ``metadata`` (or ``bio``); the headline and
the date are kept on the :class:`~culturelens.clean_state.State` for ``documents.csv``.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import TYPE_CHECKING

from culturelens import _patterns as P
from culturelens.clean_state import (
    FINGERPRINT_CHARS,
    HEADER_LINES,
    Line,
    State,
    body_line,
    body_start,
    byline_first,
    edge_zone,
    header_zone,
    headline_text,
    is_label,
    line_fingerprint,
    list_runs,
    person_name,
    section_name,
    subheading,
    title_case_label,
)
from culturelens.detect_records import record_field
from culturelens.tokens import load_stopwords

if TYPE_CHECKING:
    from culturelens.clean_rules import ArtefactRule


def detect_section_label(state: State, rule: ArtefactRule) -> None:
    """Labels above the headline ("LOCAL NEWS", "Home News", a site name, a menu).

    Also records the confirmed headline in ``state.title_at`` for the ``title`` and
    ``header_furniture`` detectors, which therefore run after this one.
    """
    if state.page_title_at >= 0:  # the page's <title> names it: all above is furniture
        state.title_at = state.page_title_at
        labels = [i for i in state.kept() if i < state.title_at]
    else:
        state.title_at = _confirmed_title(state)
        if state.title_at >= 0:  # a byline or date confirms it: everything above is furniture
            labels = [i for i in header_zone(state) if i < state.title_at]
        else:
            _title, labels = _title_index(state, limit=rule.param("max_words_before", 2))
    for i in labels:
        state.remove(i, rule)


def detect_page_title(state: State, rule: ArtefactRule) -> None:
    """An HTML page's <title> line, when a later line is the headline it names.

    Records the headline in ``state.page_title_at``: the header zone starts there, so the
    date and byline under it are found below hundreds of menu lines, and ``section_label``
    takes it as the confirmed headline. Runs before the other structural rules.
    """
    state.page_title_at = _page_title(state, min_words=rule.param("min_words", 5))
    if state.page_title_at > 0:
        state.remove(0, rule)
    elif state.page_title_at < 0:
        state.page_title_at = _markdown_title(state)


def _markdown_title(state: State, *, window: int = 40) -> int:
    """Index of the first level-one markdown heading ("# Headline") of three to 30 words
    among the first ``window`` lines and above any paragraph of over 30 words (-1: none):
    an extraction tool marked the page's headline. The raw line shows the mark."""
    for i, ln in enumerate(state.lines[:window]):
        if ln.n_words > 30:
            break
        if P.RE_MD_TITLE.match(ln.raw.lstrip()) and ln.n_words >= 3:
            state.removed.pop(ln.line_no, None)
            return i
    return -1


def _page_title(state: State, *, min_words: int) -> int:
    """Index of the headline that the first line repeats (-1: none).

    An HTML page converted to text starts with its <title>: the headline, often followed by
    the section and site ("Headline | Germany | DW"). A later line of at most 30 words equal
    to it, or to a part before a separator, is the headline, even when a wording rule has
    taken it: it is given back for the headline rule. Site names and kickers are shorter
    than ``min_words``.
    """
    text = state.lines[0].text if state.lines else ""
    whole = line_fingerprint(text)
    # only cuts within the fingerprint's reach: slicing at every dash of a 1 MB line was
    # quadratic (10 s for 1 MB of punctuation)
    cuts = [m.start() for m in P.RE_PAGE_TITLE_SEPARATOR.finditer(text, 0, FINGERPRINT_CHARS)]
    parts = {line_fingerprint(text[:c]) for c in cuts} - {whole}
    first, last = state.main_block()
    copies = []
    for i in range(1, min(max(first, last), len(state.lines))):
        ln = state.lines[i]
        if ln.n_words < min_words or ln.n_words > 30 or ln.bullet or state.is_metadata(i):
            continue
        key = line_fingerprint(ln.text)
        # a line repeating the whole first line is given back only if no rule took it: two
        # copies of one server warning are not a <title> and its headline
        if key in parts or (key == whole and not state.is_removed(i)):
            copies.append(i)
    # a copy over a byline or date is the headline, even inside the main block (a modal's
    # sentences may start it higher up; a news stream's card may repeat the headline
    # above); otherwise the first copy above the article (a printed page's foot repeats it)
    over = [i for i in copies if byline_or_date_below(state, i)]
    above = [i for i in copies if i < first]
    found = (over or above or [-1])[0]
    if found > 0:
        state.removed.pop(state.lines[found].line_no, None)
    return found


def byline_or_date_below(state: State, i: int, *, window: int = 4) -> bool:
    """Is there a "By ..." byline or a date line among the ``window`` raw lines under line
    ``i``, removed or not? Then line ``i`` is the article's headline."""
    below = state.lines[i + 1 : i + 1 + window]
    return any(P.RE_BY_PREFIX.match(ln.text) or _dateline(ln.text) for ln in below)


def detect_next_article(state: State, rule: ArtefactRule) -> None:
    """From a "Next article" label over another story's header (a headline with a byline or
    date below it) to the end: the page went on to the next story."""
    min_prose = rule.param("min_prose_lines", 3)
    prose = 0
    for i in range(len(state.lines)):  # the label itself may be removed already
        if not state.is_removed(i) and state.is_prose(i):
            prose += 1
            continue
        if prose < min_prose or not P.RE_NEXT_ARTICLE.match(state.lines[i].text):
            continue
        head = state.next_kept(i)
        if head is not None and _headline(state.lines[head]) and byline_or_date_below(state, head):
            for j in range(i, len(state.lines)):
                state.remove(j, rule)
            return


def _confirmed_title(state: State, *, window: int = 4) -> int:
    """Index of the headline above a byline or date in the header (-1: none found).

    Among the ``window`` kept lines above the metadata, the headline is the last
    headline-shaped line that is not a label (a menu, a site name, a short kicker): menus,
    taglines and tickers sit higher up. A standfirst with a full stop may sit between it and
    the metadata; of two candidates with no blank line between them, the upper one is the
    headline and the lower a standfirst without a full stop, unless the upper one is in
    capitals and the lower not (a kicker over the headline). A headline may ask one question.
    When only labels sit above the metadata ("<< Return to index"), the headline-shaped line
    under it is the headline. A line ending in a full stop is the headline only directly
    above the metadata, or above a standfirst directly above it, when nothing else qualifies,
    or right over a standfirst of 15 words or more without one (:func:`_headline_over`).
    """
    zone, start = header_zone(state), body_start(state)
    for meta in _metadata_by_strength(state, start):
        # a government page's "From:" / its department between the headline and the date
        above = [i for i in zone if i < meta and not _header_field(state, i)][-window:]
        shaped = [i for i in above if _headline_candidate(state.lines[i], 30)]
        plain = [i for i in shaped if not state.lines[i].sentence_end or _asks(state.lines[i])]
        titles = [i for i in plain if not _label_like(state.lines[i])]
        # a line under the title with no blank between is its standfirst, and so is a much
        # longer line right under it past a blank line
        while len(titles) > 1 and (
            state.adjacent(titles[-2], titles[-1]) or _standfirst_under(state, *titles[-2:])
        ):
            if _kicker(state.lines[titles[-2]], state.lines[titles[-1]]):
                titles = titles[-1:]  # "PRESS RELEASE" in capitals over the headline
                break
            if _over_own_standfirst(state, titles[-1]):
                titles = titles[-1:]  # a headline has one standfirst: the upper line is no headline
                break
            titles.pop()
        if titles:
            return _headline_over(state, titles[-1], shaped)
        if plain and all(_label_like(state.lines[i]) for i in plain):
            under = state.next_kept(meta)
            below = state.lines[under] if under in zone else None
            if below is not None and _headline(below, may_ask=True):
                return under  # only labels above the date: the headline is below it
        # the author's bare name may stand between them and the date ("Dev Hollingshead")
        last = shaped[-1] if shaped else -1
        names = [j for j in above if j > last]
        named = bool(names) and all(person_name(state.lines[j].text) for j in names)
        if shaped and (last == meta - 1 or named) and state.lines[last].text.count(". ") <= 1:
            # two sentences over the byline: a headline ("They Leave. A Hospital Is Trying.")
            # over its standfirst; it beats a label higher up ("work, interviews, to-cite").
            # Three are a bio ("Courts reporter, The Echo. Tips welcome. Views mine.")
            upper = last - 1
            standfirst = upper in shaped and state.adjacent(upper, last)
            return upper if standfirst and _standfirst(state.lines[last]) else last
        if shaped and _over_standfirst(state, shaped[-1], meta):
            return shaped[-1]  # "Assaults doubled. Operators say ..." / its standfirst / byline
        if plain:
            return plain[-1]
    return -1


def _header_field(state: State, i: int) -> bool:
    """Is line ``i`` a header's field label (:data:`culturelens._patterns.RE_HEADER_FIELD`)
    or the value right under it ("From:" / "Ministry of Housing, Communities and Local
    Government"): not a headline?"""
    field = i > 0 and state.adjacent(i - 1, i) and P.RE_HEADER_FIELD.match(state.lines[i - 1].text)
    return bool(field or P.RE_HEADER_FIELD.match(state.lines[i].text))


def _headline_over(state: State, i: int, shaped: list[int]) -> int:
    """The headline of one or two sentences right over line ``i``, which is then its
    standfirst of 15 words or more without a full stop ("I reported my own club. Here's what
    happened next." / "Eighteen months after blowing the whistle ..."); else ``i``. A
    shorter line under a note is the headline ("Data last updated at 14:52 GMT." / "Pound
    falls as ...")."""
    upper = i - 1
    if upper not in shaped or not state.adjacent(upper, i):
        return i
    head, below = state.lines[upper], state.lines[i]
    two = head.sentence_end and head.text.count(". ") <= 1
    return upper if two and below.n_words >= max(15, head.n_words) else i


def _over_standfirst(state: State, i: int, meta: int) -> bool:
    """Is line ``i``, of one or two sentences, right over a standfirst that is right over the
    metadata? Then it is the headline, though it ends in a full stop."""
    below = meta - 1
    stacked = i == below - 1 and state.adjacent(i, below) and state.adjacent(below, meta)
    return stacked and state.lines[i].text.count(". ") <= 1 and _standfirst(state.lines[below])


def _over_own_standfirst(state: State, i: int) -> bool:
    """Is the line right under line ``i`` (no blank between) a standfirst longer than it?"""
    below = i + 1
    if below >= len(state.lines) or not state.adjacent(i, below) or state.is_removed(below):
        return False
    lower = state.lines[below]
    return _standfirst(lower) and lower.n_words > state.lines[i].n_words


def _asks(ln: Line) -> bool:
    """Is the line one question ("What will it take?"): a headline may ask, in one sentence."""
    return ln.text.rstrip("'\"\u2019\u201d").endswith("?") and ". " not in ln.text


def _standfirst_under(state: State, upper: int, lower: int) -> bool:
    """Is ``lower`` (the next non-blank line after ``upper``) a standfirst: over 15 words and
    a third as long again as a headline of at most 20? A widget's label with a symbol ("Select
    Language ▼ Translation by Google") is no headline."""
    head, below = state.lines[upper].n_words, state.lines[lower].n_words
    widget = any(unicodedata.category(c) == "So" for c in state.lines[upper].text)
    return lower == upper + 1 and head <= 20 and below > 15 and below >= 1.3 * head and not widget


def _metadata_by_strength(state: State, start: int) -> list[int]:
    """Metadata lines above ``start``, the strongest run of them first, then top down.

    A run is metadata lines with only removed lines between them; a line with a date or a
    "By ..." byline weighs 2, any other (a bare name, perhaps a section name) 1. A lone bogus
    byline or date high on the page (a council's name, a radio playlist) then no longer
    confirms the line above it when a date and byline lower down agree on the headline.
    """
    runs: list[list[int]] = []
    for i in range(min(start, len(state.lines))):
        if state.is_metadata(i):
            joined = runs and all(state.is_removed(j) for j in range(runs[-1][-1] + 1, i))
            if joined:
                runs[-1].append(i)
            else:
                runs.append([i])

    def weight(i: int) -> int:
        text = state.lines[i].text
        return 2 if P.RE_BY_PREFIX.match(text) or P.RE_DATE_ANYWHERE.search(text) else 1

    runs.sort(key=lambda run: -sum(weight(i) for i in run))  # stable: top down among equals
    return [i for run in runs for i in run]


def _kicker(upper: Line, lower: Line) -> bool:
    """A short line in capitals over a line in lower case: a kicker over its headline. A
    longer one is a headline in capitals over its standfirst."""
    return upper.text.isupper() and not lower.text.isupper() and upper.n_words <= 5


def _label_like(ln: Line) -> bool:
    return ln.n_words <= 4 or " | " in ln.text or title_case_label(ln, 10)


def detect_header_furniture(state: State, rule: ArtefactRule) -> None:
    """Short labels between a confirmed headline and the body ("4 min", "Social Sharing"), and
    a government page's fields ("From:" / "Ministry of Justice")."""
    if state.title_at < 0:
        return
    max_words, start = rule.param("max_words", 4), body_start(state)
    headings = {h.casefold() for h in rule.param("headings", ())}
    # past two body paragraphs the header is over, adjacent or not, and so it is past one
    # under a sub-heading ("Summary" / a paragraph / "Product details")
    body_lines, headed = 0, False
    for i in (i for i in header_zone(state) if i > state.title_at):
        ln = state.lines[i]
        body_lines += body_line(state, i) * (1 + headed)
        if body_lines < 2 and _header_field(state, i) and not ln.text.endswith((".", "!", "?")):
            state.remove(i, rule)  # "From:" / "Ministry of Justice"
            continue
        label = not ln.bullet and not ln.sentence_end and not ln.text.endswith(":")
        if not label or ln.n_words > max_words or P.RE_NUMBERED.match(ln.text) or body_lines >= 2:
            continue
        if ln.text.casefold() in headings or P.RE_SALUTATION.match(ln.text):
            headed = True
            continue  # a report's summary or a letter opens under its headline
        # a short line above the body or a list ("Key takeaways") is a sub-heading, unless
        # more metadata follows it
        more_meta = any(state.is_metadata(j) for j in range(i + 1, start))
        if more_meta or not (subheading(state, i) or _over_list(state, i)):
            state.remove(i, rule)


def _over_list(state: State, i: int) -> bool:
    """Is line ``i`` over a list: a bulleted sentence, or two bulleted items in a row?"""
    below = state.next_kept(i)
    if below is None or not state.lines[below].bullet:
        return False
    after = state.next_kept(below)
    pair = after is not None and state.lines[after].bullet and state.lines[after].n_words >= 3
    return state.lines[below].sentence_end or (pair and state.lines[below].n_words >= 3)


def detect_title(state: State, rule: ArtefactRule) -> None:
    kept = state.kept()
    if len(kept) < 2 or state.title is not None:
        return  # a one-line document is all body
    labels, (first, _) = set(rule.param("fields", ())), state.prose_bounds()
    # a record's headline field sits above its text: below the first paragraph, "HD: ..." is
    # an interviewer's question
    header = [i for i in kept[:HEADER_LINES] if i < first and not state.kept_always(i)]
    values = ((i, _field_value(state, i, labels)) for i in header)
    fielded = next(((i, value) for i, value in values if value), None)
    if fielded is not None:  # a database record names its headline ("HEADLINE: ...")
        state.title = fielded[1]
        state.remove(fielded[0], rule)
        return
    title = state.title_at
    if title < 0:
        title, _ = _title_index(state, max_words=rule.param("max_words", 25))
    if title < 0 or (title != kept[0] and title != state.title_at):
        return
    ln = state.lines[title]
    text = ln.text.rstrip("'\"").removesuffix("...").rstrip("?!")  # may end in ? ! or ...
    below = title + 1 < len(state.lines) and state.is_metadata(title + 1)
    if ln.bullet or state.kept_always(title):  # code or speech is never the headline
        return
    if P.RE_SENTENCE_END.search(text) and not below and title != state.title_at:
        return
    state.title = ln.text
    if title == state.page_title_at:  # named by the page's <title>: no other rule's guess stands
        state.removed.pop(ln.line_no, None)
    state.remove(title, rule)


def _field_value(state: State, i: int, labels: set[str]) -> str:
    field = record_field(state.lines[i])
    return field.value if field is not None and field.label in labels else ""


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
    shaped = not ln.bullet and 3 <= ln.n_words <= max_words
    return shaped and not P.RE_NAME_LINE.match(ln.text) and not P.RE_SPACED_ITEMS.search(ln.raw)


def _label_above(state: State, head: list[int], k: int, limit: int) -> bool:
    """Is head[k] a label above the headline: short, in capitals, a menu (items joined with
    runs of spaces or middle dots), or a name over a longer line?"""
    ln = state.lines[head[k]]
    if is_label(ln, limit) or P.RE_SPACED_ITEMS.search(ln.raw):
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
        day, year = int(parts["day"]), int(parts["year"])
        if month > 12 >= day:  # "07/25/2024": month first (US)
            day, month = month, day
        year += (2000 if year < 70 else 1900) if year < 100 else 0
        try:
            return dt.date(year, month, day).isoformat()
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
    for i in sorted({*edge_zone(state), *header_zone(state)}):
        ln = state.lines[i]
        short = ln.n_words <= 24
        iso = _date_of_line(ln.text) if short else None
        if iso is None and short and not ln.text.endswith("."):
            iso = _dateline(ln.text)
        if iso is not None:
            state.date = state.date or iso
            state.remove(i, rule)
    if state.date is None:
        state.date = _running_head_date(state)


def _running_head_date(state: State) -> str | None:
    """The issue's date in the first running head of an old page ("THE COURIER, MARCH 17,
    1923."), which a scan or a PDF may give as the article's only date."""
    heads = (ln.text for ln in state.lines if state.removed.get(ln.line_no) == "running_head")
    for match in filter(None, map(P.RE_DATE_ANYWHERE.search, heads)):
        return _parse_date(match.group(0))
    return None


def detect_byline(state: State, rule: ArtefactRule) -> None:
    header = header_zone(state)
    top = state.kept()[:1]
    listed = _listed(state)
    for i in sorted({*edge_zone(state), *header}):
        ln = state.lines[i]
        if ln.n_words > 16:
            continue
        # a name under the headline ("Priya Raman", "Ng Wei Ling, Health Reporter") ...
        name = i in header and i not in top and i not in listed and _name_with_role(ln.text)
        name = name and not P.RE_SALUTATION.match(ln.text)  # "Dear Rosalind" opens a letter
        # ... and not a speaker over a quote ("Daniel Fairbrother, Chief Executive, said:")
        name = name and not ln.text.endswith(":")
        # ... next to a date or under a headline, not a venue line ("Ewood Park") above prose
        name = name and (_near_metadata(state, i) or _under_headline(state, i))
        byline = byline_first(ln.text)  # "By Ann Lee | ann@example.com"
        prefixed = P.RE_BY_PREFIX.match(ln.text) and ln.n_words <= 12 and not ln.sentence_end
        if byline or prefixed or name:
            (state.authors if byline or prefixed else state.named).append(_author(ln.text))
            state.remove(i, rule)
    _byline_parts(state, rule, sorted({*edge_zone(state), *header}))


def _listed(state: State, *, max_label_words: int = 3, min_items: int = 3) -> set[int]:
    """Items of a list of ``min_items`` or more under a short label ending in ":" that is no
    byline label: the names under a meeting's "Present:" are its members, those under
    "Authors:" its bylines."""
    runs = list_runs(state, after_blank=False)
    return {
        j
        for label, run in runs.items()
        if len(run) >= min_items
        and state.lines[label].n_words <= max_label_words
        and not P.RE_BY_LABEL.match(state.lines[label].text)
        for j in run
    }


def _byline_parts(state: State, rule: ArtefactRule, zone: list[int]) -> None:
    """A byline split over lines: its label above the name ("By" / "Jon Porter"), and the
    role under it ("By Ann Lee" / "Health reporter")."""
    for i in zone:
        _profile_tagline(state, rule, i)
        name, below = i, _short_line_under(state, i, rule)
        if below is None:
            continue
        if P.RE_BY_LABEL.match(state.lines[i].text) and not state.is_removed(i):
            if not state.is_removed(below):
                state.authors.append(_author(state.lines[below].text))
            state.remove(i, rule)
            state.remove(below, rule)
            name, below = below, _short_line_under(state, below, rule)  # a role may follow
        byline = state.removed.get(state.lines[name].line_no) == rule.name
        if byline and below is not None and P.RE_ROLE_LINE.search(state.lines[below].text):
            state.remove(below, rule)


def _profile_tagline(state: State, rule: ArtefactRule, i: int) -> None:
    """Remove a networking profile's headline right under the byline ``i``: too long for a
    role line (:data:`culturelens._patterns.RE_PROFILE_TAGLINE`)."""
    below = i + 1
    if state.removed.get(state.lines[i].line_no) != rule.name or below >= len(state.lines):
        return
    if not state.is_removed(below) and P.RE_PROFILE_TAGLINE.match(state.lines[below].text):
        state.remove(below, rule)


def _short_line_under(state: State, i: int, rule: ArtefactRule) -> int | None:
    """Index of a label-sized line right under line ``i``, kept or a byline; a blank line
    may come between, as on an HTML page converted to text (None: there is none)."""
    j = i + 1
    if j >= len(state.lines) or state.removed.get(state.lines[j].line_no, rule.name) != rule.name:
        return None
    ln = state.lines[j]
    near = ln.line_no - state.lines[i].line_no <= 2
    return j if near and ln.n_words <= 6 and not ln.sentence_end else None


def _name_with_role(text: str) -> bool:
    """Names, optionally with a short role, place or outlet ("Sam Lee, Health Editor", "Ann
    Ray and Bo Li (The Post)", "Tom Lee in London", "Jo Bell Staff Writer", "and Jo Bell,
    Staff Writer" continuing the byline above)."""
    parts = P.RE_BYLINE_SPLIT.split(text.removeprefix("and "), maxsplit=1)
    names, role = parts[0], parts[1] if len(parts) > 1 else ""
    if all(map(person_name, P.RE_NAME_JOIN.split(names))) and len(role.split()) <= 6:
        return True
    glued = P.RE_GLUED_ROLE.search(text)  # a role with no comma, as a scrape joins the two
    return glued is not None and person_name(text[: glued.start()])


def _near_metadata(state: State, i: int) -> bool:
    return any(state.is_metadata(j) for j in (i - 1, i + 1) if 0 <= j < len(state.lines))


def _under_headline(state: State, i: int) -> bool:
    """Is the kept line above a headline (5+ words, no full stop), or a standfirst directly
    under a headline that is not a label (a menu, a site name)?"""
    above = [j for j in state.kept() if j < i][-2:]
    if len(above) == 2 and _standfirst(state.lines[above[1]]) and above[0] == above[1] - 1:
        return _headline(state.lines[above[0]]) and not _label_like(state.lines[above[0]])
    return bool(above) and _headline(state.lines[above[-1]])


def _headline(ln: Line, *, may_ask: bool = False) -> bool:
    """Five words or more, no sentence; or, ``may_ask``, one question ("Who are the awards
    actually for?")."""
    unended = not ln.sentence_end or (may_ask and _asks(ln))
    return _headline_candidate(ln, 30) and ln.n_words >= 5 and unended


def _standfirst(ln: Line) -> bool:
    return ln.sentence_end and 8 <= ln.n_words <= 60 and not ln.bullet


def _author(byline: str) -> str:
    """The first name in a byline ("By Jane Smith and Ali Khan, Health" -> "Jane Smith")."""
    text = P.RE_BYLINE_SPLIT.split(byline)[0].split(" and ")[0].split(" & ")[0]
    prefix = P.RE_BY_PREFIX.match(text)
    words = text[prefix.end() - 1 :].split() if prefix else text.split()
    return " ".join(words[:3]).rstrip(".")


def detect_author_bio(state: State, rule: ArtefactRule) -> None:
    """A line in the second half about the author: it starts with the byline's name (or first
    name) and a lower-case word ("Tom Farrell is news editor ...", "Priya leads ..."), or
    with any name and a journalist's role or contact ("Dana Lee can be reached at ...").
    After a name that stood alone under the headline (it may be a role or place) a bio
    verb must follow (:data:`culturelens._patterns.RE_BIO_VERB`)."""
    # a name line may be a desk or an organisation ("Legal Affairs", "Northwood Health
    # Communications"): its first word alone starts the story's "Legal experts say ..."
    by, named = _names(state.authors), _names(state.named, firsts=False)
    # a name alone under the headline that the story's first half talks about is its
    # subject, not its writer: "NEWS PROVIDED BY" / "Aurelian Airways", then "Aurelian
    # Airways today signed ..." and, at the foot, "Aurelian Airways is a full-service carrier"
    body = state.lines[body_start(state) : len(state.lines) // 2]
    half = [ln.text for ln in body if ln.sentence_end]
    named = [name for name in named if not any(f"{name} " in text for text in half)]
    max_words = rule.param("max_words", 60)
    for i in state.kept():
        ln = state.lines[i]
        if i < len(state.lines) / 2 or ln.n_words > max_words:
            continue
        own = any(_starts_with_name(ln.text, name) for name in by)
        # ... also under its heading on the same line ("About Kit: Kit is a former ...")
        own = own or any(ln.text.startswith(f"About {name}: ") for name in by)
        own = own or any(_starts_with_name(ln.text, name, verb=True) for name in named)
        if own or P.RE_BIO_SENTENCE.match(ln.text):
            state.remove(i, rule)
    for i in _bio_box(state, rule):
        state.remove(i, rule)


def _bio_box(state: State, rule: ArtefactRule) -> list[int]:
    """Indices of a box under a heading such as "About the author" in the second half: the
    heading, then the kept lines under it (past removed lines until the first, which must
    start within four raw lines) while no blank or removed line parts them, at most
    ``max_box_lines``. A heading with the bio after a colon on its own line ("About the
    author: Priya leads ...") is a box of one line."""
    headings = set(rule.param("headings", ()))
    max_words, max_lines = rule.param("max_words", 60), rule.param("max_box_lines", 8)
    box: list[int] = []
    for i in range(len(state.lines) // 2, len(state.lines)):
        if section_name(state.lines[i].text) not in headings:
            head, colon, bio = state.lines[i].text.partition(": ")
            if colon and section_name(head) in headings and len(bio.split()) <= max_words:
                box.append(i)
            continue
        box.append(i)
        taken: list[int] = []
        for j in range(i + 1, len(state.lines)):
            ln, near = state.lines[j], state.lines[j].line_no - state.lines[i].line_no <= 4
            if not (taken or near):
                break  # bounded: a page of repeated headings stays linear
            if state.is_removed(j) and not taken:
                continue  # a photo credit or a button between the heading and the box
            parted = state.is_removed(j) or not state.adjacent(j - 1, j)
            if (taken and parted) or ln.n_words > max_words:
                break
            taken.append(j)
            if len(taken) == max_lines:
                break
        box.extend(taken)
    return box


def _names(authors: list[str], *, firsts: bool = True) -> list[str]:
    """Full names of two words or more, and their first names alone, but not a word a
    sentence starts with ("The Harbour Financial")."""
    names, stop = [a for a in authors if len(a.split()) >= 2], load_stopwords()
    if not firsts:
        return names
    # a desk or a body lends no first name: "Staff at several homes ..." under "By Staff
    # Reporter", "FinServe has written ..." under "by FinServe Communications"
    people = [a for a in names if not (P.RE_ROLE_LINE.search(a) or P.RE_ORG_BYLINE.search(a))]
    firsts = [a.split()[0] for a in people]
    return names + [f for f in firsts if len(f) >= 3 and f.lower() not in stop]


def _starts_with_name(text: str, name: str, *, verb: bool = False) -> bool:
    rest = text[len(name) :]
    if not text.startswith(name):
        return False
    return bool(P.RE_BIO_VERB.match(rest)) if verb else rest[:1] == " " and rest[1:2].islower()
