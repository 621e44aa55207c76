"""The role a change reports, session 9 (fictional sentences): the canonical English role where it says all
the title says (CEO, chair, coach), the title the sentence writes where the canonical role is only a class of
posts (minister, head of state, mayor), in its base form and with an English minister's portfolio."""
from __future__ import annotations

import pytest

from succession.extract.pipeline import analyse
from succession.extract.titles import written_titles
from succession.models import Document, Event, EventType, MentionKind, Modality, Span


def _event(sentence: str, trigger: str, role: str | None, etype: EventType = EventType.APPOINTED) -> Event:
    at = sentence.index(trigger)
    return Event(doc_id="t", type=etype, holder="Max Muster", holder_kind=MentionKind.PERSON, role=role,
                 org=None, date=None, modality=Modality.ASSERTED, evidence=Span(0, len(sentence), sentence),
                 trigger=Span(at, at + len(trigger), trigger))


def _role(sentence: str, trigger: str, role: str | None, lang: str) -> str | None:
    return written_titles([_event(sentence, trigger, role)], lang)[0].role


@pytest.mark.parametrize(("sentence", "trigger", "canonical", "title"), [
    ("Max Muster wurde zum Finanzminister ernannt.", "ernannt", "minister", "Finanzminister"),
    # a case ending goes, a feminine form stays
    ("Die Wahl des Ministerpräsidenten Max Muster gilt als sicher.", "Wahl", "prime minister", "Ministerpräsident"),
    ("Max Muster wird neue Innenministerin.", "wird", "minister", "Innenministerin"),
    ("Max Muster wurde zum Bundespräsidenten gewählt.", "gewählt", "head of state", "Bundespräsident"),
    ("Max Muster tritt als Bürgermeister von Fooberg zurück.", "tritt", "mayor", "Bürgermeister"),
])
def test_german_public_offices_report_the_written_title(sentence: str, trigger: str, canonical: str,
                                                        title: str) -> None:
    assert _role(sentence, trigger, canonical, "de") == title


@pytest.mark.parametrize(("sentence", "trigger", "canonical"), [
    ("Max Muster wird neuer Vorstandschef der Foo AG.", "wird", "CEO"),
    ("Max Muster wird Cheftrainer beim FC Bar.", "wird", "coach"),
    ("Max Muster wird Präsidentin des Vereins.", "wird", "president"),
])
def test_german_business_and_sport_posts_stay_canonical(sentence: str, trigger: str, canonical: str) -> None:
    assert _role(sentence, trigger, canonical, "de") == canonical


def test_a_portfolio_is_no_title() -> None:
    # "übernimmt das Sozialressort" names the post, not its holder's title: the canonical role stays
    assert _role("Max Muster übernimmt das Sozialressort.", "übernimmt", "minister", "de") == "minister"


def test_a_title_beats_a_phrase_of_the_same_role() -> None:
    sentence = "Als Ministerpräsident wird Max Muster vom Landtag nun mit der Regierungsbildung beauftragt."
    assert _role(sentence, "beauftragt", "prime minister", "de") == "Ministerpräsident"


@pytest.mark.parametrize(("sentence", "trigger", "canonical", "title"), [
    ("Max Muster resigned as Home Secretary on Friday.", "resigned", "minister", "home secretary"),
    ("Later he became the fisheries minister in a reshuffle.", "became", "minister", "fisheries minister"),
    ("Max Muster was named the new minister.", "named", "minister", "minister"),
    ("Max Muster quit as mayor of Fooville.", "quit", "mayor", "mayor"),
    ("Max Muster is to become the ambassador to Fooland.", "become", "ambassador", "ambassador"),
])
def test_english_public_offices_report_the_written_title(sentence: str, trigger: str, canonical: str,
                                                         title: str) -> None:
    assert _role(sentence, trigger, canonical, "en") == title


@pytest.mark.parametrize(("sentence", "canonical"), [
    ("Max Muster was appointed chief executive of Foo Corp.", "CEO"),
    ("Max Muster was appointed chairman of Foo Corp.", "chair"),
])
def test_english_business_posts_stay_canonical(sentence: str, canonical: str) -> None:
    assert _role(sentence, "appointed", canonical, "en") == canonical


def test_no_title_in_the_sentence_keeps_the_canonical_role_and_no_role_stays_none() -> None:
    assert _role("Max Muster left on Friday.", "left", "minister", "en") == "minister"
    assert _role("Max Muster left on Friday.", "left", None, "en") is None


def test_a_former_title_gives_way_to_the_new_one() -> None:
    sentence = "The former health minister Max Muster became the education minister."
    assert _role(sentence, "became", "minister", "en") == "education minister"


def test_extraction_reports_the_title() -> None:
    text = ("Fooland hat einen neuen Finanzminister. Max Mustermann wurde am Montag von Regierungschefin "
            "Erika Beispiel zum Finanzminister ernannt, teilte die Regierung in Barstadt mit.")
    events = analyse(Document(id="t", text=text, lang="de", published="2025-03-14")).events
    mine = [e for e in events if e.holder == "Max Mustermann"]
    assert mine and all(e.role == "Finanzminister" for e in mine)


@pytest.mark.parametrize(("sentence", "trigger", "canonical", "title", "lang"), [
    ("Max Muster ist nun kommissarischer Dekan der Fakultät.", "ist nun", "dean", "kommissarischer Dekan", "de"),
    ("Max Muster was named acting mayor of Fooville.", "named", "mayor", "acting mayor", "en"),
])
def test_an_interim_word_stays_with_the_title(sentence: str, trigger: str, canonical: str, title: str,
                                              lang: str) -> None:
    assert _role(sentence, trigger, canonical, lang) == title


def test_a_start_never_reports_a_title_held_before() -> None:
    sentence = "Max Muster, der bisherige Bürgermeister von Fooberg, wurde am Montag vereidigt."
    assert _role(sentence, "vereidigt", "mayor", "de") == "mayor"
    assert written_titles([_event(sentence, "bisherige", "mayor", EventType.DEPARTED)], "de")[0].role == "Bürgermeister"
