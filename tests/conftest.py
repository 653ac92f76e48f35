from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def schema() -> dict:
    return yaml.safe_load((ROOT / "workflow/schemas/config.schema.yaml").read_text())


@pytest.fixture(scope="session")
def default_config() -> dict:
    return yaml.safe_load((ROOT / "config/config.yaml").read_text())
