"""A learned pass for the artefacts the rules miss: a logistic model over line features.

The rules know wordings and forms; what they miss (a sponsor blurb, a full-sentence caption,
another article's teaser) differs from site to site. :class:`LineModel` scores every line the
rules keep from its shape, its words and what the rules did to its neighbours, and removes it
(rule ``learned_line``) when the probability of an artefact reaches the threshold. It is
trained on the hand-labelled lines (:mod:`culturelens.clean_learn`), so a user extends it by
labelling lines of their own corpus. Scoring is a sum over sorted feature names: pure Python,
deterministic and linear in the number of lines.
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass

from culturelens import _patterns as P
from culturelens.clean_state import Line, State

__all__ = ["LEARNED_RULE", "LineModel", "apply_line_model", "introduced_lists", "line_features"]

LEARNED_RULE = "learned_line"
# Word features only for lines up to this long: a menu, caption or blurb is short, and the
# words of long prose say little about furniture.
_WORD_MAX = 40
_WORD_CHARS = 400
_NW_BINS = (1, 2, 3, 4, 6, 9, 14, 22, 40)


@dataclass(frozen=True)
class LineModel:
    """Logistic weights per binary feature; a line is removed when p >= ``threshold``."""

    weights: Mapping[str, float]
    intercept: float
    threshold: float

    def probability(self, features: tuple[str, ...]) -> float:
        z = self.intercept + sum(self.weights.get(f, 0.0) for f in sorted(features))
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def to_json(self) -> str:
        body = {"threshold": self.threshold, "intercept": self.intercept}
        return json.dumps({**body, "weights": dict(sorted(self.weights.items()))}, indent=0)

    @classmethod
    def from_json(cls, text: str) -> LineModel:
        data = json.loads(text)
        return cls(dict(data["weights"]), float(data["intercept"]), float(data["threshold"]))


def _bin(n: int) -> str:
    return next((str(b) for b in _NW_BINS if n <= b), "41+")


def _end(text: str) -> str:
    c = text[-1]
    return c if c in ".!?:;,\"')]|" else "d" if c.isdigit() else "a" if c.isalpha() else "o"


def _start(text: str) -> str:
    c = text[0]
    return "U" if c.isupper() else "l" if c.islower() else "d" if c.isdigit() else "o"


def _shape(ln: Line) -> list[str]:
    text, words = ln.text, ln.text.split()
    caps = sum(w[:1].isupper() for w in words) / max(1, len(words))
    out = [f"nw={_bin(ln.n_words)}", f"end={_end(text)}", f"start={_start(text)}"]
    out.append(f"caps={round(caps * 4)}")
    flags = {
        "bullet": ln.bullet,
        "url": bool(P.RE_FEATURE_URL.search(ln.low)),
        "at": "@" in text,
        "hash": "#" in text,
        "sep": any(s in text for s in P.FEATURE_SEPARATORS),
        "allcaps": text.isupper(),
        "year": bool(P.RE_FEATURE_YEAR.search(text)),
        "time": bool(P.RE_FEATURE_TIME.search(text)),
        "month": ln.n_words <= 8 and bool(P.RE_FEATURE_MONTH.search(text)),
        "digits": sum(c.isdigit() for c in text) > len(text) / 4,
        "sent": ln.sentence_end,
    }
    return out + [name for name, on in flags.items() if on]


def _status(state: State, j: int) -> str:
    """What the rules made of line ``j``: edge, prose, short (kept), meta or art (removed)."""
    if not 0 <= j < len(state.lines):
        return "edge"
    if state.is_removed(j):
        return "meta" if state.is_metadata(j) else "art"
    return "prose" if state.is_prose(j) else "short"


def line_features(state: State) -> dict[int, tuple[str, ...]]:
    """Binary features of every kept line, by index: shape, zone, neighbours' fate, words.

    The prose bounds are found once per document, so the cost is linear in its lines.
    """
    n = len(state.lines)
    first, last = state.prose_bounds()
    out = {}
    for i in state.kept():
        ln = state.lines[i]
        zone = "head" if i < first else "tail" if i > last else "body"
        before, after = _status(state, i - 1), _status(state, i + 1)
        nw, end = f"nw={_bin(ln.n_words)}", f"end={_end(ln.text)}"
        features = [*_shape(ln), f"zone={zone}", f"rel={10 * i // n}", f"prev={before}"]
        features += [f"next={after}", f"pn={before}{after}", f"{zone}&{nw}", f"{zone}&{end}"]
        features += [f"{nw}&next={after}", f"{nw}&prev={before}"]
        if ln.n_words <= _WORD_MAX:
            tokens = P.RE_FEATURE_TOKEN.findall(ln.low[:_WORD_CHARS])
            features += [f"w={t}" for t in tokens]
            features += [f"b={a} {b}" for a, b in itertools.pairwise(tokens)]
        out[i] = tuple(sorted(set(features)))
    return out


def apply_line_model(state: State, model: LineModel) -> None:
    """Remove (as ``learned_line``) every kept line the model scores at or above threshold.

    Lines of a list introduced by a line ending in ":" are never removed: as for the rules,
    an introduced list is the article's own (fixtures, pay bands, key dates), while the same
    lines elsewhere are often a widget.
    """
    listed = introduced_lists(state)
    scored = [(i, model.probability(f)) for i, f in line_features(state).items() if i not in listed]
    for i, p in scored:  # decide on the rules' state, then remove: order does not matter
        if p >= model.threshold:
            state.removed.setdefault(state.lines[i].line_no, LEARNED_RULE)


def introduced_lists(state: State, *, max_items: int = 40) -> set[int]:
    """Indices of the kept lines directly under a kept line ending in ":", up to a blank line."""
    listed: set[int] = set()
    for i in state.kept():
        if not state.lines[i].text.endswith(":"):
            continue
        j = i + 1
        while j < len(state.lines) and j - i <= max_items and not state.is_removed(j):
            if state.lines[j].line_no != state.lines[j - 1].line_no + 1:
                break  # a blank line ends the list
            listed.add(j)
            j += 1
    return listed
