"""Issue 8, session 8 (second round): German precision. Other senses of trigger words that no learned candidate
may read as a change (a thing handed over in the passive, "sich berufen auf", a return from a journey, anyone
ever elected, a resignation demanded with a long name between, responsibility taken on far from the verb), and
the same words telling a change still are candidates. Every article here is fictional."""
from __future__ import annotations

import pytest

from succession.extract.pipeline import annotate, candidates_for, prepare
from succession.models import Document


def changes(text: str, lang: str = "de") -> set[tuple[str, str]]:
    """(surname, kind of change) of every learned candidate of the article."""
    p = prepare(Document(id="t", text=text, lang=lang, published="2025-03-14"))
    assert not hasattr(p, "warnings"), "the fictional article was not analysed"
    return {(c.holder.split()[-1], c.etype.value) for c in candidates_for(annotate(p))}  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "surname", "kind"), [
    # a thing handed over in the passive
    ("Akten weitergereicht\n\nLaut Staatsanwalt Egon Marbacher wurden die Unterlagen der Finanzbehörde "
     "übergeben.\n", "Marbacher", "appointed"),
    ("Gedenktafel\n\nDie Tafeln zur Erinnerung an Irma Kolbeck wurden gestern feierlich übergeben.\n",
     "Kolbeck", "appointed"),
    # "sich berufen auf": citing someone
    ("Vorbilder\n\nIn ihrer Arbeit beruft sich Vera Strohmaier gern auf Ludwig Amsel.\n", "Strohmaier", "appointed"),
    # a return from a journey or a holiday
    ("Akten\n\nLaut Amtsleiterin war Bürgermeister Kurt Weißenbach zu dieser Zeit auf einer Reise, seit seiner "
     "Rückkehr prüft er die Akten.\n", "Weißenbach", "returned"),
    # anyone ever elected
    ("Rekord\n\nLaut Verband wäre Otto Brandlhuber der älteste Kapitän, der jemals zum Obmann des Klubs "
     "gewählt wurde.\n", "Brandlhuber", "appointed"),
    # a resignation demanded, the name of the one meant between the noun and the verb
    ("Protest\n\nMehrere Ortsgruppen haben am Montag den Rücktritt von Obmann Ulrich Feldhammer-Rossberg "
     "gefordert.\n", "Feldhammer-Rossberg", "departed"),
    # responsibility taken on, the noun far before the verb
    ("Appell\n\nPräsident Arno Vielhauer rief die Studierenden auf, mehr Verantwortung für den Schutz der "
     "heimischen Wälder und Flüsse zu übernehmen.\n", "Vielhauer", "appointed"),
])
def test_other_senses_are_no_candidates(text: str, surname: str, kind: str) -> None:
    assert (surname, kind) not in changes(text)


@pytest.mark.parametrize(("text", "surname", "kind"), [
    # a post handed on to someone, in the active
    ("Wechsel im Vorstand\n\nDer Gründer wird den Vorsitz im Mai an Ilse Grunwald übergeben.\n", "Grunwald",
     "appointed"),
    # a call to a post
    ("Neue Ministerin\n\nDer Kanzler beruft Hedwig Sallinger in die Regierung.\n", "Sallinger", "appointed"),
    # a return to a post
    ("Comeback\n\nNach zwei Jahren ist Trainer Bodo Reischl zum SV Almtal zurückgekehrt.\n", "Reischl", "returned"),
    # an election made
    ("Neuer Präsident\n\nOtto Brandlhuber wurde am Sonntag zum Präsidenten des Vereins gewählt.\n", "Brandlhuber",
     "appointed"),
    # a resignation made
    ("Abschied\n\nDer Kommandant Ulrich Feldhammer hat seinen Rücktritt erklärt.\n", "Feldhammer", "departed"),
])
def test_the_same_words_telling_a_change_stay_candidates(text: str, surname: str, kind: str) -> None:
    assert (surname, kind) in changes(text)
