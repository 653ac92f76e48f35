"""End-to-end: the workflow on the seeds, on other corpora, and its reproducibility contract."""

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
import yaml

from culturelens.manifest import verify

ROOT = Path(__file__).resolve().parents[1]
SHARD_FILE = re.compile(r"^interim/.+/\d+-of-\d+\.\w+$")  # e.g. interim/clean/1-of-3.jsonl
# Every test here runs Snakemake in the project; the seed run works in a folder of its own.
pytestmark = pytest.mark.slow


def snakemake(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "snakemake", "--cores", "2", "--quiet", "all", *args]
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=1200)


def run_pipeline(results: Path, *config: str) -> None:
    done = snakemake("--config", f"results={results}", *config)
    assert done.returncode == 0, done.stderr[-3000:]


def tree(folder: Path) -> dict[str, str]:
    """sha256 of every file under ``folder`` except working state."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "interim" not in p.relative_to(folder).parts
    }


def test_lint_is_clean():
    done = subprocess.run(
        [sys.executable, "-m", "snakemake", "--lint"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]


def test_committed_results_are_what_the_pipeline_produces(seed_run):
    """Every file byte for byte, and the manifest but for the shard files it lists as the
    inputs of some artefacts (seed_run has three shards, the committed run one)."""
    committed, fresh = tree(ROOT / "results"), tree(seed_run)
    assert sorted(committed) == sorted(fresh), (
        "a result file is missing or extra: regenerate results/"
    )
    stale = [p for p in fresh if committed[p] != fresh[p] and p != "manifest.json"]
    assert not stale, f"committed results/ are stale, rerun snakemake: {stale[:10]}"
    assert unsharded(ROOT / "results") == unsharded(seed_run), "manifest.json is stale"


def unsharded(results: Path) -> dict:
    """The manifest without the shard files among artefacts' inputs."""
    manifest = json.loads((results / "manifest.json").read_text())
    for artefact in manifest["artefacts"]:
        inputs = artefact.get("inputs", [])
        artefact["inputs"] = [i for i in inputs if not SHARD_FILE.search(i["path"])]
    return manifest


def test_verify_passes_and_catches_one_changed_byte(seed_run, tmp_path):
    assert verify(seed_run) == []
    copy = tmp_path / "copy"
    subprocess.run(["cp", "-r", str(seed_run), str(copy)], check=True)
    table = copy / "tables" / "documents.csv"
    data = bytearray(table.read_bytes())
    data[10] ^= 1
    table.write_bytes(bytes(data))
    assert verify(copy) == ["tables/documents.csv: sha256 differs from the manifest (file changed)"]


def test_every_artefact_is_listed_with_provenance(seed_run):
    manifest = json.loads((seed_run / "manifest.json").read_text())
    listed = {a["path"] for a in manifest["artefacts"]}
    # Snakemake marks folder outputs with a hidden, empty .snakemake_timestamp file.
    files = {p for p in tree(seed_run) if not Path(p).name.startswith(".")}
    assert listed == files - {"manifest.json"}
    run = manifest["run"]
    assert {
        "version",
        "run_id",
        "code_fingerprint",
        "corpus_fingerprint",
        "config",
        "seed",
        "software",
    } <= set(run)
    assert "results" not in run["config"]
    figure = next(a for a in manifest["artefacts"] if a["path"].endswith(".svg"))
    assert figure["rule"].startswith("plot_") and figure["inputs"]


def test_table_corpus_with_bad_rows(quick_gold_config, tmp_path):
    corpus = tmp_path / "corpus.csv"
    seeds = sorted((ROOT / "seeds").glob("*.txt"))[:2]
    rows = [{"article": p.stem, "body": p.read_text(encoding="utf-8")} for p in seeds]
    rows += [{"article": seeds[0].stem, "body": "a duplicate id"}, {"article": "empty", "body": ""}]
    pd.DataFrame(rows).to_csv(corpus, index=False)
    before = corpus.read_bytes()
    results = tmp_path / "out"
    done = snakemake(
        "--configfile",
        str(quick_gold_config),
        "--config",
        f"results={results}",
        f"corpus={corpus}",
        "corpus_columns={'id': 'article', 'text': 'body'}",
    )
    assert done.returncode == 0, done.stderr[-3000:]
    docs = pd.read_csv(results / "tables" / "documents.csv", keep_default_na=False)
    assert docs["status"].value_counts().to_dict() == {"ok": 2, "skipped": 2}
    assert set(docs.loc[docs.status == "skipped", "reason"].str.split(" ").str[0]) == {
        "duplicate",
        "missing",
    }
    assert corpus.read_bytes() == before
    assert verify(results) == []


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("topcis=3", "culturelens: unknown config key 'topcis' (did you mean 'topics'?)"),
        ("seed=minus", "culturelens: config key 'seed' = 'minus' is invalid"),
        ("corpus=/nonexistent/corpus", "culturelens: corpus '/nonexistent/corpus' does not exist"),
    ],
)
def test_config_errors_are_one_clear_line(config, message, tmp_path):
    done = snakemake("-n", "--config", config, f"results={tmp_path}")
    assert done.returncode != 0
    assert message in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    "cmd",
    [
        ["-m", "ruff", "check", "."],
        ["-m", "ruff", "format", "--check", "."],
        ["-m", "snakefmt", "--check", "Snakefile", "workflow/rules"],
    ],
    ids=["ruff-check", "ruff-format", "snakefmt"],
)
def test_code_style_is_clean(cmd):
    done = subprocess.run(
        [sys.executable, *cmd], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]


def agreement_table(tmp_path: Path, validation: dict) -> tuple[subprocess.CompletedProcess, Path]:
    """Build only cleaning_agreement.csv, with ``validation`` keys from a YAML config file
    (not --config, which would pass a null as the text "None")."""
    config = tmp_path / "validation.yaml"
    config.write_text(yaml.safe_dump({"validation": validation}))
    results = tmp_path / "out"
    target = results / "tables/cleaning_agreement.csv"
    cmd = [sys.executable, "-m", "snakemake", str(target), "--cores", "1", "--quiet"]
    cmd += ["--configfile", str(config), "--config", f"results={results}"]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    return done, target


def test_second_annotation_of_other_documents_names_the_key(quick_gold_config, tmp_path):
    """The full second annotation labels documents the quick gold folder does not hold."""
    gold = yaml.safe_load(quick_gold_config.read_text())["validation"]["cleaning_gold"]
    done, _ = agreement_table(tmp_path, {"cleaning_gold": gold})
    assert done.returncode == 1
    assert "have no first label" in done.stderr
    assert "point validation.cleaning_second_annotation at a labelling of" in done.stderr


def test_no_second_annotation_writes_the_columns_only(tmp_path):
    done, table = agreement_table(tmp_path, {"cleaning_second_annotation": None})
    assert done.returncode == 0, done.stderr[-3000:]
    assert table.read_text() == "metric,value,ci_low,ci_high,n\n"
