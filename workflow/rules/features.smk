# Features: TF-IDF top terms and keyness per document and near-duplicate group.


rule build_features:
    input:
        sentences=f"{R}/tables/sentences.csv",
        documents=f"{R}/tables/documents.csv",
    output:
        tfidf=report(
            f"{R}/tables/tfidf_top_terms.csv",
            caption="../report/tfidf_top_terms.rst",
            category="2. Features",
            subcategory="Tables",
            labels={"name": "tfidf_top_terms", "type": "table"},
        ),
        keyness=report(
            f"{R}/tables/keyness.csv",
            caption="../report/keyness.rst",
            category="2. Features",
            subcategory="Tables",
            labels={"name": "keyness", "type": "table"},
        ),
        provenance=provenance("build_features"),
    log:
        "logs/build_features.log",
    conda:
        "../envs/culturelens.yaml"
    params:
        tfidf=config["tfidf"],
        keyness=config["keyness"],
    script:
        "../scripts/build_features.py"
