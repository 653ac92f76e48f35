"""find_boilerplate: short lines that recur across unrelated documents of the corpus."""

from culturelens.dedup import recurring_lines
from culturelens.io import read_jsonl, write_json

from _wiring import start

log = start(snakemake)
min_docs = snakemake.params.min_docs
texts = {d["doc_id"]: d["text"] for path in snakemake.input for d in read_jsonl(path)}
found = sorted(recurring_lines(texts, min_docs=min_docs)) if min_docs else []
log.info("%d recurring line fingerprints (min_docs=%s)", len(found), min_docs)
write_json(found, snakemake.output[0])
