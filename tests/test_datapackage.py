import logging
import re
from pathlib import Path

import pandas as pd
import pytest

from culturelens.datapackage import (
    build_datapackage,
    csv_columns,
    data_dictionary_markdown,
    load_data_dictionary,
    table_schema,
    validate_table,
)
from culturelens.io import write_csv
from culturelens.manifest import sha256_file

ROOT = Path(__file__).resolve().parents[1]
RUN = {"version": "0.1.0", "run_id": "0123456789ab"}
REGENERATE = (
    'regenerate it: .venv/bin/python -c "import pathlib, culturelens.datapackage as d; '
    "pathlib.Path('docs/data_dictionary.md').write_text(d.data_dictionary_markdown())\""
)


@pytest.fixture
def tables(tmp_path: Path) -> dict[str, Path]:
    docs = pd.DataFrame(
        {
            "doc_id": ["a", "b"],
            "bytes": [10, 20],
            "date": ["2018-11-29", ""],
            "status": ["ok", "ok"],
        }
    )
    scores = pd.DataFrame(
        {
            "doc_id": ["a"],
            "sentence_id": ["a:0001"],
            "text": ["x"],
            "label": ["blame"],
            "blame": [1.0],
            "is_quote": [True],
            "brand_new": ["?"],
        }
    )
    paths = {
        "documents": tmp_path / "tables/documents.csv",
        "sentence_scores": tmp_path / "tables/sentence_scores.csv",
    }
    write_csv(docs, paths["documents"])
    write_csv(scores, paths["sentence_scores"])
    return paths


def test_package_describes_every_table(tables, tmp_path):
    package = build_datapackage(tables, results=tmp_path, run=RUN)
    assert (
        package["profile"] == "tabular-data-package"
        and package["id"] == "culturelens-run-0123456789ab"
    )
    assert [r["name"] for r in package["resources"]] == ["documents", "sentence_scores"]
    for res in package["resources"]:
        path = tables[res["name"]]
        assert res["path"] == f"tables/{res['name']}.csv"
        assert res["hash"] == f"sha256:{sha256_file(path)}" and res["bytes"] == path.stat().st_size
        assert [f["name"] for f in res["schema"]["fields"]] == csv_columns(path)


def test_fields_carry_type_description_unit_and_enum(tables, tmp_path):
    package = build_datapackage(tables, results=tmp_path, run=RUN)
    fields = {f["name"]: f for r in package["resources"] for f in r["schema"]["fields"]}
    assert fields["bytes"] == {
        "name": "bytes",
        "type": "integer",
        "description": "Size of the raw input.",
        "unit": "bytes",
    }
    assert fields["label"]["constraints"] == {"enum": ["blame", "support", "mixed", "neutral"]}
    assert fields["is_quote"]["type"] == "boolean"
    assert package["resources"][0]["schema"]["primaryKey"] == ["doc_id"]


def test_unknown_column_is_kept_and_logged(tables, tmp_path, caplog):
    with caplog.at_level(logging.WARNING, logger="culturelens.datapackage"):
        package = build_datapackage(tables, results=tmp_path, run=RUN)
    new = [f for f in package["resources"][1]["schema"]["fields"] if f["name"] == "brand_new"]
    assert new == [{"name": "brand_new", "type": "any", "description": ""}]
    assert "sentence_scores.brand_new" in caplog.text


def test_primary_key_dropped_when_a_key_column_is_absent():
    schema = table_schema("documents", ["title"], dictionary=load_data_dictionary())
    assert "primaryKey" not in schema


def test_fixture_tables_validate(tables, tmp_path):
    package = build_datapackage(tables, results=tmp_path, run=RUN)
    for res in package["resources"]:
        assert validate_table(tmp_path / res["path"], res) == []


@pytest.mark.parametrize(
    ("old", "new", "match"),
    [
        ("a,10,", "a,ten,", r"bytes='ten' is not a valid integer"),
        ("2018-11-29", "29 Nov 18", r"date='29 Nov 18' is not a valid date"),
        ("doc_id,bytes", "id,bytes", r"columns .* differ from the schema"),
    ],
)
def test_validate_table_finds_problems(tables, tmp_path, old, new, match):
    package = build_datapackage(tables, results=tmp_path, run=RUN)
    path = tables["documents"]
    path.write_text(path.read_text().replace(old, new))
    problems = validate_table(path, package["resources"][0])
    assert problems[0] == "documents.csv: sha256 differs from the data package"
    assert any(re.search(match, p) for p in problems), problems


@pytest.mark.parametrize(
    ("value", "ok"),
    [("blame", True), ("Blame", False), ("", True)],
)
def test_validate_table_checks_enums(tables, tmp_path, value, ok):
    path = tables["sentence_scores"]
    path.write_text(path.read_text().replace(",blame,", f",{value},"))
    package = build_datapackage(tables, results=tmp_path, run=RUN)
    assert (validate_table(path, package["resources"][1]) == []) is ok


@pytest.mark.parametrize(
    ("yaml_text", "match"),
    [
        ("tables:\n  t:\n    fields:\n      c: {type: string}\n", "t.c has no description"),
        ("tables:\n  t:\n    fields:\n      c:\n", "t.c has no description"),
        (
            "tables:\n  t:\n    fields:\n      c: {type: text, description: d}\n",
            "t.c has type 'text'",
        ),
    ],
)
def test_bad_dictionary(tmp_path, yaml_text, match):
    path = tmp_path / "dict.yaml"
    path.write_text(yaml_text)
    with pytest.raises(ValueError, match=match):
        load_data_dictionary(path)


@pytest.mark.parametrize(
    ("tables_", "match"),
    [
        ({"documents": "nowhere.csv"}, "tables not found: nowhere.csv"),
        ({"Bad Name": None}, "not a valid resource"),
    ],
)
def test_bad_tables(tables, tmp_path, tables_, match):
    tables_ = {k: (v if v is not None else tables["documents"]) for k, v in tables_.items()}
    with pytest.raises(ValueError, match=match):
        build_datapackage(tables_, results=tmp_path, run=RUN)


def test_shared_columns_resolve():
    dictionary = load_data_dictionary()
    assert (
        dictionary["sentences"]["fields"]["doc_id"] == dictionary["documents"]["fields"]["doc_id"]
    )
    assert all(f["description"] for t in dictionary.values() for f in t["fields"].values())


def test_markdown_lists_every_column():
    dictionary = load_data_dictionary()
    md = data_dictionary_markdown(dictionary)
    for name, table in dictionary.items():
        assert f"## `tables/{name}.csv`" in md
        assert all(f"| `{column}` |" in md for column in table["fields"])


def test_docs_data_dictionary_is_in_sync():
    page = ROOT / "docs/data_dictionary.md"
    assert page.read_text(encoding="utf-8") == data_dictionary_markdown(), (
        f"{page} is stale; {REGENERATE}"
    )


def test_workflow_table_list_matches_dictionary():
    text = (ROOT / "workflow/rules/reading.smk").read_text()
    listed = re.findall(
        r'^\s+"(\w+)",$', text.split("TABLE_NAMES = [", 1)[1].split("]", 1)[0], re.M
    )
    assert sorted(listed) == sorted(load_data_dictionary())


def test_committed_results_are_fully_described():
    results = ROOT / "results"
    if not (results / "datapackage.json").is_file():
        pytest.skip(
            "results/datapackage.json is absent: run snakemake to build the committed results"
        )
    import json

    package = json.loads((results / "datapackage.json").read_text(encoding="utf-8"))
    undescribed = [
        f"{r['name']}.{f['name']}"
        for r in package["resources"]
        for f in r["schema"]["fields"]
        if not f["description"]
    ]
    assert undescribed == [], "add these columns to src/culturelens/data/data_dictionary.yaml"
    for res in package["resources"]:
        assert validate_table(results / res["path"], res) == []
