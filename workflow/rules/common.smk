# Configuration checks and path helpers shared by every stage.
import sys
from pathlib import Path

import yaml

from culturelens.config import ConfigError, validate_config
from culturelens.manifest import code_fingerprint

_SCHEMA = Path(workflow.current_basedir, "..", "schemas", "config.schema.yaml")
try:
    config.update(validate_config(config, yaml.safe_load(_SCHEMA.read_text())))
except ConfigError as err:
    # One line, no traceback: the message names the key and the fix.
    sys.exit(f"culturelens: {err}")

if not Path(config["corpus"]).exists():
    sys.exit(
        f"culturelens: corpus '{config['corpus']}' does not exist; "
        "set --config corpus=FOLDER_OR_TABLE (a folder of .txt files or a .csv/.jsonl/.parquet file)"
    )

R = config["results"]
INTERIM = f"{R}/interim"
CODE_FINGERPRINT = code_fingerprint(workflow_root=workflow.basedir)


def provenance(rule_name):
    """The record a rule leaves for write_manifest (see culturelens.manifest); deleted after use."""
    return temp(f"{INTERIM}/provenance/{rule_name}.json")


# Rules whose outputs are artefacts listed in manifest.json.
ARTEFACT_RULES = [
    "merge_corpus",
    "build_features",
    "fit_topics",
    "merge_scores",
    "validate_cleaning",
    "validate_scoring",
    "plot_features",
    "plot_topics",
    "plot_scores",
]
