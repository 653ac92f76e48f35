"""Tests for culturelens.clean_eval: scoring the cleaner against the hand-labelled lines."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from test_clean import _assert_no_silent_loss  # the one invariant check, shared
from test_clean_learn import BLIND  # the one list of blind sets, shared

from culturelens import clean, clean_eval
from culturelens.clean import document_from_state, load_rules
from culturelens.clean_eval import (
    RuledDocument,
    document_from_lines,
    evaluate_cleaning,
    predict_lines,
    with_predictions,
)
from culturelens.clean_learn import train_line_model
from culturelens.io import read_csv
from culturelens.line_model import line_probabilities

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "results" / "tables"
RULES = load_rules()
PROSE_A = "The council said the new scheme would start in the spring, subject to funding."


@pytest.mark.parametrize("name", ["evaluate_cleaning", "predict_lines", "LABELS"])
def test_evaluation_is_reexported_from_clean(name: str) -> None:
    assert getattr(clean, name) is getattr(clean_eval, name)


def test_unknown_attribute_of_clean() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        clean.nope  # noqa: B018


def test_no_silent_loss_and_no_content_removed_on_labelled_documents(
    gold_states: list[RuledDocument],
) -> None:
    docs = []  # each document cleaned once, for the invariant and for the scores
    for ruled in gold_states:
        doc = document_from_state(ruled.state, ruled.fragments)  # = clean_document(text)
        docs.append(_assert_no_silent_loss(document_from_lines(ruled.group), doc))
    gold = pd.concat([ruled.group for ruled in gold_states])  # sorted, as rule_states grouped
    predicted = with_predictions(gold, docs)
    lost = predicted[(predicted["label"] == "content") & ~predicted["kept"]]
    # sets 7-42 keep a few losses and label disagreements ("Notes to editors", a reporting
    # credit, speaker names of a debate); their retention floors are in
    # test_evaluate_cleaning_targets
    lost = lost[~lost["dataset"].isin(BLIND)]
    seeds = predicted[predicted["dataset"] == "seeds"]
    assert lost.empty, lost[["doc_id", "line_no", "rule", "text"]].to_string()
    assert seeds.loc[seeds["label"] != "content", "kept"].sum() == 0


def test_evaluate_cleaning_targets() -> None:
    """The rules alone on every labelled set, read from the committed
    ``cleaning_validation.csv`` (method "rules": :func:`evaluate_cleaning`'s table, each set
    cleaned as a corpus with the configured ``boilerplate_min_docs``, 3). test_workflow
    regenerates that table and checks it byte for byte, so cleaning every set again here
    would only repeat 80 s of work; test_evaluate_methods_is_both_tables_from_one_rules_pass
    checks that its rules rows are :func:`evaluate_cleaning`'s."""
    table = read_csv(RESULTS / "cleaning_validation.csv").query("method == 'rules'")
    overall = table[table["kind"] == "all"].set_index(["dataset", "metric"])["value"]
    assert overall["seeds", "artefact_recall"] == 1.0
    assert overall["seeds", "content_retention"] == 1.0
    # Floors: sets 1-6 were tuned on; 7-12 were scored once blind (first looks in
    # docs/cleaning.md) and then used for the fourth to sixth passes; 13-18 were scored once
    # blind with the sixth pass and then used to fix its content losses; 19-24 likewise with
    # the seventh, 25-30 with the eighth, 31-36 with the ninth, 37-42 with the tenth and
    # 43-48 with the eleventh, 49-54 with the twelfth (their rules then added for forms
    # also seen in earlier sets: screen-reader text, markdown links, reaction counts, donation
    # asks), 55-60 with the thirteenth (then only quoted sub-headings were fixed), 61-66 (one
    # site each) with the fourteenth (then the corpus-level pass was fixed), 67-72 with the
    # fifteenth's final code (nothing changed after), 73-76 (hard-wrapped plain text: PDFs,
    # e-mails, database exports) with the sixteenth's (then tables and page footers were kept
    # out of wrapped paragraphs), 77-79 (health trade, US local and European English sites)
    # with the seventeenth's (then author_bio was fixed), 80-82 (Asian, Gulf and Caribbean
    # dailies, platform and academic pages, widget-heavy sites) with the eighteenth's starting
    # code (then forum, Q&A and journal furniture were added), 83-85 (sport and culture,
    # business trade press, capture tools) with the eighteenth's code before its last two
    # fixes (prose about cookie rules, a long standfirst past a blank line), and 94-95
    # (developer and documentation pages; public-sector, legal and charity pages) with the
    # twenty-first's first code (then code blocks, "|" tables and Q&A furniture were added),
    # 96-97 with the twenty-second's and 98-99 (broken scrapes, archived pages) with the
    # twenty-third's (then consent managers, server logs and running heads were added).
    # Each set is cleaned as a corpus, as the pipeline does. A drop is a regression.
    floors = {  # dataset: (artefact recall, content precision, content retention)
        "synthetic_dev": (1.0, 1.0, 1.0),
        "synthetic_heldout": (1.0, 1.0, 1.0),
        "synthetic_heldout2": (1.0, 1.0, 1.0),
        # set 3 labels "About Northgate Energy" a copyright line over a description labelled
        # content; about_heading keeps a heading over its description, as the convention for
        # a release's "About X" (content) has it since set 165
        "synthetic_heldout3": (0.98, 0.98, 1.0),
        "synthetic_heldout4": (0.95, 0.91, 1.0),
        "synthetic_heldout5": (0.95, 0.92, 1.0),
        "synthetic_heldout6": (1.0, 1.0, 1.0),
        "synthetic_heldout7": (0.91, 0.93, 0.99),
        "synthetic_heldout8": (0.85, 0.89, 0.98),
        "synthetic_heldout9": (0.96, 0.97, 1.0),
        "synthetic_heldout10": (0.88, 0.92, 0.98),
        "synthetic_heldout11": (0.91, 0.94, 0.98),
        "synthetic_heldout12": (0.87, 0.89, 0.99),
        "synthetic_heldout13": (0.78, 0.84, 0.97),
        "synthetic_heldout14": (0.83, 0.85, 0.98),
        "synthetic_heldout15": (0.86, 0.88, 0.99),
        "synthetic_heldout16": (0.72, 0.82, 0.99),
        "synthetic_heldout17": (0.80, 0.87, 0.98),
        "synthetic_heldout18": (0.80, 0.85, 0.99),
        "synthetic_heldout19": (0.79, 0.87, 0.98),
        "synthetic_heldout20": (0.79, 0.87, 0.99),
        "synthetic_heldout21": (0.82, 0.85, 0.99),
        "synthetic_heldout22": (0.87, 0.90, 0.96),
        "synthetic_heldout23": (0.83, 0.88, 0.98),
        "synthetic_heldout24": (0.75, 0.83, 0.99),
        "synthetic_heldout25": (0.86, 0.91, 0.99),
        "synthetic_heldout26": (0.75, 0.83, 1.0),
        # 0.85: a newsletter line ("... in your inbox before the opening bell") is now
        # removed by its wording, so the headline-shaped lines left under an analysts' table
        # are too few for related_links_block to take the table (7 lines; precision 0.87)
        "synthetic_heldout27": (0.85, 0.87, 0.98),
        "synthetic_heldout28": (0.82, 0.84, 0.99),
        # 0.86: a race card widget written as a "|" table ("1 | Marlow Lane | J Morrow | 11/2")
        # is now kept with the tables, so that a table's header row stays (3 lines)
        "synthetic_heldout29": (0.86, 0.90, 1.0),
        "synthetic_heldout30": (0.85, 0.87, 0.97),
        "synthetic_heldout31": (0.90, 0.92, 0.98),
        "synthetic_heldout32": (0.89, 0.90, 1.0),
        "synthetic_heldout33": (0.91, 0.93, 0.99),
        "synthetic_heldout34": (0.83, 0.87, 1.0),
        "synthetic_heldout35": (0.86, 0.87, 0.99),
        # 0.98: the eleventh pass skips menus when confirming a headline (+2.7 points of
        # metadata recall on sets 7-42), so a standfirst under a headline that looks like a
        # name ("The Dust Doesn't Lie") is taken for the headline
        "synthetic_heldout36": (0.82, 0.87, 0.98),
        "synthetic_heldout37": (0.85, 0.90, 0.99),
        "synthetic_heldout38": (0.83, 0.88, 0.99),
        "synthetic_heldout39": (0.86, 0.91, 1.0),
        "synthetic_heldout40": (0.81, 0.86, 0.98),
        "synthetic_heldout41": (0.75, 0.84, 1.0),
        # 0.85: with the menu skipped, a section name ("ABN Central West") is no longer taken
        # for the byline, so a line starting with it is no longer removed as the author's bio
        "synthetic_heldout42": (0.85, 0.90, 0.99),
        "synthetic_heldout43": (0.85, 0.89, 0.99),
        "synthetic_heldout44": (0.94, 0.96, 1.0),
        "synthetic_heldout45": (0.89, 0.92, 0.99),
        # 0.90: as set 27, a podcast page's "New episodes in your inbox every Monday" is
        # removed by its wording, and the episode list below it is no longer a block (3 lines)
        "synthetic_heldout46": (0.90, 0.91, 1.0),
        "synthetic_heldout47": (0.74, 0.84, 0.99),
        "synthetic_heldout48": (0.69, 0.79, 0.98),
        "synthetic_heldout49": (0.93, 0.94, 1.0),
        "synthetic_heldout50": (0.82, 0.87, 0.99),
        "synthetic_heldout51": (0.82, 0.88, 0.99),
        "synthetic_heldout52": (0.87, 0.89, 0.97),
        "synthetic_heldout53": (0.88, 0.90, 0.99),
        "synthetic_heldout54": (0.82, 0.89, 0.97),
        "synthetic_heldout55": (0.91, 0.93, 0.99),
        # 0.86: "Halvard Foods to Present at ..." (another release's headline) went as the
        # bio of an author "Halvard" taken from the company line; a name from a line that is
        # only a name now needs a bio verb after it (fifteenth pass)
        "synthetic_heldout56": (0.86, 0.90, 0.98),
        "synthetic_heldout57": (0.91, 0.93, 0.98),
        "synthetic_heldout58": (0.82, 0.86, 0.99),
        "synthetic_heldout59": (0.88, 0.92, 0.96),
        "synthetic_heldout60": (0.77, 0.83, 0.99),
        "synthetic_heldout61": (0.94, 0.95, 0.98),
        "synthetic_heldout62": (0.94, 0.90, 0.99),
        "synthetic_heldout63": (0.89, 0.88, 0.99),
        "synthetic_heldout64": (0.97, 0.96, 0.97),
        "synthetic_heldout65": (0.82, 0.85, 1.0),
        "synthetic_heldout66": (0.90, 0.90, 0.97),
        "synthetic_heldout67": (0.90, 0.93, 0.99),
        "synthetic_heldout68": (0.92, 0.92, 0.99),
        "synthetic_heldout69": (0.92, 0.94, 1.0),
        "synthetic_heldout70": (0.89, 0.90, 0.98),
        "synthetic_heldout71": (0.95, 0.95, 0.98),
        "synthetic_heldout72": (0.93, 0.94, 0.99),
        "synthetic_heldout73": (0.52, 0.84, 0.97),
        "synthetic_heldout74": (0.68, 0.84, 0.98),
        "synthetic_heldout75": (0.70, 0.86, 0.98),
        "synthetic_heldout76": (0.72, 0.88, 0.97),
        "synthetic_heldout77": (0.91, 0.93, 0.97),  # 0.92 until "Notes to editors" was kept
        "synthetic_heldout78": (0.84, 0.89, 0.99),
        "synthetic_heldout79": (0.90, 0.92, 0.99),
        "synthetic_heldout80": (0.90, 0.86, 1.0),
        "synthetic_heldout81": (0.88, 0.78, 0.98),
        "synthetic_heldout82": (0.86, 0.85, 1.0),
        "synthetic_heldout83": (0.86, 0.86, 0.99),
        "synthetic_heldout84": (0.92, 0.91, 0.96),
        "synthetic_heldout85": (0.86, 0.83, 0.99),
        "synthetic_heldout86": (0.95, 0.94, 1.0),
        "synthetic_heldout87": (0.91, 0.89, 0.97),
        "synthetic_heldout88": (0.87, 0.85, 1.0),
        "synthetic_heldout89": (0.80, 0.82, 0.96),
        "synthetic_heldout90": (0.93, 0.92, 0.98),
        "synthetic_heldout91": (0.87, 0.84, 0.98),
        "synthetic_heldout92": (0.85, 0.86, 1.0),
        "synthetic_heldout93": (0.96, 0.93, 0.98),
        "synthetic_heldout94": (0.83, 0.87, 0.96),
        "synthetic_heldout95": (0.88, 0.89, 0.93),
        "synthetic_heldout96": (0.89, 0.87, 0.97),
        "synthetic_heldout97": (0.96, 0.95, 0.99),
        "synthetic_heldout98": (0.93, 0.90, 0.99),
        "synthetic_heldout99": (0.97, 0.95, 0.98),
        "synthetic_heldout100": (0.94, 0.92, 0.99),
        "synthetic_heldout101": (0.95, 0.95, 0.97),
        "synthetic_heldout102": (0.97, 0.96, 0.99),
        "synthetic_heldout103": (0.95, 0.93, 1.0),
        "synthetic_heldout104": (0.90, 0.88, 0.99),
        "synthetic_heldout105": (0.95, 0.92, 0.99),
        "synthetic_heldout106": (0.94, 0.92, 1.0),
        "synthetic_heldout107": (0.95, 0.93, 1.0),
        "synthetic_heldout108": (0.83, 0.82, 0.94),
        "synthetic_heldout109": (0.89, 0.86, 0.99),
        "synthetic_heldout110": (0.89, 0.90, 0.97),
        "synthetic_heldout111": (0.90, 0.86, 0.98),
        "synthetic_heldout112": (0.94, 0.93, 0.95),
        "synthetic_heldout113": (0.95, 0.95, 1.0),
        "synthetic_heldout114": (0.87, 0.89, 0.95),
        # 0.86 and 0.83, not 0.87 and 0.84: rows pasted with tabs are a table (twenty-ninth
        # pass), and set 115 labels a cricket scorecard widget's two tab rows furniture;
        # set 169 labels a statistics release's tab table content
        "synthetic_heldout115": (0.86, 0.83, 0.98),
        "synthetic_heldout116": (0.86, 0.79, 1.0),
        "synthetic_heldout117": (0.93, 0.92, 0.98),
        "synthetic_heldout118": (0.91, 0.89, 1.0),
        "synthetic_heldout119": (0.91, 0.90, 0.97),
        "synthetic_heldout120": (0.92, 0.92, 0.99),
        "synthetic_heldout121": (0.92, 0.91, 0.98),
        # recall 0.85 -> 0.84 in the twenty-eighth pass: a care home's "Registered manager:
        # Vacant" is a field, no longer a header of the removed lines below it
        "synthetic_heldout122": (0.84, 0.85, 0.96),
        "synthetic_heldout123": (0.83, 0.87, 0.95),
        "synthetic_heldout124": (0.86, 0.81, 0.97),
        "synthetic_heldout125": (0.90, 0.89, 0.99),
        # 0.98 precision until the twenty-seventh pass, whose after_article gave back a
        # sub-heading (retention 0.994 -> 1.0) and kept a contact form's line below the story
        "synthetic_heldout126": (0.98, 0.97, 1.0),
        "synthetic_heldout127": (0.93, 0.91, 0.98),
        "synthetic_heldout128": (0.94, 0.91, 1.0),
        "synthetic_heldout129": (0.94, 0.94, 0.98),
        "synthetic_heldout130": (0.92, 0.91, 0.96),
        "synthetic_heldout131": (0.93, 0.92, 0.90),
        "synthetic_heldout132": (0.82, 0.83, 0.89),
        "synthetic_heldout133": (0.91, 0.92, 0.92),
        "synthetic_heldout134": (0.93, 0.94, 0.93),
        "synthetic_heldout135": (0.93, 0.95, 0.97),
        "synthetic_heldout136": (0.78, 0.75, 0.91),
        "synthetic_heldout137": (0.84, 0.79, 0.86),
        "synthetic_heldout138": (0.80, 0.71, 0.98),
        "synthetic_heldout139": (0.82, 0.88, 0.86),
        "synthetic_heldout140": (0.89, 0.85, 0.98),
        "synthetic_heldout141": (0.90, 0.92, 0.92),
        "synthetic_heldout142": (0.83, 0.80, 0.98),
        "synthetic_heldout143": (0.89, 0.87, 0.94),
        "synthetic_heldout144": (0.86, 0.86, 0.98),
        # OCR'd and digitised archives: running heads, the next column's story, small ads, a
        # crossword and a database record's fields, which the rules do not know yet
        "synthetic_heldout145": (0.54, 0.71, 0.98),
        "synthetic_heldout146": (0.93, 0.87, 0.89),
        "synthetic_heldout147": (0.91, 0.91, 0.98),
        # a journal's references, citation and "similar articles" lists stay (the sets label
        # references both ways)
        "synthetic_heldout148": (0.83, 0.78, 0.98),
        # board papers from PDF: running footers stay. Precision 0.88 -> 0.87 when the
        # minutes' attendance list stopped being read as bylines: six names came back, and
        # so did the minutes' title, date and "DRAFT" line above them
        "synthetic_heldout149": (0.77, 0.87, 0.95),
        "synthetic_heldout150": (0.94, 0.94, 0.98),
        "synthetic_heldout151": (0.90, 0.88, 0.98),
        "synthetic_heldout152": (0.93, 0.91, 0.97),
        # legal pages: a chambers' counsel profiles and clerks' box, a guidance page's contents
        "synthetic_heldout153": (0.84, 0.85, 0.99),
        "synthetic_heldout154": (0.85, 0.84, 0.99),
        # transcripts: speaker names on their own lines, a webinar's chat and polls, timed
        # chapter lists
        "synthetic_heldout155": (0.76, 0.76, 0.95),
        # photo-heavy pages: captions without a label ("Café owner Sunil Varma outside his
        # shop")
        "synthetic_heldout156": (0.88, 0.86, 0.96),
        "synthetic_heldout157": (0.87, 0.87, 0.99),
        "synthetic_heldout158": (0.85, 0.84, 0.98),
        # a letters page: writers' names and towns read as a link block
        "synthetic_heldout159": (0.95, 0.91, 0.93),
        # FOI and public records: a register's fields, a judgment's heading block, tables
        # in tabs and pipes read as links and dates
        "synthetic_heldout160": (0.79, 0.76, 0.90),
        "synthetic_heldout161": (0.88, 0.82, 0.98),
        "synthetic_heldout162": (0.95, 0.92, 0.95),
        "synthetic_heldout163": (0.92, 0.92, 0.96),
        # English articles on European sites: the site's own-language chrome beyond the
        # common labels ("Fehler gefunden? Jetzt melden.", comment prompts, newsletters)
        "synthetic_heldout164": (0.79, 0.73, 0.98),
        "synthetic_heldout165": (0.86, 0.81, 0.95),
        "synthetic_heldout166": (0.91, 0.92, 0.97),
        "synthetic_heldout167": (0.90, 0.84, 0.98),
        "synthetic_heldout168": (0.86, 0.87, 0.93),
        "synthetic_heldout169": (0.89, 0.93, 0.94),
        "synthetic_heldout170": (0.96, 0.97, 0.97),
        "synthetic_heldout171": (0.77, 0.86, 0.99),
        # charity and campaign pages: appeal boxes, helplines and partner lists as prose
        "synthetic_heldout172": (0.84, 0.88, 0.99),
        "synthetic_heldout173": (0.89, 0.93, 1.0),
        # safety-investigation pages: report trackers, field tables, "Documents" labels
        "synthetic_heldout174": (0.86, 0.90, 0.98),
        "synthetic_heldout175": (0.94, 0.96, 0.98),
        # newsletter formats: a markets table under its label (labelled the article's list)
        "synthetic_heldout176": (0.92, 0.94, 0.95),
        "synthetic_heldout177": (0.92, 0.92, 0.97),
        "synthetic_heldout178": (0.95, 0.95, 0.99),
        "synthetic_heldout179": (0.87, 0.90, 0.98),
        # wiki and reference pages: infobox and record fields in tabs (kept as table rows),
        # Q&A-site chrome, a glossary's header; consultation pages: forms, FAQs, documents
        "synthetic_heldout180": (0.80, 0.80, 0.97),
        "synthetic_heldout181": (0.84, 0.88, 0.97),
        "synthetic_heldout182": (0.81, 0.83, 0.99),
        "synthetic_heldout183": (0.93, 0.94, 0.98),
        # journal full text: affiliations, disclosure statements (labelled content here)
        "synthetic_heldout184": (0.84, 0.88, 0.96),
        # event pages: an award's shortlist and a rally's speakers as unintroduced lists
        "synthetic_heldout185": (0.84, 0.89, 0.87),
        # book extracts: praise quotes, an e-reader's exports, retailer lists
        "synthetic_heldout186": (0.78, 0.81, 0.98),
        # committee pages: meeting-document lists and membership sidebars
        "synthetic_heldout187": (0.75, 0.90, 0.97),
        "synthetic_heldout188": (0.95, 0.95, 1.0),
        # Welsh and Scottish pages: an ombudsman's case fields (labelled content here)
        "synthetic_heldout189": (0.95, 0.94, 0.97),
        # sport: a match-stats table and a fixtures widget in tabs (kept as table rows)
        "synthetic_heldout190": (0.86, 0.89, 0.98),
        # union pages: a congress motion's fields, a magazine's pull quotes
        "synthetic_heldout191": (0.88, 0.88, 1.0),
        # school pages: an inspection's ratings grid in tabs (labelled content here), a
        # parents' forum thread, a prose line on tablets' cookie settings
        "synthetic_heldout192": (0.88, 0.87, 0.96),
        "synthetic_heldout193": (0.96, 0.96, 1.0),
        "synthetic_heldout194": (0.91, 0.91, 1.0),
        "synthetic_heldout195": (0.95, 0.96, 1.0),
        # trade press: a PDF magazine's pull quote and running heads, a vessel tracker's
        # fields, OCR'd classified adverts
        "synthetic_heldout196": (0.86, 0.91, 0.98),
        "synthetic_heldout197": (0.89, 0.90, 0.98),
        # courts and police pages: "Media enquiries" and useful numbers labelled content here
        "synthetic_heldout198": (0.93, 0.94, 0.97),
        # tech and science sites: a review's verdict box, a fact-check's sources and a
        # release's journal reference as the story's lists (labelled both ways across sets)
        "synthetic_heldout199": (0.91, 0.91, 0.93),
        # magazine features: a photo essay's numbered captions, pull quotes, standfirsts
        # taken for the headline or its labels
        "synthetic_heldout200": (0.86, 0.91, 0.98),
        "synthetic_heldout201": (0.97, 0.96, 0.98),
        # internal communications: sign-off names over a footer, "Other things that help"
        "synthetic_heldout202": (0.91, 0.91, 0.96),
        "synthetic_heldout203": (0.95, 0.95, 0.98),
        # regulators' pages: an inspection's outcome fields (labelled content here)
        "synthetic_heldout204": (0.93, 0.95, 0.95),
        "synthetic_heldout205": (0.94, 0.95, 0.99),
        # a writer's first name signing off ("Helen"): a byline here and in sets 238, 272 and
        # 273, content in nine sets; since session 35 the cleaner keeps it
        "synthetic_heldout206": (0.96, 0.95, 0.99),
        "synthetic_heldout207": (0.93, 0.95, 0.97),
        "synthetic_heldout208": (0.92, 0.92, 0.99),
        "synthetic_heldout209": (0.91, 0.93, 0.96),
        "synthetic_heldout210": (0.96, 0.94, 0.99),
        "synthetic_heldout211": (0.98, 0.98, 0.98),
        "synthetic_heldout212": (0.97, 0.97, 0.83),
        "synthetic_heldout213": (0.95, 0.94, 0.98),
        "synthetic_heldout214": (0.91, 0.93, 0.98),
        "synthetic_heldout215": (0.94, 0.96, 0.96),
        "synthetic_heldout216": (0.96, 0.97, 0.94),
        "synthetic_heldout217": (0.93, 0.94, 0.95),
        "synthetic_heldout218": (0.92, 0.93, 0.96),
        "synthetic_heldout219": (0.96, 0.96, 0.94),
        "synthetic_heldout220": (0.93, 0.95, 0.97),
        "synthetic_heldout221": (0.89, 0.85, 0.93),
        "synthetic_heldout222": (0.93, 0.92, 0.99),
        "synthetic_heldout223": (0.95, 0.97, 0.98),
        "synthetic_heldout224": (0.97, 0.97, 0.96),
        "synthetic_heldout225": (0.91, 0.93, 0.96),
        "synthetic_heldout226": (0.87, 0.90, 0.97),
        "synthetic_heldout227": (0.93, 0.95, 0.97),
        "synthetic_heldout228": (0.90, 0.91, 0.99),
        "synthetic_heldout229": (0.89, 0.92, 0.97),
        "synthetic_heldout230": (0.92, 0.91, 0.96),
        "synthetic_heldout231": (0.92, 0.92, 1.00),
        "synthetic_heldout232": (0.92, 0.93, 1.00),
        "synthetic_heldout233": (0.93, 0.92, 0.95),
        "synthetic_heldout234": (0.94, 0.94, 0.98),
        "synthetic_heldout235": (0.96, 0.95, 0.97),
        "synthetic_heldout236": (0.94, 0.92, 0.97),
        "synthetic_heldout237": (0.89, 0.89, 0.98),
        "synthetic_heldout238": (0.95, 0.95, 0.98),
        "synthetic_heldout239": (0.93, 0.93, 0.98),
        "synthetic_heldout240": (0.97, 0.94, 0.99),
        "synthetic_heldout241": (0.94, 0.95, 0.97),
        "synthetic_heldout242": (0.92, 0.92, 0.97),
        "synthetic_heldout243": (0.96, 0.96, 0.99),
        "synthetic_heldout244": (0.91, 0.92, 0.97),
        "synthetic_heldout245": (0.93, 0.93, 0.99),
        "synthetic_heldout246": (0.98, 0.97, 0.98),
        "synthetic_heldout247": (0.94, 0.93, 0.98),
        "synthetic_heldout248": (0.96, 0.96, 0.98),
        "synthetic_heldout249": (0.92, 0.92, 0.98),
        "synthetic_heldout250": (0.88, 0.89, 0.98),
        "synthetic_heldout251": (0.96, 0.96, 0.96),
        "synthetic_heldout252": (0.92, 0.91, 0.97),
        "synthetic_heldout253": (0.97, 0.97, 0.99),
        # veterinary practice, insurance and pensions, libraries and publishing, elections:
        # a hearing's and a case's record fields, an event's "Good to know" box and a fact
        # check's sources read as links
        "synthetic_heldout254": (0.90, 0.89, 0.98),
        "synthetic_heldout255": (0.93, 0.91, 0.99),
        "synthetic_heldout256": (0.92, 0.92, 0.93),
        "synthetic_heldout257": (0.96, 0.97, 0.96),
        # mining and heavy industry, volunteering and youth organisations, telecoms and call
        # centres, science institutions: a wiki's infobox and a notice's fields, a school's
        # "Dates for your diary", an employee review site's cards, a transcript's credits
        "synthetic_heldout258": (0.94, 0.93, 0.97),
        "synthetic_heldout259": (0.92, 0.93, 0.96),
        "synthetic_heldout260": (0.88, 0.86, 0.98),
        "synthetic_heldout261": (0.94, 0.92, 0.99),
        # NHS trusts and regulators, games studios, public services in Ireland, New Zealand
        # and Canada, fashion supply chains: a forum's post cards, a patient-review site's
        # replies, a print page's advert, a review's verdict box
        "synthetic_heldout262": (0.90, 0.90, 0.99),
        "synthetic_heldout263": (0.87, 0.87, 0.98),
        "synthetic_heldout264": (0.94, 0.94, 0.98),
        "synthetic_heldout265": (0.93, 0.93, 0.98),
        # care homes and home care, unusual extraction paths (feeds, read-later exports,
        # subtitles, JSON dumps), building safety, accountancy: a job board's cards, a review
        # site's reply, a forum's posts, a project's data panel read as links
        "synthetic_heldout266": (0.83, 0.86, 0.98),
        "synthetic_heldout267": (0.89, 0.88, 0.97),
        "synthetic_heldout268": (0.93, 0.95, 0.94),
        "synthetic_heldout269": (0.83, 0.87, 0.96),
        "synthetic_heldout270": (0.93, 0.92, 0.95),
        "synthetic_heldout271": (0.92, 0.93, 0.99),
        "synthetic_heldout272": (0.95, 0.94, 0.99),
        # a writer's first name signing off ("Amira"): as for set 206
        "synthetic_heldout273": (0.96, 0.95, 1.00),
        "synthetic_heldout274": (0.86, 0.90, 0.97),
        "synthetic_heldout275": (0.89, 0.90, 0.97),
        "synthetic_heldout276": (0.92, 0.93, 0.98),
        "synthetic_heldout277": (0.94, 0.93, 0.98),
        "synthetic_heldout278": (0.96, 0.96, 0.97),
        "synthetic_heldout279": (0.90, 0.89, 0.96),
        "synthetic_heldout280": (0.85, 0.88, 0.94),
        "synthetic_heldout281": (0.89, 0.91, 0.99),
        # fire and rescue, building safety and housing repairs, sport governance, financial
        # conduct: a committee transcript's page feet, a forum's replies, a government page's
        # fields, a results announcement's contacts and forward-looking statements
        "synthetic_heldout282": (0.97, 0.95, 0.97),
        "synthetic_heldout283": (0.91, 0.91, 0.96),
        "synthetic_heldout284": (0.96, 0.95, 0.99),
        "synthetic_heldout285": (0.97, 0.97, 0.95),
        # ambulance services, film and television production, early years, universities: a
        # forum's and a chat group's replies, a discussion site's comments, a wiki's fields
        "synthetic_heldout286": (0.95, 0.94, 0.94),
        "synthetic_heldout287": (0.93, 0.91, 0.99),
        "synthetic_heldout288": (0.85, 0.89, 0.97),
        "synthetic_heldout289": (0.94, 0.94, 0.97),
        # prisons and probation, aviation, farming and food safety, charities: a podcast's
        # resources list, a release's "About" paragraph, a recall notice's fields
        "synthetic_heldout290": (0.97, 0.96, 0.98),
        "synthetic_heldout291": (0.95, 0.96, 1.00),
        "synthetic_heldout292": (0.98, 0.98, 0.99),
        "synthetic_heldout293": (0.98, 0.97, 0.99),
        # hospitality, the law, utilities, newsrooms: a review site's owner replies, a
        # tribunal's case header, a live blog's entry times, forums' replies
        "synthetic_heldout294": (0.94, 0.95, 0.97),
        "synthetic_heldout295": (0.96, 0.95, 0.97),
        "synthetic_heldout296": (0.96, 0.96, 0.96),
        "synthetic_heldout297": (0.94, 0.94, 0.99),
        # fire and rescue, universities, retail and warehouses, sport: a results release's
        # "Enquiries" and forward-looking statements, forum replies, live-page times
        "synthetic_heldout298": (0.92, 0.93, 1.00),
        "synthetic_heldout299": (0.93, 0.91, 0.96),
        "synthetic_heldout300": (0.94, 0.95, 0.96),
        "synthetic_heldout301": (0.93, 0.94, 0.99),
        # shipping, councils, tech firms, mental health and care: forum and chat replies'
        # bodies, an inspection page's ratings, a release's "ENDS", a thread's first post
        "synthetic_heldout302": (0.88, 0.91, 0.98),
        "synthetic_heldout303": (0.90, 0.91, 0.99),
        "synthetic_heldout304": (0.87, 0.84, 0.98),
        "synthetic_heldout305": (0.92, 0.94, 0.97),
        # construction, schools, banking, the armed forces: inspection grades and team lists,
        # contact and "Enquiries" lines, forward-looking statements, a magazine's deck
        "synthetic_heldout306": (0.96, 0.96, 0.95),
        "synthetic_heldout307": (0.90, 0.89, 0.94),
        "synthetic_heldout308": (0.93, 0.94, 0.97),
        "synthetic_heldout309": (0.95, 0.93, 0.98),
        # railways, the arts, primary care, environment groups: chat exports' messages, a
        # practice's opening times, an open letter's signatories, an inspection's ratings
        "synthetic_heldout310": (0.90, 0.91, 1.00),
        "synthetic_heldout311": (0.88, 0.90, 0.95),
        "synthetic_heldout312": (0.86, 0.86, 0.97),
        "synthetic_heldout313": (0.95, 0.95, 0.94),
        # police, hospitals abroad, games studios, farm and food workers: a hearing's fields, a
        # union newsletter's dates, chat and broadcast-list exports, a wiki's infobox
        "synthetic_heldout314": (0.93, 0.94, 0.97),
        "synthetic_heldout315": (0.95, 0.95, 0.98),
        "synthetic_heldout316": (0.87, 0.85, 0.93),
        "synthetic_heldout317": (0.82, 0.87, 0.98),
        # pensions, building safety, ports and fisheries, research labs: a live blog's entries
        # after its main block, a Q&A page's question, closing lines without a full stop
        "synthetic_heldout318": (0.94, 0.94, 0.97),
        "synthetic_heldout319": (0.96, 0.95, 0.93),
        "synthetic_heldout320": (0.93, 0.93, 0.94),
        "synthetic_heldout321": (0.96, 0.96, 0.93),
        # local government, hospitality, sport governance, tech workplaces: a council's vote
        # table, a debate's speaker names, a tribunal judgment's heading, a shared doc's comments
        "synthetic_heldout322": (0.96, 0.93, 0.95),
        "synthetic_heldout323": (0.93, 0.92, 0.98),
        "synthetic_heldout324": (0.96, 0.94, 0.94),
        "synthetic_heldout325": (0.86, 0.85, 0.95),
    }
    for dataset, (recall, precision, retention) in floors.items():
        assert overall[dataset, "artefact_recall"] >= recall, dataset
        assert overall[dataset, "content_precision"] >= precision, dataset
        assert overall[dataset, "content_retention"] >= retention, dataset


def test_evaluate_cleaning_small_table() -> None:
    lines = pd.DataFrame(
        {
            "dataset": ["d"] * 3,
            "doc_id": ["a"] * 3,
            "line_no": [1, 3, 5],
            "text": [PROSE_A, "Advertisement", "Our reporters visited the ward again last week."],
            "label": ["content", "artefact", "artefact"],
            "kind": ["prose", "advertising", "share"],
        }
    )
    table = evaluate_cleaning(lines, rules=RULES)
    assert list(table.columns) == ["dataset", "metric", "kind", "value", "n"]
    assert table.equals(table.sort_values(["dataset", "metric", "kind"]).reset_index(drop=True))
    table = table.set_index(["metric", "kind"])
    assert table.loc[("artefact_recall", "all"), "value"] == 0.5
    assert table.loc[("artefact_recall", "advertising"), "n"] == 1
    assert table.loc[("content_precision", "all"), "value"] == 0.5


BLURB = "Honest writing about work, teams and leading from the middle."
# The blurb closes three documents of dataset "site" and two of dataset "mixed".
CORPORA = pd.DataFrame(
    [
        (dataset, f"{dataset}{k}", line_no, text, label, "k")
        for dataset, n_docs in (("site", 3), ("mixed", 2))
        for k in range(n_docs)
        for line_no, text, label in (
            (1, PROSE_A.replace("council", f"council {k}"), "content"),
            (3, BLURB, "artefact"),
        )
    ],
    columns=["dataset", "doc_id", "line_no", "text", "label", "kind"],
)


@pytest.mark.parametrize("threshold", [0.2, 0.5, 0.8])
def test_finishing_with_the_scores_found_once_is_finishing_with_the_model(threshold: float) -> None:
    ruled = clean_eval.rule_states(CORPORA, rules=RULES, boilerplate_min_docs=None)
    model = train_line_model(CORPORA, rules=RULES, threshold=threshold, seed=1)
    scored = [line_probabilities(doc.state, model) for doc in ruled]
    once = clean_eval.finish_states(ruled, model, scored=scored)
    pd.testing.assert_frame_equal(once, clean_eval.finish_states(ruled, model))
    assert not once["kept"].all()  # the model removes each blurb, and the scores say so
    zero = [dict.fromkeys(p, 0.0) for p in scored]  # the scores given are the ones cut
    assert clean_eval.finish_states(ruled, model, scored=zero)["kept"].all()


@pytest.mark.parametrize(
    ("min_docs", "removed"),
    [
        (None, {"site": 0, "mixed": 0}),  # no corpus-level evidence
        (3, {"site": 3, "mixed": 0}),  # each dataset is its own corpus
        (2, {"site": 3, "mixed": 2}),
    ],
)
def test_each_dataset_is_cleaned_as_a_corpus(min_docs: int | None, removed: dict) -> None:
    predicted = predict_lines(CORPORA, rules=RULES, boilerplate_min_docs=min_docs)
    blurbs = predicted[predicted["text"] == BLURB]
    assert (~blurbs["kept"]).groupby(blurbs["dataset"]).sum().to_dict() == removed
    assert set(blurbs.loc[~blurbs["kept"], "rule"]) <= {"boilerplate"}
    assert predicted.loc[predicted["label"] == "content", "kept"].all()


@pytest.mark.parametrize(
    ("frame", "message"),
    [
        (pd.DataFrame({"dataset": ["d"]}), "missing column"),
        (
            pd.DataFrame(
                {
                    "dataset": ["d"],
                    "doc_id": ["a"],
                    "line_no": [1],
                    "text": ["x"],
                    "label": ["junk"],
                    "kind": ["k"],
                }
            ),
            "unknown label",
        ),
        (
            pd.DataFrame(
                {
                    "dataset": ["d"],
                    "doc_id": ["a"],
                    "line_no": [0],
                    "text": ["x"],
                    "label": ["content"],
                    "kind": ["k"],
                }
            ),
            "line_no < 1",
        ),
    ],
)
def test_evaluate_cleaning_errors(frame: pd.DataFrame, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        evaluate_cleaning(frame, rules=RULES)
