"""Blame-oriented versus support-oriented language, one sentence at a time.

The construct is the project's coding guide (docs/method.md): two independent flags per
sentence, ``blame`` and ``support``, and a derived label (blame, support, mixed, neutral).

Rules, in order:

1. Lexicon terms and multi-word expressions are matched on lemmas (greedy, longest first).
2. Each match must pass its *sense rule* (culturelens.senses): who does what to whom in the
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

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import pandas as pd

from culturelens.lexicon import Lexicon, Match, Token, find_matches, tokenise
from culturelens.senses import SENSE_RULES
from culturelens.senses import SenseContext as _Ctx

THRESHOLD = 0.5
# Per flag: (veto a rule flag below, add above with weak rule evidence, add above with none).
# Used only by a model that carries no cross-validated thresholds of its own.
DEFAULT_THRESHOLDS = ((0.2, 0.5, 0.85), (0.2, 0.5, 0.85))
NEGATION_SKIP = frozenset({"only", "just", "merely", "least", "doubt", "matter", "simply", "even"})
# "refuse workers", "refuse collection": the noun, not the verb
REFUSE_NOUNS = frozenset(
    {
        "worker",
        "workers",
        "collection",
        "collections",
        "collector",
        "collectors",
        "lorry",
        "lorries",
        "bin",
        "bins",
        "truck",
        "tip",
    }
)
RELATIVE = frozenset({"who", "which", "that"})
FINITE = frozenset({"was", "were", "is", "are", "had", "have", "has", "will"})
CLAUSE_PUNCT = frozenset(",;:()[]{}?!.\u2013\u2014-\u2026/")
SCORE_COLUMNS = [
    "blame",
    "support",
    "label",
    "evidence",
    "matched_terms",
    "negators",
    "scope",
    "blame_rule",
    "support_rule",
    "p_blame",
    "p_support",
]


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


# --- negation, contrast and degree -----------------------------------------------------


def _negation_clauses(ctx: _Ctx, evidence_starts: set[int]) -> list[int]:
    """Clause ids for negation scope: a comma that opens another term ("no bullying,
    harassment or discrimination") keeps the list in one scope."""
    ids, cur, toks = [], 0, ctx.tokens
    for i, tok in enumerate(toks):
        if ctx.clause[i] != (ctx.clause[i - 1] if i else 0):
            ahead = range(i + 1, min(i + 4, len(toks))) if tok.text == "," else range(0)
            # "trained, developed and valued": a short list item keeps the scope open.
            cont = next((j for j in ahead if j in evidence_starts or not toks[j].is_word), -1)
            cur += 0 if cont in evidence_starts else 1
        ids.append(cur)
    return ids


def _live_negators(ctx: _Ctx, kept: Sequence[Match]) -> list[Match]:
    """Negators that act, skipping "not only" and a "than" with no "rather" before it.

    A negator inside a kept support term ("without fear") still rejects the blame that
    follows it ("without fear of retaliation") but not support ("... and is encouraged");
    one inside a kept blame term is part of that term.
    """
    inside = {i: m.entry.category for m in kept for i in range(m.start, m.end)}
    out = []
    for n in find_matches(ctx.tokens, ctx.lexicon, family="negator"):
        nxt = ctx.tokens[n.end].low if n.end < len(ctx.tokens) else ""
        if (
            (n.entry.term in {"not", "no"} and nxt in NEGATION_SKIP)
            or (n.entry.term == "refuse" and nxt in REFUSE_NOUNS)
            or (
                n.entry.term == "than"
                and not any(t.low in {"rather", "sooner"} for t in ctx.tokens[: n.start])
            )
        ):
            continue
        if n.start in inside:
            if inside[n.start] == "blame":
                continue
            n = Match(n.start, n.end, replace(n.entry, category="negator_blame"))
        out.append(n)
    return out


def _applies(kind: str, polarity: str) -> bool:
    return kind in {"negator", f"negator_{polarity}", f"post_negator_{polarity}"}


def _negation(
    ctx: _Ctx, m: Match, negs: list[Match], posts: list[Match], scope_ids: list[int]
) -> tuple[Match | None, int, int]:
    """The negator acting on ``m`` (nearest before it in scope, else a post-negator)."""
    pol = m.entry.category
    before = [n for n in negs if n.end <= m.start and scope_ids[n.start] == scope_ids[m.start]]
    n = max(before, key=lambda n: n.end) if before else None
    if n is not None and (not _applies(n.entry.category, pol) or _relative_closed(ctx, n, m)):
        n = None
    if n is not None:
        pol = "support" if pol == "blame" else "blame"
    for p in posts:
        if (
            p.start >= m.end
            and ctx.clause[p.start] == ctx.clause[m.start]
            and _applies(p.entry.category, pol)
        ):
            # "failing to learn ... is unacceptable": the second negation cancels the first.
            return (None, 0, 0) if n is not None else (p, m.start, p.end)
    return (n, n.start, m.end) if n is not None else (None, 0, 0)


def _relative_closed(ctx: _Ctx, n: Match, m: Match) -> bool:
    """A negator inside a relative clause ends with it: in "workers who refused to work
    overtime were threatened" the finite verb "were" closes "who refused ..."."""
    before = [t.low for t in ctx.tokens[max(n.start - 2, 0) : n.start]]
    return any(w in RELATIVE for w in before) and any(
        t.low in FINITE for t in ctx.tokens[n.end : m.start]
    )


def _degree(ctx: _Ctx, m: Match, degrees: list[Match]) -> float:
    factor = 1.0
    for d in degrees:
        if m.start - 2 <= d.end <= m.start and ctx.clause[d.start] == ctx.clause[m.start]:
            factor *= d.entry.weight
    return factor


def _hits(ctx: _Ctx) -> list[_Hit]:
    evidence = find_matches(ctx.tokens, ctx.lexicon, family="evidence")
    ctx.evidence.extend(evidence)
    kept = []
    for m in evidence:
        rule = SENSE_RULES.get(m.entry.sense)
        reason = rule(ctx, m) if rule else ""
        if reason:
            ctx.dropped.append(f"{_text(ctx, m.start, m.end)}({m.entry.category}: {reason})")
        else:
            kept.append(m)
    scope_ids = _negation_clauses(ctx, {m.start for m in kept})
    negs = _live_negators(ctx, kept)
    posts = find_matches(ctx.tokens, ctx.lexicon, family="post")
    degrees = find_matches(ctx.tokens, ctx.lexicon, family="degree")
    out, first = [], {}
    for m in kept:
        neg, lo, hi = _negation(ctx, m, negs, posts, scope_ids)
        if neg is not None and first.setdefault(neg.start, m.entry.category) != m.entry.category:
            # "never helped them deal with the abuse": the negator acts on the first side it
            # meets; a later term of the other side is what the negated act was about.
            neg = None
        pol = m.entry.category
        if neg is not None:
            pol = "support" if pol == "blame" else "blame"
        hit = _Hit(m, pol, round(m.entry.weight * _degree(ctx, m, degrees), 6))
        if neg is not None:
            hit.negator, hit.scope = neg.entry.term, _text(ctx, lo, hi)
        out.append(hit)
    return _drop_restated(ctx, out)


def _drop_restated(ctx: _Ctx, hits: list[_Hit]) -> list[_Hit]:
    """Drop a plain term that the same sentence also rejects: in "fire fewer people - you
    come in and fire a few people" the second "fire" restates the practice argued against."""
    rejected = {h.match.entry.term for h in hits if h.negator}
    out = []
    for h in hits:
        if not h.negator and h.match.entry.term in rejected:
            ctx.dropped.append(
                f"{_text(ctx, h.match.start, h.match.end)}"
                f"({h.match.entry.category}: restates the practice rejected)"
            )
        else:
            out.append(h)
    return out


def _text(ctx: _Ctx, lo: int, hi: int) -> str:
    return " ".join(t.text for t in ctx.tokens[lo:hi] if t.is_word)


# --- public API ------------------------------------------------------------------------


def _describe(ctx: _Ctx, hits: list[_Hit], model_notes: Sequence[str]) -> str:
    parts = []
    for pol in ("blame", "support"):
        items = []
        for h in hits:
            if h.polarity != pol:
                continue
            term = _text(ctx, h.match.start, h.match.end)
            cat = h.match.entry.category
            flip = f"NOT[{cat}](\u2192{pol}) scope='{h.scope}' " if h.negator else ""
            items.append(f"{flip}{term}(+{h.weight:g})")
        if items:
            parts.append(f"{pol}: " + ", ".join(items))
    if ctx.dropped:
        parts.append("sense-filtered: " + ", ".join(ctx.dropped))
    parts.extend(model_notes)
    return " | ".join(parts) if parts else "no evidence"


def _label(blame: float, support: float, *, threshold: float) -> str:
    b, s = blame >= threshold, support >= threshold
    return {(True, True): "mixed", (True, False): "blame", (False, True): "support"}.get(
        (b, s), "neutral"
    )


@dataclass(frozen=True)
class RuleResult:
    """Rule evidence for one sentence before any model is combined (model features)."""

    blame: float
    support: float
    n_flipped: int
    n_dropped: int
    hits: tuple[str, ...]
    ctx_text: tuple[str, str, str, str]  # evidence, matched_terms, negators, scope


def rule_evidence(text: str, *, lexicon: Lexicon) -> RuleResult:
    """Apply the lexicon rules to one sentence (no model)."""
    if not isinstance(text, str):
        raise TypeError(f"text must be str, got {type(text).__name__}; convert it with str()")
    tokens = tokenise(text)
    ctx = _Ctx(tokens, _clauses(tokens, lexicon), lexicon)
    hits = _hits(ctx)
    blame = round(sum(h.weight for h in hits if h.polarity == "blame"), 6)
    support = round(sum(h.weight for h in hits if h.polarity == "support"), 6)
    terms = "; ".join(
        f"{_text(ctx, h.match.start, h.match.end)}:{h.match.entry.category}" for h in hits
    )
    negators = "; ".join(h.negator for h in hits if h.negator)
    scope = "; ".join(h.scope for h in hits if h.negator)
    return RuleResult(
        blame,
        support,
        sum(bool(h.negator) for h in hits),
        len(ctx.dropped),
        tuple(f"{h.match.entry.term}:{h.polarity}" for h in hits),
        (_describe(ctx, hits, ()), terms, negators, scope),
    )


def _combine(
    rule: float, p: float, limits: Sequence[float], *, threshold: float, name: str
) -> tuple[float, str]:
    """Final score for one flag from the rule score, the model probability ``p`` and the
    model's (veto, add with weak evidence, add with none) thresholds."""
    veto, add_weak, add_none = limits
    if rule >= threshold:
        if p < veto:
            return 0.0, f"model veto {name} (p={p:.2f} < {veto:g})"
        return rule, ""
    limit = add_weak if rule > 0 else add_none
    if p >= limit:
        return round(max(p, threshold), 6), f"model adds {name} (p={p:.2f} >= {limit:g})"
    return 0.0, ""


def _final(
    r: RuleResult,
    probs: tuple[float, float] | None,
    explain: str,
    *,
    threshold: float,
    limits: Sequence[Sequence[float]] = DEFAULT_THRESHOLDS,
) -> SentenceScore:
    evidence, terms, negators, scope = r.ctx_text
    if probs is None:
        blame = r.blame if r.blame >= threshold else 0.0
        support = r.support if r.support >= threshold else 0.0
        model_probs: tuple[float, ...] = ()
    else:
        (blame, nb), (support, ns) = (
            _combine(r.blame, probs[0], limits[0], threshold=threshold, name="blame"),
            _combine(r.support, probs[1], limits[1], threshold=threshold, name="support"),
        )
        notes = [n for n in (nb, ns) if n]
        if notes:
            evidence = " | ".join([*(e for e in [evidence] if e != "no evidence"), *notes, explain])
        model_probs = (round(probs[0], 6), round(probs[1], 6))
    label = _label(blame, support, threshold=threshold)
    return SentenceScore(
        blame, support, label, evidence, terms, negators, scope, r.blame, r.support, *model_probs
    )


def score_sentences(
    texts: Sequence[str],
    *,
    lexicon: Lexicon,
    model: Any | None = None,
    threshold: float = THRESHOLD,
) -> pd.DataFrame:
    """Score many sentences; one row per text, in order (columns ``SCORE_COLUMNS``).

    ``blame``/``support`` are the final evidence strengths (0 when the flag is off);
    ``blame_rule``/``support_rule`` the rule sums before the model; ``p_*`` the model's
    probabilities (NaN without a model).
    """
    if isinstance(texts, str):
        raise TypeError("texts must be a sequence of str, not one str; wrap it in a list")
    rules = [rule_evidence(t, lexicon=lexicon) for t in texts]
    if model is None:
        rows = [_final(r, None, "", threshold=threshold) for r in rules]
    else:
        probs, explains = model.predict_with_reasons(list(texts), rules)
        limits = getattr(model, "thresholds", DEFAULT_THRESHOLDS)
        rows = [
            _final(r, (float(p[0]), float(p[1])), e, threshold=threshold, limits=limits)
            for r, p, e in zip(rules, probs, explains, strict=True)
        ]
    return pd.DataFrame([r.__dict__ for r in rows], columns=SCORE_COLUMNS)


def score_sentence(
    text: str, *, lexicon: Lexicon, model: Any | None = None, threshold: float = THRESHOLD
) -> SentenceScore:
    """Score one sentence: blame and support strengths, label and evidence."""
    row = score_sentences([text], lexicon=lexicon, model=model, threshold=threshold).iloc[0]
    return SentenceScore(**{k: row[k] for k in SCORE_COLUMNS})
