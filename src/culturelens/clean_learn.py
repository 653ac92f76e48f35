"""Training the learned line pass from hand-labelled lines, and scoring it on unseen sets.

The model sees only the lines the rules keep (what is left for it to find), labelled artefact
or metadata (remove) versus content (keep). :func:`evaluate_learned` deals the labelled sets
into folds and scores each fold with a model trained on the *other* folds, so every number it
reports is for writers, sites and wordings the model never saw.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from threadpoolctl import threadpool_limits

from culturelens.clean import ArtefactRule
from culturelens.clean_eval import (
    RuledDocument,
    finish_states,
    rule_states,
    score_predictions,
    score_states,
)
from culturelens.line_model import (
    LineModel,
    context_features,
    line_features,
    line_probabilities,
)

__all__ = [
    "THRESHOLD_GRID",
    "evaluate_learned",
    "evaluate_methods",
    "evaluate_thresholds",
    "train_from_states",
    "train_line_model",
    "training_rows",
    "validation_tables",
    "validation_tables_from_states",
]

# Inverse L2 strength; leave-one-set-out scores on sets 4-10 barely moved between 0.3 and 3.
_C = 1.0
# Folds of the cross-fitted first-stage scores the second stage learns from.
_FOLDS = 5
# Folds of labelled sets in evaluate_learned. Leave one set out (44 sets) cost four times
# the fits for pooled scores 0.003 higher on sets 7-42; ten keeps every set unseen.
_EVAL_FOLDS = 10
# Thresholds of the trade-off table (cleaning_thresholds.csv); the configured one is added.
THRESHOLD_GRID = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98)
# Each fold's held-out documents, the model trained on the other folds' datasets, and its
# probabilities of each held-out document's kept lines (found once for every threshold).
_Folds = list[tuple[list[RuledDocument], LineModel, list[dict[int, float]]]]


def training_rows(
    lines: pd.DataFrame, *, rules: Sequence[ArtefactRule], boilerplate_min_docs: int | None = None
) -> pd.DataFrame:
    """One row per labelled line the rules keep: dataset, doc_id, line_no, features, artefact.

    ``artefact`` is True for lines labelled artefact or metadata (the model should remove
    them) and False for content. With ``boilerplate_min_docs``, each dataset is cleaned as a
    corpus, with the lines recurring in that many of its documents removed first
    (:func:`culturelens.clean_eval.dataset_boilerplate`), as the pipeline cleans a corpus.

    Raises:
        ValueError: as :func:`culturelens.clean_eval.predict_lines` for malformed lines.
    """
    return _rows(rule_states(lines, rules=rules, boilerplate_min_docs=boilerplate_min_docs))


def _rows(ruled: Sequence[RuledDocument]) -> pd.DataFrame:
    rows = []
    for doc in ruled:
        label = dict(zip(doc.group["line_no"].astype(int), doc.group["label"], strict=True))
        for i, features in line_features(doc.state).items():
            line_no = doc.state.lines[i].line_no
            is_artefact = label.get(line_no, "content") != "content"
            rows.append((*doc.key, line_no, features, is_artefact))
    return pd.DataFrame(rows, columns=["dataset", "doc_id", "line_no", "features", "artefact"])


def _vectorize(features: Sequence[tuple[str, ...]]) -> tuple[sparse.csr_matrix, list[str]]:
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([dict.fromkeys(f, 1) for f in features])
    return sparse.csr_matrix(x), list(vectorizer.feature_names_)


def _logistic(x: sparse.csr_matrix, y: np.ndarray, *, seed: int) -> tuple[np.ndarray, float]:
    """Weights per column of ``x`` and the intercept, rounded as :class:`LineModel` keeps them."""
    x = sparse.csr_matrix(x)  # liblinear takes 32-bit sparse indices only
    x.indices, x.indptr = x.indices.astype(np.int32), x.indptr.astype(np.int32)
    # liblinear fits these sparse binary features about five times faster than lbfgs. Its
    # primal solver converges in about 15 Newton steps on the labelled lines; the dual one,
    # once a third faster, stopped at its 100-iteration cap on every fit from about 30,000
    # lines, so its weights depended on the cap
    fit = LogisticRegression(C=_C, solver="liblinear", dual=False, random_state=seed).fit(x, y)
    return np.round(fit.coef_[0], 6), round(float(fit.intercept_[0]), 6)


def _line_model(
    names: list[str], fitted: tuple[np.ndarray, float], *, threshold: float
) -> LineModel:
    coef, intercept = fitted
    # x may be rows of a larger matrix: features absent from them get no weight
    used = np.flatnonzero(coef)
    weights = dict(zip([names[j] for j in used], coef[used].tolist(), strict=True))
    return LineModel(weights, intercept, threshold)


def _deal(keys: pd.Series, folds: int) -> np.ndarray:
    """Fold number of each row: its key's rank among the sorted keys, modulo ``folds``."""
    groups = sorted(set(keys))
    return keys.map({g: k % min(folds, len(groups)) for k, g in enumerate(groups)}).to_numpy()


def _cross_fitted(rows: pd.DataFrame, x: sparse.csr_matrix, *, seed: int) -> np.ndarray:
    """First-stage probability of every row from a model that did not see its group.

    Groups are the datasets (the documents when there is one dataset), dealt into up to
    :data:`_FOLDS` folds: the second stage must learn from scores as wrong as those on an
    unseen site, not from the first stage's own training lines.
    """
    key = rows["dataset"] if rows["dataset"].nunique() > 1 else rows["doc_id"]
    fold = _deal(key, _FOLDS)
    y = rows["artefact"].to_numpy(dtype=bool)
    p = np.zeros(len(rows))
    for k in sorted(set(fold)):
        train, test = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
        if len(set(y[train])) < 2:  # too few labels to fit: the base rate is the best guess
            p[test] = y[train].mean() if len(train) else 0.5
            continue
        coef, intercept = _logistic(x[train], y[train], seed=seed)
        # the sum LineModel.probability takes, as one product over the held-out rows
        z = np.clip(x[test] @ coef + intercept, -50.0, 50.0)
        p[test] = 1.0 / (1.0 + np.exp(-z))
    return p


def _fit(
    rows: pd.DataFrame, x: sparse.csr_matrix, names: list[str], *, threshold: float, seed: int
) -> LineModel:
    """Both stages, trained on ``rows``; ``x`` holds their first-stage features, row by row."""
    if rows["artefact"].nunique() < 2:
        raise ValueError(
            "the learned pass needs labelled content and artefact lines that the rules keep; "
            f"got {len(rows)} line(s) of one class. Label more lines, or set "
            "cleaning.learned_threshold: null to clean with the rules only"
        )
    y = rows["artefact"].to_numpy(dtype=bool)
    first = _line_model(names, _logistic(x, y, seed=seed), threshold=threshold)
    scored = rows.assign(p=_cross_fitted(rows, x, seed=seed))
    context = []
    for _, doc in scored.groupby(["dataset", "doc_id"], sort=False):  # rows in document order
        context += context_features(list(zip(doc["line_no"], doc["p"], strict=True)))
    xc, context_names = _vectorize(context)
    both = sparse.hstack([x, xc], format="csr")
    second = _logistic(both, y, seed=seed)
    model = _line_model(names + context_names, second, threshold=threshold)
    return dataclasses.replace(model, first=first)


def _check_threshold(threshold: float) -> None:
    if not 0 < threshold <= 1:
        raise ValueError(
            f"threshold must be in (0, 1], got {threshold!r}; 0.95 is the default "
            "(cleaning.learned_threshold), higher keeps more borderline lines"
        )


def train_line_model(
    lines: pd.DataFrame,
    *,
    rules: Sequence[ArtefactRule],
    threshold: float,
    seed: int,
    boilerplate_min_docs: int | None = None,
) -> LineModel:
    """Train the learned pass on hand-labelled lines (columns as ``validation/cleaning``).

    Args:
        lines: labelled lines (dataset, doc_id, line_no, text, label, kind).
        rules: the rules the model runs after; it learns what they leave behind.
        threshold: a kept line is removed when its artefact probability reaches this.
        seed: the run's seed, the solver's ``random_state`` (liblinear shuffles its
            coordinate order with it; the same seed gives the same model).
        boilerplate_min_docs: clean each dataset as a corpus first, as
            :func:`training_rows`; None (the default): no corpus-level evidence.

    Raises:
        ValueError: if ``threshold`` is outside (0, 1], the lines are malformed, or the rules
            leave lines of one class only.
    """
    _check_threshold(threshold)  # before the rules' pass, the slow step
    ruled = rule_states(lines, rules=rules, boilerplate_min_docs=boilerplate_min_docs)
    return train_from_states(ruled, threshold=threshold, seed=seed)


def train_from_states(ruled: Sequence[RuledDocument], *, threshold: float, seed: int) -> LineModel:
    """:func:`train_line_model` on labelled documents the rules have already cleaned
    (:func:`culturelens.clean_eval.rule_states`), so that one rules pass serves the model and
    whatever else reads those states.

    Raises:
        ValueError: if ``threshold`` is outside (0, 1] or the rules leave lines of one class.
    """
    _check_threshold(threshold)
    rows = _rows(ruled)
    x, names = _vectorize(rows["features"].tolist())
    with threadpool_limits(limits=1):  # as the folds of validation_tables: one BLAS thread
        return _fit(rows, x, names, threshold=threshold, seed=seed)


def evaluate_learned(
    lines: pd.DataFrame,
    *,
    rules: Sequence[ArtefactRule],
    threshold: float,
    seed: int,
    boilerplate_min_docs: int | None = None,
) -> pd.DataFrame:
    """Score rules plus learned pass per dataset, the model trained on other datasets only.

    The datasets are dealt, in name order, into up to :data:`_EVAL_FOLDS` folds; each fold is
    scored by a model trained on the rest, so no dataset grades a model that saw it. Each
    dataset is cleaned as a corpus with ``boilerplate_min_docs`` (see :func:`training_rows`).

    Returns:
        The columns of :func:`culturelens.clean_eval.evaluate_cleaning`.

    Raises:
        ValueError: as :func:`train_line_model`, or with fewer than two datasets.
    """
    _check_threshold(threshold)
    ruled = rule_states(lines, rules=rules, boilerplate_min_docs=boilerplate_min_docs)
    return _learned(_fold_models(ruled, seed=seed, threshold=threshold), rules=rules)


def evaluate_methods(
    lines: pd.DataFrame,
    *,
    rules: Sequence[ArtefactRule],
    threshold: float | None,
    seed: int,
    boilerplate_min_docs: int | None = None,
) -> pd.DataFrame:
    """The rules alone and (unless ``threshold`` is None) the rules plus the learned pass.

    The tables of :func:`culturelens.clean_eval.evaluate_cleaning` and :func:`evaluate_learned`
    with a ``method`` column ("rules", "rules+learned"); the rules run once per document for
    both, each dataset cleaned as a corpus with ``boilerplate_min_docs`` (see
    :func:`training_rows`).

    Raises:
        ValueError: as :func:`evaluate_learned`, or for malformed lines.
    """
    if threshold is not None:
        _check_threshold(threshold)
    ruled = rule_states(lines, rules=rules, boilerplate_min_docs=boilerplate_min_docs)
    folds = None if threshold is None else _fold_models(ruled, seed=seed, threshold=threshold)
    return _methods(ruled, folds, rules=rules)


def evaluate_thresholds(
    lines: pd.DataFrame,
    *,
    rules: Sequence[ArtefactRule],
    thresholds: Sequence[float] = THRESHOLD_GRID,
    seed: int,
    boilerplate_min_docs: int | None = None,
) -> pd.DataFrame:
    """What each threshold of the learned pass trades: pooled scores of every labelled line.

    Each line is scored as in :func:`evaluate_learned`, by the model of the fold that did not
    see its dataset; each fold's model is fitted once and applied at every threshold, so the
    rows differ only in the threshold.

    Returns:
        Columns threshold, metric, value, n: the overall metrics of
        :func:`culturelens.clean_eval.evaluate_cleaning` pooled over all datasets, sorted by
        threshold and metric.

    Raises:
        ValueError: as :func:`evaluate_learned`, if ``thresholds`` is empty or a threshold is
            outside (0, 1].
    """
    _check_thresholds(thresholds)
    ruled = rule_states(lines, rules=rules, boilerplate_min_docs=boilerplate_min_docs)
    folds = _fold_models(ruled, seed=seed, threshold=max(thresholds))
    return _trade_offs(folds, rules=rules, thresholds=thresholds)


def validation_tables(
    lines: pd.DataFrame,
    *,
    rules: Sequence[ArtefactRule],
    threshold: float | None,
    thresholds: Sequence[float] = THRESHOLD_GRID,
    seed: int,
    boilerplate_min_docs: int | None = None,
    workers: int = 1,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The tables of :func:`evaluate_methods` and :func:`evaluate_thresholds`, fitted once.

    The rules run once per document and each fold's model is fitted once for both tables
    (fitting the folds is most of the time either takes); ``threshold``, when not None, is
    added to ``thresholds``. ``workers`` folds are fitted at a time, in threads; the tables
    do not depend on it.

    Raises:
        ValueError: as :func:`evaluate_methods` and :func:`evaluate_thresholds`, or if
            ``workers`` is not a positive integer.
    """
    # before the rules' pass, the slow step (validation_tables_from_states checks them again)
    _check_thresholds([*thresholds, *([] if threshold is None else [threshold])])
    _check_workers(workers)
    ruled = rule_states(lines, rules=rules, boilerplate_min_docs=boilerplate_min_docs)
    return validation_tables_from_states(
        ruled, rules=rules, threshold=threshold, thresholds=thresholds, seed=seed, workers=workers
    )


def validation_tables_from_states(
    ruled: Sequence[RuledDocument],
    *,
    rules: Sequence[ArtefactRule],
    threshold: float | None,
    thresholds: Sequence[float] = THRESHOLD_GRID,
    seed: int,
    workers: int = 1,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`validation_tables` on labelled documents the rules have already cleaned
    (:func:`culturelens.clean_eval.rule_states`), as :func:`train_from_states`.

    Raises:
        ValueError: as :func:`validation_tables`.
    """
    every = [*thresholds, *([] if threshold is None else [threshold])]
    _check_thresholds(every)
    _check_workers(workers)
    folds = _fold_models(ruled, seed=seed, threshold=max(every), workers=workers)
    at_threshold = None
    if threshold is not None:
        at_threshold = [(held, _at(m, threshold), p) for held, m, p in folds]
    methods = _methods(ruled, at_threshold, rules=rules)
    return methods, _trade_offs(folds, rules=rules, thresholds=every)


def _check_thresholds(thresholds: Sequence[float]) -> None:
    if not thresholds:
        raise ValueError(
            f"thresholds must hold at least one value in (0, 1], got {list(thresholds)!r}; "
            "the default is THRESHOLD_GRID"
        )
    for threshold in thresholds:
        _check_threshold(threshold)


def _check_workers(workers: int) -> None:
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ValueError(
            f"workers must be a positive integer, got {workers!r}; 1 fits one fold at a time "
            "(the pipeline gives validate_cleaning's threads)"
        )


def _methods(
    ruled: Sequence[RuledDocument], folds: _Folds | None, *, rules: Sequence[ArtefactRule]
) -> pd.DataFrame:
    """The rules' scores, and the fold models' when there are folds, with a method column."""
    tables = [score_states(ruled, rules=rules).assign(method="rules")]
    if folds is not None:
        tables.append(_learned(folds, rules=rules).assign(method="rules+learned"))
    return pd.concat(tables, ignore_index=True)


def _learned(folds: _Folds, *, rules: Sequence[ArtefactRule]) -> pd.DataFrame:
    """Each fold's documents scored by the model that did not see them."""
    tables = [score_states(held, rules=rules, line_model=m, scored=p) for held, m, p in folds]
    return pd.concat(tables, ignore_index=True)


def _at(model: LineModel, threshold: float) -> LineModel:
    return dataclasses.replace(model, threshold=threshold)


def _trade_offs(
    folds: _Folds, *, rules: Sequence[ArtefactRule], thresholds: Sequence[float]
) -> pd.DataFrame:
    """Pooled overall metrics of the fold models at each threshold (a model's threshold is
    only where it cuts: the fitted weights do not depend on it)."""
    tables = []
    for threshold in sorted(set(thresholds)):
        predicted = pd.concat(
            [finish_states(held, _at(m, threshold), scored=p) for held, m, p in folds]
        )
        pooled = score_predictions(predicted.assign(dataset="all"), rules=rules)
        tables.append(pooled[pooled["kind"] == "all"].assign(threshold=threshold))
    out = pd.concat(tables, ignore_index=True)[["threshold", "metric", "value", "n"]]
    return out.sort_values(["threshold", "metric"], kind="stable").reset_index(drop=True)


def _fold_models(
    ruled: Sequence[RuledDocument], *, seed: int, threshold: float, workers: int = 1
) -> _Folds:
    """Each fold's held-out documents with the model trained on the other folds' datasets,
    ``workers`` folds at a time."""
    rows = _rows(ruled)  # the rules' states are reused by every fold: they do not depend on it
    datasets = sorted({doc.key[0] for doc in ruled})
    if len(datasets) < 2:
        raise ValueError(
            f"evaluating the learned pass needs two or more datasets, got {datasets}; each "
            "is scored by a model trained on the others"
        )
    x, names = _vectorize(rows["features"].tolist())  # once: the slow step with many sets

    def fold(k: int) -> tuple[list[RuledDocument], LineModel, list[dict[int, float]]]:
        held = datasets[k::_EVAL_FOLDS]  # dealt in name order, as _deal deals the inner folds
        train = (~rows["dataset"].isin(held)).to_numpy()
        model = _fit(rows[train], x[train], names, threshold=threshold, seed=seed)
        docs = [doc for doc in ruled if doc.key[0] in held]
        return docs, model, [line_probabilities(doc.state, model) for doc in docs]

    # liblinear lets go of the GIL while it fits, so folds fit side by side in threads, each
    # reading only its own documents. BLAS keeps one thread whatever the job's thread count:
    # the count moves liblinear's fits in the fourth decimal (see culturelens.blas)
    with threadpool_limits(limits=1), ThreadPoolExecutor(workers) as pool:
        return list(pool.map(fold, range(min(_EVAL_FOLDS, len(datasets)))))
