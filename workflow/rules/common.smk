# Configuration checks and path helpers shared by every stage.
import os
import platform
import sys
from pathlib import Path

import yaml

from culturelens.blas import pin_blas_kernels
from culturelens.clean import load_rules
from culturelens.config import ConfigError, validate_config
from culturelens.lexicon import load_lexicon
from culturelens.manifest import code_fingerprint

# Every job inherits one set of BLAS kernels, whatever the CPU, so that results/ are the
# same bytes on every machine (see culturelens.blas); the fits that depend on it hold BLAS at
# one thread whatever the job's threads (culturelens.clean_learn, culturelens.topics).
pin_blas_kernels(os.environ, machine=platform.machine())

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

try:
    # Checked before anything runs so that a bad path or file gives one line, not a failed job.
    Path(config["results"]).mkdir(parents=True, exist_ok=True)
    Path(config["results"], ".write-test").touch()
    Path(config["results"], ".write-test").unlink()
except OSError as err:
    sys.exit(
        f"culturelens: results folder '{config['results']}' is not writable ({err.strerror}); "
        "set --config results=DIR to a folder you can write"
    )
try:
    load_lexicon(config["scoring"]["lexicon"])
    load_rules(config["cleaning"]["rules_file"])
except (OSError, ValueError) as err:
    sys.exit(f"culturelens: {err}")

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
    "cleaning_agreement",
    "validate_scoring",
    "plot_features",
    "plot_topics",
    "plot_scores",
    "build_viewer",
    "write_datapackage",
]
