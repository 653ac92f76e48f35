"""build_features: TF-IDF top terms and keyness from the segmented corpus."""

from culturelens.features import keyness, tfidf_top_terms
from culturelens.io import read_csv, write_csv
from culturelens.units import document_texts, near_duplicate_groups

from _wiring import record, start

start(snakemake)
docs = document_texts(read_csv(snakemake.input.sentences))
groups = near_duplicate_groups(read_csv(snakemake.input.documents))
tfidf = snakemake.params.tfidf
write_csv(
    tfidf_top_terms(docs, top_n=tfidf["top_n"], bigrams=tfidf["bigrams"]), snakemake.output.tfidf
)
key = snakemake.params.keyness
table = keyness(
    docs, groups=groups, top_n=key["top_n"], min_count=key["min_count"], bigrams=tfidf["bigrams"]
)
write_csv(table, snakemake.output.keyness)
record(snakemake)
