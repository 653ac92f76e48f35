import pandas as pd
import pytest

from culturelens.io import atomic_open, read_csv, safe_filename, write_csv, write_json


def test_write_csv_rounds_floats_and_uses_lf(tmp_path):
    path = tmp_path / "t.csv"
    write_csv(pd.DataFrame({"a": [0.1234567891], "b": ["x"]}), path)
    assert path.read_bytes() == b"a,b\n0.123457,x\n"


def test_read_csv_keeps_na_like_text(tmp_path):
    path = tmp_path / "t.csv"
    write_csv(pd.DataFrame({"text": ["NA", "null", ""]}), path)
    assert read_csv(path)["text"].to_list() == ["NA", "null", ""]


def test_atomic_open_leaves_nothing_on_failure(tmp_path):
    path = tmp_path / "out.json"
    with pytest.raises(RuntimeError), atomic_open(path) as handle:
        handle.write("half")
        raise RuntimeError("killed")
    assert list(tmp_path.iterdir()) == []


def test_write_json_is_sorted_with_newline(tmp_path):
    path = tmp_path / "j.json"
    write_json({"b": 1, "a": [1]}, path)
    assert path.read_text() == '{\n  "a": [\n    1\n  ],\n  "b": 1\n}\n'


@pytest.mark.parametrize(
    ("doc_id", "name"),
    [
        ("000_3ec83ed8b2114dab", "000_3ec83ed8b2114dab.txt"),
        ("a/b", "a%2Fb.txt"),
        ("..", "%2E..txt"),
        (".hidden", "%2Ehidden.txt"),
        ("$(touch pwned)", "%24%28touch%20pwned%29.txt"),
        ("", "%00.txt"),
    ],
)
def test_safe_filename_cannot_escape_or_hide(doc_id, name):
    assert safe_filename(doc_id) == name


def test_safe_filename_bounds_length():
    name = safe_filename("x" * 1000)
    assert len(name.encode()) <= 204 and name.endswith(".txt")
    assert name != safe_filename("x" * 999)


def test_read_csv_keeps_ids_as_strings(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("doc_id,n\n000,1\n")
    table = read_csv(path)
    assert table["doc_id"].to_list() == ["000"] and table["n"].to_list() == [1]


def test_read_csv_restores_undefined_numbers(tmp_path):
    path = tmp_path / "t.csv"
    write_csv(pd.DataFrame({"net": [0.5, float("nan")], "word": ["", "x"]}), path)
    table = read_csv(path)
    assert table["net"].iloc[0] == 0.5 and pd.isna(table["net"].iloc[1])
    assert table["word"].to_list() == ["", "x"]
