"""Topic models (NMF and LDA) with k chosen by coherence and stability.

Every candidate number of topics k is fitted once on all units (the reference model)
and ``restarts`` more times, each on a random subsample of the units with a different
seed. Stability is the agreement of the reference topics' top terms with each restart's
after matching topics one-to-one with the Hungarian algorithm, averaged over restarts
(Greene, O'Callaghan & Cunningham 2014, "How Many Topics? Stability Analysis for Topic
Models"). Coherence is the mean NPMI of each reference topic's top-term pairs, counted
as co-occurrence within units of the same corpus. The rule that turns both into a
choice of k is :func:`selection_score`; ``docs/topics.md`` explains it for readers.
"""

from __future__ import annotations

import logging
import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.optimize import linear_sum_assignment
from sklearn.decomposition import NMF, LatentDirichletAllocation
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer
from threadpoolctl import threadpool_limits

from culturelens.tokens import tokenize

logger = logging.getLogger(__name__)

METHODS = ("nmf", "lda")
SELECTION_COLUMNS = [
    "method", "k", "coherence", "stability", "stability_se", "score", "chosen",
    "n_units", "n_terms",
]  # fmt: skip
TERM_COLUMNS = ["method", "topic", "rank", "term", "weight"]
DOC_COLUMNS = ["method", "doc_id", "topic", "weight"]
UNIT_COLUMNS = ["method", "unit_id", "doc_id", "topic", "weight"]
STABILITY_COLUMNS = ["method", "topic", "stability"]
DECIMALS = 6
# Share of units each stability restart is fitted on (Greene et al. use 80 %).
SUBSAMPLE = 0.8
# Batch EM is exact but costs one pass per iteration; online EM converges in fewer passes on
# large corpora (BBC: NMI 0.76 in 10 passes vs 0.71 in 30 batch passes).
LDA_ONLINE_FROM_UNITS = 1000
LDA_MAX_ITER = {"batch": 20, "online": 10}
NMF_MAX_ITER = 1000


@dataclass(frozen=True)
class TopicResult:
    """All tables of a topic-model run (see :func:`fit_topics` for the columns)."""

    selection: pd.DataFrame
    terms: pd.DataFrame
    document_topics: pd.DataFrame
    unit_topics: pd.DataFrame
    topic_stability: pd.DataFrame


@dataclass(frozen=True)
class _Corpus:
    counts: sparse.csr_matrix  # units x terms, raw counts
    terms: np.ndarray
    unit_ids: list[str]
    doc_ids: list[str]
    lengths: np.ndarray  # tokens per unit, used to weight units within a document


@dataclass(frozen=True)
class _Fit:
    method: str
    k: int
    components: np.ndarray  # topics x terms, rows sum to 1, topics ordered by prevalence
    unit_weights: np.ndarray  # units x topics, rows sum to 1 (or 0 for empty NMF rows)
    agreement: np.ndarray  # restarts x topics, matched top-term agreement
    coherence: float

    @property
    def stability(self) -> float:
        return float(self.agreement.mean())

    @property
    def stability_se(self) -> float:
        """Standard error of the stability over restarts (0 with a single restart)."""
        per_restart = self.agreement.mean(axis=1)
        if len(per_restart) < 2:
            return 0.0
        return float(per_restart.std(ddof=1) / math.sqrt(len(per_restart)))


def fit_topics(
    units: pd.DataFrame,
    *,
    methods: Sequence[str] = METHODS,
    k: int | None = None,
    k_min: int = 2,
    k_max: int = 8,
    restarts: int = 5,
    top_n: int = 10,
    seed: int = 0,
    min_df: int | None = None,
    max_df: float = 0.5,
    bigrams: bool = False,
) -> TopicResult:
    """Fit topic models over text units and choose the number of topics.

    Args:
        units: Columns unit_id (unique), doc_id, text.
        methods: Any of "nmf" (TF-IDF, nndsvd init) and "lda" (counts, batch EM).
        k: Fixed number of topics; None chooses k in [k_min, k_max] by the rule in
            :func:`selection_score`. Both ways every candidate reports coherence and stability.
        k_min, k_max: Candidate range, reduced when there are too few units or terms.
        restarts: Subsample refits per candidate used to measure stability (>= 1).
        top_n: Top terms per topic, used for coherence, stability and the terms table.
        seed: Seeds the reference fits and the restarts' subsamples and fits.
        min_df: Minimum units per term; None -> 1 below 100 units, else 2 per 1000 units (>= 2).
        max_df: Maximum share of units a term may occur in (drops corpus-wide words).
        bigrams: Add adjacent-word bigrams to the vocabulary.

    Returns:
        TopicResult with selection (method, k, coherence, stability, score, chosen,
        n_units, n_terms), terms (method, topic, rank, term, weight: share of the topic's
        term mass), unit_topics (method, unit_id, doc_id, topic, weight: share of the
        unit), document_topics (method, doc_id, topic, weight: token-weighted mean of its
        units), topic_stability (method, topic, stability). Topics are numbered from 1 in
        order of prevalence; empty tables (with a logged reason) when nothing can be fitted.
    """
    methods = _check_args(units, methods, k, k_min, k_max, restarts, top_n, max_df)
    corpus = _build_corpus(units, min_df=min_df, max_df=max_df, bigrams=bigrams)
    candidates = _candidates(corpus, k=k, k_min=k_min, k_max=k_max)
    if not candidates:
        return _empty_result()
    with threadpool_limits(limits=1):  # BLAS thread count changes NMF results in the last bits
        fits = {
            m: [
                _fit_candidate(corpus, m, c, restarts=restarts, top_n=top_n, seed=seed)
                for c in candidates
            ]
            for m in methods
        }
    selection = _selection_table(fits, corpus)
    chosen = {row.method: row.k for row in selection.itertuples() if row.chosen}
    best = [f for m in methods for f in fits[m] if f.k == chosen[m]]
    return TopicResult(
        selection=selection,
        terms=_terms_table(best, corpus, top_n=top_n),
        document_topics=_document_table(best, corpus),
        unit_topics=_unit_table(best, corpus),
        topic_stability=_stability_table(best),
    )


def selection_score(coherence: np.ndarray, stability: np.ndarray) -> np.ndarray:
    """Score candidates of one method: mean of stability and NPMI coherence rescaled to [0, 1].

    NPMI lies in [-1, 1], so (NPMI + 1) / 2 puts it on the same [0, 1] scale as stability.
    """
    return 0.5 * np.asarray(stability) + 0.25 * (np.asarray(coherence) + 1.0)


def choose_k(ks: Sequence[int], scores: Sequence[float], score_se: Sequence[float]) -> int:
    """One-standard-error rule: the smallest k scoring within one SE of the best candidate.

    Stability is measured on a few random subsamples, so candidates closer than its
    standard error are not distinguishable; fewer topics are then easier to read.
    """
    best = int(np.argmax(scores))  # first maximum, i.e. the smallest k on exact ties
    floor = scores[best] - score_se[best]
    return min(k for k, s in zip(ks, scores, strict=True) if s >= floor)


def _check_args(units, methods, k, k_min, k_max, restarts, top_n, max_df) -> tuple[str, ...]:
    if not isinstance(units, pd.DataFrame):
        raise TypeError(f"units must be a DataFrame, got {type(units).__name__}")
    missing = sorted({"unit_id", "doc_id", "text"} - set(units.columns))
    if missing:
        raise ValueError(f"units is missing columns {missing}; pass unit_id, doc_id, text")
    if units["unit_id"].duplicated().any():
        raise ValueError("units.unit_id has duplicates; make unit ids unique")
    if isinstance(methods, str) or not methods or set(methods) - set(METHODS):
        raise ValueError(f"methods must be a non-empty sequence of {METHODS}, got {methods!r}")
    for name, value, low in (("k_min", k_min, 1), ("k_max", k_max, 1), ("restarts", restarts, 1),
                             ("top_n", top_n, 2), ("k", 2 if k is None else k, 1)):  # fmt: skip
        if isinstance(value, bool) or not isinstance(value, int) or value < low:
            raise ValueError(f"{name} must be an int >= {low}, got {value!r}")
    if k_min > k_max:
        raise ValueError(f"k_min={k_min} is greater than k_max={k_max}; pass k_min <= k_max")
    if not 0.0 < max_df <= 1.0:
        raise ValueError(f"max_df must be in (0, 1], got {max_df!r}; e.g. max_df=0.95")
    return tuple(dict.fromkeys(methods))


def _build_corpus(
    units: pd.DataFrame, *, min_df: int | None, max_df: float, bigrams: bool
) -> _Corpus:
    """Tokenise units, drop empty ones, and count terms."""
    units = units.sort_values("unit_id", kind="stable")
    tokens = [tokenize(t, bigrams=bigrams) if isinstance(t, str) else [] for t in units["text"]]
    keep = [i for i, t in enumerate(tokens) if t]
    n = len(keep)
    if min_df is None:
        min_df = 1 if n < 100 else max(2, round(2 * n / 1000))
    empty = _Corpus(sparse.csr_matrix((0, 0)), np.array([], dtype=object), [], [], np.array([]))
    if n < 2:  # _candidates logs why nothing is fitted
        return empty
    vec = CountVectorizer(analyzer=lambda toks: toks, min_df=min(min_df, n), max_df=max_df)
    try:
        counts = vec.fit_transform([tokens[i] for i in keep]).tocsr()
    except ValueError:
        logger.warning("topics: no term passes min_df=%s, max_df=%s", min_df, max_df)
        return empty
    return _Corpus(
        counts=counts,
        terms=vec.get_feature_names_out(),
        unit_ids=[str(u) for u in units["unit_id"].iloc[keep]],
        doc_ids=[str(d) for d in units["doc_id"].iloc[keep]],
        lengths=np.array([len(tokens[i]) for i in keep], dtype=float),
    )


def _candidates(corpus: _Corpus, *, k: int | None, k_min: int, k_max: int) -> list[int]:
    """Feasible candidate ks: a restart's subsample must still have at least k units."""
    n_units, n_terms = corpus.counts.shape
    cap = min(_subsample_size(n_units), n_terms)
    if cap < 2:
        # Restarts must leave units out, or stability would only measure the seed.
        logger.warning(
            "topics: %d non-empty units and %d terms are too few for 2 topics "
            "with subsampled restarts (need at least 3 units)",
            n_units,
            n_terms,
        )
        return []
    low, high = (k, k) if k is not None else (max(2, k_min), k_max)
    if high > cap:
        logger.warning("topics: k up to %d requested but only %d fit %d units", high, cap, n_units)
    return list(range(min(low, cap), min(high, cap) + 1))


def _subsample_size(n_units: int) -> int:
    """Units per stability restart: about 80 %, but always leaving at least one unit out."""
    return min(n_units - 1, math.ceil(SUBSAMPLE * n_units))


def _fit_candidate(
    corpus: _Corpus, method: str, k: int, *, restarts: int, top_n: int, seed: int
) -> _Fit:
    """Reference fit on all units plus stability restarts on subsamples."""
    online = corpus.counts.shape[0] >= LDA_ONLINE_FROM_UNITS
    components, weights = _fit_model(corpus.counts, method, k, seed=seed, online=online)
    order = np.lexsort((np.arange(k), -weights.sum(axis=0)))
    components, weights = components[order], weights[:, order]
    reference = _top_terms(components, top_n)
    agreement = np.zeros((restarts, k))
    n_units = corpus.counts.shape[0]
    for r in range(restarts):
        rng = np.random.default_rng([seed, r + 1])
        rows = np.sort(rng.choice(n_units, size=_subsample_size(n_units), replace=False))
        sample, _ = _fit_model(corpus.counts[rows], method, k, seed=seed + r + 1, online=online)
        agreement[r] = _matched_agreement(reference, _top_terms(sample, top_n))
    coherence = float(np.mean([npmi(corpus.counts, t) for t in reference]))
    return _Fit(method, k, components, weights, agreement, coherence)


def _fit_model(
    counts: sparse.csr_matrix, method: str, k: int, *, seed: int, online: bool
) -> tuple[np.ndarray, np.ndarray]:
    """Return (topic-term distributions, unit-topic shares) for one fit."""
    if method == "nmf":
        tfidf = TfidfTransformer(sublinear_tf=True).fit_transform(counts)
        model = NMF(n_components=k, init="nndsvd", max_iter=NMF_MAX_ITER, random_state=seed)
        with warnings.catch_warnings():
            # Not converging to tol within the cap changes weights in far decimals only.
            warnings.simplefilter("ignore", ConvergenceWarning)
            weights = model.fit_transform(tfidf)
    else:
        learning = "online" if online else "batch"
        model = LatentDirichletAllocation(
            n_components=k,
            learning_method=learning,
            max_iter=LDA_MAX_ITER[learning],
            random_state=seed,
        )
        weights = model.fit_transform(counts)
    return _normalise_rows(model.components_), _normalise_rows(weights)


def _normalise_rows(matrix: np.ndarray) -> np.ndarray:
    totals = matrix.sum(axis=1, keepdims=True)
    return np.divide(matrix, totals, out=np.zeros_like(matrix, dtype=float), where=totals > 0)


def _top_terms(components: np.ndarray, top_n: int) -> list[np.ndarray]:
    """Indices of each topic's top terms, ties broken by term index."""
    n = min(top_n, components.shape[1])
    return [np.lexsort((np.arange(len(row)), -row))[:n] for row in components]


def average_jaccard(a: Sequence[int], b: Sequence[int]) -> float:
    """Mean Jaccard similarity of two ranked lists over depths 1..len (Greene et al. 2014)."""
    depth = min(len(a), len(b))
    if depth == 0:
        return 0.0
    scores = [
        len(set(a[:d]) & set(b[:d])) / len(set(a[:d]) | set(b[:d])) for d in range(1, depth + 1)
    ]
    return float(np.mean(scores))


def _matched_agreement(reference: list[np.ndarray], sample: list[np.ndarray]) -> np.ndarray:
    """Per-reference-topic agreement after the best one-to-one matching of topics."""
    sim = np.array([[average_jaccard(list(r), list(s)) for s in sample] for r in reference])
    rows, cols = linear_sum_assignment(sim, maximize=True)
    out = np.zeros(len(reference))
    out[rows] = sim[rows, cols]
    return out


def npmi(counts: sparse.csr_matrix, term_ids: Sequence[int]) -> float:
    """Mean normalised PMI over pairs of terms, from co-occurrence within units.

    Pairs that never co-occur score -1; a pair occurring in every unit scores 0 by convention.
    """
    present = (counts[:, np.asarray(term_ids)] > 0).astype(float).tocsc()
    n = counts.shape[0]
    joint = (present.T @ present).toarray() / n
    single = np.diag(joint)
    scores = []
    for i in range(len(term_ids)):
        for j in range(i + 1, len(term_ids)):
            p_ij = joint[i, j]
            if p_ij == 0:
                scores.append(-1.0)
            elif p_ij >= 1.0:
                scores.append(0.0)
            else:
                scores.append(math.log(p_ij / (single[i] * single[j])) / -math.log(p_ij))
    return float(np.mean(scores)) if scores else 0.0


def _selection_table(fits: dict[str, list[_Fit]], corpus: _Corpus) -> pd.DataFrame:
    rows = []
    for method, method_fits in fits.items():
        coherence = np.array([f.coherence for f in method_fits])
        stability = np.array([f.stability for f in method_fits])
        se = np.array([f.stability_se for f in method_fits])
        scores = np.round(selection_score(coherence, stability), DECIMALS)
        # Stability carries half the score, so half its standard error is the score's.
        chosen = choose_k(
            [f.k for f in method_fits], list(scores), list(np.round(0.5 * se, DECIMALS))
        )
        for f, c, s, e, sc in zip(method_fits, coherence, stability, se, scores, strict=True):
            rows.append((method, f.k, c, s, e, sc, f.k == chosen, *corpus.counts.shape))
    table = pd.DataFrame(rows, columns=SELECTION_COLUMNS).round(DECIMALS)
    return table.sort_values(["method", "k"], ignore_index=True)


def _terms_table(fits: list[_Fit], corpus: _Corpus, *, top_n: int) -> pd.DataFrame:
    rows = [
        (f.method, t + 1, r + 1, corpus.terms[i], f.components[t, i])
        for f in fits
        for t, ids in enumerate(_top_terms(f.components, top_n))
        for r, i in enumerate(ids)
    ]
    table = pd.DataFrame(rows, columns=TERM_COLUMNS).round(DECIMALS)
    return table.sort_values(["method", "topic", "rank"], ignore_index=True)


def _unit_table(fits: list[_Fit], corpus: _Corpus) -> pd.DataFrame:
    frames = []
    for f in fits:
        frame = pd.DataFrame(f.unit_weights, columns=range(1, f.k + 1))
        frame["unit_id"], frame["doc_id"] = corpus.unit_ids, corpus.doc_ids
        long = frame.melt(id_vars=["unit_id", "doc_id"], var_name="topic", value_name="weight")
        frames.append(long.assign(method=f.method))
    table = pd.concat(frames, ignore_index=True)[UNIT_COLUMNS].round(DECIMALS)
    table["topic"] = table["topic"].astype(int)
    return table.sort_values(["method", "unit_id", "topic"], ignore_index=True)


def _document_table(fits: list[_Fit], corpus: _Corpus) -> pd.DataFrame:
    frames = []
    for f in fits:
        # Empty NMF rows carry no topic information, so they get no say in the average.
        mass = corpus.lengths * (f.unit_weights.sum(axis=1) > 0)
        frame = pd.DataFrame(f.unit_weights * mass[:, None], columns=range(1, f.k + 1))
        frame["doc_id"] = corpus.doc_ids
        sums = frame.groupby("doc_id", sort=True).sum()
        shares = sums.div(sums.sum(axis=1).where(lambda s: s > 0), axis=0).fillna(0.0)
        long = shares.reset_index().melt(id_vars="doc_id", var_name="topic", value_name="weight")
        frames.append(long.assign(method=f.method))
    table = pd.concat(frames, ignore_index=True)[DOC_COLUMNS].round(DECIMALS)
    table["topic"] = table["topic"].astype(int)
    return table.sort_values(["method", "doc_id", "topic"], ignore_index=True)


def _stability_table(fits: list[_Fit]) -> pd.DataFrame:
    rows = [(f.method, t + 1, s) for f in fits for t, s in enumerate(f.agreement.mean(axis=0))]
    return pd.DataFrame(rows, columns=STABILITY_COLUMNS).round(DECIMALS)


def _empty_result() -> TopicResult:
    return TopicResult(
        selection=pd.DataFrame(columns=SELECTION_COLUMNS),
        terms=pd.DataFrame(columns=TERM_COLUMNS),
        document_topics=pd.DataFrame(columns=DOC_COLUMNS),
        unit_topics=pd.DataFrame(columns=UNIT_COLUMNS),
        topic_stability=pd.DataFrame(columns=STABILITY_COLUMNS),
    )
