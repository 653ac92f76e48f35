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
    """A --configfile pointing validation.cleaning_gold at three small labelled sets."""
    folder = tmp_path_factory.mktemp("quick_gold")
    for path in sorted((ROOT / "validation" / "cleaning").glob("*.csv")):
        lines = read_csv(path)
        write_csv(lines[lines["dataset"].isin(QUICK_GOLD_SETS)], folder / path.name)
    config = folder / "quick_gold.yaml"
    config.write_text(yaml.safe_dump({"validation": {"cleaning_gold": str(folder)}}))
    return config
