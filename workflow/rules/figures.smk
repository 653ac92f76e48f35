# Figures: PNG and SVG, each footer carrying the package version and run id.


rule plot_features:
    input:
        tfidf=f"{R}/tables/tfidf_top_terms.csv",
        keyness=f"{R}/tables/keyness.csv",
        run=f"{INTERIM}/run.json",
    output:
        report(
            f"{R}/figures/tfidf_top_terms.png",
            caption="../report/fig_tfidf_top_terms.rst",
            category="2. Features",
            subcategory="Figures",
            labels={"name": "tfidf_top_terms", "type": "figure"},
        ),
        f"{R}/figures/tfidf_top_terms.svg",
        report(
            f"{R}/figures/keyness.png",
            caption="../report/fig_keyness.rst",
            category="2. Features",
            subcategory="Figures",
            labels={"name": "keyness", "type": "figure"},
        ),
        f"{R}/figures/keyness.svg",
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
        report(
            f"{R}/figures/topic_terms.png",
            caption="../report/fig_topic_terms.rst",
            category="3. Topics",
            subcategory="Figures",
            labels={"name": "topic_terms", "type": "figure"},
        ),
        f"{R}/figures/topic_terms.svg",
        report(
            f"{R}/figures/document_topics.png",
            caption="../report/fig_document_topics.rst",
            category="3. Topics",
            subcategory="Figures",
            labels={"name": "document_topics", "type": "figure"},
        ),
        f"{R}/figures/document_topics.svg",
        report(
            f"{R}/figures/topic_model_selection.png",
            caption="../report/fig_topic_model_selection.rst",
            category="3. Topics",
            subcategory="Figures",
            labels={"name": "topic_model_selection", "type": "figure"},
        ),
        f"{R}/figures/topic_model_selection.svg",
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
        report(
            f"{R}/figures/document_scores.png",
            caption="../report/fig_document_scores.rst",
            category="4. Scores",
            subcategory="Figures",
            labels={"name": "document_scores", "type": "figure"},
        ),
        f"{R}/figures/document_scores.svg",
        report(
            f"{R}/figures/sentence_strip.png",
            caption="../report/fig_sentence_strip.rst",
            category="4. Scores",
            subcategory="Figures",
            labels={"name": "sentence_strip", "type": "figure"},
        ),
        f"{R}/figures/sentence_strip.svg",
        report(
            f"{R}/figures/scoring_confusion.png",
            caption="../report/fig_scoring_confusion.rst",
            category="5. Validation",
            subcategory="Figures",
            labels={"name": "scoring_confusion", "type": "figure"},
        ),
        f"{R}/figures/scoring_confusion.svg",
        provenance=provenance("plot_scores"),
    log:
        "logs/plot_scores.log",
    conda:
        "../envs/culturelens.yaml"
    script:
        "../scripts/plot_scores.py"
