"""Repeated lines: what a document prints more than once, or a corpus in many documents.

Page headers and footers, a PDF's running heads, buttons under every entry, a gallery's
title over each caption and pull quotes (within a document), and a site's boilerplate
(across a corpus: ``State.boilerplate``).
"""

from __future__ import annotations

import itertools
from collections import Counter
from typing import TYPE_CHECKING

from culturelens import _patterns as P
from culturelens.clean_state import (
    Line,
    State,
    headline_shaped,
    introduced_lists,
    letter_close,
    line_fingerprint,
    section_name,
    subheading,
)
from culturelens.detect_meta import byline_or_date_below

if TYPE_CHECKING:
    from culturelens.clean_rules import ArtefactRule

# Copies of a line that make it a running head, whatever its shape: a sub-heading or a
# label may be printed twice (a contents box, a sticky header), hardly three times.
_RUNNING_COPIES = 3


def _heads_prose(state: State, i: int) -> bool:
    """A line of up to six words, no sentence, right above a kept sentence ("Pros" / "Pay is
    on time.")."""
    ln, below = state.lines[i], state.next_kept(i)
    short = ln.n_words <= 6 and not ln.sentence_end and not ln.bullet
    return short and below is not None and state.is_prose(below)


def detect_repeated_line(state: State, rule: ArtefactRule) -> None:
    """Short non-sentence lines that occur twice or more in one document (page headers and
    footers, share buttons), a gallery's title repeated over its captions, a PDF's running
    heads, and pull quotes that repeat a longer line of the document."""
    max_words = rule.param("max_words", 12)
    keys = [line_fingerprint(ln.text) for ln in state.lines]
    seen: dict[str, int] = {}
    for key in keys:
        seen[key] = seen.get(key, 0) + 1
    titles = _gallery_titles(state, keys, rule.param("min_gallery_copies", 3))
    printed = _printed_heads(state, keys)
    repeats = [
        i
        for i in state.kept()
        if keys[i]
        and seen[keys[i]] > 1
        and (_label(state, i, max_words) or keys[i] in titles or i in printed)
    ]
    entries = [_entry_key(ln, key) for ln, key in zip(state.lines, keys, strict=True)]
    box, headings = _contents_box(state, entries, max_words)
    kept = _contents_headings(state, repeats, keys, max_words) | headings
    # the copy with a byline or date right under it is the headline, which a sticky header
    # or the page's <title> repeats higher up
    kept |= {
        i
        for i in repeats
        if headline_shaped(state.lines[i]) and byline_or_date_below(state, i, window=2)
    }
    # a list the article introduces ("ATF consists of the following components:") names
    # what its sub-headings then take up one by one: no contents box
    listed = introduced_lists(state)
    kept |= listed
    kept |= letter_close(state)  # each letter of a thread signs off the same way
    kept |= state.tables  # each table of a results page has the same header row
    # a template's section heading over its text ("Methods" in a paper's abstract and body),
    # not an entry of a contents list
    sections = set(rule.param("sections", ()))
    kept |= {
        i
        for i in repeats
        if section_name(state.lines[i].text) in sections
        and subheading(state, i, max_words=max_words)
    }
    # two or more sub-headings that each recur over prose are the article's structure ("Pros"
    # / "Cons" in each review); one label recurring so is a page's running head
    copies: dict[str, list[int]] = {}
    for i in repeats:
        copies.setdefault(keys[i], []).append(i)
    headed = [group for group in copies.values() if all(_heads_prose(state, j) for j in group)]
    if len(headed) >= 2:
        kept |= {i for group in headed for i in group}
    # a contents box's entries go, whatever else they look like: its last entry may head the
    # first section ("Next steps" / prose) or be a template's section name
    kept -= box - listed
    for i in [*repeats, *box]:
        if i not in kept:
            state.remove(i, rule)
    # a line recurring with a changed page number is a running head even inside a list the
    # article introduces: no list item recurs so
    for i in _running_heads(state, max_words):
        state.remove(i, rule)
    # a forum reply's subject repeats the thread's title after "Re:"
    for i in state.kept():
        subject = P.RE_REPLY_SUBJECT.match(state.lines[i].text)
        if subject and line_fingerprint(state.lines[i].text[subject.end() :]) in seen:
            state.remove(i, rule)
    # a quoted sub-heading ("'You learn to keep your head down'") echoes a quote below it
    # ... but a headline that opens with a quote has its byline or date below it ("'I held
    # her hand for nine hours': Gran, 84, ..." over "By GEMMA RUDDOCK")
    quoted = [
        i
        for i in state.kept()
        if _pull_quote_shaped(state.lines[i])
        and not subheading(state, i, max_words=8)
        and not byline_or_date_below(state, i, window=2)
    ]
    if not quoted:
        return
    corpus = "\n".join(keys)
    for i in quoted[: rule.param("max_pull_quotes", 20)]:  # bounded: each check scans the document
        # a whole quoted sentence repeated as it stands may be the writer's; one lifted out of
        # a longer paragraph ("... she said") is a pull quote
        found = corpus.count(keys[i])
        lifted = found > keys.count(keys[i])  # also inside a longer line
        if (found > 1 and not state.lines[i].sentence_end) or lifted:
            state.remove(i, rule)


def _entry_key(ln: Line, key: str) -> str:
    """The key of a contents entry, which may carry its section's number ("3.1<tab>Treatment
    of whistleblowers") and its page number set apart ("1. Background<tab>1")."""
    page = P.RE_CONTENTS_PAGE.search(ln.raw)
    text = ln.text[: -len(page.group(1))].rstrip() if page else ln.text
    if not (page or P.RE_SECTION_NUMBER.match(text)):
        return key
    return line_fingerprint(P.RE_SECTION_NUMBER.sub("", text))


def _running_heads(state: State, max_words: int) -> list[int]:
    """Kept lines that recur with another page number set apart at their start or end: a
    PDF's running head or foot ("2   Inspection report 12 March 2024", "Duty of care in
    elite sport   19"). Three words or more besides the numbers (two with a "|" or "·" before
    the number: "2 | Annual Report 2024"), and the number spaced apart as a page layout sets
    it, so "Recommendation 2" and a sub-heading "2 The pathway" stay. A page number one
    space from a title of four words or more counts where it starts one copy and ends
    another, as facing pages set it ("46 Northvale Energy plc Annual Report 2024" ...
    "Northvale Energy plc Annual Report 2024 47"), not a figure ending each of two rows."""
    keys: dict[int, str] = {}
    pages: dict[str, set[str]] = {}  # the sides single-spaced copies have their number on
    for i, ln in enumerate(state.lines):  # a copy another rule took still counts
        if ln.sentence_end or ln.n_words > max_words:
            continue
        raw = ln.raw.strip()
        apart = P.RE_PAGE_NUMBER_APART.search(raw)
        edge = None if apart else P.RE_PAGE_NUMBER_EDGE.search(raw)
        if not (apart or edge):
            continue  # no page number: no fingerprint to take
        key = line_fingerprint(P.RE_DIGITS.sub(" ", ln.text))
        if apart:
            # a title of two words is enough with a "|" or "·" between it and its page
            # number ("2 | Annual Report 2024") or the word "Page" before it ("22 January
            # 2025<tab>Page 14"); a spaced-apart pair may be a table's cells
            marked = P.RE_PAGE_NUMBER_MARKED.search(raw) or P.RE_PAGE_WORD.search(raw)
            enough = 2 if marked else 3
            keys[i] = key if len(key.split()) >= enough else ""
        elif edge and len(key.split()) >= 4:
            keys[i] = key
            pages.setdefault(key, set()).add("start" if edge.group("page") else "end")
    counts = Counter(keys.values())
    turned = {key for key, sides in pages.items() if len(sides) > 1}
    return [
        i
        for i in state.kept()
        if keys.get(i) and counts[keys[i]] > 1 and (keys[i] not in pages or keys[i] in turned)
    ]


def _contents_headings(
    state: State, repeats: list[int], keys: list[str], max_words: int
) -> set[int]:
    """Sub-headings that a contents box above them repeats: two or more labels listed close
    together (within 15 lines), each later found above prose. A page header or a "Share"
    button repeated above paragraphs is one label, so it still goes."""
    first: dict[str, int] = {}
    for i in repeats:
        first.setdefault(keys[i], i)
    heads = {
        i for i in repeats if i != first[keys[i]] and subheading(state, i, max_words=max_words)
    }
    listed = {keys[i] for i in heads if not subheading(state, first[keys[i]], max_words=max_words)}
    starts = sorted(first[key] for key in listed)
    if len(starts) < 2 or starts[-1] - starts[0] > 15:
        return set()
    return {i for i in heads if keys[i] in listed}


def _contents_box(state: State, keys: list[str], max_words: int) -> tuple[set[int], set[int]]:
    """A contents box and the headings it lists: two or more consecutive short lines, each
    printed again further down, at least half of them (and two) as a heading over prose or a
    list, the later copies apart (a sentence between every two, so a menu repeated in the
    footer is no contents box). The box goes, the headings stay, whatever their case ("2.
    Monthly retail sales")."""
    kept = state.kept()
    position = {i: n for n, i in enumerate(kept)}
    later: dict[int, int] = {}
    last_seen: dict[str, int] = {}
    for i in reversed(kept):
        ln = state.lines[i]
        label = not ln.sentence_end or ln.text.endswith("?")  # an entry may be a question
        if keys[i] in last_seen and ln.n_words <= max_words and label:
            later[i] = last_seen[keys[i]]
        if keys[i]:
            last_seen[keys[i]] = i
    box: set[int] = set()
    headings: set[int] = set()
    for repeated, group in itertools.groupby(kept, key=lambda i: i in later):
        run = list(group)
        copies = [later[i] for i in run] if repeated else []
        if len(run) < 2 or not copies or copies != sorted(copies) or copies[0] <= run[-1]:
            continue
        heads = sum(_heads(state, j, max_words) for j in copies)
        if len({keys[i] for i in run}) < len(run) or heads < max(2, len(copies) / 2):
            continue
        spans = itertools.pairwise(copies)
        if all(_sentence_between(state, kept[position[a] + 1 : position[b]]) for a, b in spans):
            box.update(run)
            headings.update(copies)
    return box, headings


def _heads(state: State, j: int, max_words: int) -> bool:
    """Does line ``j`` head a section: a sub-heading over prose, or a label over a list?"""
    below = state.next_kept(j)
    over_list = below is not None and state.lines[below].bullet
    return subheading(state, j, max_words=max_words) or over_list


def _sentence_between(state: State, between: list[int]) -> bool:
    return any(state.lines[k].sentence_end for k in between)


def _gallery_titles(state: State, keys: list[str], min_copies: int) -> set[str]:
    """Lines repeated at least ``min_copies`` times with a sentence between every two copies:
    a photo gallery's title over each slide's caption. Copies among short lines are a list
    ("Mozambique v Zimbabwe / Winners meet in final match"), and a piece of a hard-wrapped
    paragraph goes on in lower case below."""
    at = []
    for i in state.kept():
        below = state.lines[i + 1].text if i + 1 < len(state.lines) else ""
        if not state.lines[i].sentence_end and not P.RE_WRAPPED_START.match(below):
            at.append(i)
    return _spaced_copies(state, keys, at, min_copies)


def _spaced_copies(state: State, keys: list[str], at: list[int], min_copies: int) -> set[str]:
    """Keys of the lines ``at`` that occur there ``min_copies`` times or more with a sentence
    between every two copies (copies with none between are a list's entries)."""
    copies: dict[str, list[int]] = {}
    for i in at:
        if keys[i]:
            copies.setdefault(keys[i], []).append(i)
    # sentences[i]: sentence lines above line i, so each gap is checked in constant time
    sentences = [0, *itertools.accumulate(ln.sentence_end for ln in state.lines)]
    return {
        key
        for key, where in copies.items()
        if len(where) >= min_copies
        and all(sentences[b] > sentences[a + 1] for a, b in itertools.pairwise(where))
    }


def _label(state: State, i: int, max_words: int) -> bool:
    """Labels repeat (page headers, buttons); a repeated lower-case line is a list entry."""
    ln = state.lines[i]
    # a document's title in its running head is punctuated ("CASD Bulletin — Commuting,
    # Fatigue"); a line ending in a comma opens a letter ("Dear Fenmoor Valley NHS Trust,")
    words = [w.rstrip(",:") for w in ln.text.split() if w not in P.DASHES_AND_BARS]
    titled = not ln.text.endswith(",") and all(P.RE_TITLE_CASE_WORD.match(w) for w in words)
    label = ln.n_words <= 3 or titled
    return ln.n_words <= max_words and not ln.sentence_end and label


def _printed_heads(state: State, keys: list[str], *, max_words: int = 25) -> set[int]:
    """Indices of the copies of a line printed three times or more with a sentence between
    every two copies, removed or not: a print view's running head (the page's title, the time
    it was printed) at every page break, even where a paragraph goes on below it in lower
    case. A line that ends in a comma or a function word is a piece of such a paragraph, and
    the copy over a byline is the headline that the running head repeats."""
    at = [
        i
        for i, ln in enumerate(state.lines)
        if not ln.sentence_end and ln.n_words <= max_words and not P.RE_WRAPPED_END.search(ln.text)
    ]
    running = _spaced_copies(state, keys, at, _RUNNING_COPIES)
    return {i for i in at if keys[i] in running and not byline_or_date_below(state, i)}


def _pull_quote_shaped(ln: Line) -> bool:
    return bool(P.RE_QUOTE_OPEN.match(ln.text)) and 5 <= ln.n_words <= 40


def _name_list(text: str) -> bool:
    """Five or more comma-separated items of one to four words: a team, a panel, a board."""
    items = text.rstrip(".").split(",")
    return len(items) >= 5 and all(1 <= len(item.split()) <= 4 for item in items)


def detect_boilerplate(state: State, rule: ArtefactRule) -> None:
    """Lines whose fingerprint recurs in many documents of the corpus (``boilerplate``).

    Kept whatever their recurrence: quoted speech, a one-word answer ("Yes."), a list of
    names (the same replacements' bench in three match reports is the reports' data) and a
    report template's section headings (``sections``: "What happened", "Notes to editors").
    """
    if not state.boilerplate:
        return
    max_words, sections = rule.param("max_words", 40), set(rule.param("sections", ()))
    for i in state.kept():
        ln = state.lines[i]
        quote = P.RE_QUOTE_OPEN.match(ln.text) and ln.sentence_end
        answer = ln.n_words == 1 and ln.sentence_end
        if quote or answer or ln.n_words > max_words or _name_list(ln.text):
            continue
        if section_name(ln.text) in sections:  # a template's section ("What happened")
            continue
        if line_fingerprint(ln.text) in state.boilerplate:
            state.remove(i, rule)
