import re
import time

import pandas as pd
import pytest

from culturelens.plots.common import PALETTE
from culturelens.viewer import MAX_MARKS, _marked_text, _marks, _phrase_spans, _words, render_viewer

RUN = {"version": "0.1.0", "run_id": "0123456789ab"}


def _docs(**extra):
    return pd.DataFrame({"doc_id": ["b", "a"], "title": ["Second", "First"], **extra})


def _sentences(**overrides):
    data = {
        "doc_id": ["a", "a", "a", "b"],
        "sentence_id": ["a:0001", "a:0002", "a:0003", "b:0001"],
        "paragraph_id": ["a:p001", "a:p002", "a:p002", "b:p001"],
        "line_no": [2, 5, 5, 1],
        "text": [
            "Staff were blamed.",
            "We must learn, not blame.",
            "Nothing.",
            "Bullying and mentoring.",
        ],
        "label": ["blame", "support", "neutral", "mixed"],
        "evidence": [
            "blame: blamed(+1)",
            "support: NOT[blame]",
            "no evidence",
            "blame: bullying | support",
        ],
        "matched_terms": [
            "blamed:attribution",
            "blame:attribution",
            "",
            "Bullying:hostility; mentoring:development",
        ],
        "negators": ["", "not", "", ""],
        "scope": ["", "not blame", "", ""],
        "is_quote": [False, "True", False, False],
        "speaker": ["", "Jane Doe", "", ""],
        "repeat_of": ["", "", "", ""],
    }
    data.update(overrides)
    return pd.DataFrame(data)


def _removed(line_nos=(1, 4), doc="a"):
    return pd.DataFrame(
        {
            "doc_id": [doc] * len(line_nos),
            "line_no": list(line_nos),
            "rule": ["nav"] * len(line_nos),
            "text": [f"removed line {n}" for n in line_nos],
        }
    )


def _page(**kw):
    args = {"documents": _docs(), "sentence_scores": _sentences(), "removed_lines": _removed()}
    args.update(kw)
    return render_viewer(args["documents"], args["sentence_scores"], args["removed_lines"], run=RUN)


@pytest.mark.parametrize(
    ("column", "payload"),
    [
        ("text", "<script>alert(1)</script>"),
        ("text", '<img src=x onerror="alert(1)">'),
        ("evidence", '"><script>alert(1)</script>'),
        ("speaker", "</span><script>x()</script>"),
        ("matched_terms", "blamed:<b>cat</b>"),
    ],
)
def test_sentence_fields_are_escaped(column, payload):
    page = _page(sentence_scores=_sentences(**{column: [payload] * 4}))
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;" in page


@pytest.mark.parametrize(
    ("frame", "column"),
    [
        ("documents", "title"),
        ("documents", "doc_id"),
        ("removed_lines", "text"),
        ("removed_lines", "rule"),
    ],
)
def test_document_and_removed_fields_are_escaped(frame, column):
    payload = "<script>alert('x')</script>"
    tables = {"documents": _docs(), "removed_lines": _removed()}
    tables[frame] = tables[frame].assign(**{column: payload})
    page = _page(**tables)
    assert "<script" not in page and "&lt;script&gt;" in page


def test_page_is_static_and_self_contained():
    page = _page()
    assert "<script" not in page
    assert not re.search(r"(?i)\b(?:src|srcset|action|formaction)\s*=", page)
    assert not re.search(r"(?i)https?://|url\(|@import", page)
    assert set(re.findall(r'href="([^"]*)"', page)) == {"#doc-0", "#doc-1"}
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


@pytest.mark.parametrize("label", ["blame", "support", "mixed", "neutral"])
def test_labels_use_the_palette(label):
    page = _page()
    assert f".s.{label}{{" in page and PALETTE[label] in page
    if label != "neutral":
        assert f'class="s {label}' in page


def test_marks_hits_negators_and_scope():
    page = _page()
    assert '<span class="hit" title="lexicon: attribution">blamed</span>' in page
    assert '<span class="neg scope" title="negation scope; negator">not</span>' in page
    assert '<span class="hit scope"' in page  # "blame" is both a hit and in the scope
    assert (
        '<span class="hit" title="lexicon: hostility">Bullying</span>' in page
    )  # case-insensitive


def test_removed_lines_sit_at_their_line_positions():
    page = _page(removed_lines=_removed(line_nos=(4, 1, 9)))
    order = [
        page.index(s)
        for s in (
            "removed line 1",
            "Staff were ",
            "removed line 4",
            "We must learn",
            "removed line 9",
        )
    ]
    assert order == sorted(order)
    assert page.count('<div class="removed"') == 3


def test_removed_lines_without_paragraph_lines_come_first_in_line_order():
    sents = _sentences().drop(columns=["line_no"])
    page = _page(sentence_scores=sents, removed_lines=_removed(line_nos=(9, 1)))
    assert page.index("removed line 1") < page.index("removed line 9") < page.index("Staff were ")


def test_documents_sorted_and_output_deterministic():
    page = _page()
    assert page.index("First") < page.index("Second")
    shuffled = _page(sentence_scores=_sentences().iloc[::-1], documents=_docs().iloc[::-1])
    assert shuffled == page


def test_scores_and_run_are_shown():
    scores = pd.DataFrame({"doc_id": ["a"], "net_index": [0.25], "blame_per_1k": [12.5]})
    page = render_viewer(_docs(), _sentences(), _removed(), run=RUN, document_scores=scores)
    assert "<dt>net_index</dt><dd>0.25</dd>" in page
    assert "<dt>blame sentences</dt><dd>0</dd>" in page  # doc b has no scores row: counted here
    assert page.count("<dt>blame sentences</dt>") == 1
    assert page.count("0123456789ab") >= 2  # header and footer


def test_max_documents_says_what_is_left_out():
    page = render_viewer(_docs(), _sentences(), _removed(), run=RUN, max_documents=1)
    assert "Showing the first 1 of 2 documents" in page and "Second" not in page


def test_document_without_sentences_is_listed():
    docs = pd.concat(
        [_docs(), pd.DataFrame({"doc_id": ["c"], "title": ["Skipped"], "status": ["skipped"]})]
    )
    page = render_viewer(docs, _sentences(), _removed(), run=RUN)
    assert "Skipped" in page and "No sentences" in page


def test_long_removed_line_is_cut_with_a_count():
    removed = pd.DataFrame(
        {"doc_id": ["a"], "line_no": [1], "rule": ["junk"], "text": ["!" * 5000]}
    )
    page = render_viewer(_docs(), _sentences(), removed, run=RUN, max_removed_chars=100)
    assert "(4900 more characters)" in page


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        (
            {"sentence_scores": _sentences().drop(columns=["label"])},
            ValueError,
            "sentence_scores lacks column",
        ),
        (
            {"removed_lines": _removed().drop(columns=["rule"])},
            ValueError,
            "removed_lines lacks column",
        ),
        ({"documents": pd.DataFrame({"id": ["a"]})}, ValueError, "documents lacks column"),
        ({"documents": [{"doc_id": "a"}]}, TypeError, "documents must be a pandas DataFrame"),
    ],
)
def test_bad_input_raises(kwargs, error, match):
    with pytest.raises(error, match=match):
        _page(**kwargs)


@pytest.mark.parametrize("value", [0, -1, 1.5])
def test_bad_max_documents(value):
    with pytest.raises(ValueError, match="max_documents must be a positive int"):
        render_viewer(_docs(), _sentences(), _removed(), run=RUN, max_documents=value)


@pytest.mark.parametrize(
    ("text", "phrase", "spans"),
    [
        ("We must learn, not blame.", "not blame", [(15, 24)]),
        ("Blame, blame", "blame", [(0, 5), (7, 12)]),
        ("no match here", "blame", []),
        ("anything", "", []),
    ],
)
def test_phrase_spans(text, phrase, spans):
    assert _phrase_spans(_words(text), phrase) == spans


def test_many_marks_stay_linear():
    text = "blame not " * 100_000
    marks = [(i * 10, i * 10 + 5, "hit", "lexicon") for i in range(100_000)]
    start = time.perf_counter()
    out = _marked_text(text, [*marks, (0, len(text), "scope", "negation scope")])
    assert out.count('<span class="hit scope"') == 100_000
    assert time.perf_counter() - start < 5


def test_marks_per_sentence_are_capped():
    row = {"text": "blame " * 5000, "matched_terms": "blame:attribution"}
    assert len(_marks(row)) == MAX_MARKS


def test_marking_is_fast_on_huge_and_punctuation_only_text():
    big = "word " * 400_000 + "blame"
    start = time.perf_counter()
    assert _phrase_spans(_words(big), "blame") == [(2_000_000, 2_000_005)]
    assert _marked_text("!" * 1_000_000, []) == "!" * 1_000_000
    assert time.perf_counter() - start < 5
