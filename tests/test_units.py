import pandas as pd
import pytest

from culturelens.units import document_texts, near_duplicate_groups, topic_units

SENTENCES = pd.DataFrame(
    {
        "doc_id": ["a", "a", "a", "b"],
        "sentence_id": ["a:0001", "a:0002", "a:0003", "b:0001"],
        "paragraph_id": ["a:p001", "a:p001", "a:p002", "b:p001"],
        "text": ["One.", "Two.", "Three.", "Two."],
        "repeat_of": ["", "", "", "a:0002"],
    }
)


@pytest.mark.parametrize(
    ("unit", "ids", "texts"),
    [
        ("document", ["a"], ["One. Two. Three."]),
        ("paragraph", ["a:p001", "a:p002"], ["One. Two.", "Three."]),
        ("sentence", ["a:0001", "a:0002", "a:0003"], ["One.", "Two.", "Three."]),
    ],
)
def test_topic_units_group_and_drop_repeats(unit, ids, texts):
    units = topic_units(SENTENCES, unit=unit)
    assert units["unit_id"].to_list() == ids
    assert units["text"].to_list() == texts


def test_topic_units_rejects_unknown_unit():
    with pytest.raises(ValueError, match=r"unit='chapter'.*topics\.unit"):
        topic_units(SENTENCES, unit="chapter")


def test_document_texts_join_in_order():
    assert document_texts(SENTENCES) == {"a": "One. Two. Three.", "b": "Two."}


def test_near_duplicate_groups_label_by_first_document():
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "near_duplicate_of": ["", "a", ""]})
    assert near_duplicate_groups(docs) == {"a": "group:a", "b": "group:a"}
