"""Rebuild the labelled line tables of validation/cleaning/ from their hand-written sources.

Run from anywhere: ``python validation/cleaning/build_labels.py``. Writes
``seeds_lines.csv`` (labels below, checked line by line against ``seeds/``) and
``synthetic_lines.csv`` (from ``synthetic_dev.txt`` and the ``synthetic_heldout*.txt`` sets).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
COLUMNS = ["dataset", "doc_id", "line_no", "text", "label", "kind"]
CODES = {
    "P": ("content", "prose"),
    "Q": ("content", "quote"),
    "S": ("content", "standfirst"),
    "H": ("content", "subheading"),
    "L": ("content", "list_item"),
    "X": ("content", "short_prose"),
    "T": ("metadata", "title"),
    "D": ("metadata", "date"),
    "B": ("metadata", "byline"),
}
# Seed lines that are not body prose, by file-name prefix and raw line number (hand-labelled).
SEED_LABELS = {
    "000": {1: ("metadata", "title"), 3: ("metadata", "date"), 31: ("artefact", "engagement")},
    "001": {23: ("artefact", "cms_error")},
    "002": {
        1: ("content", "standfirst"),
        2: ("content", "standfirst"),
        3: ("content", "standfirst"),
        33: ("artefact", "related"),
    },
    "003": {
        7: ("artefact", "related"),
        8: ("artefact", "related"),
        9: ("artefact", "related"),
        19: ("content", "list_item"),
        20: ("content", "list_item"),
        21: ("content", "list_item"),
        22: ("content", "list_item"),
        23: ("content", "list_item"),
        24: ("content", "list_item"),
        25: ("content", "list_item"),
        29: ("artefact", "newsletter"),
        30: ("artefact", "newsletter"),
        32: ("artefact", "job_advert"),
        33: ("artefact", "job_advert"),
    },
    "004": {
        1: ("content", "standfirst"),
        2: ("content", "standfirst"),
        3: ("content", "standfirst"),
    },
}
RE_BREAK = re.compile(r"\r\n|\r|\n")


def seed_rows() -> list[list[object]]:
    rows = []
    for path in sorted((REPO / "seeds").glob("*.txt")):
        labels = SEED_LABELS.get(path.stem[:3], {})
        for no, line in enumerate(RE_BREAK.split(path.read_text(encoding="utf-8")), 1):
            if not line.strip():
                continue
            default = ("content", "quote" if line.lstrip()[:1] in "\"\u201c\u2018'" else "prose")
            label, kind = labels.get(no, default)
            rows.append(["seeds", path.stem, no, line, label, kind])
    return rows


def synthetic_rows(path: Path, dataset: str) -> list[list[object]]:
    rows, doc_id, line_no = [], None, 0
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.startswith("### "):
            doc_id, line_no = raw[4:].strip(), 0
            continue
        if doc_id is None or raw.startswith("#") or not raw.strip():
            continue
        if raw.strip() == "|":  # a blank line inside the article
            line_no += 1
            continue
        code, _, text = raw.partition("| ")
        line_no += 1
        if not text.strip():
            continue
        label, kind = label_of(code)
        rows.append([dataset, doc_id, line_no, text, label, kind])
    return rows


def label_of(code: str) -> tuple[str, str]:
    """(label, kind) of a source line's code: "P" -> ("content", "prose"), "A:share" -> ..."""
    return ("artefact", code[2:]) if code.startswith("A:") else CODES[code.strip()]


def write(path: Path, rows: list[list[object]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(rows)


def synthetic_sources() -> list[Path]:
    """The synthetic sources in the order they were written (dev, heldout, heldout2, ...)."""
    held = HERE.glob("synthetic_heldout*.txt")
    order = sorted(held, key=lambda p: int(p.stem.removeprefix("synthetic_heldout") or 1))
    return [HERE / "synthetic_dev.txt", *order]


if __name__ == "__main__":
    write(HERE / "seeds_lines.csv", seed_rows())
    rows = [row for path in synthetic_sources() for row in synthetic_rows(path, path.stem)]
    write(HERE / "synthetic_lines.csv", rows)
