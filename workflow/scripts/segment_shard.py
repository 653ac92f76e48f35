"""segment_shard: sentences, quotes and speakers for each cleaned document of one shard."""

import pandas as pd

from culturelens.io import read_jsonl, write_csv
from culturelens.segment import SENTENCE_COLUMNS, sentence_table

from _wiring import start

start(snakemake)
tables = [
    sentence_table(
        doc["doc_id"],
        [(p["kind"], p["text"]) for p in doc["paragraphs"]],
        line_nos=[p["line_no"] for p in doc["paragraphs"]],
    )
    for doc in read_jsonl(snakemake.input[0])
]
write_csv(
    pd.concat(tables) if tables else pd.DataFrame(columns=SENTENCE_COLUMNS), snakemake.output[0]
)
