"""A learned pass for the artefacts the rules miss: a logistic model over line features.

The rules know wordings and forms; what they miss (a sponsor blurb, a full-sentence caption,
another article's teaser) differs from site to site. :class:`LineModel` scores every line the
rules keep from its shape, its words and what the rules did to its neighbours, and removes it
(rule ``learned_line``) when the probability of an artefact reaches the threshold. The model
has two stages: a first model scores each line alone, and the second reads those scores of
the neighbouring lines too, because furniture comes in runs (a block of classified adverts, a
standings table, a teaser list) whose single lines look ambiguous. It is trained on the
hand-labelled lines (:mod:`culturelens.clean_learn`), so a user extends it by labelling lines
of their own corpus. Scoring is a sum over sorted feature names: pure Python, deterministic
and linear in the number of lines.
"""

from __future__ import annotations

import itertools
import json
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from culturelens import _patterns as P
from culturelens.clean_state import Line, State, introduced_lists
from culturelens.tokens import load_stopwords

__all__ = [
    "LEARNED_RULE",
    "LineModel",
    "apply_line_model",
    "context_features",
    "line_features",
    "line_probabilities",
]

LEARNED_RULE = "learned_line"
# Word features only for lines up to this long: a menu, caption or blurb is short, and the
# words of long prose say little about furniture.
_WORD_MAX = 40
_WORD_CHARS = 400
# The last word is read from this tail of the line, so a long line costs no more.
_LAST_CHARS = 40
_NW_BINS = (1, 2, 3, 4, 6, 9, 14, 22, 40)
# Words this short say little about topic ("the", "and", "news"), so cohesion ignores them.
_TOPIC_MIN_CHARS = 4


@dataclass(frozen=True)
class LineModel:
    """Logistic weights per binary feature; a line is removed when p >= ``threshold``.

    ``first`` is the first-stage model whose scores of the neighbouring lines this one reads
    (:func:`context_features`); None for a single-stage model.
    """

    weights: Mapping[str, float]
    intercept: float
    threshold: float
    first: LineModel | None = None

    def probability(self, features: tuple[str, ...]) -> float:
        z = self.intercept + sum(self.weights.get(f, 0.0) for f in sorted(features))
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def _body(self) -> dict:
        body = {"threshold": self.threshold, "intercept": self.intercept}
        first = None if self.first is None else self.first._body()
        return {**body, "weights": dict(sorted(self.weights.items())), "first": first}

    def to_json(self) -> str:
        return json.dumps(self._body(), indent=0)

    @classmethod
    def _from_body(cls, data: dict) -> LineModel:
        first = None if data.get("first") is None else cls._from_body(data["first"])
        weights = dict(data["weights"])
        return cls(weights, float(data["intercept"]), float(data["threshold"]), first)

    @classmethod
    def from_json(cls, text: str) -> LineModel:
        return cls._from_body(json.loads(text))


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


def _short_runs(state: State) -> dict[int, str]:
    """Length (capped at 5) and place of the run of adjacent kept short lines each is in."""
    out: dict[int, str] = {}
    run: list[int] = []
    for i in [*range(len(state.lines)), -1]:
        if i >= 0 and not state.is_removed(i) and not state.is_prose(i):
            run.append(i)
            continue
        for k, j in enumerate(run):
            place = "first" if k == 0 else "last" if k == len(run) - 1 else "mid"
            out[j] = f"run={min(len(run), 5)}&{place}"
        run = []
    return out


def _cohesion(state: State, tokens: Mapping[int, list[str]]) -> dict[int, str]:
    """How much of each kept line's vocabulary the article's other prose lines use.

    The article's own sub-headings, list items and short lines share words with its
    paragraphs; a menu, an advert or another story's headline mostly does not. The share of
    a line's topic words found in the kept prose (the line itself left out) is binned in
    fifths, together with how many topic words it has (0-3+). ``tokens`` holds each kept
    line's word tokens.
    """
    kept, stop = state.kept(), load_stopwords()
    words = {
        i: {t for t in tokens[i] if len(t) >= _TOPIC_MIN_CHARS and t not in stop} for i in kept
    }
    prose = Counter(w for i in kept if state.is_prose(i) for w in words[i])
    out = {}
    for i in kept:
        own = 1 if state.is_prose(i) else 0
        shared = sum(prose[w] > own for w in words[i])
        share = "none" if not words[i] else str(min(4, 5 * shared // len(words[i])))
        out[i] = f"coh={share}&tw={min(3, len(words[i]))}"
    return out


def _edge_words(ln: Line, first: list[str], zone: str) -> list[str]:
    """The opening words (alone, as a pair, with the zone) and the last word, at any length.

    Furniture opens and closes with set words ("Read more ...", "Sponsored by ...", "...
    Getty Images", "... ago") where prose varies; the same opening means more in the head
    or tail than in the body. ``first`` holds the line's first word tokens.
    """
    if not first:
        return []
    last = P.RE_FEATURE_TOKEN.findall(ln.low[-_LAST_CHARS:])
    out = [f"fw={first[0]}", f"{zone}&fw={first[0]}", *[f"lw={w}" for w in last[-1:]]]
    return [*out, f"fw2={first[0]} {first[1]}"] if len(first) > 1 else out


def line_features(state: State) -> dict[int, tuple[str, ...]]:
    """Binary features of every kept line, by index: shape, zone, neighbours' fate, words.

    Besides the line's own shape and words: where it sits relative to the prose, how many
    lines the rules removed as artefacts within three lines of it, and the run of short lines
    it belongs to (menus, teaser lists and tables come in runs), how much of its vocabulary
    the article's prose shares (:func:`_cohesion`) and its edge words (:func:`_edge_words`).
    The prose bounds, runs and vocabulary are found once per document, so the cost is linear
    in its lines.
    """
    n = len(state.lines)
    first, last = state.prose_bounds()
    runs = _short_runs(state)
    tokens = {i: P.RE_FEATURE_TOKEN.findall(state.lines[i].low[:_WORD_CHARS]) for i in state.kept()}
    cohesion = _cohesion(state, tokens)
    artefact = [state.is_removed(j) and not state.is_metadata(j) for j in range(n)]
    out = {}
    for i in state.kept():
        ln = state.lines[i]
        zone = "head" if i < first else "tail" if i > last else "body"
        before, after = _status(state, i - 1), _status(state, i + 1)
        nw, end = f"nw={_bin(ln.n_words)}", f"end={_end(ln.text)}"
        features = [*_shape(ln), f"zone={zone}", f"rel={10 * i // n}", f"prev={before}"]
        features += [f"next={after}", f"pn={before}{after}", f"{zone}&{nw}", f"{zone}&{end}"]
        features += [f"{nw}&next={after}", f"{nw}&prev={before}"]
        features.append(f"near_art={min(4, sum(artefact[max(0, i - 3) : i + 4]))}")
        features += [cohesion[i], cohesion[i].split("&")[0], *_edge_words(ln, tokens[i], zone)]
        if zone != "body":
            features.append(f"{zone}_gap={min(6, first - i if i < first else i - last)}")
        if i in runs:
            features.append(runs[i])
        if ln.n_words <= _WORD_MAX:
            features += [f"w={t}" for t in tokens[i]]
            features += [f"b={a} {b}" for a, b in itertools.pairwise(tokens[i])]
        out[i] = tuple(sorted(set(features)))
    return out


def context_features(scored: Sequence[tuple[int, float]]) -> list[tuple[str, ...]]:
    """Second-stage features of each kept line from the first-stage scores around it.

    ``scored`` holds (raw line number, first-stage probability) of the kept lines in document
    order. A neighbour up to two kept lines away is "a"djacent when at most one blank or
    removed line lies between, else "f"ar; the neighbours' probabilities are binned in
    fifths, the line's own in tenths.
    """
    out = []
    for k, (line_no, p) in enumerate(scored):
        features = [f"c_self={int(p * 10)}"]
        for step, tag in ((-2, "pp"), (-1, "p"), (1, "n"), (2, "nn")):
            if not 0 <= k + step < len(scored):
                features.append(f"c_{tag}=edge")
                continue
            other, q = scored[k + step]
            near = "a" if abs(other - line_no) <= abs(step) + 1 else "f"
            features.append(f"c_{tag}={int(q * 5)}{near}")
        window = [q for _, q in [*scored[max(0, k - 3) : k], *scored[k + 1 : k + 4]]]
        features.append(f"c_max={int(max(window, default=0.0) * 5)}")
        features.append(f"c_mean={int(sum(window) / len(window) * 5)}" if window else "c_mean=e")
        out.append(tuple(features))
    return out


def line_probabilities(state: State, model: LineModel) -> dict[int, float]:
    """Artefact probability of every kept line, by index (both stages when ``model.first``)."""
    features = line_features(state)
    if model.first is None:
        return {i: model.probability(f) for i, f in features.items()}
    order = sorted(features)
    scored = [(state.lines[i].line_no, model.first.probability(features[i])) for i in order]
    context = context_features(scored)
    return {i: model.probability(features[i] + c) for i, c in zip(order, context, strict=True)}


def apply_line_model(
    state: State, model: LineModel, *, scored: Mapping[int, float] | None = None
) -> None:
    """Remove (as ``learned_line``) every kept line the model scores at or above threshold.

    Lines of a list introduced by a line ending in ":", the rows of a table (cells set apart
    by " | " or tabs), code and a timed transcript's speech are never removed: as for the
    rules, they are the article's own data (fixtures, pay bands, key dates, a league table,
    captions), while the same lines elsewhere are often a widget or a menu.
    ``scored``: :func:`line_probabilities` of ``state`` and ``model`` when already found
    (a threshold only cuts them, so validation scores once and cuts at every threshold).
    """
    listed = introduced_lists(state) | state.tables
    scored = line_probabilities(state, model) if scored is None else scored
    for i, p in scored.items():  # decide on the rules' state, then remove: order does not matter
        if p >= model.threshold and i not in listed and not state.kept_always(i):
            state.removed.setdefault(state.lines[i].line_no, LEARNED_RULE)
