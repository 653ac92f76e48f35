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
