# Features: TF-IDF top terms and keyness per document and near-duplicate group.


rule build_features:
    input:
        sentences=f"{R}/tables/sentences.csv",
        documents=f"{R}/tables/documents.csv",
    output:
        tfidf=f"{R}/tables/tfidf_top_terms.csv",
        keyness=f"{R}/tables/keyness.csv",
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
