# Segment: sentences with quote and speaker fields, per shard; then the corpus tables.


rule segment_shard:
    input:
        f"{INTERIM}/clean/{{scatteritem}}.jsonl",
    output:
        temp(f"{INTERIM}/sentences/{{scatteritem}}.csv"),
    log:
        "logs/segment_shard/{scatteritem}.log",
    conda:
        "../envs/culturelens.yaml"
    script:
        "../scripts/segment_shard.py"


rule merge_corpus:
    input:
        documents=f"{INTERIM}/ingest/documents.csv",
        clean=gather.shard(f"{INTERIM}/clean/{{scatteritem}}.jsonl"),
        sentences=gather.shard(f"{INTERIM}/sentences/{{scatteritem}}.csv"),
    output:
        documents=report(
            f"{R}/tables/documents.csv",
            caption="../report/documents.rst",
            category="1. Corpus and cleaning",
            subcategory="Tables",
            labels={"name": "documents", "type": "table"},
        ),
        removed=report(
            f"{R}/tables/removed_lines.csv",
            caption="../report/removed_lines.rst",
            category="1. Corpus and cleaning",
            subcategory="Tables",
            labels={"name": "removed_lines", "type": "table"},
        ),
        sentences=report(
            f"{R}/tables/sentences.csv",
            caption="../report/sentences.rst",
            category="1. Corpus and cleaning",
            subcategory="Tables",
            labels={"name": "sentences", "type": "table"},
        ),
        clean=directory(f"{R}/clean"),
        provenance=provenance("merge_corpus"),
    log:
        "logs/merge_corpus.log",
    conda:
        "../envs/culturelens.yaml"
    params:
        near_duplicate_threshold=config["cleaning"]["near_duplicate_threshold"],
    script:
        "../scripts/merge_corpus.py"
