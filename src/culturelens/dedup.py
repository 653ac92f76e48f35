"""Near-duplicate documents and repeated sentences (shared quotes).

Aggregate statistics should count a republished article or a quote that several articles
report only once. :func:`near_duplicates` compares documents by word-shingle Jaccard
similarity, using MinHash banding to find candidate pairs so the cost stays near linear in
the corpus size; :func:`repeated_sentences` matches sentences and quoted passages after a
normalisation that ignores case, punctuation, quote style and whitespace;
:func:`recurring_lines` finds boilerplate lines that recur across unrelated documents.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Mapping

import numpy as np
import pandas as pd

from culturelens.artefacts import line_fingerprint
from culturelens.clean import normalize_text

RE_TOKEN = re.compile(r"[^\W_]+")
# A quoted passage: straight double quotes after normalisation; an unclosed quote runs to the end.
RE_QUOTED = re.compile(r'"([^"]{1,5000})(?:"|$)')
_PRIME = (1 << 31) - 1  # products of two values below 2**31 fit in uint64


def _tokens(text: str) -> list[str]:
    return RE_TOKEN.findall(normalize_text(text).casefold())


def _shingles(text: str, size: int) -> set[int]:
    tokens = _tokens(text)
    grams = [" ".join(tokens[i : i + size]) for i in range(max(1, len(tokens) - size + 1))]
    # blake2b, not hash(): Python's string hash is salted per process and would break determinism.
    return {
        int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "big") % _PRIME
        for g in grams
        if g
    }


def _jaccard(a: set[int], b: set[int]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _candidate_pairs(
    shingles: dict[str, set[int]], *, bands: int, rows: int, seed: int
) -> set[tuple[str, str]]:
    """Pairs of ids that share at least one MinHash band (ids ordered within the pair)."""
    rng = np.random.default_rng(seed)
    n_hash = bands * rows
    a = rng.integers(1, _PRIME, size=(n_hash, 1), dtype=np.uint64)
    b = rng.integers(0, _PRIME, size=(n_hash, 1), dtype=np.uint64)
    buckets: dict[tuple[int, tuple[int, ...]], list[str]] = defaultdict(list)
    for doc_id in sorted(shingles):
        values = np.array(sorted(shingles[doc_id]), dtype=np.uint64)[None, :]
        if values.size == 0:
            continue
        sig = ((a * values + b) % np.uint64(_PRIME)).min(axis=1).tolist()
        for band in range(bands):
            buckets[(band, tuple(sig[band * rows : (band + 1) * rows]))].append(doc_id)
    pairs: set[tuple[str, str]] = set()
    for ids in buckets.values():
        pairs.update((x, y) for i, x in enumerate(ids) for y in ids[i + 1 :])
    return pairs


def near_duplicates(
    texts: Mapping[str, str], *, threshold: float = 0.5, shingle_size: int = 5, seed: int = 0
) -> dict[str, str | None]:
    """Map each doc_id to the earliest (sorted) doc_id it near-duplicates, or None.

    Similarity is the Jaccard index of word ``shingle_size``-grams of the normalised,
    case-folded text; pairs at or above ``threshold`` are near-duplicates. Candidate pairs
    come from MinHash banding (fixed ``seed``) and are then checked exactly.

    Raises:
        ValueError: if ``threshold`` is not in (0, 1] or ``shingle_size`` < 1.
    """
    if not 0 < threshold <= 1:
        raise ValueError(f"threshold must be in (0, 1], got {threshold!r}; 0.5 is a good default")
    if shingle_size < 1:
        raise ValueError(f"shingle_size must be >= 1, got {shingle_size!r}; use 5 for news text")
    shingles = {doc_id: _shingles(text, shingle_size) for doc_id, text in texts.items()}
    # 32 bands x 4 rows find pairs with Jaccard 0.5 with probability ~0.9999.
    pairs = _candidate_pairs(shingles, bands=32, rows=4, seed=seed)
    result: dict[str, str | None] = {doc_id: None for doc_id in sorted(texts)}
    for x, y in sorted(pairs):
        if _jaccard(shingles[x], shingles[y]) >= threshold and result[y] is None:
            result[y] = x  # pairs are sorted, so x is the earliest match for y
    return result


def _units(text: str, *, min_chars: int) -> list[list[str]]:
    """Token lists of the whole sentence and of each quoted passage (>= min_chars)."""
    normal = normalize_text(text)
    units = [normal, *RE_QUOTED.findall(normal)]
    tokenised = [RE_TOKEN.findall(u.casefold()) for u in units]
    return [t for t in tokenised if len(" ".join(t)) >= min_chars]


def _grams(tokens: list[str], size: int) -> set[str]:
    if len(tokens) <= size:
        return {" ".join(tokens)}
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def repeated_sentences(
    sentences: pd.DataFrame, *, min_chars: int = 40, min_overlap: float = 0.7, gram_size: int = 4
) -> pd.Series:
    """For each sentence, the sentence_id of an earlier sentence it repeats, or "".

    Text is compared after normalisation that ignores case, punctuation, quote style and
    whitespace. A sentence repeats an earlier one when the whole sentence, or a quoted passage
    in it (each at least ``min_chars`` characters), has at least ``min_overlap`` of its word
    ``gram_size``-grams in that earlier sentence; so one quote reported with a different
    attribution ("he said" / "Hancock told delegates") is caught. The earliest matching
    sentence in input order is reported; first occurrences get "".

    Raises:
        ValueError: if a required column is missing or an option is out of range.
    """
    missing = [c for c in ("doc_id", "sentence_id", "text") if c not in sentences.columns]
    if missing:
        raise ValueError(
            f"sentences is missing column(s) {missing}; "
            "pass a table with doc_id, sentence_id and text"
        )
    if min_chars < 1 or not 0 < min_overlap <= 1 or gram_size < 1:
        raise ValueError(
            f"need min_chars >= 1, 0 < min_overlap <= 1, gram_size >= 1; got "
            f"{min_chars!r}, {min_overlap!r}, {gram_size!r} (defaults: 40, 0.7, 4)"
        )
    index: dict[str, list[int]] = defaultdict(list)  # gram -> positions of sentences holding it
    ids = [str(s) for s in sentences["sentence_id"]]
    out: list[str] = []
    for pos, text in enumerate(sentences["text"]):
        units = [_grams(u, gram_size) for u in _units(str(text), min_chars=min_chars)]
        out.append(_earliest_cover(units, index, min_overlap, ids))
        for gram in set().union(*units) if units else ():
            index[gram].append(pos)
    return pd.Series(out, index=sentences.index, name="repeat_of", dtype=object)


def _earliest_cover(
    units: list[set[str]], index: Mapping[str, list[int]], min_overlap: float, ids: list[str]
) -> str:
    best: int | None = None
    for grams in units:
        hits: dict[int, int] = defaultdict(int)
        for gram in grams:
            for pos in dict.fromkeys(index.get(gram, ())):
                hits[pos] += 1
        found = [pos for pos, n in hits.items() if n / len(grams) >= min_overlap]
        if found and (best is None or min(found) < best):
            best = min(found)
    return "" if best is None else ids[best]


def recurring_lines(
    texts: Mapping[str, str],
    *,
    min_docs: int = 3,
    max_words: int = 40,
    story_words: int = 25,
    story_share: float = 0.5,
) -> frozenset[str]:
    """Fingerprints of short lines that recur in ``min_docs`` or more unrelated documents.

    Boilerplate (a site's sign-up blurb, an author's bio, a charity's footer) recurs across
    the documents of a corpus, whatever its wording. Documents that print the same story
    (syndicated or republished) count once, so a story printed by five papers does not turn
    its own short lines into boilerplate. A document prints an earlier one's story when at
    least ``story_share`` of the words of its long lines (more than ``story_words`` words)
    are in long lines that first occur in that earlier document. A share, not any one shared
    line: the pages of one site share long template lines (a cookie banner, a footer, an
    author's bio), and those must not make the whole site one story. Pass the result to
    ``clean_document(..., boilerplate=...)``.

    Raises:
        ValueError: if ``min_docs`` < 2, ``max_words`` < 1 or ``story_share`` is not in (0, 1].
    """
    if not isinstance(min_docs, int) or min_docs < 2:
        raise ValueError(f"min_docs must be an integer >= 2, got {min_docs!r}; try 3")
    if not isinstance(max_words, int) or max_words < 1:
        raise ValueError(f"max_words must be a positive integer, got {max_words!r}; try 40")
    if not 0 < story_share <= 1:
        raise ValueError(f"story_share must be in (0, 1], got {story_share!r}; try 0.5")
    short: dict[str, set[str]] = defaultdict(set)
    first_with: dict[str, str] = {}
    long_words: Counter[str] = Counter()
    # words of a document's long lines, by the earlier document each first occurred in
    shared: Counter[tuple[str, str]] = Counter()
    for doc_id in sorted(texts):
        seen = set()
        for line in normalize_text(texts[doc_id]).split("\n"):
            n_words = len(line.split())
            key = line_fingerprint(line)
            if not key:
                continue
            if n_words > story_words and key not in seen:
                seen.add(key)
                long_words[doc_id] += n_words
                other = first_with.setdefault(key, doc_id)
                if other != doc_id:
                    shared[doc_id, other] += n_words
            if n_words <= max_words:
                short[key].add(doc_id)
    story = {doc_id: doc_id for doc_id in texts}
    for (doc_id, other), words in sorted(shared.items()):
        if words >= story_share * long_words[doc_id]:
            story[_root(story, doc_id)] = _root(story, other)
    return frozenset(
        key for key, docs in short.items() if len({_root(story, d) for d in docs}) >= min_docs
    )


def _root(parent: dict[str, str], item: str) -> str:
    while parent[item] != item:
        parent[item] = parent[parent[item]]  # path halving keeps the trees flat
        item = parent[item]
    return item
