# Score: blame and support per sentence (per shard), then documents and speakers.


rule train_scoring_model:
    output:
        temp(f"{INTERIM}/scoring_model.pickle"),
    log:
        "logs/train_scoring_model.log",
    conda:
        "../envs/culturelens.yaml"
    params:
        lexicon=config["scoring"]["lexicon"],
        seed=config["seed"],
    script:
        "../scripts/train_scoring_model.py"


rule score_shard:
    input:
        sentences=f"{INTERIM}/sentences/{{scatteritem}}.csv",
        model=f"{INTERIM}/scoring_model.pickle",
    output:
        temp(f"{INTERIM}/scores/{{scatteritem}}.csv"),
    log:
        "logs/score_shard/{scatteritem}.log",
    conda:
        "../envs/culturelens.yaml"
    params:
        lexicon=config["scoring"]["lexicon"],
    script:
        "../scripts/score_shard.py"


rule merge_scores:
    input:
        scores=gather.shard(f"{INTERIM}/scores/{{scatteritem}}.csv"),
        sentences=f"{R}/tables/sentences.csv",
    output:
        sentences=report(
            f"{R}/tables/sentence_scores.csv",
            caption="../report/sentence_scores.rst",
            category="4. Scores",
            subcategory="Tables",
            labels={"name": "sentence_scores", "type": "table"},
        ),
        documents=report(
            f"{R}/tables/document_scores.csv",
            caption="../report/document_scores.rst",
            category="4. Scores",
            subcategory="Tables",
            labels={"name": "document_scores", "type": "table"},
        ),
        speakers=report(
            f"{R}/tables/speaker_scores.csv",
            caption="../report/speaker_scores.rst",
            category="4. Scores",
            subcategory="Tables",
            labels={"name": "speaker_scores", "type": "table"},
        ),
        provenance=provenance("merge_scores"),
    log:
        "logs/merge_scores.log",
    conda:
        "../envs/culturelens.yaml"
    params:
        bootstrap=config["scoring"]["bootstrap"],
        seed=config["seed"],
    script:
        "../scripts/merge_scores.py"
