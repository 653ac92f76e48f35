"""Tests for culturelens.clean_rules: rules as data, their checks, and user rules files."""

from __future__ import annotations

from pathlib import Path

import pytest

from culturelens.clean import ArtefactRule, clean_document, load_rules

RULES = load_rules()
PROSE_A = "The council said the new scheme would start in the spring, subject to funding."
PROSE_B = "Opposition members said they would scrutinise the costs closely before the vote."


def _doc(*middle: str) -> str:
    return "\n\n".join([PROSE_A, *middle, PROSE_B]) + "\n"


def _explicit_cases(attr: str) -> list[tuple[str, str]]:
    return [(r.name, ex) for r in RULES if r.kind != "structural" for ex in getattr(r, attr)]


@pytest.mark.parametrize(("rule", "example"), _explicit_cases("examples"))
def test_rule_examples_are_removed(rule: str, example: str) -> None:
    # a rule with ``unless_next`` may keep its line for the prose below; its examples end the
    # document
    last = any(r.unless_next for r in RULES if r.name == rule)
    text = "\n\n".join([PROSE_A, PROSE_B, example]) + "\n" if last else _doc(example)
    doc = clean_document(text, rules=RULES)
    assert [r.line_no for r in doc.removed] == [5 if last else 3], f"{rule}: {example!r} was kept"


@pytest.mark.parametrize(("rule", "example"), _explicit_cases("counter_examples"))
def test_rule_counter_examples_are_kept(rule: str, example: str) -> None:
    doc = clean_document(_doc(example), rules=RULES)
    assert doc.removed == (), f"{rule}: {example!r} was removed as {doc.removed}"


def test_every_rule_is_documented() -> None:
    assert all(r.description and r.examples for r in RULES)
    assert len({r.name for r in RULES}) == len(RULES)


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"name": "x", "category": "c", "kind": "glob"}, "key 'kind' is 'glob'"),
        ({"name": "x", "category": "c", "kind": "regex"}, "key 'patterns' is empty"),
        ({"name": "x", "category": "c", "kind": "regex", "patterns": ["("]}, "not a valid regex"),
        (
            {"name": "x", "category": "c", "kind": "regex", "patterns": ["a"], "colour": 1},
            "key 'colour' is unknown",
        ),
        ({"name": "Bad Name", "category": "c", "kind": "regex", "patterns": ["a"]}, "lower_snake"),
        ({"name": "x", "kind": "regex", "patterns": ["a"]}, "key 'category' is missing"),
        (
            {"name": "x", "category": "c", "kind": "structural", "detector": "magic"},
            "key 'detector' is 'magic'",
        ),
        (
            {"name": "x", "category": "c", "kind": "phrases", "phrases": "sign up"},
            "list of strings",
        ),
        (
            {"name": "x", "category": "c", "kind": "regex", "patterns": ["a"], "max_words": 0},
            "key 'max_words' is 0",
        ),
        (
            {"name": "x", "category": "c", "kind": "regex", "patterns": ["a"], "ignore_case": "no"},
            "key 'ignore_case' is 'no'; use true or false",
        ),
        (
            {
                "name": "x",
                "category": "c",
                "kind": "regex",
                "patterns": ["a"],
                "unless_next": ["["],
            },
            "key 'unless_next' is not a valid regex",
        ),
        (
            {
                "name": "x",
                "category": "c",
                "kind": "structural",
                "detector": "menu_run",
                "unless_next": ["a"],
            },
            "key 'unless_next' is for regex and phrases rules",
        ),
    ],
)
def test_invalid_user_rule(entry: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        load_rules(extra=[entry])


def test_duplicate_user_rule_names() -> None:
    rule = {"name": "mine", "category": "c", "kind": "regex", "patterns": ["x"]}
    with pytest.raises(ValueError, match="'mine': key 'name' is used twice"):
        load_rules(extra=[rule, rule])


def test_duplicate_rule_names_in_file(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    rule = "  - {name: a, category: c, kind: regex, patterns: [x], examples: [x]}\n"
    path.write_text("rules:\n" + rule + rule, encoding="utf-8")
    with pytest.raises(ValueError, match="used twice"):
        load_rules(path)


@pytest.mark.parametrize(
    ("header", "n_extra"), [("extends: packaged\n", len(RULES)), ("", 0), ("extends: none\n", 0)]
)
def test_rules_file_extends(tmp_path: Path, header: str, n_extra: int) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(
        header + "rules:\n  - {name: mine, category: c, kind: regex, patterns: [x]}\n",
        encoding="utf-8",
    )
    assert len(load_rules(path)) == 1 + n_extra


@pytest.mark.parametrize(
    ("entry", "line", "removed"),
    [
        (
            {
                "name": "promo",
                "category": "promo",
                "kind": "phrases",
                "position": "whole",
                "phrases": ["Win a holiday"],
            },
            "Win a holiday!",
            True,
        ),
        (
            {
                "name": "promo",
                "category": "promo",
                "kind": "phrases",
                "position": "start",
                "phrases": ["Competition"],
            },
            "Competition: enter by Friday",
            True,
        ),
        (
            {
                "name": "promo",
                "category": "promo",
                "kind": "regex",
                "patterns": [r"^Quiz of the \w+$"],
                "ignore_case": False,
            },
            "quiz of the week",
            False,
        ),
        (
            {
                "name": "navigation",
                "category": "navigation",
                "kind": "regex",
                "patterns": ["^never matches$"],
            },
            "Back to top",
            False,
        ),
    ],
)
def test_extra_rules_from_config(entry: dict, line: str, removed: bool) -> None:
    doc = clean_document(_doc(line), rules=load_rules(extra=[entry]))
    assert bool(doc.removed) is removed


def test_rule_dataclass_is_frozen_and_validates() -> None:
    rule = ArtefactRule(name="x", category="c", kind="regex", patterns=("a",))
    with pytest.raises(AttributeError):
        rule.name = "y"  # type: ignore[misc]
    with pytest.raises(ValueError, match="key 'kind'"):
        ArtefactRule(name="x", category="c", kind="other")


@pytest.mark.parametrize(
    ("patterns", "at_start", "text", "found"),
    [
        # the alternatives anchored with "^" are tried at the start only
        (("^menu$|^close$", r"\bads?\b"), True, "Close", True),
        (("^menu$|^close$", r"\bads?\b"), True, "Do not close", False),
        (("^menu$|^close$", r"\bads?\b"), True, "An ad here", True),
        # a "|" escaped, in a class or in a group is no alternative of its own
        ((r"^a\|b$",), True, "a|b", True),
        ((r"^a\|b$",), True, "b", False),
        (("^[|^]x$",), True, "|x", True),
        (("^[]|]x$",), True, "]x", True),
        (("^(?:x|^y)z$",), True, "yz", True),
        (("x(?:^y|z)",), False, "xz", True),
        # a group spanning a whole pattern is opened; a flagged group is not
        (("(?:^one|two)",), True, "say two", True),
        (("(?-i:^One)",), False, "One", True),
        (("(?-i:^One)",), False, "one", False),
        (("(?<=a)^b",), False, "b", False),
        # a backreference to another alternative's group cannot be split: searched whole
        (("^(?P<w>a)", "(?P=w)?x"), False, "zx", True),
    ],
)
def test_search_tries_anchored_alternatives_at_the_start_only(
    patterns: tuple[str, ...], at_start: bool, text: str, found: bool
) -> None:
    rule = ArtefactRule(name="x", category="c", kind="regex", patterns=patterns)
    assert bool(rule.search(text)) is found is bool(rule.regex.search(text))
    assert (rule._at_start is not None) is at_start


@pytest.mark.parametrize("rule", [r for r in RULES if r.regex is not None], ids=lambda r: r.name)
def test_search_agrees_with_the_whole_regex(rule: ArtefactRule) -> None:
    lines = [*rule.examples, *rule.counter_examples, PROSE_A, "Home > News > Health"]
    for text in lines + [t.lower() for t in lines]:
        assert bool(rule.search(text)) is bool(rule.regex.search(text)), text


@pytest.mark.parametrize(
    ("below", "removed"),
    [
        ("Thornbury Bus Company runs 140 buses across the north of the county.", False),
        ("Sam runs the club's coaching programme and writes about grassroots football.", True),
        ("More from Thornbury", True),
    ],
)
def test_unless_next_keeps_a_line_for_the_line_below(below: str, removed: bool) -> None:
    rule = {
        "name": "about_box",
        "category": "bio",
        "kind": "regex",
        "patterns": [r"^Meet \w+$"],
        "unless_next": [r"^\w+ Bus Company\b"],
    }
    doc = clean_document(_doc("Meet Thornbury", below), rules=load_rules(extra=[rule]))
    assert ("about_box" in {r.rule for r in doc.removed}) is removed
