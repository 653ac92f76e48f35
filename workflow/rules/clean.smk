# Clean: strip scraped artefacts line by line, keeping an audit trail of every removal.


rule clean_shard:
    input:
        f"{INTERIM}/ingest/{{scatteritem}}.jsonl",
    output:
        temp(f"{INTERIM}/clean/{{scatteritem}}.jsonl"),
    log:
        "logs/clean_shard/{scatteritem}.log",
    conda:
        "../envs/culturelens.yaml"
    params:
        rules_file=config["cleaning"]["rules_file"],
    script:
        "../scripts/clean_shard.py"
