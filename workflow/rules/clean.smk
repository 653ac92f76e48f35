# Clean: strip scraped artefacts line by line, keeping an audit trail of every removal.


rule find_boilerplate:
    input:
        gather.shard(f"{INTERIM}/ingest/{{scatteritem}}.jsonl"),
    output:
        temp(f"{INTERIM}/boilerplate.json"),
    log:
        "logs/find_boilerplate.log",
    conda:
        "../envs/culturelens.yaml"
    params:
        min_docs=config["cleaning"]["boilerplate_min_docs"],
    script:
        "../scripts/find_boilerplate.py"


# The rules' pass over the labelled lines, which train_line_model and validate_cleaning share.
rule clean_labelled_lines:
    input:
        gold=config["validation"]["cleaning_gold"],
    output:
        temp(f"{INTERIM}/labelled_states.pickle"),
    log:
        "logs/clean_labelled_lines.log",
    conda:
        "../envs/culturelens.yaml"
    params:
        rules_file=config["cleaning"]["rules_file"],
        boilerplate_min_docs=config["cleaning"]["boilerplate_min_docs"],
    script:
        "../scripts/clean_labelled_lines.py"


rule train_line_model:
    input:
        states=f"{INTERIM}/labelled_states.pickle",
    output:
        temp(f"{INTERIM}/line_model.json"),
    log:
        "logs/train_line_model.log",
    conda:
        "../envs/culturelens.yaml"
    params:
        threshold=config["cleaning"]["learned_threshold"],
        seed=config["seed"],
    script:
        "../scripts/train_line_model.py"


rule clean_shard:
    input:
        text=f"{INTERIM}/ingest/{{scatteritem}}.jsonl",
        boilerplate=f"{INTERIM}/boilerplate.json",
        line_model=f"{INTERIM}/line_model.json",
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
