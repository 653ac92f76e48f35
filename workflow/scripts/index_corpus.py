"""index_corpus: read and decode the corpus, write documents.csv and one JSONL per shard."""

import sys

import pandas as pd

from culturelens.ingest import CorpusError, read_corpus, shard_of
from culturelens.io import write_csv, write_jsonl

from _wiring import start

log = start(snakemake)
try:
    docs = read_corpus(
        snakemake.input[0],
        id_column=snakemake.params.id_column,
        text_column=snakemake.params.text_column,
    )
except CorpusError as err:
    sys.exit(f"culturelens: {err}")

shards = [o for o in snakemake.output if o != snakemake.output.documents]
buckets = {i: [] for i in range(1, len(shards) + 1)}
for doc in docs:
    if doc.status == "ok":
        buckets[shard_of(doc.doc_id, n_shards=len(shards))].append(
            {"doc_id": doc.doc_id, "text": doc.text}
        )
for i, path in enumerate(shards, start=1):  # scatter items are "1-of-N", "2-of-N", ... in order
    write_jsonl(buckets[i], path)

table = pd.DataFrame([{k: v for k, v in vars(d).items() if k != "text"} for d in docs])
write_csv(table, snakemake.output.documents)
log.info("%d entries, %d usable", len(docs), sum(d.status == "ok" for d in docs))
