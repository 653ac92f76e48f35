"""fit_topics: NMF and LDA with k chosen by coherence and stability."""

from culturelens.io import read_csv, write_csv
from culturelens.topics import fit_topics
from culturelens.units import topic_units

from _wiring import record, start

start(snakemake)
opts = snakemake.params.topics
result = fit_topics(
    topic_units(read_csv(snakemake.input.sentences), unit=opts["unit"]),
    methods=opts["methods"],
    k=opts["k"],
    k_min=opts["k_min"],
    k_max=opts["k_max"],
    restarts=opts["restarts"],
    top_n=opts["top_n"],
    seed=snakemake.params.seed,
)
write_csv(result.selection, snakemake.output.selection)
write_csv(
    result.terms.merge(result.topic_stability, on=["method", "topic"], how="left"),
    snakemake.output.terms,
)
write_csv(result.document_topics, snakemake.output.document_topics)
record(snakemake)
