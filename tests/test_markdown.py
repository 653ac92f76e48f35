"""Markdown left by extraction tools: the words of a line without its markup."""

import pytest

from culturelens.markdown import MAX_CHARS, links_only, strip_markdown


@pytest.mark.parametrize(
    ("line", "plain"),
    [
        ("By [Jane Doe](https://example.org/people/jane_doe), Health reporter",
         "By Jane Doe, Health reporter"),
        ("**Read more:** [Nurses fear speaking up][9]", "Read more: Nurses fear speaking up"),
        ("See ![a chart](https://x.org/c.png) the [report](https://x.org/r_(1)) now",
         "See the report now"),
        ("Connect with us: [11]Facebook [12]X", "Connect with us: Facebook X"),
        ("_Correction, 11 March 2025: the survey was in 2023._",
         "Correction, 11 March 2025: the survey was in 2023."),
        ("## What happens next?", "What happens next?"),
        ('> "We got this wrong," she said.', '"We got this wrong," she said.'),
        # not markdown: left as it is
        (">>> import culturelens", ">>> import culturelens"),  # a Python prompt
        ("rename my_old_name to new_name", "rename my_old_name to new_name"),
        ("5 * 3 * 2 = 30", "5 * 3 * 2 = 30"),
        ("#NHS staff survey", "#NHS staff survey"),
        ("The trust [1] said so.", "The trust [1] said so."),  # a footnote mark
        ("[" + "a" * MAX_CHARS + "](https://x.org)", "[" + "a" * MAX_CHARS + "](https://x.org)"),
    ],
)  # fmt: skip
def test_strip_markdown(line: str, plain: str) -> None:
    assert strip_markdown(line) == plain


def test_strip_markdown_keeps_headings_when_asked() -> None:
    assert strip_markdown("## **Key** findings", headings=False) == "## Key findings"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("[Home](https://x.org/) [News](https://x.org/news)", True),
        ("![Staff outside the hospital](https://cdn.x.org/1.jpg)", True),
        ("**[Trust fined over safety failings](https://x.org/100)**", True),
        ("[Amphibians][11]", True),
        ("Read the [full report](https://x.org/report) for the method.", False),
        ("No links here", False),
    ],
)
def test_links_only(line: str, expected: bool) -> None:
    assert links_only(line) is expected
