import hashlib
import json

import pytest

from culturelens.manifest import (
    analysis_config,
    build_manifest,
    code_fingerprint,
    file_entries,
    find_artefact,
    relative_to_results,
    rule_record,
    run_section,
    verify,
)


@pytest.fixture
def results(tmp_path):
    (tmp_path / "tables").mkdir()
    (tmp_path / "tables" / "a.csv").write_text("x\n1\n")
    (tmp_path / "clean").mkdir()
    (tmp_path / "clean" / "d.txt").write_text("text\n")
    (tmp_path / "interim").mkdir()
    (tmp_path / "interim" / "in.jsonl").write_text("{}\n")
    record = rule_record(
        rule="r",
        inputs=[tmp_path / "interim" / "in.jsonl"],
        outputs=[tmp_path / "tables" / "a.csv", tmp_path / "clean"],
        params={"k": 5},
        results=tmp_path,
    )
    manifest = build_manifest({"run_id": "abc", "version": "0"}, [record])
    (tmp_path / "manifest.json").write_text(json.dumps(manifest))
    return tmp_path


def test_relative_to_results(tmp_path):
    assert relative_to_results(tmp_path / "tables" / "x.csv", results=tmp_path) == "tables/x.csv"
    assert relative_to_results("seeds/a.txt", results=tmp_path) == "seeds/a.txt"


def test_file_entries_expand_folders_and_hash(results):
    entries = file_entries([results / "clean", results / "tables" / "a.csv"], results=results)
    assert [e["path"] for e in entries] == ["clean/d.txt", "tables/a.csv"]
    assert entries[1]["bytes"] == 4
    assert entries[1]["sha256"] == hashlib.sha256(b"x\n1\n").hexdigest()


def test_build_manifest_lists_each_artefact_with_its_rule(results):
    manifest = json.loads((results / "manifest.json").read_text())
    assert [a["path"] for a in manifest["artefacts"]] == ["clean/d.txt", "tables/a.csv"]
    assert find_artefact(manifest, "tables/a.csv")["params"] == {"k": 5}
    with pytest.raises(KeyError, match=r"'nope\.csv' is not in the manifest"):
        find_artefact(manifest, "nope.csv")


def test_build_manifest_rejects_two_rules_writing_one_file():
    out = {"path": "a", "sha256": "0", "bytes": 1}
    records = [{"rule": r, "inputs": [], "outputs": [out], "params": {}} for r in ("x", "y")]
    with pytest.raises(ValueError, match="more than one rule: a"):
        build_manifest({}, records)


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (None, None),
        (lambda r: (r / "tables" / "a.csv").write_text("x\n2\n"), "tables/a.csv: sha256 differs"),
        (lambda r: (r / "clean" / "d.txt").unlink(), "clean/d.txt: missing"),
        (lambda r: (r / "tables" / "extra.csv").write_text(""), "tables/extra.csv: not listed"),
    ],
)
def test_verify_reports_each_mismatch(results, change, problem):
    if change:
        change(results)
    problems = verify(results)
    assert len(problems) == (1 if problem else 0)
    assert all(p.startswith(problem) for p in problems)


def test_verify_without_manifest(tmp_path):
    assert "missing" in verify(tmp_path)[0]


def test_code_fingerprint_tracks_workflow_files(tmp_path):
    (tmp_path / "Snakefile").write_text("rule all:\n")
    before = code_fingerprint(workflow_root=tmp_path)
    assert before == code_fingerprint(workflow_root=tmp_path)
    (tmp_path / "Snakefile").write_text("rule all: # changed\n")
    assert code_fingerprint(workflow_root=tmp_path) != before


def test_run_section_is_independent_of_results_folder():
    base = {"corpus": "seeds", "seed": 1, "results": "results"}
    a = run_section(config=base, code="c", corpus="f", lexicon={})
    b = run_section(config={**base, "results": "/elsewhere"}, code="c", corpus="f", lexicon={})
    assert a == b
    assert len(a["run_id"]) == 12 and a["seed"] == 1
    assert "results" not in analysis_config(base)
    assert (
        run_section(config={**base, "seed": 2}, code="c", corpus="f", lexicon={})["run_id"]
        != a["run_id"]
    )
