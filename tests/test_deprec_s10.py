"""Issue 8, session 10: German false reports. A country a person may not leave or comes back from is a trip, not
a post left; a relative ("der Ehemann") is no organisation; a pronoun under a role ("Als Foo-Chef trat er
zurück") means the one person named shortly before under that role, not the article's protagonist. And the
same words telling a change still are candidates. Every article here is fictional."""
from __future__ import annotations

import pytest

from succession.extract.anaphora import _pronouns
from succession.extract.pipeline import annotate, candidates_for, prepare
from succession.models import Document


def _candidates(text: str):  # type: ignore[no-untyped-def]
    p = prepare(Document(id="t", text=text, lang="de", published="2025-03-14"))
    assert not hasattr(p, "warnings"), "the fictional article was not analysed"
    return candidates_for(annotate(p))  # type: ignore[arg-type]


def changes(text: str) -> set[tuple[str, str]]:
    """(surname, kind of change) of every learned candidate of the article."""
    return {(c.holder.split()[-1], c.etype.value) for c in _candidates(text)}


@pytest.mark.parametrize(("text", "surname", "kind"), [
    # a country the person may not leave (a travel ban), a clause between
    ("Ausreisesperre\n\nEin Gericht entschied am Montag: Der frühere Präsident Ambros Kettler darf Kiribati bis "
     "auf Weiteres nicht verlassen.\n", "Kettler", "departed"),
    # a country come back from
    ("Hilfe vor Ort\n\nDas sagt Helferin Gudrun Pfisterer, die gerade aus dem Tschad zurückgekehrt ist.\n",
     "Pfisterer", "returned"),
])
def test_a_country_left_or_returned_from_is_no_change(text: str, surname: str, kind: str) -> None:
    assert (surname, kind) not in changes(text)


@pytest.mark.parametrize(("text", "surname", "kind"), [
    # the post left, a country only placing it
    ("Abschied\n\nDer Manager Kuno Breitwieser hat die Bank in Frankreich im Mai verlassen.\n", "Breitwieser",
     "departed"),
    # a country's government left: the genitive is no place
    ("Rückzug\n\nDie Ministerin Hilde Rauchenberger hat Frankreichs Regierung verlassen.\n", "Rauchenberger",
     "departed"),
])
def test_a_post_left_is_still_a_change(text: str, surname: str, kind: str) -> None:
    assert (surname, kind) in changes(text)


def test_a_relative_is_no_organisation() -> None:
    text = ("Neue Leiterin\n\nPaula Wendelin leitet künftig den Stadtball. Dass der mit ihr verheiratete Ehemann "
            "Vorstand der Fooer Symphoniker ist, sorgte für Kritik an ihrer Bestellung.\n")
    orgs = {o.name for c in _candidates(text) for o in c.orgs}
    assert "Ehemann" not in orgs


_WAHL = ("Wahl in Fooland\n\nKarl Wendt führt die Volkspartei weitere fünf Jahre. Gegen ihn trat der frühere "
         "Regierungschef Otto Brammer an, ein Mann der Wirtschaft. Er hatte viele Anhänger in der Hauptstadt. "
         "Als Regierungschef musste er 2019 nach einer Affäre zurücktreten. Wendt feierte am Abend.\n")


def test_a_pronoun_under_a_role_means_the_one_so_titled() -> None:
    text = _WAHL
    got = changes(text)
    assert ("Brammer", "departed") in got
    assert ("Wendt", "departed") not in got



def _pronoun_means(text: str, sentence_start: str) -> set[str]:
    """Whom the subject pronouns of the sentence opening with ``sentence_start`` stand for."""
    a = annotate(prepare(Document(id="t", text=text, lang="de", published="2025-03-14")))
    sm = next(sm for sm in a.sents if sm.sentence.text.startswith(sentence_start))
    return {p.text.split()[-1] for p in _pronouns(a.ctx, sm, sm.sentence.start, sm.sentence.start)}


def test_a_pronoun_is_not_someone_its_own_sentence_names() -> None:
    # the predecessor was titled with the post before, but the sentence names him as the one who left it
    text = ("Neuer Chef der Bahn\n\nKurt Lindmayer arbeitet seit 1990 bei der Foobahn. Das Nordnetz leitete er ab "
            "2001 für Foobahn-Präsident Egon Stieglitz. 2004 wurde er nach dem Abgang von Egon Stieglitz selbst zum "
            "Präsidenten der Foobahn ernannt.\n")
    assert _pronoun_means(text, "2004") == {"Lindmayer"}


def test_the_role_picks_the_pronouns_person() -> None:
    text = _WAHL
    assert _pronoun_means(text, "Als Regierungschef") == {"Brammer"}
