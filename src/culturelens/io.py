"""Reading and writing result files deterministically and atomically.

Tables are UTF-8 CSV with ``\\n`` line endings and floats at fixed precision, so reruns
are byte-identical; every write goes to a temporary file that is renamed into place, so
a run killed mid-way never leaves a half-written file that looks complete.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import pandas as pd

FLOAT_DECIMALS = 6
# Identifier and text columns stay strings: a document called "000" must not become 0.
STRING_COLUMNS = (
    "doc_id",
    "sentence_id",
    "paragraph_id",
    "unit_id",
    "target",
    "text",
    "title",
    "speaker",
    "repeat_of",
    "near_duplicate_of",
    "source",
    "reason",
    "rule",
    "term",
    "evidence",
)


@contextmanager
def atomic_open(path: str | Path, mode: str = "w") -> Iterator[IO[Any]]:
    """Open a temporary sibling of ``path`` for writing and rename it over ``path`` on success."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        kwargs = {} if "b" in mode else {"encoding": "utf-8", "newline": "\n"}
        with os.fdopen(fd, mode, **kwargs) as handle:
            yield handle
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_csv(df: pd.DataFrame, path: str | Path) -> None:
    """Write ``df`` without its index, floats rounded to :data:`FLOAT_DECIMALS`."""
    out = df.copy()
    for col in out.columns:
        if pd.api.types.is_float_dtype(out[col]):
            out[col] = out[col].round(FLOAT_DECIMALS)
    with atomic_open(path) as handle:
        out.to_csv(handle, index=False, lineterminator="\n")


def read_csv(path: str | Path) -> pd.DataFrame:
    """Read a table written by :func:`write_csv`.

    Text such as "NA" or "null" stays text and empty text cells stay empty strings:
    documents and sentences may contain anything. A numeric column with empty cells
    (undefined values such as the net index of a text with no evidence) comes back as
    numbers with NaN.
    """
    table = pd.read_csv(path, keep_default_na=False, dtype=dict.fromkeys(STRING_COLUMNS, str))
    for col in table.columns:
        if col in STRING_COLUMNS or pd.api.types.is_numeric_dtype(table[col]):
            continue
        values = table[col].replace("", None)
        numbers = pd.to_numeric(values, errors="coerce")
        if values.notna().any() and numbers.notna().sum() == values.notna().sum():
            table[col] = numbers
    return table


def write_json(obj: Any, path: str | Path) -> None:
    """Write JSON with sorted keys and a trailing newline."""
    with atomic_open(path) as handle:
        json.dump(obj, handle, indent=2, sort_keys=True, ensure_ascii=False)
        handle.write("\n")


def read_json(path: str | Path) -> Any:
    """Read a JSON file."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def write_jsonl(records: list[dict[str, Any]], path: str | Path) -> None:
    """Write one JSON object per line (interim shard files)."""
    with atomic_open(path) as handle:
        for record in records:
            handle.write(json.dumps(record, sort_keys=True, ensure_ascii=False) + "\n")


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Read a file written by :func:`write_jsonl`."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def write_text(text: str, path: str | Path) -> None:
    """Write a text file atomically."""
    with atomic_open(path) as handle:
        handle.write(text)


_SAFE_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
MAX_NAME_BYTES = 200


def safe_filename(doc_id: str, *, suffix: str = ".txt") -> str:
    """A file name for ``doc_id`` that cannot leave its folder or be hidden.

    Plain ids are kept as they are; anything else ("a/b", "..", "$(x)", very long ids) is
    percent-encoded, with a hash suffix when it would be too long for the file system.
    """
    import hashlib
    from urllib.parse import quote

    if doc_id and set(doc_id) <= _SAFE_NAME_CHARS and not doc_id.startswith("."):
        name = doc_id
    else:
        name = quote(doc_id, safe="") or "%00"
        if name.startswith("."):
            name = "%2E" + name[1:]
    if len(name.encode()) > MAX_NAME_BYTES:
        name = f"{name[: MAX_NAME_BYTES - 17]}-{hashlib.sha256(doc_id.encode()).hexdigest()[:16]}"
    return name + suffix
