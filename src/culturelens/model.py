"""A small supervised model that backs up the lexicon rules.

Two logistic regressions (one per flag of the coding guide) over word 1-2-grams plus the
rule evidence (rule scores, negation flips, sense-filtered matches, matched terms with
their polarity). It is trained at run time, deterministically, from the packaged
``data/training_sentences.csv`` (sentences the project wrote and labelled itself; no
third-party text), so no fitted model is shipped. :mod:`culturelens.scoring` uses it only
to veto a rule flag it finds unlikely or to add one the rules missed, and writes the
model's strongest features into the evidence string, so every prediction stays explainable.

How far the model may overrule the rules is learned, not hand-set: three thresholds per
flag (veto a rule flag below ``veto``; add a flag above ``add_weak`` when the rules found
some evidence, above ``add_none`` when they found none) are chosen by 5-fold
cross-validation on the training sentences alone, maximising the flag's F1 on
out-of-fold predictions. Rows marked ``calibration`` = 1 (written after the rules were
last changed and never used to adjust them) are the ones scored, so the choice reflects
how the rules do on text they were not fitted to; ties go to the option closest to the
rules alone.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from culturelens.lexicon import Lexicon
from culturelens.scoring import DEFAULT_THRESHOLDS, RuleResult, rule_evidence

# Keep "not", "no", "without": stop-word lists would turn "learn not blame" into "learn blame".
RE_TOKEN_PATTERN = r"(?u)\b\w+\b"
RE_HIT = re.compile(r"[^\s;]+")
TRAINING_COLUMNS = ("text", "blame", "support")
FLAGS = ("blame", "support")
N_FOLDS = 5
# Threshold grids; 1.01 means "never add". Adding needs p >= 0.5: the model must at least
# think the flag more likely than not.
VETO_GRID = tuple(round(0.05 * i, 2) for i in range(11))
ADD_GRID = (*(round(0.5 + 0.05 * i, 2) for i in range(10)), 1.01)


@dataclass(frozen=True)
class ScoringModel:
    """Fitted vectorisers and one classifier per flag."""

    words: TfidfVectorizer
    hits: CountVectorizer
    classifiers: tuple[LogisticRegression, LogisticRegression]
    feature_names: tuple[str, ...]
    lexicon_sha256: str
    n_train: int
    # per flag (blame, support): (veto below, add above with weak rule evidence, add above
    # with none), chosen by cross-validation on the training data
    thresholds: tuple[tuple[float, float, float], ...] = DEFAULT_THRESHOLDS

    def features(self, texts: Sequence[str], rules: Sequence[RuleResult]) -> sparse.csr_matrix:
        """Design matrix: n-grams, rule hits and four numeric rule features."""
        dense = np.array(
            [
                [
                    min(r.blame, 3.0) / 3,
                    min(r.support, 3.0) / 3,
                    min(r.n_flipped, 3) / 3,
                    min(r.n_dropped, 3) / 3,
                ]
                for r in rules
            ]
        )
        return sparse.hstack(
            [
                self.words.transform(texts),
                self.hits.transform([" ".join(r.hits) for r in rules]),
                sparse.csr_matrix(dense.reshape(len(rules), 4)),
            ]
        ).tocsr()

    def predict_with_reasons(
        self, texts: Sequence[str], rules: Sequence[RuleResult]
    ) -> tuple[np.ndarray, list[str]]:
        """Probabilities (n, 2) for (blame, support) and a short reason per text."""
        if not texts:
            return np.zeros((0, 2)), []
        x = self.features(texts, rules)
        probs = np.column_stack([c.predict_proba(x)[:, 1] for c in self.classifiers])
        return probs, self._reasons(x)

    def _reasons(self, x: sparse.csr_matrix, *, top: int = 3) -> list[str]:
        # One sparse product per flag, then per-row slices of it: slicing rows of x one
        # at a time was most of the scoring time.
        parts: list[list[str]] = [[] for _ in range(x.shape[0])]
        for flag, clf in zip(FLAGS, self.classifiers, strict=True):
            contrib = sparse.csr_matrix(x.multiply(clf.coef_[0]))
            for i, out in enumerate(parts):
                lo, hi = contrib.indptr[i], contrib.indptr[i + 1]
                data, cols = contrib.data[lo:hi], contrib.indices[lo:hi]
                order = np.argsort(-data, kind="stable")[:top]
                feats = [
                    f"{self.feature_names[cols[k]]}({data[k]:+.2f})" for k in order if data[k] > 0
                ]
                out.append(f"{flag}: " + (", ".join(feats) or "none"))
        return ["model features " + "; ".join(p) for p in parts]


def load_training(path: str | Path | None = None) -> pd.DataFrame:
    """The labelled training sentences; ``None`` reads the packaged file."""
    if path is None:
        raw = (resources.files("culturelens") / "data" / "training_sentences.csv").read_bytes()
        source = "culturelens/data/training_sentences.csv"
    else:
        p = Path(path)
        if not p.is_file():
            raise ValueError(f"training path {str(p)!r} is not a file; pass a CSV or None")
        raw, source = p.read_bytes(), p.name
    df = pd.read_csv(io.BytesIO(raw), dtype={"text": str}, keep_default_na=False)
    missing = [c for c in TRAINING_COLUMNS if c not in df.columns]
    if missing:
        raise ValueError(f"training file {source} lacks columns {missing}; add them")
    for flag in FLAGS:
        bad = ~df[flag].astype(str).isin(["0", "1"])
        if bad.any():
            raise ValueError(
                f"training file {source}, data row {int(np.argmax(bad)) + 1}, "
                f"column {flag!r}: must be 0 or 1"
            )
    return df.assign(blame=df["blame"].astype(int), support=df["support"].astype(int))


def train_model(
    *, lexicon: Lexicon, seed: int, path: str | Path | None = None, C: float = 2.0
) -> ScoringModel:
    """Fit the two classifiers on the training sentences and choose the veto/add thresholds
    by cross-validation on the same sentences (deterministic given ``seed``)."""
    if not isinstance(seed, int | np.integer):
        raise TypeError(f"seed must be an int, got {type(seed).__name__}; pass e.g. seed=0")
    df = load_training(path)
    texts = df["text"].tolist()
    rules = [rule_evidence(t, lexicon=lexicon) for t in texts]
    y = df[list(FLAGS)].to_numpy()
    model = _fit(texts, rules, y, lexicon_sha256=lexicon.sha256, seed=seed, C=C)
    oof = _out_of_fold(texts, rules, y, seed=seed, C=C)
    scored = (df["calibration"].astype(str) == "1").to_numpy() if "calibration" in df else None
    if scored is None or not scored.any():
        scored = np.ones(len(df), dtype=bool)
    chosen = tuple(
        _choose_thresholds(
            np.array([(r.blame, r.support)[k] for r in rules])[scored], oof[scored, k], y[scored, k]
        )
        for k in range(len(FLAGS))
    )
    return replace(model, thresholds=chosen)


def _fit(
    texts: Sequence[str],
    rules: Sequence[RuleResult],
    y: np.ndarray,
    *,
    lexicon_sha256: str,
    seed: int,
    C: float,
) -> ScoringModel:
    words = TfidfVectorizer(
        ngram_range=(1, 2),
        token_pattern=RE_TOKEN_PATTERN,
        min_df=2,
        sublinear_tf=True,
        lowercase=True,
    ).fit(texts)
    hits = CountVectorizer(token_pattern=RE_HIT.pattern, lowercase=False, binary=True).fit(
        [" ".join(r.hits) for r in rules] + ["_"]
    )
    names = (
        *words.get_feature_names_out(),
        *(f"rule:{h}" for h in hits.get_feature_names_out()),
        "rule:blame_score",
        "rule:support_score",
        "rule:n_negated",
        "rule:n_sense_filtered",
    )
    draft = ScoringModel(words, hits, (None, None), tuple(names), lexicon_sha256, len(texts))  # type: ignore[arg-type]
    x = draft.features(texts, rules)
    clfs = tuple(
        LogisticRegression(
            C=C, class_weight="balanced", solver="liblinear", random_state=seed, max_iter=1000
        ).fit(x, y[:, k])
        for k in range(len(FLAGS))
    )
    return replace(draft, classifiers=clfs)


def _out_of_fold(
    texts: Sequence[str], rules: Sequence[RuleResult], y: np.ndarray, *, seed: int, C: float
) -> np.ndarray:
    """Out-of-fold probabilities (n, 2), folds stratified on the four labels."""
    strata = y[:, 0] * 2 + y[:, 1]
    counts = np.bincount(strata, minlength=4)
    n_splits = int(min(N_FOLDS, counts[counts > 0].min()))
    if n_splits < 2:  # too few rows of some label to cross-validate: never overrule the rules
        return np.full(y.shape, 0.5)
    oof = np.zeros(y.shape)
    folds = StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    for fit_idx, held in folds.split(np.zeros(len(texts)), strata):
        if len(np.unique(y[fit_idx, 0])) < 2 or len(np.unique(y[fit_idx, 1])) < 2:
            oof[held] = 0.5
            continue
        m = _fit(
            [texts[i] for i in fit_idx],
            [rules[i] for i in fit_idx],
            y[fit_idx],
            lexicon_sha256="",
            seed=seed,
            C=C,
        )
        oof[held] = m.predict_with_reasons([texts[i] for i in held], [rules[i] for i in held])[0]
    return oof


def combine_flag(
    rule: np.ndarray,
    p: np.ndarray,
    thresholds: tuple[float, float, float],
    *,
    threshold: float = 0.5,
) -> np.ndarray:
    """The final 0/1 flag from rule scores and model probabilities (vectorised)."""
    veto, add_weak, add_none = thresholds
    return np.where(
        rule >= threshold, p >= veto, np.where(rule > 0, p >= add_weak, p >= add_none)
    ).astype(int)


def _f1(y: np.ndarray, pred: np.ndarray) -> float:
    tp = int((y & pred).sum())
    denom = int(y.sum() + pred.sum())
    return round(2 * tp / denom, 6) if denom else 0.0


def _choose_thresholds(
    rule: np.ndarray, p: np.ndarray, y: np.ndarray
) -> tuple[float, float, float]:
    """Grid search maximising F1; ties go to the fewest departures from the rules."""
    y = y.astype(int)
    rules_only = (rule >= 0.5).astype(int)
    best: tuple[float, int, tuple[float, float, float]] = (-1.0, 0, (0.0, 1.01, 1.01))
    for veto in VETO_GRID:
        for add_weak in ADD_GRID:
            for add_none in ADD_GRID:
                if add_none < add_weak:  # no evidence must never be easier than weak evidence
                    continue
                t = (veto, add_weak, add_none)
                pred = combine_flag(rule, p, t)
                key = (_f1(y, pred), -int((pred != rules_only).sum()))
                if key > best[:2]:
                    best = (*key, t)
    return best[2]
