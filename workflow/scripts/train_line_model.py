"""train_line_model: fit the learned cleaning pass on the hand-labelled lines, once per run."""

import pickle

from culturelens.clean_learn import train_from_states
from culturelens.io import atomic_open

from _wiring import start

start(snakemake)
threshold = snakemake.params.threshold
model = None
if threshold is not None:  # null in the config: rules only
    with open(snakemake.input.states, "rb") as handle:
        ruled = pickle.load(handle)  # written by clean_labelled_lines in this run
    model = train_from_states(ruled, threshold=threshold, seed=snakemake.params.seed)
with atomic_open(snakemake.output[0], "w") as handle:
    handle.write("null" if model is None else model.to_json())
