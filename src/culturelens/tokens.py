"""The one tokeniser behind TF-IDF, keyness and topic models.

Text is lower-cased, split on white space into chunks, artefact chunks (URLs, e-mail
addresses, file paths and names, very long runs without spaces) are dropped, the rest is
cut into word tokens that keep hyphenated compounds ("long-term") whole, contractions are
split ("aren't" -> "are" + "not"), numbers are dropped, and every word is lemmatised with
simplemma (English) and checked against the versioned stop list in
``data/stopwords.txt`` before and after lemmatisation. The stop list is scikit-learn's
minus negators and contrast words, because blame and support meaning flips on them.

Every pattern is a single pass without nested quantifiers and white-space chunks are
bounded in length, so a 20 MB single line or 1 MB of punctuation costs linear time.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from importlib import resources

import simplemma

# Longer white-space chunks are encoded blobs, minified code or punctuation runs, not words.
MAX_CHUNK_CHARS = 100
# The longest ordinary English words ("counterrevolutionaries") stay well under this.
MAX_TOKEN_CHARS = 30
MIN_TOKEN_CHARS = 2

RE_CHUNK = re.compile(r"\S+")
# Word pieces: letters/digits joined by single inner hyphens or apostrophes.
RE_TOKEN = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
# Punctuation inside a chunk that ends a phrase, so no bigram spans it.
RE_PHRASE_BREAK = re.compile(r"[.!?;:,()\[\]{}\"/|<>]")
RE_FILE_NAME = re.compile(
    r"[^\W_]\.(?:pdf|docx?|odt|rtf|html?|php|aspx?|xlsx?|csv|json|xml|txt|png|jpe?g|gif|svg|zip|exe)\b"
)
RE_DOMAIN = re.compile(
    r"[^\W_]\.(?:com|org|net|gov|edu|io|co\.uk|org\.uk|ac\.uk|nhs\.uk|gov\.uk)\b"
)
RE_EMAIL_OR_HANDLE = re.compile(r"@[^\W_]")

# Typographic apostrophes and hyphens are mapped to ASCII so "it\u2019s" and "long\u2010term"
# tokenise like "it's" and "long-term".
_CHAR_MAP = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "\u2010": "-", "\u2011": "-"}
)
_CONTRACTION_SUFFIXES = ("'s", "'ll", "'re", "'ve", "'d", "'m")
_NEGATED_STEMS = {"ca": "can", "wo": "will", "sha": "shall", "ai": "am"}
# simplemma errors that matter in news text ("ai" -> "be", "wales" -> "wale", "media" -> "medium").
_LEMMA_OVERRIDES = {
    "ai": "ai",
    "media": "media",
    "wales": "wales",
    "data": "data",
    "worse": "worse",
}


@functools.cache
def load_stopwords() -> frozenset[str]:
    """Return the versioned stop list shipped in ``culturelens/data/stopwords.txt``."""
    text = resources.files("culturelens").joinpath("data/stopwords.txt").read_text("utf-8")
    words = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return frozenset(w for w in words if w)


def tokenize(text: str, *, bigrams: bool = False) -> list[str]:
    """Split ``text`` into lemmatised analysis tokens.

    Args:
        text: Any text; artefacts and numbers are dropped rather than rejected.
        bigrams: Also return "a b" for every pair of kept tokens that were adjacent in
            the text (no stop word, dropped token or phrase punctuation between them),
            after all unigrams.

    Returns:
        Unigrams in text order, followed by bigrams in text order when requested.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, got {type(text).__name__}; pass the document text")
    unigrams: list[str] = []
    pairs: list[str] = []
    previous: str | None = None
    for token in _token_stream(text):
        if token is not None:
            unigrams.append(token)
            if bigrams and previous is not None:
                pairs.append(f"{previous} {token}")
        previous = token
    return unigrams + pairs


def _token_stream(text: str) -> Iterator[str | None]:
    """Yield kept tokens, with ``None`` wherever a phrase is broken."""
    for match in RE_CHUNK.finditer(text):
        yield from _chunk_tokens(match.group())


@functools.lru_cache(maxsize=200_000)
def _chunk_tokens(chunk: str) -> tuple[str | None, ...]:
    """Tokens of one white-space chunk, ``None`` marking breaks (cached: chunks repeat)."""
    chunk = chunk.translate(_CHAR_MAP).lower()
    if _is_artefact(chunk):
        return (None,)
    out: list[str | None] = []
    for i, part in enumerate(RE_PHRASE_BREAK.split(chunk)):
        if i:
            out.append(None)
        for raw in RE_TOKEN.findall(part):
            out.extend(_normalise(raw) or (None,))  # a dropped word breaks the phrase
    return tuple(out)


def _is_artefact(chunk: str) -> bool:
    """True for chunks that are markup or machine residue rather than prose."""
    if len(chunk) > MAX_CHUNK_CHARS or "://" in chunk or "www." in chunk or "\\" in chunk:
        return True
    if chunk.count("/") >= 2 or RE_EMAIL_OR_HANDLE.search(chunk):
        return True
    return bool(RE_FILE_NAME.search(chunk) or RE_DOMAIN.search(chunk))


@functools.lru_cache(maxsize=200_000)
def _normalise(raw: str) -> tuple[str | None, ...]:
    """Map one raw word piece to analysis tokens, ``None`` for a dropped word (cached)."""
    if raw.endswith("n't"):
        stem = raw[:-3]
        # A dropped stem ("are" in "aren't") breaks the phrase before "not", as "are not" would.
        return (*(_lemma_or_drop(_NEGATED_STEMS.get(stem, stem)) or (None,)), "not")
    for suffix in _CONTRACTION_SUFFIXES:
        if raw.endswith(suffix):
            return _lemma_or_drop(raw[: -len(suffix)])
    return _lemma_or_drop(raw)


def _lemma_or_drop(word: str) -> tuple[str, ...]:
    """Return ``(lemma,)`` or ``()`` when the word is a number, too short/long or a stop word."""
    stop = load_stopwords()
    if not MIN_TOKEN_CHARS <= len(word) <= MAX_TOKEN_CHARS or word[0].isdigit() or word in stop:
        return ()
    if "'" in word:  # inner apostrophes left after contraction handling ("o'clock") are noise
        word = word.replace("'", "")
    lemma = _LEMMA_OVERRIDES.get(word) or simplemma.lemmatize(word, lang="en").lower()
    if lemma in stop or len(lemma) < MIN_TOKEN_CHARS:
        return ()
    return (lemma,)
