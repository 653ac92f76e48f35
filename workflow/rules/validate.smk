# Validate: the cleaner and the scorer against hand-labelled data.


rule validate_cleaning:
    input:
        gold=config["validation"]["cleaning_gold"],  # read through states; in the manifest
        states=f"{INTERIM}/labelled_states.pickle",
    output:
        table=report(
            f"{R}/tables/cleaning_validation.csv",
            caption="../report/cleaning_validation.rst",
            category="5. Validation",
            subcategory="Tables",
            labels={"name": "cleaning_validation", "type": "table"},
        ),
        thresholds=report(
            f"{R}/tables/cleaning_thresholds.csv",
            caption="../report/cleaning_thresholds.rst",
            category="5. Validation",
            subcategory="Tables",
            labels={"name": "cleaning_thresholds", "type": "table"},
        ),
        provenance=provenance("validate_cleaning"),
    log:
        "logs/validate_cleaning.log",
    conda:
        "../envs/culturelens.yaml"
    threads: 10  # one per fold at most; Snakemake gives no more than --cores
    params:
        rules_file=config["cleaning"]["rules_file"],
        threshold=config["cleaning"]["learned_threshold"],
        seed=config["seed"],
        # recorded in the manifest: it shaped the states
        boilerplate_min_docs=config["cleaning"]["boilerplate_min_docs"],
    script:
        "../scripts/validate_cleaning.py"


rule cleaning_agreement:
    input:
        gold=config["validation"]["cleaning_gold"],
        second=config["validation"]["cleaning_second_annotation"] or [],
    output:
        table=report(
            f"{R}/tables/cleaning_agreement.csv",
            caption="../report/cleaning_agreement.rst",
            category="5. Validation",
            subcategory="Tables",
            labels={"name": "cleaning_agreement", "type": "table"},
        ),
        provenance=provenance("cleaning_agreement"),
    log:
        "logs/cleaning_agreement.log",
    conda:
        "../envs/culturelens.yaml"
    params:
        seed=config["seed"],
    script:
        "../scripts/cleaning_agreement.py"


rule validate_scoring:
    input:
        model=f"{INTERIM}/scoring_model.pickle",
        gold=config["validation"]["scoring_gold"],
    output:
        table=report(
            f"{R}/tables/scoring_validation.csv",
            caption="../report/scoring_validation.rst",
            category="5. Validation",
            subcategory="Tables",
            labels={"name": "scoring_validation", "type": "table"},
        ),
        predictions=report(
            f"{R}/tables/scoring_validation_predictions.csv",
            caption="../report/scoring_validation_predictions.rst",
            category="5. Validation",
            subcategory="Tables",
            labels={"name": "scoring_validation_predictions", "type": "table"},
        ),
        provenance=provenance("validate_scoring"),
    log:
        "logs/validate_scoring.log",
    conda:
        "../envs/culturelens.yaml"
    params:
        lexicon=config["scoring"]["lexicon"],
    script:
        "../scripts/validate_scoring.py"
