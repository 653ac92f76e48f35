import pandas as pd
import pytest

from culturelens.segment import (
    canonical_speaker,
    count_words,
    find_speaker,
    sentence_table,
    split_sentences,
    unify_speakers,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One sentence. Another one.", ["One sentence.", "Another one."]),
        # Quotations of several sentences are split into sentences.
        (
            "He said: \u201cIt is stark. We must improve.\u201d",
            ["He said: \u201cIt is stark.", "We must improve.\u201d"],
        ),
        ("Mr Hancock met Dr Smith.", ["Mr Hancock met Dr Smith."]),
        ("  spaced   out  ", ["spaced out"]),
        # regression: the closing quotation mark stays with its sentence (pysbd moved it on)
        ('He said: "It is hard." Then he left.', ['He said: "It is hard."', "Then he left."]),
        ('"What have France done?" he said.', ['"What have France done?" he said.']),
        (
            "J. K. Rowling met e.g. Dr. Who. No. 5 won.",
            ["J. K. Rowling met e.g. Dr. Who.", "No. 5 won."],
        ),
        ("It cost \u00a3930m. 7% said yes.", ["It cost \u00a3930m.", "7% said yes."]),
        ("Ends with no stop", ["Ends with no stop"]),
        ("", []),
    ],
)
def test_split_sentences(text, expected):
    assert split_sentences(text) == expected


def test_split_sentences_bounds_pathological_input():
    sentences = split_sentences("word " * 50_000)
    assert max(map(len, sentences)) <= 5_000
    assert sum(len(s.split()) for s in sentences) == 50_000


@pytest.mark.parametrize(
    ("paragraph", "previous", "speaker"),
    [
        ("Matthew Taylor said: \u201cWe need more.\u201d", "", "Matthew Taylor"),
        ("\u201cIt matters,\u201d said Mortimer.", "", "Mortimer"),
        ("\u201cIt matters,\u201d he said.", "Sajid Javid", "Sajid Javid"),
        ("General Sir Gordon Messenger said: \u201cYes.\u201d", "", "Gordon Messenger"),
        ("The report was published today.", "X", ""),
        # A name inside the quotation is not the speaker.
        ("He said: \u201cJeremy Hunt told us nothing.\u201d", "Matt Hancock", "Matt Hancock"),
    ],
)
def test_find_speaker(paragraph, previous, speaker):
    assert find_speaker(paragraph, previous=previous) == speaker


@pytest.mark.parametrize(
    ("name", "canonical"), [("Mr Hancock", "Hancock"), ("Dame Linda Pollard", "Linda Pollard")]
)
def test_canonical_speaker_drops_titles(name, canonical):
    assert canonical_speaker(name) == canonical


def test_sentence_table_carries_speaker_across_run_on_quotes():
    paragraphs = [
        ("standfirst", "Leaders need permission to fail"),
        ("body", "Matt Hancock said: \u201cWe must learn from every mistake we make."),
        ("body", "\u201cAnd improve.\u201d"),
        ("body", "\u201cIt is vital to the future of the NHS,\u201d Mr Hancock added."),
    ]
    table = sentence_table("d", paragraphs)
    assert table["sentence_id"].to_list() == ["d:0001", "d:0002", "d:0003", "d:0004"]
    assert table["section"].to_list() == ["standfirst", "body", "body", "body"]
    assert table["is_quote"].to_list() == [False, True, True, True]
    assert table["speaker"].to_list() == ["", "Matt Hancock", "Matt Hancock", "Matt Hancock"]


@pytest.mark.parametrize(
    ("text", "n"),
    [("learn not blame", 3), ("evidence-based policy", 2), ("it\u2019s 7%", 2), ("", 0)],
)
def test_count_words(text, n):
    assert count_words(text) == n


def test_unify_speakers_maps_unambiguous_surnames():
    speakers = pd.Series(
        ["Hancock", "Matt Hancock", "", "Taylor", "Matthew Taylor", "Ann Taylor", "Mortimer"]
    )
    assert unify_speakers(speakers).to_list() == [
        "Matt Hancock",
        "Matt Hancock",
        "",
        "Taylor",
        "Matthew Taylor",
        "Ann Taylor",
        "Mortimer",
    ]


def test_sentence_table_records_raw_line_numbers():
    table = sentence_table("d", [("body", "One. Two."), ("body", "Three.")], line_nos=[3, 7])
    assert table["line_no"].to_list() == [3, 3, 7]
