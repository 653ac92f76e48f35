"""train_line_model: fit the learned cleaning pass on the hand-labelled lines, once per run."""

from culturelens.clean import load_rules
from culturelens.clean_eval import read_labelled_lines
from culturelens.clean_learn import train_line_model
from culturelens.io import atomic_open

from _wiring import start

start(snakemake)
threshold = snakemake.params.threshold
model = None
if threshold is not None:  # null in the config: rules only
    model = train_line_model(
        read_labelled_lines(snakemake.input.gold),
        rules=load_rules(snakemake.params.rules_file),
        threshold=threshold,
        seed=snakemake.params.seed,
        boilerplate_min_docs=snakemake.params.boilerplate_min_docs,
    )
with atomic_open(snakemake.output[0], "w") as handle:
    handle.write("null" if model is None else model.to_json())
