"""validate_scoring: the method and both baselines against every hand-coded gold file."""

import pickle
from pathlib import Path

import pandas as pd

from culturelens.io import read_csv, write_csv
from culturelens.lexicon import load_lexicon
from culturelens.validation import evaluate_scoring, predict_gold

from _wiring import record, start


def read_gold(path: str) -> pd.DataFrame:
    """One gold file; its ``dataset`` column, else its file name, names the dataset."""
    gold = read_csv(path)
    if "dataset" not in gold.columns:
        gold = gold.assign(dataset=Path(path).stem.removesuffix("_sentences"))
    return gold[["dataset", "text", "blame", "support"]]


start(snakemake)
lexicon = load_lexicon(snakemake.params.lexicon)
with open(snakemake.input.model, "rb") as handle:
    model = pickle.load(handle)  # written by train_scoring_model in this run
gold = pd.concat([read_gold(p) for p in snakemake.input.gold], ignore_index=True)
predictions = predict_gold(gold, lexicon=lexicon, model=model)
write_csv(predictions, snakemake.output.predictions)
write_csv(evaluate_scoring(predictions), snakemake.output.table)
record(snakemake, unrecorded=("model",))
