"""Blame-oriented versus support-oriented language, one sentence at a time.

The construct is the project's coding guide (docs/method.md): two independent flags per
sentence, ``blame`` and ``support``, and a derived label (blame, support, mixed, neutral).

Rules, in order:

1. Lexicon terms and multi-word expressions are matched on lemmas (greedy, longest first).
2. Each match must pass its *sense rule*, which looks at who does what to whom in the
   clause: "support the bill" (endorsement), "fans", "supporting actress", "tech support",
   "profits helped by demand", "fired 19 aces", "they punished our mistakes", "a £5m fine"
   on a company, "blamed a weaker dollar" are dropped, with the reason kept as evidence.
3. Negation and contrast are clause-bounded: a negator ("not", "without", "fewer",
   "rather than", "stop", "lack of", "too slow to", ...) reaches the end of its clause
   (commas, "but", "while", ... close it; a comma followed by another term keeps a list
   open). Negated blame counts as support; negated support counts as blame. Some negators
   act on one side only ("lack of support" is blame, "tackle bullying" is support).
4. Intensifiers and downtoners scale the next term's weight; a flag is set when the
   summed weight reaches ``threshold``.
5. An optional supervised model (culturelens.model) can veto a rule flag it finds very
   unlikely or add one the rules missed; both are written into the evidence string.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from culturelens.lexicon import Lexicon, Match, Token, find_matches, tokenise

THRESHOLD = 0.5
VETO_BELOW = 0.2
ADD_ABOVE = 0.85
NEGATION_SKIP = frozenset({"only", "just", "merely", "least", "doubt", "matter", "simply", "even"})
BE_FORMS = frozenset({"be", "get", "was", "were", "is", "are", "been", "being"})
DETERMINERS = frozenset({"a", "an", "the", "its", "their", "this", "that", "his", "her", "our"})
CLAUSE_PUNCT = frozenset(",;:()[]{}?!.\u2013\u2014-\u2026/")
SCORE_COLUMNS = ["blame", "support", "label", "evidence", "matched_terms", "negators", "scope",
                 "blame_rule", "support_rule", "p_blame", "p_support"]


@dataclass(frozen=True)
class SentenceScore:
    """Scores, label and human-readable evidence for one sentence."""

    blame: float
    support: float
    label: str
    evidence: str
    matched_terms: str = ""
    negators: str = ""
    scope: str = ""
    blame_rule: float = 0.0
    support_rule: float = 0.0
    p_blame: float = float("nan")
    p_support: float = float("nan")


@dataclass
class _Hit:
    match: Match
    polarity: str  # after negation
    weight: float
    note: str = ""
    negator: str = ""
    scope: str = ""


@dataclass
class _Ctx:
    tokens: list[Token]
    clause: list[int]
    lexicon: Lexicon
    dropped: list[str] = field(default_factory=list)

    def has(self, cls: str, tok: Token) -> bool:
        return tok.lemma in self.lexicon.context[cls] or tok.low in self.lexicon.context[cls]

    def words(self, lo: int, hi: int, clause: int) -> list[Token]:
        """Word tokens in ``[lo, hi)`` that sit in ``clause``."""
        lo, hi = max(lo, 0), min(hi, len(self.tokens))
        return [t for i, t in enumerate(self.tokens[lo:hi], lo)
                if t.is_word and self.clause[i] == clause]

    def is_person(self, tok: Token, idx_in_sentence: int = 1) -> bool:
        if self.has("person", tok) or self.has("org", tok):
            return True
        proper = tok.text[:1].isupper() and idx_in_sentence > 0 and tok.text != "I"
        return proper and not self.has("cap_not_person", tok) and tok.low != "it"


# --- clauses ---------------------------------------------------------------------------

def _clauses(tokens: Sequence[Token], lexicon: Lexicon) -> list[int]:
    """Clause id of every token; punctuation and boundary words open a new clause."""
    starts = {m.start for m in find_matches(tokens, lexicon, family="boundary")}
    ids, cur = [], 0
    for i, tok in enumerate(tokens):
        if (not tok.is_word and tok.text in CLAUSE_PUNCT) or i in starts:
            cur += 1
        ids.append(cur)
    return ids


# --- sense rules -----------------------------------------------------------------------

def _first_class(ctx: _Ctx, toks: Sequence[Token], classes: Sequence[str]) -> str:
    """The first class in ``classes`` hit by the first token that hits any ("" if none)."""
    for tok in toks:
        for cls in classes:
            if (cls == "person" and ctx.is_person(tok)) or (cls != "person" and ctx.has(cls, tok)):
                return cls
    return ""


def _after(ctx: _Ctx, m: Match, n: int) -> list[Token]:
    return ctx.words(m.end, m.end + n + 2, ctx.clause[m.start])[:n]


def _before(ctx: _Ctx, m: Match, n: int) -> list[Token]:
    return ctx.words(m.start - n - 2, m.start, ctx.clause[m.start])[-n:]


def _passive(ctx: _Ctx, m: Match) -> bool:
    prev = _before(ctx, m, 2)
    return bool(prev) and (prev[-1].lemma in BE_FORMS or prev[-1].low in BE_FORMS)


def _sense_not_thing_target(ctx: _Ctx, m: Match) -> str:
    after = _after(ctx, m, 6)
    lemmas = [t.lemma for t in after]
    if _passive(ctx, m) or (after and after[0].low == "to"):
        target = _before(ctx, m, 6)
    elif "on" in lemmas:
        target = after[lemmas.index("on") + 1:]
    else:
        target = after[: lemmas.index("for")] if "for" in lemmas else after
    hit = _first_class(ctx, target, ("person", "action", "thing"))
    return "fault placed on a thing" if hit == "thing" else ""


def _sense_person_object(ctx: _Ctx, m: Match) -> str:
    after = _after(ctx, m, 4)
    if after and after[0].low == "to":
        return "not a person object"
    if _first_class(ctx, after, ("person",)) or (_passive(ctx, m) and any(
            ctx.is_person(t, i) for i, t in enumerate(_before(ctx, m, 6)))):
        return ""
    return "no person as object"


def _sense_support(ctx: _Ctx, m: Match) -> str:
    after, before = _after(ctx, m, 5), _before(ctx, m, 4)
    if after and ctx.has("act", after[0]):
        return "entertainment/technical (support act, supporting role, support level)"
    if before and (before[-1].lemma in {"tech", "technical", "customer", "price", "it"}
                   or before[-1].text == "IT"):
        return "technical or price support"
    if any(ctx.has("fan", t) for t in before) or any(ctx.has("poll", t) for t in after):
        return "fans or voters"
    if any(t.lemma in {"win", "gain", "secure", "garner", "rally", "lose", "cross", "popular",
                       "public"} for t in before):
        return "political support"
    hit = _first_class(ctx, after, ("person", "policy", "tech"))
    return {"policy": "political endorsement", "tech": "technical sense"}.get(hit, "")


def _sense_help(ctx: _Ctx, m: Match) -> str:
    after = [t for t in _after(ctx, m, 4) if t.low not in {"to", "by"}]
    if after and after[0].low in {"but", "it"}:
        return "idiom (could not help but)"
    if any(ctx.has("instrumental", t) for t in after[:3]):
        return "instrumental help (helped push, helped win)"
    hit = _first_class(ctx, after, ("person", "thing", "protect_thing"))
    return "helped a thing (profits helped by demand)" if hit in {"thing", "protect_thing"} else ""


def _object_rule(cls: str, reason: str) -> Callable[[_Ctx, Match], str]:
    def rule(ctx: _Ctx, m: Match) -> str:
        after = [t for t in _after(ctx, m, 4) if t.low != "by"]
        hit = _first_class(ctx, after, ("person", cls))
        return reason if hit == cls or (after and after[0].low == "by" and cls != "person") else ""

    return rule


def _sense_encourage(ctx: _Ctx, m: Match) -> str:
    nxt = _after(ctx, m, 1)
    if nxt and nxt[0].low == "by":
        return "feeling encouraged (by the figures)"
    return _object_rule("encourage_thing", "encouraging figures or economic activity")(ctx, m)


def _sense_train(ctx: _Ctx, m: Match) -> str:
    tok, before, after = ctx.tokens[m.start], _before(ctx, m, 2), _after(ctx, m, 3)
    if tok.low in {"train", "trains"} and (
        (before and before[-1].low in DETERMINERS | {"by", "on", "express", "freight", "speed"})
        or (after and ctx.has("rail", after[0]))
    ):
        return "railway train"
    if any(ctx.has("sport", t) for t in before + after) or (after and after[0].low == "as"):
        return "sport or plain training activity"
    if tok.low == "trained" and (after and ctx.is_person(after[0]) and after[0].lemma != "they"):
        return "adjective (trained nurses)"
    return ""


def _sense_value(ctx: _Ctx, m: Match) -> str:
    tok, before, after = ctx.tokens[m.start], _before(ctx, m, 1), _after(ctx, m, 2)
    if after and after[0].low in {"at", "of", "for"}:
        return "monetary value"
    if tok.low == "valued" and not (before and before[-1].lemma in DETERMINERS):
        return ""
    if before and before[-1].lemma in DETERMINERS:
        return "value as a noun"
    return "" if any(ctx.is_person(t) for t in after) else "no person valued"


def _sense_coach(ctx: _Ctx, m: Match) -> str:
    tok, before, after = ctx.tokens[m.start], _before(ctx, m, 1), _after(ctx, m, 2)
    if before and before[-1].low in DETERMINERS | {"head", "assistant", "bus", "by"}:
        return "coach as a noun (sports coach, bus)"
    if after and (after[0].lemma in {"staff", "team", "job", "role", "position", "career", "badge"}
                  or ctx.has("sport", after[0])):
        return "sports coaching job"
    return "" if tok.low == "coaching" or any(ctx.is_person(t) for t in after) else "no person"


def _sense_fire(ctx: _Ctx, m: Match) -> str:
    before, after = _before(ctx, m, 1), _after(ctx, m, 4)
    if before and before[-1].low in DETERMINERS | {"open", "on", "under", "gun", "cease"}:
        return "fire as a noun"
    if after and after[0].low in {"up", "back", "at", "on", "into", "off", "in", "home", "wide"}:
        return "shooting or figurative fire"
    if any(ctx.has("weapon", t) or t.text.isdigit() for t in ctx.words(0, 10**9, ctx.clause[m.start])):
        return "shooting or sport (fired 19 aces)"
    return "" if _first_class(ctx, after, ("person",)) or _passive(ctx, m) else "no person fired"


def _sense_punish(ctx: _Ctx, m: Match) -> str:
    after = _after(ctx, m, 4)
    lemmas = [t.lemma for t in after]
    obj = after[: lemmas.index("for")] if "for" in lemmas else after
    return "sport (punished our mistakes)" if any(ctx.has("mistake", t) for t in obj) else ""


def _sense_fine(ctx: _Ctx, m: Match) -> str:
    tok, before, after = ctx.tokens[m.start], _before(ctx, m, 1), _after(ctx, m, 1)
    noun = (before and (before[-1].low in {"a", "heavy", "hefty", "record"} or
                        before[-1].text[:1].isdigit() or before[-1].low in {"m", "bn", "k"})) or (
        after and after[0].low in {"of", "for"})
    if tok.low not in {"fined", "fines"} and not noun:
        return "adjective (fine weather)"
    clause = ctx.words(0, 10**9, ctx.clause[m.start])
    if any(ctx.has("company", t) for t in clause) and not any(ctx.has("person", t) for t in clause):
        return "fine on a company (financial)"
    return ""


def _sense_suspend(ctx: _Ctx, m: Match) -> str:
    hit = _first_class(ctx, _after(ctx, m, 3) + _before(ctx, m, 3), ("person", "suspend_thing"))
    return "suspended activity, not a person" if hit == "suspend_thing" else ""


def _sense_ban(ctx: _Ctx, m: Match) -> str:
    before, after = _before(ctx, m, 2), _after(ctx, m, 1)
    if after and after[0].low in {"from", "for"} and _passive(ctx, m):
        return ""
    if any(t.text.isdigit() or t.lemma in {"year", "match", "game", "life", "doping", "drug",
                                           "month", "race"} for t in before):
        return ""
    return "ban on a thing or activity"


def _sense_dismiss(ctx: _Ctx, m: Match) -> str:
    after = _after(ctx, m, 3)
    if any(ctx.has("dismiss_thing", t) or t.text.isdigit() or t.low == "as" for t in after):
        return "dismissed an idea, or cricket"
    return ""


def _sense_abuse(ctx: _Ctx, m: Match) -> str:
    before = _before(ctx, m, 1)
    if before and before[-1].lemma in {"drug", "alcohol", "substance", "solvent", "steroid"}:
        return "substance abuse"
    return ""


SENSE_RULES: dict[str, Callable[[_Ctx, Match], str]] = {
    "not_thing_target": _sense_not_thing_target,
    "person_object": _sense_person_object,
    "support_sense": _sense_support,
    "help_sense": _sense_help,
    "protect_sense": _object_rule("protect_thing", "protecting a thing (profits, data)"),
    "encourage_sense": _sense_encourage,
    "train_sense": _sense_train,
    "value_sense": _sense_value,
    "coach_sense": _sense_coach,
    "fire_sense": _sense_fire,
    "punish_sense": _sense_punish,
    "fine_sense": _sense_fine,
    "suspend_sense": _sense_suspend,
    "ban_sense": _sense_ban,
    "dismiss_sense": _sense_dismiss,
    "abuse_sense": _sense_abuse,
}
