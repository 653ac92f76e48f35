import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor, wait
from pathlib import Path

import pytest
import yaml

from culturelens.clean import load_rules
from culturelens.clean_eval import RuledDocument, read_labelled_lines, rule_states
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
def gold_states() -> list[RuledDocument]:
    """Every hand-labelled document with what the packaged rules made of it, each cleaned alone
    (no corpus-level evidence): the rules' pass over all the labelled lines takes over a
    minute, and the tests that check each document and that train a model on them share it."""
    rules = load_rules()
    return rule_states(
        read_labelled_lines(ROOT / "validation" / "cleaning"),
        rules=rules,
        boilerplate_min_docs=None,
    )


# The seeds' pipeline run that tests compare with (see _run_seeds): its future, the process
# running now and its folder, set when collection finds a test that needs it.
_SEED_RUN: dict = {}


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start the seed run in the background as soon as the tests are collected, when any of
    them needs it: it is the suite's slowest step, and the other tests run meanwhile."""
    if session.config.option.collectonly:
        return
    if any("seed_run" in getattr(item, "fixturenames", ()) for item in session.items):
        _start_seed_run()


def _start_seed_run() -> None:
    folder = Path(tempfile.mkdtemp(prefix="culturelens-seed-run-"))
    _SEED_RUN["folder"] = folder
    _SEED_RUN["future"] = ThreadPoolExecutor(max_workers=1).submit(_run_seeds, folder / "results")


def pytest_sessionfinish(session: pytest.Session) -> None:
    proc = _SEED_RUN.get("proc")
    if proc is not None and proc.poll() is None:  # interrupted: stop the whole run
        os.killpg(proc.pid, signal.SIGKILL)
    if "future" in _SEED_RUN:
        wait([_SEED_RUN["future"]])
        shutil.rmtree(_SEED_RUN["folder"], ignore_errors=True)


def _start(cmd: list[str], *, cwd: Path) -> subprocess.Popen:
    proc = subprocess.Popen(
        cmd,
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, to kill it with its jobs
    )
    _SEED_RUN["proc"] = proc
    return proc


def _run_seeds(results: Path) -> Path:
    """The pipeline's results on the seeds, made the hard way: three shards instead of the
    committed run's one, killed mid-way and restarted. Compared with the committed results/,
    this one run checks that the pipeline reproduces them and that neither a restart nor the
    shard count changes a byte.

    The killed run asks for the sentence table only, so the validation steps (half the run's
    time, and none of it kept when they are killed) run once, after the restart.

    It runs in a working directory of its own, whose config, seeds and labelled sets are links
    to the project's (the paths the manifest records are the same): Snakemake keeps its
    lock folder in the working directory and deletes it as a run ends, so the tests that run
    the pipeline in the project meanwhile would race with it there."""
    work = results.parent / "work"
    work.mkdir()
    for name in ("config", "seeds", "validation"):
        (work / name).symlink_to(ROOT / name, target_is_directory=True)
    snakemake = [sys.executable, "-m", "snakemake", "--snakefile", str(ROOT / "Snakefile")]
    cmd = [*snakemake, "--cores", "2", "--quiet", "--rerun-incomplete"]
    config = ["--config", f"results={results}", "shards=3"]  # after the targets: it takes a list
    proc = _start([*cmd, str(results / "tables" / "sentences.csv"), *config], cwd=work)
    shards, deadline = results / "interim" / "clean", time.monotonic() + 300
    while not any(shards.glob("*.jsonl")) and time.monotonic() < deadline:
        time.sleep(0.1)
    os.killpg(proc.pid, signal.SIGKILL)  # the whole process group, mid-way through cleaning
    proc.communicate()
    assert not (results / "tables" / "sentences.csv").exists(), "killed after the run finished"
    unlock = [*snakemake, "--unlock", "--config", f"results={results}"]
    subprocess.run(unlock, cwd=work, capture_output=True, check=True)
    proc = _start([*cmd, "all", *config], cwd=work)
    _, stderr = proc.communicate(timeout=1200)
    assert proc.returncode == 0, stderr[-3000:]
    return results


@pytest.fixture(scope="session")
def seed_run() -> Path:
    """The folder of the seed run's results (waits for the background run; its error if it
    failed)."""
    if "future" not in _SEED_RUN:  # collected without it, requested after all
        _start_seed_run()
    return _SEED_RUN["future"].result()
