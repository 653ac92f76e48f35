# Validate: the cleaner and the scorer against hand-labelled data.


rule validate_cleaning:
    input:
        gold=config["validation"]["cleaning_gold"],
    output:
        table=f"{R}/tables/cleaning_validation.csv",
        provenance=provenance("validate_cleaning"),
    log:
        "logs/validate_cleaning.log",
    conda:
        "../envs/culturelens.yaml"
    params:
        rules_file=config["cleaning"]["rules_file"],
    script:
        "../scripts/validate_cleaning.py"


rule validate_scoring:
    input:
        gold=config["validation"]["scoring_gold"],
    output:
        table=f"{R}/tables/scoring_validation.csv",
        predictions=f"{R}/tables/scoring_validation_predictions.csv",
        provenance=provenance("validate_scoring"),
    log:
        "logs/validate_scoring.log",
    conda:
        "../envs/culturelens.yaml"
    params:
        lexicon=config["scoring"]["lexicon"],
        seed=config["seed"],
    script:
        "../scripts/validate_scoring.py"
