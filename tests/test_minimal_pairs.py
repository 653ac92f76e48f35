"""Behavioural suite: minimal pairs that differ in one respect (negation, contrast, sense,
intensity). Each row is (category, sentence, expected label); the pairs sit next to each
other so a failure shows which contrast the scorer missed. Sentences are written for this
suite, not taken from any corpus."""

from __future__ import annotations

import pytest

from culturelens.lexicon import load_lexicon
from culturelens.scoring import score_sentence

PAIRS = [
    # negation
    ("negation", "Managers blame staff for mistakes.", "blame"),
    ("negation", "Managers do not blame staff for mistakes.", "support"),
    ("negation", "There is support for staff after an incident.", "support"),
    ("negation", "There is no support for staff after an incident.", "blame"),
    ("negation", "Nurses were disciplined for the error.", "blame"),
    ("negation", "Nurses were never disciplined for the error.", "support"),
    ("negation", "Staff can speak up without fear.", "support"),
    ("negation", "Staff are afraid to speak up.", "blame"),
    ("negation", "The firm fired people who missed targets.", "blame"),
    ("negation", "The firm fired fewer people who missed targets.", "support"),
    ("negation", "Engineers received training.", "support"),
    ("negation", "Engineers received a lack of training.", "blame"),
    ("negation", "The new chief wants to end the blame culture.", "support"),
    ("negation", "The school has an anti-bullying policy.", "support"),
    ("negation", "Bullying is rife in the department.", "blame"),
    ("negation", "Bullying is unacceptable, the chief executive said.", "support"),
    # contrast
    ("contrast", "Not blame but support is what staff need.", "support"),
    ("contrast", "Not support but blame is what staff got.", "blame"),
    ("contrast", "They help staff rather than punish them.", "support"),
    ("contrast", "They punish staff rather than help them.", "blame"),
    ("contrast", "The board sacked the manager but supported the team.", "mixed"),
    ("contrast", "The board did not sack the manager but supported the team.", "support"),
    # senses
    ("sense", "The government will support nurses with extra funding.", "support"),
    ("sense", "The government will support the bill.", "neutral"),
    ("sense", "The trust will support its staff.", "support"),
    ("sense", "The trust will publish its accounts.", "neutral"),
    ("sense", "The charity helped families who lost their homes.", "support"),
    ("sense", "Profits were helped by strong demand.", "neutral"),
    ("sense", "The club fired its manager.", "blame"),
    ("sense", "The player fired 19 aces.", "neutral"),
    ("sense", "The referee punished the players for dissent.", "blame"),
    ("sense", "They punished our mistakes.", "neutral"),
    ("sense", "The nurse was fined £200.", "blame"),
    ("sense", "The company was fined £5m.", "neutral"),
    ("sense", "The minister blamed the council for the delays.", "blame"),
    ("sense", "The minister blamed the weather for the delays.", "neutral"),
    ("sense", "Staff feel valued by their managers.", "support"),
    ("sense", "The deal is valued at £2bn.", "neutral"),
    ("sense", "Young players are protected from abuse.", "support"),
    ("sense", "The update protects computers.", "neutral"),
    ("sense", "She played a supporting role in the film.", "neutral"),
    ("sense", "Fans supported the team all season.", "neutral"),
    ("sense", "The new phone supports wireless charging.", "neutral"),
    ("sense", "The train was delayed by an hour.", "neutral"),
    ("sense", "The hospital will train more nurses.", "support"),
    ("sense", "The surgeon was suspended after the deaths.", "blame"),
    ("sense", "Trading in the shares was suspended.", "neutral"),
    ("sense", "The man was charged with assault.", "blame"),
    # second pass (issue "Blame versus support"): one regression row per fixed error pattern
    ("beneficiary", "The charity helped families who lost their homes.", "support"),
    ("beneficiary", "The song helped launch her career.", "neutral"),
    ("beneficiary", "The app helps people split restaurant bills.", "neutral"),
    ("beneficiary", "The scheme helps people find work after prison.", "support"),
    ("beneficiary", "Refugees were helped by volunteers.", "support"),
    ("beneficiary", "Sales were helped by a warm spring.", "neutral"),
    ("beneficiary", "The union will protect members from unfair dismissal.", "support"),
    ("beneficiary", "The brand will protect its margins.", "neutral"),
    ("beneficiary", "The firm protects customer data.", "neutral"),
    ("beneficiary", "The jab protects children from flu.", "neutral"),
    ("beneficiary", "The mentor encouraged her to speak up.", "support"),
    ("beneficiary", "The firm encourages customers to buy upgrades.", "neutral"),
    ("beneficiary", "Low rates encouraged borrowing.", "neutral"),
    ("endorsement", "The plan was supported by most councillors.", "neutral"),
    ("endorsement", "Nurses were supported by a new team of counsellors.", "support"),
    ("endorsement", "Support for the party has slipped in the polls.", "neutral"),
    ("endorsement", "The findings support the theory.", "neutral"),
    ("endorsement", "The board backed the plan.", "neutral"),
    ("endorsement", "The board backed the coach after the defeat.", "support"),
    ("endorsement", "The band will support the headliner on tour.", "neutral"),
    ("noun", "There was no support for nurses after the attack.", "blame"),
    ("noun", "Nurses got little support after the attack.", "blame"),
    ("target", "The crash was blamed on a software update.", "neutral"),
    ("target", "The crash was blamed on the pilot.", "blame"),
    ("target", "The album was criticised for its length.", "neutral"),
    ("target", "The director was criticised for her handling of the case.", "blame"),
    ("target", "The accused denied the charges.", "neutral"),
    ("target", "Investors punished the shares.", "neutral"),
    ("target", "The club was fined for crowd trouble.", "neutral"),
    ("activity", "The winger missed training on Friday.", "neutral"),
    ("activity", "The lab is training its AI model.", "neutral"),
    ("activity", "The firm is training its workforce.", "support"),
    ("voice", "She was sacked for speaking out.", "blame"),
    ("voice", "Staff are encouraged to speak out.", "support"),
    ("voice", "Teachers who raised concerns were disciplined.", "blame"),
    ("negation", "The school was criticised for failing to tackle bullying.", "blame"),
    ("negation", "The school is working to tackle bullying.", "support"),
    ("negation", "The training budget was cut.", "blame"),
    ("negation", "The minister defended officials against criticism.", "support"),
    ("restated", "We should sack fewer people, not sack people for one bad year.", "support"),
    ("topic", "The charity supports victims of domestic abuse.", "support"),
    ("topic", "The coach was accused of abuse.", "blame"),
    # third pass: a lone capitalised word is not a person (party, team, place, product)
    ("person", "Postal votes helped the SNP hold the seat.", "neutral"),
    ("person", "The charity helped Mr Patel cope after the fire.", "support"),
    ("person", "A late goal helped Villa into the top four.", "neutral"),
    ("person", "The bypass will help Kendal cope with summer traffic.", "neutral"),
    # help + person + verb: coping or development is support, a product's task is not
    ("beneficiary", "Tutors help struggling pupils catch up after illness.", "support"),
    ("beneficiary", "The app helps shoppers compare prices.", "neutral"),
    ("beneficiary", "The new pill helped patients sleep better.", "neutral"),
    # a negator acts on the first side it meets; relative clauses close it
    ("negation", "The club never helped players deal with the racist abuse.", "blame"),
    ("negation", "Cleaners who refused to work nights were threatened with the sack.", "blame"),
    ("negation", "Refuse collectors were threatened with dismissal.", "blame"),
    ("negation", "No driver will lose their job for reporting fatigue.", "support"),
    # senses fixed on dev/test/training patterns
    ("sense", "Trains were cancelled after a landslip.", "neutral"),
    ("sense", "The training centre is near the ring road.", "neutral"),
    ("sense", "The airline was fined for late refunds to passengers.", "neutral"),
    ("sense", "Residents are encouraged to recycle glass.", "neutral"),
    ("sense", "Staff are encouraged to speak up about errors.", "support"),
    ("sense", "The winger was suspended for two matches for dissent.", "blame"),
    ("sense", "The firm is developing a cheaper battery.", "neutral"),
    ("sense", "The firm is developing its junior engineers.", "support"),
    ("sense", "Some supervisors punish every mistake.", "blame"),
    ("sense", "Nobody will be punished for admitting a mistake.", "support"),
    # idioms and vocabulary added in lexicon 1.2.0
    ("idiom", "Junior staff were hung out to dry by the board.", "blame"),
    ("idiom", "The minister threw his officials under the bus.", "blame"),
    ("idiom", "Managers ignored repeated warnings from nurses.", "blame"),
    ("idiom", "Each recruit is given a buddy to help them find their feet.", "support"),
    # intensity (scores, checked below) and weak evidence
    ("weak", "The report noted some failings.", "neutral"),
    ("weak", "The report noted failings and shortcomings.", "blame"),
]


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


@pytest.mark.parametrize(("category", "text", "label"), PAIRS)
def test_minimal_pair(lex, category, text, label):
    got = score_sentence(text, lexicon=lex)
    assert got.label == label, f"{category}: {text!r} -> {got.label} ({got.evidence})"


@pytest.mark.parametrize(
    ("weaker", "stronger", "flag"),
    [
        ("The trust was criticised.", "The trust was heavily criticised.", "blame"),
        ("Bullying was reported.", "Widespread bullying was reported.", "blame"),
        ("Managers supported staff.", "Managers strongly supported staff.", "support"),
        ("The trust was criticised.", "The trust was criticised and condemned.", "blame"),
    ],
)
def test_intensity_raises_score(lex, weaker, stronger, flag):
    low = getattr(score_sentence(weaker, lexicon=lex), flag)
    high = getattr(score_sentence(stronger, lexicon=lex), flag)
    assert 0 < low < high
