"""Issue 8, session 7: precision. Trigger words in other senses (an office called a "Department", people in
retirement, the capital of a name such as "New Year", a player's shirt or comeback, a thing's return, a change
put on hold, a jersey changing its wearer) and changes only demanded ("should sack Foo"). The same words
reporting a change still are changes. Every article here is fictional."""
from __future__ import annotations

import pytest

from succession.extract.events import _hits
from succession.extract.holders import not_a_person
from succession.extract.lexicon import lexicon
from succession.extract.pipeline import annotate, candidates_for, prepare
from succession.models import Document, EventType

MOVES = (EventType.DEPARTED, EventType.RETURNED, EventType.APPOINTED, EventType.DISMISSED, EventType.FOUNDED,
         EventType.REASSIGNED)


def rule_changes(text: str, lang: str, surname: str) -> list:
    """The rules' changes of one person (what the learned model decides on needs its own threshold)."""
    p = prepare(Document(id="t", text=text, lang=lang, published="2025-03-14"))
    assert not hasattr(p, "warnings"), "the fictional article was not analysed"
    return [e for e in annotate(p).rule_events  # type: ignore[arg-type]
            if e.holder.split()[-1] == surname and e.type in MOVES]


@pytest.mark.parametrize(("lang", "text", "surname"), [
    # "depart*" in an office's name
    ("en", "Farm aid\n\nLina Marrable, who once advised the Department for Rural Affairs, now teaches "
           "law.\n", "Marrable"),
    # "retire*" in the people who have retired
    ("en", "Pension plan\n\nTreasury chief Amos Gillet called for higher benefits for retirees.\n", "Gillet"),
    # a capitalised "New" inside a sentence begins a name
    ("en", "Bids inquiry\n\nThe charges were brought by New Caledonia Attorney General Hester Brimble in "
           "May.\n", "Brimble"),
    # a player's shirt, a player's comeback, a thing's return, a change put off
    ("en", "Fly-half switch\n\nOstley's Rupert Canning took over the No 7 jersey against Fiji.\n", "Canning"),
    # a change only demanded is none
    ("en", "Cabinet rift\n\nThe union argued that the board should sack Mr Halloway before the "
           "summer.\n", "Halloway"),
    ("de", "Streit\n\nInnenminister Gerold Pfanzelt müsse zurücktreten, findet die Zeitung nach dem Fehler.\n", "Pfanzelt"),
    # a plural role word is the subject, not the person named before it
    ("en", "Budget row\n\nHouse leader Peter Hollis wants a debate; he added that ministers have resigned for "
           "less.\n", "Hollis"),
])
def test_no_change(lang: str, text: str, surname: str) -> None:
    assert rule_changes(text, lang, surname) == []


@pytest.mark.parametrize(("lang", "sentence", "word"), [
    ("en", "Goalkeeper Tim Ollard is fit for a return with the reserves on Tuesday.", "return"),
    ("en", "Striker Abel Munn returned from injury with two goals.", "returned"),
    ("en", "Fans cheer the festival return", "return"),
    ("en", "Pellow keeps her retirement on ice", "retirement"),
    ("en", "A Department of Rural Affairs spokesman declined to comment.", "Department"),
    ("en", "Sales rose before the New Year holiday.", "New"),
    ("en", "The interim coach will remain in charge until the end of the season.", "in charge"),
    ("de", "Der Senator hielt sie für eine gute Wahl.", "Wahl"),
    ("de", "Die Partei hofft auf die Wahl am 3. März.", "Wahl"),
    ("de", "Im Team wollte sie etwas zurücktreten und anderen Platz lassen.", "zurücktreten"),
    ("de", "Vom zweiten Antreten der Läuferin erwarten alle viel.", "Antreten"),
    ("de", "Die Stadt will die Kosten für das Fest übernehmen.", "übernehmen"),
    ("de", "Das Leibchen der Besten wechselte wieder die Trägerin.", "wechselte wieder"),
])
def test_trigger_words_in_another_sense(lang: str, sentence: str, word: str) -> None:
    assert word not in {sentence[h.start:h.end] for h in _hits(sentence, lexicon(lang))}


@pytest.mark.parametrize(("lang", "sentence", "word"), [
    ("en", "Harlan Drewe returned to the club as manager on Friday.", "returned"),
    ("en", "New chief executive Jane Roeburn starts today.", "New"),
    ("en", "She announced her retirement from the bank on Monday.", "retirement"),
    ("en", "He will depart at the end of the month.", "depart"),
    ("en", "Two caretakers are in charge of the club until the summer.", "in charge"),
    ("de", "Nach seiner Wahl zum Bürgermeister dankte er den Wählern.", "Wahl"),
    ("de", "Sie ist am Montag als Ministerin zurückgetreten.", "zurückgetreten"),
    ("de", "Sie wird das Amt im Mai antreten.", "antreten"),
    ("de", "Er wird den Vorsitz der Partei übernehmen.", "übernehmen"),
])
def test_trigger_words_in_their_own_sense(lang: str, sentence: str, word: str) -> None:
    assert word in {sentence[h.start:h.end] for h in _hits(sentence, lexicon(lang))}


@pytest.mark.parametrize(("lang", "text", "surname", "kind"), [
    ("en", "Shake-up\n\nFinance director Tobias Quarrington departed on Monday.\n", "Quarrington",
     EventType.DEPARTED),
    ("en", "Board change\n\nNew chief executive Jane Roeburn starts at the bank today.\n", "Roeburn",
     EventType.APPOINTED),
    ("en", "Club news\n\nThe club said Mr Ellery Stanworth would take over as chairman next month.\n",
     "Stanworth", EventType.APPOINTED),
    ("en", "Old boss back\n\nHarlan Drewe returned to the club as manager on Friday.\n", "Drewe",
     EventType.RETURNED),
    ("en", "Exit\n\nChief executive Nora Quill stepped down on Friday, the board said.\n", "Quill",
     EventType.DEPARTED),
    ("de", "Rücktritt\n\nInnenminister Gerold Pfanzelt ist am Montag zurückgetreten.\n", "Pfanzelt",
     EventType.DEPARTED),
    ("de", "Transfer\n\nTrainer Ruben Vanlier wechselt zu Eintracht Ostbad.\n", "Vanlier",
     EventType.APPOINTED),
])
def test_the_same_words_still_report_a_change(lang: str, text: str, surname: str, kind: EventType) -> None:
    assert kind in {e.type for e in rule_changes(text, lang, surname)}


def test_a_possessor_holds_the_change_not_the_speaker() -> None:
    text = ("Campaign row\n\nParty chairman Liam Foxley said Mr Camber's return would cost votes in the "
            "north.\n")
    assert rule_changes(text, "en", "Foxley") == []
    assert EventType.RETURNED in {e.type for e in rule_changes(text, "en", "Camber")}



@pytest.mark.parametrize(("lang", "name", "expected"), [
    ("de", "Ostlands Regierungschef", True),  # a country's title, no name
    ("de", "Aris Kalogeros der Opposition", True),  # a name run into the next noun
    ("en", "Ivo Pennick the chairman", True),
    ("de", "Jan Storck von OKW", True),  # a body's acronym after "von"
    ("de", "Greta von der Aue", False),
    ("de", "Karl von Ostheim", False),  # a particle before the article: part of the name
    ("de", "Rolf Amberger", False),
    ("en", "Howard Deane", False),
])
def test_names_no_person_bears(lang: str, name: str, expected: bool) -> None:
    assert not_a_person(name, lang) is expected


def test_a_name_no_person_bears_is_marked_on_every_candidate() -> None:
    """decide() reports no change of such a name, also where a pronoun or the rules alone carry it."""
    text = "Kritik\n\nJan Storck von OKW kritisierte den Plan scharf. Er ist 1997 als Direktor zurückgetreten.\n"
    p = prepare(Document(id="t", text=text, lang="de", published="2025-03-14"))
    cands = [c for c in candidates_for(annotate(p)) if "Storck" in c.holder]  # type: ignore[arg-type]
    assert cands, "no candidate for the fictional change"
    assert all(c.features.get("not_a_person") for c in cands)
