"""German clubs, session 11 (fictional articles; see docs/accuracy.md): a name the named-entity model reads as an
organisation while the sentence lists it among people ("die Spieler Foo Bar und Baz Qux") is a person's, never
where a change happened; a report's opening naming two places with a slash ("Foostadt/Barheim -") names each
place, so "den Verein verlassen" finds the club's town among them."""
from __future__ import annotations

from succession.extract.listed import listed_with_person
from succession.extract.mentions import NameMention
from succession.extract.pipeline import annotate, candidates_for, prepare
from succession.learned.orgnames import places_apart
from succession.models import Document

from conftest import rule_changes

_LISTED = ("Die Eishockeymannschaft muss sparen. Nach der Saison sind der Trainer und drei Stammspieler gegangen. "
           "Wien/Quellgrund – Dem Klub fehlt der Hauptsponsor. Trainer Olaf Quastberg, die Gastspieler Bradford "
           "Tamsworth und Jerome Wendell sowie drei Nachwuchsspieler haben den Klub inzwischen verlassen. Ein "
           "Nachfolger wird gesucht.")


def _options(text: str, holder: str) -> set[str]:
    doc = Document(id="t", text=text, lang="de", published="2025-03-14")
    return {o.name for c in candidates_for(annotate(prepare(doc))) if c.holder == holder for o in c.orgs}


def test_a_name_listed_among_people_is_no_organisation() -> None:
    options = _options(_LISTED, "Olaf Quastberg")
    assert "Bradford Tamsworth" not in options
    assert "Quellgrund" in options


def test_a_coach_leaving_with_the_players_he_is_listed_with_departs() -> None:
    # the rules read the list "Trainer Foo, die Gastspieler Bar und Baz sowie ..." as one subject of "verlassen"
    changes = rule_changes(_LISTED)
    assert ("Olaf Quastberg", "departed") in changes


def test_players_a_plural_noun_lists_hold_no_post() -> None:
    doc = Document(id="t", text=_LISTED, lang="de", published="2025-03-14")
    no_post = {c.holder: bool(c.features.get("no_post")) for c in candidates_for(annotate(prepare(doc)))}
    assert no_post["Jerome Wendell"] and no_post["Bradford Tamsworth"]
    assert not no_post["Olaf Quastberg"]  # the coach, listed before the noun, holds his post


def _mention(text: str, name: str) -> NameMention:
    at = text.index(name)
    return NameMention(at, at + len(name), name, "person")


def test_listed_beside_a_person_needs_a_persons_shape() -> None:
    text = "Die Spieler Anton Quastberg und Jerome Wendell sowie Quellgrund Versicherung AG zahlen."
    person = _mention(text, "Jerome Wendell")
    at = text.index("Anton Quastberg")
    assert listed_with_person(text, at, at + len("Anton Quastberg"), [person], "de")
    at = text.index("Quellgrund Versicherung AG")
    assert not listed_with_person(text, at, at + len("Quellgrund Versicherung AG"), [person], "de")


def test_an_organisation_named_again_stays_one() -> None:
    text = "Foo Racing und Jerome Wendell trennen sich. Bei Foo Racing fährt er nicht mehr."
    person = _mention(text, "Jerome Wendell")
    assert not listed_with_person(text, 0, len("Foo Racing"), [person], "de")


def test_an_organisation_not_in_the_list_stays_one() -> None:
    text = "Bradford Tamsworth hat Jerome Wendell entlassen."
    person = _mention(text, "Jerome Wendell")
    assert not listed_with_person(text, 0, len("Bradford Tamsworth"), [person], "de")


def test_places_joined_by_a_slash_are_each_a_place() -> None:
    text = "Wien/Quellgrund – Der Klub steht vor dem Aus."
    parts = places_apart(NameMention(0, len("Wien/Quellgrund"), "Wien/Quellgrund", "LOC"))
    assert [(p.text, text[p.start:p.end]) for p in parts] == [("Wien", "Wien"), ("Quellgrund", "Quellgrund")]
    # an organisation of two ("Foo/Bar" of a joint venture) stays one name
    assert places_apart(NameMention(0, 7, "Foo/Bar", "ORG")) == [NameMention(0, 7, "Foo/Bar", "ORG")]


def test_a_place_tag_over_a_persons_name_is_no_option() -> None:
    # the name model tags "in Olaf Quastberg" a place, whole; the rules read "Olaf" and "Quastberg" as a person
    text = ("Als Manager des Jahres siegte in Olaf Quastberg ebenfalls ein Quellgrunder. "
            "Der Manager des Tabellenzweiten wurde knapp vor Jens Morgentau vom FC Talbrück gewählt.")
    options = _options(text, "Jens Morgentau") | _options(text, "Olaf Quastberg")
    assert "Olaf Quastberg" not in options
    assert "FC Talbrück" in options


def test_a_determiner_opens_no_name() -> None:
    text = ("Trainer Olaf Quastberg hat den FC Quellgrund verlassen. Jeder Verein muss sparen, meint Quastberg "
            "zum Abschied.")
    options = {o.name for c in candidates_for(annotate(prepare(Document(id="t", text=text, lang="de"))))
               for o in c.orgs}
    assert not any(o.startswith("Jeder") for o in options)
