"""Tests for culturelens.detect_blocks: form-based block detectors, one table per detector."""

from __future__ import annotations

import pytest
from test_artefacts import PROSE, RULES, removed_rules, rule_of

from culturelens.clean import clean_document


@pytest.mark.parametrize(
    ("line", "removed"),
    [
        ("48", True),
        ("1.2k", True),
        ("15:42", True),
        ("1 of 12", True),
        ("1 / 12", True),
        ("Page 14 of 38", True),
        ("Updated 3 hours ago", True),
        # compact ages and a comment's author with its age (set 81: forum and Q&A copies)
        ("3d", True),
        ("Updated 1y", True),
        ("u/harbour_sal \u00b7 6h", True),
        ("Employment solicitor \u00b7 2y", True),
        ("[00:05:12]", True),  # a podcast transcript's timestamp
        # regression (sets 60, 258, 287): a discussion site's post age with a full stop
        ("6 hr. ago", True),
        # regression (sets 18, 144, 282): a networking site's post age with its globe
        ("3d \u2022 Edited \u2022 \U0001f310", True),
        ("1w \u2022 \U0001f310", True),
        # regression (set 270): a forum post's card prints its member's handle alone
        ("Old_Sweat_REME", True),
        ("u/drains_and_brains", True),
        ("78,000", False),  # an attendance figure
        ("Saturday, 26 February", False),  # a match preview's date
        ("Under 18s", False),  # a ticket price list's entry
    ],
)
def test_residue_between_prose(line: str, removed: bool) -> None:
    assert (line in removed_rules("\n\n".join([PROSE[0], line, PROSE[1]]))) is removed


def test_a_handle_above_the_first_paragraph_is_the_byline() -> None:
    """A thread's first post: its member's handle over the text is no card's residue."""
    doc = clean_document(
        "\n\n".join(["Should my son report his instructor?", "Old_Sweat_REME", *PROSE]),
        rules=RULES,
    )
    assert rule_of(doc, "Old_Sweat_REME") != "ui_residue"


def test_a_date_with_a_running_time_is_the_date() -> None:
    """Regression (set 81): an episode's "9 April 2025 \u00b7 41 min" is no comment's age."""
    doc = clean_document(
        "\n\n".join(["Headline here", "9 April 2025 \u00b7 41 min", *PROSE]), rules=RULES
    )
    assert doc.date == "2025-04-09"


@pytest.mark.parametrize(
    ("line", "removed"),
    [
        # real pages, batches 5 and 6: teasers cut off by the site with "…"
        ("When you walk into almost any store, you're immediately overloaded with sights, "
         "sounds,\u2026", True),
        ("This dating app will help you avoid th\u2026", True),
        ("Loading video...", True),
        # readers' views that trail off with three dots are the article's (BBC, tech_401)
        ("I play xbox live every day and I find myself rescheduling everything around my "
         "gaming fix, well at least you'll be together somewhere...", False),
        ('"I just don\'t know what happens next\u2026"', False),
    ],
)  # fmt: skip
def test_truncated_line(line: str, removed: bool) -> None:
    doc = clean_document("\n\n".join(["Headline here", PROSE[0], line, PROSE[1]]), rules=RULES)
    assert (rule_of(doc, line) == "truncated_teaser") is removed


def test_a_paragraph_cut_by_a_paywall_is_the_storys() -> None:
    """Regression (set 282): the last paragraph before the wall, cut with "…", is kept."""
    cut = ("Control manager Phil Ashdown said the early results were promising but warned "
           "that the service had to be careful about\u2026")  # fmt: skip
    text = "\n".join(["Headline here", *PROSE, cut, "This article is for subscribers only"])
    assert rule_of(clean_document(text, rules=RULES), cut) is None


@pytest.mark.parametrize(
    ("tail", "n_removed"),
    [
        (["12 comments", "Bookworm62", "3 hours ago", "Brilliant news, well done everyone.",
          "Reply"], 5),
        (["Comments (3)", "A reader wrote that the council should do better next time."], 2),
        # regression (sets 10, 12): a WordPress header carries the post's title
        (['2 thoughts on "Depot survey: six in ten members say they have been bullied at work"',
          "Tony R", "5 February 2025 at 7:12 am", "Well done to the stewards for this."], 4),
        # a Q&A site's and a forum's thread (set 81)
        (["41 comments from Sam Okoro and more", "Sam Okoro \u00b7 11mo",
          "Ours went to a consultancy and came back as a word cloud."], 3),
        (["Sort by: Best", "u/harbour_sal \u00b7 6h", "Petition got 2,300 signatures."], 3),
        # regression (set 116): a discussion site's search box heads its thread
        (["Search Comments", "u/points_failure \u00b7 5 hr. ago",
          "Drove for them for three years and the early turnaround is real."], 3),
        # regression (real pages, batch 6): comments longer than the article, confirmed by a
        # reply button under the header
        (["There are 13 comments", "Sallie G", "March 10, 2017 at 12:20 AM",
          *[PROSE[0] + " " + PROSE[1]] * 3, "Reply"], 7),
        # regression (set 137): a paper's "Discussion" section is no thread, unless a reply
        # button below says it is
        (["Discussion", PROSE[0], PROSE[1]], 0),
        # ... also numbered (set 184: "5 Discussion" took a paper's last sections as a
        # thread); "2 Responses" is a thread's count
        (["5 Discussion", PROSE[0], PROSE[1]], 0),
        # regression (sets 95, 241): a legal report's "Comment" section is no thread (the
        # heading itself goes as a button's label)
        (["Comment", PROSE[0], PROSE[1]], 1),
        (["Comment", "Sallie G", "A reader wrote that the council should do better.", "Reply"],
         4),
        (["2 Responses", "Tom H — 4 June 2024 at 10:02", "Stealing this for our group."], 3),
        (["Discussion", "Sallie G", "A reader wrote that the council should do better.", "Reply"],
         4),
        # regression (set 221): a code host's issue, its first reply's author and date
        (["[18]oskar-whitlam commented [19]Oct 3, 2024",
          "+1. I stopped sending patches here last year for the same reason."], 2),
        (["rdalby Member commented 2 days ago", "Thanks, the address now works."], 2),
        # regression (set 202): where to send comments is no thread's header
        (["Comments about this page can be sent to your local OD partner.", PROSE[0]], 0),
        (["Comments on this article have been closed.", "Sallie G", "Shocking."], 3),
    ],
)  # fmt: skip
def test_comment_thread_after_the_article(tail: list[str], n_removed: int) -> None:
    doc = clean_document("\n\n".join(["Headline here", *PROSE, *tail]), rules=RULES)
    assert sum(r.line_no > 4 for r in doc.removed) == n_removed
    rules = {r.rule for r in doc.removed[1:]}
    assert rules <= {"comment_thread", "engagement_prompt", "ui_residue", "navigation"}


@pytest.mark.parametrize(
    "head",
    [
        ["Headline here", "12 comments"],
        # regression (real pages, batch 4): a comment count beside the byline is a button,
        # even after a page's other prose (a news stream above the article)
        [*PROSE[::-1] * 2, "Headline over the story", "By Ann Lee", "11 Comments"],
    ],
)
def test_comment_count_at_the_top_does_not_cut_the_article(head: list[str]) -> None:
    doc = clean_document("\n\n".join([*head, *PROSE]), rules=RULES)
    assert [p.text for p in doc.paragraphs][-3:] == PROSE


@pytest.mark.parametrize(
    ("tail", "kept"),
    [
        (["Was this page useful?", "Yes", "No", "Page last reviewed: 15 March 2024"], []),
        # a run longer than max_run (3) is left to menu_run, which takes it as a menu
        (["Was this page useful?", "Yes", "No", "Maybe", "Not sure", "Page last reviewed"], []),
        (["Referee: Anthony Taylor"], ["Referee: Anthony Taylor"]),
        # regression (sets 160, 278, 288): a letter's close below a page's footer is the
        # letter's, with or without its comma
        (["Page 2 of 3", "Yours sincerely", "Share this article"], ["Yours sincerely"]),
        (["Page 2 of 3", "With thanks,", "Share this article"], ["With thanks,"]),
        (["The plan has three parts:", "Money", "People", "Buildings"],
         ["The plan has three parts:", "Money", "People", "Buildings"]),
    ],
)  # fmt: skip
def test_ui_fragments_between_artefacts(tail: list[str], kept: list[str]) -> None:
    doc = clean_document("\n".join(["Headline here", *PROSE, *tail]), rules=RULES)
    assert [p.text for p in doc.paragraphs] == [*PROSE, *kept]


@pytest.mark.parametrize(
    ("block", "kept"),
    [
        (["Hospo giant slugged over underpaid backpackers", "Bar owner banned after chat leak"],
         []),
        # regression (sets 13, 17): a quoted sub-heading of up to six words above prose, right
        # after an advert or a related link, is the journalist's
        (["Hospo giant slugged over underpaid backpackers", "Bar owner banned after chat leak",
          "'Just get it in the air'"], ["'Just get it in the air'"]),
        # regression (set 17): emoji bullets make a list, not a block of headlines
        (["What's in the offer? 👇", "✅ a minimum of 11 hours between shifts",
          "🚋 Friday: full service on all four lines"],
         ["What's in the offer? 👇", "a minimum of 11 hours between shifts",
          "Friday: full service on all four lines"]),
        # regression (set 23): a box score with players' stats lines is data, not links
        (["Box score", "Hartley 58, Westerville North 51", "Hartley", "Kiara Dobbs 22 pts, 6 reb",
          "Maya Okafor 12 pts, 11 reb, 2 blk", "Jada Moss 8 pts, 5 ast"],
         ["Box score", "Hartley 58, Westerville North 51", "Hartley", "Kiara Dobbs 22 pts, 6 reb",
          "Maya Okafor 12 pts, 11 reb, 2 blk", "Jada Moss 8 pts, 5 ast"]),
        # regression (set 36): findings under a line introducing them are not links
        (["The report sets out its findings:",
          "Two in five said their appraisal focused mainly on data",
          "29 per cent had considered leaving headship in the past year"],
         ["The report sets out its findings:",
          "Two in five said their appraisal focused mainly on data",
          "29 per cent had considered leaving headship in the past year"]),
        # regression (set 31): a sub-heading over long bullets ends a teaser block
        (["MOST POPULAR", "Mother told her back pain was 'just stress' has rare cancer",
          "Revealed: The trusts where you wait longest in A&E", "What the study found",
          "* Eating the last meal after 9pm: 28 per cent higher risk of stroke in women",
          "* Fasting overnight for 13 hours or more: 16 per cent lower risk of stroke"],
         ["What the study found",
          "Eating the last meal after 9pm: 28 per cent higher risk of stroke in women",
          "Fasting overnight for 13 hours or more: 16 per cent lower risk of stroke"]),
        # regression (real pages, batch 7: Firefox Nightly blog): a web page's list after a
        # blank line keeps the section that follows it in its run, as before
        (["We are running three experiments:\n", "Newtab stories in two more countries",
          "A new sign-up prompt in the doorhanger\n", "Password Manager\n",
          "Dimi fixed Bug 1677710 so the manager code no longer blocks the main thread",
          "Thanks to Kenrick95 for fixing Bug 1678616 about the logins menu"],
         ["We are running three experiments:", "Newtab stories in two more countries",
          "A new sign-up prompt in the doorhanger", "Password Manager",
          "Dimi fixed Bug 1677710 so the manager code no longer blocks the main thread",
          "Thanks to Kenrick95 for fixing Bug 1678616 about the logins menu"]),
        # regression (set 93): a sub-heading of up to eight words over a sentence opening a list
        (["Hospo giant slugged over underpaid backpackers", "Bar owner banned after chat leak",
          "Three shifts that made a difference",
          "The organisations with the strongest cultures had made a few practical changes:",
          "1. Separating learning reviews from any disciplinary process.",
          "2. Publishing what changed as a result of reports."],
         ["Three shifts that made a difference",
          "The organisations with the strongest cultures had made a few practical changes:",
          "1. Separating learning reviews from any disciplinary process.",
          "2. Publishing what changed as a result of reports."]),
        # regression (set 92): a show's running order is data, not links
        (["In this episode", "(02:10) Joining the orchestra at 23",
          "(09:45) The section leader and the silence", "(18:30) Why freelancers don't complain"],
         ["In this episode", "(02:10) Joining the orchestra at 23",
          "(09:45) The section leader and the silence", "(18:30) Why freelancers don't complain"]),
        # regression (sets 35, 61, 92): a quoted sub-heading under a "Read more" link
        (["Read more: Preceptorship support patchy across trusts, regulator warns",
          "'We were told to keep our heads down'"], ["'We were told to keep our heads down'"]),
        # regression (set 40): a paragraph a PDF dump broke at the column width is no block
        (["Pay gap with neighbours", "Drivers here start at $19.40 an hour, compared with",
          "$22.15 in the next county, Pruitt said. The district",
          "has offered a signing bonus since August but has hired"],
         ["Pay gap with neighbours", "Drivers here start at $19.40 an hour, compared with",
          "$22.15 in the next county, Pruitt said. The district",
          "has offered a signing bonus since August but has hired"]),
        # regression (set 87): a numbered section heading of up to eight words above prose
        (["Hospo giant slugged over underpaid backpackers", "Bar owner banned after chat leak",
          "3. Retail sales by store type"], ["3. Retail sales by store type"]),
        # regression (set 274): a heading numbered by its label ("Proposal 1:") above prose
        (["We want to hear from both.", "What we are proposing",
          "Proposal 1: A smaller night quota"],
         ["We want to hear from both.", "What we are proposing",
          "Proposal 1: A smaller night quota"]),
        # ... but headlines with one figure each are still a related block
        (["Top 25: Reynoldsburg stays No. 1 heading into regionals",
          "Granville holds off Bishop Watterson in overtime thriller",
          "Three things we learned from the regional final"], []),
        # regression (set 101): a sub-heading that asks introduces the article's list ...
        (["What happens next?",
          "The Health and Safety Executive has opened an investigation into the collapse",
          "Two other county bridges of the same design have been closed as a precaution"],
         ["What happens next?",
          "The Health and Safety Executive has opened an investigation into the collapse",
          "Two other county bridges of the same design have been closed as a precaution"]),
        # regression (set 105): a sub-heading of up to eight words that asks or tells what,
        # who, why or how, above prose, ends a related block
        (["Emergency department wait times worst on record in three regions",
          "Graduate nurses still waiting for hospital jobs months after qualifying",
          "What the health agency says"], ["What the health agency says"]),
        # regression (set 176): a journalist's list label without its colon introduces the
        # story's own list ...
        (["Key points", "The government survived the confidence vote by 44 votes to 42",
          "Two backbenchers abstained after a row over the hospital programme"],
         ["Key points", "The government survived the confidence vote by 44 votes to 42",
          "Two backbenchers abstained after a row over the hospital programme"]),
        # ... but "In brief" heads other stories' briefs (set 114)
        (["In brief", "Library opening hours cut at Holbeck Green from next month",
          "Parish council to vote on new allotments at the old depot site"], []),
        # regression (set 191): a what/how heading over items, with paragraphs right above
        # and below and no blank line, is the story's own list ...
        (["What the branch won", "Joint review of all pick-rate targets with management",
          "Idle-time data suspended from disciplinary use during the review"],
         ["What the branch won", "Joint review of all pick-rate targets with management",
          "Idle-time data suspended from disciplinary use during the review"]),
        # regression (set 194): ... or a sub-heading that asks below it
        (["What we offer", "Holiday of 28 days plus bank holidays, and your birthday off",
          "Up to 12 weeks a year working from anywhere", "Do we always get it right?"],
         ["What we offer", "Holiday of 28 days plus bank holidays, and your birthday off",
          "Up to 12 weeks a year working from anywhere", "Do we always get it right?"]),
        # regression (set 302): any short heading, under a short sentence, with a sub-heading
        # that asks below it
        (["The records were inaccurate.", "Safety issues",
          "Fatigue resulting from the demands of a two-watch system",
          "The absence of a lookout during the hours of darkness",
          "Why was the watch alarm switched off?"],
         ["The records were inaccurate.", "Safety issues",
          "Fatigue resulting from the demands of a two-watch system",
          "The absence of a lookout during the hours of darkness",
          "Why was the watch alarm switched off?"]),
        # ... but under a removed header it heads a related block
        (["Related", "How HR can help NHS staff bounce back", "Nurses vote to strike over pay"],
         []),
        # regression (set 188): "X by the numbers" labels a fact box
        (["Sweetgrass by the numbers", "Founded in Lindale in 1961 by two sisters",
          "About 1,040 employees at three bakeries", "Best known for the Sweetgrass Oatmeal Pie"],
         ["Sweetgrass by the numbers", "Founded in Lindale in 1961 by two sisters",
          "About 1,040 employees at three bakeries", "Best known for the Sweetgrass Oatmeal Pie"]),
        # regression (sets 138, 252): a quote after a headline's colon is no field's value
        (["Politics live: PM says he acted on the advice he had \u2013 latest updates",
          "Opposition demands publication of adviser's full report",
          "Former private secretary: 'I hope nobody else has to go through this'"], []),
        # ... a poll's yes-or-no question does not (set 82)
        (["Should Kitchen Rivals carry on without its star judge?",
          "Yes, the show is bigger than one person", "Only if the review is published"],
         ["Should Kitchen Rivals carry on without its star judge?"]),
        # regression (set 294): a recipe card's ingredients, each with an empty box to tick
        (["\u25a2 4 medium leeks, trimmed and halved lengthways", "\u25a2 90 g unsalted butter",
          "\u25a2 1 tsp thyme leaves"],
         ["4 medium leeks, trimmed and halved lengthways", "90 g unsalted butter",
          "1 tsp thyme leaves"]),
    ],
)  # fmt: skip
def test_headline_block(block: list[str], kept: list[str]) -> None:
    doc = clean_document("\n".join(["Headline here", PROSE[0], *block, PROSE[1]]), rules=RULES)
    assert [p.text for p in doc.paragraphs] == [PROSE[0], *kept, PROSE[1]]


def test_data_list_with_figures_is_kept() -> None:
    table = ["Table 3.1: Feeling safe to report", "Medical 70%", "Nursing and midwifery 59%",
             "Allied health professions 63%"]  # fmt: skip
    doc = clean_document("\n".join(["Headline", PROSE[0], *table, PROSE[1]]), rules=RULES)
    assert [p.text for p in doc.paragraphs] == [PROSE[0], *table, PROSE[1]]


@pytest.mark.parametrize(
    ("tail", "kept"),
    [
        (["Related stories", "Nurses vote to strike over pay", "Trust fined over data breach"],
         []),
        # regression (set 27): a ranked most-read list after its header; a rank is no figure
        (["Most popular", "1. Motor premiums fall for third consecutive quarter",
          "2. Broker consolidator agrees £300m deal for regional rival"], []),
        # regression (set 101): a sub-heading of up to six words over long bullets ends a story
        (["What we still don't know", "• Why the span failed, and whether rain played a part",
          "• When the bridge was last inspected, which the council will publish within days"],
         ["What we still don't know", "Why the span failed, and whether rain played a part",
          "When the bridge was last inspected, which the council will publish within days"]),
        # regression (set 117): a sub-heading that asks, over short bullets, right after a
        # "Read more:" link
        (["Read more: Why some councils test their own bathing waters", "What did they find?",
          "- Average concentration: 18 particles per litre", "- Most common type: fibres"],
         ["What did they find?", "Average concentration: 18 particles per litre",
          "Most common type: fibres"]),
        # regression (set 141): a "Read more:" link is one link, not a list's header, so
        # a sub-heading below it over a sentence is the article's
        (["Read more: Lowmoor leader apologises over failure", "Will my council tax go up?",
          "Probably."], ["Will my council tax go up?", "Probably."]),
        (["Read more: Villagers say the points have been a problem for years",
          "MORE FACT CHECKS", "Are there really 400 empty homes in Carrick town centre?"], []),
        # regression (sets 95, 188, 190): a rank set off by spaces; a headline ending in one
        # figure; the next rank after a removed one, whatever its shape
        (["Most Popular", "1   Westside diner to close after 58 years",
          "2   Police identify man killed in Route 9 crash"], []),
        (["More from Opinion", "Editorial: The highway deserves better than promises",
          "Fair go: Kyabram footy club turns 150"], []),
        (["MOST READ", "1. Roadworks to close Westmoor bypass for six weeks",
          "2. Tributes paid to former mayor, 84",
          '3. Westmoor Town boss: "We\'ve let the fans down"'], []),
        # regression (set 208): ranks set off by one space, the first checked against the
        # second; a teaser's time stamp is no data line (set 210)
        (["Most Read", "1 Man charged after tractor stolen from farm near Settle",
          "2 Date set for reopening of Hellifield level crossing"], []),
        (["More Local News", "Calderbridge pool reopens after six-month repair",
          "09:15, Wednesday 5 March 2025",
          "Results are provisional until confirmed by the show office."],
         ["Results are provisional until confirmed by the show office."]),
        # ... but the story's numbered list below a teaser is no list of teasers
        (["ALSO READ: Three officials suspended over fleet contract",
          "The court ordered the metro to do the following within 30 days:",
          "1 Reinstate her from 1 March 2022", "2 Pay her costs"],
         ["The court ordered the metro to do the following within 30 days:",
          "1 Reinstate her from 1 March 2022", "2 Pay her costs"]),
        (["ALSO READ: Three officials suspended over fleet contract",
          "1 Take names out of the timeline.", "2 Count near-misses."],
         ["1 Take names out of the timeline.", "2 Count near-misses."]),
        # regression (set 208): a download link is no header of the list below it
        (["Download full results (PDF, 388 KB)", "Supreme Champion",
          "Supreme Champion: Harcourt Jemima 14th, shown by R & J Oldacre, Fenny Compton",
          "Results are provisional until confirmed by the show office."],
         ["Supreme Champion",
          "Supreme Champion: Harcourt Jemima 14th, shown by R & J Oldacre, Fenny Compton",
          "Results are provisional until confirmed by the show office."]),
        # regression (set 210): a sign-off with a sentence in it is no label over the footer
        (["Thank you. Marian", "Edited", "\U0001f44d Thank \u00b7 214"], ["Thank you. Marian"]),
        # regression (sets 239, 251): a show's notes are its own reading list; the show's
        # other episodes still go
        (["Mentioned in this episode", "Speak Up Guardians Network \u2013 find your guardian",
          "Therapy Staff Union \u2013 contact a workplace representative", "More episodes",
          "Ep 86 \u00b7 The academy drop: what happens to the other 97%? \u00b7 51 min"],
         ["Mentioned in this episode", "Speak Up Guardians Network \u2013 find your guardian",
          "Therapy Staff Union \u2013 contact a workplace representative"]),
        # regression (set 221): a name over an e-mail's signature delimiter signs it off
        (["Priya", "-- ", "PGP: 4F2A 91C0 7D3E 55B1 0A9C  E812 63DD 0F44 B7A1 2C90"], ["Priya"]),
        # regression (set 285): a letter's close is no label over the newsletter box below it
        (["Yours faithfully,",
          "Want more money-saving tips like this? Join 2.1 million people who get our free "
          "Money Tips email every Tuesday."], ["Yours faithfully,"]),
        # regression (sets 284, 285): a teaser's link number or date in brackets is no figure
        (["ALSO THIS WEEK", "* Castlegate fined \u00a38.4m over whistleblowing failures [2]",
          "* Caldmoor's \u00a3210m add-on redress: what the numbers say [3]"], []),
        (["Related statements",
          "Board announces terms of reference for independent review (12 January 2024)",
          "Update on our confidential reporting line (May 2024)"], []),
        # regression (set 296): ... or a video's length, but not a time after "at"
        (["More videos", "County approves $40M sewer upgrade amid ratepayer anger 2:31",
          "Storm Idris: crews work through the night to restore power 1:48"], []),
        (["Next meeting", "Date of next meeting: Wednesday 26 March 2025 at 10:00"],
         ["Next meeting", "Date of next meeting: Wednesday 26 March 2025 at 10:00"]),
        # regression (set 290): ... or its year alone
        (["Related content", "Ferrisdale Secure Training Centre: action plan (2022)",
          "Thematic review: the use of restraint on children in custody"], []),
        # ... but a field list or a DOI ending in a figure is no headline
        (["Related stories", "Harlow Vale: Tries: Iredale, Amesbury Cons: Ferris 2"],
         ["Harlow Vale: Tries: Iredale, Amesbury Cons: Ferris 2"]),
        # regression (sets 7, 52, 71, 157): a match report's fields over the page's small
        # print are no header of it
        (["Referee: Paul Ashdown", "Attendance: 6,412",
          "18+ only. Please gamble responsibly. BeGambleAware"],
         ["Referee: Paul Ashdown", "Attendance: 6,412"]),
    ],
)  # fmt: skip
def test_document_tail(tail: list[str], kept: list[str]) -> None:
    doc = clean_document("\n".join(["Headline here", *PROSE, *tail]), rules=RULES)
    assert [p.text for p in doc.paragraphs] == [*PROSE, *kept]


@pytest.mark.parametrize(
    ("block", "kept"),
    [
        (["Staff", "Contact", "Privacy", "DMCA Policy"], []),
        (["Coal", "Coal Industry", "Emissions", "Pollution"], []),
        # the article's own list, introduced by a colon
        (["The plan has three parts:", "Money", "People", "Buildings"],
         ["The plan has three parts:", "Money", "People", "Buildings"]),
        # regression (sets 27, 30): the list goes on past longer first items
        (["Falls happen most often from:", "fragile roofs and roof lights", "ladders",
          "scaffolds", "open floors"],
         ["Falls happen most often from:", "fragile roofs and roof lights", "ladders",
          "scaffolds", "open floors"]),
        # figures make a data list (scores, a table)
        (["Arsenal 2", "Chelsea 1", "Spurs 0"], ["Arsenal 2", "Chelsea 1", "Spurs 0"]),
        # regression: fixture lists (BBC cup draws) were taken for menus
        (["Oldham v Bolton", "Everton v Sunderland", "Hull v Colchester"],
         ["Oldham v Bolton", "Everton v Sunderland", "Hull v Colchester"]),
        # regression (set 111): a list under a sub-heading that asks is its answer
        (["Which libraries will close?", "Holmefield", "Wrayby", "Eastry Fen"],
         ["Which libraries will close?", "Holmefield", "Wrayby", "Eastry Fen"]),
        # regression (set 197): a letter's salutation under the address block opens the letter
        (["Mr Kieran Doyle", "Chief Executive", "Westmarsh District Council", "Dear Mr Doyle"],
         ["Dear Mr Doyle"]),
        # regression (set 281): an annex's heading introduces its list of names
        (["Annex A: List of respondent organisations", "British Retail Safety Consortium",
          "Corrowmere Group plc", "Grocer's Guild Ltd", "Harlow & Vine Ltd"],
         ["Annex A: List of respondent organisations", "British Retail Safety Consortium",
          "Corrowmere Group plc", "Grocer's Guild Ltd", "Harlow & Vine Ltd"]),
        # two short lines are not a menu; sentences never are
        (["Money", "People"], ["Money", "People"]),
        (["It rained.", "It poured.", "It stopped."], ["It rained.", "It poured.", "It stopped."]),
    ],
)  # fmt: skip
def test_menu_run(block: list[str], kept: list[str]) -> None:
    doc = clean_document("\n".join(["Headline here", PROSE[0], *block, PROSE[1]]), rules=RULES)
    assert [p.text for p in doc.paragraphs] == [PROSE[0], *kept, PROSE[1]]


def test_a_list_ends_at_a_sub_heading_after_a_paragraph() -> None:
    """Regression (set 283): on a page without blank lines, a list introduced by a colon
    ends at a sub-heading after a paragraph; the tags at the foot are no item of it."""
    tags = ["Construction", "Mental Health", "Bullying", "Workplace Culture"]
    lines = ["Headline here", PROSE[0], "I tell every new starter the same thing:",
             '"Come and find me if someone is making your life a misery on site."',
             "If it is happening to you", PROSE[1], *tags]  # fmt: skip
    doc = clean_document("\n".join(lines), rules=RULES)
    assert all(rule_of(doc, tag) == "menu_run" for tag in tags)


@pytest.mark.parametrize("byline", ["By Andy Carter", "Andy Carter"])
def test_the_authors_first_name_signs_off(byline: str) -> None:
    """Regression (sets 130, 179, 203, 212, 219, 241, 256, 264, 276): the author's first name
    alone after the last paragraph signs the post off; it is no label over the furniture
    below it. The byline may be the name alone."""
    head = ["Council votes to close two libraries", byline, "12 March 2025", ""]
    lines = [*head, *PROSE, "Andy", "Share this article"]
    assert rule_of(clean_document("\n".join(lines), rules=RULES), "Andy") is None


LETTER = f"{PROSE[0]} {PROSE[1]}"  # a paragraph of twenty words or more
SIGNED = ["Ninfa Wood", "Walnut Creek", "Quarry plan will", "undermine rural road"]


@pytest.mark.parametrize(
    ("lines", "kept"),
    [
        # regression (real letters page, 2026-11): a writer's name and town and the next
        # letter's two-line heading, framed by the letters, are the article's own
        ([LETTER, *SIGNED, LETTER], [LETTER, *SIGNED, LETTER]),
        # the same run after the last paragraph is a menu
        ([LETTER, LETTER, *SIGNED], [LETTER, LETTER]),
    ],
)
def test_menu_run_between_paragraphs(lines: list[str], kept: list[str]) -> None:
    doc = clean_document("\n".join(["Headline here", *lines]), rules=RULES)
    assert [p.text for p in doc.paragraphs] == kept


@pytest.mark.parametrize(
    ("below", "kept"),
    [
        # regression (set 108): a letter's signature under its last paragraph, then the next
        # letter's heading, is no related block ...
        (["Dr Anjali Ferreira-Watts", "Retired consultant microbiologist, Pelham St Giles", "",
          "A blazer for £68 is not 'affordable'"],
         ["Dr Anjali Ferreira-Watts", "Retired consultant microbiologist, Pelham St Giles",
          "A blazer for £68 is not 'affordable'"]),
        (["Name and address supplied", "", "A heron on the towpath"],
         ["Name and address supplied", "A heron on the towpath"]),
        # ... but a name over two headlines still is
        (["Jane Porter", "", "Council tax to rise by 5% in April", "",
          "Bypass plan approved after ten-year wait"], []),
    ],
)  # fmt: skip
def test_letters_page_signatures(below: list[str], kept: list[str]) -> None:
    doc = clean_document("\n".join(["Letters", "", LETTER, *below, "", LETTER]), rules=RULES)
    assert [p.text for p in doc.paragraphs] == [LETTER, *kept, LETTER]


def test_a_short_last_paragraph_is_signed_too() -> None:
    # regression (set 201): a letter's last paragraph of under twenty words, then its
    # signature and the next letter's heading
    short = "None of that work appears in any council's figures. All of it will simply stop."
    sign = ["Margaret Oduya", "Retired librarian, Hexley, Staffordshire"]
    heading = "A nurse's view on speaking up"
    text = "\n".join(["Letters", "", LETTER, short, *sign, "", heading, LETTER])
    doc = clean_document(text, rules=RULES)
    assert [p.text for p in doc.paragraphs] == [LETTER, short, *sign, heading, LETTER]


@pytest.mark.parametrize(
    ("below", "kept"),
    [
        # regression (sets 25, 27): a sub-heading above a sentence that introduces a list,
        # after a related link
        ("Under the Labour Act, 2006:", True),
        ("The institute recommended that companies:", True),
        ("Related:", False),
    ],
)
def test_subheading_above_a_list_introduction(below: str, kept: bool) -> None:
    items = ["\u2022 emergency exits must remain unlocked;", "\u2022 no worker can be dismissed."]
    link = "Read more: Rana Plaza survivors still waiting for compensation, 11 years on"
    lines = ["Headline here", PROSE[0], link, "", "What the law says", below, *items, PROSE[1]]
    doc = clean_document("\n".join(lines), rules=RULES)
    assert ("What the law says" in doc.text) is kept


@pytest.mark.parametrize(
    ("item", "kept"),
    [
        # regression (set 36): a sentence of the article's own list that gives an address
        ("- Email a Freedom to Speak Up guardian at ftsu@example.org or call ext. 4471", True),
        ("- E: media@example.org", False),  # a contact line
        ("- www.example.org/speak-up", False),
        # regression (sets 13, 22, 50, 62, 67, 91): an imperative item with a web word is the
        # article's advice, not a call to action, in a list introduced by a colon
        ("- keep watching the planning register for any new application on the site;", True),
        ("- check the Environment Agency website for flood alerts", True),
    ],
)
def test_line_of_an_introduced_list(item: str, kept: bool) -> None:
    lines = ["Headline here", PROSE[0], "You can raise a concern in several ways:",
             "- Talk to your line manager or a senior colleague", item, "", PROSE[1]]  # fmt: skip
    assert (rule_of(clean_document("\n".join(lines), rules=RULES), item) is None) is kept


FURNITURE = ["Share", "Print", "Email", "Follow us on Facebook", "Advertisement", "Sponsored",
             "Related Topics:", "Most Read", "Newsletter sign up"]  # fmt: skip
FORM = "Your email address is used only to let the recipient know who sent the email."
LONG = (
    "The chief executive told the board that the trust would publish every finding of the "
    "review in full, including the evidence of staff who had been afraid to speak, and "
    "that she would report on progress at each of its meetings for the next two years."
)

ENTRY = "Fire crews were still at the scene at lunchtime, the council said."


@pytest.mark.parametrize(
    ("lines", "rule"),
    [
        # a whole page's foot: an e-mail-a-friend form far below the article
        ([*PROSE, *FURNITURE, FORM], "after_article"),
        # a short inline widget (fewer than min_gap removed lines) leaves the close of the
        # article alone
        ([*PROSE, *FURNITURE[:4], FORM], None),
        # the article's long paragraphs on both sides of the furniture are one block
        ([PROSE[0], *FURNITURE, PROSE[1] * 3, PROSE[2] * 3, FORM], None),
        # regression (set 102): a live page's time stamps part its entries, not end the page
        ([*PROSE, *FURNITURE[:5], "15:18", "14:51", "14:20", "13:55", FORM], None),
        # regression (set 319): a live page's older entries below its main block; the
        # furniture of the entries above adds up to the gap, but each time stamp opens an entry
        (
            [*PROSE, *FURNITURE[:5], "10.47 BST", ENTRY, *FURNITURE[5:], "09.55 BST", FORM],
            None,
        ),
        # a comment's relative time is no entry's stamp: the page's foot still goes
        ([*PROSE, *FURNITURE, "2 hours ago", FORM], "after_article"),
        # regression (set 210): a print story's jump to another page (its advert, running
        # head and number) parts the story, it does not end the page
        ([*PROSE, "Continued on page 14", *FURNITURE[:7], "Continued from page 12", FORM], None),
        # regression (set 142): a box set into the article (jobs, a quiz) is no page foot
        # when the article's long paragraphs go on below it
        ([*PROSE, " ".join(PROSE), *FURNITURE, FORM, LONG], None),
    ],
)
def test_after_article(lines: list[str], rule: str | None) -> None:
    doc = clean_document("\n\n".join(["Headline of the story", *lines]), rules=RULES)
    assert rule_of(doc, FORM) == rule


# a review whose paragraphs the page breaks into lines, with blank lines between
WRAPPED = ["You will not find any major differences between the",
           "new console and the last one at first, aside from a",
           "more dramatic startup sequence and a quieter fan."]  # fmt: skip


def test_after_article_keeps_a_hard_wrapped_article() -> None:
    # regression (real review page, 2026-11): the pieces scored nothing in the main block,
    # so everything after a photo gallery in the middle of the review went
    lines = [*WRAPPED * 7, *FURNITURE, *WRAPPED * 2]
    doc = clean_document("\n\n".join(["Headline of the story", *lines]), rules=RULES)
    assert [p.text for p in doc.paragraphs] == WRAPPED * 9


LISTING = ["if s.Touch(now) {", "\tsetSessionCookie(w, s) // re-issue with MaxAge", "}"]


@pytest.mark.parametrize(
    ("lines", "removed"),
    [
        # a code block's language label and copy button go; the listing stays whole, though
        # "}" alone is markup debris and its lines a menu elsewhere (set 94)
        (["bash", "Copy code", *LISTING], {"bash": "code_chrome", "Copy code": "code_chrome"}),
        ([*LISTING, "Copy to clipboard"], {"Copy to clipboard": "code_chrome"}),
        (["python", "", *LISTING], {}),  # a blank line parts a label from the block
        # regression: a one-line block with no label above still loses the button below
        (["$ pip install culturelens", "Copy code"], {"Copy code": "code_chrome"}),
        (["Installation", "", *LISTING], {}),  # a sub-heading over it stays
        (["Run this:", *LISTING], {}),  # so does the sentence that introduces it
    ],
)
def test_code_chrome(lines: list[str], removed: dict[str, str]) -> None:
    doc = clean_document(
        "\n".join(["Headline here", "", PROSE[0], "", *lines, "", PROSE[1]]), rules=RULES
    )
    assert {r.text: r.rule for r in doc.removed if r.rule != "metadata_title"} == removed
    kept = {ln.strip() for ln in lines if ln and ln not in removed}
    assert kept <= {p.text for p in doc.paragraphs}


FIXTURES = [
    "| Date | Opponent | Venue |",
    "| --- | --- | --- |",
    "| Tue 11 Mar | Hollins Cross | Home |",
    "| Sat 22 Mar | Ashdown Rangers | Away |",
]
FINDINGS = [
    "Area assessed\tFinding\tCompliance",
    "Stocking density\tSheds 3 and 4 above limit\tNon-compliant (serious)",
    "Water provision\tTwo drinkers not working\tNon-compliant",
    "Record keeping\tMortality records incomplete\tNon-compliant",
]
DOWNLOADS = [
    "File | Version | Python | SHA-256",
    "hollyhock-2.7.0.tar.gz | 2.7.0 | source | 4be19c07a2f1",
    "hollyhock-2.7.0-win_amd64.whl | 2.7.0 | 3.9+ | 0aa7d2b61e35",
]


@pytest.mark.parametrize(
    ("lines", "kept"),
    [
        # a table's header row and rows of file names are the table's, not menus (set 94)
        (DOWNLOADS, DOWNLOADS),
        (["Opinion | Analysis | Video", "News | Sport | Weather"], []),  # two menus
        (["Opinion | Analysis | Video", "News | Sport | Weather", "Money | Travel | Food"], []),
        # a markdown table's rule marks a table of dates and names (set 96's fixtures)
        (FIXTURES, [FIXTURES[0], *FIXTURES[2:]]),
        # regression (set 254): a spreadsheet's paste is a table by its tabs, figures or not
        (FINDINGS, [" ".join(row.split("\t")) for row in FINDINGS]),
    ],
)
def test_link_line_keeps_table_rows(lines: list[str], kept: list[str]) -> None:
    doc = clean_document(
        "\n".join(["Headline here", "", PROSE[0], "", *lines, "", PROSE[1]]), rules=RULES
    )
    assert [p.text for p in doc.paragraphs] == [PROSE[0], *kept, PROSE[1]]


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        # set 99: a frames-era menu of bracketed links, and a link's closing guillemet
        ("[ Home ] [ About AHCU ] [ Join us ] [ News ] [ Campaigns ]", "link_line"),
        # set 172: a row of download buttons, two spaces apart
        ("[Download the report (PDF)]  [Download the summary (PDF)]  [Easy read]", "link_line"),
        ("[Share] [Copy link]", "link_line"),
        # regression (set 112): a contact line with two numbers, once taken only as part of a
        # related block that other rules now shorten
        ("Press office 020 7946 0455  |  Out of hours 020 7946 0456", "link_line"),
        ("Compare car insurance quotes from 100+ providers - Start here \u00bb", "link_line"),
        # ... but a French quotation closes with one, and a byline may carry one
        ("La directrice a d\u00e9clar\u00e9 : \u00ab Nous devons apprendre \u00bb", None),
        ("See [1] and [2] in the annex [3]", None),
        # regression (sets 208, 211): a contact strip with a telephone number; a lynx dump's
        # menu entry
        (
            "Fellside Farm Vets \u00b7 Station Yard, Kirkby Fell CA10 9ZZ \u00b7 01768 000330",
            "link_line",
        ),
        ("  * [3]About", "link_line"),
        # regression (set 213): a menu or tag line with middle dots, four items or more
        ("News \u00b7 Campaigns \u00b7 Get help \u00b7 Join", "link_line"),
        # regression (set 107): a date line with "|" between its parts is no menu
        ("Published:Tuesday | March 17, 2026 | 12:08 AM", "metadata_date"),
    ],
)
def test_link_line_menus_and_arrows(line: str, rule: str | None) -> None:
    doc = clean_document("\n\n".join(["Headline here", PROSE[0], line, PROSE[1]]), rules=RULES)
    assert rule_of(doc, line) == rule


@pytest.mark.parametrize(
    ("box", "kept"),
    [
        # regression (sets 208, 182): a download's label and title over its format and size
        (["Documents", "Independent review of workplace culture at the Rural Payments Office",
          "PDF, 2.1 MB, 124 pages"], []),
        (["HTML", "Strengthening protections for whistleblowers: impact assessment",
          "PDF, 1.2 MB, 48 pages"], []),
        # ... but a sentence over it is the article's
        (["The full report is published today.", "PDF, 2.1 MB, 124 pages"],
         ["The full report is published today."]),
    ],
)  # fmt: skip
def test_link_line_download_titles(box: list[str], kept: list[str]) -> None:
    doc = clean_document(
        "\n".join(["Headline here", "", PROSE[0], "", *box, "", PROSE[1]]), rules=RULES
    )
    assert [p.text for p in doc.paragraphs] == [PROSE[0], *kept, PROSE[1]]


AI_LABEL = "Summary generated by AI"
CAPTIONS = [
    "Walkers gather at Castle Meadow before the 10pm start. Photo: Gareth Lowe",
    "Kerry (left) and Louise Abbott with their medals.",
]
AI_NOTE = "These key points were produced using AI and reviewed by a journalist."
TAB_ROWS = [
    "Sector\tMen\tWomen\tAll",
    "Public sector\t2.5\t3.5\t3.1",
    "Private sector\t1.8\t2.5\t2.1",
]
FIVE = [
    "He will serve half his sentence before being released on licence.",
    "A confiscation hearing will take place in September.",
    "What should learners do?",
    "The agency said learners should only book through its own website.",
    "It said it had blocked more than 11,000 suspicious accounts last year.",
]


@pytest.mark.parametrize(
    ("box", "kept"),
    [
        # set 100: an AI summary's bullets between its label and its disclaimer
        (["Summary generated by AI",
          "• Three paramedics say they were sidelined after reporting handover delays.",
          "• The ambulance service says it has commissioned an external review.",
          "These key points were produced using AI and reviewed by a journalist."], []),
        # a newsletter box's blurb between its name and its e-mail field
        (["Sign up to Ward Round", "Our health team's pick of the week's NHS news",
          "Enter your email address"], []),
        # share bars recur between an article's sections: what they frame stays
        (["Share this post", "The trust said it would appeal.", "Share this post"],
         ["The trust said it would appeal."]),
        # a blank line between parts the box
        (["Summary generated by AI\n", "The trust said it would appeal.",
          "These key points were produced using AI and reviewed by a journalist."],
         ["The trust said it would appeal."]),
        # regression (set 157): five lines between a box's label and its small print are
        # more than its max_run of four; the loop had let five through
        ([AI_LABEL, *FIVE, AI_NOTE], FIVE),
        ([AI_LABEL, *FIVE[:4], AI_NOTE], []),
        # regression (set 172): two captions frame a photo story's paragraphs, so a box
        # between captions holds at most two lines
        ([CAPTIONS[0], *FIVE[:4], CAPTIONS[1]], FIVE[:4]),
        ([CAPTIONS[0], *FIVE[:2], CAPTIONS[1]], []),
        # regression (set 169): a table pasted with tabs between its title and its source
        # line, both taken as captions, is no box
        (["Table 1: Sickness absence rate (%) by sector, UK, 2024", *TAB_ROWS,
          "Source: Labour Force Survey, Office for Workforce Statistics"],
         [row.replace("\t", " ") for row in TAB_ROWS]),
        # regression (set 205): two one-line teasers frame the story's paragraphs, no box
        (["READ MORE: Recruiting contract 'not fit for purpose', MPs told", *FIVE[:2],
          "WATCH: A week with a battalion at 68% strength | 03:12"], FIVE[:2]),
    ],
)  # fmt: skip
def test_enclosed_box(box: list[str], kept: list[str]) -> None:
    doc = clean_document("\n".join(["Headline here", PROSE[0], *box, PROSE[1]]), rules=RULES)
    assert [p.text for p in doc.paragraphs] == [PROSE[0], *kept, PROSE[1]]


@pytest.mark.parametrize(
    ("last", "rule"),
    [
        ("The university is a registered charity, number 1234567.", "sentence_footer"),
        ("Age-by-age advice, every Tuesday. Sign up for the LittleSteps newsletter.",
         "sentence_footer"),
        ("Every Tuesday our editors round up the week. You can sign up here for the weekly "
         "email newsletter Berlin Briefing.", "sentence_footer"),
        # regression (sets 43, 75, 138): an article's last paragraph may name a newsletter
        ("The full list of winners will be shared in next week's Vale Voice newsletter.", None),
        ("The survey was promoted through the charity's newsletter in March.", None),
        # regression (set 175): the writer's promise to update the page
        ("We will update this page as the university responds.", None),
        ("This page is maintained by the communications team.", "sentence_footer"),
        # regression (set 204): a promise to publish, like one to update
        ("The full record of the hearing will be published on this website once checked.",
         None),
        # regression (set 112): a bullet of a press release's notes to editors
        ("• Lanternway is a registered charity that supports unpaid carers.", None),
    ],
)  # fmt: skip
def test_sentence_footer(last: str, rule: str | None) -> None:
    doc = clean_document("\n\n".join([*PROSE, last, "Share", "Comments"]), rules=RULES)
    assert rule_of(doc, last) == rule


@pytest.mark.parametrize(
    ("lines", "kept"),
    [
        # set 211: a PDF's running foot, its page number set apart; set 208: a newsletter's
        # running head with its issue's month
        (["Final decision                                        2"], []),
        (["Thorne Valley Voice                                   November 2025"], []),
        # set 210: another page's advert between the story's jump lines
        (["Continued on page 14 \u25b8", "J. HARGREAVES & SON",
          "Plumbing \u00b7 Heating \u00b7 Bathrooms", "\u25c2 Continued from page 12"], []),
        # regression (set 253): the short forms, and a slug over a bare "From page 5"
        (["(Contd. on page 7)", "Airlift audit ... From page 5"], []),
        # regression (sets 264, 297): a page's letter, a jump in the slug's words, and the
        # slug after a dash or a bar
        (["Continued on Page 4", "4 THE MIDLAND CLARION Thursday, March 6, 2025",
          "Bus route axed - from Page 1"], []),
        (["See BUSES, Page A6", "RIVERTON FAMILY DENTAL",
          "New patients welcome! Evening & Saturday appointments", "BUSES | From Page A1"], []),
        # regression (set 300): "Turn to page 6" ... "From page 4", the other page's folio
        # and a jump head between
        (["Turn to page 6", "Free fitting on orders over \u00a3500 \u2022 Unit 4, Mill Road",
          "6 WEXCOMBE GAZETTE Thursday, March 13, 2025", "DEPOT: 'Lane was never built for it'",
          "From page 4"], []),
        # ... but a table's rows, a form's field and a line's number in a transcript stay
        (["Complaints received          14", "Complaints upheld          6"],
         ["Complaints received 14", "Complaints upheld 6"]),
        (["Total pages:          48"], ["Total pages: 48"]),
        (["8          keep the structure and exterior in good repair"],
         ["8 keep the structure and exterior in good repair"]),
    ],
)  # fmt: skip
def test_page_layout(lines: list[str], kept: list[str]) -> None:
    doc = clean_document(
        "\n".join(["Headline here", "", PROSE[0], "", *lines, "", PROSE[1]]), rules=RULES
    )
    assert [p.text for p in doc.paragraphs] == [PROSE[0], *kept, PROSE[1]]
