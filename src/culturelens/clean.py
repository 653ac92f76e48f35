"""Cleaning: remove scraping artefacts line by line, with an audit trail.

Each raw line (split on ``\\r\\n``, ``\\r`` or ``\\n`` only) is normalised and then either
kept as a paragraph, removed by a named rule (recorded as a :class:`RemovedLine`), or split
when a *partial* rule (a PHP warning glued to prose) matches only part of it. Rules are data
(``data/artefact_rules.yaml``, extendable from config); structural rules use a line's shape
and its position among its neighbours, so unseen artefact wordings are caught by their form.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from culturelens import _patterns as P
from culturelens import artefacts as A
from culturelens.artefacts import Line, State

RULE_KINDS = ("regex", "phrases", "structural")
POSITIONS = ("anywhere", "start", "whole")
# Artefact lines are short; longer lines are prose, and skipping them keeps the cost linear.
MAX_RULE_CHARS = 1200
# Typographic quotes, primes and hyphen variants map to their ASCII forms, one for one.
_QUOTES = str.maketrans(
    "\u2018\u2019\u201a\u201b\u2032\u00b4\u201c\u201d\u201e\u201f\u2033\u2010\u2011",
    "''''''\"\"\"\"\"--",
)
_DASHES = ("\u2012", "\u2013", "\u2014", "\u2015", "\u2212", "--", " - ")


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
    if rule.kind == "structural" and rule.detector not in A.DETECTORS:
        _fail(rule.name, "detector", f"is {rule.detector!r}; use one of {', '.join(A.DETECTORS)}")
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


def _make_line(line_no: int, raw: str) -> Line:
    text = _normalize_line(raw)
    bullet = bool(P.RE_BULLET.match(text)) and bool(P.RE_BULLET.sub("", text, count=1))
    if bullet:  # a lone bullet glyph stays as text, so the line is not lost silently
        text = P.RE_BULLET.sub("", text, count=1)
    if len(text) > MAX_RULE_CHARS:  # prose; only partial rules look at its start
        low = text[:MAX_RULE_CHARS].lower()
        return Line(line_no, raw, text, bullet, A.HEADLINE_MAX_WORDS * 10, True, low)
    n_words = len(P.RE_WORD.findall(text))
    ends = bool(P.RE_SENTENCE_END.search(text))
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
    if not rule.allow_sentence_end and line.sentence_end:
        return None
    return rule.regex.search(line.text)


def _split_partial(line: Line, match: re.Match[str]) -> tuple[str, str]:
    """Return (removed fragment, remaining prose) for a partial-rule match."""
    rest = (line.text[: match.start()] + " " + line.text[match.end() :]).strip()
    if len(P.RE_LETTER.findall(rest[:200])) < 3:
        return line.text, ""
    return match.group(0), rest


# --------------------------------------------------------------------------- document
def _apply_explicit(
    lines: list[Line], rules: Sequence[ArtefactRule]
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
        out.append(Paragraph(text=ln.text, kind=kind, line_no=ln.line_no, is_list_item=listed))
    return tuple(out)


def clean_document(
    text: str,
    *,
    rules: Sequence[ArtefactRule],
    boilerplate: frozenset[str] | set[str] = frozenset(),
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

    Raises:
        TypeError: if ``text`` is not a str, ``rules`` holds something else than
            ArtefactRule, or ``boilerplate`` is not a set of str.
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
    removed, fragments = _apply_explicit(lines, [r for r in rules if r.kind != "structural"])
    state = State(
        lines, removed, {r.name: r.category for r in rules}, boilerplate=frozenset(boilerplate)
    )
    for rule in rules:
        if rule.kind == "structural":
            A.DETECTOR_FUNCS[rule.detector](state, rule)
    raw_of = {ln.line_no: ln.raw for ln in lines}
    whole = [RemovedLine(n, name, raw_of[n]) for n, name in state.removed.items()]
    return CleanDocument(
        paragraphs=_paragraphs(state),
        removed=tuple(sorted([*whole, *fragments], key=lambda r: (r.line_no, r.rule, r.text))),
        title=state.title,
        date=state.date,
        n_lines=len(lines),
    )


def __getattr__(name: str) -> Any:
    # The evaluation helpers live in culturelens.clean_eval (which imports this module);
    # importing them lazily keeps ``from culturelens.clean import evaluate_cleaning`` working.
    if name in ("evaluate_cleaning", "predict_lines", "LABELS"):
        from culturelens import clean_eval

        return getattr(clean_eval, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
