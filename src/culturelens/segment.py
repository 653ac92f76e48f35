"""Sentences, quotations and speakers from cleaned paragraphs.

Sentence boundaries come from a small linear-time splitter written for news prose: a
sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quotes or brackets) when
the next word starts with a capital, a digit or an opening quote, unless the word before
is an abbreviation ("Mr.", "e.g.") or an initial ("J. K."). On 970 BBC and seed
paragraphs it finds 95.5% of pysbd's boundaries; most of its extra ones split
multi-sentence quotations, which pysbd never splits, and it runs about 60 times faster
(``benchmarks/bench_sentences.py``). Quotation and speaker fields are
rule-based: a sentence is a quote when most of its characters sit inside quotation
marks, and its speaker is the person named by the paragraph's reporting clause
("...," he said; Matthew Taylor said: "..."), with pronouns resolved to the last named
speaker.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import pandas as pd

# A possible boundary: sentence punctuation, closing marks, space, then a sentence start.
# One lookbehind character and no nested quantifiers: linear on any input.
RE_BOUNDARY = re.compile(
    r"(?<=[.!?\u2026])[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9\u00c0-\u00de])"
)
RE_WORD_BEFORE_DOT = re.compile(r"(?<![A-Za-z0-9])([A-Za-z][A-Za-z.]{0,9})\.$")
RE_SPACES = re.compile(r"\s+")
RE_WORD = re.compile(r"\w+(?:['\u2019-]\w+)*")
ABBREVIATIONS = frozenset(
    (
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "sr",
        "jr",
        "no",
        "nos",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "inc",
        "ltd",
        "co",
        "corp",
        "plc",
        "gen",
        "sen",
        "rep",
        "gov",
        "lt",
        "col",
        "capt",
        "sgt",
        "rev",
        "hon",
        "mt",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "fig",
        "approx",
        "dept",
        "est",
        "univ",
        "ave",
        "rd",
        "cf",
        "al",
        "",
    )
)
# Longer "sentences" (run-on scrapes, 20 MB single lines) are cut at spaces so that every
# later step works on bounded pieces.
MAX_SENTENCE_CHARS = 5_000

OPEN_QUOTES = "\u201c"
CLOSE_QUOTES = "\u201d"
STRAIGHT_QUOTE = '"'

_REPORTING = (
    r"said|says|told|added|explained|argued|continued|claimed|noted|warned|insisted|"
    r"acknowledged|stressed|suggested|wrote|commented|admitted|asked|replied|declared"
)
_TITLES = r"(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame|Lord|Lady|General|Baroness)\.?"
_NAME = rf"(?:{_TITLES}\s+)?[A-Z][a-z'\u2019-]+(?:\s+[A-Z][a-z'\u2019-]+){{0,3}}"
# "Matthew Taylor said", "Hancock told", "said Mortimer" (each alternative bounded: no nesting).
RE_NAME_BEFORE_VERB = re.compile(rf"(?P<name>{_NAME})\s+(?:{_REPORTING})\b")
RE_VERB_BEFORE_NAME = re.compile(rf"\b(?:{_REPORTING})\s+(?P<name>{_NAME})")
RE_PRONOUN_VERB = re.compile(rf"\b(?:[Hh]e|[Ss]he|[Tt]hey)\s+(?:{_REPORTING})\b")
RE_TITLE = re.compile(rf"^(?:{_TITLES}\s+)+")
_NOT_NAMES = frozenset({"The", "But", "And", "He", "She", "They", "It", "This", "That", "We"})


@dataclass(frozen=True)
class Sentence:
    """One sentence with its position and quotation fields."""

    paragraph_id: int
    text: str
    is_quote: bool
    speaker: str


def _is_abbreviation(text_before: str) -> bool:
    match = RE_WORD_BEFORE_DOT.search(text_before)
    if not match:
        return False
    word = match.group(1).lower()
    return word in ABBREVIATIONS or len(word) == 1 or ("." in word and len(word) <= 4)


def _bounded(sentence: str) -> Iterator[str]:
    while len(sentence) > MAX_SENTENCE_CHARS:
        cut = sentence.rfind(" ", 0, MAX_SENTENCE_CHARS)
        cut = cut if cut > 0 else MAX_SENTENCE_CHARS
        yield sentence[:cut].strip()
        sentence = sentence[cut:].strip()
    if sentence:
        yield sentence


def split_sentences(text: str) -> list[str]:
    """Split one paragraph into sentences, with whitespace collapsed."""
    sentences: list[str] = []
    start = 0
    for match in RE_BOUNDARY.finditer(text):
        if _is_abbreviation(text[max(start, match.start() - 12) : match.start()]):
            continue
        sentences.extend(_bounded(RE_SPACES.sub(" ", text[start : match.end()]).strip()))
        start = match.end()
    sentences.extend(_bounded(RE_SPACES.sub(" ", text[start:]).strip()))
    return [s for s in sentences if s]


def _quoted_flags(sentences: Sequence[str], *, open_at_start: bool) -> tuple[list[bool], bool]:
    """Mark sentences mostly inside quotation marks; return flags and the state at the end."""
    flags, inside = [], open_at_start
    for sent in sentences:
        quoted = 0
        for ch in sent:
            if ch in OPEN_QUOTES:
                inside = True
            elif ch in CLOSE_QUOTES:
                inside = False
            elif ch == STRAIGHT_QUOTE:
                inside = not inside
            elif inside and not ch.isspace():
                quoted += 1
        letters = sum(not ch.isspace() for ch in sent) or 1
        flags.append(quoted / letters >= 0.5)
    return flags, inside


def canonical_speaker(name: str) -> str:
    """Drop honorifics so "Mr Hancock" and "Hancock" compare equal by surname."""
    return RE_TITLE.sub("", name.strip())


def _unquoted(text: str) -> str:
    """The paragraph with quoted spans removed, so names inside quotes are not speakers."""
    out, inside = [], False
    for ch in text:
        if ch in OPEN_QUOTES or (ch == STRAIGHT_QUOTE and not inside):
            inside = True
        elif ch in CLOSE_QUOTES or ch == STRAIGHT_QUOTE:
            inside = False
            out.append(" ")
        elif not inside:
            out.append(ch)
    return "".join(out)


def find_speaker(paragraph: str, *, previous: str = "") -> str:
    """The speaker a paragraph's reporting clause names; pronouns resolve to ``previous``."""
    frame = _unquoted(paragraph)
    for regex in (RE_NAME_BEFORE_VERB, RE_VERB_BEFORE_NAME):
        for match in regex.finditer(frame):
            name = canonical_speaker(match.group("name"))
            if name.split()[0] not in _NOT_NAMES:
                return name
    if RE_PRONOUN_VERB.search(frame):
        return previous
    return ""


def _resolve(name: str, known: dict[str, str]) -> str:
    """Map a surname-only mention to the fullest form of that name seen so far."""
    surname = name.split()[-1] if name else ""
    if not surname:
        return ""
    if len(name.split()) > len(known.get(surname, "").split()):
        known[surname] = name
    return known[surname]


def segment_paragraphs(paragraphs: Sequence[tuple[str, str]]) -> list[Sentence]:
    """Sentences of a document given its ``(kind, text)`` paragraphs in order.

    Quotes that run on across paragraphs (journalistic style: an opening mark at each
    paragraph, the closing mark only at the end) keep their speaker.
    """
    out: list[Sentence] = []
    known: dict[str, str] = {}
    last_speaker, carry_quote = "", False
    for pid, (_kind, text) in enumerate(paragraphs, start=1):
        sentences = split_sentences(text)
        flags, still_open = _quoted_flags(sentences, open_at_start=False)
        named = find_speaker(text, previous=last_speaker)
        speaker = _resolve(named, known) if named else (last_speaker if carry_quote else "")
        last_speaker = speaker or last_speaker
        for sent, quoted in zip(sentences, flags, strict=True):
            out.append(Sentence(pid, sent, quoted, speaker if quoted else ""))
        carry_quote = still_open
    return out


SENTENCE_COLUMNS = [
    "doc_id",
    "sentence_id",
    "paragraph_id",
    "line_no",
    "section",
    "text",
    "is_quote",
    "speaker",
]


def sentence_table(
    doc_id: str, paragraphs: Sequence[tuple[str, str]], *, line_nos: Sequence[int] | None = None
) -> pd.DataFrame:
    """The ``sentences.csv`` rows of one document (``sentence_id`` is ``doc_id:nnnn``).

    ``line_nos`` are the raw line numbers of the paragraphs, so a reader (the viewer) can
    put sentences and removed lines back in their original order; 0 when unknown.
    """
    kinds = [kind for kind, _ in paragraphs]
    lines = list(line_nos) if line_nos is not None else [0] * len(paragraphs)
    rows = [
        {
            "doc_id": doc_id,
            "sentence_id": f"{doc_id}:{i:04d}",
            "paragraph_id": f"{doc_id}:p{s.paragraph_id:03d}",
            "line_no": lines[s.paragraph_id - 1],
            "section": kinds[s.paragraph_id - 1],
            "text": s.text,
            "is_quote": s.is_quote,
            "speaker": s.speaker,
        }
        for i, s in enumerate(segment_paragraphs(paragraphs), start=1)
    ]
    return pd.DataFrame(rows, columns=SENTENCE_COLUMNS)


RE_WORD = re.compile(r"\w+(?:['\u2019-]\w+)*")


def count_words(text: str) -> int:
    """Running words, the denominator of per-1,000-token rates (hyphenated compounds count once)."""
    return sum(1 for _ in RE_WORD.finditer(text))


def unify_speakers(speakers: pd.Series) -> pd.Series:
    """Give a surname-only speaker ("Hancock") the full name used elsewhere in the corpus.

    Only when exactly one full name ends with that surname; otherwise the surname stays,
    rather than guessing between two people.
    """
    names = {str(n) for n in speakers if n}
    full: dict[str, set[str]] = {}
    for name in names:
        if " " in name:
            full.setdefault(name.split()[-1], set()).add(name)
    mapping = {n: next(iter(full[n])) for n in names if " " not in n and len(full.get(n, ())) == 1}
    return speakers.map(lambda n: mapping.get(n, n))
