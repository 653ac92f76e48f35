"""Cleaning: remove scraping artefacts line by line, with an audit trail.

Each raw line (split on ``\\r\\n``, ``\\r`` or ``\\n`` only) is normalised, the pieces of a
hard-wrapped paragraph are joined (:mod:`culturelens.unwrap`), and each line is then either
kept as a paragraph, removed by a named rule (recorded as a :class:`RemovedLine`), or split
when a *partial* rule (a PHP warning glued to prose) matches only part of it. Rules are data
(``data/artefact_rules.yaml``, extendable from config); structural rules use a line's shape
and its position among its neighbours, so unseen artefact wordings are caught by their form.
"""

from __future__ import annotations

import dataclasses
import functools
import html
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from culturelens import _patterns as P
from culturelens import artefacts as A
from culturelens import unwrap as U
from culturelens.artefacts import Line, State
from culturelens.clean_rules import ArtefactRule, load_rules
from culturelens.clean_state import code_lines, timed_speech
from culturelens.line_model import LineModel, apply_line_model
from culturelens.markdown import links_only, strip_markdown

__all__ = [
    "ArtefactRule",
    "CleanDocument",
    "Paragraph",
    "RemovedLine",
    "apply_rules",
    "clean_document",
    "document_from_state",
    "load_rules",
    "normalize_text",
]

# Artefact lines are short; longer lines are prose, and skipping them keeps the cost linear.
MAX_RULE_CHARS = 1200
# Typographic quotes, primes and hyphen variants map to their ASCII forms, one for one.
_QUOTES = str.maketrans(
    "\u2018\u2019\u201a\u201b\u2032\u00b4\u201c\u201d\u201e\u201f\u2033\u2010\u2011",
    "''''''\"\"\"\"\"--",
)
_DASHES = ("\u2012", "\u2013", "\u2014", "\u2015", "\u2212", "--", " - ")


@dataclass(frozen=True)
class RemovedLine:
    """A raw line (or the artefact part of one) removed by ``rule``."""

    line_no: int
    rule: str
    text: str


@dataclass(frozen=True)
class Paragraph:
    """A kept paragraph; ``kind`` is "body" or "standfirst".

    It starts at raw line ``line_no`` and spans ``n_lines`` raw lines: more than one when the
    pieces of a hard-wrapped paragraph were joined.
    """

    text: str
    kind: str
    line_no: int
    is_list_item: bool = False
    n_lines: int = 1


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


# --------------------------------------------------------------------------- rules
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


def _plain(line: Line) -> Line:
    """``line`` with its markdown stripped (its raw line keeps it: "# " marks the headline);
    a line of only links or images is kept as it is, so the rules still see a menu or a
    share bar, as is a line that would be left empty."""
    if links_only(line.text):
        return line
    text = strip_markdown(line.text)
    if text == line.text or not text:
        return line
    plain = _make_line(line.line_no, text)
    return plain._replace(raw=line.raw, bullet=line.bullet or plain.bullet)


def _count_words(text: str) -> int:
    """Words of a line: runs of letters and digits, and half a word per character of a
    script written without spaces ("生産性が向上した。" is four or five words, not one)."""
    unspaced = len(P.RE_UNSPACED_CHAR.findall(text))
    if not unspaced:
        return len(P.RE_WORD.findall(text))
    return len(P.RE_WORD.findall(P.RE_UNSPACED_CHAR.sub(" ", text))) + (unspaced + 1) // 2


def _make_line(line_no: int, raw: str) -> Line:
    text = _normalize_line(raw)
    bullet = bool(P.RE_BULLET.match(text)) and bool(P.RE_BULLET.sub("", text, count=1))
    if bullet:  # a lone bullet glyph stays as text, so the line is not lost silently
        text = P.RE_BULLET.sub("", text, count=1)
    if len(text) > MAX_RULE_CHARS:  # prose; only partial rules look at its start
        low = text[:MAX_RULE_CHARS].lower()
        return Line(line_no, raw, text, bullet, A.HEADLINE_MAX_WORDS * 10, True, low)
    n_words = _count_words(text)
    # a line without a letter or digit ("' , ■ ." of a scan) ends no sentence
    ends = n_words > 0 and bool(P.RE_SENTENCE_END.search(text))
    return Line(line_no, raw, text, bullet, n_words, ends, text.lower())


# --------------------------------------------------------------------------- explicit rules
def _explicit_match(line: Line, rule: ArtefactRule) -> re.Match[str] | None:
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
    if line.sentence_end and P.RE_ATTRIBUTION_END.search(line.text):
        return None  # reported speech ("... get their first month free, Kestrel said.")
    if not rule.allow_sentence_end and line.sentence_end:
        return None
    return rule.search(line.text)


def _split_partial(line: Line, match: re.Match[str]) -> tuple[str, str]:
    """Return (removed fragment, remaining prose) for a partial-rule match."""
    rest = (line.text[: match.start()] + " " + line.text[match.end() :]).strip()
    if len(P.RE_LETTER.findall(rest[:200])) < 3:
        return line.text, ""
    return match.group(0), rest


# --------------------------------------------------------------------------- document
def _apply_explicit(
    lines: list[Line], rules: Sequence[ArtefactRule], *, code: frozenset[int]
) -> tuple[dict[int, str], list[RemovedLine]]:
    removed: dict[int, str] = {}
    fragments: list[RemovedLine] = []
    for i, line in enumerate(lines):
        if line.line_no in code:  # "})" in a listing is no markup debris
            continue
        glued = _glued_artefact(line, rules)
        if glued is not None:
            fragments.append(RemovedLine(line.line_no, glued[0], glued[1]))
            lines[i] = _make_line(line.line_no, glued[2])._replace(raw=line.raw)
        bare = _iconless(lines[i])
        for rule in rules:
            match = _explicit_match(lines[i], rule)
            if match is None and bare is not None and not rule.partial:
                match = _explicit_match(bare, rule)
            if match is None or _excused(lines, i, rule):
                continue
            fragment, rest = _split_partial(lines[i], match) if rule.partial else ("", "")
            if not rest:
                removed[line.line_no] = rule.name
                break
            fragments.append(RemovedLine(line.line_no, rule.name, fragment))
            lines[i] = _make_line(line.line_no, rest)._replace(raw=line.raw)
    return removed, fragments


def _excused(lines: list[Line], i: int, rule: ArtefactRule) -> bool:
    """Whether the line below ``lines[i]`` is one that ``rule.unless_next`` keeps it for."""
    below = lines[i + 1].text[:MAX_RULE_CHARS] if i + 1 < len(lines) else ""
    return rule.unless_next_regex is not None and bool(rule.unless_next_regex.search(below))


def _iconless(line: Line) -> Line | None:
    """The line without its icons, when it has any: wordings are written for the words, and an
    icon between two buttons ("💬 WhatsApp   📘 Facebook") would hide a share bar."""
    if line.text.isascii() or len(line.text) > MAX_RULE_CHARS:
        return None
    text = P.RE_ICON.sub(" ", line.text)
    return None if text == line.text else _make_line(line.line_no, text)


def _rule_for(text: str, rules: Sequence[ArtefactRule]) -> str | None:
    line = _make_line(0, text)
    return next((r.name for r in rules if not r.partial and _explicit_match(line, r)), None)


def _glued_artefact(line: Line, rules: Sequence[ArtefactRule]) -> tuple[str, str, str] | None:
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


def _paragraphs(state: State) -> tuple[Paragraph, ...]:
    first, _ = state.prose_bounds()
    out = []
    for i in state.kept():
        ln = state.lines[i]
        kind = "standfirst" if i < first else "body"
        listed = ln.bullet or bool(P.RE_NUMBERED.match(ln.text))
        pieces = len(ln.raw_lines)
        # again here: the rules saw a line of only links as written (most are menus), and a
        # joined hard-wrapped paragraph may hold markdown that spanned two of its raw lines
        text = ln.text if ln.line_no in state.code else strip_markdown(ln.text)
        out.append(Paragraph(text, kind, ln.line_no, is_list_item=listed, n_lines=pieces))
    return tuple(out)


def _unwrapped(lines: list[Line], *, code: frozenset[int]) -> list[Line]:
    """The pieces of each hard-wrapped paragraph joined into one line, whose ``raw`` keeps
    the raw lines (one row each in the audit trail); other documents are returned as is.
    Lines of code are never joined."""
    plan = U.join_plan(
        [ln.text for ln in lines], [ln.raw for ln in lines], [ln.line_no for ln in lines]
    )
    plan = [
        part
        for group in plan
        for part in (
            [[i] for i in group] if any(lines[i].line_no in code for i in group) else [group]
        )
    ]
    if len(plan) == len(lines):
        return lines
    out = []
    for group in plan:
        first = lines[group[0]]
        if len(group) > 1:
            text = functools.reduce(U.join_pieces, (lines[i].text for i in group))
            raw = "\n".join(lines[i].raw for i in group)
            first = _make_line(first.line_no, text)._replace(raw=raw, bullet=first.bullet)
        out.append(first)
    return out


def apply_rules(
    text: str,
    *,
    rules: Sequence[ArtefactRule],
    boilerplate: frozenset[str] | set[str] = frozenset(),
) -> tuple[State, list[RemovedLine]]:
    """Normalise a document's lines and run every rule: the state before the learned pass.

    Returns the per-document state (lines, what each rule removed, metadata found) and the
    fragments that partial rules cut out of kept lines.

    Raises:
        TypeError: as :func:`clean_document`.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, got {type(text).__name__}; decode bytes first")
    if isinstance(rules, ArtefactRule) or not all(isinstance(r, ArtefactRule) for r in rules):
        raise TypeError("rules must be a sequence of ArtefactRule; build it with load_rules()")
    if not isinstance(boilerplate, (set, frozenset)):
        raise TypeError(
            f"boilerplate must be a set of line fingerprints, got {type(boilerplate).__name__}; "
            "build it with culturelens.dedup.recurring_lines()"
        )
    lines = [_make_line(n, raw) for n, raw in enumerate(P.RE_LINE_BREAK.split(text), 1)]
    lines = [ln for ln in lines if ln.text]
    code = code_lines(lines)
    lines = [ln if ln.line_no in code else _plain(ln) for ln in lines]
    lines = _unwrapped(lines, code=code)
    explicit = [r for r in rules if r.kind != "structural"]
    removed, fragments = _apply_explicit(lines, explicit, code=code)
    categories = {r.name: r.category for r in rules}
    state = State(
        lines,
        removed,
        categories,
        boilerplate=frozenset(boilerplate),
        code=code,
        speech=timed_speech(lines),
    )
    for rule in rules:
        if rule.kind == "structural":
            A.DETECTOR_FUNCS[rule.detector](state, rule)
    return state, fragments


def clean_document(
    text: str,
    *,
    rules: Sequence[ArtefactRule],
    boilerplate: frozenset[str] | set[str] = frozenset(),
    line_model: LineModel | None = None,
) -> CleanDocument:
    """Clean one document: normalise lines, remove artefacts by rule, pick out metadata.

    A raw line is blank when it is empty after normalisation; every other line ends up as a
    paragraph, in ``removed``, or (for partial rules) split between the two.

    Args:
        text: the raw document.
        rules: from :func:`load_rules`.
        boilerplate: line fingerprints that recur across the corpus, from
            :func:`culturelens.dedup.recurring_lines`; a kept line with one of them is removed
            by the ``boilerplate`` rule. Empty (the default): no corpus-level evidence.
        line_model: from :func:`culturelens.clean_learn.train_line_model`; after the rules it
            removes the kept lines it scores as artefacts (rule ``learned_line``). None (the
            default): rules only.

    Raises:
        TypeError: if ``text`` is not a str, ``rules`` holds something else than
            ArtefactRule, ``boilerplate`` is not a set of str, or ``line_model`` is not a
            LineModel.
    """
    state, fragments = apply_rules(text, rules=rules, boilerplate=boilerplate)
    return document_from_state(state, fragments, line_model=line_model)


def document_from_state(
    state: State,
    fragments: Sequence[RemovedLine],
    *,
    line_model: LineModel | None = None,
    scored: Mapping[int, float] | None = None,
) -> CleanDocument:
    """The clean document from :func:`apply_rules`'s output, after the learned pass if any.

    ``state`` is not changed (the learned pass runs on a copy), so one rules state can be
    finished with several models, as cross-validation does; ``scored`` as in
    :func:`culturelens.line_model.apply_line_model`.

    Raises:
        TypeError: if ``line_model`` is not a LineModel or None.
    """
    if line_model is not None:
        if not isinstance(line_model, LineModel):
            raise TypeError(
                f"line_model must be a LineModel or None, got {type(line_model).__name__}; "
                "build it with culturelens.clean_learn.train_line_model()"
            )
        state = dataclasses.replace(state, removed=dict(state.removed))
        apply_line_model(state, line_model, scored=scored)
    raw_of = {ln.line_no: ln.raw_lines for ln in state.lines}
    whole = [
        RemovedLine(n + k, name, raw)
        for n, name in state.removed.items()
        for k, raw in enumerate(raw_of[n])
    ]
    return CleanDocument(
        paragraphs=_paragraphs(state),
        removed=tuple(sorted([*whole, *fragments], key=lambda r: (r.line_no, r.rule, r.text))),
        title=state.title,
        date=state.date,
        n_lines=sum(len(raw) for raw in raw_of.values()),
    )


def __getattr__(name: str) -> Any:
    # The evaluation helpers live in culturelens.clean_eval (which imports this module);
    # importing them lazily keeps ``from culturelens.clean import evaluate_cleaning`` working.
    if name in ("evaluate_cleaning", "predict_lines", "LABELS"):
        from culturelens import clean_eval

        return getattr(clean_eval, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
