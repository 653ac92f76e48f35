"""plot_scores: per-document bars, the sentence strip and the validation confusion matrices."""

from culturelens.io import read_csv, read_json
from culturelens.plots.common import footer_text, save_figure
from culturelens.plots.scores import plot_confusion, plot_document_scores, plot_sentence_strip

from _wiring import record, start

start(snakemake)
run = read_json(snakemake.input.run)
footer = footer_text(version=run["version"], run_id=run["run_id"])
out = snakemake.output
save_figure(
    plot_document_scores(read_csv(snakemake.input.documents)), out[0], out[1], footer=footer
)
save_figure(plot_sentence_strip(read_csv(snakemake.input.sentences)), out[2], out[3], footer=footer)
save_figure(plot_confusion(read_csv(snakemake.input.predictions)), out[4], out[5], footer=footer)
record(snakemake)
