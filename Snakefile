# culturelens: the table of contents. Each stage lives in workflow/rules/<stage>.smk;
# the analysis itself lives in the culturelens package (src/culturelens).
from snakemake.utils import min_version

min_version("9.0")


configfile: "config/config.yaml"


report: "workflow/report/workflow.rst"


include: "workflow/rules/common.smk"


scattergather:
    shard=config["shards"],


include: "workflow/rules/ingest.smk"
include: "workflow/rules/clean.smk"
include: "workflow/rules/segment.smk"
include: "workflow/rules/features.smk"
include: "workflow/rules/topics.smk"
include: "workflow/rules/score.smk"
include: "workflow/rules/validate.smk"
include: "workflow/rules/figures.smk"
include: "workflow/rules/reading.smk"
include: "workflow/rules/manifest.smk"


rule all:
    default_target: True
    input:
        f"{R}/manifest.json",
