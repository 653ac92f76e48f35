import codecs

import pytest

from culturelens.ingest import (
    CorpusError,
    corpus_fingerprint,
    decode_bytes,
    html_to_text,
    read_corpus,
    shard_of,
)


@pytest.mark.parametrize(
    ("raw", "text", "encoding"),
    [
        (b"plain text", "plain text", "utf-8"),
        (codecs.BOM_UTF8 + "caf\u00e9".encode(), "caf\u00e9", "utf-8-sig"),
        (codecs.BOM_UTF16_LE + "learn not blame".encode("utf-16-le"), "learn not blame", "utf-16"),
        (codecs.BOM_UTF16_BE + "learn not blame".encode("utf-16-be"), "learn not blame", "utf-16"),
        (
            "\u201cquoted\u201d \u00a3930m".encode("cp1252"),
            "\u201cquoted\u201d \u00a3930m",
            "cp1252",
        ),
        # 0x81 is undefined in cp1252, so only Latin-1 decodes this.
        (b"caf\xe9 \x81", "caf\u00e9 \x81", "latin-1"),
    ],
)
def test_decode_bytes_names_the_encoding(raw, text, encoding):
    assert decode_bytes(raw) == (text, encoding)


@pytest.mark.parametrize(
    ("raw", "match"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "PNG image"),
        (b"%PDF-1.4 ...", "PDF document"),
        (bytes(range(32)) * 10, "binary content"),
    ],
)
def test_decode_bytes_rejects_binary(raw, match):
    with pytest.raises(ValueError, match=match):
        decode_bytes(raw)


@pytest.mark.parametrize(
    ("body", "text"),
    [
        (
            "<script>alert(1)</script><style>p{}</style><p>One &amp; two</p><p>Three</p>",
            "One & two\n\nThree",
        ),
        # a line break in the source is a space, as in a browser (LWN kept 0.20 of its lines)
        (
            "<p>A paragraph\nbroken <a href='#'>at a\nlink</a> in the source.</p>",
            "A paragraph broken at a link in the source.",
        ),
        ("<p>One<br>two</p><ul><li>a</li><li>b</li></ul><h2>Next</h2>", "One\ntwo\n\na\nb\n\nNext"),
        # a data table reads row by row, even with <p> in its cells (Dropbox)
        (
            "<table><tr><th><p>Name</p></th><th>Share</th></tr>\n<tr><td>Ann</td><td>1.9%</td>"
            "</tr></table><p>After.</p>",
            "Name Share\nAnn 1.9%\n\nAfter.",
        ),
        # a page laid out with a table keeps its paragraphs
        (
            "<table><tr><td><p>First para.</p><p>Second para.</p></td><td>Menu</td></tr></table>",
            "First para.\n\nSecond para.\n\nMenu",
        ),
        ("<pre>x = 1\ny = 2</pre>", "x = 1\ny = 2"),
        ("<table><tr><td>never closed</td><td>row", "never closed row"),
        ("<p>form\ffeed</p>", "form feed"),
    ],
)
def test_html_to_text_lays_out_blocks_as_a_browser(body, text):
    assert html_to_text(f"<html><body>{body}</body></html>") == text


@pytest.mark.parametrize(
    ("name", "content", "status", "reason"),
    [
        ("ok.txt", b"Some text.", "ok", ""),
        ("empty.txt", b"", "skipped", "empty file"),
        ("blank.txt", b"  \n\t\n", "skipped", "no text"),
        ("image.txt", b"\x89PNG\r\n\x1a\nxxxx", "skipped", "PNG image"),
        ("notes.md", b"# notes", "skipped", "not a .txt file"),
        ("nul.txt", b"text\x00with nul", "ok", "removed 1 control characters"),
        (
            "page.txt",
            b"<!DOCTYPE html><html><body><p>Hi</p></body></html>",
            "ok",
            "HTML page converted",
        ),
        ("$(touch pwned).txt", b"name with shell syntax", "ok", ""),
        ("-dash name.txt", b"leading dash", "ok", ""),
    ],
)
def test_read_corpus_folder_records_every_entry(tmp_path, name, content, status, reason):
    (tmp_path / "anchor.txt").write_text("keeps the corpus usable")
    (tmp_path / name).write_bytes(content)
    docs = {d.source: d for d in read_corpus(tmp_path)}
    assert docs[name].status == status
    assert reason in docs[name].reason
    assert not (tmp_path / "pwned").exists()


def test_read_corpus_skips_symlinks_and_folders(tmp_path):
    (tmp_path / "real.txt").write_text("text")
    (tmp_path / "link.txt").symlink_to(tmp_path / "real.txt")
    (tmp_path / "sub").mkdir()
    docs = {d.source: d for d in read_corpus(tmp_path)}
    assert "symbolic link" in docs["link.txt"].reason
    assert "folder" in docs["sub"].reason


def test_read_corpus_hashes_raw_bytes(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"abc")
    (doc,) = read_corpus(tmp_path)
    assert doc.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    assert (doc.doc_id, doc.bytes, doc.encoding) == ("a", 3, "utf-8")


@pytest.mark.parametrize(
    ("filename", "content"),
    [
        ("c.csv", "id,text\na,first\nb,\na,again\n"),
        (
            "c.jsonl",
            '{"id": "a", "text": "first"}\n{"id": "b", "text": ""}\n{"id": "a", "text": "again"}\n',
        ),
    ],
)
def test_read_corpus_table_skips_missing_and_duplicate(tmp_path, filename, content):
    path = tmp_path / filename
    path.write_text(content)
    docs = read_corpus(path)
    assert [(d.doc_id, d.status, d.reason.split(" (")[0]) for d in docs] == [
        ("a", "ok", ""),
        ("a", "skipped", "duplicate id"),
        ("b", "skipped", "missing text"),
    ]


@pytest.mark.parametrize(
    ("name", "content", "target", "match"),
    [
        ("", None, "missing", "does not exist"),
        ("x.docx", "x", "x.docx", "neither a folder"),
        ("c.csv", "id,body\n1,x\n", "c.csv", "no column 'text'.*corpus_columns"),
        ("e.txt", "", ".", "no usable documents"),
    ],
)
def test_read_corpus_fatal_errors_name_the_fix(tmp_path, name, content, target, match):
    if content is not None:
        (tmp_path / name).write_text(content)
    with pytest.raises(CorpusError, match=match):
        read_corpus(tmp_path / target)


def test_shard_of_is_stable_and_in_range():
    assert [shard_of(d, n_shards=4) for d in ("a", "b", "c")] == [
        shard_of(d, n_shards=4) for d in ("a", "b", "c")
    ]
    assert {shard_of(str(i), n_shards=3) for i in range(100)} == {1, 2, 3}


def test_corpus_fingerprint_ignores_order():
    rows = [("a", "1", "ok"), ("b", "2", "ok")]
    assert corpus_fingerprint(rows) == corpus_fingerprint(rows[::-1])
    assert corpus_fingerprint(rows) != corpus_fingerprint(rows[:1])
