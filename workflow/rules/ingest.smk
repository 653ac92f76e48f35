# Ingest: list and decode the corpus once, then split it into shards for per-document steps.


rule index_corpus:
    input:
        config["corpus"],
    output:
        temp(scatter.shard(f"{INTERIM}/ingest/{{scatteritem}}.jsonl")),
        documents=temp(f"{INTERIM}/ingest/documents.csv"),
    log:
        "logs/index_corpus.log",
    conda:
        "../envs/culturelens.yaml"
    params:
        id_column=config["corpus_columns"]["id"],
        text_column=config["corpus_columns"]["text"],
    script:
        "../scripts/index_corpus.py"


rule describe_run:
    input:
        documents=f"{INTERIM}/ingest/documents.csv",
    output:
        temp(f"{INTERIM}/run.json"),
    log:
        "logs/describe_run.log",
    conda:
        "../envs/culturelens.yaml"
    params:
        config=config,
        code=CODE_FINGERPRINT,
    script:
        "../scripts/describe_run.py"
