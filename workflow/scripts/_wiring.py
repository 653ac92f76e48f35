"""Shared by the rule scripts: logging to the rule's log file and the manifest record.

Snakemake puts this folder on ``sys.path`` when it runs a script, so scripts import it
as ``_wiring``. Only wiring lives here; analysis lives in the culturelens package.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from culturelens.io import write_json
from culturelens.manifest import rule_record


def start(smk: Any) -> logging.Logger:
    """Send log records to the rule's log file.

    (BLAS threads are pinned where it matters, inside ``culturelens.topics.fit_topics`` and
    the cleaner's fits in ``culturelens.clean_learn``: environment variables set here would
    come after numpy has started its thread pool.)
    """
    if smk.log:
        Path(smk.log[0]).parent.mkdir(parents=True, exist_ok=True)
        logging.basicConfig(
            filename=smk.log[0],
            filemode="w",
            level=logging.INFO,
            format="%(levelname)s %(name)s: %(message)s",
        )
    return logging.getLogger(smk.rule)


def record(smk: Any, *, unrecorded: tuple[str, ...] = ()) -> None:
    """Write the rule's provenance record (its declared inputs, outputs and params).

    ``unrecorded`` names inputs whose bytes are not reproducible (a pickled model): what
    made them (lexicon, seed, training data) is already in the run's fingerprints.
    """
    sidecar = Path(smk.output.provenance)
    results = sidecar.parents[2]  # <results>/interim/provenance/<rule>.json
    skip = {str(p) for name in unrecorded for p in [smk.input[name]]}
    inputs = [i for i in smk.input if i not in skip]
    outputs = [o for o in smk.output if o != smk.output.provenance]
    params = dict(smk.params.items())
    write_json(
        rule_record(rule=smk.rule, inputs=inputs, outputs=outputs, params=params, results=results),
        sidecar,
    )
