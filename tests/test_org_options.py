"""Organisation options the named-entity model cannot offer (issue 8, organisation grounding), on
fictional sentences and articles written for these tests, in English and German: public bodies named by a
common noun, names in apposition to a kind of organisation, places named by their adjective, and the
organisation that is a trigger's object or follows its preposition past an article."""
from __future__ import annotations

import pytest
from conftest import events_by_article

from succession.extract.lexicon import lexicon
from succession.extract.rolewords import not_names
from succession.learned.orgnames import apposed_names, place_adjectives
from succession.learned.seats import public_bodies
from succession.models import EventType


def _options(lang: str, text: str) -> dict[str, dict[str, float]]:
    """Every organisation option of every candidate of one article: name -> the union of its features."""
    from succession.extract.pipeline import annotate, candidates_for, prepare
    from succession.models import Document

    out: dict[str, dict[str, float]] = {}
    for c in candidates_for(annotate(prepare(Document(id="opts", text=text, lang=lang)))):
        for o in c.orgs:
            out.setdefault(o.name, {}).update(o.features)
    return out


@pytest.mark.parametrize(("lang", "text", "found"), [
    ("en", "He quit the government and entered Parliament; the governmental row went on.",
     [("government", "BODY:government"), ("Parliament", "BODY:assembly")]),
    ("de", "Sie wechselte aus dem Landtag in die Regierung. Die Regierungsumbildung folgte.",
     [("Landtag", "BODY:assembly"), ("Regierung", "BODY:government")]),
])
def test_public_bodies_named_by_a_common_noun(lang: str, text: str, found: list) -> None:
    assert [(b.text, b.kind) for b in public_bodies(text, lang)] == found


@pytest.mark.parametrize(("lang", "text", "found"), [
    ("de", "Der Weltruderverband Wasserfest dürfte bald entscheiden.", ["Wasserfest"]),
    ("de", "Der Eishockeyklub Wendtal Falken verlor.", ["Wendtal Falken"]),
    ("de", "Sie lehrt an der Universität Wendtal und in Gruppe A.", ["Universität Wendtal"]),
    ("de", "Der Bundesligist Ashcombe 04 gewann.", ["Ashcombe 04"]),
    ("de", "Bürgermeister Hauke Tammesfeld trat zurück.", []),  # a post ending in "-meister": a person follows
    ("de", "Der Verband Die Stillen Wiesen tagte.", []),  # an article opens no name
    ("en", "The law firm Corrow Baines said the carmaker Kestrel had left.", ["Corrow Baines", "Kestrel"]),
    ("en", "The club said its side played well.", []),
])
def test_names_in_apposition_to_a_kind_of_organisation(lang: str, text: str, found: list) -> None:
    names = apposed_names(text, lang, [], not_names(lang), lexicon(lang).canonical_role)
    assert [n.text for n in names] == found
    assert all(n.kind == "ORG" and text[n.start:n.end] == n.text for n in names)


def test_places_named_by_their_adjective() -> None:
    text = ("Der Wendtaler Bürgermeister trat zurück. Die Ashcomber SPX lobte ihn. Im Oktober Neuwahlen. "
            "Die Anhänger jubelten, die Anhänger Foos nicht.")
    places = place_adjectives(text, "de", not_names("de") | frozenset({"Oktober"}))
    assert [p.text for p in places] == ["Wendtal", "Ashcomb"]  # a noun also standing alone is no adjective
    assert place_adjectives("The Wendtaler Mayor quit.", "en", frozenset()) == []  # English reads none


def test_the_organisation_a_trigger_acts_on_is_linked_to_it() -> None:
    opts = _options("en", "Ashcombe Town name Merrow\n\nDale Merrow quit the government on Monday. "
                          "Roald Fenwick moved to the Brindle Trust in May. Ashcombe Town chairman Ellery Pascoe "
                          "thanked both.\n")
    assert opts["government"].get("moved_to") and opts["government"].get("kind=BODY:government")
    assert opts["Brindle Trust"].get("moved_to")  # the preposition read past "the"


def test_a_linker_past_an_article_in_german() -> None:
    opts = _options("de", "Wechsel in Ostrellingen\n\nHauke Tammesfeld wechselt als Trainer zu der Wendtal "
                          "Stahl AG. Die Ostrellinger Verkehrsbetriebe GmbH bedauert das. Die Ostrellinger "
                          "Verkehrsbetriebe GmbH sucht.\n")
    assert opts["Wendtal Stahl AG"].get("moved_to")


def test_a_mayor_is_held_in_the_place_named_by_its_adjective() -> None:
    events = events_by_article({"mayor-de": ("de", "Rücktritt im Rathaus\n\n"
                                                   "Der Wendtaler Bürgermeister Hauke Tammesfeld ist am Montag "
                                                   "zurückgetreten. Die BPL bedauert den Schritt. Die BPL will "
                                                   "einen Nachfolger vorschlagen.\n")})
    ended = [e for e in events["mayor-de"] if e.holder.endswith("Tammesfeld")
             and e.type in (EventType.DEPARTED, EventType.DISMISSED)]
    assert ended and ended[0].org == "Wendtal"


def _candidates(lang: str, text: str) -> list:
    from succession.extract.pipeline import annotate, candidates_for, prepare
    from succession.models import Document

    return candidates_for(annotate(prepare(Document(id="opts", text=text, lang=lang))))


@pytest.mark.parametrize(("lang", "text", "trigger", "org"), [
    ("en", "Veteran leaves politics\n\nCorwin Haldane is to retire from the Senate at the election. Mr Haldane "
           "served for twenty years in the Cabinet. He quit the government in 2011 and has since served as the "
           "chairman of a rowing club.\n", "quit", "government"),
    ("de", "Abschied aus der Politik\n\nHauke Tammesfeld wird Präsident des Fooburger Senats. Herr Tammesfeld "
           "war zwanzig Jahre lang Minister im Kabinett. Er verließ die Regierung 1999 und ist seither "
           "Vorsitzender eines Ausschusses.\n", "verließ", "Regierung"),
])
def test_a_pronoun_is_the_person_the_rules_report(lang: str, text: str, trigger: str, org: str) -> None:
    """A pronoun stands for the name last written ("Mr Haldane"); the candidate bears the canonical name, so
    the rules' report of that very change is its own (and its organisation the trigger's object), not a
    second candidate holding only the organisation the rules fell back on."""
    here = [c for c in _candidates(lang, text) if c.trigger.text == trigger]
    assert [c.holder for c in here] == [here[0].holder] and here[0].holder.split()[0] in ("Corwin", "Hauke")
    assert here[0].source is not None and not here[0].features.get("rule_only")
    assert [o.name for o in here[0].orgs if o.features.get("from_rule")] == [org]


@pytest.mark.parametrize(("lang", "text", "origin", "joined"), [
    ("en", "Reshuffle\n\nMarten Voss was hired from the Fisheries Office to run the Ministry of Ports on Monday.\n",
     "Fisheries Office", "Ministry of Ports"),
    ("en", "New chief\n\nMarten Voss was named chief executive of Kestrel Foods in May, moving over from the "
           "Brindle Trust.\n", "Brindle Trust", "Kestrel Foods"),
    ("de", "Wechsel\n\nHauke Tammesfeld übernimmt vom Wendtal Stahl kommend den Brindle Klub.\n",
     "Wendtal Stahl", "Brindle Klub"),
])
def test_where_a_start_comes_from(lang: str, text: str, origin: str, joined: str) -> None:
    """The organisation after "from" / "vom" is where the one starting came from, never where he starts."""
    opts = _options(lang, text)
    assert opts[origin].get("moved_from") and not opts[joined].get("moved_from")


@pytest.mark.parametrize(("lang", "text", "origin", "joined"), [
    ("en", "Board\n\nThe Kestrel Foods board will be joined by former Brindle Trust finance director Marten Voss "
           "next month.\n", "Brindle Trust", "Kestrel Foods"),
    ("de", "Wechsel\n\nHauke Tammesfeld, bisher Geschäftsführer der Brindle Werke, wird neuer Vorstandschef der "
           "Wendtal Stahl.\n", "Brindle Werke", "Wendtal Stahl"),
])
def test_a_former_title_names_where_a_start_comes_from(lang: str, text: str, origin: str, joined: str) -> None:
    """The organisation of the holder's former title ("former Foo director X", "X, bisher Sprecher der Foo")
    is the one left behind, not the one joined."""
    opts = _options(lang, text)
    assert opts[origin].get("moved_from") and not opts[joined].get("moved_from")


def test_another_persons_former_title_is_no_origin() -> None:
    """Beside a start, the former title of someone else names no organisation the holder left."""
    from succession.extract.pipeline import annotate, candidates_for, prepare
    from succession.models import Document

    text = "Successor\n\nMarten Voss will succeed former Brindle Trust chief executive Alma Quist next month.\n"
    mine = [c for c in candidates_for(annotate(prepare(Document(id="opts", text=text, lang="en"))))
            if c.holder == "Marten Voss"]
    assert mine and not any(o.features.get("moved_from") for c in mine for o in c.orgs)


def test_a_place_adjective_is_marked_in_its_sentence() -> None:
    opts = _options("de", "Rücktritt\n\nDie Fooburger Partei trauert: Nach dem Rücktritt von Bürgermeister Hauke "
                          "Tammesfeld sucht sie einen Kandidaten. In Wendtal und Wendtal blieb es ruhig.\n")
    assert opts["Fooburg"].get("place_adjective") and not opts["Wendtal"].get("place_adjective")
