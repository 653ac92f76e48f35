"""Scoring the cleaner against hand-labelled lines (``validation/cleaning/*.csv``).

:func:`predict_lines` rebuilds each labelled document, cleans it and says for every line
whether it was kept and which rule removed it; :func:`evaluate_cleaning` turns that into
recall and precision per dataset and per kind of line. :func:`rule_states` keeps what the
rules made of each document, so cross-validation finishes it with each fold's learned pass
(:func:`score_states`) instead of running the rules again.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

from culturelens.clean import (
    ArtefactRule,
    CleanDocument,
    RemovedLine,
    apply_rules,
    document_from_state,
)
from culturelens.clean_state import State
from culturelens.dedup import recurring_lines
from culturelens.io import read_csv
from culturelens.line_model import LineModel

LABELS = ("content", "artefact", "metadata")
_EVAL_COLUMNS = ("dataset", "doc_id", "line_no", "text", "label", "kind")


def read_labelled_lines(folder: str | Path) -> pd.DataFrame:
    """Every ``*.csv`` of hand-labelled lines in ``folder``, in file-name order, as one table.

    Raises:
        FileNotFoundError: if ``folder`` holds no CSV file.
    """
    paths = sorted(Path(folder).glob("*.csv"))
    if not paths:
        raise FileNotFoundError(
            f"no labelled-line CSV in {str(folder)!r}; set validation.cleaning_gold to a folder "
            "of files with columns dataset, doc_id, line_no, text, label, kind"
        )
    return pd.concat([read_csv(p) for p in paths], ignore_index=True)


def document_from_lines(group: pd.DataFrame) -> str:
    """Rebuild one document from its labelled lines (missing line numbers are blank)."""
    slots = [""] * int(group["line_no"].max())
    for line_no, text in zip(group["line_no"], group["text"], strict=True):
        slots[int(line_no) - 1] = str(text)
    return "\n".join(slots) + "\n"


def dataset_boilerplate(frame: pd.DataFrame, *, min_docs: int | None) -> dict[str, frozenset[str]]:
    """Per dataset, the fingerprints of lines that recur in ``min_docs`` or more of its documents.

    A dataset is scored as one corpus, so the ``boilerplate`` rule gets the evidence the
    pipeline finds in a corpus (:func:`culturelens.dedup.recurring_lines`); ``min_docs`` None
    (the pipeline's ``cleaning.boilerplate_min_docs: null``) gives every dataset an empty set.
    """
    if min_docs is None:
        return dict.fromkeys(sorted(set(frame["dataset"])), frozenset())
    out = {}
    for dataset, group in frame.groupby("dataset", sort=True):
        texts = {str(d): document_from_lines(g) for d, g in group.groupby("doc_id", sort=True)}
        out[dataset] = recurring_lines(texts, min_docs=min_docs)
    return out


def check_lines(lines: pd.DataFrame) -> None:
    """Raise ValueError if a column is missing, a label is unknown or line_no is not >= 1."""
    missing = [c for c in _EVAL_COLUMNS if c not in lines.columns]
    if missing:
        raise ValueError(
            f"lines is missing column(s) {missing}; expected at least {', '.join(_EVAL_COLUMNS)}"
        )
    bad = sorted(set(lines["label"]) - set(LABELS))
    if bad:
        raise ValueError(f"lines has unknown label(s) {bad}; use one of {', '.join(LABELS)}")
    if len(lines) and (lines["line_no"].astype(int) < 1).any():
        raise ValueError("lines has line_no < 1; line numbers are 1-based raw line numbers")


@dataclasses.dataclass(frozen=True)
class RuledDocument:
    """A labelled document (its key and lines) and what the rules made of it."""

    key: tuple[str, str]  # dataset, doc_id
    group: pd.DataFrame
    state: State
    fragments: list[RemovedLine]


def rule_states(
    lines: pd.DataFrame, *, rules: Sequence[ArtefactRule], boilerplate_min_docs: int | None
) -> list[RuledDocument]:
    """Each labelled document with what the rules made of it, sorted by dataset and doc_id.

    The rules' states do not depend on a learned pass, so cross-validation finishes one state
    with each fold's model (:func:`score_states`). ``boilerplate_min_docs`` as in
    :func:`predict_lines`.

    Raises:
        ValueError: as :func:`check_lines`.
    """
    check_lines(lines)
    frame = lines.sort_values(["dataset", "doc_id", "line_no"], kind="stable")
    found = dataset_boilerplate(frame, min_docs=boilerplate_min_docs)
    out = []
    for key, group in frame.groupby(["dataset", "doc_id"], sort=True):
        text = document_from_lines(group)
        state, fragments = apply_rules(text, rules=rules, boilerplate=found[key[0]])
        out.append(RuledDocument(key, group, state, fragments))
    return out


def finish_states(
    ruled: Sequence[RuledDocument],
    line_model: LineModel | None,
    *,
    scored: Sequence[Mapping[int, float]] | None = None,
) -> pd.DataFrame:
    """The labelled rows of ``ruled`` with ``kept`` and ``rule``, after ``line_model`` if any
    (the input of :func:`score_predictions`). ``scored``: each document's
    :func:`culturelens.line_model.line_probabilities` under ``line_model``, when found."""
    frame = pd.concat([doc.group for doc in ruled])  # sorted, as rule_states grouped it
    each = [None] * len(ruled) if scored is None else scored
    docs = [
        document_from_state(d.state, d.fragments, line_model=line_model, scored=s)
        for d, s in zip(ruled, each, strict=True)
    ]
    return with_predictions(frame, docs)


def predict_lines(
    lines: pd.DataFrame,
    *,
    rules: Sequence[ArtefactRule],
    line_model: LineModel | None = None,
    boilerplate_min_docs: int | None = None,
) -> pd.DataFrame:
    """Clean each labelled document and return the input rows plus ``kept`` and ``rule``.

    Documents are rebuilt from their labelled lines (missing line numbers are blank lines).
    ``kept`` is True when the line survives as a paragraph (also when a partial rule removed
    part of it); ``rule`` names the rule that removed the line ("" when kept). ``line_model``
    adds the learned pass after the rules (see :func:`culturelens.clean.clean_document`);
    ``boilerplate_min_docs`` the corpus-level evidence of each dataset
    (:func:`dataset_boilerplate`; None, the default: none).

    Raises:
        ValueError: if a required column is missing, a label is unknown or line_no is not >= 1.
    """
    ruled = rule_states(lines, rules=rules, boilerplate_min_docs=boilerplate_min_docs)
    return finish_states(ruled, line_model)


def score_states(
    ruled: Sequence[RuledDocument],
    *,
    rules: Sequence[ArtefactRule],
    line_model: LineModel | None = None,
    scored: Sequence[Mapping[int, float]] | None = None,
) -> pd.DataFrame:
    """:func:`evaluate_cleaning`'s table from the rules' states, after ``line_model`` if any
    (``scored`` as in :func:`finish_states`)."""
    predicted = finish_states(ruled, line_model, scored=scored)
    return score_predictions(predicted, rules=rules)


def with_predictions(frame: pd.DataFrame, docs: Sequence[CleanDocument]) -> pd.DataFrame:
    """``frame`` (sorted by dataset, doc_id, line_no) plus ``kept`` and ``rule`` of each line.

    ``docs`` holds the clean document of each (dataset, doc_id) group, in that order.
    """
    kept_col, rule_col = [], []
    groups = frame.groupby(["dataset", "doc_id"], sort=True)
    for (_, group), doc in zip(groups, docs, strict=True):
        kept = {p.line_no + k for p in doc.paragraphs for k in range(p.n_lines)}
        removed = {r.line_no: r.rule for r in doc.removed}
        for line_no in group["line_no"].astype(int):
            kept_col.append(line_no in kept)
            rule_col.append("" if line_no in kept else removed.get(line_no, ""))
    return frame.assign(kept=kept_col, rule=rule_col).reset_index(drop=True)


def _rate(mask: pd.Series, hits: pd.Series) -> tuple[float, int]:
    n = int(mask.sum())
    return (round(float(hits[mask].mean()), 6) if n else float("nan")), n


def _dataset_metrics(
    df: pd.DataFrame, metadata_rules: set[str]
) -> list[tuple[str, str, float, int]]:
    content, artefact, meta = (df["label"] == lab for lab in ("content", "artefact", "metadata"))
    removed = ~df["kept"]
    as_meta = df["rule"].isin(metadata_rules)
    rows = [
        ("artefact_recall", "all", *_rate(artefact, removed)),
        ("metadata_recall", "all", *_rate(meta, as_meta)),
        ("content_retention", "all", *_rate(content, df["kept"])),
        ("content_precision", "all", *_rate(df["kept"], content)),
        ("removal_precision", "all", *_rate(removed, ~content)),
    ]
    for kind in sorted(set(df["kind"])):
        is_kind = df["kind"] == kind
        if (is_kind & artefact).any():
            rows.append(("artefact_recall", kind, *_rate(is_kind & artefact, removed)))
        if (is_kind & meta).any():
            rows.append(("metadata_recall", kind, *_rate(is_kind & meta, as_meta)))
        if (is_kind & content).any():
            rows.append(("content_retention", kind, *_rate(is_kind & content, df["kept"])))
    return rows


def evaluate_cleaning(
    lines: pd.DataFrame,
    *,
    rules: Sequence[ArtefactRule],
    line_model: LineModel | None = None,
    boilerplate_min_docs: int | None = None,
) -> pd.DataFrame:
    """Score the cleaner (the rules, plus ``line_model`` when given) per labelled dataset.

    Each dataset is cleaned as one corpus; ``boilerplate_min_docs`` is as in
    :func:`predict_lines`.

    Metrics (``value`` in [0, 1], ``n`` its denominator, ``kind`` "all" or a label kind):

    - ``artefact_recall``: share of lines labelled artefact that are removed (by any rule).
    - ``metadata_recall``: share of metadata lines (title, date, byline) removed by a
      metadata rule (category "metadata").
    - ``content_retention``: share of content lines kept as paragraphs.
    - ``content_precision``: share of kept lines that are labelled content (artefacts and
      metadata left in the prose count against it).
    - ``removal_precision``: share of removed lines that are artefact or metadata.

    Returns:
        Columns dataset, metric, kind, value, n; sorted by dataset, metric, kind.
    """
    predicted = predict_lines(
        lines, rules=rules, line_model=line_model, boilerplate_min_docs=boilerplate_min_docs
    )
    return score_predictions(predicted, rules=rules)


def score_predictions(predicted: pd.DataFrame, *, rules: Sequence[ArtefactRule]) -> pd.DataFrame:
    """:func:`evaluate_cleaning`'s table from :func:`predict_lines`' output (``rules`` name
    the metadata rules)."""
    metadata_rules = {r.name for r in rules if r.category == "metadata"}
    rows = [
        (dataset, *row)
        for dataset, group in predicted.groupby("dataset", sort=True)
        for row in _dataset_metrics(group, metadata_rules)
    ]
    out = pd.DataFrame(rows, columns=["dataset", "metric", "kind", "value", "n"])
    return out.sort_values(["dataset", "metric", "kind"], kind="stable").reset_index(drop=True)
