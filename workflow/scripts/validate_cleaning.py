"""validate_cleaning: how well the cleaner does on the hand-labelled line sets.

Two tables from one set of fold models (ten folds of sets, each scored by a model trained on
the others, so no set grades a model that saw it): per-kind recall and content precision of
the rules alone and of the rules plus the learned pass at the configured threshold; and what
each threshold of the learned pass trades, pooled over every labelled line. The folds are
fitted in the job's threads; the tables do not depend on their number.
"""

import pickle

from culturelens.clean import load_rules
from culturelens.clean_learn import THRESHOLD_GRID, validation_tables_from_states
from culturelens.io import write_csv

from _wiring import record, start

start(snakemake)
with open(snakemake.input.states, "rb") as handle:
    ruled = pickle.load(handle)  # written by clean_labelled_lines in this run
table, thresholds = validation_tables_from_states(
    ruled,
    rules=load_rules(snakemake.params.rules_file),
    threshold=snakemake.params.threshold,
    thresholds=THRESHOLD_GRID,
    seed=snakemake.params.seed,
    workers=snakemake.threads,
)
columns = ["dataset", "method", "metric", "kind", "value", "n"]
table = table[columns].sort_values(columns[:4], kind="stable").reset_index(drop=True)
write_csv(table, snakemake.output.table)
write_csv(thresholds, snakemake.output.thresholds)
# The pickled states' bytes are not reproducible (sets); the labelled lines, rules and
# boilerplate_min_docs that made them are recorded.
record(snakemake, unrecorded=("states",))
