"""Tests for culturelens.clean_state: line fingerprints, adjacency, hard-wrapped lines, the
article's main block, its code blocks and a timed transcript's speech."""

from __future__ import annotations

import pytest

from culturelens.clean import apply_rules, clean_document, load_rules
from culturelens.clean_state import (
    code_lines,
    letter_close,
    line_fingerprint,
    section_name,
    timed_speech,
    wrapped,
)

RULES = load_rules()


@pytest.mark.parametrize(
    ("text", "key"),
    [("Share this:", "share this"), ("SHARE  THIS", "share this"), ("— 48 —", "48"), ("", "")],
)
def test_line_fingerprint(text: str, key: str) -> None:
    assert line_fingerprint(text) == key


@pytest.mark.parametrize(
    ("i", "j", "expected"),
    [(0, 1, True), (1, 2, False), (0, 2, False), (2, 1, False)],  # a blank line between 1 and 2
)
def test_adjacent(i: int, j: int, expected: bool) -> None:
    state, _ = apply_rules("First line here\nSecond line here\n\nThird line here", rules=())
    assert state.adjacent(i, j) is expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # set 40: a PDF dump breaks paragraphs at the column width
        (["Drivers in Riverton start at $19.40 an hour, compared with", "$22.15 nearby."], True),
        (["$22.15 in neighboring Calder County, Pruitt said. The district", "has offered."], True),
        (["The board has offered a signing bonus since August but", "hired six."], True),
        (["The board has offered a signing bonus since August", "but has hired six."], True),
        # headlines end in content words, or capitalised ("Series A")
        (["Sunderland software firm lands £4m Series A", "Next story"], False),
        (["Rain halts play for three hours as covers stay on", "Other news"], False),
        (["Nurses strike over pay in three hospitals", "by Jane Doe"], False),
        (["The esports layoff tracker: every cut in 2024", "business · workplace"], False),
        (["Short line, with", "and more"], False),  # under six words: a label
        (["The board has offered a signing bonus since August but", "", "x"], True),
        # regression (real pages, 2026-11): an HTML page puts a blank line after every line,
        # so pieces of its broken paragraphs were taken for headline lists
        (["The board has offered a signing bonus since August", "", "but has hired six."], True),
        (["Pay rises agreed for hospital porters", "", "Read more"], False),
    ],
)  # fmt: skip
def test_wrapped(lines: list[str], expected: bool) -> None:
    state, _ = apply_rules("\n".join(lines), rules=())
    assert wrapped(state, 0) is expected


LONG = (
    "The district attorney dropped the charges within a week of taking office, and the victims"
    " were told by letter, which several of them said they found out about from the newspaper."
)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # the article's prose, then furniture: the block ends at the last paragraph
        ([LONG, LONG, "Share", "Print", "Email", "Follow us", "A form's short sentence."], (0, 1)),
        # short lines a rule took between long paragraphs do not split a letters page (real
        # page, 2026-11: the block was one letter and the rest was lost)
        ([LONG, "Share", "Print", LONG, "Share", "Print", LONG], (0, 6)),
        # a lone teaser sentence after the furniture is outweighed by it
        ([LONG, "Share", "Print", "Email", "Follow us", LONG], (0, 0)),
        (["Share", "Print"], (2, -1)),  # no prose: the prose bounds' empty span
    ],
)
def test_main_block(lines: list[str], expected: tuple[int, int]) -> None:
    state, _ = apply_rules("\n\n".join(lines), rules=RULES)
    assert state.main_block() == expected


GO = [
    "func setCookie(w http.ResponseWriter) {",
    "\thttp.SetCookie(w, &http.Cookie{",
    '\t\tPath:     "/",',
    "\t})",
    "}",
]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # a blog's listing (set 94): braces, calls and struct fields
        (["Here is the handler I wrote last spring.", *GO], [2, 3, 4, 5, 6]),
        # a shell session: the prompt, then its output up to a sentence
        (["$ stowage check c91e", "Reading chunks... ok", "Snapshot c91e is sound."], [1, 2]),
        # ... and up to a copy button, which is chrome (rule code_chrome)
        (["$ curl -sI https://example.org", "HTTP/2 200", "Copy"], [1, 2]),
        (["pip install -e .", "Then run the tests."], [1]),  # a command with its arguments
        (["x = load(path)", "", "y = x.mean()"], [1, 3]),  # one blank line inside a listing
        # prose naming a function is no code, and joins no two blocks
        (["And in setCookie, MaxAge: int(ttl.Seconds()) replaces the Expires line."], []),
        # list items ending in ";" and a currency ticker are no code (sets 7-93)
        (["- a six-week supernumerary period;", "- a monthly drop-in with the guardian;"], []),
        (["K1.00 = US$0.2491 | A$0.3958", "FJD1 = USD0.4410 | AUD0.6965"], []),
        # an advert's script is debris; "go to" opens a wrapped sentence's line
        (["googletag.cmd.push(function() { googletag.display('ad'); });", "window.x = 1;"], []),
        (["go to a private address that only the committee can read; the core"], []),
        # regression (set 91): a reader-revenue appeal's "... we" is no Python prompt
        (["... we have a small favour to ask.", "Support the Ledger"], []),
    ],
)  # fmt: skip
def test_code_lines(lines: list[str], expected: list[int]) -> None:
    state, _ = apply_rules("\n".join(lines), rules=())
    assert sorted(code_lines(state.lines)) == expected


CAPTIONS = ["0:00", "[Music]", "0:04", ">> lee how do you sum that up", "0:06", "um yeah look"]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # regression (set 155): a video page's caption dump; the sound tag is no speech
        ([*CAPTIONS, "0:09", "tonight first half", "0:12"], [4, 6, 8]),
        (["[00:00:05]", "so welcome", "[00:00:09]", "everyone", "(0:12)", "here", "(0:15)"],
         [2, 4, 6]),
        ([*CAPTIONS, "0:09"], [4, 6]),  # four stamps are enough
        # the last caption, under the last stamp, goes on in lower case (set 168); a related
        # video's title there does not
        ([*CAPTIONS, "0:09", "and yeah subscribe if you want"], [4, 6, 8]),
        ([*CAPTIONS, "0:09", "Up next"], [4, 6]),
        (CAPTIONS, []),  # three are not: a list of videos and their lengths
        (["Related video", "Bus strike called", "2:05", "Canal fish deaths", "1:48"], []),
        # two lines between stamps (a live blog's entry with its heading) end the run
        (["14:58", "Under way", "Kick-off at Ashgate", "14:50", "Teams", "14:40", "x", "14:30"],
         []),
    ],
)  # fmt: skip
def test_timed_speech(lines: list[str], expected: list[int]) -> None:
    state, _ = apply_rules("\n".join(lines), rules=())
    assert sorted(timed_speech(state.lines)) == expected


def test_timed_speech_is_kept() -> None:
    # the rules take caption fragments one by one (ui_fragment, header_furniture) without it
    text = "\n".join(
        ["Transcript", *CAPTIONS, "0:09", "tonight first half especially we didn't", "0:12"]
    )
    doc = clean_document(text, rules=RULES)
    kept = {p.line_no for p in doc.paragraphs}
    assert {5, 7, 9} <= kept
    assert {r.line_no for r in doc.removed} >= {2, 3, 4, 6, 8, 10}
    assert doc.title is None  # speech is no headline


@pytest.mark.parametrize(
    ("close", "expected"),
    [
        (["Yours sincerely,", "Dana Whitcombe", "Information Governance Officer"], [0, 1, 2]),
        (["Yours faithfully", "Marta Kowalczyk"], [0, 1]),
        # a sentence, or a row of buttons, ends the signature
        (["Yours sincerely,", "Dana Whitcombe", "Please reply by 4 April."], [0, 1]),
        (["Yours sincerely,", "Dana Whitcombe", "Link to this   Report"], [0, 1]),
        # regression (set 191): a union bulletin's "In unity," closes it as "Yours" does; an
        # informal valediction needs its comma ("Best wishes" alone may head a section)
        (["In unity,", "Dave Okonkwo-Reid", "Branch Secretary, FRSU Eastmoor"], [0, 1, 2]),
        (["Kind regards,", "Dana Whitcombe"], [0, 1]),
        (["Kind regards", "Dana Whitcombe"], []),
        # regression (set 259): a rector's letter in a parish newsletter
        (["With love and prayers,", "Judith", "Revd Canon Judith Abara"], [0, 1, 2]),
        (["Every blessing,", "Judith"], [0, 1]),
    ],
)
def test_letter_close(close: list[str], expected: list[int]) -> None:
    state, _ = apply_rules("\n".join(close), rules=())
    assert sorted(letter_close(state)) == expected


def test_a_thread_of_letters_keeps_its_signatures() -> None:
    # regression (sets 58, 160): each letter of an FOI thread signs off the same way, so the
    # signatures read as a menu of short lines and as a page's repeated labels
    letter = [LONG, "Yours sincerely,", "Dana Whitcombe", "Information Governance Officer"]
    doc = clean_document("\n\n".join(["\n".join(letter), "\n".join(letter)]), rules=RULES)
    assert [r.text for r in doc.removed] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("2. INTRODUCTION:", "introduction"),
        ("What happened?", "what happened"),
        ("4.1 Key findings", "key findings"),
        ("Notes to editors", "notes to editors"),
        ("2019 review", "2019 review"),  # a year is no section number
    ],
)
def test_section_name(text: str, name: str) -> None:
    assert section_name(text) == name
