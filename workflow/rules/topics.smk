# Topics: NMF and LDA over the configured unit, k chosen by coherence and stability.


rule fit_topics:
    input:
        sentences=f"{R}/tables/sentences.csv",
    output:
        selection=report(
            f"{R}/tables/topic_model_selection.csv",
            caption="../report/topic_model_selection.rst",
            category="3. Topics",
            subcategory="Tables",
            labels={"name": "topic_model_selection", "type": "table"},
        ),
        terms=report(
            f"{R}/tables/topic_terms.csv",
            caption="../report/topic_terms.rst",
            category="3. Topics",
            subcategory="Tables",
            labels={"name": "topic_terms", "type": "table"},
        ),
        document_topics=report(
            f"{R}/tables/document_topics.csv",
            caption="../report/document_topics.rst",
            category="3. Topics",
            subcategory="Tables",
            labels={"name": "document_topics", "type": "table"},
        ),
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
