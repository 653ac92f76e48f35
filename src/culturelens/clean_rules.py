"""Artefact rules as data: the :class:`ArtefactRule` record, its checks, and the YAML loader.

The packaged rules are ``data/artefact_rules.yaml``; a user's rules file replaces them or,
with ``extends: packaged``, adds to them (``cleaning.rules_file`` in the config). Every
invalid rule fails with one line naming the rule, the key and the fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from culturelens import artefacts as A

RULE_KINDS = ("regex", "phrases", "structural")
POSITIONS = ("anywhere", "start", "whole")


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
    unless_next: tuple[str, ...] = ()
    regex: re.Pattern[str] | None = field(default=None, compare=False, repr=False)
    requires_regex: re.Pattern[str] | None = field(default=None, compare=False, repr=False)
    unless_next_regex: re.Pattern[str] | None = field(default=None, compare=False, repr=False)
    # ``regex`` in two parts, for :meth:`search`: the branches anchored with "^" (without it,
    # tried at the start only) and the rest (searched); None when a part is empty.
    _at_start: re.Pattern[str] | None = field(default=None, init=False, compare=False, repr=False)
    _anywhere: re.Pattern[str] | None = field(default=None, init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        _validate_rule(self)
        if self.kind != "structural" and self.regex is None:
            object.__setattr__(self, "regex", _compile_rule(self))
        if self.regex is not None:
            start, anywhere = _split_anchored(self.regex)
            object.__setattr__(self, "_at_start", start)
            object.__setattr__(self, "_anywhere", anywhere)
        if self.requires and self.requires_regex is None:
            words = "|".join(re.escape(w.lower()) for w in self.requires)
            object.__setattr__(self, "requires_regex", re.compile(words))
        if self.unless_next and self.unless_next_regex is None:
            object.__setattr__(self, "unless_next_regex", _compile_unless_next(self))

    def search(self, text: str) -> re.Match[str] | None:
        """A match of ``regex`` in ``text`` when it has one (as ``regex.search``, faster).

        A search tries every alternative at every position, and most are anchored with "^":
        tried at the start only, they cost a third less. The match may be another
        alternative's than ``regex.search`` would find, never a different answer to whether
        the text matches.
        """
        start = None if self._at_start is None else self._at_start.match(text)
        return start or (None if self._anywhere is None else self._anywhere.search(text))

    def param(self, key: str, default: Any) -> Any:
        """Return the structural parameter ``key`` or ``default``."""
        return dict(self.params).get(key, default)


_RULE_KEYS = frozenset(ArtefactRule.__dataclass_fields__) - {
    "regex",
    "requires_regex",
    "unless_next_regex",
    "_at_start",
    "_anywhere",
}


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
    if rule.unless_next and rule.kind == "structural":
        _fail(rule.name, "unless_next", "is for regex and phrases rules; remove it")
    for key in ("allow_sentence_end", "partial", "ignore_case"):
        # a YAML slip ("ignore_case: false" above a stray "- pattern") reads as a string
        if not isinstance(getattr(rule, key), bool):
            _fail(rule.name, key, f"is {getattr(rule, key)!r}; use true or false")


def _compile_rule(rule: ArtefactRule) -> re.Pattern[str]:
    if rule.kind == "phrases":
        alt = "|".join(re.escape(" ".join(p.split())) for p in rule.phrases)
        body = {
            "start": rf"^(?:{alt})\b",
            "anywhere": rf"\b(?:{alt})\b",
            "whole": rf"^(?:{alt})\W{{0,4}}$",
        }[rule.position]
        return _compile(rule, "patterns", body)
    return _compile_alternatives(rule, "patterns")


def _compile_unless_next(rule: ArtefactRule) -> re.Pattern[str]:
    return _compile_alternatives(rule, "unless_next")


def _compile_alternatives(rule: ArtefactRule, key: str) -> re.Pattern[str]:
    """The regular expressions of the rule's list ``key`` as one, each a group."""
    return _compile(rule, key, "|".join(f"(?:{p})" for p in getattr(rule, key)))


def _compile(rule: ArtefactRule, key: str, body: str) -> re.Pattern[str]:
    try:
        return re.compile(body, re.IGNORECASE if rule.ignore_case else 0)
    except re.error as exc:
        raise ValueError(
            f"artefact rule {rule.name!r}: key {key!r} is not a valid regex "
            f"({exc}); fix the expression"
        ) from None


def _structure(pattern: str) -> Iterator[tuple[int, str, int]]:
    """Index, character and group depth of each "(", "|" and ")" outside escapes and classes."""
    depth, in_class, i = 0, False, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 1  # the escaped character is a literal
        elif in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            i += pattern.startswith("^", i + 1)
            i += pattern.startswith("]", i + 1)  # "[]..." and "[^]..." open with a literal "]"
        elif c in "(|)":
            depth -= c == ")"
            yield i, c, depth
            depth += c == "("
        i += 1


def _alternatives(pattern: str) -> list[str]:
    """The alternatives of ``pattern``, with groups that span a whole alternative opened."""
    cuts = [i for i, c, depth in _structure(pattern) if c == "|" and depth == 0]
    out = []
    for start, end in zip([-1, *cuts], [*cuts, len(pattern)], strict=True):
        branch = pattern[start + 1 : end]
        closes = next((i for i, c, depth in _structure(branch) if c == ")" and depth == 0), -1)
        spans = branch.startswith("(?:") and closes == len(branch) - 1
        out += _alternatives(branch[3:-1]) if spans else [branch]
    return out


def _split_anchored(regex: re.Pattern[str]) -> tuple[re.Pattern[str] | None, ...]:
    """``regex`` as (its alternatives anchored with "^", without it; the others).

    A line holds no newline, so without MULTILINE "^" matches at 0 only. Falls back to
    (None, regex) with MULTILINE, or when a part does not compile alone (a backreference to
    a group in another alternative).
    """
    if regex.flags & re.MULTILINE:
        return None, regex
    branches = _alternatives(regex.pattern)
    parts = ([b[1:] for b in branches if b.startswith("^")], [b for b in branches if b[:1] != "^"])
    try:
        return tuple(
            re.compile("|".join(f"(?:{b})" for b in bs), regex.flags) if bs else None
            for bs in parts
        )
    except re.error:
        return None, regex


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
    for key in (
        "examples",
        "counter_examples",
        "patterns",
        "phrases",
        "requires",
        "unless_next",
    ):
        value = kwargs.get(key, ())
        if isinstance(value, str) or not all(isinstance(v, str) for v in value):
            _fail(name, key, "must be a list of strings")
        kwargs[key] = tuple(value)
    params = kwargs.get("params") or {}
    if not isinstance(params, Mapping):
        _fail(name, "params", "must be a mapping such as {max_words: 16}")
    kwargs["params"] = tuple(sorted((k, _frozen(v)) for k, v in params.items()))
    return ArtefactRule(**kwargs)


def _frozen(value: Any) -> Any:
    """A list or mapping parameter as a tuple, so the rule stays hashable."""
    if isinstance(value, Mapping):
        return tuple(sorted(value.items()))
    return tuple(value) if isinstance(value, list) else value


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
