"""Draw the documents for a second annotation, and collect the returned labels.

    python validation/cleaning_agreement/build.py sample DIR   # DIR/batch1.txt ... batch6.txt
    python validation/cleaning_agreement/build.py collect      # -> second_annotator.csv

``sample`` draws one document from every labelled set 7-54 and twelve more (seeded), and
writes them without labels, one numbered raw line per row, in six batches of ten: what each
second annotator read alongside ``guide.md``. ``collect`` turns the annotators' codes
(``doc_id,line_no,code``, the first annotators' codes; see ``guide.md``) into the labelled
line format of ``validation/cleaning``.
"""

import sys
from pathlib import Path

import pandas as pd

from culturelens.clean_eval import document_from_lines, read_labelled_lines

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent / "cleaning"))  # the writers' codes: one definition
from build_labels import label_of  # noqa: E402 (importable only once the path is set)

SEED, BATCHES = 20181129, 6


def first_annotation() -> pd.DataFrame:
    lines = read_labelled_lines(HERE.parent / "cleaning")
    number = lines["dataset"].str.extract(r"(\d+)$")[0].fillna("0").astype(int)
    return lines[number.between(7, 54)]  # the sets labelled when the sample was drawn


def sample(out: Path) -> None:
    lines = first_annotation()
    docs = lines[["dataset", "doc_id"]].drop_duplicates()
    first = docs.groupby("dataset", sort=True).sample(1, random_state=SEED)
    rest = docs[~docs["doc_id"].isin(first["doc_id"])].sample(12, random_state=SEED)
    picked = pd.concat([first, rest]).sample(frac=1, random_state=1).reset_index(drop=True)
    out.mkdir(parents=True, exist_ok=True)
    for b in range(BATCHES):
        rows = []
        for doc_id in picked["doc_id"].iloc[b::BATCHES]:
            raw = document_from_lines(lines[lines["doc_id"] == doc_id]).splitlines()
            rows += [f"### {doc_id}"] + [f"{i}| {t}".rstrip() for i, t in enumerate(raw, 1)]
        (out / f"batch{b + 1}.txt").write_text("\n".join(rows) + "\n", encoding="utf-8")


def collect() -> None:
    codes = pd.concat(
        [pd.read_csv(p) for p in sorted((HERE / "batches").glob("batch*.csv"))], ignore_index=True
    )
    labels = codes["code"].map(label_of)
    codes["label"], codes["kind"] = labels.str[0], labels.str[1]
    text = first_annotation()[["dataset", "doc_id", "line_no", "text"]]
    second = codes.merge(text, on=["doc_id", "line_no"], how="left", validate="one_to_one")
    columns = ["dataset", "doc_id", "line_no", "text", "label", "kind"]
    second[columns].to_csv(HERE / "second_annotator.csv", index=False, lineterminator="\n")


if __name__ == "__main__":
    sample(Path(sys.argv[2])) if sys.argv[1] == "sample" else collect()
