"""A corpus of everything a scraper can produce, generated (no binaries are committed)."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

ARTICLE = (
    "Staff said the trust had a blame culture.\n\n"
    "The chief executive promised to learn, not blame, and to support nurses who speak up.\n"
)
PNG = (  # the first bytes of a real 1x1 PNG: signature and IHDR chunk
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
    b"\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
)

# name -> (bytes, expected status); None marks entries made specially below.
FILES: dict[str, tuple[bytes, str]] = {
    "empty.txt": (b"", "skipped"),
    "whitespace.txt": (b"  \n\t \r\n  ", "skipped"),
    "image.txt": (PNG, "skipped"),
    "utf16.txt": (codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"), "ok"),
    "utf8-bom.txt": (codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), "ok"),
    "cp1252.txt": ("\u201cBullying\u201d was rife \u2013 staff said.\n".encode("cp1252"), "ok"),
    "latin1.txt": ("Caf\u00e9 staff felt unsupported \u00a3 \u00bd.\n".encode("latin-1"), "ok"),
    "nul.txt": (b"Staff were \x00 bullied\x00.\n", "ok"),
    "crlf.txt": (ARTICLE.replace("\n", "\r\n").encode(), "ok"),
    "lone-cr.txt": (ARTICLE.replace("\n", "\r").encode(), "ok"),
    "punctuation.txt": (b"!?" * 500_000, "ok"),
    "page.txt": (
        b"<!DOCTYPE html><html><head><title>T</title><script>document.title='x'</script></head>"
        b"<body><p>Nurses were blamed for the failure.</p><p>Share this article</p></body></html>",
        "ok",
    ),
    "script.txt": (
        b"<script>window.__pwned = 1</script> The board blamed staff. "
        b"<img src=x onerror=alert(1)>\n",
        "ok",
    ),
    "name with spaces.txt": (ARTICLE.encode(), "ok"),
    "\u00fcnic\u00f8de \u2013 \u201cname\u201d.txt": (ARTICLE.encode(), "ok"),
    'quote\'s "double".txt': (ARTICLE.encode(), "ok"),
    "-leading-dash.txt": (ARTICLE.encode(), "ok"),
    "$(touch pwned).txt": (ARTICLE.encode(), "ok"),
    "notes.md": (b"# not a text file\n", "skipped"),
}
LONG_LINE = "long-line.txt"


def make_bad_corpus(folder: Path, *, long_line_mb: int = 20) -> dict[str, str]:
    """Write the corpus into ``folder``; return file name -> expected status."""
    folder.mkdir(parents=True, exist_ok=True)
    expected = {}
    for name, (data, status) in FILES.items():
        (folder / name).write_bytes(data)
        expected[name] = status
    words = "staff were blamed and supported " * (long_line_mb * 1_000_000 // 32)
    (folder / LONG_LINE).write_text(words.strip() + "\n")
    expected[LONG_LINE] = "ok"
    (folder / "link.txt").symlink_to(folder / "crlf.txt")
    expected["link.txt"] = "skipped"
    os.mkfifo(folder / "fifo.txt")  # open() would block: must be skipped, not read
    expected["fifo.txt"] = "skipped"
    unreadable = folder / "unreadable.txt"
    unreadable.write_text(ARTICLE)
    unreadable.chmod(0)
    # root reads anything, so the unreadable case only shows as skipped for other users
    expected["unreadable.txt"] = "ok" if os.geteuid() == 0 else "skipped"
    return expected
