"""Views of the sentence table used by several stages: documents, paragraphs, groups."""

from __future__ import annotations

from typing import Literal

import pandas as pd

Unit = Literal["document", "paragraph", "sentence"]
_UNIT_COLUMN = {"document": "doc_id", "paragraph": "paragraph_id", "sentence": "sentence_id"}


def topic_units(sentences: pd.DataFrame, *, unit: Unit) -> pd.DataFrame:
    """Texts of the chosen unit with columns ``unit_id``, ``doc_id``, ``text``, in corpus order.

    Sentences that repeat an earlier one (``repeat_of`` set) are left out, so a quote that
    several articles share is counted once.
    """
    if unit not in _UNIT_COLUMN:
        raise ValueError(
            f"unit={unit!r} is not one of {sorted(_UNIT_COLUMN)}; set topics.unit in the config"
        )
    rows = sentences
    if "repeat_of" in rows.columns:
        rows = rows[rows["repeat_of"].astype(str) == ""]
    key = _UNIT_COLUMN[unit]
    grouped = rows.groupby(key, sort=True)
    units = pd.DataFrame(
        {
            "unit_id": list(grouped.groups),
            "doc_id": grouped["doc_id"].first().to_list(),
            "text": grouped["text"].agg(" ".join).to_list(),
        }
    )
    return units.reset_index(drop=True)


def document_texts(sentences: pd.DataFrame) -> dict[str, str]:
    """Each document's sentences joined in order (titles and removed lines excluded)."""
    ordered = sentences.sort_values(["doc_id", "sentence_id"], kind="stable")
    return {
        doc_id: " ".join(group["text"]) for doc_id, group in ordered.groupby("doc_id", sort=True)
    }


def near_duplicate_groups(documents: pd.DataFrame) -> dict[str, str]:
    """doc_id -> group label for documents in a near-duplicate group of two or more.

    The label is the group's first document, as recorded in ``near_duplicate_of``.
    """
    if "near_duplicate_of" not in documents.columns:
        return {}
    dup = documents[documents["near_duplicate_of"].astype(str) != ""]
    groups = {row.doc_id: f"group:{row.near_duplicate_of}" for row in dup.itertuples()}
    for head in set(dup["near_duplicate_of"].astype(str)):
        groups[head] = f"group:{head}"
    return dict(sorted(groups.items()))
