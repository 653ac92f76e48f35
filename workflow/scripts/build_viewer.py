"""build_viewer: the annotated corpus viewer, one static HTML page."""

from culturelens.io import read_csv, read_json, write_text
from culturelens.viewer import render_viewer

from _wiring import record, start

start(snakemake)
inp = snakemake.input
# paragraph_id, and line_no (a paragraph's raw line) when segmenting records it, come from
# sentences.csv: with them the removed lines are drawn where they were in the raw text.
sentences = read_csv(inp.sentences)
context = [c for c in ("sentence_id", "paragraph_id", "line_no") if c in sentences.columns]
scores = read_csv(inp.sentence_scores)
scores = scores.drop(columns=[c for c in context[1:] if c in scores.columns])
scores = scores.merge(sentences[context], on="sentence_id", how="left", validate="one_to_one")
page = render_viewer(
    read_csv(inp.documents),
    scores,
    read_csv(inp.removed_lines),
    run=read_json(inp.run),
    document_scores=read_csv(inp.document_scores),
)
write_text(page, snakemake.output[0])
record(snakemake)
