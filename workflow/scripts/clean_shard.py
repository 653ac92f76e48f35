"""clean_shard: strip artefacts from each document of one shard, keeping every removed line."""

from dataclasses import asdict
from pathlib import Path

from culturelens.clean import clean_document, load_rules
from culturelens.io import read_json, read_jsonl, write_jsonl
from culturelens.line_model import LineModel

from _wiring import start

start(snakemake)
rules = load_rules(snakemake.params.rules_file)
boilerplate = frozenset(read_json(snakemake.input.boilerplate))
model_json = Path(snakemake.input.line_model).read_text(encoding="utf-8")
line_model = None if model_json == "null" else LineModel.from_json(model_json)
records = []
for doc in read_jsonl(snakemake.input.text):
    cleaned = clean_document(
        doc["text"], rules=rules, boilerplate=boilerplate, line_model=line_model
    )
    records.append(
        {
            "doc_id": doc["doc_id"],
            "title": cleaned.title,
            "date": cleaned.date,
            "n_lines": cleaned.n_lines,
            "paragraphs": [asdict(p) for p in cleaned.paragraphs],
            "removed": [asdict(r) for r in cleaned.removed],
        }
    )
write_jsonl(records, snakemake.output[0])
