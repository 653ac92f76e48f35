"""write_datapackage: datapackage.json describing every table (schema, units, sha256)."""

from pathlib import Path

from culturelens.datapackage import build_datapackage
from culturelens.io import read_json, write_json

from _wiring import record, start

start(snakemake)
out = Path(snakemake.output.package)
tables = {name: snakemake.input[name] for name in snakemake.params.tables}
write_json(build_datapackage(tables, results=out.parent, run=read_json(snakemake.input.run)), out)
record(snakemake)
