"""validate_cleaning: per-kind recall and content precision on the hand-labelled line sets.

Two methods: the rules alone, and the rules plus the learned pass, each set scored by a model
trained on sets in other folds (ten folds of sets), so no set grades a model that saw it.
"""

from culturelens.clean import load_rules
from culturelens.clean_eval import read_labelled_lines
from culturelens.clean_learn import evaluate_methods
from culturelens.io import write_csv

from _wiring import record, start

start(snakemake)
lines = read_labelled_lines(snakemake.input.gold)
rules = load_rules(snakemake.params.rules_file)
table = evaluate_methods(
    lines,
    rules=rules,
    threshold=snakemake.params.threshold,
    seed=snakemake.params.seed,
    boilerplate_min_docs=snakemake.params.boilerplate_min_docs,
)
columns = ["dataset", "method", "metric", "kind", "value", "n"]
table = table[columns].sort_values(columns[:4], kind="stable").reset_index(drop=True)
write_csv(table, snakemake.output.table)
record(snakemake)
