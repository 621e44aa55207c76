"""Issue 8, session 3: German holders the rules missed (a first name after a title, a genitive after the
change's noun, "die scheidende Bürgermeisterin") and the cues the learned decisions weigh against a change
(demanded, counterfactual, a candidacy, a speaker). Every article here is fictional."""
from __future__ import annotations

import pytest

from succession.extract.ner import RuleNer
from succession.extract.pipeline import Annotated, annotate, candidates_for, prepare
from succession.models import Document, EventType

END = (EventType.DEPARTED, EventType.DISMISSED)


def annotated(text: str, lang: str) -> Annotated:
    p = prepare(Document(id="t", text=text, lang=lang, published="2025-03-14"))
    assert not hasattr(p, "warnings"), "the fictional article was not analysed"
    return annotate(p)  # type: ignore[arg-type]


def rule_ends(a: Annotated, surname: str) -> list:
    return [e for e in a.rule_events if e.holder.split()[-1] == surname and e.type in END]


def test_a_first_name_after_a_title_is_found_by_the_name_pass() -> None:
    """'Bürgermeister Kaspar Wendlinger': the capitalised title before the first name used to swallow it."""
    text = "Gestern sagte Bürgermeister Kaspar Wendlinger, er sei müde."
    spans = RuleNer()([text])[0]
    assert [text[s.start:s.end] for s in spans] == ["Kaspar Wendlinger"]


def test_a_surname_known_from_a_titled_full_name_is_a_holder() -> None:
    """The full name stands only in a sentence with no trigger; the surname alone reports the change."""
    a = annotated("Streit in Ostrellingen\n\nDer Antrag von Stadtrat Tobias Kranewitter scheiterte im Mai. "
                  "Nun hat der Gemeinderat Kranewitter als Kassier abberufen.\n", "de")
    assert rule_ends(a, "Kranewitter")


def test_a_genitive_after_the_change_noun_is_its_holder() -> None:
    """'der Rücktritt Wendlingers': the name in the genitive is whose resignation it is."""
    a = annotated("Krise im Rathaus von Ostrellingen\n\nBürgermeister Kaspar Wendlinger regiert die Stadt seit "
                  "2015. Am Montag wurde der Rücktritt Wendlingers bekannt gegeben.\n", "de")
    assert rule_ends(a, "Wendlinger")


def test_the_departing_holder_of_a_post() -> None:
    """'die scheidende Bürgermeisterin X', 'seit dem Abtritt von Bürgermeister X'."""
    a = annotated("Neues Hallenbad in Ostmark\n\nDie scheidende Bürgermeisterin Florentine Grubenbauer eröffnete am "
                  "Montag das neue Hallenbad der Stadt.\n", "de")
    left = rule_ends(a, "Grubenbauer")
    assert left and left[0].role == "mayor"
    b = annotated("Wahl in Wendtal\n\nSeit dem Abtritt von Bürgermeister Jonas Hallerbach im Frühjahr sucht die "
                  "Bürgerliste einen Kandidaten.\n", "de")
    assert rule_ends(b, "Hallerbach")


def features_of(text: str, lang: str, surname: str) -> set[str]:
    cands = [c for c in candidates_for(annotated(text, lang)) if c.holder.split()[-1] == surname]
    assert cands, f"no candidate for {surname}"
    return {k for c in cands for k in c.features}


def test_the_one_succeeded_is_no_appointment() -> None:
    """'a successor to CTO Foo': Foo is the one replaced, not the one starting (no such candidate at all)."""
    a = annotated("Tellco's search\n\nThe board is looking for a successor to chief technology officer Harriet "
                  "Bellamy, who quit in April.\n", "en")
    cands = [c for c in candidates_for(a) if c.holder.split()[-1] == "Bellamy"]
    assert cands, "no candidate for Bellamy"
    assert not any(c.etype.value == "appointed" and c.trigger.text.casefold() == "successor" for c in cands)


@pytest.mark.parametrize("lang,text,surname,cue", [
    ("de", "Streit in Wendtal\n\nDie Opposition forderte am Montag den Rücktritt von Bürgermeister Jonas "
           "Hallerbach.\n", "Hallerbach", "cue=DEMAND"),
    ("en", "Row at Tellco\n\nShareholders called for the resignation of chief executive Harriet Bellamy on "
           "Monday.\n", "Bellamy", "cue=DEMAND"),
    ("de", "Rückblick\n\nOhne den Skandal wäre Tobias Kranewitter im Mai zum Bürgermeister von Wendtal gewählt "
           "worden.\n", "Kranewitter", "cue=COUNTERFACTUAL"),
    ("en", "Looking back\n\nHarriet Bellamy would have been sacked as chief executive of Tellco had the deal "
           "failed.\n", "Bellamy", "cue=COUNTERFACTUAL"),
    ("de", "Wahl in Wendtal\n\nTobias Kranewitter wird als möglicher Nachfolger des Bürgermeisters gehandelt.\n",
     "Kranewitter", "cue=CANDIDACY"),
    ("en", "Tellco's search\n\nHarriet Bellamy is a candidate to succeed Tomas Verrick as chief executive of Tellco, "
           "the board said.\n",
     "Bellamy", "cue=CANDIDACY"),
    ("en", "Tellco results\n\nHarriet Bellamy, the chief executive of Tellco, said the firm had appointed new "
           "auditors.\n", "Bellamy", "speech_between"),
    ("de", "Bilanz in Wendtal\n\nJonas Hallerbach, Chef der Stadtwerke Wendtal, sagte, man habe einen neuen "
           "Prüfer bestellt.\n", "Hallerbach", "speech_between"),
])
def test_cues_against_a_change_are_features(lang: str, text: str, surname: str, cue: str) -> None:
    assert cue in features_of(text, lang, surname)


def test_a_plain_change_has_no_such_cue() -> None:
    f = features_of("Tellco names chief\n\nTellco appointed Harriet Bellamy as chief executive on Monday.\n",
                    "en", "Bellamy")
    assert not {k for k in f if k.startswith(("cue=", "speech_between"))}


def test_how_far_back_a_pronoun_was_named() -> None:
    """A pronoun's person named far back is often someone else: the distance is a feature."""
    filler = "The market for parcels grew again this year, and prices for transport rose in every region. " * 8
    near = features_of("Tellco names chief\n\nHarriet Bellamy ran sales for years. She was appointed chief "
                       "executive of Tellco on Monday.\n", "en", "Bellamy")
    far = features_of("Tellco names chief\n\nHarriet Bellamy ran sales for years. " + filler
                      + "She was appointed chief executive of Tellco on Monday.\n", "en", "Bellamy")
    assert "pronoun_back=1" in near and "pronoun_back=more" in far
