import pytest

from culturelens.cite import artefact_kind, bibtex, citation

ARTEFACT = {"path": "tables/document_scores.csv", "sha256": "ab" * 32, "rule": "merge_scores"}
RUN = {"version": "0.1.0", "run_id": "0123456789ab"}


@pytest.mark.parametrize("commit", ["", "f" * 40])
def test_citation_is_one_line_naming_everything(commit):
    line = citation(ARTEFACT, RUN, commit=commit)
    assert "\n" not in line
    for part in ("culturelens 0.1.0", "0123456789ab", "tables/document_scores.csv", "ab" * 32):
        assert part in line
    assert ("commit ffffffffffff" in line) == bool(commit)


def test_bibtex_entry_has_key_and_fields():
    entry = bibtex(ARTEFACT, RUN, commit="f" * 40)
    assert entry.startswith("@misc{culturelens_document_scores_01234567,")
    assert "sha256 " + "ab" * 32 in entry and "git commit " + "f" * 40 in entry
    assert entry.count("{") == entry.count("}")


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("tables/a.csv", "data table"),
        ("figures/x.svg", "figure"),
        ("viewer/index.html", "web page"),
        ("clean/d.txt", "text"),
    ],
)
def test_artefact_kind(path, kind):
    assert artefact_kind(path) == kind
