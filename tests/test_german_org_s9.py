"""The organisation of German changes, session 9 (fictional articles; see docs/accuracy.md): an adjective or a
participle written as a noun opening a heading ("Verunsicherter Trainer") names no organisation and no place;
a president is the state's unless the organisation the rules name is tied to the post: not merely named beside
it in the sentence (a commentator's university), nor joined to the holder's other post ("Foo-Chef X ... zum
Präsidenten"); where the article names no state, the assembly it names."""
from __future__ import annotations

import pytest

from succession.extract.pipeline import analyse, annotate, candidates_for, prepare
from succession.learned.orgnames import nominalised_adjective
from succession.models import Document


def _doc(text: str, lang: str = "de") -> Document:
    return Document(id="t", text=text, lang=lang, published="2025-03-14")


def _options(text: str, holder: str) -> set[str]:
    return {o.name for c in candidates_for(annotate(prepare(_doc(text)))) if c.holder == holder for o in c.orgs}


def _orgs(text: str, lang: str = "de") -> dict[tuple[str, str], str | None]:
    return {(e.holder, e.type.value): e.org for e in analyse(_doc(text, lang)).events}


@pytest.mark.parametrize("word", ["Verunsicherter", "Neuer", "Ehemaliger", "Soziales"])
def test_an_adjective_written_as_a_noun_is_no_name(word: str) -> None:
    assert nominalised_adjective(word, "de")


@pytest.mark.parametrize("word", ["Fooburger", "Quellgrund", "Dunkelwald", "Talbrück"])
def test_a_place_name_or_a_made_up_name_is_kept(word: str) -> None:
    assert not nominalised_adjective(word, "de")


def test_english_capitals_are_not_read_as_german_nouns() -> None:
    assert not nominalised_adjective("Neuer", "en")


_HEADING = ("Der FC Quellgrund trennt sich von seinem Trainer. Verunsicherter Trainer Die Entlassung von Olaf "
            "Quastberg kam für die Fans des FC Quellgrund überraschend.")


def test_a_heading_adjective_before_a_post_is_no_organisation() -> None:
    options = _options(_HEADING, "Olaf Quastberg")
    assert "Verunsicherter" not in options and "Verunsichert" not in options
    assert _orgs(_HEADING)[("Olaf Quastberg", "dismissed")] == "FC Quellgrund"


def test_a_president_named_beside_a_commentators_university_is_the_states() -> None:
    text = ("In Tuvalu wächst der Druck. Die Affäre machte den Rücktritt von Präsidentin Ilse Morgentau immer "
            "wahrscheinlicher, meint Kurt Sandhaber von der Universität Quellgrund.")
    assert _orgs(text)[("Ilse Morgentau", "departed")] == "Tuvalu"


def test_a_president_of_the_named_university_stays_there() -> None:
    text = ("In Tuvalu wächst der Druck. Ilse Morgentau ist als Präsidentin der Universität Quellgrund "
            "zurückgetreten.")
    assert _orgs(text)[("Ilse Morgentau", "departed")] == "Universität Quellgrund"


def test_a_president_titled_by_another_post_is_the_assemblys_the_article_names() -> None:
    # "FWP-Chef" names the party of his other post; the presidency voted on is the assembly's
    text = ("Der neue Landtag in Quellstadt kam zu seiner ersten Sitzung zusammen. FWP-Chef Jakob Brennholt "
            "wurde dabei mit knapper Mehrheit zum Zweiten Präsidenten gewählt. Die Sitzung dauerte bis zum Abend.")
    assert _orgs(text)[("Jakob Brennholt", "appointed")] == "Landtag"


def test_a_party_chairs_compound_stays_his_party() -> None:
    text = "Die FWP hat gewählt. FWP-Chef Jakob Brennholt wurde am Sonntag zum Parteichef der FWP gewählt."
    assert _orgs(text)[("Jakob Brennholt", "appointed")] == "FWP"
