"""The reading notebooks: stored without outputs, and they run against the committed results."""

from __future__ import annotations

import os
import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
NAMES = ["01-corpus-and-cleaning", "02-themes", "03-blame-and-support"]
RE_RECOMPUTE = re.compile(
    r"\b(?:import sklearn|from sklearn|culturelens\.(?:scoring|topics|features|clean|aggregate))\b"
)


def _read(name: str) -> nbformat.NotebookNode:
    return nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)


def test_notebook_set_is_complete():
    assert sorted(p.stem for p in NOTEBOOKS.glob("*.ipynb")) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_stored_without_outputs_with_python3_kernel(name):
    nb = _read(name)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code, "a notebook with no code"
    assert all(c.outputs == [] and c.execution_count is None for c in code), (
        "clear outputs before committing"
    )


@pytest.mark.parametrize("name", NAMES)
def test_only_reads_results_and_cites(name):
    source = "\n".join(c.source for c in _read(name).cells if c.cell_type == "code")
    assert "load_results(" in source and "res.cite(" in source
    assert not RE_RECOMPUTE.search(source), "notebooks read results/; they do not recompute"
    assert "/work/" not in source


@pytest.mark.parametrize("name", NAMES)
def test_notebook_runs_against_committed_results(name, tmp_path):
    if not (ROOT / "results" / "manifest.json").is_file():
        pytest.skip(
            "results/manifest.json is absent: run snakemake to build the committed results first"
        )
    from nbclient import NotebookClient

    nb = _read(name)
    env_before = os.environ.pop("CULTURELENS_RESULTS", None)  # the committed results, nothing else
    try:
        NotebookClient(
            nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}
        ).execute()
    finally:
        if env_before is not None:
            os.environ["CULTURELENS_RESULTS"] = env_before
    errors = [
        o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"
    ]
    assert errors == []
    text = "".join(
        o.get("text", "")
        for c in nb.cells
        for o in c.get("outputs", [])
        if o.output_type == "stream"
    )
    assert "sha256:" in text  # citations were printed
