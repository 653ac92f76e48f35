"""merge_corpus: gather shards into documents, removed_lines and sentences tables and clean/."""

from pathlib import Path

import pandas as pd

from culturelens.dedup import near_duplicates, repeated_sentences
from culturelens.io import read_csv, read_jsonl, safe_filename, write_csv, write_text
from culturelens.segment import unify_speakers

from _wiring import record, start

start(snakemake)
cleaned = sorted(
    (d for p in snakemake.input.clean for d in read_jsonl(p)), key=lambda d: d["doc_id"]
)
texts = {d["doc_id"]: "\n\n".join(p["text"] for p in d["paragraphs"]) for d in cleaned}

out_dir = Path(snakemake.output.clean)
out_dir.mkdir(parents=True, exist_ok=True)
for doc_id, text in texts.items():
    write_text(text + "\n" if text else "", out_dir / safe_filename(doc_id))

sentences = pd.concat([read_csv(p) for p in snakemake.input.sentences], ignore_index=True)
sentences = sentences.sort_values(["doc_id", "sentence_id"], kind="stable").reset_index(drop=True)
sentences["speaker"] = unify_speakers(sentences["speaker"])
sentences["repeat_of"] = repeated_sentences(sentences)
write_csv(sentences, snakemake.output.sentences)

removed = pd.DataFrame(
    [{"doc_id": d["doc_id"], **r} for d in cleaned for r in d["removed"]],
    columns=["doc_id", "line_no", "rule", "text"],
).sort_values(["doc_id", "line_no"], kind="stable")
write_csv(removed, snakemake.output.removed)

duplicate_of = near_duplicates(texts, threshold=snakemake.params.near_duplicate_threshold)
per_doc = pd.DataFrame(
    [
        {
            "doc_id": d["doc_id"],
            "title": d["title"] or "",
            "date": d["date"] or "",
            "n_lines": d["n_lines"],
            "n_removed_lines": len(d["removed"]),
            "n_paragraphs": len(d["paragraphs"]),
            "clean_file": f"clean/{safe_filename(d['doc_id'])}",
            "near_duplicate_of": duplicate_of.get(d["doc_id"]) or "",
        }
        for d in cleaned
    ]
)
documents = read_csv(snakemake.input.documents).merge(per_doc, on="doc_id", how="left")
counts = ["n_lines", "n_removed_lines", "n_paragraphs"]  # skipped documents have none
documents[counts] = documents[counts].fillna(0).astype(int)
documents = documents.fillna("")
documents["n_sentences"] = (
    documents["doc_id"].map(sentences.groupby("doc_id").size()).fillna(0).astype(int)
)
write_csv(documents.sort_values("doc_id", kind="stable"), snakemake.output.documents)
record(snakemake)
