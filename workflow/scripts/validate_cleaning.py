"""validate_cleaning: per-kind recall and content precision on the hand-labelled line sets."""

from pathlib import Path

import pandas as pd

from culturelens.clean import evaluate_cleaning, load_rules
from culturelens.io import read_csv, write_csv

from _wiring import record, start

start(snakemake)
lines = pd.concat(
    [read_csv(p) for p in sorted(Path(snakemake.input.gold).glob("*.csv"))], ignore_index=True
)
table = evaluate_cleaning(lines, rules=load_rules(snakemake.params.rules_file))
write_csv(table, snakemake.output.table)
record(snakemake)
