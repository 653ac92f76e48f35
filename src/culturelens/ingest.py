"""Reading a corpus: a folder of ``.txt`` files or a CSV / JSONL / Parquet table.

Every entry becomes one row of ``documents.csv`` with the sha256 of its raw bytes, the
encoding used and a status: ``ok`` or ``skipped`` with a reason. Nothing is skipped
silently and nothing in the corpus is ever written to.
"""

from __future__ import annotations

import codecs
import hashlib
import html.parser
import os
import re
import stat
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

TABLE_SUFFIXES = (".csv", ".jsonl", ".parquet")

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (e.g. .docx/.xlsx)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 controls other than tab, newline and carriage return carry no text.
RE_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
RE_HTML_START = re.compile(r"\A\s*(?:<!doctype\s+html|<html[\s>])", re.IGNORECASE)
# Text is binary when this share of its bytes are control characters.
MAX_CONTROL_SHARE = 0.10


class CorpusError(ValueError):
    """A problem with the corpus as a whole: the run cannot start."""


@dataclass(frozen=True)
class Document:
    """One corpus entry, decoded, or skipped with a reason."""

    doc_id: str
    source: str
    sha256: str
    bytes: int
    encoding: str
    status: str  # "ok" or "skipped"
    reason: str
    text: str = ""


def shard_of(doc_id: str, *, n_shards: int) -> int:
    """Stable 1-based shard number (crc32, not ``hash()``, which is salted per process)."""
    return zlib.crc32(doc_id.encode("utf-8")) % n_shards + 1


@dataclass
class _Table:
    """An open ``<table>``: where its text goes, and the cells of its open row."""

    parent: list[str]
    row: list[list[str]] | None = None


class _TextExtractor(html.parser.HTMLParser):
    """Visible text of an HTML page, laid out as a browser lays it out.

    Line breaks in the source are only spaces, as in a browser; block elements start a
    line and ``<pre>`` keeps its own lines. A table row whose cells hold one line each
    is one line, so a data table reads row by row; a row of longer cells (a page laid
    out with tables) keeps its lines.
    """

    _BLOCKS = frozenset(
        {
            *("address", "article", "aside", "blockquote", "br", "caption", "dd", "details"),
            *("dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer"),
            *("form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "legend"),
            *("li", "main", "menu", "nav", "ol", "option", "p", "pre", "section", "summary"),
            *("title", "ul"),
        }
    )
    # Lines of one list or of one paragraph broken by <br> are written without a blank
    # line between them, as the plain-text files of a corpus are.
    _LINES = frozenset({"br", "li", "dt", "dd", "option"})
    _HIDDEN = frozenset({"script", "style", "noscript", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._tables: list[_Table] = []
        self._hidden = 0
        self._pre = 0

    def _target(self) -> list[str]:
        if self._tables and self._tables[-1].row:
            return self._tables[-1].row[-1]
        return self._tables[-1].parent if self._tables else self.parts

    def _end_row(self) -> None:
        table = self._tables[-1]
        cells = ["".join(cell) for cell in table.row or []]
        if all(len(_lines(cell)) <= 1 for cell in cells):
            table.parent.append("\n" + " ".join(" ".join(cell.split()) for cell in cells) + "\n")
        else:
            table.parent.append("\n\f" + "\n\f".join(cells) + "\n\f")
        table.row = None

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self._hidden += tag in self._HIDDEN
        self._pre += tag == "pre"
        if tag == "table":
            self._target().append("\n\f")
            self._tables.append(_Table(self._target()))
        elif tag == "tr" and self._tables:
            self._end_row()
            self._tables[-1].row = []
        elif tag in ("td", "th") and self._tables:
            table = self._tables[-1]
            table.row = table.row if table.row is not None else []
            table.row.append([])
        if tag in self._BLOCKS:
            self._target().append("\n" if tag in self._LINES else "\n\f")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN:
            self._hidden = max(self._hidden - 1, 0)
        if tag == "pre":
            self._pre = max(self._pre - 1, 0)
        if tag in ("tr", "table") and self._tables:
            self._end_row()
            if tag == "table":
                self._tables.pop()
                self._target().append("\n\f")
        if tag in self._BLOCKS:
            self._target().append("\n" if tag in self._LINES else "\n\f")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            data = data.replace("\f", " ")  # a form feed marks a paragraph break here
            self._target().append(data if self._pre else " ".join(data.split("\n")))

    def close(self) -> None:
        super().close()
        while self._tables:
            self._end_row()
            self._tables.pop()


def _lines(text: str) -> list[str]:
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return [line for line in lines if line]


def _layout(text: str) -> str:
    """Lines of ``text`` with a blank line where a paragraph break (``\\f``) falls."""
    out: list[str] = []
    gap = False
    for raw in text.split("\n"):
        gap = gap or "\f" in raw
        line = " ".join(raw.split())
        if line:
            out += ["\n\n" if gap else "\n", line] if out else [line]
            gap = False
    return "".join(out)


def html_to_text(markup: str) -> str:
    """Visible text of an HTML page; scripts and styles are dropped, never run."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    return _layout("".join(parser.parts))


def _sniff_binary(raw: bytes) -> str:
    for magic, kind in _MAGIC:
        if raw.startswith(magic):
            return f"binary file ({kind})"
    sample = raw[:65536]
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32 or b == 127)
    if controls > MAX_CONTROL_SHARE * len(sample):
        return "binary content (too many control bytes to be text)"
    return ""


def decode_bytes(raw: bytes) -> tuple[str, str]:
    """Decode ``raw`` and name the encoding used.

    BOMs are honoured (UTF-8, UTF-16, UTF-32); otherwise UTF-8, then cp1252, then
    Latin-1, which accepts any byte, so every non-binary file decodes.

    Raises:
        ValueError: the bytes look binary; the message says what they look like.
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return raw.decode(encoding), encoding
    problem = _sniff_binary(raw)
    if problem:
        raise ValueError(problem)
    for encoding in ("utf-8", "cp1252"):
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1"), "latin-1"


def _usable(doc: Document) -> Document:
    """Strip control characters, turn HTML into text, and skip documents with no text."""
    text, notes = doc.text, []
    if RE_HTML_START.match(text[:1000]):
        text = html_to_text(text)
        notes.append("HTML page converted to text")
    text, n_controls = RE_CONTROL.subn("", text)
    if n_controls:
        notes.append(f"removed {n_controls} control characters")
    if not text.strip():
        return replace(doc, status="skipped", reason="no text (empty or whitespace only)", text="")
    return replace(doc, text=text, reason="; ".join(notes))


def _from_bytes(doc_id: str, source: str, raw: bytes, *, encoding_hint: str = "") -> Document:
    digest = hashlib.sha256(raw).hexdigest()
    base = Document(doc_id, source, digest, len(raw), "", "ok", "")
    if not raw:
        return replace(base, status="skipped", reason="empty file (0 bytes)")
    try:
        text, encoding = decode_bytes(raw)
    except ValueError as err:
        return replace(base, status="skipped", reason=str(err))
    return _usable(replace(base, encoding=encoding_hint or encoding, text=text))


def _skipped(doc_id: str, source: str, reason: str) -> Document:
    return Document(doc_id, source, "", 0, "", "skipped", reason)


def _folder_entry(entry: os.DirEntry[str]) -> Document:
    name, stem = entry.name, Path(entry.name).stem
    if entry.is_symlink():
        return _skipped(
            stem, name, "symbolic link (not followed: the corpus must not reach outside itself)"
        )
    if entry.is_dir():
        return _skipped(name, name, "folder (only .txt files directly inside the corpus are read)")
    if not entry.name.lower().endswith(".txt"):
        return _skipped(name, name, f"not a .txt file ({Path(name).suffix or 'no extension'})")
    if not stat.S_ISREG(entry.stat().st_mode):
        return _skipped(stem, name, "not a regular file")
    try:
        with open(entry.path, "rb") as handle:
            raw = handle.read()
    except OSError as err:
        return _skipped(stem, name, f"unreadable ({err.strerror or err})")
    return _from_bytes(stem, name, raw)


def read_folder(path: Path) -> list[Document]:
    """Every entry of a corpus folder (hidden files skipped with a reason)."""
    with os.scandir(path) as entries:
        docs = [
            _skipped(e.name, e.name, "hidden file") if e.name.startswith(".") else _folder_entry(e)
            for e in entries
        ]
    return _dedupe(docs)


def _read_table(path: Path) -> pd.DataFrame:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    if suffix == ".jsonl":
        return pd.read_json(path, lines=True, dtype=False)
    return pd.read_parquet(path)


def read_table(path: Path, *, id_column: str = "id", text_column: str = "text") -> list[Document]:
    """Rows of a CSV / JSONL / Parquet corpus; ``sha256`` hashes the UTF-8 text of each row."""
    try:
        table = _read_table(path)
    except (ValueError, OSError) as err:
        raise CorpusError(
            f"corpus file '{path}' could not be read as {path.suffix}: {err}"
        ) from err
    for key, column in (("id", id_column), ("text", text_column)):
        if column not in table.columns:
            found = ", ".join(map(str, table.columns))
            raise CorpusError(
                f"corpus file '{path}' has no column '{column}' (columns: {found}); "
                f"set corpus_columns: {{{key}: <name>}} in your config"
            )
    docs = [
        _table_row(str(row_id), f"{path.name}#row={i}", cell)
        for i, (row_id, cell) in enumerate(
            zip(table[id_column], table[text_column], strict=True), start=1
        )
    ]
    return _dedupe(docs)


def _table_row(doc_id: str, source: str, cell: object) -> Document:
    if not doc_id.strip() or doc_id == "nan":
        return _skipped(doc_id, source, "missing id")
    if not isinstance(cell, str) or not cell.strip():
        return _skipped(doc_id, source, "missing text")
    return _from_bytes(doc_id, source, cell.encode("utf-8"), encoding_hint="utf-8 (table)")


def _dedupe(docs: Iterable[Document]) -> list[Document]:
    """Sort by (doc_id, source) and skip later entries whose doc_id is already taken."""
    seen: set[str] = set()
    out = []
    for doc in sorted(docs, key=lambda d: (d.doc_id, d.source)):
        if doc.status == "ok" and doc.doc_id in seen:
            doc = replace(
                doc, status="skipped", reason="duplicate id (an earlier entry has it)", text=""
            )
        seen.add(doc.doc_id)
        out.append(doc)
    return out


def read_corpus(
    path: str | Path, *, id_column: str = "id", text_column: str = "text"
) -> list[Document]:
    """Every document of the corpus at ``path``, sorted by ``doc_id``.

    Raises:
        CorpusError: the path is missing, of an unsupported type, or has no usable document.
    """
    path = Path(path)
    if path.is_dir():
        docs = read_folder(path)
    elif path.is_file() and path.suffix.lower() in TABLE_SUFFIXES:
        docs = read_table(path, id_column=id_column, text_column=text_column)
    elif path.exists():
        raise CorpusError(
            f"corpus '{path}' is neither a folder nor a {'/'.join(TABLE_SUFFIXES)} file; "
            "set --config corpus=FOLDER_OR_TABLE"
        )
    else:
        raise CorpusError(f"corpus '{path}' does not exist; set --config corpus=FOLDER_OR_TABLE")
    if not any(doc.status == "ok" for doc in docs):
        raise CorpusError(
            f"corpus '{path}' has no usable documents ({len(docs)} entries, all skipped); "
            "point --config corpus at a folder of .txt files or a table with text"
        )
    return docs


def corpus_fingerprint(rows: Iterable[tuple[str, str, str]]) -> str:
    """sha256 over sorted ``(doc_id, sha256, status)`` rows: equal corpora, equal fingerprint."""
    lines = sorted("\t".join(map(str, row)) for row in rows)
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
