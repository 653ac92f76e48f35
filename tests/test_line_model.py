"""Tests for culturelens.line_model: line features, the logistic model and the learned pass."""

from __future__ import annotations

import math

import pytest

from culturelens.clean import apply_rules, clean_document, load_rules
from culturelens.line_model import (
    LEARNED_RULE,
    LineModel,
    apply_line_model,
    context_features,
    introduced_lists,
    line_features,
    line_probabilities,
)

RULES = load_rules()
BLURB = "Acme keeps families covered"  # a sponsor line no rule knows
PROSE = [
    "The trust said its review of the surgical unit would be published in full next month.",
    "Staff told inspectors they were afraid to report mistakes to their line managers.",
    "A spokesperson said the board had accepted every recommendation made by the panel.",
]


def _features(lines: list[str], index: int, *, rules: list = RULES) -> tuple[str, ...]:
    state, _ = apply_rules("\n\n".join(lines), rules=rules)
    return line_features(state)[index]


@pytest.mark.parametrize(
    ("line", "present", "absent"),
    [
        ("Brought to you by Acme Insurance", {"w=brought", "b=brought to", "nw=6"}, {"sent"}),
        ("Read more: Acme's new wards", {"fw=read", "fw2=read more", "lw=wards"}, {"lw=s"}),
        ("Photo: Getty", {"fw=photo", "body&fw=photo", "lw=getty"}, {"head&fw=photo"}),
        ("Visit www.example.com today", {"url", "w=visit"}, {"at", "hash"}),
        ("Follow @ward_news #nhs", {"at", "hash"}, {"url"}),
        ("Updated 12:30pm, 4 March 2024", {"time", "year", "month", "end=d"}, {"sent"}),
        ("HOME | NEWS | SPORT", {"allcaps", "sep", "caps=2"}, {"w=a"}),  # "|" is a word
        ("• A stray bullet item here", {"bullet", "start=U"}, set()),
        ("It did not happen.", {"sent", "end=.", "nw=4"}, {"bullet"}),
    ],
)
def test_line_shape_and_word_features(line: str, present: set[str], absent: set[str]) -> None:
    features = set(_features([PROSE[0], PROSE[1], line, PROSE[2]], 2, rules=[]))
    assert present <= features, present - features
    assert not absent & features


@pytest.mark.parametrize(
    ("lines", "index", "present"),
    [  # zone (head/body/tail of the prose) and the neighbours: edge, prose or a short line
        ([PROSE[0], PROSE[1], BLURB, PROSE[2]], 2, {"zone=body", "pn=proseprose"}),
        ([PROSE[0], PROSE[1], PROSE[2], BLURB, "Menu"], 3, {"zone=tail", "pn=proseshort"}),
        ([BLURB, PROSE[0], PROSE[1], PROSE[2]], 0, {"zone=head", "prev=edge", "rel=0"}),
    ],
)
def test_line_context_features(lines: list[str], index: int, present: set[str]) -> None:
    assert present <= set(_features(lines, index, rules=[]))


@pytest.mark.parametrize(
    ("lines", "index", "pair"),
    [
        ([PROSE[0], "Share this", BLURB, PROSE[1], PROSE[2]], 2, "pn=artprose"),
        (["Council to close two libraries", "By Jo Bloggs", "Share this", BLURB, *PROSE], 3,
         "pn=artprose"),
        (["Council to close two libraries", "By Jo Bloggs", BLURB, *PROSE], 2, "pn=metaprose"),
    ],
)  # fmt: skip
def test_neighbours_removed_by_rules(lines: list[str], index: int, pair: str) -> None:
    assert pair in _features(lines, index)


@pytest.mark.parametrize(
    ("lines", "index", "present"),
    [  # runs of short lines, artefacts the rules removed nearby, distance from the prose
        ([PROSE[0], "Acme one", "Acme two", "Acme three", PROSE[1]], 1, {"run=3&first"}),
        ([PROSE[0], "Acme one", "Acme two", "Acme three", PROSE[1]], 2, {"run=3&mid"}),
        ([PROSE[0], BLURB, PROSE[1]], 1, {"run=1&first", "near_art=0"}),
        ([PROSE[0], PROSE[1], "Menu", "More", BLURB], 4, {"tail_gap=3", "run=3&last"}),
        ([BLURB, "Menu", PROSE[0], PROSE[1]], 0, {"head_gap=2"}),
    ],
)
def test_run_and_gap_features(lines: list[str], index: int, present: set) -> None:
    assert present <= set(_features(lines, index, rules=[]))


@pytest.mark.parametrize(
    ("line", "present"),
    [  # share of the line's topic words that the article's prose uses, in fifths
        ("Inspectors and managers", {"coh=4&tw=2", "coh=4"}),  # both words in PROSE
        ("Mistakes reported to inspectors by surgeons", {"coh=2&tw=3"}),  # 2 of 4
        (BLURB, {"coh=0&tw=3"}),  # "acme", "keeps", "families", "covered": none in PROSE
        ("It is what it is", {"coh=none&tw=0"}),  # stop words and short words only
        (PROSE[0], {"coh=0&tw=3"}),  # its own words do not count: "said" alone is shared
    ],
)
def test_cohesion_with_the_prose(line: str, present: set[str]) -> None:
    features = set(_features([PROSE[1], line, PROSE[2]], 1, rules=[]))
    assert present <= features, sorted(f for f in features if f.startswith("coh"))


def test_artefacts_removed_nearby_are_counted() -> None:
    lines = [PROSE[0], "Share this", BLURB, "Share this", PROSE[1]]
    assert "near_art=2" in _features(lines, 2)


@pytest.mark.parametrize(
    ("scored", "expected"),
    [
        ([(1, 0.9)], [("c_self=9", "c_pp=edge", "c_p=edge", "c_n=edge", "c_nn=edge", "c_max=0",
                       "c_mean=e")]),
        # line 5 is three raw lines below line 2: "f"ar; lines 1 and 2 are "a"djacent
        ([(1, 0.9), (2, 0.1), (5, 0.95)],
         [("c_self=9", "c_pp=edge", "c_p=edge", "c_n=0a", "c_nn=4f", "c_max=4", "c_mean=2"),
          ("c_self=1", "c_pp=edge", "c_p=4a", "c_n=4f", "c_nn=edge", "c_max=4", "c_mean=4"),
          ("c_self=9", "c_pp=4f", "c_p=0f", "c_n=edge", "c_nn=edge", "c_max=4", "c_mean=2")]),
    ],
)  # fmt: skip
def test_context_features(scored: list, expected: list) -> None:
    assert context_features(scored) == expected


def test_second_stage_reads_the_first_stage_scores_of_neighbours() -> None:
    # the first stage knows "acme"; the second removes a line directly under a sure artefact
    first = LineModel({"w=acme": 10.0}, -5.0, 0.5)
    second = LineModel({"c_p=4a": 8.0, "c_self=9": 8.0}, -4.0, 0.5, first)
    state, _ = apply_rules("\n".join([PROSE[0], BLURB, "Covered from day one", PROSE[1]]), rules=[])
    probabilities = line_probabilities(state, second)
    assert [round(probabilities[i]) for i in range(4)] == [0, 1, 1, 0]
    assert [round(p) for p in line_probabilities(state, first).values()] == [0, 1, 0, 0]


def test_only_kept_lines_are_scored() -> None:
    state, _ = apply_rules("\n".join([PROSE[0], "Share this", BLURB, PROSE[1]]), rules=RULES)
    assert sorted(line_features(state)) == [0, 2, 3]


def test_long_prose_lines_carry_edge_words_only() -> None:
    long = " ".join(["word"] * 44) + " ends."
    features = _features([PROSE[0], long, PROSE[1]], 1)
    assert {"nw=41+", "fw=word", "fw2=word word", "body&fw=word", "lw=ends"} <= set(features)
    assert not [f for f in features if f.startswith(("w=", "b="))]


@pytest.mark.parametrize(
    ("weights", "intercept", "features", "expected"),
    [
        ({"a": 2.0}, 0.0, ("a",), 1 / (1 + math.exp(-2.0))),
        ({"a": 2.0}, -2.0, ("a", "unseen"), 0.5),
        ({}, 0.0, (), 0.5),
        ({"a": 1e6}, 0.0, ("a",), 1 / (1 + math.exp(-50.0))),  # clipped, never overflows
        ({"a": -1e6}, 0.0, ("a",), 1 / (1 + math.exp(50.0))),
    ],
)
def test_probability(weights: dict, intercept: float, features: tuple, expected: float) -> None:
    assert LineModel(weights, intercept, 0.5).probability(features) == pytest.approx(expected)


@pytest.mark.parametrize("first", [None, LineModel({"w=beta": 0.5}, 0.25, 0.65)])
def test_json_round_trip_is_exact_and_sorted(first: LineModel | None) -> None:
    model = LineModel({"w=zeta": -0.25, "w=alpha": 1.125}, -0.5, 0.65, first)
    text = model.to_json()
    assert LineModel.from_json(text) == model
    assert text.index("w=alpha") < text.index("w=zeta")


def test_learned_pass_removes_only_kept_lines_at_or_above_threshold() -> None:
    text = "\n\n".join([PROSE[0], BLURB, PROSE[1], "Share this", PROSE[2]])
    model = LineModel({"w=acme": 5.0}, -2.0, 0.65)
    state, _ = apply_rules(text, rules=RULES)
    before = dict(state.removed)
    apply_line_model(state, model)
    assert state.removed[3] == LEARNED_RULE  # the blurb, which no rule knows
    assert {n: state.removed[n] for n in before} == before  # rules' removals unchanged
    assert all(state.removed.get(n) != LEARNED_RULE for n in (1, 5, 9))


def test_clean_document_records_learned_removals() -> None:
    text = "\n".join([PROSE[0], BLURB, PROSE[1]])
    everything = LineModel({}, 10.0, 0.65)  # scores every kept line as an artefact
    doc = clean_document(text, rules=RULES, line_model=everything)
    assert doc.paragraphs == ()
    assert [(r.line_no, r.rule) for r in doc.removed] == [(n, LEARNED_RULE) for n in (1, 2, 3)]
    assert clean_document(text, rules=RULES, line_model=LineModel({}, -10.0, 0.65)).text.count(
        "Acme keeps"
    )


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        # regression (sets 10, 17): pay bands and results under an introducing line are kept
        (f"{PROSE[0]}\nAverage pay was:\nUnder 21: £10.85/hour\n21-25: £11.90/hour", {2, 3}),
        (f"{PROSE[0]}\nResults:\nArsenal 2 Chelsea 1\n\nAcme keeps families covered", {2}),
        (f"{PROSE[0]}\nArsenal 2 Chelsea 1\nSpurs 0 Leeds 0", set()),
        # regression (real pages, batch 7): a web page's list after a blank line ...
        (f"{PROSE[0]}\nIt has three parts:\n\nFrontend\nTask Store\nExecutor", {2, 3, 4}),
        # ... but not one line after a blank line, which may be a teaser under "Read more:"
        (f"{PROSE[0]}\nRead more:\n\nNurses vote to strike over pay\n\n{PROSE[1]}", set()),
    ],
)
def test_introduced_lists_are_not_scored(text: str, listed: set[int]) -> None:
    state, _ = apply_rules(text, rules=RULES)
    assert introduced_lists(state) == listed
    apply_line_model(state, LineModel({}, 10.0, 0.65))  # scores every line as an artefact
    kept = {i for i in range(len(state.lines)) if not state.is_removed(i)}
    assert listed <= kept


def test_table_rows_are_not_scored() -> None:
    # regression (set 101): a league table broken by an advert, rows read as pipe menus
    rows = [f"{n} | School {n} | 0.{n}1 | 4{n}.0 | {40 + n}%" for n in range(1, 7)]
    text = "\n".join([PROSE[0], *rows[:3], "", "Advertisement", "", *rows[3:], "", PROSE[1]])
    state, _ = apply_rules(text, rules=RULES)
    apply_line_model(state, LineModel({}, 10.0, 0.65))  # scores every line as an artefact
    kept = [state.lines[i].text for i in range(len(state.lines)) if not state.is_removed(i)]
    assert kept == rows
