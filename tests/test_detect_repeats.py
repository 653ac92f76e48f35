"""Tests for culturelens.detect_repeats: lines repeated within a document or across a corpus."""

from __future__ import annotations

import pytest
from test_artefacts import PROSE, RULES, rule_of

from culturelens.clean import clean_document
from culturelens.clean_state import line_fingerprint


@pytest.mark.parametrize(
    ("lines", "removed"),
    [
        (["Annual Report 2023", PROSE[0], "Annual Report 2023", PROSE[1]], 2),  # page header
        (["Northshire Health Board", PROSE[0], "Northshire Health Board", PROSE[1]], 2),
        (["Winners meet in final match", PROSE[0], "Winners meet in final match"], 0),
        (
            [
                PROSE[0],
                '"Staff who raised concerns were often ignored by senior managers"',
                PROSE[2],
            ],
            1,
        ),  # a pull quote repeating the body
        (['"Freedom to speak up"', "The Freedom to speak up guardian said so.", PROSE[1]], 0),
        # regression (set 273): a pull quote of five words, one sentence lifted out of a
        # paragraph
        (['"Asking for help is the job."', PROSE[0],
          'She told them: "Asking for help is the job." Nobody had said it before.'], 1),
        # regression (sets 12, 16, 36, 40): a whole quoted sentence lifted out of a paragraph
        (['"Write it down, put the date on it, and keep a copy at home."',
          '"Write it down, put the date on it, and keep a copy at home," the adviser said.'], 1),
        # regression (sets 13, 28, 31, 36, 57): a quoted sub-heading echoing the quote below
        (['"You learn to keep your head down"',
          '"You learn to keep your head down," one nurse said of the ward after the inquiry.'],
         0),
        # ... but a quoted sentence repeated as it stands may be the writer's own echo
        (['"Nobody was ever blamed for the missing records."', PROSE[0],
          '"Nobody was ever blamed for the missing records."'], 0),
        # regression (set 23): sub-headings repeated by a contents box above them stay; the
        # box's entries go
        (["Contents\nSummary\nEntry requirements\nHealth\nGetting help", PROSE[0],
          "Entry requirements", PROSE[1], "Health", PROSE[2]], 2),
        # regression (set 208): the box's last entry heads the first section, and is a
        # template's section name ("Next steps"); it goes with the box
        (["Contents\nKey findings\nWhat we will do\nNext steps", PROSE[0], "Key findings",
          PROSE[1], "What we will do", PROSE[2], "Next steps", PROSE[0]], 3),
        # regression (set 87): a contents box of numbered lower-case entries goes and the
        # headings it lists stay, even one over a list rather than prose
        (["Table of contents\n1. Main points\n2. Monthly retail sales\n3. Sales by store type",
          "1. Main points", "- Sales fell by 0.8% in May after a rise in April.",
          "- Food sales fell by 1.9% in the month.", "2. Monthly retail sales", PROSE[0],
          "3. Sales by store type", PROSE[1]], 3),
        # regression (set 180): a wiki's contents box, each entry with its section number
        # and tab, over headings with edit links and paragraphs closed by citation markers
        (["Contents\n1\tBackground\n2\tEstablishment\n2.1\tFindings", "Background[edit]",
          "The hospital opened in 1968 as the district general hospital.[1]",
          "Establishment[edit]", "The review became a statutory inquiry on 14 March 2017.[2]",
          "Findings[edit]", PROSE[0]], 3),
        # ... but a menu repeated in the footer, its copies together, is no contents box
        (["News\nSport\nBusiness", PROSE[0], PROSE[1], "News\nSport\nBusiness"], 6),
        # ... nor buttons and advertisers repeated over teasers (real pages, batch 5: MSN)
        (["Undo\nSleep Better Solution", PROSE[0], "Undo\nXtra Laptop Offer", PROSE[1],
          "Sleep Better Solution\nXtra Laptop Offer"], 6),
        # regression (real pages, batch 7: Dropbox): a list the article introduces, after a
        # blank line, names the sections below it; it is no contents box
        (["ATF consists of the following components:", "Frontend\nTask Store\nExecutor",
          "Frontend", PROSE[0], "Task Store", PROSE[1], "Executor", PROSE[2]], 0),
        # regression (sets 73, 184): a paper's section heading in its abstract and its body
        (["Methods", PROSE[0], "Methods", PROSE[1]], 0),
        # one label repeated above paragraphs is a page header, not a contents box
        (["Staff Report 2023\nSection 3", PROSE[0], "Staff Report 2023", PROSE[1]], 2),
        # regression (set 73): a PDF's running head with its page number set apart
        (["2   Ashdown Vale inspection report 12 March 2024", PROSE[0],
          "3   Ashdown Vale inspection report 12 March 2024", PROSE[1]], 2),
        (["Duty of care in elite sport      19", PROSE[0],
          "Duty of care in elite sport      21", PROSE[1]], 2),
        # regression (set 171): a number after "|", and a foot inside a list the article
        # introduces (no list item recurs with a changing number)
        (["Dunmere Staff Survey 2024 | 2", PROSE[0], "Dunmere Staff Survey 2024 | 12",
          PROSE[1]], 2),
        (["Employers must not:", "use an agreement to stop a report to a regulator;",
          "LPSB guidance: Non-disclosure agreements | 3",
          "hide a colleague's harassment from a new employer;",
          "LPSB guidance: Non-disclosure agreements | 8",
          "make a payment depend on silence about a crime."], 2),
        # regression (set 270): a title of two words with a "|" before or after the number
        (["2 | Annual Report 2024", PROSE[0], "Annual Report 2024 | 3", PROSE[1]], 2),
        # regression (sets 16, 255, 286): a contents box's entries carry their page numbers
        (["Contents", "1. Background\t1", "2. Who responded\t1", "1. Background", PROSE[0],
          "2. Who responded", PROSE[1]], 2),
        # regression (set 283): a transcript's foot, its date and the page labelled "Page"
        (["Wednesday 22 January 2025", PROSE[2], PROSE[0], "22 January 2025\tPage 14",
          PROSE[0], "22 January 2025\tPage 15", PROSE[1]], 2),
        # ... but not numbered sub-headings, nor a number in running text
        (["2 The athlete pathway", PROSE[0], "3 The athlete pathway", PROSE[1]], 0),
        (["Annual Report   2", PROSE[0], "Annual Report   3", PROSE[1]], 0),
        (["Recommendation   2", PROSE[0], "Recommendation   3", PROSE[1]], 0),
        # a gallery's title over every slide's caption, in any case (dw.com page)
        (["Racist, ruthless, cruel: the colonial history", PROSE[0]] * 3, 3),
        (["Racist, ruthless, cruel: the colonial history", PROSE[0]] * 2, 0),
        # set 98: a print view's running head at each page break, a paragraph going on below
        (["Fire service review finds bullying | The Chronicle", PROSE[0],
          "Fire service review finds bullying | The Chronicle", "were moved to other watches.",
          PROSE[1], "Fire service review finds bullying | The Chronicle", PROSE[2]], 3),
        # regression (set 123): two sub-headings that recur over prose are the article's
        # structure, one label recurring so a page header (the first rows)
        (["Pros", PROSE[0], "Cons", PROSE[1], "Pros", PROSE[2], "Cons", PROSE[0]], 0),
        # ... but not a fixture list's repeated entry, with no sentence between copies (BBC)
        (["Mozambique v Zimbabwe", "Winners meet in final match", "Namibia v Botswana",
          "Winners meet in final match", "Lesotho v Malawi", "Winners meet in final match",
          PROSE[0]], 0),
        # regression (sets 221, 250, 254, 269, 279, 284): a forum reply's subject repeats the
        # thread's title after "Re:"
        (["The Dunmore report - what it actually says and why it matters (long post)",
          PROSE[0], "TownTillIDie",
          "Re: The Dunmore report - what it actually says and why it matters (long post)",
          PROSE[1]], 1),
        # regression (set 291): a bulletin's running head is its title, punctuated ("—", ",")
        (["CASD Safety Bulletin FSB 2025-04 \u2014 Commuting, Fatigue and Fitness for Duty",
          PROSE[0],
          "CASD Safety Bulletin FSB 2025-04 \u2014 Commuting, Fatigue and Fitness for Duty",
          PROSE[1]], 2),
        # ... but a letter's salutation, once per letter of a thread, ends in a comma
        (["Dear Fenmoor Valley NHS Foundation Trust,", PROSE[0],
          "Dear Fenmoor Valley NHS Foundation Trust,", PROSE[1]], 0),
        # regression (set 296): facing pages set the number one space from the title, at the
        # start of one copy and the end of the other ...
        (["46 Northvale Energy plc Annual Report and Accounts 2024", PROSE[0],
          "Northvale Energy plc Annual Report and Accounts 2024 47", PROSE[1]], 2),
        # ... not a figure ending each of two rows
        (["Near misses reported in 2024: 212", "Near misses reported in 2023: 264", PROSE[0]],
         0),
        # regression (set 257): each table of a results page has the same header row
        (["Candidate\tParty\tVotes\nAnn Lee\tGreen\t1,204\nRaj Das\tLabour\t988", PROSE[0],
          "Candidate\tParty\tVotes\nTom Hay\tReform\t2,310\nLiz Ode\tLabour\t1,870",
          PROSE[1]], 0),
    ],
)  # fmt: skip
def test_repeated_lines(lines: list[str], removed: int) -> None:
    doc = clean_document("\n\n".join(["A headline about something", *lines]), rules=RULES)
    assert sum(r.rule == "repeated_line" for r in doc.removed) == removed


def test_a_quoted_headline_over_its_byline_is_no_pull_quote() -> None:
    """Regression (sets 43, 55, 63, 64, 172, 190, 196, 211, 275, 286): a headline that opens
    with a quote, repeated inside a share line below, is the headline, not a pull quote."""
    headline = "'I held her hand for nine hours': Gran, 84, kept outside A&E as crews queued"
    lines = ["Health", headline, "By GEMMA RUDDOCK, HEALTH REPORTER", "3 February 2025", "",
             *PROSE, f"Share or comment on this article: {headline}"]  # fmt: skip
    assert clean_document("\n".join(lines), rules=RULES).title == headline


@pytest.mark.parametrize("gap", ["\n\n", "\n"])
def test_repeated_headline_over_its_byline_is_the_headline(gap: str) -> None:
    """Regression (real pages, batch 5): a sticky header repeats the headline higher up; the
    copy with the byline under it is the headline, not a repeat."""
    head = ["Quanta Magazine", "The Hidden Heroines of Chaos", "Read Later", "Share", "Physics",
            "The Hidden Heroines of Chaos", "By Joshua Sokol", "May 20, 2019"]  # fmt: skip
    doc = clean_document(gap.join([*head, *PROSE]), rules=RULES)
    assert doc.title == "The Hidden Heroines of Chaos"
    assert rule_of(doc, "The Hidden Heroines of Chaos") == "repeated_line"  # the first copy


def test_boilerplate_option() -> None:
    blurb = "Honest writing about work, teams and leading from the middle."
    text = "\n\n".join(["Headline here", *PROSE, blurb])
    assert blurb in clean_document(text, rules=RULES).text
    doc = clean_document(text, rules=RULES, boilerplate=frozenset({line_fingerprint(blurb)}))
    assert rule_of(doc, blurb) == "boilerplate"
    with pytest.raises(TypeError, match="boilerplate must be a set"):
        clean_document(text, rules=RULES, boilerplate=[blurb])  # type: ignore[arg-type]


BENCH = "R Russell, B Douglas, N Hines, J Dunbar, M Blair, G Ross, B Hinshelwood."
HEADLINE = "Wards hit 31C as first heat alert of the summer is issued"


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Honest writing about work, teams and leading from the middle.", "boilerplate"),
        ("Yes.", None),  # an answer in several interviews
        ('"We will not stop until every ward is safe."', None),  # a quote several stories use
        (BENCH, None),  # the same bench in three match reports (regression: BBC sport)
        # a report template's section headings (regression: sets 73, 112, 162, 166, 174)
        ("What happened", None),
        ("2. INTRODUCTION", None),
        ("Notes to editors:", None),
        ("What happened?", None),  # regression (set 181): a template's heading may ask
        ("Senior Fellow", "boilerplate"),  # a role line over a think tank's bios (set 66)
        # a page's own headline, listed as a link on other pages of the site (regression)
        (HEADLINE, "metadata_title"),
    ],
)
def test_boilerplate_keeps(line: str, rule: str | None) -> None:
    body = [PROSE[0], "", PROSE[1]] if line == HEADLINE else [PROSE[0], "", line, "", PROSE[1]]
    text = "\n".join([HEADLINE, "By Jane Smith", "", *body])
    doc = clean_document(text, rules=RULES, boilerplate=frozenset({line_fingerprint(line)}))
    assert rule_of(doc, line) == rule
