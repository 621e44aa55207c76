"""English recall, session 11 (issue 8: English misses outside public offices), on fictional names written for these
tests: a longer name the model calls a person that opens with a word it calls an organisation is that organisation's
name ("the bank, Foo Central Bar"), unless a given name or a title says it is a person."""
from __future__ import annotations

from succession.extract.mentions import NameMention, SentenceMentions
from succession.models import Span


def _sentence(persons: tuple[tuple[int, str], ...], orgs: tuple[tuple[int, str], ...]) -> SentenceMentions:
    """A stand-in sentence with the model's persons and organisations (start, name)."""
    text = "x" * 200
    return SentenceMentions(Span(0, len(text), text), tuple(NameMention(a, a + len(n), n, "person") for a, n in persons),
                            tuple(NameMention(a, a + len(n), n, "org") for a, n in orgs), ())


def test_a_name_opened_by_an_organisations_name_is_that_organisation() -> None:
    """"the bank, Brandmoor Central Lenning" tagged a person, "Brandmoor" an organisation twice elsewhere: the
    longer name is the bank's, not a person "Brandmoor" others could be linked to."""
    from succession.extract.mentions import _reconcile

    sents = [_sentence(((10, "Dana Hollis"), (40, "Brandmoor Central Lenning")), ()),
             _sentence((), ((0, "Brandmoor"),)), _sentence((), ((5, "Brandmoor"),))]
    out = _reconcile(sents)
    assert [p.text for p in out[0].persons] == ["Dana Hollis"]
    assert "Brandmoor Central Lenning" in [o.text for o in out[0].orgs]


def test_a_name_the_model_calls_a_person_more_often_than_its_first_word_an_organisation_stays_a_person() -> None:
    """"Orvald Brisk" twice a person, "Orvald" once an organisation (a given name no list knows): still a person."""
    from succession.extract.mentions import _reconcile

    sents = [_sentence(((40, "Orvald Brisk"),), ()), _sentence(((10, "Orvald Brisk"),), ()),
             _sentence((), ((0, "Orvald"),))]
    assert [p.text for p in _reconcile(sents)[0].persons] == ["Orvald Brisk"]


def test_a_name_opened_by_a_given_name_stays_a_person() -> None:
    """"Carmen" is the model's organisation twice, and a given name: "Carmen Lenning" is still a person."""
    from succession.extract.mentions import _reconcile
    from succession.extract.ner import first_names

    assert "Carmen" in first_names()
    sents = [_sentence(((40, "Carmen Lenning"),), ()), _sentence((), ((0, "Carmen"),)), _sentence((), ((5, "Carmen"),))]
    assert [p.text for p in _reconcile(sents)[0].persons] == ["Carmen Lenning"]


def test_a_name_opened_by_a_title_stays_a_person() -> None:
    """"Lord" is the model's organisation twice: "Lord Varrow" is still the peer, not an organisation."""
    from succession.extract.mentions import _reconcile

    sents = [_sentence(((40, "Lord Varrow"),), ()), _sentence((), ((0, "Lord"),)), _sentence((), ((5, "Lord"),))]
    assert [p.text for p in _reconcile(sents, frozenset({"lord"}))[0].persons] == ["Lord Varrow"]
    assert [p.text for p in _reconcile(sents)[0].persons] == []
