"""The versioned blame/support lexicon: terms, multi-word expressions, negators and senses.

The lexicon is a small CSV shipped as package data (``data/lexicon.csv``) and replaceable
from config. Terms are written as ordinary words and lemmatised with simplemma when the
file is loaded, so inflections ("bullied", "sackings") match without listing them. A word
written as ``=word`` matches that exact word instead of its lemma (``=fewer`` must not
match "a few"); ``*`` is a gap of one to three tokens. The file's version comes from its
``# version:`` comment line and its sha256 from its bytes, so a manifest can pin both.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

import simplemma

RE_VERSION = re.compile(r"^#\s*version:\s*(?P<version>\S{1,64})\s*$")
RE_WORD = re.compile(r"^(?:\*|=?[a-z][a-z'\-]{0,40})$")
# Tokenisation. Every pattern is a single character class or a fixed string (linear time).
RE_NOT_CONTRACTION = re.compile(r"n['\u2019]t\b", re.IGNORECASE)
RE_POSSESSIVE = re.compile(r"['\u2019]s\b", re.IGNORECASE)
RE_WORD_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")
RE_TOKEN = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")

CONTEXT_CLASSES = (
    "person",
    "org",
    "company",
    "thing",
    "action",
    "policy",
    "tech",
    "poll",
    "fan",
    "act",
    "weapon",
    "mistake",
    "instrumental",
    "protect_thing",
    "encourage_thing",
    "suspend_thing",
    "dismiss_thing",
    "rail",
    "sport",
    "cap_not_person",
    "welfare_verb",
    "livelihood",
    "disease",
    "political",
    "care_noun",
    "growth_verb",
    "title",
    "facility",
    "medicine",
)
CATEGORIES = (
    "blame",
    "support",
    "negator",
    "negator_blame",
    "negator_support",
    "post_negator_blame",
    "post_negator_support",
    "intensifier",
    "downtoner",
    "boundary",
    *(f"context_{name}" for name in CONTEXT_CLASSES),
)
EVIDENCE = ("blame", "support")
# Context rules implemented in culturelens.senses; a lexicon may only name these.
SENSES = (
    "",
    "not_thing_target",
    "support_sense",
    "help_sense",
    "protect_sense",
    "encourage_sense",
    "train_sense",
    "value_sense",
    "coach_sense",
    "person_object",
    "fire_sense",
    "punish_sense",
    "fine_sense",
    "suspend_sense",
    "ban_sense",
    "dismiss_sense",
    "abuse_sense",
    "back_sense",
    "voice_sense",
    "accuse_sense",
)
COLUMNS = ("term", "category", "weight", "sense", "notes")
MAX_TERM_WORDS = 6
MAX_GAP = 3
# Sentences are bounded upstream, but a 20 MB run-on must still cost O(cap), not O(n).
MAX_CHARS = 20_000
MAX_TOKENS = 400
QUOTES = frozenset("\"'\u201c\u201d\u2018\u2019`")
FAMILIES = {
    "blame": "evidence",
    "support": "evidence",
    "negator": "negator",
    "negator_blame": "negator",
    "negator_support": "negator",
    "post_negator_blame": "post",
    "post_negator_support": "post",
    "intensifier": "degree",
    "downtoner": "degree",
    "boundary": "boundary",
}


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """Lower-cased simplemma lemma of one word (cached: scoring calls this per token)."""
    low = word.lower()
    return simplemma.lemmatize(low, lang="en").lower() if low.isalpha() else low


@dataclass(frozen=True)
class Token:
    """One token: original text, lower case, lemma, and whether it is a word."""

    text: str
    low: str
    lemma: str
    is_word: bool


def tokenise(text: str, *, max_tokens: int = MAX_TOKENS) -> list[Token]:
    """Tokens of one sentence, capped at ``max_tokens`` (quotation marks dropped).

    "n't" becomes "not", possessive "'s" is dropped and hyphens inside words split them
    ("no-blame" -> "no blame", "cover-up" -> "cover up").
    """
    text = text[:MAX_CHARS]
    text = RE_NOT_CONTRACTION.sub(" not", text)
    text = RE_WORD_HYPHEN.sub(" ", RE_POSSESSIVE.sub("", text))
    tokens: list[Token] = []
    for m in RE_TOKEN.finditer(text):
        raw = m.group()
        if raw in QUOTES:
            continue
        low = raw.lower()
        tokens.append(Token(raw, low, lemma(low), raw[0].isalnum()))
        if len(tokens) >= max_tokens:
            break
    return tokens


@dataclass(frozen=True)
class Entry:
    """One lexicon row with its term split into match keys (lemmas, ``=word`` or ``*``)."""

    term: str
    keys: tuple[str, ...]
    category: str
    weight: float
    sense: str
    notes: str


@dataclass(frozen=True)
class Lexicon:
    """A loaded lexicon with the provenance a manifest needs."""

    entries: tuple[Entry, ...]
    version: str
    sha256: str
    source: str

    def by_category(self, *categories: str) -> tuple[Entry, ...]:
        """Entries whose category is one of ``categories``."""
        return tuple(e for e in self.entries if e.category in categories)

    @cached_property
    def context(self) -> dict[str, frozenset[str]]:
        """Context word classes (lemmas) used by the sense rules, by class name."""
        out: dict[str, set[str]] = {name: set() for name in CONTEXT_CLASSES}
        for e in self.entries:
            if e.category.startswith("context_"):
                out[e.category.removeprefix("context_")].add(e.keys[0].lstrip("="))
        return {k: frozenset(v) for k, v in out.items()}

    @cached_property
    def index(self) -> dict[tuple[str, str], tuple[Entry, ...]]:
        """Entries by (family, first key), longest first, for greedy matching."""
        out: dict[tuple[str, str], list[Entry]] = {}
        for e in self.entries:
            if e.category in FAMILIES:
                out.setdefault((FAMILIES[e.category], e.keys[0]), []).append(e)
        return {k: tuple(sorted(v, key=lambda e: -len(e.keys))) for k, v in out.items()}


@dataclass(frozen=True)
class Match:
    """A lexicon entry matched on tokens ``[start, end)``."""

    start: int
    end: int
    entry: Entry


def _key_ok(key: str, tok: Token) -> bool:
    return tok.is_word and (key == tok.lemma or (key[0] == "=" and key[1:] == tok.low))


def _match_from(tokens: Sequence[Token], i: int, keys: tuple[str, ...]) -> int:
    """End index if ``keys`` match at ``i`` (gaps are 1..MAX_GAP word tokens), else -1."""
    if not keys:
        return i
    if keys[0] == "*":
        for gap in range(1, MAX_GAP + 1):
            if i + gap > len(tokens) or not tokens[i + gap - 1].is_word:
                return -1
            end = _match_from(tokens, i + gap, keys[1:])
            if end >= 0:
                return end
        return -1
    if i < len(tokens) and _key_ok(keys[0], tokens[i]):
        return _match_from(tokens, i + 1, keys[1:])
    return -1


def find_matches(tokens: Sequence[Token], lexicon: Lexicon, *, family: str) -> list[Match]:
    """Greedy longest, non-overlapping matches of one family ("evidence", "negator", ...)."""
    out: list[Match] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        cands = lexicon.index.get((family, tok.lemma), ()) + lexicon.index.get(
            (family, "=" + tok.low), ()
        )
        best = max(
            ((_match_from(tokens, i, e.keys), e) for e in cands),
            key=lambda t: t[0],
            default=(-1, None),
        )
        if best[0] > i and best[1] is not None:
            out.append(Match(i, best[0], best[1]))
            i = best[0]
        else:
            i += 1
    return out


def _term_keys(term: str, *, where: str) -> tuple[str, ...]:
    words = term.lower().replace("-", " ").split()
    if not words or len(words) > MAX_TERM_WORDS or words[0] == "*" or words[-1] == "*":
        raise ValueError(
            f"{where}: term {term!r} must have 1-{MAX_TERM_WORDS} words and "
            "no '*' at either end; fix the term"
        )
    for w in words:
        if not RE_WORD.match(w):
            raise ValueError(
                f"{where}: term {term!r} has an invalid word {w!r}; use letters, '=word' or '*'"
            )
    return tuple(w if w == "*" or w.startswith("=") else lemma(w) for w in words)


def _parse_row(row: dict[str, str], *, where: str) -> Entry:
    category = (row.get("category") or "").strip()
    if category not in CATEGORIES:
        raise ValueError(f"{where}, column 'category': {category!r} is not one of {CATEGORIES}")
    try:
        weight = float(row.get("weight") or "")
    except ValueError:
        raise ValueError(
            f"{where}, column 'weight': {row.get('weight')!r} is not a number; write e.g. 1.0"
        ) from None
    if not 0.0 < weight <= 3.0:
        raise ValueError(f"{where}, column 'weight': {weight} is outside (0, 3]; fix the weight")
    sense = (row.get("sense") or "").strip()
    if sense not in SENSES:
        raise ValueError(f"{where}, column 'sense': {sense!r} is not a known rule {SENSES[1:]}")
    term = (row.get("term") or "").strip()
    keys = _term_keys(term, where=f"{where}, column 'term'")
    return Entry(term, keys, category, weight, sense, (row.get("notes") or "").strip())


def parse_lexicon(text: str, *, source: str = "<string>") -> Lexicon:
    """Parse lexicon CSV text (comment lines start with ``#``) into a :class:`Lexicon`."""
    version = ""
    body: list[str] = []
    for line in text.splitlines():
        if line.startswith("#"):
            m = RE_VERSION.match(line[:200])
            version = m.group("version") if m else version
        else:
            body.append(line)
    if not version:
        raise ValueError(f"lexicon {source}: no '# version: X' comment line; add one")
    reader = csv.DictReader(io.StringIO("\n".join(body)))
    if tuple(reader.fieldnames or ()) != COLUMNS:
        raise ValueError(f"lexicon {source}: header {reader.fieldnames} must be {list(COLUMNS)}")
    entries = []
    seen: set[tuple[tuple[str, ...], str]] = set()
    for i, row in enumerate(reader, start=2):
        entry = _parse_row(row, where=f"lexicon {source}, data row {i - 1}")
        if (entry.keys, entry.category) in seen:
            raise ValueError(
                f"lexicon {source}, data row {i - 1}: duplicate term "
                f"{entry.term!r} in category {entry.category!r}; remove one"
            )
        seen.add((entry.keys, entry.category))
        entries.append(entry)
    if not any(e.category in EVIDENCE for e in entries):
        raise ValueError(f"lexicon {source}: no blame or support terms; add some rows")
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Lexicon(tuple(entries), version, sha, source)


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """Load a lexicon CSV; ``None`` loads the packaged ``data/lexicon.csv``.

    Raises:
        ValueError: the file is missing or a row is invalid (the message names the row,
            the column and the fix).
    """
    if path is None:
        ref = resources.files("culturelens") / "data" / "lexicon.csv"
        raw, source = ref.read_bytes(), "culturelens/data/lexicon.csv"
    else:
        p = Path(path)
        if not p.is_file():
            raise ValueError(f"lexicon path {str(p)!r} is not a file; pass an existing CSV or None")
        raw, source = p.read_bytes(), p.name
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ValueError(f"lexicon {source} is not UTF-8; re-save it as UTF-8") from None
    lex = parse_lexicon(text, source=source)
    # The sha256 is of the file's bytes, so it matches `sha256sum` on the file.
    return Lexicon(lex.entries, lex.version, hashlib.sha256(raw).hexdigest(), source)
