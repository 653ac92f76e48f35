import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from culturelens.io import read_csv, write_csv

ROOT = Path(__file__).resolve().parents[1]
# Labelled sets for pipeline runs that only check robustness: the learned pass is still
# trained, applied and validated, on three of the labelled sets (two with lines the rules
# miss, so both classes are there to learn); all the sets cost about 40 s per run.
QUICK_GOLD_SETS = ("seeds", "synthetic_heldout12", "synthetic_heldout16")


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def schema() -> dict:
    return yaml.safe_load((ROOT / "workflow/schemas/config.schema.yaml").read_text())


@pytest.fixture(scope="session")
def default_config() -> dict:
    return yaml.safe_load((ROOT / "config/config.yaml").read_text())


@pytest.fixture(scope="session")
def quick_gold_config(tmp_path_factory) -> Path:
    """A --configfile pointing validation.cleaning_gold at three small labelled sets, and
    validation.cleaning_second_annotation at the second labelling of their documents."""
    folder = tmp_path_factory.mktemp("quick_gold")
    for path in sorted((ROOT / "validation" / "cleaning").glob("*.csv")):
        lines = read_csv(path)
        write_csv(lines[lines["dataset"].isin(QUICK_GOLD_SETS)], folder / path.name)
    second = read_csv(ROOT / "validation" / "cleaning_agreement" / "second_annotator.csv")
    second_path = folder.parent / f"{folder.name}_second.csv"  # outside the gold folder
    write_csv(second[second["dataset"].isin(QUICK_GOLD_SETS)], second_path)
    config = folder / "quick_gold.yaml"
    validation = {"cleaning_gold": str(folder), "cleaning_second_annotation": str(second_path)}
    config.write_text(yaml.safe_dump({"validation": validation}))
    return config


@pytest.fixture(scope="session")
def seed_run(tmp_path_factory) -> Path:
    """The pipeline's results on the seeds, made the hard way: three shards instead of the
    committed run's one, killed mid-way and restarted. Compared with the committed results/,
    this one run (the suite's slowest step) checks that the pipeline reproduces them and that
    neither a restart nor the shard count changes a byte.

    The killed run asks for the sentence table only, so the validation steps (half the run's
    time, and none of it kept when they are killed) run once, after the restart."""
    results = tmp_path_factory.mktemp("seed_run") / "results"
    cmd = [sys.executable, "-m", "snakemake", "--cores", "2", "--quiet", "--rerun-incomplete"]
    config = ["--config", f"results={results}", "shards=3"]  # after the targets: it takes a list
    first = [*cmd, str(results / "tables" / "sentences.csv"), *config]
    proc = subprocess.Popen(
        first,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    shards, deadline = results / "interim" / "clean", time.monotonic() + 300
    while not any(shards.glob("*.jsonl")) and time.monotonic() < deadline:
        time.sleep(0.1)
    os.killpg(proc.pid, signal.SIGKILL)  # the whole process group, mid-way through cleaning
    proc.wait()
    assert not (results / "tables" / "sentences.csv").exists(), "killed after the run finished"
    unlock = [sys.executable, "-m", "snakemake", "--unlock", "--config", f"results={results}"]
    subprocess.run(unlock, cwd=ROOT, capture_output=True, check=True)
    done = subprocess.run(
        [*cmd, "all", *config], cwd=ROOT, capture_output=True, text=True, timeout=1200
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return results
