"""Tests for culturelens.clean: rules, normalisation, the no-silent-loss invariant, evaluation."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

from culturelens import _patterns as P
from culturelens.clean import (
    CleanDocument,
    Paragraph,
    apply_rules,
    clean_document,
    document_from_state,
    load_rules,
    normalize_text,
)
from culturelens.clean_learn import train_from_states
from culturelens.line_model import LineModel

REPO = Path(__file__).resolve().parents[1]
SEEDS = sorted((REPO / "seeds").glob("*.txt"))
CORPORA = Path(os.environ.get("CULTURELENS_CORPORA", REPO / ".." / "shared" / "corpora"))
RULES = load_rules()
PROSE_A = "The council said the new scheme would start in the spring, subject to funding."
PROSE_B = "Opposition members said they would scrutinise the costs closely before the vote."


def _doc(*middle: str) -> str:
    return "\n\n".join([PROSE_A, *middle, PROSE_B]) + "\n"


# --------------------------------------------------------------------------- normalisation
@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("learn\u00a0not\u00a0blame", "learn not blame"),
        (
            "\u201cmindset change\u201d and the King\u2019s Fund",
            '"mindset change" and the King\'s Fund',
        ),
        ("pay, culture \u2013 Jeremy Hunt", "pay, culture \u2013 Jeremy Hunt"),
        ("pay\u2014culture", "pay \u2013 culture"),
        ("from 2010\u20132015", "from 2010-2015"),
        ("clinically evidence -based policy", "clinically evidence-based policy"),
        ("a temperature of -5 degrees", "a temperature of -5 degrees"),
        ("pre- and post-operative care", "pre- and post-operative care"),
        ("caf\u0065\u0301 owners", "caf\u00e9 owners"),
        ("zero\u200bwidth\u00adsoft", "zerowidthsoft"),
        ("line one\r\nline two\rline three", "line one\nline two\nline three"),
        ("yesterday.\u00a0 ", "yesterday."),
        ("a  \t  b", "a b"),
    ],
)
def test_normalize_text(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


@pytest.mark.parametrize("bad", [b"bytes", None, 3])
def test_normalize_text_rejects_non_str(bad: object) -> None:
    with pytest.raises(TypeError, match="text must be str"):
        normalize_text(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "options", "message"),
    [
        (b"text", {}, "decode bytes first"),
        ("text", {"rules": ["rule"]}, "load_rules"),
        ("text", {"boilerplate": ["x"]}, "recurring_lines"),
        ("text", {"line_model": {"w=share": 1.0}}, "line_model must be a LineModel"),
    ],
)
def test_clean_document_type_errors(text: object, options: dict, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        clean_document(text, **{"rules": RULES, **options})  # type: ignore[arg-type]


# --------------------------------------------------------------------------- documents
@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("29 Nov 18", "2018-11-29"),
        ("Published: 3 March 2021, 08:15 GMT", "2021-03-03"),
        ("Thu 14 Oct 2021 06.00 BST", "2021-10-14"),
        ("August 12, 2022", "2022-08-12"),
        ("2023-04-19", "2023-04-19"),
        ("17/05/2022", "2022-05-17"),
        ("Last modified on Tue 14 Mar 2023 12.01 GMT", "2023-03-14"),
        ("9 Feb 2022 | Updated 10 Feb 2022", "2022-02-09"),
        ("31 Feb 2022", None),
        # regression rows from the blind sets 7-9: weekday, reading time, month first, two dates
        ("Mon Mar 11 2024 - 05:45", "2024-03-11"),
        ("Published 14 May 2024, 06:30 | 4 min read", "2024-05-14"),
        ("Post Date: 07/25/2024 2:15 PM", "2024-07-25"),
        ("28.04.2024, 19:47 o'clock | Reading time: 3 minutes", "2024-04-28"),
        ("PUBLISHED: March 11, 2025 at 5:45 PM CDT | UPDATED: March 11, 2025 at 9:12 PM CDT",
         "2025-03-11"),
        # regression (real pages, batch 4): a page's markup glued the agency to the date
        ("Associated PressDecember 2, 2016", "2016-12-02"),
        ("Tickets remember 2, 2016", None),  # no month inside a word
        # regression (set 97): a numeric date written with hyphens, day first
        ("First published on: 11-04-2025 at 09:05 IST", "2025-04-11"),
        # regression (sets 14, 116, 192, 288): a forum post's time, joined with hyphens
        ("Sun 09-Feb-25 21:14:06", "2025-02-09"),
    ],
)  # fmt: skip
def test_date_line(line: str, iso: str | None) -> None:
    doc = clean_document(
        f"A headline about the council budget\n\n{line}\n\n{PROSE_A}\n", rules=RULES
    )
    assert doc.date == iso
    assert doc.title == "A headline about the council budget"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Ad sales boost Time Warner profit\n\n" + PROSE_A, "Ad sales boost Time Warner profit"),
        ("Is the NHS too quick to blame?\n\n" + PROSE_A, "Is the NHS too quick to blame?"),
        (PROSE_A + "\n\n" + PROSE_B, None),
        ("Only one line of text", None),
        ("\u2022 A standfirst bullet\n\n" + PROSE_A, None),
    ],
)
def test_title(text: str, title: str | None) -> None:
    assert clean_document(text, rules=RULES).title == title


@pytest.mark.parametrize(
    ("line", "kept", "rule"),
    [
        ("Did you enjoy this article?Health officials said the plan would go ahead.",
         "Health officials said the plan would go ahead.", "engagement_prompt"),
        ("The trust said it was sorry.Share this article", "The trust said it was sorry.",
         "engagement_prompt"),
        ("It was 5 p.m.The ward was full.", "It was 5 p.m.The ward was full.", None),
        ("AT&amp;T said &#8220;no&#8221; to the offer.", 'AT&T said "no" to the offer.', None),
        # regression (set 100): icons between a share bar's buttons; an emoji in prose stays
        ("\U0001f4ac WhatsApp   \U0001f4d8 Facebook   \u2716\ufe0f X   \u2709\ufe0f Email", "",
         "share_bar"),
        ("The cabinet voted 6-2 to stop the buses. \U0001f68c",
         "The cabinet voted 6-2 to stop the buses. \U0001f68c", None),
    ],
)  # fmt: skip
def test_glued_artefacts_and_entities(line: str, kept: str, rule: str | None) -> None:
    doc = clean_document(_doc(line), rules=RULES)
    assert [p.text for p in doc.paragraphs[1:-1]] == ([kept] if kept else [])
    assert [r.rule for r in doc.removed] == ([rule] if rule else [])


@pytest.mark.parametrize(
    ("head", "title", "date", "n_removed"),
    [
        (["LOCAL NEWS", "Fire crews battle blaze at plant", "Updated: 6:42 PM EDT Jul 19, 2023"],
         "Fire crews battle blaze at plant", "2023-07-19", 3),
        (["Blackburn v Burnley", "Ewood Park", "Tuesday, 1 March"], "Blackburn v Burnley", None, 1),
        (["Charity warns of pensioners skipping meals", "LONDON, 4 April 2024 /PRNewswire/ --"],
         "Charity warns of pensioners skipping meals", "2024-04-04", 2),
        (["Why is the price of olive oil so high?", "Posted on 15 January 2024", "By Tom Hughes"],
         "Why is the price of olive oil so high?", "2024-01-15", 3),
        (["Hearing on 12 May 2024 could decide fate of the hospital"],
         "Hearing on 12 May 2024 could decide fate of the hospital", None, 1),
    ],
)  # fmt: skip
def test_header_metadata(head: list[str], title: str, date: str | None, n_removed: int) -> None:
    doc = clean_document("\n\n".join([*head, PROSE_A, PROSE_B]), rules=RULES)
    assert (doc.title, doc.date, len(doc.removed)) == (title, date, n_removed)


def test_partial_php_warning_keeps_glued_prose() -> None:
    text = (
        "Warning: Division by zero in /var/www/a.php on line 12\u2022 Culture must change\n"
        + PROSE_A
    )
    doc = clean_document(text, rules=RULES)
    assert doc.paragraphs[0] == Paragraph("Culture must change", "standfirst", 1, True)
    assert doc.removed[0].rule == "php_error" and doc.removed[0].line_no == 1


def test_clean_document_text_property() -> None:
    assert CleanDocument((), (), None, None).text == ""
    doc = clean_document(_doc("Advertisement"), rules=RULES)
    assert doc.text == f"{PROSE_A}\n\n{PROSE_B}\n"


def test_related_block_needs_no_colon_intro() -> None:
    heads = ["Nurses vote to strike over pay offer", "Hospital chief quits after damning report"]
    assert len(clean_document(_doc(*heads), rules=RULES).removed) == 2
    listed = clean_document(_doc("The plan has three parts:", *heads), rules=RULES)
    assert listed.removed == ()


# Paragraphs of a Japanese news page (real pages, batch 6), where no space separates words.
JAPANESE = [
    "トレンドマイクロは3月9日、Wi-Fi利用時の通信を暗号化し保護するスマホ向けのセキュリティアプリを発表した。",
    "フリーWi-Fiの設置が促進され、フリーWi-Fiの利用者も増加している。",
    "同社の調査では、利用者の約半数が通信の安全性に不安を感じていると回答した。",
]


@pytest.mark.parametrize("gap", ["\n\n", "\n"])
def test_prose_without_spaces_between_words_is_kept(gap: str) -> None:
    """Regression (real pages, batch 6): a paragraph of Japanese was one or two "words", so
    every paragraph was taken for a label and the whole article was lost."""
    doc = clean_document(gap.join(["ホーム", "ニュース", *JAPANESE, "ホーム"]), rules=RULES)
    assert [p.text for p in doc.paragraphs] == JAPANESE


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_no_silent_loss_on_seeds(path: Path) -> None:
    _assert_no_silent_loss(path.read_text(encoding="utf-8"))


def _assert_no_silent_loss(text: str, doc: CleanDocument | None = None) -> CleanDocument:
    """Clean ``text`` with the packaged rules (or take ``doc``, cleaned from it already), check
    every non-blank line is kept or in the removed table, and return the document (for
    callers that score it)."""
    doc = clean_document(text, rules=RULES) if doc is None else doc
    kept = {p.line_no + k for p in doc.paragraphs for k in range(p.n_lines)}
    removed = {r.line_no for r in doc.removed}
    for no, raw in enumerate(P.RE_LINE_BREAK.split(text), 1):
        if normalize_text(raw):
            assert no in kept | removed, f"line {no} lost: {raw!r}"
    assert all(doc.text.count(p.text) for p in doc.paragraphs)
    return doc


# --------------------------------------------------------------------------- robustness
@pytest.mark.parametrize(
    "text",
    [
        "word " * 400_000,  # a 2 MB single line
        "!" * 1_000_000,
        ("Home > " * 200_000) + "x",
        "Warning: " * 100_000 + " in /a.php on line 1",
        ("\u201c" + "a" * 50 + "\u201d ") * 20_000,
        "\n".join(["Share | Tweet | Email"] * 20_000),
        # regression (2026-11): a colon after a tag list made tags_categories' pattern
        # backtrack without end; this one line never finished
        "Tags: bullying, PhD, postgraduate, supervisors, UCU Share: Facebook | X | WhatsApp",
    ],
    ids=["long-line", "punctuation", "breadcrumb", "php", "quotes", "many-lines", "tag-list"],
)
def test_linear_time_on_hostile_input(text: str) -> None:
    # speed is measured in benchmarks/bench_clean.py; here: hostile input completes
    doc = clean_document(text, rules=RULES)
    assert doc.paragraphs or doc.removed


@pytest.mark.parametrize("weight", [0.0, 10.0])  # the model keeps the blurb, or removes it
def test_one_rules_state_finishes_with_any_model(weight: float) -> None:
    text = _doc("Acme keeps families covered for less")
    model = LineModel({"w=acme": weight}, -5.0, 0.5)
    state, fragments = apply_rules(text, rules=RULES)
    before = dict(state.removed)
    doc = document_from_state(state, fragments, line_model=model)
    assert state.removed == before  # the learned pass ran on a copy
    assert doc == clean_document(text, rules=RULES, line_model=model)
    assert ("learned_line" in {r.rule for r in doc.removed}) == (weight > 0)


def test_bbc_body_lines_are_kept(request: pytest.FixtureRequest) -> None:
    """Real prose with no artefacts: all 2,225 BBC articles (10,635 body lines); the first
    line is the headline. The rules run once per article, then the learned pass on a copy."""
    folder = CORPORA / "bbc"
    if not folder.is_dir():
        pytest.skip("BBC corpus not available (set CULTURELENS_CORPORA)")
    files = sorted(folder.glob("*.txt"))
    # the pipeline's default: the rules, then the learned pass at threshold 0.95
    # as train_line_model on every labelled line, from the rules' states the suite finds once
    gold_states = request.getfixturevalue("gold_states")
    model = train_from_states(gold_states, threshold=0.95, seed=1)
    body = lost = lost_learned = titled = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        state, fragments = apply_rules(text, rules=RULES)
        doc = document_from_state(state, fragments)
        titled += doc.title == text.split("\n", 1)[0].strip()
        body += sum(1 for line in text.split("\n")[1:] if line.strip())
        lost += sum(1 for r in doc.removed if r.line_no > 1)
        learned = document_from_state(state, fragments, line_model=model)
        lost_learned += sum(1 for r in learned.removed if r.line_no > 1)
    assert titled / len(files) >= 0.99
    assert 1 - lost / body >= 0.997  # 25 lines (0.9976)
    # 0.9931 (73 lines, 48 of them the learned pass's: mostly sports data, fixtures, venues
    # and dates; see docs/cleaning.md). The bound was on every tenth article until the
    # twelfth pass, where one line (0.0009) moved it across its bound whenever the training
    # sets changed; on all articles one line is 0.0001.
    assert 1 - lost_learned / body >= 0.992


@pytest.mark.parametrize("n_rows", [0, 3])
def test_plot_removed_lines(n_rows: int) -> None:
    from culturelens.plots.cleaning import plot_removed_lines

    rows = [("a", 1, "php_error", "x"), ("a", 2, "advertising", "y"), ("b", 3, "php_error", "z")]
    removed = pd.DataFrame(rows[:n_rows], columns=["doc_id", "line_no", "rule", "text"])
    fig = plot_removed_lines(removed)
    assert len(fig.axes) == 1
    assert len(fig.axes[0].patches) == (4 if n_rows else 0)  # 2 rules x 2 documents
    with pytest.raises(ValueError, match="missing column"):
        plot_removed_lines(removed.drop(columns="rule"))


# Page furniture of well-known news sites, and prose that shares their words; each line is
# checked on its own between two prose paragraphs (no help from neighbouring artefacts).
FURNITURE = [
    "Privacy Notice: Newsletters may contain info about charities, online ads, and content funded "
    "by outside parties. For more information see our Privacy Policy. We use Google reCaptcha to "
    "protect our website and the Google Privacy Policy and Terms of Service apply.",
    "Sign in or create your Guardian account to join the discussion",
    "This discussion is closed for comments",
    "Most viewed",
    "Image source, Getty Images",
    "Media caption, Matt Hancock said leaders need permission to fail",
    # set 7-42 captions with the credit after the caption's sentence (eleventh pass)
    "Declan Whelan at the table during his 10-8 win. Photo: Cue View / J. Pilling",
    "A labourer cools off under a leaking water main on Thursday. \u2014 Photo by Shakeel Ahmed",
    "Agents line up outside the office on Monday morning. PHOTO BY JUN DELA CRUZ",
    "The emergency department at Foyleside Hospital. Picture by Declan Roulston",
    "Office workers cross a street in Jung-gu, central Seoul, on Tuesday. (Yonhap)",
    "Call center agents work the graveyard shift in a Quezon City office. LEDGER FILE PHOTO",
    "A nurse double-checks a medicine chart. Shutterstock/StockLab",
    "An overnight incident call at a software company. getty",
    "Top Stories",
    "Features",
    "On your mobile",
    "Get news alerts",
    "Contact BBC News",
    "Related Internet Links",
    "The BBC is not responsible for the content of external sites.",
    "View comments",
    "Follow BBC Health on Facebook, X and Instagram. Send your story ideas to news@bbc.co.uk",
    "Please enter a valid email address",
    "Thanks for signing up to the Health Check email",
    "Join our commenting forum",
    "Join thought-provoking conversations, follow other Independent readers and see their replies",
    "Popular videos",
    "Sponsored Features",
    "Bookmark popover",
    "Removed from bookmarks",
    "Want to bookmark your favourite articles and stories to read or reference later? "
    "Start your Independent Premium subscription today.",
    "Join our WhatsApp community for the latest news",
    "Got a story? Email us at news@example.co.uk",
    "Please register or log in to view the rest of this article",
    "Get full access",
    "Tagged with:",
    "Related files",
    "Have your say",
    "Newsletter",
    "Sign up",
    "Your information will be used in accordance with our Privacy Policy",
    "We use your sign-up to provide content in ways you've consented to and to improve our "
    "understanding of you.",
    "Invalid email",
    "Something went wrong, please try again later.",
    "Most Read",
    "Read next",
    "Recommended for you",
    "Watch more",
    "Don't miss",
    "Updated 3 hours ago",
    "This article was amended on 5 March 2024 to correct the spelling of a name.",
    "Click here to subscribe",
    "To receive this newsletter every week, sign up here.",
    "Support us",
    "Donate now",
    "Print",
    "Email",
    "Share on Facebook",
    "Share on Twitter",
    "WhatsApp",
    "LinkedIn",
    "Comments",
    "Report this comment",
    "Reply",
    "Sort by: Newest",
    "Get our flagship newsletter with all the headlines you need to start the day. Sign up here.",
    "Subscribe to HSJ to read the full article",
    "Unlock with a subscription",
    "You are viewing a limited preview of this article",
    "Subscribe today",
    "Log in",
    "Register",
    "Back to News",
    "Related articles",
    "Latest jobs",
    "Posted by admin",
    "Filed in: NHS workforce",
    "© Crown copyright",
    "Open Government Licence v3.0",
    "Source: NHS England",
    "Picture credit: Shutterstock",
    "Credit: Getty",
    "Listen to this story",
    "Audio generated by AI",
    "Download the app",
    "Continue reading",
    "Read the full story",
    "Follow us",
    "Facebook Twitter Instagram YouTube",
    # tenth pass: publisher notes, disclosures and file links in wordings of sets 7-36
    "Correction, 2 June 2025: An earlier version of this report gave the wrong ward name.",
    "Clarification: the trust has asked us to make clear the review is independent.",
    "Trigger warning: this article discusses self-harm.",
    "The following contains descriptions of abuse that some readers may find distressing.",
    "Opinion pieces reflect the writer's own views, not those of the paper.",
    "This report was funded by a grant from the Nuffield Trust.",
    "This explainer has been checked in line with our editorial standards.",
    "If you've been affected by the issues raised here, call Samaritans on 116 123.",
    "Capital at risk. Investments can fall in value.",
    "We may receive a small commission on anything you buy.",
    "This page contains affiliate links.",
    "Annual report 2023-24 (PDF, 2.4MB)",
    "Open the consultation document (DOCX, 96 KB)",
    # regression (set 271): a scan's specks end in a full stop but hold no word
    "' , \u25a0 .",
]
HARD_CONTENT = [
    "It was shocking. Photo ID is now required at the gate.",
    "She posted a photo: the ward at 3am, empty.",
    "It was a bad week. Photos by staff showed overflowing bins in the corridor.",
    "The trust was rated inadequate by the Care Quality Commission (CQC).",
    "The comments were made at a meeting of the health committee on Tuesday.",
    "Back to the drawing board",
    "Back to basics",
    "Contact tracing",
    "Follow the money",
    "The minister declined to comment on the leaked report.",
    '"Read the report," she said.',
    'Comments by the chief executive were described as "disappointing" by unions.',
    "The newsletter, sent to all staff, warned of further cuts.",
    "Features of the new scheme include free parking for night staff.",
    "The app was downloaded more than a million times in its first week.",
    "Subscribers to the scheme will receive a refund, the company said.",
    "About time",
    "About 40% of staff said they had experienced bullying.",
    "Posted by the council on Facebook, the video was viewed 200,000 times.",
    "Sign of the times",
    "Share prices fell sharply after the announcement.",
    "He said the discussion was closed.",
    "The forum was closed to the public.",
    "Join the queue",
    "Keep calm and carry on",
    "Get well soon",
    "Free school meals",
    "Live music returns to the park",
    "Watch this space",
    "Privacy concerns",
    "The trust's privacy policy was criticised by the watchdog.",
    "This article was first published by our sister title last year, the editor said.",
    "Copyright law has not kept pace with AI, the committee said.",
    "Click and collect sales rose by 20% over Christmas.",
    "Download speeds in rural areas remain slow.",
    "Print circulation fell again.",
    "Email scams targeting pensioners are on the rise, police warned.",
    "Unlock the potential of every child",
    "Register of interests",
    "Apply the brakes",
    "Most of the staff surveyed said they felt supported.",
    "Latest figures show waiting lists rising again.",
    "Popular culture",
    "Related to this, the report found that training budgets had been cut.",
    "Donate blood",
    "Rate rise",
    "Sponsored walk raises £18,000 for hospice",
    "Newsletter editor wins award",
    "Recommended reading for new managers includes the Francis report.",
    "Top of the league",
    "Jobs market cools",
    "Careers advice",
    "Search and rescue teams were called at 2am.",
    "Menu prices have risen by 10%.",
    "Home secretary",
    "News of the cuts spread quickly.",
    "Advertising revenue fell by a third.",
    "Ad hoc arrangements",
    "Tags and labels were attached to each sample.",
    "Topics covered included pay, pensions and staffing.",
    "Source of the leak",
    "Photo opportunities",
    "Image problem for the NHS",
    "Credit where it is due",
    "Reporting restrictions were lifted by the judge.",
    "Comment is free, but facts are sacred.",
    "Like this, the scheme would fail.",
    "Thanks for the memories",
    "Reply to the consultation by 5 May.",
    "Sort out the backlog first",
    "14 Amber Kerr (12)",  # regression (set 18): a line-up entry, not "Section (12)"
    "Table 1 shows that complaints doubled.",
    "The views of staff were not sought, the report said.",
    "We are a team | 6.63 | 6.74 | 6.76",  # regression (set 30): a table row, not a menu
    "What did the report find?",  # regression (set 36): a sub-heading, not a feedback prompt
    "Sale 3.2 6.5 10.7 12.9 (81)",  # regression (set 32): a score line, not "Section (12)"
    "The correction was published a week after the story ran.",
    "Those affected by the closures will be offered other posts.",
    "The report (PDF) runs to 412 pages, and the board has not discussed it.",
    "The value of the contract could fall by a third, the council warned.",
    "Nurses may earn a bonus of up to £1,000 under the scheme.",
    "c. worker safety and wellbeing (27)",  # regression (set 37): a lettered list item
    # regressions (set 257): an arrow bullets an item of a list; a site's cookies in prose
    "\u2192 the date of the meeting;",
    "A few people have asked about this website. It doesn't use advertising cookies, and I "
    "have never paid for targeted adverts.",
    # regression (set 254): the comments under other stories are the writer's subject
    "Read the comments under any story about vet fees and you'll find the same words again "
    "and again: greedy, rip-off, con artists.",
    # regression (set 260): an offer in reported speech is the company's, as the story says
    "Customers who sign up online before 30 April will also get their first month free, "
    "Kestrel said.",
    # regression (set 271): a subheading that names who responds, with no role after a comma
    "Response from NHS England",
    # regression (set 308): an item of a list whose sentence runs on past it
    "access to 12 free counselling sessions for every colleague and their immediate family;",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_site_furniture_is_removed(line: str) -> None:
    assert clean_document(_doc(line), rules=RULES).removed, f"kept: {line!r}"


@pytest.mark.parametrize("line", HARD_CONTENT)
def test_prose_sharing_furniture_words_is_kept(line: str) -> None:
    assert clean_document(_doc(line), rules=RULES).removed == ()


@pytest.mark.parametrize(
    ("text", "n_lines"),
    [("a\n\nb\r\nc\rd", 4), ("", 0), ("  \n\u00a0\n", 0), ("one line", 1)],
)
def test_clean_document_counts_non_blank_raw_lines(text, n_lines):
    doc = clean_document(text, rules=load_rules())
    assert doc.n_lines == n_lines
    assert len({p.line_no for p in doc.paragraphs} | {r.line_no for r in doc.removed}) <= n_lines


@pytest.mark.parametrize(
    ("below", "kept"),
    [
        # a release's boilerplate: the heading is the release's own (sets 165-253)
        ("Thornbury Buses runs 140 buses across the north of the county and employs 600.", True),
        ("Founded in 1962, Thornbury Buses is one of the largest operators in the county.", True),
        # a person's box, a site's own box (sets 64, 117)
        ("Sam runs the club's coaching programme. She writes about grassroots football.", False),
        (
            "We rate claims on a five-point scale from false to accurate, as our guide explains.",
            False,
        ),
    ],
)
def test_about_heading_stays_over_a_description(below: str, kept: bool) -> None:
    doc = clean_document(_doc("About Thornbury Buses", below), rules=RULES)
    assert ("About Thornbury Buses" in doc.text) is kept


@pytest.mark.parametrize(
    ("below", "kept"),
    [
        # regression (sets 12, 13, 182, 243, 249, 282): the story's heading over how to
        # respond to a consultation, with its deadline
        ("The consultation closes on 30 June and can be completed online or at the library.",
         True),
        ("Residents can submit comments on the proposals until 30 May through the portal.", True),
        ("We want to know what you think of the proposal and how it could affect you.", True),
        # a prompt over the page's comments or a poll (sets 17, 88, 260)
        ("Comments (23)", False),
        ("Should the district council help fund community pub buyouts?", False),
    ],
)  # fmt: skip
def test_have_your_say_stays_over_a_consultation(below: str, kept: bool) -> None:
    doc = clean_document(_doc("Have your say", below), rules=RULES)
    assert ("Have your say" in doc.text) is kept
