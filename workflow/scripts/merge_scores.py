"""merge_scores: sentence, document and speaker scores for the whole corpus."""

import pandas as pd

from culturelens.aggregate import document_scores, speaker_scores
from culturelens.io import read_csv, write_csv

from _wiring import record, start

start(snakemake)
sentences = read_csv(snakemake.input.sentences)
scores = pd.concat([read_csv(p) for p in snakemake.input.scores], ignore_index=True)
context = sentences[["sentence_id", "text", "is_quote", "speaker", "repeat_of"]]
table = scores.merge(context, on="sentence_id", how="left", validate="one_to_one")
first = ["doc_id", "sentence_id", "text"]
table = table[first + [c for c in table.columns if c not in first]]
table = table.sort_values(["doc_id", "sentence_id"], kind="stable").reset_index(drop=True)
write_csv(table, snakemake.output.sentences)
write_csv(
    document_scores(table, n_boot=snakemake.params.bootstrap, seed=snakemake.params.seed),
    snakemake.output.documents,
)
write_csv(speaker_scores(table), snakemake.output.speakers)
record(snakemake)
