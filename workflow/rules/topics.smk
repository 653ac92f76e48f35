# Topics: NMF and LDA over the configured unit, k chosen by coherence and stability.


rule fit_topics:
    input:
        sentences=f"{R}/tables/sentences.csv",
    output:
        selection=f"{R}/tables/topic_model_selection.csv",
        terms=f"{R}/tables/topic_terms.csv",
        document_topics=f"{R}/tables/document_topics.csv",
        provenance=provenance("fit_topics"),
    log:
        "logs/fit_topics.log",
    conda:
        "../envs/culturelens.yaml"
    params:
        topics=config["topics"],
        seed=config["seed"],
    script:
        "../scripts/fit_topics.py"
