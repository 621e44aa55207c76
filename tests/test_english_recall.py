"""English recall on fictional articles: idioms of a change the trigger lexicon did not read, double given
names and lists of names each with its own title (see docs/accuracy.md)."""
from __future__ import annotations

from succession.extract.mentions import find_mentions
from succession.extract.ner import NamedSpan
from succession.extract.pipeline import Annotated, annotate, candidates_for, prepare
from succession.extract.sentences import split_sentences
from succession.models import Document


def _annotated(text: str) -> Annotated:
    return annotate(prepare(Document(id="t", text=text, lang="en", published="2025-03-14")))


def _holders(text: str) -> set[tuple[str, str]]:
    return {(c.holder, c.etype.value) for c in candidates_for(_annotated(text))}


def _rules(text: str) -> set[tuple[str, str]]:
    return {(e.holder, e.type.value) for e in _annotated(text).rule_events}


def test_come_into_office_in_the_participle_is_a_start() -> None:
    text = ("Budget talks stall in Velmora\n\nThe coalition has missed its deficit goal again. "
            "Prime Minister Harald Quenby has come into office with a pledge to cut spending.")
    assert ("Harald Quenby", "appointed") in _holders(text)


def test_launching_a_new_party_is_a_founding() -> None:
    text = ("Quenby picks a seat\n\nFormer broadcaster Harald Quenby will stand in Tobinford. Quenby, who is "
            "launching his new party, Renewal, this week, spoke in the town hall.")
    assert ("Harald Quenby", "founded") in _holders(text)


def test_a_first_day_in_office_is_a_start() -> None:
    text = ("Velmora cabinet\n\nThe coalition took power in May. Speaking on her first day in office as "
            "interior minister, Marta Dalric promised reform.")
    assert ("Marta Dalric", "appointed") in _holders(text)


def test_a_department_is_no_departure() -> None:
    text = "Harald Quenby heads the Department of Fisheries in Velmora, a post he has held for years."
    assert not any(t == "departed" for _, t in _rules(text))


def test_a_given_name_before_a_known_given_name_stays_in_an_english_name() -> None:
    assert _persons("The auditors queried a bonus for Orlio Maria Quenby, who stepped down in 2001.",
                    "Orlio Maria Quenby") == {"Orlio Maria Quenby"}
    # a title before the name still stays out of it
    assert _persons("The board said Chairman Maria Quenby stepped down in 2001.",
                    "Chairman Maria Quenby") == {"Maria Quenby"}


def _persons(sentence: str, tagged: str) -> set[str]:
    """The persons found in an English sentence where the name model tagged ``tagged`` as a person."""
    sents = split_sentences(sentence, "en")
    start = sentence.index(tagged)
    spans = [NamedSpan(start, start + len(tagged), "PER")]
    return {p.text for sm in find_mentions(sentence, sents, "en", [spans], cands=sents) for p in sm.persons}


def test_every_name_of_a_titled_list_shares_the_change() -> None:
    text = ("Velmora United board shake-up\n\nHead of press Harald Quenby, regional director Marta Dalric and "
            "senior director Orlio Tobin were ousted by the shareholders on Friday.")
    rules = _rules(text)
    assert {("Harald Quenby", "dismissed"), ("Marta Dalric", "dismissed"), ("Orlio Tobin", "dismissed")} <= rules
