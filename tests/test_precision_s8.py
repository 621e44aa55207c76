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
    ("en", "Crowded field\n\nCampaign spokesman Peter Quandle said Barlow Union was joining a crowded field. "
           "Jane Orrin was appointed chief executive of Barlow Union on Monday.\n", "Quandle", "Orrin", "appointed"),
    ("de", "Bürgerwehren\n\nWalter Quastl vom Institut für Fooforschung (IFF) sagt, Bürgerwehren würden immer "
           "wieder gegründet. Jana Rieder hat 2010 die Foobar AG gegründet.\n", "Quastl", "Rieder", "founded"),
    ("de", "Gesund\n\nSollte Quint gewählt werden, wird er der gesündeste Mensch sein, der je zum Präsidenten "
           "gewählt wurde, schloss Harald Bornwig. Jana Rieder wurde zur Präsidentin der Foobar AG gewählt.\n",
     "Bornwig", "Rieder", "appointed"),
    # German: the subject of the main clause after the comma
    ("de", "Vorsitz\n\nDie Fooländer übernehmen am 1. Juli die Präsidentschaft im Rat, Premier Hans Quastl "
           "fürchtet Streit. Jana Rieder übernimmt den Vorsitz der Barpartei.\n", "Quastl", "Rieder", "appointed"),
    # the speaker after "as", and a change demanded
    ("en", "Ads\n\nThe ad men have not been sacked but, as election chief Alan Quill declared, are doing well. "
           "Jane Orrin, who was sacked as chief executive of Foo Holdings in May, spoke.\n", "Quill", "Orrin",
     "dismissed"),
    ("de", "Forderung\n\nDie Soldaten hatten den Rücktritt von Hans Quastl gefordert. Jana Rieder "
           "ist als Präsidentin der Foobar AG zurückgetreten.\n", "Quastl", "Rieder", "departed"),
    # a change only tried or wished
    ("en", "Party row\n\nMr John Quill lost the vote after an unsuccessful bid to take over as leader. "
           "Jane Orrin was elected leader of the Foo Party.\n", "Quill", "Orrin", "appointed"),
    ("en", "Retirement\n\nMr Quill said: \"I deserve to retire as chairman of Foo Holdings.\" Jane Orrin "
           "retired as chief executive of Foo Holdings in May.\n", "Quill", "Orrin", "departed"),
    # a founding that a possessive names as the thing founded
    ("de", "Bewegung\n\nHans Quastl leitet die Foo-Bewegung. Bei ihrer Gründung hat die Foo-Bewegung auf "
           "Protest gesetzt. Jana Rieder hat die Barpartei gegründet.\n", "Quastl", "Rieder", "founded"),
    # a thing's change in the genitive
    ("de", "Euro\n\nDer Finanzminister Hans Quastl schließt ein Ausscheiden Fooslands aus der Eurozone nicht "
           "aus. Jana Rieder ist als Finanzministerin zurückgetreten.\n", "Quastl", "Rieder", "departed"),
    # an unnamed object before a German infinitive
    ("de", "Versprechen\n\nHans Quastl blieb beim Versprechen, die Regierung zu entlassen. Die Foobar AG hat "
           "den Vorstand Jana Rieder entlassen.\n", "Quastl", "Rieder", "dismissed"),
    # "Berufung" as an appeal
    ("de", "Urteil\n\nFoo-Chefin Jana Quastl kündigte Berufung an: Wir werden das prüfen. Der Aufsichtsrat "
           "beschloss die Berufung von Hans Rieder zum Finanzvorstand der Foobar AG.\n", "Quastl", "Rieder",
     "appointed"),
    # "abgetreten" as ceded
    ("de", "Souveränität\n\nDer frühere Präsident Hans Quastl sagte einmal, sein Land habe die Souveränität an "
           "Foostadt abgetreten. Jana Rieder ist als Präsidentin der Foobar AG abgetreten.\n", "Quastl",
     "Rieder", "departed"),
    # "in charge of" describing a post held
    ("en", "Mobile TV\n\nDr Amos Quill, vice president and research fellow in charge of mobile TV at Foo "
           "Electronics, spoke at the fair. Jane Orrin was put in charge of Foo Electronics in May.\n",
     "Quill", "Orrin", "appointed"),
    # a seat in a parliament (optional by the annotation policy)
    ("en", "Seat\n\nSir Peter was replaced as the member for Fooshire by Amos Quill in 1997. Jane Orrin was "
           "appointed chief executive of Foo Holdings.\n", "Quill", "Orrin", "appointed"),
    ("de", "Mandat\n\nHans Lindl soll sein Mandat 2027 an Peter Quastl übergeben. Jana Rieder übernimmt den "
           "Vorsitz der Barpartei.\n", "Quastl", "Rieder", "appointed"),
    # a change only weighed
    ("de", "Damals\n\nDer damalige Präsident Hans Quastl hatte seinen Rücktritt erwogen. Jana Rieder ist als "
           "Präsidentin der Foobar AG zurückgetreten.\n", "Quastl", "Rieder", "departed"),
    ("en", "Retirement\n\nChairman Amos Quill had been considering retirement later in the year. Jane Orrin "
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
    text = "Der Nachfolger des Open-World-Spiels Zephyr Quest kommt. Die Foo AG wurde übernommen.Hans Quastl lobte."
    p = prepare(Document(id="t", text=text, lang="de"))
    a = annotate(p)  # type: ignore[arg-type]
    cut = NameMention(text.index("Spiels"), text.index(" kommt"), "Spiels Zephyr Quest", "person")
    glued = NameMention(text.index("Hans"), text.index(" lobte"), "Hans Quastl", "person")
    whole = NameMention(text.index("Zephyr"), text.index(" kommt"), "Zephyr Quest", "person")
    trig = text.index("Nachfolger")
    assert not_holders(a.ctx, [cut, whole], trig, trig + 10) == [whole]
    took = text.index("übernommen")
    assert not_holders(a.ctx, [glued], took, took + 10) == []


def test_acronym_run_into_a_word_is_no_person() -> None:
    assert not_a_person("FOObank", "en")
    assert not not_a_person("McQuill", "en")
