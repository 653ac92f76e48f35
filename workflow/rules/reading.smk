# Reading: the annotated corpus viewer and the Frictionless data package describing every table.

TABLE_NAMES = [
    "documents",
    "removed_lines",
    "sentences",
    "tfidf_top_terms",
    "keyness",
    "topic_model_selection",
    "topic_terms",
    "document_topics",
    "sentence_scores",
    "document_scores",
    "speaker_scores",
    "cleaning_validation",
    "cleaning_thresholds",
    "cleaning_agreement",
    "scoring_validation",
    "scoring_validation_predictions",
]


rule build_viewer:
    input:
        documents=f"{R}/tables/documents.csv",
        sentences=f"{R}/tables/sentences.csv",
        sentence_scores=f"{R}/tables/sentence_scores.csv",
        document_scores=f"{R}/tables/document_scores.csv",
        removed_lines=f"{R}/tables/removed_lines.csv",
        run=f"{INTERIM}/run.json",
    output:
        report(
            f"{R}/viewer/index.html",
            caption="../report/viewer.rst",
            category="6. Reading",
            labels={"artefact": "annotated corpus viewer"},
        ),
        provenance=provenance("build_viewer"),
    log:
        "logs/build_viewer.log",
    conda:
        "../envs/culturelens.yaml"
    script:
        "../scripts/build_viewer.py"


rule write_datapackage:
    input:
        **{name: f"{R}/tables/{name}.csv" for name in TABLE_NAMES},
        run=f"{INTERIM}/run.json",
    output:
        package=report(
            f"{R}/datapackage.json",
            caption="../report/datapackage.rst",
            category="6. Reading",
            labels={"artefact": "data package"},
        ),
        provenance=provenance("write_datapackage"),
    log:
        "logs/write_datapackage.log",
    conda:
        "../envs/culturelens.yaml"
    params:
        tables=TABLE_NAMES,
    script:
        "../scripts/write_datapackage.py"
