"""BBC News benchmark: NMF at k=5 on whole articles must recover the five labelled classes.

Runs the fixed-k NMF part of ``benchmarks/bbc_topics.py``; skipped when the shared corpora
are not on this machine (they are third-party data and never copied into the repository).
"""

from __future__ import annotations

import importlib.util
import os
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _corpora() -> Path:
    override = os.environ.get("CULTURELENS_CORPORA")
    return Path(override) if override else REPO / ".." / "shared" / "corpora"


def _benchmark_module():
    spec = importlib.util.spec_from_file_location(
        "bbc_topics", REPO / "benchmarks" / "bbc_topics.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bbc():
    root = _corpora() / "bbc"
    if not (root / "labels.csv").is_file():
        pytest.skip(
            f"BBC corpus not found at {root} (set CULTURELENS_CORPORA to the corpora folder)"
        )
    bench = _benchmark_module()
    units, labels = bench.load_bbc(root)
    return bench, units, labels


def test_corpus_is_the_documented_release(bbc) -> None:
    _, units, labels = bbc
    assert len(units) == 2225
    assert labels.value_counts().to_dict() == {
        "sport": 511, "business": 510, "politics": 417, "tech": 401, "entertainment": 386,
    }  # fmt: skip


@pytest.mark.parametrize(("metric", "target"), [("nmi", 0.82), ("ari", 0.85)])
def test_nmf_k5_meets_targets(bbc, nmf_k5: dict, metric: str, target: float) -> None:
    assert nmf_k5["documents"] == 2225
    assert nmf_k5[metric] >= target, nmf_k5


def test_nmf_k5_is_fast_enough(nmf_k5: dict) -> None:
    assert nmf_k5["wall_seconds"] < 60, nmf_k5


@pytest.fixture(scope="module")
def nmf_k5(bbc) -> dict:
    bench, units, labels = bbc
    start = time.perf_counter()
    result = bench.run_fixed(units, labels, method="nmf", k=5, seed=0)
    return {**result, "wall_seconds": time.perf_counter() - start}
