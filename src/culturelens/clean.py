"""Cleaning: remove scraping artefacts line by line, with an audit trail.

Each raw line (split on ``\\r\\n``, ``\\r`` or ``\\n`` only) is normalised and then either
kept as a paragraph, removed by a named rule (recorded as a :class:`RemovedLine`), or split
when a *partial* rule (a PHP warning glued to prose) matches only part of it. Rules are data
(``data/artefact_rules.yaml``, extendable from config); structural rules use a line's shape
and its position among its neighbours, so unseen artefact wordings are caught by their form.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

import pandas as pd
import yaml

from culturelens import _patterns as P

RULE_KINDS = ("regex", "phrases", "structural")
POSITIONS = ("anywhere", "start", "whole")
# Artefact lines are short; longer lines are prose, and skipping them keeps the cost linear.
MAX_RULE_CHARS = 1200
HEADLINE_MAX_WORDS = 22
# Typographic quotes, primes and hyphen variants map to their ASCII forms, one for one.
_QUOTES = str.maketrans(
    "\u2018\u2019\u201a\u201b\u2032\u00b4\u201c\u201d\u201e\u201f\u2033\u2010\u2011",
    "''''''\"\"\"\"\"--",
)
_DASHES = ("\u2012", "\u2013", "\u2014", "\u2015", "\u2212", "--", " - ")
_DATE_WORDS = frozenset(
    ("published", "updated", "posted", "modified", "last", "first", "on", "at", "by", "date",
     "time", "am", "pm", "a.m", "p.m", "edited", "created", "filed")
)  # fmt: skip
_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}


@dataclass(frozen=True)
class ArtefactRule:
    """One named artefact rule; build with :func:`load_rules` or directly (validated here)."""

    name: str
    category: str
    kind: str
    description: str = ""
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    position: str = "anywhere"
    detector: str | None = None
    params: tuple[tuple[str, Any], ...] = ()
    max_words: int | None = None
    allow_sentence_end: bool = True
    partial: bool = False
    ignore_case: bool = True
    requires: tuple[str, ...] = ()
    regex: re.Pattern[str] | None = field(default=None, compare=False, repr=False)
    requires_regex: re.Pattern[str] | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        _validate_rule(self)
        if self.kind != "structural" and self.regex is None:
            object.__setattr__(self, "regex", _compile_rule(self))
        if self.requires and self.requires_regex is None:
            words = "|".join(re.escape(w.lower()) for w in self.requires)
            object.__setattr__(self, "requires_regex", re.compile(words))

    def param(self, key: str, default: Any) -> Any:
        """Return the structural parameter ``key`` or ``default``."""
        return dict(self.params).get(key, default)


_RULE_KEYS = frozenset(ArtefactRule.__dataclass_fields__) - {"regex", "requires_regex"}


@dataclass(frozen=True)
class RemovedLine:
    """A raw line (or the artefact part of one) removed by ``rule``."""

    line_no: int
    rule: str
    text: str


@dataclass(frozen=True)
class Paragraph:
    """A kept paragraph; ``kind`` is "body" or "standfirst"."""

    text: str
    kind: str
    line_no: int
    is_list_item: bool = False


@dataclass(frozen=True)
class CleanDocument:
    """The cleaning result for one document."""

    paragraphs: tuple[Paragraph, ...]
    removed: tuple[RemovedLine, ...]
    title: str | None
    date: str | None
    n_lines: int = 0  # non-blank raw lines: each is in a paragraph or in ``removed``

    @property
    def text(self) -> str:
        """Paragraphs joined by blank lines, with a final newline ("" when empty)."""
        return "\n\n".join(p.text for p in self.paragraphs) + "\n" if self.paragraphs else ""


class _Line(NamedTuple):
    line_no: int
    raw: str
    text: str
    bullet: bool
    n_words: int
    sentence_end: bool
    low: str = ""  # lower-cased text, for the rules' literal pre-filters


# --------------------------------------------------------------------------- rules
def _fail(rule: Any, key: str, msg: str) -> None:
    raise ValueError(f"artefact rule {rule!r}: key {key!r} {msg}")


def _validate_rule(rule: ArtefactRule) -> None:
    if not isinstance(rule.name, str) or not re.fullmatch(r"[a-z][a-z0-9_]{0,63}", rule.name):
        _fail(rule.name, "name", "must be lower_snake_case text (e.g. 'paywall_prompt')")
    if rule.kind not in RULE_KINDS:
        _fail(rule.name, "kind", f"is {rule.kind!r}; use one of {', '.join(RULE_KINDS)}")
    if not isinstance(rule.category, str) or not rule.category:
        _fail(rule.name, "category", "must be a non-empty string such as 'newsletter'")
    if rule.kind == "regex" and not rule.patterns:
        _fail(rule.name, "patterns", "is empty; give at least one regular expression")
    if rule.kind == "phrases" and not rule.phrases:
        _fail(rule.name, "phrases", "is empty; give at least one phrase")
    if rule.kind == "phrases" and rule.position not in POSITIONS:
        _fail(rule.name, "position", f"is {rule.position!r}; use one of {', '.join(POSITIONS)}")
    if rule.kind == "structural" and rule.detector not in DETECTORS:
        _fail(rule.name, "detector", f"is {rule.detector!r}; use one of {', '.join(DETECTORS)}")
    if rule.max_words is not None and (not isinstance(rule.max_words, int) or rule.max_words < 1):
        _fail(rule.name, "max_words", f"is {rule.max_words!r}; use a positive integer or null")


def _compile_rule(rule: ArtefactRule) -> re.Pattern[str]:
    flags = re.IGNORECASE if rule.ignore_case else 0
    if rule.kind == "phrases":
        alt = "|".join(re.escape(" ".join(p.split())) for p in rule.phrases)
        body = {
            "start": rf"^(?:{alt})\b",
            "anywhere": rf"\b(?:{alt})\b",
            "whole": rf"^(?:{alt})\W{{0,4}}$",
        }[rule.position]
    else:
        body = "|".join(f"(?:{p})" for p in rule.patterns)
    try:
        return re.compile(body, flags)
    except re.error as exc:
        raise ValueError(
            f"artefact rule {rule.name!r}: key 'patterns' is not a valid regex "
            f"({exc}); fix the expression"
        ) from None


def _rule_from_mapping(entry: Mapping[str, Any]) -> ArtefactRule:
    if not isinstance(entry, Mapping):
        raise TypeError(
            f"artefact rule must be a mapping, got {type(entry).__name__}; "
            "write it as a YAML/JSON object with name, category and kind"
        )
    name = entry.get("name", "<unnamed>")
    unknown = sorted(set(entry) - _RULE_KEYS)
    if unknown:
        _fail(name, unknown[0], f"is unknown; allowed keys are {', '.join(sorted(_RULE_KEYS))}")
    for key in ("name", "category", "kind"):
        if key not in entry:
            _fail(name, key, "is missing; every rule needs name, category and kind")
    kwargs = dict(entry)
    for key in ("examples", "counter_examples", "patterns", "phrases", "requires"):
        value = kwargs.get(key, ())
        if isinstance(value, str) or not all(isinstance(v, str) for v in value):
            _fail(name, key, "must be a list of strings")
        kwargs[key] = tuple(value)
    params = kwargs.get("params") or {}
    if not isinstance(params, Mapping):
        _fail(name, "params", "must be a mapping such as {max_words: 16}")
    kwargs["params"] = tuple(
        sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items())
    )
    return ArtefactRule(**kwargs)


def _read_rules_file(path: str | Path | None) -> tuple[list[Any], str]:
    """The ``rules`` list and the ``extends`` value of a rules file (None: packaged file)."""
    if path is None:
        raw = resources.files("culturelens").joinpath("data/artefact_rules.yaml").read_text("utf-8")
    else:
        raw = Path(path).read_text(encoding="utf-8")
    doc = yaml.safe_load(raw) or {}
    entries = doc.get("rules") if isinstance(doc, Mapping) else None
    if not isinstance(entries, list):
        raise ValueError(
            f"rules file {str(path or 'artefact_rules.yaml')!r} has no 'rules' list; "
            "write 'rules:' followed by a list of rule mappings"
        )
    extends = doc.get("extends", "none")
    if extends not in ("none", "packaged"):
        raise ValueError(
            f"rules file {str(path)!r}: extends is {extends!r}; use 'packaged' (add "
            "these rules to the packaged ones) or 'none' (use only these rules)"
        )
    return entries, extends


def _unique(rules: list[ArtefactRule]) -> list[ArtefactRule]:
    names = [r.name for r in rules]
    for name in names:
        if names.count(name) > 1:
            _fail(name, "name", "is used twice; rule names must be unique")
    return rules


def load_rules(
    path: str | Path | None = None, *, extra: Sequence[Mapping[str, Any]] = ()
) -> tuple[ArtefactRule, ...]:
    """Load artefact rules from YAML (default: the packaged rules) plus user ``extra`` rules.

    A rules file replaces the packaged rules unless it says ``extends: packaged``. Added
    rules of kind regex/phrases run after the base explicit rules and before the structural
    detectors; an added rule with the name of a base rule replaces it.

    Raises:
        ValueError: if a rule is invalid or two rules share a name.
    """
    entries, extends = _read_rules_file(path)
    if extends == "packaged":
        entries, added = _read_rules_file(None)[0], [*entries, *extra]
    else:
        added = list(extra)
    base = _unique([_rule_from_mapping(e) for e in entries])
    user = _unique([_rule_from_mapping(e) for e in added])
    kept = [r for r in base if r.name not in {u.name for u in user}]
    order = [r for r in kept if r.kind != "structural"] + [
        r for r in user if r.kind != "structural"
    ]
    return (*order, *[r for r in user if r.kind == "structural"],
            *[r for r in kept if r.kind == "structural"])  # fmt: skip


# --------------------------------------------------------------------------- normalisation
def _normalize_line(line: str) -> str:
    text = unicodedata.normalize("NFC", line)
    if "&" in text and ";" in text:  # "&amp;", "&nbsp;", "&#8217;" left by HTML extraction
        text = html.unescape(text)
    if not (text.isascii() and text.isprintable()):
        text = P.RE_INVISIBLE.sub("", text).translate(_QUOTES).replace("\u2026", "...")
    text = P.RE_SPACE_RUN.sub(" ", text)
    # substring tests are far cheaper than a regex pass over a 20 MB line
    if any(d in text for d in _DASHES):
        text = P.RE_RANGE_DASH.sub("-", text)
        text = P.RE_DASH.sub(" \u2013 ", text)
    if " -" in text:
        text = P.RE_STRAY_HYPHEN_SPACE.sub("-", text)
    if any(f" {c}" in text for c in ",.;:!?"):
        text = P.RE_SPACE_BEFORE_PUNCT.sub("", text)
    return P.RE_SPACE_RUN.sub(" ", text).strip()


def normalize_text(text: str) -> str:
    """Normalise text for analysis: NFC, line breaks to ``\\n``, spaces, quotes and dashes.

    No-break and other spaces become one ASCII space; typographic quotes become ``"``/``'``;
    dashes become a spaced en dash (a dash between digits becomes a hyphen); a space before
    a hyphen glued to a word is dropped ("evidence -based" -> "evidence-based").
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, got {type(text).__name__}; decode bytes first")
    return "\n".join(_normalize_line(line) for line in P.RE_LINE_BREAK.split(text))


def _make_line(line_no: int, raw: str) -> _Line:
    text = _normalize_line(raw)
    bullet = bool(P.RE_BULLET.match(text)) and bool(P.RE_BULLET.sub("", text, count=1))
    if bullet:  # a lone bullet glyph stays as text, so the line is not lost silently
        text = P.RE_BULLET.sub("", text, count=1)
    if len(text) > MAX_RULE_CHARS:  # prose; only partial rules look at its start
        low = text[:MAX_RULE_CHARS].lower()
        return _Line(line_no, raw, text, bullet, HEADLINE_MAX_WORDS * 10, True, low)
    n_words = len(P.RE_WORD.findall(text))
    ends = bool(P.RE_SENTENCE_END.search(text))
    return _Line(line_no, raw, text, bullet, n_words, ends, text.lower())


# --------------------------------------------------------------------------- explicit rules
def _explicit_match(line: _Line, rule: ArtefactRule) -> re.Match[str] | None:
    if rule.regex is None:
        return None
    if rule.requires_regex is not None and not rule.requires_regex.search(line.low):
        return None  # cheap literal pre-filter before the regular expression
    if rule.partial:  # e.g. a PHP warning printed at the start of a very long line
        return rule.regex.search(line.text, 0, MAX_RULE_CHARS)
    if len(line.text) > MAX_RULE_CHARS:
        return None
    if rule.max_words is not None and line.n_words > rule.max_words:
        return None
    if P.RE_QUOTE_OPEN.match(line.text) and line.sentence_end:
        return None  # quoted speech, even when it contains an imperative or web words
    if not rule.allow_sentence_end and line.sentence_end:
        return None
    return rule.regex.search(line.text)


def _split_partial(line: _Line, match: re.Match[str]) -> tuple[str, str]:
    """Return (removed fragment, remaining prose) for a partial-rule match."""
    rest = (line.text[: match.start()] + " " + line.text[match.end() :]).strip()
    if len(P.RE_LETTER.findall(rest[:200])) < 3:
        return line.text, ""
    return match.group(0), rest


# --------------------------------------------------------------------------- structural rules
@dataclass
class _State:
    """Per-document working state of :func:`clean_document` (never shared between calls)."""

    lines: list[_Line]
    removed: dict[int, str]
    categories: dict[str, str]
    title: str | None = None
    date: str | None = None

    def kept(self) -> list[int]:
        return [i for i, ln in enumerate(self.lines) if ln.line_no not in self.removed]

    def is_prose(self, i: int) -> bool:
        ln = self.lines[i]
        # a short question is a headline or sub-heading ("Why is olive oil so dear?")
        question = ln.text.endswith("?") and ln.n_words <= HEADLINE_MAX_WORDS
        long = ln.n_words > HEADLINE_MAX_WORDS
        return not ln.bullet and ((ln.sentence_end and not question) or long)

    def prose_bounds(self) -> tuple[int, int]:
        """Index of the first and last kept prose line ((len, -1) when there is none)."""
        prose = [i for i in self.kept() if self.is_prose(i)]
        return (prose[0], prose[-1]) if prose else (len(self.lines), -1)

    def remove(self, i: int, rule: ArtefactRule) -> None:
        self.removed.setdefault(self.lines[i].line_no, rule.name)


def _headline_like(ln: _Line, max_words: int) -> bool:
    return not ln.bullet and not ln.sentence_end and 1 <= ln.n_words <= max_words


def _edge_zone(state: _State) -> list[int]:
    first, last = state.prose_bounds()
    return [i for i in state.kept() if i < first or i > last]


def _is_label(ln: _Line, max_words: int) -> bool:
    return not ln.bullet and not ln.sentence_end and (ln.n_words <= max_words or ln.text.isupper())


def _detect_section_label(state: _State, rule: ArtefactRule) -> None:
    """Short labels at the very top, above the headline ("LOCAL NEWS", "Home News")."""
    first, _ = state.prose_bounds()
    head = [i for i in state.kept() if i < first]
    limit = rule.param("max_words_before", 2)
    top = 0
    while top < len(head) and _is_label(state.lines[head[top]], limit):
        top += 1
    title = head[top] if top < len(head) else None
    if top == 0 or title is None or not _headline_like(state.lines[title], 25):
        return  # no label, or nothing headline-shaped below the labels
    for i in head[:top]:
        state.remove(i, rule)
    after = rule.param("max_words_after", 0)
    for i in head[top + 1 :] if after else ():
        if _is_label(state.lines[i], after):
            state.remove(i, rule)


def _detect_title(state: _State, rule: ArtefactRule) -> None:
    kept = state.kept()
    if not kept or state.title is not None:
        return
    ln = state.lines[kept[0]]
    text = ln.text.removesuffix("...").rstrip("?!")  # headlines may end in ? ! or ...
    if ln.bullet or ln.n_words > rule.param("max_words", 25) or P.RE_SENTENCE_END.search(text):
        return
    if len(kept) > 1:  # a one-line document is all body
        state.title = ln.text
        state.remove(kept[0], rule)


def _parse_date(text: str) -> str | None:
    for regex in (P.RE_DATE_DMY, P.RE_DATE_MDY, P.RE_DATE_ISO, P.RE_DATE_NUMERIC):
        m = regex.match(text)
        if m is None:
            continue
        parts = m.groupdict()
        month = int(parts["month"]) if parts.get("month") else _MONTHS[parts["mon"][:3].lower()]
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
    other = [w for w in P.RE_WORD.findall(rest) if w.lower().strip(".") not in _DATE_WORDS]
    other = [w for w in other if not (w.isupper() or w[0].isdigit())]  # LONDON, GMT, 6:42
    return iso if len(other) <= 2 else None


def _detect_date(state: _State, rule: ArtefactRule) -> None:
    for i in _edge_zone(state):
        ln = state.lines[i]
        short = ln.n_words <= 16
        iso = _date_of_line(ln.text) if short else None
        if iso is None and short and not ln.text.endswith("."):
            iso = _dateline(ln.text)
        if iso is not None:
            state.date = state.date or iso
            state.remove(i, rule)


def _detect_byline(state: _State, rule: ArtefactRule) -> None:
    for i in _edge_zone(state):
        if state.lines[i].n_words <= 16 and P.RE_BYLINE.match(state.lines[i].text):
            state.remove(i, rule)


def _detect_call_to_action(state: _State, rule: ArtefactRule) -> None:
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
        if any(w in web_words for w in words[1:]) and (reader or not sentence):
            state.remove(i, rule)


def _detect_link_line(state: _State, rule: ArtefactRule) -> None:
    for i in state.kept():
        ln = state.lines[i]
        if ln.n_words > rule.param("max_words", 30) or P.RE_QUOTE_OPEN.match(ln.text):
            continue
        webby = (
            P.RE_URL.search(ln.text) or P.RE_EMAIL.search(ln.text) or P.RE_HANDLE.search(ln.text)
        )
        parts = ln.text.split(" | ")
        menu = len(parts) >= 3 and all(len(p.split()) <= 4 for p in parts)
        if (webby and not ln.sentence_end) or menu or P.RE_ARROW_END.search(ln.text):
            state.remove(i, rule)


def _detect_headline_block(state: _State, rule: ArtefactRule) -> None:
    first, _ = state.prose_bounds()
    max_words, min_lines = rule.param("max_words", 22), rule.param("min_lines", 2)
    run: list[int] = []
    previous: _Line | None = None
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


def _structured_list(state: _State, run: list[int]) -> bool:
    """A run whose lines mostly read "label - value" or "label: value" is a list, not links."""
    pairs = sum(1 for i in run if " \u2013 " in state.lines[i].text or ": " in state.lines[i].text)
    return pairs >= 0.6 * len(run)


def _headline_shaped(ln: _Line) -> bool:
    """At least four words and none of the marks of a data list item (fixtures, nominees)."""
    return ln.n_words >= 4 and not P.RE_LIST_ITEM_SHAPE.search(ln.text)


def _detect_document_tail(state: _State, rule: ArtefactRule) -> None:
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


def _remove_tail_headers(state: _State, rule: ArtefactRule, last: int) -> None:
    """After the last prose line, a 1-3 word label directly above removed lines heads them."""
    removed_before = set(state.removed)  # a snapshot, so labels do not cascade upwards
    for i in range(last + 1, len(state.lines) - 1):
        ln, below = state.lines[i], state.lines[i + 1]
        label = not ln.bullet and not ln.sentence_end and ln.n_words <= 3
        label = label and not P.RE_LIST_ITEM_SHAPE.search(ln.text) and " \u2013 " not in ln.text
        if label and below.line_no in removed_before and ln.line_no not in removed_before:
            state.remove(i, rule)


_DETECTOR_FUNCS = {
    "section_label": _detect_section_label,
    "title": _detect_title,
    "date": _detect_date,
    "byline": _detect_byline,
    "call_to_action": _detect_call_to_action,
    "link_line": _detect_link_line,
    "headline_block": _detect_headline_block,
    "document_tail": _detect_document_tail,
}
DETECTORS = tuple(_DETECTOR_FUNCS)


# --------------------------------------------------------------------------- document
def _apply_explicit(
    lines: list[_Line], rules: Sequence[ArtefactRule]
) -> tuple[dict[int, str], list[RemovedLine]]:
    removed: dict[int, str] = {}
    fragments: list[RemovedLine] = []
    for i, line in enumerate(lines):
        glued = _glued_artefact(line, rules)
        if glued is not None:
            fragments.append(RemovedLine(line.line_no, glued[0], glued[1]))
            lines[i] = _make_line(line.line_no, glued[2])._replace(raw=line.raw)
        for rule in rules:
            match = _explicit_match(lines[i], rule)
            if match is None:
                continue
            fragment, rest = _split_partial(lines[i], match) if rule.partial else ("", "")
            if not rest:
                removed[line.line_no] = rule.name
                break
            fragments.append(RemovedLine(line.line_no, rule.name, fragment))
            lines[i] = _make_line(line.line_no, rest)._replace(raw=line.raw)
    return removed, fragments


def _rule_for(text: str, rules: Sequence[ArtefactRule]) -> str | None:
    line = _make_line(0, text)
    return next((r.name for r in rules if not r.partial and _explicit_match(line, r)), None)


def _glued_artefact(line: _Line, rules: Sequence[ArtefactRule]) -> tuple[str, str, str] | None:
    """(rule, artefact, rest) when an artefact sentence is glued to prose without a space.

    Scraped block elements are often joined without whitespace ("Did you enjoy this
    article?Health Secretary ..."); only the first and last glued piece are tried.
    """
    if len(line.text) > MAX_RULE_CHARS or not P.RE_GLUE.search(line.text):
        return None  # the common case: no sentences glued together
    head = P.RE_GLUE.search(line.text, 0, 300)
    if head is not None and (name := _rule_for(line.text[: head.end()], rules)):
        return name, line.text[: head.end()], line.text[head.end() :]
    tails = list(P.RE_GLUE.finditer(line.text, max(0, len(line.text) - 300)))
    if tails and (name := _rule_for(line.text[tails[-1].end() :], rules)):
        return name, line.text[tails[-1].end() :], line.text[: tails[-1].end()]
    return None


def _paragraphs(state: _State) -> tuple[Paragraph, ...]:
    first, _ = state.prose_bounds()
    out = []
    for i in state.kept():
        ln = state.lines[i]
        kind = "standfirst" if i < first else "body"
        listed = ln.bullet or bool(P.RE_NUMBERED.match(ln.text))
        out.append(Paragraph(text=ln.text, kind=kind, line_no=ln.line_no, is_list_item=listed))
    return tuple(out)


def clean_document(text: str, *, rules: Sequence[ArtefactRule]) -> CleanDocument:
    """Clean one document: normalise lines, remove artefacts by rule, pick out metadata.

    A raw line is blank when it is empty after normalisation; every other line ends up as a
    paragraph, in ``removed``, or (for partial rules) split between the two.

    Raises:
        TypeError: if ``text`` is not a str or ``rules`` holds something else than ArtefactRule.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, got {type(text).__name__}; decode bytes first")
    if isinstance(rules, ArtefactRule) or not all(isinstance(r, ArtefactRule) for r in rules):
        raise TypeError("rules must be a sequence of ArtefactRule; build it with load_rules()")
    lines = [_make_line(n, raw) for n, raw in enumerate(P.RE_LINE_BREAK.split(text), 1)]
    lines = [ln for ln in lines if ln.text]
    removed, fragments = _apply_explicit(lines, [r for r in rules if r.kind != "structural"])
    state = _State(lines, removed, {r.name: r.category for r in rules})
    for rule in rules:
        if rule.kind == "structural":
            _DETECTOR_FUNCS[rule.detector](state, rule)
    raw_of = {ln.line_no: ln.raw for ln in lines}
    whole = [RemovedLine(n, name, raw_of[n]) for n, name in state.removed.items()]
    return CleanDocument(
        paragraphs=_paragraphs(state),
        removed=tuple(sorted([*whole, *fragments], key=lambda r: (r.line_no, r.rule, r.text))),
        title=state.title,
        date=state.date,
        n_lines=len(lines),
    )


# --------------------------------------------------------------------------- evaluation
LABELS = ("content", "artefact", "metadata")
_EVAL_COLUMNS = ("dataset", "doc_id", "line_no", "text", "label", "kind")


def _document_from_lines(group: pd.DataFrame) -> str:
    slots = [""] * int(group["line_no"].max())
    for line_no, text in zip(group["line_no"], group["text"], strict=True):
        slots[int(line_no) - 1] = str(text)
    return "\n".join(slots) + "\n"


def predict_lines(lines: pd.DataFrame, *, rules: Sequence[ArtefactRule]) -> pd.DataFrame:
    """Clean each labelled document and return the input rows plus ``kept`` and ``rule``.

    Documents are rebuilt from their labelled lines (missing line numbers are blank lines).
    ``kept`` is True when the line survives as a paragraph (also when a partial rule removed
    part of it); ``rule`` names the rule that removed the line ("" when kept).

    Raises:
        ValueError: if a required column is missing, a label is unknown or line_no is not >= 1.
    """
    missing = [c for c in _EVAL_COLUMNS if c not in lines.columns]
    if missing:
        raise ValueError(
            f"lines is missing column(s) {missing}; expected at least {', '.join(_EVAL_COLUMNS)}"
        )
    bad = sorted(set(lines["label"]) - set(LABELS))
    if bad:
        raise ValueError(f"lines has unknown label(s) {bad}; use one of {', '.join(LABELS)}")
    if len(lines) and (lines["line_no"].astype(int) < 1).any():
        raise ValueError("lines has line_no < 1; line numbers are 1-based raw line numbers")
    kept_col, rule_col = [], []
    frame = lines.sort_values(["dataset", "doc_id", "line_no"], kind="stable")
    for _, group in frame.groupby(["dataset", "doc_id"], sort=True):
        doc = clean_document(_document_from_lines(group), rules=rules)
        kept = {p.line_no for p in doc.paragraphs}
        removed = {r.line_no: r.rule for r in doc.removed}
        for line_no in group["line_no"].astype(int):
            kept_col.append(line_no in kept)
            rule_col.append("" if line_no in kept else removed.get(line_no, ""))
    return frame.assign(kept=kept_col, rule=rule_col).reset_index(drop=True)


def _rate(mask: pd.Series, hits: pd.Series) -> tuple[float, int]:
    n = int(mask.sum())
    return (round(float(hits[mask].mean()), 6) if n else float("nan")), n


def _dataset_metrics(
    df: pd.DataFrame, metadata_rules: set[str]
) -> list[tuple[str, str, float, int]]:
    content, artefact, meta = (df["label"] == lab for lab in ("content", "artefact", "metadata"))
    removed = ~df["kept"]
    as_meta = df["rule"].isin(metadata_rules)
    rows = [
        ("artefact_recall", "all", *_rate(artefact, removed)),
        ("metadata_recall", "all", *_rate(meta, as_meta)),
        ("content_retention", "all", *_rate(content, df["kept"])),
        ("content_precision", "all", *_rate(df["kept"], content)),
        ("removal_precision", "all", *_rate(removed, ~content)),
    ]
    for kind in sorted(set(df["kind"])):
        is_kind = df["kind"] == kind
        if (is_kind & artefact).any():
            rows.append(("artefact_recall", kind, *_rate(is_kind & artefact, removed)))
        if (is_kind & meta).any():
            rows.append(("metadata_recall", kind, *_rate(is_kind & meta, as_meta)))
        if (is_kind & content).any():
            rows.append(("content_retention", kind, *_rate(is_kind & content, df["kept"])))
    return rows


def evaluate_cleaning(lines: pd.DataFrame, *, rules: Sequence[ArtefactRule]) -> pd.DataFrame:
    """Score the cleaner against hand-labelled lines, per dataset.

    Metrics (``value`` in [0, 1], ``n`` its denominator, ``kind`` "all" or a label kind):

    - ``artefact_recall``: share of lines labelled artefact that are removed (by any rule).
    - ``metadata_recall``: share of metadata lines (title, date, byline) removed by a
      metadata rule (category "metadata").
    - ``content_retention``: share of content lines kept as paragraphs.
    - ``content_precision``: share of kept lines that are labelled content (artefacts and
      metadata left in the prose count against it).
    - ``removal_precision``: share of removed lines that are artefact or metadata.

    Returns:
        Columns dataset, metric, kind, value, n; sorted by dataset, metric, kind.
    """
    predicted = predict_lines(lines, rules=rules)
    metadata_rules = {r.name for r in rules if r.category == "metadata"}
    rows = [
        (dataset, *row)
        for dataset, group in predicted.groupby("dataset", sort=True)
        for row in _dataset_metrics(group, metadata_rules)
    ]
    out = pd.DataFrame(rows, columns=["dataset", "metric", "kind", "value", "n"])
    return out.sort_values(["dataset", "metric", "kind"], kind="stable").reset_index(drop=True)
