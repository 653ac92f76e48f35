"""write_datapackage: datapackage.json describing every table (schema, units, sha256)."""

from pathlib import Path

from culturelens.datapackage import build_datapackage
from culturelens.io import write_json

from _wiring import record, run_info, start

start(snakemake)
out = Path(snakemake.output.package)
tables = {name: snakemake.input[name] for name in snakemake.params.tables}
write_json(build_datapackage(tables, results=out.parent, run=run_info(snakemake.input.run)), out)
record(snakemake)
