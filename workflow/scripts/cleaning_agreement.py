"""cleaning_agreement: a second annotator's labels against the first's (the ceiling)."""

import pandas as pd

from culturelens.clean_agreement import annotator_agreement
from culturelens.clean_eval import read_labelled_lines
from culturelens.io import read_csv, write_csv

from _wiring import record, start

start(snakemake)
columns = ["metric", "value", "ci_low", "ci_high", "n"]
if snakemake.input.second:
    first = read_labelled_lines(snakemake.input.gold)
    second = read_csv(snakemake.input.second)
    try:
        table = annotator_agreement(first, second, seed=snakemake.params.seed)
    except ValueError as error:  # name the files and the keys that pair them
        raise ValueError(
            f"{snakemake.input.second} against {snakemake.input.gold}: {error}; point "
            "validation.cleaning_second_annotation at a labelling of validation.cleaning_gold's "
            "documents, or set it to null"
        ) from error
else:  # no second annotation configured: the table has its columns and no rows
    table = pd.DataFrame(columns=columns)
write_csv(table[columns], snakemake.output.table)
record(snakemake)
