"""Baselines shown beside the method: VADER compound and a plain keyword count.

Both are deliberately simple so a report can show what the method adds. VADER is run
with the organisation sense of "trust" ("the trust", "NHS Trust") masked, because VADER
reads it as a positive word; the keyword count uses the method's single-word lexicon terms
but no negation, no sense rules and no model.

VADER's label mapping (fixed, stated in docs/method.md): compound <= -0.05 -> "blame",
compound >= 0.05 -> "support", otherwise "neutral"; VADER never yields "mixed".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import pandas as pd
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from culturelens.lexicon import Lexicon, find_matches, tokenise

# "NHS Trust", "Foundation Trust", "trusts in England", "the trust said": organisation senses.
RE_TRUST_NAMED = re.compile(
    r"\b(?:NHS|Foundation|Hospitals?|Ambulance|Care|Health|Healthcare|Partnership|University|"
    r"Mental|Community|Acute|Teaching)\s+[Tt]rusts?\b"
)
RE_TRUST_DETERMINER = re.compile(
    r"\b(?:the|a|each|every|this|that|our|their|its|his|her|local|other|some|many|all)\s+"
    r"trusts?\b(?!\s+(?:of|between|in|that|and\s+confidence))",
    re.IGNORECASE,
)
RE_TRUST_PLURAL_OR_CAPITAL = re.compile(r"(?<=\w )Trusts?\b|\btrusts\b")
MASK = "organisation"
VADER_MAX_CHARS = 5_000  # VADER's cost grows faster than linearly on very long input
VADER_BLAME_AT = -0.05
VADER_SUPPORT_AT = 0.05


def mask_trust(text: str) -> str:
    """Replace the organisation sense of "trust" by a neutral word."""
    text = RE_TRUST_NAMED.sub(MASK, text)
    text = RE_TRUST_DETERMINER.sub(lambda m: m.group(0).rsplit(None, 1)[0] + " " + MASK, text)
    return RE_TRUST_PLURAL_OR_CAPITAL.sub(MASK, text)


@lru_cache(maxsize=1)
def _analyzer() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def vader_label(compound: float) -> str:
    """Map a VADER compound score to the 4-label scheme (never "mixed")."""
    if compound <= VADER_BLAME_AT:
        return "blame"
    return "support" if compound >= VADER_SUPPORT_AT else "neutral"


def _check_texts(texts: Sequence[str]) -> None:
    if isinstance(texts, str):
        raise TypeError("texts must be a sequence of str, not one str; wrap it in a list")


def vader_scores(texts: Sequence[str]) -> pd.DataFrame:
    """VADER compound (organisation "trust" masked) and its label, aligned with ``texts``."""
    _check_texts(texts)
    compounds = [
        round(_analyzer().polarity_scores(mask_trust(str(t)[:VADER_MAX_CHARS]))["compound"], 6)
        for t in texts
    ]
    return pd.DataFrame(
        {"vader_compound": compounds, "vader_label": [vader_label(c) for c in compounds]}
    )


def keyword_scores(texts: Sequence[str], *, lexicon: Lexicon) -> pd.DataFrame:
    """Counts of single-word blame and support lexicon terms, no negation or sense rules.

    Multi-word terms are left out on purpose: several of them ("learn not blame", "fire
    fewer") encode negation, which this baseline must not have.
    """
    _check_texts(texts)
    words = tuple(e for e in lexicon.by_category("blame", "support") if len(e.keys) == 1)
    plain = Lexicon(words, lexicon.version, lexicon.sha256, lexicon.source)
    rows = []
    for text in texts:
        cats = [
            m.entry.category for m in find_matches(tokenise(str(text)), plain, family="evidence")
        ]
        b, s = cats.count("blame"), cats.count("support")
        label = {(True, True): "mixed", (True, False): "blame", (False, True): "support"}.get(
            (b > 0, s > 0), "neutral"
        )
        rows.append((b, s, label))
    return pd.DataFrame(rows, columns=["keyword_blame", "keyword_support", "keyword_label"])
