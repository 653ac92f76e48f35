"""cleaning_thresholds: what each threshold of the learned pass trades, on the labelled lines.

Every line is scored by the model of the fold (of ten) that did not see its set, at each
threshold of the grid and the configured one; the rows pool all labelled sets.
"""

from culturelens.clean import load_rules
from culturelens.clean_eval import read_labelled_lines
from culturelens.clean_learn import THRESHOLD_GRID, evaluate_thresholds
from culturelens.io import write_csv

from _wiring import record, start

start(snakemake)
configured = snakemake.params.threshold
table = evaluate_thresholds(
    read_labelled_lines(snakemake.input.gold),
    rules=load_rules(snakemake.params.rules_file),
    thresholds=[*THRESHOLD_GRID, *([configured] if configured is not None else [])],
    seed=snakemake.params.seed,
    boilerplate_min_docs=snakemake.params.boilerplate_min_docs,
)
write_csv(table, snakemake.output.table)
record(snakemake)
