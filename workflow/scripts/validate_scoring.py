"""validate_scoring: the method and both baselines against hand-coded sentences."""

from _wiring import record, start

from culturelens.io import read_csv, write_csv
from culturelens.lexicon import load_lexicon
from culturelens.model import train_model
from culturelens.validation import evaluate_scoring, predict_gold

start(snakemake)
lexicon = load_lexicon(snakemake.params.lexicon)
model = train_model(lexicon=lexicon, seed=snakemake.params.seed)
predictions = predict_gold(read_csv(snakemake.input.gold), lexicon=lexicon, model=model)
write_csv(predictions, snakemake.output.predictions)
write_csv(evaluate_scoring(predictions), snakemake.output.table)
record(snakemake)
