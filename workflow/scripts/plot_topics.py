"""plot_topics: top terms per topic, the document-topic heatmap and the selection curve."""

from culturelens.io import read_csv, read_json
from culturelens.plots.common import footer_text, save_figure
from culturelens.plots.topics import plot_document_topics, plot_selection, plot_topic_terms

from _wiring import record, start

start(snakemake)
run = read_json(snakemake.input.run)
footer = footer_text(version=run["version"], run_id=run["run_id"])
out = snakemake.output
save_figure(plot_topic_terms(read_csv(snakemake.input.terms)), out[0], out[1], footer=footer)
save_figure(
    plot_document_topics(read_csv(snakemake.input.document_topics)), out[2], out[3], footer=footer
)
save_figure(plot_selection(read_csv(snakemake.input.selection)), out[4], out[5], footer=footer)
record(snakemake)
