"""clean_labelled_lines: the rules' pass over the hand-labelled lines, once per run.

train_line_model and validate_cleaning both start from what the rules leave of each labelled
document; the pass is over a minute on the packaged sets, so it runs here once.
"""

import pickle

from culturelens.clean import load_rules
from culturelens.clean_eval import read_labelled_lines, rule_states
from culturelens.io import atomic_open

from _wiring import start

start(snakemake)
ruled = rule_states(
    read_labelled_lines(snakemake.input.gold),
    rules=load_rules(snakemake.params.rules_file),
    boilerplate_min_docs=snakemake.params.boilerplate_min_docs,
)
# A working file only (temp), read by this run's later jobs.
with atomic_open(snakemake.output[0], "wb") as handle:
    pickle.dump(ruled, handle, protocol=pickle.HIGHEST_PROTOCOL)
