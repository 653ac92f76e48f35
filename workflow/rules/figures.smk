# Figures: PNG and SVG, each footer carrying the package version and run id.


rule plot_features:
    input:
        tfidf=f"{R}/tables/tfidf_top_terms.csv",
        keyness=f"{R}/tables/keyness.csv",
        run=f"{INTERIM}/run.json",
    output:
        multiext(f"{R}/figures/tfidf_top_terms", ".png", ".svg"),
        multiext(f"{R}/figures/keyness", ".png", ".svg"),
        provenance=provenance("plot_features"),
    log:
        "logs/plot_features.log",
    conda:
        "../envs/culturelens.yaml"
    script:
        "../scripts/plot_features.py"


rule plot_topics:
    input:
        selection=f"{R}/tables/topic_model_selection.csv",
        terms=f"{R}/tables/topic_terms.csv",
        document_topics=f"{R}/tables/document_topics.csv",
        run=f"{INTERIM}/run.json",
    output:
        multiext(f"{R}/figures/topic_terms", ".png", ".svg"),
        multiext(f"{R}/figures/document_topics", ".png", ".svg"),
        multiext(f"{R}/figures/topic_model_selection", ".png", ".svg"),
        provenance=provenance("plot_topics"),
    log:
        "logs/plot_topics.log",
    conda:
        "../envs/culturelens.yaml"
    script:
        "../scripts/plot_topics.py"


rule plot_scores:
    input:
        documents=f"{R}/tables/document_scores.csv",
        sentences=f"{R}/tables/sentence_scores.csv",
        predictions=f"{R}/tables/scoring_validation_predictions.csv",
        run=f"{INTERIM}/run.json",
    output:
        multiext(f"{R}/figures/document_scores", ".png", ".svg"),
        multiext(f"{R}/figures/sentence_strip", ".png", ".svg"),
        multiext(f"{R}/figures/scoring_confusion", ".png", ".svg"),
        provenance=provenance("plot_scores"),
    log:
        "logs/plot_scores.log",
    conda:
        "../envs/culturelens.yaml"
    script:
        "../scripts/plot_scores.py"
