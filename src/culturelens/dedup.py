"""Near-duplicate documents and repeated sentences (shared quotes).

Aggregate statistics should count a republished article or a quote that several articles
report only once. :func:`near_duplicates` compares documents by word-shingle Jaccard
similarity, using MinHash banding to find candidate pairs so the cost stays near linear in
the corpus size; :func:`repeated_sentences` matches sentences and quoted passages after a
normalisation that ignores case, punctuation, quote style and whitespace.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Mapping

import numpy as np
import pandas as pd

from culturelens.clean import normalize_text

RE_TOKEN = re.compile(r"[^\W_]+")
# A quoted passage: straight double quotes after normalisation; an unclosed quote runs to the end.
RE_QUOTED = re.compile(r'"([^"]{1,5000})(?:"|$)')
RE_CLAUSE_END = re.compile(r"[.!?;]+")
_MERSENNE = (1 << 61) - 1


def _tokens(text: str) -> list[str]:
    return RE_TOKEN.findall(normalize_text(text).casefold())


def _shingles(text: str, size: int) -> set[int]:
    tokens = _tokens(text)
    grams = [" ".join(tokens[i : i + size]) for i in range(max(1, len(tokens) - size + 1))]
    # blake2b, not hash(): Python's string hash is salted per process and would break determinism.
    return {int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "big") >> 4
            for g in grams if g}


def _jaccard(a: set[int], b: set[int]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _candidate_pairs(shingles: dict[str, set[int]], *, bands: int, rows: int, seed: int
                     ) -> set[tuple[str, str]]:
    """Pairs of ids that share at least one MinHash band (ids ordered within the pair)."""
    rng = np.random.default_rng(seed)
    n_hash = bands * rows
    a = rng.integers(1, _MERSENNE, size=n_hash, dtype=np.uint64).astype(object)
    b = rng.integers(0, _MERSENNE, size=n_hash, dtype=np.uint64).astype(object)
    buckets: dict[tuple[int, tuple[int, ...]], list[str]] = defaultdict(list)
    for doc_id in sorted(shingles):
        values = np.array(sorted(shingles[doc_id]), dtype=object)
        if values.size == 0:
            continue
        sig = [int(((ai * values + bi) % _MERSENNE).min()) for ai, bi in zip(a, b, strict=True)]
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


def _normal_key(text: str) -> str:
    return " ".join(_tokens(text))


def _sentence_keys(text: str, *, min_chars: int) -> list[str]:
    """Whole-sentence key plus keys of each quoted passage and its clauses."""
    keys = [_normal_key(text)]
    for quoted in RE_QUOTED.findall(normalize_text(text)):
        keys.append(_normal_key(quoted))
        keys.extend(_normal_key(part) for part in RE_CLAUSE_END.split(quoted))
    return [k for k in dict.fromkeys(keys) if len(k) >= min_chars]


def repeated_sentences(sentences: pd.DataFrame, *, min_chars: int = 40) -> pd.Series:
    """For each sentence, the sentence_id of an earlier sentence it repeats, or "".

    A sentence repeats an earlier one when, after normalisation (case, punctuation, quote
    style and whitespace ignored), the whole sentence, a quoted passage in it, or a clause of
    such a passage (each at least ``min_chars`` characters) equals one seen earlier in the
    input order. The first occurrence gets "".

    Raises:
        ValueError: if a required column is missing or ``min_chars`` < 1.
    """
    missing = [c for c in ("doc_id", "sentence_id", "text") if c not in sentences.columns]
    if missing:
        raise ValueError(f"sentences is missing column(s) {missing}; "
                         "pass a table with doc_id, sentence_id and text")
    if min_chars < 1:
        raise ValueError(f"min_chars must be >= 1, got {min_chars!r}; 40 is a good default")
    first_seen: dict[str, str] = {}
    out: list[str] = []
    for sentence_id, text in zip(sentences["sentence_id"], sentences["text"], strict=True):
        keys = _sentence_keys(str(text), min_chars=min_chars)
        earlier = [first_seen[k] for k in keys if k in first_seen]
        out.append(earlier[0] if earlier else "")
        for key in keys:
            first_seen.setdefault(key, str(sentence_id))
    return pd.Series(out, index=sentences.index, name="repeat_of", dtype=object)
