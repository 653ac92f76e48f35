"""Bad input never crashes a run, loses data, or runs code (the bad corpus is generated)."""

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from badinput import make_bad_corpus

from culturelens.ingest import read_corpus
from culturelens.manifest import verify

ROOT = Path(__file__).resolve().parents[1]


def corpus_state(folder: Path) -> dict[str, str]:
    """Hash of every regular file plus the listing, without following links or opening FIFOs."""
    state = {}
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        if entry.is_file(follow_symlinks=False):
            mode = entry.stat().st_mode
            entry_path = Path(entry.path)
            if mode & 0o444 or os.geteuid() == 0:
                state[entry.name] = hashlib.sha256(entry_path.read_bytes()).hexdigest()
        else:
            state[entry.name] = "link" if entry.is_symlink() else "special"
    return state


@pytest.fixture(scope="module")
def bad_corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad") / "corpus"
    return folder, make_bad_corpus(folder, long_line_mb=2)


def test_ingest_accounts_for_every_file(bad_corpus):
    folder, expected = bad_corpus
    docs = read_corpus(folder)
    assert {d.source: d.status for d in docs} == expected
    assert all(d.reason for d in docs if d.status == "skipped")


def test_no_rule_runs_a_shell_command():
    rules = "".join(p.read_text() for p in (ROOT / "workflow" / "rules").glob("*.smk"))
    assert not re.search(r"^\s*(shell|run):", rules, re.MULTILINE)


@pytest.mark.slow
def test_pipeline_survives_bad_corpus(bad_corpus, quick_gold_config, tmp_path):
    folder, expected = bad_corpus
    before = corpus_state(folder)
    cwd_before = set(os.listdir(ROOT))
    results = tmp_path / "results"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "snakemake",
            "--cores",
            "2",
            "--quiet",
            "all",
            "--configfile",
            str(quick_gold_config),
            "--config",
            f"corpus={folder}",
            f"results={results}",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    docs = pd.read_csv(results / "tables" / "documents.csv", keep_default_na=False)
    assert dict(zip(docs["source"], docs["status"], strict=True)) == expected
    assert corpus_state(folder) == before
    assert not list(folder.parent.rglob("pwned")) and not (ROOT / "pwned").exists()
    assert set(os.listdir(ROOT)) - cwd_before <= {".snakemake", "logs"}
    assert verify(results) == []
