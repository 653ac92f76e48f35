"""validate_cleaning: how well the cleaner does on the hand-labelled line sets.

Two tables from one set of fold models (ten folds of sets, each scored by a model trained on
the others, so no set grades a model that saw it): per-kind recall and content precision of
the rules alone and of the rules plus the learned pass at the configured threshold; and what
each threshold of the learned pass trades, pooled over every labelled line.
"""

from culturelens.clean import load_rules
from culturelens.clean_eval import read_labelled_lines
from culturelens.clean_learn import THRESHOLD_GRID, validation_tables
from culturelens.io import write_csv

from _wiring import record, start

start(snakemake)
table, thresholds = validation_tables(
    read_labelled_lines(snakemake.input.gold),
    rules=load_rules(snakemake.params.rules_file),
    threshold=snakemake.params.threshold,
    thresholds=THRESHOLD_GRID,
    seed=snakemake.params.seed,
    boilerplate_min_docs=snakemake.params.boilerplate_min_docs,
)
columns = ["dataset", "method", "metric", "kind", "value", "n"]
table = table[columns].sort_values(columns[:4], kind="stable").reset_index(drop=True)
write_csv(table, snakemake.output.table)
write_csv(thresholds, snakemake.output.thresholds)
record(snakemake)
