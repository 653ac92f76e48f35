"""write_manifest: every artefact with its hash, producing rule, inputs and params."""

from culturelens.io import read_json, write_json
from culturelens.manifest import build_manifest

from _wiring import start

start(snakemake)
records = [read_json(p) for p in snakemake.input.records]
for rec in records:  # interim files are working state, not artefacts
    rec["outputs"] = [o for o in rec["outputs"] if not o["path"].startswith("interim/")]
write_json(build_manifest(read_json(snakemake.input.run), records), snakemake.output[0])
