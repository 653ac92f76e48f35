import json

import pytest

from culturelens.cli import main
from culturelens.manifest import build_manifest, rule_record


@pytest.fixture
def results(tmp_path):
    table = tmp_path / "tables" / "t.csv"
    table.parent.mkdir()
    table.write_text("a\n1\n")
    record = rule_record(rule="r", inputs=[], outputs=[table], params={}, results=tmp_path)
    manifest = build_manifest({"version": "0.1.0", "run_id": "0123456789ab"}, [record])
    (tmp_path / "manifest.json").write_text(json.dumps(manifest))
    return tmp_path


def test_verify_ok_then_fails_after_one_byte_changes(results, capsys):
    assert main(["verify", str(results)]) == 0
    assert "all 1 artefacts" in capsys.readouterr().out
    (results / "tables" / "t.csv").write_text("a\n2\n")
    assert main(["verify", str(results)]) == 1
    assert "tables/t.csv: sha256 differs" in capsys.readouterr().out


def test_cite_prints_citation_and_bibtex(results, capsys):
    assert main(["cite", str(results / "tables" / "t.csv")]) == 0
    out = capsys.readouterr().out
    assert "culturelens 0.1.0 (0123456789ab)" in out and "@misc{" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["cite", "nope.csv"], "is not a file"),
        (["verify", "/nonexistent-results"], "missing"),
    ],
)
def test_errors_are_one_line(argv, message, capsys):
    assert main(argv) != 0
    captured = capsys.readouterr()
    assert message in captured.err + captured.out
