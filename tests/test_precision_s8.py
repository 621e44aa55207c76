"""Issue 8, session 8: precision on changes that are not there. Each fictional article holds a false change the
rules used to report (the one who speaks, the subject of another clause, a name cut from a compound, a change
only wished or tried, a founding a possessive names as the thing founded, a thing's change in the genitive,
other senses of "Berufung", "abgetreten", "in charge", a seat in a parliament, a change only weighed) beside a
true change that must stay. Every article here is fictional."""
from __future__ import annotations

import pytest

from succession.extract.holders import not_a_person
from succession.extract.mentions import NameMention
from succession.extract.notholders import not_holders
from succession.extract.pipeline import annotate, prepare
from succession.models import Document, EventType

MOVES = (EventType.DEPARTED, EventType.RETURNED, EventType.APPOINTED, EventType.DISMISSED, EventType.FOUNDED,
         EventType.REASSIGNED, EventType.LEAVE)


def rule_changes(text: str, lang: str) -> dict[str, set[str]]:
    """The rules' changes of an article: surname -> kinds of change."""
    p = prepare(Document(id="t", text=text, lang=lang, published="2025-03-14"))
    assert not hasattr(p, "warnings"), "the fictional article was not analysed"
    out: dict[str, set[str]] = {}
    for e in annotate(p).rule_events:  # type: ignore[arg-type]
        if e.type in MOVES:
            out.setdefault(e.holder.split()[-1], set()).add(e.type.value)
    return out


# (language, article, the surname with no change, the surname whose change stays, its kind)
CASES = [
    # the one who speaks is not the one joining
    ("en", "New league\n\nClub secretary Peter Quandle said Barlow Union was joining the county league next spring. "
           "Jane Orrin was appointed chief executive of Barlow Union on Monday.\n", "Quandle", "Orrin", "appointed"),
    ("de", "Lesekreise\n\nWalter Quastl von der Fooakademie (FA) sagt, Lesekreise würden in vielen Dörfern "
           "neu gegründet. Jana Rieder hat 2010 die Foobar AG gegründet.\n", "Quastl", "Rieder", "founded"),
    ("de", "Jung\n\nGewinnt Quint die Wahl, dann ist er der jüngste Kandidat, der in Talbrück zum Bürgermeister "
           "gewählt wurde, schloss Harald Bornwig. Jana Rieder wurde zur Präsidentin der Foobar AG gewählt.\n",
     "Bornwig", "Rieder", "appointed"),
    # German: the subject of the main clause after the comma
    ("de", "Vorsitz\n\nDie Barpartei übernimmt im Herbst den Vorsitz im Ausschuss, Parteichef Hans Quastl "
           "erwartet lange Sitzungen. Jana Rieder übernimmt den Vorsitz der Barpartei.\n", "Quastl", "Rieder", "appointed"),
    # the speaker after "as", and a change demanded
    ("en", "Ushers\n\nThe ushers were never dismissed but, as theatre chief Alan Quill said, are on a break. "
           "Jane Orrin, who was sacked as chief executive of Foo Holdings in May, spoke.\n", "Quill", "Orrin",
     "dismissed"),
    ("de", "Forderung\n\nDie Fans haben am Samstag den Rücktritt von Hans Quastl gefordert. Jana Rieder "
           "ist als Präsidentin der Foobar AG zurückgetreten.\n", "Quastl", "Rieder", "departed"),
    # a change only tried or wished
    ("en", "Party row\n\nMr John Quill made a vain bid to take over as club captain in the spring. "
           "Jane Orrin was elected leader of the Foo Party.\n", "Quill", "Orrin", "appointed"),
    ("en", "Retirement\n\nMr Quill said: \"One day I want to retire as chairman of Foo Holdings.\" Jane Orrin "
           "retired as chief executive of Foo Holdings in May.\n", "Quill", "Orrin", "departed"),
    # a founding that a possessive names as the thing founded
    ("de", "Bewegung\n\nHans Quastl leitet die Foo-Bewegung. Seit ihrer Gründung hat die Foo-Bewegung viele "
           "Mitglieder verloren. Jana Rieder hat die Barpartei gegründet.\n", "Quastl", "Rieder", "founded"),
    # a thing's change in the genitive
    ("de", "Städtebund\n\nDer Finanzminister Hans Quastl hält ein Ausscheiden Barstadts aus dem Städtebund für "
           "möglich. Jana Rieder ist als Finanzministerin zurückgetreten.\n", "Quastl", "Rieder", "departed"),
    # an unnamed object before a German infinitive
    ("de", "Drohung\n\nHans Quastl hielt am Plan fest, die Regierung zu entlassen. Die Foobar AG hat "
           "den Vorstand Jana Rieder entlassen.\n", "Quastl", "Rieder", "dismissed"),
    # "Berufung" as an appeal
    ("de", "Urteil\n\nNach dem Urteil kündigte Foo-Anwältin Jana Quastl Berufung an: Das Gericht irre. Der Aufsichtsrat "
           "beschloss die Berufung von Hans Rieder zum Finanzvorstand der Foobar AG.\n", "Quastl", "Rieder",
     "appointed"),
    # "abgetreten" as ceded
    ("de", "Ufer\n\nDer Bürgermeister Hans Quastl erinnerte daran, dass die Gemeinde das Grundstück am Ufer an "
           "Foostadt abgetreten hat. Jana Rieder ist als Präsidentin der Foobar AG abgetreten.\n", "Quastl",
     "Rieder", "departed"),
    # "in charge of" describing a post held
    ("en", "Boilers\n\nDr Amos Quill, the engineer in charge of boiler design at Foo "
           "Electronics, gave a talk at the fair. Jane Orrin was put in charge of Foo Electronics in May.\n",
     "Quill", "Orrin", "appointed"),
    # a seat in a parliament (optional by the annotation policy)
    ("en", "Seat\n\nIn 2009 Amos Quill succeeded Sir Peter Dunn as the member for Fooshire. Jane Orrin was "
           "appointed chief executive of Foo Holdings.\n", "Quill", "Orrin", "appointed"),
    ("de", "Mandat\n\nHans Lindl soll sein Mandat 2027 an Peter Quastl übergeben. Jana Rieder übernimmt den "
           "Vorsitz der Barpartei.\n", "Quastl", "Rieder", "appointed"),
    # a change only weighed
    ("de", "Damals\n\nDer Präsident Hans Quastl hat im Winter einen Rücktritt erwogen. Jana Rieder ist als "
           "Präsidentin der Foobar AG zurückgetreten.\n", "Quastl", "Rieder", "departed"),
    ("en", "Retirement\n\nChairman Amos Quill is said to be considering retirement after the summer. Jane Orrin "
           "resigned as chief executive of Foo Holdings.\n", "Quill", "Orrin", "departed"),
]


@pytest.mark.parametrize(("lang", "text", "false", "true", "kind"), CASES)
def test_false_change_held_back_true_one_kept(lang: str, text: str, false: str, true: str, kind: str) -> None:
    changes = rule_changes(text, lang)
    assert false not in changes, changes
    assert kind in changes.get(true, set()), changes


def test_a_speakers_own_change_in_a_pronoun_stays() -> None:
    changes = rule_changes("Exit\n\nChairman Amos Quill said he would resign as chairman of Foo Holdings in "
                           "May.\n", "en")
    assert "departed" in changes.get("Quill", set()), changes


def test_a_name_cut_from_a_compound_or_beyond_a_glued_stop_is_no_holder() -> None:
    text = "Der Nachfolger des Open-World-Spiels Zephyr Quest erscheint bald. Die Foo AG wurde übernommen.Hans Quastl lobte."
    p = prepare(Document(id="t", text=text, lang="de"))
    a = annotate(p)  # type: ignore[arg-type]
    cut = NameMention(text.index("Spiels"), text.index(" erscheint"), "Spiels Zephyr Quest", "person")
    glued = NameMention(text.index("Hans"), text.index(" lobte"), "Hans Quastl", "person")
    whole = NameMention(text.index("Zephyr"), text.index(" erscheint"), "Zephyr Quest", "person")
    trig = text.index("Nachfolger")
    assert not_holders(a.ctx, [cut, whole], trig, trig + 10) == [whole]
    took = text.index("übernommen")
    assert not_holders(a.ctx, [glued], took, took + 10) == []


def test_acronym_run_into_a_word_is_no_person() -> None:
    assert not_a_person("FOObank", "en")
    assert not not_a_person("McQuill", "en")
