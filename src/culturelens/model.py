"""A small supervised model that backs up the lexicon rules.

Two logistic regressions (one per flag of the coding guide) over word 1-2-grams plus the
rule evidence (rule scores, negation flips, sense-filtered matches, matched terms with
their polarity). It is trained at run time, deterministically, from the packaged
``data/training_sentences.csv`` (sentences the project wrote and labelled itself; no
third-party text), so no fitted model is shipped. :mod:`culturelens.scoring` uses it only
to veto a rule flag it finds very unlikely or to add one the rules missed, and writes the
model's strongest features into the evidence string, so every prediction stays explainable.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from culturelens.lexicon import Lexicon
from culturelens.scoring import RuleResult, rule_evidence

# Keep "not", "no", "without": stop-word lists would turn "learn not blame" into "learn blame".
RE_TOKEN_PATTERN = r"(?u)\b\w+\b"
RE_HIT = re.compile(r"[^\s;]+")
TRAINING_COLUMNS = ("text", "blame", "support")
FLAGS = ("blame", "support")


@dataclass(frozen=True)
class ScoringModel:
    """Fitted vectorisers and one classifier per flag."""

    words: TfidfVectorizer
    hits: CountVectorizer
    classifiers: tuple[LogisticRegression, LogisticRegression]
    feature_names: tuple[str, ...]
    lexicon_sha256: str
    n_train: int

    def features(self, texts: Sequence[str], rules: Sequence[RuleResult]) -> sparse.csr_matrix:
        """Design matrix: n-grams, rule hits and four numeric rule features."""
        dense = np.array([[min(r.blame, 3.0) / 3, min(r.support, 3.0) / 3,
                           min(r.n_flipped, 3) / 3, min(r.n_dropped, 3) / 3] for r in rules])
        return sparse.hstack([self.words.transform(texts),
                              self.hits.transform([" ".join(r.hits) for r in rules]),
                              sparse.csr_matrix(dense.reshape(len(rules), 4))]).tocsr()

    def predict_with_reasons(self, texts: Sequence[str],
                             rules: Sequence[RuleResult]) -> tuple[np.ndarray, list[str]]:
        """Probabilities (n, 2) for (blame, support) and a short reason per text."""
        if not texts:
            return np.zeros((0, 2)), []
        x = self.features(texts, rules)
        probs = np.column_stack([c.predict_proba(x)[:, 1] for c in self.classifiers])
        return probs, [self._reason(x[i]) for i in range(x.shape[0])]

    def _reason(self, row: sparse.csr_matrix, *, top: int = 3) -> str:
        parts = []
        for flag, clf in zip(FLAGS, self.classifiers, strict=True):
            contrib = row.multiply(clf.coef_[0]).tocsr()
            order = np.argsort(-contrib.data, kind="stable")[:top]
            feats = [f"{self.feature_names[contrib.indices[k]]}({contrib.data[k]:+.2f})"
                     for k in order if contrib.data[k] > 0]
            parts.append(f"{flag}: " + (", ".join(feats) or "none"))
        return "model features " + "; ".join(parts)


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
            raise ValueError(f"training file {source}, data row {int(np.argmax(bad)) + 1}, "
                             f"column {flag!r}: must be 0 or 1")
    return df.assign(blame=df["blame"].astype(int), support=df["support"].astype(int))


def train_model(*, lexicon: Lexicon, seed: int, path: str | Path | None = None,
                C: float = 2.0) -> ScoringModel:
    """Fit the two classifiers on the training sentences (deterministic given ``seed``)."""
    if not isinstance(seed, int | np.integer):
        raise TypeError(f"seed must be an int, got {type(seed).__name__}; pass e.g. seed=0")
    df = load_training(path)
    texts = df["text"].tolist()
    rules = [rule_evidence(t, lexicon=lexicon) for t in texts]
    words = TfidfVectorizer(ngram_range=(1, 2), token_pattern=RE_TOKEN_PATTERN, min_df=2,
                            sublinear_tf=True, lowercase=True).fit(texts)
    hits = CountVectorizer(token_pattern=RE_HIT.pattern, lowercase=False, binary=True).fit(
        [" ".join(r.hits) for r in rules] + ["_"])
    names = (*words.get_feature_names_out(), *(f"rule:{h}" for h in hits.get_feature_names_out()),
             "rule:blame_score", "rule:support_score", "rule:n_negated", "rule:n_sense_filtered")
    draft = ScoringModel(words, hits, (None, None), tuple(names), lexicon.sha256, len(df))  # type: ignore[arg-type]
    x = draft.features(texts, rules)
    clfs = tuple(LogisticRegression(C=C, class_weight="balanced", solver="liblinear",
                                    random_state=seed, max_iter=1000).fit(x, df[flag])
                 for flag in FLAGS)
    return ScoringModel(words, hits, clfs, tuple(names), lexicon.sha256, len(df))  # type: ignore[arg-type]
