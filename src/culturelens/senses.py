"""Sense rules: does a matched lexicon term carry the construct's sense in this clause?

Each rule looks at who does what to whom around one match and returns "" to keep it or a
short reason to drop it (the reason is written into the evidence string). The guiding
principle (coding guide, "Not counted"): support, help, protect and encourage count only
when the beneficiary is a person or an organisation treated as people, not a price, a
product, a bill, a result or a team's fans; blame, punishment and fines count only when
aimed at people or organisations, not at things, conditions, shares or sports mistakes.
A lexicon row names its rule in the ``sense`` column; :data:`SENSE_RULES` maps the names.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from culturelens.lexicon import Lexicon, Match, Token

BE_FORMS = frozenset({"be", "get", "was", "were", "is", "are", "been", "being"})
MODALS = frozenset(
    {
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "should",
        "must",
        "run",
        "ran",
        "have",
        "had",
        "did",
        "do",
    }
)
DETERMINERS = frozenset({"a", "an", "the", "its", "their", "this", "that", "his", "her", "our"})
# Words that may follow a beneficiary without starting a new verb ("help families on low
# incomes", "protect staff from abuse"): anything else after the person is read as a verb.
NOUN_CUES = frozenset({"no", "any", "and", "of", "with", "without", "full", "their", "his", "her"})
PREPOSITIONS = frozenset(
    {"of", "about", "for", "with", "on", "in", "at", "from", "to", "by", "over"}
)
# Capitalised words that start a sentence or clause without being part of a name.
FUNCTION_WORDS = frozenset(
    {
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "in",
        "on",
        "at",
        "but",
        "and",
        "when",
        "after",
        "as",
        "if",
        "while",
        "for",
        "by",
        "with",
        "from",
        "some",
        "many",
        "most",
        "all",
        "its",
        "their",
    }
)
PRONOUNS = frozenset({"they", "we", "he", "she", "you", "i", "it", "them", "us", "him"})
STOP_BENEFICIARY = frozenset({"into", "onto", "past", "towards", "through", "up", "off", "out"})
COACH_NOUN_CUES = frozenset(
    {
        "said",
        "some",
        "many",
        "other",
        "former",
        "youth",
        "club",
        "national",
        "junior",
        "senior",
        "two",
        "three",
        "all",
    }
)
OBJECT_TAIL = frozenset(
    {
        "on",
        "in",
        "with",
        "from",
        "who",
        "whom",
        "that",
        "through",
        "during",
        "after",
        "at",
        "of",
        "by",
        "and",
        "or",
        "whose",
        "across",
        "affected",
        "facing",
        "struggling",
        "hit",
        "against",
        "for",
        "as",
        "back",
    }
)


@dataclass
class SenseContext:
    """Tokens, clause ids and lexicon of one sentence, plus the matches dropped so far."""

    tokens: list[Token]
    clause: list[int]
    lexicon: Lexicon
    dropped: list[str] = field(default_factory=list)
    evidence: list[Match] = field(default_factory=list)
    _pos: dict[int, int] = field(default_factory=dict, repr=False)

    def has(self, cls: str, tok: Token) -> bool:
        return tok.lemma in self.lexicon.context[cls] or tok.low in self.lexicon.context[cls]

    def words(self, lo: int, hi: int, clause: int) -> list[Token]:
        """Word tokens in ``[lo, hi)`` that sit in ``clause``."""
        lo, hi = max(lo, 0), min(hi, len(self.tokens))
        return [
            t
            for i, t in enumerate(self.tokens[lo:hi], lo)
            if t.is_word and self.clause[i] == clause
        ]

    def is_person(self, tok: Token) -> bool:
        """A person or organisation: a person/org noun, or a capitalised name with a cue.

        A lone capitalised word is as often a party, team, product or place ("helped UKIP
        into third place", "help Ashford cope") as a person, so it counts only after a
        title ("Mr", "chief executive Smith"... via ``title``) or beside another
        capitalised word ("Keith McNeil", "Leeds City Council").
        """
        if self.has("person", tok) or self.has("org", tok):
            return True
        if not self._capital(tok) or tok is self.tokens[0]:
            return False
        i = self._index().get(id(tok), -1)
        prev = self.tokens[i - 1] if i > 0 else None
        nxt = self.tokens[i + 1] if 0 <= i < len(self.tokens) - 1 else None
        if prev is not None and prev.is_word and self.has("title", prev):
            return True
        return any(
            t is not None and t.is_word and self._capital(t) and t.low not in FUNCTION_WORDS
            for t in (prev, nxt)
        )

    def _capital(self, tok: Token) -> bool:
        return (
            tok.text[:1].isupper()
            and tok.text != "I"
            and tok.low != "it"
            and not self.has("cap_not_person", tok)
        )

    def _index(self) -> dict[int, int]:
        if len(self._pos) != len(self.tokens):
            self._pos.clear()
            self._pos.update({id(t): i for i, t in enumerate(self.tokens)})
        return self._pos


def _first_class(ctx: SenseContext, toks: Sequence[Token], classes: Sequence[str]) -> str:
    """The first class in ``classes`` hit by the first token that hits any ("" if none)."""
    for tok in toks:
        for cls in classes:
            if (cls == "person" and ctx.is_person(tok)) or (cls != "person" and ctx.has(cls, tok)):
                return cls
    return ""


def _after(ctx: SenseContext, m: Match, n: int) -> list[Token]:
    return ctx.words(m.end, m.end + n + 2, ctx.clause[m.start])[:n]


def _before(ctx: SenseContext, m: Match, n: int) -> list[Token]:
    return ctx.words(m.start - n - 2, m.start, ctx.clause[m.start])[-n:]


def _passive(ctx: SenseContext, m: Match) -> bool:
    # "was sacked", "were never disciplined", "has been suspended"; a participle differs
    # from its lemma, so "there is support" is not passive
    tok = ctx.tokens[m.start]
    # "is developing" is progressive, not passive
    return (
        tok.low != tok.lemma
        and not tok.low.endswith("ing")
        and any(t.lemma in BE_FORMS or t.low in BE_FORMS for t in _before(ctx, m, 2))
    )


def _subject_is_person(ctx: SenseContext, m: Match) -> bool:
    """Whether the nearest classified noun before ``m`` (12 words back, skipping nouns
    inside a prepositional phrase) is a person: "teachers who spoke up about grade
    inflation were disciplined" -> teachers; "the chancellor's plan was backed" -> plan."""
    window = [t for t in ctx.tokens[max(m.start - 12, 0) : m.start] if t.is_word]
    for i in range(len(window) - 1, -1, -1):
        tok = window[i]
        if any(t.low in PREPOSITIONS for t in window[max(i - 2, 0) : i]):
            continue
        if ctx.is_person(tok):
            return True
        if any(ctx.has(cls, tok) for cls in ("policy", "thing", "tech", "protect_thing")):
            return False
    return False


def _beneficiary(ctx: SenseContext, m: Match, *, things: Sequence[str] = ("thing",)) -> str:
    """Who a support verb acts on: "person", "thing", "task" (person + unrelated verb:
    "help people swap films") or "" (nothing recognisable)."""
    after = [t for t in _after(ctx, m, 6) if t.low not in {"to", "by"}]
    for i, tok in enumerate(after[:4]):
        if tok.low in STOP_BENEFICIARY or (
            i == 0 and "instrumental" in things and ctx.has("instrumental", tok)
        ):
            break  # "helped Arsenal into ...", "helped launch her career"
        if ctx.is_person(tok):
            nxt = after[i + 1] if i + 1 < len(after) else None
            if (
                nxt is None
                or nxt.low in OBJECT_TAIL
                or ctx.is_person(nxt)
                or _welfare(ctx, after[i + 1 :])
            ):
                return "person"
            return "task"
        if any(ctx.has(cls, tok) for cls in things):
            return "thing"
    return ""


def _welfare(ctx: SenseContext, toks: Sequence[Token]) -> bool:
    """A verb of coping or livelihood ("cope", "recover"; "find work", "get a job")."""
    if not toks:
        return False
    if ctx.has("welfare_verb", toks[0]):
        return True
    verbs = {"find", "get", "keep", "pay", "meet", "stay", "return", "move"}
    return toks[0].lemma in verbs and any(ctx.has("livelihood", t) for t in toks[1:5])


def _sense_not_thing_target(ctx: SenseContext, m: Match) -> str:
    after = _after(ctx, m, 6)
    lemmas = [t.lemma for t in after]
    if "on" in lemmas:  # "blamed the fall on a weaker dollar", "was blamed on a bug"
        target = after[lemmas.index("on") + 1 :]
    elif _passive(ctx, m) or (after and after[0].low == "to"):
        target = _before(ctx, m, 6)
    else:
        target = after[: lemmas.index("for")] if "for" in lemmas else after
    hit = _first_class(ctx, target, ("person", "action", "thing"))
    return "fault placed on a thing" if hit == "thing" else ""


def _sense_person_object(ctx: SenseContext, m: Match) -> str:
    after = _after(ctx, m, 4)
    if after and after[0].low == "to":
        return "not a person object"
    if _first_class(ctx, after, ("person",)) or (_passive(ctx, m) and _subject_is_person(ctx, m)):
        return ""
    return "no person as object"


def _sense_support(ctx: SenseContext, m: Match) -> str:
    after, before = _after(ctx, m, 5), _before(ctx, m, 4)
    clause = ctx.words(0, len(ctx.tokens), ctx.clause[m.start])
    if (after and ctx.has("act", after[0])) or any(ctx.has("act", t) for t in after[1:5]):
        return "entertainment/technical (support act, supporting role, support level, tour)"
    if before and before[-1].lemma in {"play", "as"}:
        return "a band playing support"
    if before and (
        before[-1].lemma in {"tech", "technical", "customer", "price", "it"}
        or before[-1].text == "IT"
    ):
        return "technical or price support"
    if any(ctx.has("fan", t) for t in before) or any(ctx.has("poll", t) for t in clause):
        return "fans or voters"
    if any(ctx.has("tech", t) and not ctx.is_person(t) for t in before):
        return "technical sense (a device supports a feature)"
    if any(ctx.has("political", t) for t in before):
        return "political support"
    if before and (ctx.has("care_noun", before[-1]) or before[-1].low in NOUN_CUES):
        # a noun: "mental health support", "no support for staff", "protection and support"
        return "" if any(ctx.is_person(t) for t in ctx.tokens) else "support with no one supported"
    if _passive(ctx, m) and not _subject_is_person(ctx, m):
        return "passive with a thing or policy subject (the plan was supported by)"
    hit = _first_class(ctx, after, ("policy", "tech", "thing", "person"))
    return {
        "policy": "political endorsement",
        "tech": "technical sense",
        "thing": "supports a thing (prices, a theory)",
    }.get(hit, "")


def _sense_help(ctx: SenseContext, m: Match) -> str:
    after = [t for t in _after(ctx, m, 4) if t.low not in {"to", "by"}]
    before = _before(ctx, m, 3)
    if after and after[0].low in {"but", "it"}:
        return "idiom (could not help but)"
    if _passive(ctx, m):
        return "" if _subject_is_person(ctx, m) else "passive: a thing was helped (sales helped by)"
    if after and _welfare(ctx, after):
        return ""
    if (before and ctx.has("care_noun", before[-1])) or (after and after[0].low in {"with", "for"}):
        return "" if any(ctx.is_person(t) for t in ctx.tokens) else "help with no one helped"
    who = _beneficiary(ctx, m, things=("thing", "protect_thing", "instrumental"))
    if who == "task" and not _consumer_task(ctx, m):
        return ""
    return {
        "person": "",
        "task": "instrumental help (helped people do a task)",
        "thing": "helped a thing or a result (helped lift profits)",
    }.get(who, "no person helped (helped launch, helped write)")


def _consumer_task(ctx: SenseContext, m: Match) -> bool:
    """ "Help X do Y" is a consumer task when a product helps or Y is an instrumental verb
    ("the app helps users find cheaper tickets", "helped Apple beat forecasts");
    otherwise it is help for people ("help offenders find housing", "help pupils catch up")."""
    if any(ctx.has("tech", t) or ctx.has("medicine", t) for t in _before(ctx, m, 4)):
        return True  # "the app helps users find tickets", "the drug helped patients live longer"
    after = [t for t in _after(ctx, m, 6) if t.low not in {"to", "by"}]
    idx = next((i for i, t in enumerate(after[:4]) if ctx.is_person(t)), -1)
    verb = after[idx + 1] if 0 <= idx < len(after) - 1 else None
    return verb is None or ctx.has("instrumental", verb) or ctx.has("tech", verb)


def _sense_protect(ctx: SenseContext, m: Match) -> str:
    after = _after(ctx, m, 8)
    if any(ctx.has("disease", t) for t in after):
        return "protection from disease or injury (medical sense)"
    if _passive(ctx, m):
        return "" if _subject_is_person(ctx, m) else "passive: a thing was protected"
    for i, tok in enumerate(after[:4]):
        # "user data", "customer accounts": a person noun modifying a thing
        nxt = after[i + 1] if i + 1 < len(after) else None
        if ctx.is_person(tok) and not (nxt and ctx.has("protect_thing", nxt)):
            return ""
        if ctx.has("protect_thing", tok) or ctx.has("thing", tok):
            break
    return "protecting a thing (margins, data, a lead, homes)"


def _sense_back(ctx: SenseContext, m: Match) -> str:
    before, after = _before(ctx, m, 6), _after(ctx, m, 3)
    if after and after[0].low == "up":
        return "backed up (data, a claim)"
    if _passive(ctx, m) or any(ctx.has("fan", t) or ctx.has("political", t) for t in before):
        return "backed by a group or fans (endorsement, accompaniment)"
    hit = _first_class(ctx, after, ("policy", "thing", "person"))
    return "" if hit == "person" else "political or financial backing"


def _sense_voice(ctx: SenseContext, m: Match) -> str:
    # "sacked for speaking out": the speaking up is what was punished, not a stance.
    blame = [e for e in ctx.evidence if e.entry.category == "blame" and e is not m]
    return "speaking up that was punished (blame in the sentence)" if blame else ""


def _sense_accuse(ctx: SenseContext, m: Match) -> str:
    before = _before(ctx, m, 1)
    if before and before[-1].lemma in DETERMINERS and ctx.tokens[m.start].low == "accused":
        return "'the accused' (a defendant)"
    return ""


def _sense_encourage(ctx: SenseContext, m: Match) -> str:
    after = _after(ctx, m, 8)
    if after and after[0].low == "by":
        return "feeling encouraged (by the figures)"
    lows = [t.low for t in after]
    if _passive(ctx, m) and not _subject_is_person(ctx, m):
        return "passive: an activity is encouraged"
    if "to" in lows[:5]:
        goal = after[lows.index("to") + 1 :]
        if not ((goal and ctx.has("growth_verb", goal[0])) or _welfare(ctx, goal)):
            return "encouraging people to do a task (buy, donate, become)"
    if _passive(ctx, m):  # a person subject ("staff are encouraged to speak up")
        return ""
    hit = _first_class(ctx, after[:4], ("person", "encourage_thing", "thing"))
    return "" if hit == "person" else "encouraging figures or economic activity"


def _sense_train(ctx: SenseContext, m: Match) -> str:
    tok, before, after = ctx.tokens[m.start], _before(ctx, m, 2), _after(ctx, m, 3)
    if tok.low in {"train", "trains"} and (
        (before and before[-1].low in DETERMINERS | {"by", "on", "express", "freight", "speed"})
        or (
            after
            and (
                ctx.has("rail", after[0])
                or (tok.low == "trains" and after[0].low in BE_FORMS | MODALS)
            )
        )
    ):
        return "railway train"
    if tok.low != "training" and after and after[0].low in {"at", "on"}:
        return "training at a place (the team trained at the stadium)"
    if (
        tok.low == "training"
        and after
        and after[0].low == "for"
        and not _first_class(ctx, after[1:4], ("person",))
    ):
        return "training for a role or event"
    if (
        tok.low == "training"
        and after
        and ctx.has("facility", after[0])
        and not _first_class(ctx, after[1:3], ("person",))
    ):
        return "training as a place or plain activity (training room, training session)"
    if any(ctx.has("sport", t) for t in before + after) or (after and after[0].low == "as"):
        return "sport or plain training activity"
    if (
        before
        and before[-1].lemma in {"miss", "skip", "at", "in", "during", "after", "pre"}
        and not _first_class(ctx, after[:2], ("person",))
    ):
        return "training as a plain activity (missed training, in training)"
    if _first_class(ctx, after, ("tech", "person")) == "tech":
        return "training a machine (an AI model)"
    if tok.low == "trained" and (after and ctx.is_person(after[0]) and after[0].lemma != "they"):
        return "adjective (trained nurses)"
    return ""


def _sense_value(ctx: SenseContext, m: Match) -> str:
    tok, before, after = ctx.tokens[m.start], _before(ctx, m, 1), _after(ctx, m, 2)
    if after and after[0].low in {"at", "of", "for"}:
        return "monetary value"
    if tok.low == "valued" and not (before and before[-1].lemma in DETERMINERS):
        return ""
    if before and before[-1].lemma in DETERMINERS:
        return "value as a noun"
    return "" if any(ctx.is_person(t) for t in after) else "no person valued"


def _sense_coach(ctx: SenseContext, m: Match) -> str:
    tok, before, after = ctx.tokens[m.start], _before(ctx, m, 1), _after(ctx, m, 2)
    if _passive(ctx, m) and _subject_is_person(ctx, m):
        return ""
    if before and before[-1].low in DETERMINERS | COACH_NOUN_CUES | {
        "head",
        "assistant",
        "bus",
        "by",
    }:
        return "coach as a noun (sports coach, bus)"
    if after and (
        after[0].lemma in {"staff", "team", "job", "role", "position", "career", "badge"}
        or ctx.has("sport", after[0])
    ):
        return "sports coaching job"
    return "" if tok.low == "coaching" or any(ctx.is_person(t) for t in after) else "no person"


def _sense_fire(ctx: SenseContext, m: Match) -> str:
    before, after = _before(ctx, m, 1), _after(ctx, m, 4)
    if before and before[-1].low in DETERMINERS | {"open", "on", "under", "gun", "cease"}:
        return "fire as a noun"
    if after and after[0].low in {"up", "back", "at", "on", "into", "off", "home", "wide"}:
        return "shooting or figurative fire"
    clause = ctx.words(0, len(ctx.tokens), ctx.clause[m.start])
    if any(ctx.has("weapon", t) or t.text.isdigit() for t in clause):
        return "shooting or sport (fired 19 aces)"
    return "" if _first_class(ctx, after, ("person",)) or _passive(ctx, m) else "no person fired"


def _sense_punish(ctx: SenseContext, m: Match) -> str:
    after = _after(ctx, m, 4)
    lemmas = [t.lemma for t in after]
    obj = after[: lemmas.index("for")] if "for" in lemmas else after
    boss = any(ctx.has("person", t) and t.low not in PRONOUNS for t in _before(ctx, m, 4))
    if (any(ctx.has("mistake", t) for t in obj) and not boss) or (
        _passive(ctx, m)
        and "for" in lemmas
        and any(ctx.has("mistake", t) for t in after)
        and not _subject_is_person(ctx, m)
    ):
        return "sport (punished our mistakes, punished for sloppy defending)"
    hit = _first_class(ctx, obj, ("person", "thing", "tech"))
    return "punished a thing (investors punished the stock)" if hit in {"thing", "tech"} else ""


def _sense_fine(ctx: SenseContext, m: Match) -> str:
    tok, before, after = ctx.tokens[m.start], _before(ctx, m, 1), _after(ctx, m, 1)
    noun = (
        before
        and (
            before[-1].low in {"heavy", "hefty", "record", "maximum"}
            or before[-1].text[:1].isdigit()
            or before[-1].low in {"m", "bn", "k"}
        )
    ) or (after and after[0].low in {"of", "for"})
    if tok.low not in {"fined", "fines"} and not noun:
        return "adjective (fine weather)"
    party = _before(ctx, m, 4) if _passive(ctx, m) else _after(ctx, m, 3)
    if _first_class(ctx, party, ("company", "person")) == "company":
        return "fine on a company (financial)"
    clause = ctx.words(0, 10**9, ctx.clause[m.start])
    if any(ctx.has("company", t) for t in clause) and not any(ctx.has("person", t) for t in clause):
        return "fine on a company (financial)"
    return ""


def _sense_suspend(ctx: SenseContext, m: Match) -> str:
    if _passive(ctx, m) and _subject_is_person(ctx, m):
        return ""  # "the defender was suspended for three matches"
    hit = _first_class(ctx, _after(ctx, m, 3) + _before(ctx, m, 3), ("person", "suspend_thing"))
    return "suspended activity, not a person" if hit == "suspend_thing" else ""


def _sense_ban(ctx: SenseContext, m: Match) -> str:
    before, after = _before(ctx, m, 2), _after(ctx, m, 1)
    if after and after[0].low in {"from", "for"} and _passive(ctx, m):
        return ""
    if any(
        t.text.isdigit()
        or t.lemma in {"year", "match", "game", "life", "doping", "drug", "month", "race"}
        for t in before
    ):
        return ""
    return "ban on a thing or activity"


def _sense_dismiss(ctx: SenseContext, m: Match) -> str:
    after = _after(ctx, m, 3)
    if any(ctx.has("dismiss_thing", t) or t.text.isdigit() or t.low == "as" for t in after):
        return "dismissed an idea, or cricket"
    if (
        _passive(ctx, m)
        and _first_class(ctx, _before(ctx, m, 4)[::-1], ("person", "dismiss_thing"))
        == "dismiss_thing"
    ):
        return "a case or claim was dismissed"
    return ""


def _sense_abuse(ctx: SenseContext, m: Match) -> str:
    before = _before(ctx, m, 3)
    if before and before[-1].lemma in {"drug", "alcohol", "substance", "solvent", "steroid"}:
        return "substance abuse"
    topic = [t.lemma for t in before[-2:]] == ["victim", "of"]
    if topic or (before and before[-1].lemma == "domestic"):
        return "abuse as a topic (victims of domestic abuse)"
    return ""


SENSE_RULES: dict[str, Callable[[SenseContext, Match], str]] = {
    "not_thing_target": _sense_not_thing_target,
    "person_object": _sense_person_object,
    "support_sense": _sense_support,
    "help_sense": _sense_help,
    "protect_sense": _sense_protect,
    "back_sense": _sense_back,
    "voice_sense": _sense_voice,
    "accuse_sense": _sense_accuse,
    "encourage_sense": _sense_encourage,
    "train_sense": _sense_train,
    "value_sense": _sense_value,
    "coach_sense": _sense_coach,
    "fire_sense": _sense_fire,
    "punish_sense": _sense_punish,
    "fine_sense": _sense_fine,
    "suspend_sense": _sense_suspend,
    "ban_sense": _sense_ban,
    "dismiss_sense": _sense_dismiss,
    "abuse_sense": _sense_abuse,
}
