"""Sentences, quotations and speakers from cleaned paragraphs.

Sentence boundaries come from pysbd (rule-based, offline). Quotation and speaker fields
are rule-based: a sentence is a quote when most of its characters sit inside quotation
marks, and its speaker is the person named by the paragraph's reporting clause ("...,"
he said; Matthew Taylor said: "..."), with pronouns resolved to the last named speaker.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
import pysbd

# pysbd's own regexes can backtrack badly on very long or broken input (pySBD issue 92),
# so long paragraphs are cut into bounded pieces at obvious boundaries first.
MAX_CHUNK_CHARS = 5_000
RE_HARD_BOUNDARY = re.compile(r"(?<=[.!?])\s+")
RE_SPACES = re.compile(r"\s+")

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


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False)


def _chunks(text: str) -> Iterable[str]:
    if len(text) <= MAX_CHUNK_CHARS:
        yield text
        return
    piece = ""
    for part in RE_HARD_BOUNDARY.split(text):
        while len(part) > MAX_CHUNK_CHARS:  # a run-on with no boundary: cut hard
            yield part[:MAX_CHUNK_CHARS]
            part = part[MAX_CHUNK_CHARS:]
        if piece and len(piece) + len(part) + 1 > MAX_CHUNK_CHARS:
            yield piece
            piece = ""
        piece = f"{piece} {part}" if piece else part
    if piece:
        yield piece


# pysbd never splits inside double quotation marks, but news quotes run to several
# sentences; it is given private-use stand-ins (one character each) and they are put back.
_HIDE_QUOTES = str.maketrans({"\u201c": "\ue000", "\u201d": "\ue001", '"': "\ue002"})
_SHOW_QUOTES = str.maketrans({"\ue000": "\u201c", "\ue001": "\u201d", "\ue002": '"'})


def split_sentences(text: str) -> list[str]:
    """Split one paragraph into sentences, with whitespace collapsed."""
    sentences: list[str] = []
    for chunk in _chunks(text.translate(_HIDE_QUOTES)):
        for sent in _segmenter().segment(chunk):
            sent = RE_SPACES.sub(" ", sent.translate(_SHOW_QUOTES)).strip()
            if sentences and not any(ch.isalnum() for ch in sent):
                sentences[-1] += sent  # a stray closing mark belongs to the sentence before
            elif sent:
                sentences.append(sent)
    return sentences


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
    "section",
    "text",
    "is_quote",
    "speaker",
]


def sentence_table(doc_id: str, paragraphs: Sequence[tuple[str, str]]) -> pd.DataFrame:
    """The ``sentences.csv`` rows of one document (``sentence_id`` is ``doc_id:nnnn``)."""
    kinds = [kind for kind, _ in paragraphs]
    rows = [
        {
            "doc_id": doc_id,
            "sentence_id": f"{doc_id}:{i:04d}",
            "paragraph_id": f"{doc_id}:p{s.paragraph_id:03d}",
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
