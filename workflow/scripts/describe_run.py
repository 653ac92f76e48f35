"""describe_run: the run identity (version, run id, fingerprints) for figures and the manifest."""

from culturelens.ingest import corpus_fingerprint
from culturelens.io import read_csv, write_json
from culturelens.lexicon import load_lexicon
from culturelens.manifest import run_section

from _wiring import start

start(snakemake)
docs = read_csv(snakemake.input.documents)
lexicon = load_lexicon(snakemake.params.config["scoring"]["lexicon"])
run = run_section(
    config=snakemake.params.config,
    code=snakemake.params.code,
    corpus=corpus_fingerprint(docs[["doc_id", "sha256", "status"]].itertuples(index=False)),
    lexicon={"version": lexicon.version, "sha256": lexicon.sha256},
)
write_json(run, snakemake.output[0])
