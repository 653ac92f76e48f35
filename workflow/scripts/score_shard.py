"""score_shard: blame/support scores with evidence, plus both baselines, for one shard."""

import pickle

import pandas as pd

from culturelens.baselines import keyword_scores, vader_scores
from culturelens.io import read_csv, write_csv
from culturelens.lexicon import load_lexicon
from culturelens.scoring import score_sentences
from culturelens.segment import count_words

from _wiring import start

start(snakemake)
sentences = read_csv(snakemake.input.sentences)
texts = sentences["text"].astype(str).to_list()
lexicon = load_lexicon(snakemake.params.lexicon)
with open(snakemake.input.model, "rb") as handle:
    model = pickle.load(handle)  # written by train_scoring_model in this run
scores = pd.concat(
    [
        sentences[["doc_id", "sentence_id"]].reset_index(drop=True),
        pd.DataFrame({"n_tokens": [count_words(t) for t in texts]}),
        score_sentences(texts, lexicon=lexicon, model=model).reset_index(drop=True),
        vader_scores(texts).reset_index(drop=True),
        keyword_scores(texts, lexicon=lexicon).reset_index(drop=True),
    ],
    axis=1,
)
write_csv(scores, snakemake.output[0])
