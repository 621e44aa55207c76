"""German post nouns, session 10 (fictional sentences): a party chair told as the office, the office of a head
of government written as a compound of a generic office word, church offices, sport posts and "-chef" compounds of public bodies all name a post, so a candidate beside them has a role."""
from __future__ import annotations

import pytest

from succession.extract.lexicon import lexicon
from succession.extract.rolewords import role_mentions
from succession.extract.titles import written_titles
from succession.models import Document, Event, EventType, MentionKind, Modality, Span


def _roles(sentence: str) -> list[tuple[str, str]]:
    return [(r.text, r.role) for r in role_mentions(Span(0, len(sentence), sentence), lexicon("de"))]


@pytest.mark.parametrize(("sentence", "word", "role"), [
    ("Greta Wollin übernimmt im Frühjahr den Parteivorsitz der Kleeblattpartei.", "Parteivorsitz", "party leader"),
    ("Der Landesparteiobmann Udo Birkner gab überraschend auf.", "Landesparteiobmann", "party leader"),
    ("Die Fraktionschefin Lene Sturm wurde abgewählt.", "Fraktionschefin", "party leader"),
    ("Sein Vize Ole Harms soll das Regierungsamt einstweilen führen.", "Regierungsamt", "prime minister"),
    ("Die Äbtissin Maren Lind legt nach zwölf Jahren ihr Amt nieder.", "Äbtissin", "abbot"),
    ("Zum neuen Abt des Klosters wählten die Mönche Pater Ansgar Rehm.", "Abt", "abbot"),
    ("Pfarrerin Anke Holm wechselt in die Gemeinde Seedorf.", "Pfarrerin", "pastor"),
    ("Die Landesbischöfin Ute Marten geht in den Ruhestand.", "Landesbischöfin", "bishop"),
    ("Kilian Fink wird neuer Sportvorstand beim FC Tannwald.", "Sportvorstand", "sporting director"),
    ("Teamchef Jonas Brede verlängert nicht.", "Teamchef", "coach"),
    ("Der Polizeichef Hinrich Moor wurde abgesetzt.", "Polizeichef", "police chief"),
])
def test_german_post_nouns_have_their_role(sentence: str, word: str, role: str) -> None:
    assert (word, role) in _roles(sentence)


def test_an_office_noun_is_no_title() -> None:
    # "das Regierungsamt" names the post, not its holder's title: the canonical role stays
    sentence = "Ole Harms übernimmt das Regierungsamt."
    at = sentence.index("übernimmt")
    event = Event(doc_id="t", type=EventType.APPOINTED, holder="Ole Harms", holder_kind=MentionKind.PERSON,
                  role="prime minister", org=None, date=None, modality=Modality.ASSERTED,
                  evidence=Span(0, len(sentence), sentence), trigger=Span(at, at + 9, "übernimmt"))
    assert written_titles([event], "de")[0].role == "prime minister"


def test_a_party_chair_taken_over_is_a_change_with_a_role() -> None:
    from succession.extract.pipeline import analyse
    text = ("Neue Spitze bei der Kleeblattpartei\n\nGreta Wollin hat am Samstag den Parteivorsitz der "
            "Kleeblattpartei übernommen. Die Delegierten wählten sie mit großer Mehrheit.")
    doc = Document(id="t-de-1", text=text, lang="de")
    events = [e for e in analyse(doc).events if e.holder and "Wollin" in e.holder]
    assert any(e.role for e in events)
