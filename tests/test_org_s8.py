"""The organisation of a change, session 8 (issue 8, organisation grounding), on fictional articles written for
these tests, in English and German: a post held "there" ("der dortige Parteichef X", "the local party chairman
X") is held in the place the article named last before it; a German place named by an adjective whose stem
drops a letter of its name ("Foontner" of "Foonten"); the club a verb-final clause names by a common noun
before its trigger ("hat den Verein verlassen"), as English "left the club" after it; an acronym and its long
form counted as one organisation."""
from __future__ import annotations

import pytest

from succession.extract.rolewords import not_names
from succession.learned.orgnames import missed_names, place_adjectives


def _candidates(lang: str, text: str) -> list:
    from succession.extract.pipeline import annotate, candidates_for, prepare
    from succession.models import Document

    return candidates_for(annotate(prepare(Document(id="s8org", text=text, lang=lang))))


def _linked(lang: str, text: str, holder: str) -> list[str]:
    """The options of the holder's candidates that hold the post beside the name (``role_linked``)."""
    return [o.name for c in _candidates(lang, text) if c.holder.endswith(holder)
            for o in c.orgs if o.features.get("role_linked")]


@pytest.mark.parametrize(("lang", "text", "holder", "place"), [
    ("de", "Machtwort aus der Zentrale\n\nIn Wendtal rumort es. Das Fooland-Echo berichtet, wie der dortige "
           "Parteiobmann Hauke Tammesfeld von seinem Bundeschef abgesetzt wurde. Die Zentrale schweigt.\n",
     "Tammesfeld", "Wendtal"),
    ("en", "Shake-up in Ashcombe\n\nTrouble is brewing in Ashcombe. The local party chairman Marten Voss was "
           "ousted by the national leadership on Monday. The leadership said nothing.\n",
     "Voss", "Ashcombe"),
])
def test_a_post_held_there_is_held_in_the_place_named_last(lang: str, text: str, holder: str, place: str) -> None:
    assert _linked(lang, text, holder) == [place]


@pytest.mark.parametrize(("lang", "text", "holder"), [
    # "dortige" before someone else's post, or a post of the holder's without it: no place linked
    ("de", "Machtwort\n\nIn Wendtal rumort es. Der dortige Sprecher Alwin Roth sagte, Parteiobmann Hauke "
           "Tammesfeld sei abgesetzt worden.\n", "Tammesfeld"),
    ("en", "Shake-up\n\nTrouble is brewing in Ashcombe. The local spokesman Alwin Roth said party chairman "
           "Marten Voss was ousted on Monday.\n", "Voss"),
])
def test_there_before_another_persons_post_links_nothing(lang: str, text: str, holder: str) -> None:
    assert "Wendtal" not in _linked(lang, text, holder) and "Ashcombe" not in _linked(lang, text, holder)


def test_a_place_adjective_dropping_a_letter_names_the_place() -> None:
    """"Foontner" is the adjective of "Foonten" (the "e" of the name dropped), read only where the article names
    the place in full; elsewhere the stem stays as it is."""
    from succession.extract.lexicon import lexicon
    from succession.models import MentionKind  # noqa: F401  (the pipeline's types load with it)

    text = "Das Foontner Ränkespiel geht weiter. Die Partei will in Foonten neu beginnen."
    stems = place_adjectives(text, "de", not_names("de"))
    assert [s.text for s in stems] == ["Foontn"]
    from succession.extract.mentions import NameMention

    found = [NameMention(text.index("Foonten"), text.index("Foonten") + 7, "Foonten", "LOC")]
    places = [n.text for n in missed_names(text, "de", found, found, [], lexicon("de")) if n.kind == "LOC"]
    assert places == ["Foonten"]
    alone = "Das Foontner Ränkespiel geht weiter."
    assert [n.text for n in missed_names(alone, "de", [], [], [], lexicon("de")) if n.kind == "LOC"] == ["Foontn"]
    # English reads no place adjectives at all
    assert place_adjectives("The Foontner row goes on in Foonten.", "en", frozenset()) == []


def _ruled(lang: str, text: str, holder: str) -> list[str]:
    """The options the holder's candidates take as the rules' organisation (``from_rule``)."""
    return [o.name for c in _candidates(lang, text) if c.holder.endswith(holder)
            for o in c.orgs if o.features.get("from_rule")]


@pytest.mark.parametrize(("lang", "text", "holder", "club"), [
    ("de", "Trainerwechsel in Wendtal\n\nDie Ostliga AG sorgt sich um die Liga. Die Wendtal Falken stehen vor dem "
           "Aus. Trainer Hauke Tammesfeld hat den Verein am Montag verlassen. Die Ostliga AG schweigt.\n",
     "Tammesfeld", "Wendtal Falken"),
    ("en", "Change at Ashcombe\n\nAshcombe United lost again on Saturday. Manager Marten Voss left the club on "
           "Monday, the players said.\n", "Voss", "Ashcombe United"),
])
def test_the_club_left_is_the_one_named_last(lang: str, text: str, holder: str, club: str) -> None:
    """"den Verein verlassen" (the noun phrase before a verb-final trigger), "left the club": the club the article
    named last before it."""
    assert _ruled(lang, text, holder) == [club]


def test_acronyms_are_linked_to_their_long_form() -> None:
    from succession.learned.orgnames import acronym_links

    links = acronym_links(["Wendtal Rowing Union", "WRU", "BBC", "Bund für Ost-Rudern", "BOR", "UK"])
    assert links == [("WRU", "Wendtal Rowing Union"), ("BOR", "Bund für Ost-Rudern")]


@pytest.mark.parametrize(("lang", "text", "short", "long"), [
    ("en", "Rowing row\n\nThe Wendtal Rowing Union (WRU) is in crisis. Its chairman Marten Voss resigned on Monday, "
           "the WRU said. The WRU will meet again. Brindle Trust, Brindle Trust and Brindle Trust sponsor it.\n",
     "WRU", "Wendtal Rowing Union"),
    ("de", "Krise beim Verband\n\nDie Wendtaler Ruder-Union (WRU) steckt in der Krise. Ihr Präsident Hauke "
           "Tammesfeld ist am Montag zurückgetreten, teilte die WRU mit. Die WRU tagt bald in Wendtal.\n",
     "WRU", "Wendtaler Ruder-Union"),
])
def test_an_acronym_and_its_long_form_are_counted_together(lang: str, text: str, short: str, long: str) -> None:
    """Named once in full and twice by its acronym, the organisation is named three times under either name."""
    count: dict[str, set[str]] = {}
    for c in _candidates(lang, text):
        for o in c.orgs:
            count.setdefault(o.name, set()).update(k for k in o.features if k.startswith("doc_count="))
    assert short in count and long in count and count[short] == count[long] == {"doc_count=5"}

