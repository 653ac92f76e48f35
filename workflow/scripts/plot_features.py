"""plot_features: TF-IDF top terms and keyness figures."""

from culturelens.io import read_csv, read_json
from culturelens.plots.common import footer_text, save_figure
from culturelens.plots.features import plot_keyness, plot_tfidf

from _wiring import record, start

start(snakemake)
run = read_json(snakemake.input.run)
footer = footer_text(version=run["version"], run_id=run["run_id"])
out = snakemake.output
save_figure(plot_tfidf(read_csv(snakemake.input.tfidf)), out[0], out[1], footer=footer)
save_figure(plot_keyness(read_csv(snakemake.input.keyness)), out[2], out[3], footer=footer)
record(snakemake)
