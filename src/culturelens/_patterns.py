"""Regular expressions and small vocabularies used by the cleaning stage.

Every pattern here must stay linear-time on hostile input (20 MB single lines, 1 MB of
repeated punctuation): no nested quantifiers, and every open-ended repeat is either a
single character class or bounded. Patterns that inspect a whole line are only ever run
on lines shorter than ``MAX_RULE_CHARS`` (see ``culturelens.clean``).
"""

from __future__ import annotations

import re

# Lines are split on these only (not on the form feeds, U+2028 etc. that str.splitlines uses),
# so line numbers agree with `wc -l`, editors and the audit table.
RE_LINE_BREAK = re.compile(r"\r\n|\r|\n")

# --- normalisation --------------------------------------------------------------------------
# Zero-width characters, soft hyphens and C0/C1 controls carry no text and break tokenisers.
RE_INVISIBLE = re.compile(
    r"[\u00ad\u200b-\u200d\u2060\ufeff\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]"
)
# Icons that sites put before a button's or label's words ("💬 WhatsApp", "⭐ Add us as a
# preferred source"): arrows, technical symbols, dingbats, stars, emoji and their joiners.
RE_ICON = re.compile(
    r"[\u2190-\u21ff\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff\ufe0f\u200d]+"
)
# Every horizontal space variant (NBSP, thin, figure, ideographic...) and tabs become one space.
# A lone ASCII space is not matched, so ordinary prose needs no replacements at all.
_SPACES = r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]"
RE_SPACE_RUN = re.compile(rf"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]{_SPACES}*| {_SPACES}+")
# A dash between digits is a range ("2010\u20132015") and becomes a hyphen.
RE_RANGE_DASH = re.compile(r"(?<=\d)[\u2012\u2013\u2014\u2015\u2212](?=\d)")
# Any other dash (figure/en/em/horizontal bar, or a spaced ASCII "--") becomes a spaced en dash.
RE_DASH = re.compile(r" ?(?:[\u2012\u2013\u2014\u2015]|(?<= )--?(?= )|--) ?")
# "evidence -based": a space before a hyphen that is glued to the next word (letters only,
# so "-5" and "pre- and post-" are left alone).
RE_STRAY_HYPHEN_SPACE = re.compile(r"(?<=[^\W\d_]) +-(?=[^\W\d_])")
# Spaces before closing punctuation left behind by NBSP removal ("yesterday ." -> "yesterday.").
RE_SPACE_BEFORE_PUNCT = re.compile(r" +(?=[,.;:!?](?:\s|$))")

# Leading list/bullet markers; the marker is dropped from the paragraph text. A recipe
# card's ingredients have empty boxes to tick ("\u25a2 90 g unsalted butter").
RE_BULLET = re.compile(
    r"^(?:[\u2022\u2023\u2043\u2219\u25aa\u25ab\u25cf\u25e6\u00b7\u25b8\u25ba\u27a2\u2794"
    r"\u25a0\u25a1\u25a2]|[-*+\u2013\u2014](?= )"
    # dingbats and emoji used as bullets ("✅ a 4.5% pay rise", "🚋 Friday: full service")
    r"|[\u2700-\u27bf\U0001f170-\U0001faff]\ufe0f?(?= )"
    # an arrow before a lower-case word ("→ the date of the meeting;"); before a capital it
    # points to a link ("→ Read more")
    r"|\u2192(?= [a-z]))\s*"
)
RE_NUMBERED = re.compile(r"^\(?\d{1,3}[.)](?= )")
# A heading numbered by its label ("Proposal 1: A smaller night quota", "Step 3 - Apply").
RE_LABEL_NUMBERED = re.compile(r"^[A-Z][a-z]{2,15} \d{1,2}(?:[:.]| [:\u2013-]) ?\S")
# A rank in a most-read list: "2. ", "(3) ", or a figure set off by a tab or spaces ("1   ").
RE_RANK = re.compile(r"^\(?(\d{1,2})(?:[.)] |\t|\s{2,})")
# ... or any number a line opens with, a space after it ("2 Date set for reopening").
RE_LEAD_NUMBER = re.compile(r"^\(?(\d{1,2})[.)]?\s+(?=\S)")
# A letter's salutation ("Dear Parents and Carers,", "Dear Rosalind"): the letter's first line.
RE_SALUTATION = re.compile(r"^dear\b[^.!?:]{1,60},?$", re.I)
# A journalist's label over the story's own list, written without its colon ("Key points",
# "What we still don't know", "Sweetgrass by the numbers"), and an annex's heading over its
# list ("Annex A: List of respondent organisations").
RE_LIST_LABEL = re.compile(
    r"^(?:key (?:points|findings|facts|messages|takeaways|dates|numbers)|what we (?:still )?"
    r"(?:know|don't know|do not know)(?: so far)?|at a glance|in short"
    r"|(?:[\w'\u2019-]+ ){0,5}(?:in|by the) numbers|highlights"
    r"|(?:annex|appendix) \w{1,3}(?::| [\u2013-]) .{3,60})\W{0,2}$",
    re.I,
)
# A headline's quote after its colon ("Vane's former private secretary: 'I hope ...'").
RE_QUOTED_VALUE = re.compile(r": [\"'\u2018\u201c]")
# A heading's section number ("2. ", "4.1 ", "3 ").
RE_SECTION_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+")

# --- markdown left by extraction tools (html2text, pandoc, reader proxies, web clippers) -----
# A link's target: an inline URL "(https://...)", optionally with a title, or a numbered
# reference "[9]" (html2text's reference links).
_MD_TARGET = r"(?:\((?:[^()\s]|\([^()\s]{0,100}\)){0,500}(?: \"[^\"]{0,200}\")?\)|\[\d{1,4}\])"
RE_MD_IMAGE = re.compile(r"!\[[^\[\]]{0,300}\]" + _MD_TARGET)
RE_MD_LINK = re.compile(r"\[([^\[\]]{1,300})\]" + _MD_TARGET)
# Lynx and w3m number each link in front of its text: "[12]Facebook"
RE_LYNX_MARK = re.compile(r"\[\d{1,4}\](?=[^\s\d\[(])")
# ... and a bullet that is one such link from its first word ("   * [3]About"): a menu entry
# or a teaser, never the article's own list on the labelled pages.
RE_LYNX_BULLET = re.compile(r"^[*+\u2022-]\s+\[\d{1,4}\](?=[^\s\d\[(])")
# No marker inside the span: a scan stops at the next "*" or "_", so a line of thousands of
# unclosed markers costs one pass, not one pass per marker (27 ms per 5,000 characters).
RE_MD_STRONG = re.compile(r"(?<![\w*])(\*\*|__)(?=[^\s*_])([^*_]{1,500}?)(?<=[^\s*_])\1(?![\w*])")
RE_MD_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=[^\s*_])([^*_]{1,500}?)(?<=[^\s*_])\1(?![\w*])")
RE_MD_HEADING = re.compile(r"^#{1,6} +(?=\S)")
RE_MD_TITLE = re.compile(r"^# +(?=\S)")  # level one: the page's headline
# the rule under a markdown table's header row: "| --- | :---: |"
RE_MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")
RE_MD_QUOTE = re.compile(r"^>(?!>) ?")  # not a Python prompt (">>> ")
# A line that is only links or images (a menu, a share bar, a teaser): kept as written, so
# the rules still see that it is links.
RE_MD_LINKS_ONLY = re.compile(
    r"^(?:\*\*|__)?(?:!?\[[^\[\]]{0,300}\]"
    + _MD_TARGET
    + r"[ ,|\u00b7]{0,4}){1,10}(?:\*\*|__)?\W{0,2}$"
)

# --- line shape -------------------------------------------------------------------------------
RE_WORD = re.compile(r"[^\W_][\w'.&-]{0,60}")
# A character of a script written without spaces between words (Chinese, Japanese, Thai):
# counted as half a word each, so that a paragraph is not taken for a one-word label.
RE_UNSPACED_CHAR = re.compile(
    r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
)
RE_LETTER = re.compile(r"[^\W\d_]")
# A line ends like a sentence: terminal punctuation (also the full-width forms of Chinese and
# Japanese), optionally inside closing quotes/brackets and before citation markers ("... in
# 2017.[1]", "[citation needed]").
RE_SENTENCE_END = re.compile(
    r"[.!?…;:\u3002\uff01\uff1f][\"'”)\]\u300d\u300f\uff09]{0,3}"
    r"(?:\[(?:\d{1,3}|[a-z]|citation needed)\]){0,4}$"
)
RE_URL = re.compile(
    r"(?:https?://|www\.)\S{1,300}|\b[\w-]{1,60}\.(?:com|co\.uk|org|net|io|gov\.uk|nhs\.uk)(?:/\S{0,200})?\b",
    re.I,
)
RE_EMAIL = re.compile(r"\b[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}\b")
RE_HANDLE = re.compile(r"(?<![\w@])@\w{2,30}")
RE_HASHTAG = re.compile(r"(?<![\w#])#[^\W\d_]\w{1,40}")
# Navigation separators: "Home > News > Health", "Home / UK", "A | B | C", "News » Health".
RE_NAV_SEPARATOR = re.compile(r" (?:[>»\u203a|/\\]|>>|::) ")
RE_ARROW_END = re.compile(r"(?:[>\u203a→]|->)\s*$")
# A menu of bracketed items, as old sites and text browsers print links ("[ Home ] [ News ]"),
# or a row of buttons ("[Share] [Copy link]").
RE_BRACKET_MENU = re.compile(r"^(?:\[ ?[^\[\]]{1,40}? ?\]\s*){2,}$")
RE_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|you're|you've|you'll)\b", re.I)
RE_FIRST_PERSON_PLURAL = re.compile(r"\b(?:us|our|we)\b", re.I)
# Two sentences joined without a space by HTML extraction: "this article?Health Secretary".
RE_GLUE = re.compile(r"[a-z0-9][.?!]['\")]?(?=[A-Z][a-z])")
RE_QUOTE_OPEN = re.compile(r"^[\"'\u201c\u2018]")
# Reported speech: a sentence that ends by naming its speaker (", Kestrel said.").
RE_ATTRIBUTION_END = re.compile(
    r", (?:(?:the |a )?[A-Za-z][\w'.-]*\s){1,5}(?:said|says|added|told [\w ]{2,30}|explained|"
    r"warned)\.[\"']?$"
)
# Marks of a data-list item rather than a headline: "(BBC Three)" at the end, "A v B",
# or a leading rank or figure.
RE_LIST_ITEM_SHAPE = re.compile(r"\)\W{0,2}$| (?:v|vs\.?) |^\d")
# A line a fixed-width capture (PDF, print, OCR) broke mid-sentence ends in a comma or a
# lower-case function word; a headline does not (case-sensitive: "Series A" is a headline).
RE_WRAPPED_END = re.compile(
    r"(?:,|\b(?:a|an|the|and|or|but|of|to|with|than|that|which|who|has|have|had|is|are|was|were|"
    r"will|would|could|its|their|his|her|our))$"
)
# ... or the next line goes on in lower case; "by Jane Doe" under a teaser is its byline.
RE_WRAPPED_START = re.compile(r"^(?!by )[a-z]{2,}[ ,;]")

# --- metadata ---------------------------------------------------------------------------------
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,? )?"
_TIME = (
    r"(?:,? (?:at )?\d{1,2}(?:[:.]\d{2}){1,2}(?: ?[ap]\.?m\.?)?(?: [a-z]{2,4}(?:[+-]\d{1,2})?)?)?"
)
_LEAD_TIME = r"(?:\d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?)?,? )?"
_LABEL = (
    r"(?:(?:first |last )?(?:published|posted|updated|modified|date)(?: time| date)?"
    r"(?: on| at)?:? ?)?"
)
# What a teaser carries after its headline: a plain-text e-mail's link number ("Castlegate
# fined £8.4m [2]"), the date or year in brackets ("Update on our reporting line (May
# 2024)", "Ferrisdale: action plan (2022)") or a video's length ("... ratepayer anger 2:31";
# not a time: "... 26 March 2025 at 10:00", "24 February, 12:30").
RE_TEASER_END = re.compile(
    rf"\s(?:\[\d{{1,3}}\]|\((?:(?:\d{{1,2}} )?{_MONTH.replace('?P<mon>', '?:')} )?\d{{4}}\)"
    r"|(?<!\bat )(?<!, )\d{1,2}:\d{2})$",
    re.I,
)
# ... also joined with hyphens, as a forum prints a post's time ("Sun 09-Feb-25 21:14:06")
RE_DATE_DMY = re.compile(
    rf"^{_LABEL}{_LEAD_TIME}{_WEEKDAY}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?: |-){_MONTH}(?:,? |-)"
    rf"(?P<year>\d{{4}}|\d{{2}}){_TIME}$",
    re.I,
)
RE_DATE_MDY = re.compile(
    rf"^{_LABEL}{_LEAD_TIME}{_WEEKDAY}{_MONTH} (?P<day>\d{{1,2}})(?:st|nd|rd|th)?,? "
    rf"(?P<year>\d{{4}}){_TIME}$",
    re.I,
)
RE_DATE_ISO = re.compile(
    rf"^{_LABEL}(?P<year>\d{{4}})-(?P<month>\d{{2}})-(?P<day>\d{{2}})"
    r"(?:[t ]\d{2}:\d{2}(?::\d{2})?(?:z|[+-]\d{2}:?\d{2})?)?$",
    re.I,
)
RE_DATE_NUMERIC = re.compile(
    rf"^{_LABEL}(?P<day>\d{{1,2}})[/.-](?P<month>\d{{1,2}})[/.-](?P<year>\d{{4}}){_TIME}$", re.I
)
# A full date somewhere in a line (four-digit year), for datelines with extra words.
_ANY_MONTH = _MONTH.replace("?P<mon>", "?:")
RE_DATE_ANYWHERE = re.compile(
    # a word boundary, or a date glued to a name by a page's markup ("Associated PressDecember
    # 2, 2016"): a lower-case letter before the capital of the month
    rf"(?:\b|(?-i:(?<=[a-z])(?=[A-Z])))(?:\d{{1,2}}(?:st|nd|rd|th)? {_ANY_MONTH},? \d{{4}}"
    rf"|{_ANY_MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}"
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{4})\b",
    re.I,
)
# Trailing pieces that may follow a date on a date line: "| Updated 10:32", "- 5 min read".
RE_DATE_TAIL = re.compile(
    r"\s*(?:[|·•,\u2013-]\s*)?(?:\d{1,3} ?min(?:ute)?s? read|(?:last )?updated:?[^|]{0,40}"
    r"|by @?[\w.-]{1,40})?$",
    re.I,
)
# The word a date line opens with ("Published: Tuesday | March 17, 2026 | 12:08 AM").
RE_STAMP_PREFIX = re.compile(r"(?:first |last )?(?:published|updated|posted)\b", re.I)
RE_DATE_SPLIT = re.compile(r"\s+[|·•]\s+")
# A journalist's role, in bylines, role lines and bios ("Health Editor", "staff writer").
_JOURNALIST_ROLES = r"correspondent|editor|reporter|writer|journalist|columnist|contributor"
RE_BYLINE = re.compile(
    r"^(?:(?:Written|Words|Story|Text|Reported|Interview|Interviewed) by"
    r"|By|BY|by|Author|Reporter|REPORTER|Writer|WRITER|Words(?=:))"
    r":? "
    r"(?:(?:dr|prof|sir|dame|mr|mrs|ms)\.? )?[A-Z][\w'.-]{0,30}"
    r"(?: (?:[A-Z][\w'.-]{0,30}|de|van|von|da|al|el|bin|le)){0,3}"
    r"(?:(?:,| and| &) (?:[A-Z][\w'.-]{0,30})(?: (?:[A-Z][\w'.-]{0,30}|de|van|von|da|al|el|bin|le))"
    r"{0,3}){0,3}"
    rf"(?:,? (?:[\w'-]{{1,30}} ){{0,4}}(?:{_JOURNALIST_ROLES}|staff|analyst|desk|team|reporters"
    r"|in [A-Z][\w]{1,30}))?\.?$"
)
# The start of a byline however it is worded ("Posted by", "Report author:", "Words by",
# "Hosted by", "Medically reviewed by", "Authors:", "As told to", "By the News Team",
# "Answered by", "Chaired and written up by").
RE_BY_PREFIX = re.compile(
    r"^(?:(?:(?:written|words|story|text|report|posted|reported|reporting|photos?|hosted"
    r"|presented|(?:medically )?reviewed|fact-checked|edited|compiled|prepared|interview"
    r"|summary|answered|interviewed|chaired|moderated|produced|curated)"
    r"(?: and (?:written(?: up)?|edited|produced))? )?(?:by|authors?)|byline|words|as told to"
    r"|from:|reviewers?:|research team:):? (?:the )?(?-i:[A-Z])",
    re.I,
)
# A government page's fields under its headline: the publisher on the line under "From:",
# the nations under "Applies to:", a date under "Published".
RE_HEADER_FIELD = re.compile(
    r"^(?:from|(?:published|issued) by|organi[sz]ations?|departments?|applies to)\s?:$"
    r"|^(?:published|updated|last updated)\s?:?$",
    re.I,
)
# A byline's label on a line of its own, the name on the next ("By" / "Jon Porter").
RE_BY_LABEL = re.compile(r"^(?:(?:written|words|story|text) )?(?:by|authors?)\W{0,2}$", re.I)
# A networking profile's headline under the writer's name: a role at an organisation, then
# more about them after bars ("Head of People at Brightfield | Mentor | Views my own").
RE_PROFILE_TAGLINE = re.compile(r"^[^|]{3,60} at [^|]{2,60}(?: \| [^|]{2,80}){1,4}$")
# A journalist's role on the line under the byline ("Health reporter", "STAFF WRITER").
RE_ROLE_LINE = re.compile(
    rf"\b(?:{_JOURNALIST_ROLES}|critic|producer|presenter|desk)s?\b",
    re.I,
)
# A byline that names a team or a body, not a person ("FinServe Communications", "News
# Team"): its first word is the organisation's name, which the story itself uses.
RE_ORG_BYLINE = re.compile(
    r"\b(?:communications|team|office|newsroom|staff|union|press|media|news|group|ltd|plc)$",
    re.I,
)
# Where a byline's name ends and its role or outlet begins ("Sam Lee, Health Editor").
RE_BYLINE_SPLIT = re.compile(r", | \u00b7 | \| | \u2013 | at | in | \(")  # "Tom Lee in London"
# A question that a sub-heading asks of the story ("What happens next?", "Who is to blame?").
RE_WH_QUESTION = re.compile(r"(?:what|who|whose|why|how|where|when|which)\b", re.I)
# A role run on after the name with no comma ("Bethany Lyle Local democracy reporter").
RE_GLUED_ROLE = re.compile(rf" (?:[A-Z][a-z]+ )?(?:[a-z]+ ){{0,2}}(?i:{_JOURNALIST_ROLES})s?$")
# Between two names of one byline ("Ann Ray and Bo Li"); not "&", which joins menu items
# ("News Arts & Culture Sport").
RE_NAME_JOIN = re.compile(r" and ")
# Capitalised words that are no part of a person's name: articles and Roman numerals.
NOT_IN_NAMES = frozenset(("The", "A", "An", "Of", "II", "III", "IV", "VI", "VII", "VIII", "IX"))
POSSESSIVES = frozenset(("Our", "Your", "My"))
HONORIFICS = frozenset(("dr", "prof", "professor", "sir", "dame", "mr", "mrs", "ms", "cllr"))
RE_READING_TIME = re.compile(
    r"^(?:reading time:? )?\d{1,3} ?(?:min(?:ute)?s?|m) (?:read|listen)$", re.I
)

# A flat alternation is built from these for phrase rules; see clean._compile_phrases.
PHRASE_SEPARATORS = re.compile(r"\s+")

# Words that may surround a date on a date line ("Published on ... at 10:32 am").
DATE_WORDS = frozenset(
    ("published", "updated", "posted", "modified", "last", "first", "on", "at", "by", "date",
     "time", "am", "pm", "a.m", "p.m", "edited", "created", "filed", "post", "read", "reading",
     "min", "mins", "minute", "minutes", "hr", "hrs", "hour", "hours", "ago", "o'clock",
     "clock", "estimated", "monday", "tuesday", "wednesday", "thursday", "friday",
     "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat",
     "sun")
)  # fmt: skip
MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}

# --- form-based evidence (culturelens.artefacts) -----------------------------------------------
# Everything that is not a letter or digit, for line fingerprints ("Share this" == "SHARE THIS:").
RE_NON_ALNUM = re.compile(r"[\W_]+")
# Where a page's <title> (the first line of an HTML page converted by ingest) joins the
# headline to the site or section name: "Headline | Section | Site", "Headline - The Verge".
RE_PAGE_TITLE_SEPARATOR = re.compile(r"\s*[|\u00b7]\s*|\s+[-\u2013/:]{1,2}\s+")
# UI residue: a line that is only a count, a clock time, a gallery or page position, or a
# relative time ("48", "1.2k", "(12)", "15:42", "[00:05:12]", "1 of 12", "Page 14 of 38",
# "3 hours ago", "3d"), or a comment's author with its age ("u/harbour_sal · 6h").
# Four-digit years are not residue: timelines use them as sub-headings.
RE_RESIDUE = re.compile(
    r"^[(\[]?(?:\d{1,3}(?:\.\d)?[km]?"
    r"|\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?: ?[ap]\.?m\.?)?(?: [a-z]{2,4})?"
    r"|(?:(?:[^\s\u00b7\d]{1,30} ){0,3}[^\s\u00b7\d]{1,30} \u00b7 "
    r"|(?:updated|posted|edited|answered) )?"
    r"\d{1,2} ?(?:s|m|mins?|h|hrs?|d|w|wks?|mo|mos|y|yrs?)\.?(?: ago)?(?: [\u00b7\u2022] edited)?"
    r"(?: [\u00b7\u2022] ?\W?)?"  # a network's post: "3d • Edited • (globe)"
    r"|(?:page |p\. ?|slide |image |photo |picture )?\d{1,4} ?(?:of|/) ?\d{1,4}"
    r"|(?:(?:last )?(?:updated|posted|published|edited):? )?"
    r"(?:\d{1,3}|an?|one) (?:sec(?:ond)?|min(?:ute)?|hour|hr|day|week|month|year)s? ago"
    r"|(?:(?:last )?(?:updated|posted) )?(?:just now|yesterday|today))[)\]]?\W{0,2}$",
    re.I,
)
# A forum member's handle alone on its line, as each post's card prints it ("Old_Sweat_REME",
# "u/drains_and_brains"): a name with an underscore, which no writer's own line has.
RE_USER_HANDLE = re.compile(r"^(?:u/|@)?[^\W\d_][\w.-]*_[\w.-]+$")
# A time stamp on a line of its own, as a transcript or caption file puts it before each
# caption or turn ("0:06", "1:02:15", "[00:05:12]"), and a sound tag ("[Music]", "(laughter)").
RE_TIME_STAMP = re.compile(r"^[(\[]?(?:\d{1,2}:)?\d{1,2}:\d{2}[)\]]?$")
RE_SOUND_TAG = re.compile(r"^[(\[][^()\[\]]{1,30}[)\]]$")
# A blog-platform date without a year ("Mar 11", "Sep 3"): abbreviated month, no weekday. Full
# dates without a year ("Saturday, 26 February") head match previews and are kept.
RE_DATE_NO_YEAR = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\.? \d{1,2}$", re.I
)
# A comment thread's header that is also a report's section heading ("Discussion"), also
# numbered as a paper numbers it ("5 Discussion"; "2 Responses" is a count).
RE_SECTION_OR_THREAD = re.compile(
    r"^\W{0,3}(?:(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?discussion|responses|comment)\W{0,3}$", re.I
)
# A comment-thread header: "12 comments", "Comments (3)", "Discussion about this post".
RE_COMMENTS_HEADER = re.compile(
    r"^(?:\(?\d{1,6}\)? )?(?:reader |readers' |rapid |latest |top |all )?"
    r"(?:comments?|replies|responses|discussion)"
    r"(?: \(?\d{1,6}\)?)?\W{0,3}$|^(?:discussion|conversation|comments) (?:about|on) this\b"
    # ... not an address for comments elsewhere ("Comments about this page can be sent to")
    r"(?!.{0,40}\b(?:can|should|may|could) be (?:sent|emailed|directed|made|left|given)\b)"
    # WordPress: 'One thought on "Title"', '12 responses to "Title"'
    r"|^(?:one|no|\d{1,6}) (?:thoughts?|comments?|responses?|replies|reply) (?:on|to) "
    r"[\"'].{1,250}$"
    # a forum's or Q&A site's thread: "41 comments from Sam Lee and more", "Sort by: Best"
    r"|^\d{1,6} (?:comments?|answers?|replies) from \S.{0,80}$"
    r"|^there (?:are|is) (?:no|one|\d{1,6}) (?:comments?|responses?|replies)\W{0,3}$"
    r"|^sort(?:ed)? by:? (?:best|top|new(?:est)?|old(?:est)?|newest first|oldest first"
    r"|most (?:relevant|liked|popular|recent)|controversial)\W{0,3}$"
    r"|^search comments\W{0,3}$"
    # a code host's issue: the first reply's author and date ("[18]oskar-whitlam commented
    # Oct 3, 2024") under the issue's own text
    r"|^(?:\[\d{1,4}\])?[\w.-]{2,39}(?: member| contributor| owner| collaborator)? commented "
    r"(?:\[\d{1,4}\])?(?:on )?(?:[a-z]{3,9} \d{1,2}\b|\d{1,2} [a-z]{3,9}\b|\d+ \w+ ago\b)",
    re.I,
)
# A line the site cut off: the ellipsis character right after a word, in the raw line (the
# normalised text spells it "..."), or three dots after a word.
RE_CUT_CHAR = re.compile(r"[\w,;]\u2026$")
RE_CUT_DOTS = re.compile(r"\w\.\.\.$")
# A reply's subject line on a forum or in a mail thread ("Re: <the thread's title>").
RE_REPLY_SUBJECT = re.compile(r"^(?:re|aw|fwd?):\s+", re.I)
# A comment's reply or report button, which confirms a comment thread below its header.
RE_REPLY_BUTTON = re.compile(r"^(?:reply|report|respond|reply to (?:this )?comment)\W{0,3}$", re.I)
# Items a scraper joined with runs of spaces or middle dots: a menu, ticker or tag row, never
# a headline ("Home   News   Sport", "Lahore 41°C   Karachi 35°C", "Health · Work · Pay").
RE_SPACED_ITEMS = re.compile(r"\S(?: {2,}|\t)\S.*\S(?: {2,}|\t)\S|[\u00b7\u2022]")
# A gap of three spaces or a tab inside a line: columns of a table, a contents list or a
# form ("Strategic objective:    SO2", "2 The athlete pathway      9").
RE_COLUMN_GAP = re.compile(r"\S(?: {3,}|\t)\S")
# A page number set apart at the start or end of a raw line, as a PDF's running head or
# foot prints it ("12   Annual report 2024", "Annual report 2024   12", "Staff survey | 3",
# "Policy PD/11 | Page 4 of 9"); RE_PAGE_NUMBER_MARKED, one set apart by a "|" or "·" only
# ("2 | Annual Report 2024"). Both are built from one template, so they differ only there.
# RE_PAGE_WORD: a number the word "Page" labels ("22 January 2025<tab>Page 14").
_PAGE_MARK = r" ?[|\u00b7] ?"
_PAGE_NUMBER = r"^(?:page )?\d{{1,4}}{sep}\S|\S{sep}(?:page )?\d{{1,4}}(?: of \d{{1,4}})?$"
RE_PAGE_NUMBER_APART = re.compile(_PAGE_NUMBER.format(sep=rf"(?: {{3,}}|\t|{_PAGE_MARK})"), re.I)
RE_PAGE_NUMBER_MARKED = re.compile(_PAGE_NUMBER.format(sep=_PAGE_MARK), re.I)
RE_PAGE_WORD = re.compile(r"\bpage \d{1,4}\b", re.I)
# A page number one space from a running head's title, at its start or its end ("46
# Northvale Energy plc Annual Report 2024"), not a year.
RE_PAGE_NUMBER_EDGE = re.compile(r"^(?P<page>\d{1,3}) \S|\S (?P<end>\d{1,3})$")
# A contents entry's page number, set apart at the end of the raw line ("1. Background<tab>1").
RE_CONTENTS_PAGE = re.compile(r"\S(?:\t| {3,})(\d{1,3})\s*$")
RE_DIGITS = re.compile(r"\d+")
# The wide gap a print layout sets between a running head's title and its page or date
# ("Final decision          2"); a table's columns sit in lines that have gaps too.
RE_WIDE_GAP = re.compile(r" {8,}")
# A running head's or foot's other field: a page, an issue or the date ("Page 6",
# "Issue 211", "November 2025", "Summer 2024", "26 March 2025", "3/11/2025").
RE_PAGE_FIELD = re.compile(
    rf"^(?:(?:page )?\d{{1,4}}(?: of \d{{1,4}})?|(?:issue|no\.|vol\.) ?\d{{1,4}}"
    rf"|(?:\d{{1,2}} )?{_ANY_MONTH},? \d{{4}}|(?:spring|summer|autumn|winter) \d{{4}}"
    r"|\d{1,2}/\d{1,2}/\d{2,4})$",
    re.I,
)
# A print page's jump lines: the story breaks off to another page and resumes ("Continued
# on page 14 \u25b8" ... "\u25c2 Continued from page 12", "See BUSES, Page A6" ... "BUSES |
# From Page A1", "Turn to page 6" ... "From page 4"); between them is that page's matter.
RE_JUMP_TO = re.compile(
    r"\b(?:continued|contd\.?|cont'd) on (?:page|p\.?) ?[a-z]?\d{1,4}\b"
    r"|^see (?-i:[A-Z][A-Z ]{1,30}),? (?:page|p\.?) ?[a-z]?\d{1,4}\W{0,3}$"
    r"|^(?:please )?turn to (?:page|p\.?) ?[a-z]?\d{1,4}\W{0,3}$",
    re.I,
)
# ... and its return, also as a slug over a bare "From page 5" ("Airlift audit ... From page
# 5", "Bus route axed - from Page 1")
RE_JUMP_FROM = re.compile(
    r"\b(?:continued|contd\.?|cont'd) from (?:page|p\.?) ?[a-z]?\d{1,4}\b"
    r"|(?:^|\.\.\. ?|\u2026 ?|[|:\u2013\u2014-] ?)from (?:page|p\.?) ?[a-z]?\d{1,4}\W{0,3}$",
    re.I,
)
# A link to a file, ending in its size ("Download full results (PDF, 388 KB)"): one link,
# not the header of a list of teasers.
RE_FILE_SIZE_END = re.compile(r"\b\d+(?:[.,]\d+)? ?[kmg]b\W{0,2}$", re.I)
# A show's notes under its episode: the reading list the guests talked about, the show's own
# ("Resources mentioned in this episode").
RE_SHOW_NOTES = re.compile(
    r"^(?:(?:resources|links|books|further reading|things)\s+)?mentioned in "
    r"(?:this|the|today's) (?:episode|show|podcast|programme|conversation)\W{0,3}$",
    re.I,
)
# A download's format and size under its title ("PDF, 2.1 MB, 124 pages", "MS Word
# Document, 88 KB").
RE_FILE_DETAILS = re.compile(
    r"^\(?(?:accessible )?(?:pdf|html|odt|ods|csv|docx?|xlsx?|pptx?|epub|zip|ms word|ms excel"
    r"|word|excel)(?: document| spreadsheet| file)?[,\s(\u2013-]{1,4}\d+(?:[.,]\d+)? ?[kmg]b\b",
    re.I,
)
# A field of a news database's record ("LOAD-DATE: March 12, 2024", "Publication title: The
# Tribune", "BODY:" alone) or a Factiva code set apart by spaces ("WC   748 words"). Which
# labels count is the `record_field` rule's list.
RE_RECORD_FIELD = re.compile(
    r"^(?P<code>[A-Z]{2,3})(?: {2,}|\t)(?P<code_value>\S.*)$"
    r"|^(?P<label>[A-Za-z][\w/()&. -]{0,40}?) ?:(?: (?P<value>.*))?$"
)
# Also a code alone or set apart by one space ("LP", "SN The Ledger"), and a label alone
# ("Body", "Full Text"): a shape too common elsewhere to count as evidence of a record.
RE_RECORD_FIELD_LOOSE = re.compile(
    r"^(?P<code>[A-Z]{2,3})(?: (?P<code_value>\S.*))?$"
    r"|^(?P<label>[A-Za-z][A-Za-z-]{1,20}(?: [A-Za-z][A-Za-z-]{1,20}){0,2})$"
)
# A person's name on its own line: two to four capitalised words or initials ("Priya Raman").
RE_NAME_LINE = re.compile(
    r"^(?:[A-Z][a-z'.-]{1,20}|[A-Z]\.)(?: (?:[A-Z][a-z'.-]{1,20}|[A-Z]\.?|de|van|von|da|al|bin|le))"
    r"{1,3}$"
)
# The label over the next story of a page that loads one after another ("Next article >").
RE_NEXT_ARTICLE = re.compile(
    r"^\W{0,3}(?:next (?:article|story)|up next|read next|next up)\W{0,3}$", re.I
)
# A letter's valediction, over its signature ("Yours sincerely," / name / role); a less formal
# one needs its comma ("In unity,", "Kind regards,").
RE_VALEDICTION = re.compile(
    r"^(?:yours (?:sincerely|faithfully|truly)\W{0,2}|(?:(?:with )?(?:best|kind|warm|warmest|"
    r"many) (?:wishes|regards|thanks)|regards|sincerely|(?:yours )?in (?:solidarity|unity|"
    r"friendship|partnership|service|faith|peace)|(?:with )?every blessing|blessings|"
    r"with (?:thanks|gratitude|love|appreciation|prayers|blessings)"
    r"(?: and (?:prayers|blessings|thanks|love|gratitude|best wishes))?),)$",
    re.I,
)
# A letter signed without the writer's name ("Name and address supplied").
RE_NAME_SUPPLIED = re.compile(r"^names? (?:and address(?:es)? )?(?:supplied|withheld)\b", re.I)
# Tokens that join the parts of a title ("CASD Bulletin — Commuting", "Trust | Annual Report").
DASHES_AND_BARS = frozenset(("\u2014", "\u2013", "-", "|", "\u00b7", "/"))
# A word that is capitalised, a number or a small joining word: lines made only of these
# are names and labels ("Wharfedale & Aire Valley News", "Northshire Health Board").
RE_TITLE_CASE_WORD = re.compile(r"^(?:[A-Z0-9][\w'.-]{0,40}|&|and|of|the|for|in|on|at|to)$")
# A telephone number ("0116 496 0321", "+44 (0)20 7946 0000") on a contact line.
RE_PHONE = re.compile(
    r"(?<![\w.])(?:\+\d{1,3} ?(?:\(0\) ?)?|0|\(\d{3}\) ?)\d[\d -]{6,14}\d(?![\w.])"
)
# A line that ends in a figure ("Nursing 59%", "Revenue £1.4m") belongs to a data list.
RE_ENDS_WITH_FIGURE = re.compile(r"\d(?:\.\d{1,3})?(?:%|[kmb]n?)?\W{0,2}$")
# A line ending in a link, DOI or path ("... available at doi:10.5555/data.4471").
RE_ENDS_WITH_LINK = re.compile(r"(?:\bdoi:|https?://|www\.|\S/)\S*$", re.I)
# A separate figure in a line; two or more make a stats line ("Kiara Dobbs 22 pts, 6 reb").
RE_FIGURE = re.compile(r"(?<![\w.,])\d+(?:[.,:]\d+)*(?![\w.,]?\d)")
# A chapter's start time at the head of a line ("(02:10) Joining the orchestra", "1:02:45 Q&A").
RE_CHAPTER_TIME = re.compile(r"^[(\[]?\d{1,2}:\d{2}(?::\d{2})?[)\]]?\s")
# A live page's entry stamp, a clock time alone on its line ("09.55 BST", "14:32", "9:05am ET").
RE_ENTRY_TIME = re.compile(
    r"^\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?(?:\s?(?:BST|GMT|CET|CEST|ET|EST|EDT|PT|AEST|AEDT|IST|UTC))?$",
    re.IGNORECASE,
)
# A table cell holding a figure: "6.63", "2023", "-4%", "£1.2m" (the cells of "A | B | C").
RE_FIGURE_CELL = re.compile(r"[£$€+-]?\d+(?:[.,:]\d+)*(?:%|[km]|bn)?")
# A line ending in a year ("... by 2026") is a headline, not a table row.
RE_YEAR_END = re.compile(r"\b(?:19|20)\d{2}\W{0,2}$")
# A sentence about the site, publisher, subscription or sponsor (footers written as prose).
RE_FOOTER_SENTENCE = re.compile(
    r"\b(?:subscri(?:be|ber|bers|ption)|sponsored|sponsors?|listeners like you"
    # a newsletter named as a sign-up, not one an article's last paragraph mentions
    r"|(?:our|this|free|weekly|daily|morning|evening) newsletters?"
    r"|sign up (?:here |now |today )?(?:to|for)\b[^.]{0,60}\bnewsletter"
    r"|readers like you|make (?:your|a) (?:gift|donation)|donate|member yet|join (?:us|today|now)"
    r"|registered charity|made possible|brought to you|in partnership with|promoted by"
    r"|support local journalism|support for [\w .'&-]{1,40} (?:comes|is provided)"
    # "We will update this page as ..." is the writer's promise, not the site's small print,
    # and so is "The full record will be published on this website once ..."
    r"|(?<!update )(?<!updating )(?<!published on )(?<!available on )"
    r"this (?:email|page|website|site|newsletter|podcast)"
    r"|you received|signed up|unsubscribe"
    r"|book a demo|forward (?:it|this)|all rights reserved)\b",
    re.I,
)
# A sentence about a named author: their job on the paper, or how to reach them.
RE_BIO_SENTENCE = re.compile(
    r"^(?:[A-Z][\w'.-]{1,30} ){1,3}(?:(?:is|was|has been) (?:a|an|the|our|[A-Z][\w&.-]{1,30}'s)"
    r" (?:[\w,'-]+ ){0,6}"
    rf"(?:{_JOURNALIST_ROLES}|producer|photographer|freelancer)s?\b"
    # ... or the role with no article before it ("has been editor of the Courier since 2021")
    rf"|(?:is|was|has been) (?:[\w-]+ ){{0,2}}(?:{_JOURNALIST_ROLES}) (?:of|at|for) (?:the )?[A-Z]"
    r"|can be (?:reached|contacted|e-?mailed)\b)"
)
# After a name that stood alone under a headline (maybe a role or place taken for a name:
# "Chief Reporter", "Wide Bay"), a bio goes on with a verb of who the author is or what they
# do, in the present ("covers", "flies", "produces") or past ("joined"); "Chief fire officer
# Martin Gale said ..." is the story's.
RE_BIO_VERB = re.compile(
    r" (?:is|was|has|had|wrote|joined|led|lives|worked|previously|formerly|spent|began"
    r"|started|graduated|studied|trained|taught|also|currently|now|can|will|[a-z]{2,}s)\b"
)
# A wire-service or agency line under the headline: "GENEVA (Reuters)", "BENGALURU".
RE_AGENCY_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{1,40}(?: \([A-Z][\w ]{1,20}\))?$")
RE_AGENCY_WORD = re.compile(
    r"\b(?:News|Service|Bureau|Desk|Wire|Press|Agency|Correspondent|Reporter|Reuters|AFP|PTI)\b"
)

# --- the learned line model's features (culturelens.line_model)
RE_FEATURE_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?")
RE_FEATURE_URL = re.compile(r"https?://|www\.|\.(?:com|org|uk|net)\b")
RE_FEATURE_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
RE_FEATURE_TIME = re.compile(r"\b\d{1,2}[:.]\d\d\b|\b\d{1,2} ?[ap]m\b", re.IGNORECASE)
RE_FEATURE_MONTH = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.IGNORECASE
)
# Separators of menus, breadcrumbs and share bars: | and the arrows, guillemets, dots below
FEATURE_SEPARATORS = "|\u203a\u00bb>/\u00b7\u2022"

# --- code blocks (culturelens.clean_state.code_lines)
# A shell session's prompt ("$ git log", ">>> import os", "PS C:\> dir", "me@host:~/src$ ls"):
# a line with one is code even when it stands alone.
RE_CODE_PROMPT = re.compile(
    r"^(?:\$|>>>|PS [A-Z]:\\[^>]{0,60}>|[A-Z]:\\[^>]{0,60}>"
    r"|[\w.-]{1,30}@[\w.-]{1,40}:[~/][^$#\s]{0,60}[$#]) \S"
)
# A shell command with its arguments ("pip install -e .", "git commit -m", "cd ~/src"): the
# next word holds a path, flag or option mark, so "go to a private address" is prose.
RE_CODE_COMMAND = re.compile(
    r"^(?:sudo|git|npm|npx|pip3?|cd|ls|mkdir|rm|cp|mv|docker|kubectl|curl|wget|hg|cargo"
    r"|python3?|node|yarn|brew|apt(?:-get)?|conda|ssh|scp|chmod|chown|grep|tar|make|go)"
    r" (?:\S{0,60}[-/.=~:@]|\S{1,40} --?[a-z])"
)
# The shapes of a line of program text: a brace or statement end, a call, an assignment, a
# struct or JSON field, a comment, a declaration, a query. A list item ending in ";" is
# prose: only a bracket, quote or "++" before it counts.
RE_CODE_LINE = re.compile(
    r"\{$|^[})\]]{1,4}[;,)]{0,2}$|[)\]\"'}]\s?;$|\+\+;$"
    r"|[A-Za-z_]\w{0,40}\.[A-Za-z_]\w{0,40}\(|^[\w.]{1,60}\([^()]{0,80}\)[;:]?$"
    r"|^[A-Za-z_][\w.\[\]'\"]{0,59} ?(?::=|[+\-*/|&]?=|=>|->) ?(?![$€£¥₹]|[A-Z]{1,3}\$?\d)\S"
    r"|^[A-Za-z_]\w{0,40}: +\S.{0,80},$|^\"[\w.-]{1,40}\": ?\S"
    r"|^(?://|/\*|\*/) |[;{})] +// "
    r"|^(?:def|func|function|fn) \w{1,40} ?\(|^class \w{1,40} ?[(:{]"
    r"|^(?:import|package) [\w.]{1,80};?$|^from [\w.]{1,80} import \w"
    r"|^#(?:include|define|ifdef|ifndef|endif|pragma)\b|^(?:else|try|finally):$"
    r"|^(?:if|elif|while|for|with|except) [^.!?]{0,80}[(=_\[][^.!?]{0,80}:$"
    r"|^(?:SELECT|INSERT INTO|UPDATE|DELETE FROM|CREATE (?:TABLE|INDEX|VIEW)|ALTER TABLE|DROP TABLE"
    r"|WHERE|FROM|(?:LEFT |INNER )?JOIN|GROUP BY|ORDER BY|LIMIT) (?:\*|[a-z_][\w.]{0,60}|\d)"
)
# Advertising and analytics scripts leaked into the text are debris, not an article's code.
RE_TRACKING_SCRIPT = re.compile(
    r"googletag|dataLayer|adsbygoogle|\bgtag\(|\bfbq\(|\b_paq\b|__tcfapi|taboola|outbrain"
)
