import json
from pathlib import Path

import pandas as pd
import pytest

from culturelens.io import write_csv, write_json
from culturelens.manifest import build_manifest, rule_record
from culturelens.results import Results, load_results

RUN = {"version": "0.1.0", "run_id": "0123456789ab"}


@pytest.fixture
def results(tmp_path: Path) -> Path:
    root = tmp_path / "results"
    write_csv(
        pd.DataFrame({"doc_id": ["a", "b"], "n_sentences": [3, 0], "text": ["NA", ""]}),
        root / "tables/documents.csv",
    )
    write_csv(
        pd.DataFrame({"doc_id": ["a"], "net_index": [0.5]}), root / "tables/document_scores.csv"
    )
    (root / "figures").mkdir()
    for ext in ("png", "svg"):
        (root / f"figures/document_scores.{ext}").write_bytes(b"figure " + ext.encode())
    outputs = [str(p) for p in sorted(root.rglob("*")) if p.is_file()]
    record = rule_record(rule="fixture", inputs=[], outputs=outputs, params={}, results=root)
    write_json(build_manifest(RUN, [record]), root / "manifest.json")
    return root


def test_load_results_reads_manifest(results):
    res = load_results(results)
    assert isinstance(res, Results)
    assert res.run["run_id"] == "0123456789ab"
    assert res.tables() == ["document_scores", "documents"]
    assert res.figures() == ["document_scores"]


@pytest.mark.parametrize("name", ["documents", "documents.csv"])
def test_table_reads_text_as_text(results, name):
    df = load_results(results).table(name)
    assert df["doc_id"].tolist() == ["a", "b"]
    assert df["text"].tolist() == ["NA", ""]  # "NA" stays text, empty stays empty


def test_table_checks_the_manifest_hash(results):
    path = results / "tables/documents.csv"
    path.write_text(path.read_text().replace("a,3", "a,4"))
    with pytest.raises(
        ValueError, match="does not match its sha256 in the manifest; re-run snakemake"
    ):
        load_results(results).table("documents")


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (
            lambda r: r.table("nope"),
            "table 'nope' is not in .*use one of: document_scores, documents",
        ),
        (lambda r: r.figure_path("nope"), "figure 'nope' is not in .*use one of: document_scores"),
        (lambda r: r.figure_path("document_scores", fmt="pdf"), "fmt='pdf' is not a figure format"),
        (lambda r: r.cite("tables/nope.csv"), "'tables/nope.csv' is not in the manifest"),
        (
            lambda r: r.cite("tables/documents.csv", style="apa"),
            "style='apa' is not a citation style",
        ),
    ],
)
def test_bad_names_raise_with_the_fix(results, call, match):
    with pytest.raises(ValueError, match=match):
        call(load_results(results))


@pytest.mark.parametrize(
    ("name", "fmt"), [("document_scores", "png"), ("document_scores.png", "svg")]
)
def test_figure_path(results, name, fmt):
    path = load_results(results).figure_path(name, fmt=fmt)
    assert path == results / f"figures/document_scores.{fmt}" and path.is_file()


@pytest.mark.parametrize(
    ("style", "start"), [("text", "culturelens 0.1.0 (0123456789ab"), ("bibtex", "@misc{")]
)
def test_cite_names_run_and_hash(results, style, start):
    res = load_results(results)
    sha = next(
        a["sha256"] for a in res.manifest["artefacts"] if a["path"] == "tables/document_scores.csv"
    )
    text = res.cite("tables/document_scores.csv", style=style)
    assert text.startswith(start) and sha in text and "0123456789ab" in text


def test_missing_manifest(tmp_path):
    with pytest.raises(
        FileNotFoundError, match=r"manifest.json not found; pass the results folder"
    ):
        load_results(tmp_path)


@pytest.mark.parametrize("content", [[], {"run": {}}, {"artefacts": []}])
def test_not_a_manifest(tmp_path, content):
    (tmp_path / "manifest.json").write_text(json.dumps(content))
    with pytest.raises(ValueError, match="is not a culturelens manifest"):
        load_results(tmp_path)
