# Manifest: always last; hashes every artefact, what made it, and the run's identity.


rule write_manifest:
    input:
        run=f"{INTERIM}/run.json",
        records=expand(f"{INTERIM}/provenance/{{name}}.json", name=ARTEFACT_RULES),
    output:
        f"{R}/manifest.json",
    log:
        "logs/write_manifest.log",
    conda:
        "../envs/culturelens.yaml"
    script:
        "../scripts/write_manifest.py"
