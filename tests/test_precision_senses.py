"""Issue 8, session 6: precision. Other senses of the trigger words shown by the words right around them, and
holders the trigger does not have: the one acting on an unnamed object, the reporter of a passive founding, a
person beside a change noun whose own holder is a common noun. The same words with a post still are
changes. Every article here is fictional."""
from __future__ import annotations

import pytest

from succession.extract.pipeline import Annotated, annotate, prepare
from succession.models import Document, EventType

MOVES = (EventType.DEPARTED, EventType.RETURNED, EventType.APPOINTED, EventType.DISMISSED, EventType.FOUNDED,
         EventType.REASSIGNED)


def annotated(text: str, lang: str) -> Annotated:
    p = prepare(Document(id="t", text=text, lang=lang, published="2025-03-14"))
    assert not hasattr(p, "warnings"), "the fictional article was not analysed"
    return annotate(p)  # type: ignore[arg-type]


def rule_changes(text: str, lang: str, surname: str) -> list:
    """The rules' changes of one person (the learned candidates then need the model's own threshold)."""
    return [e for e in annotated(text, lang).rule_events if e.holder.split()[-1] == surname and e.type in MOVES]


@pytest.mark.parametrize(("lang", "text", "surname"), [
    # a thing left behind, in the passive
    ("en", "Palace row\n\nHome Secretary Willa Dunmore said the dispute would be left to the courts.\n", "Dunmore"),
    # the noun modifying another noun; talk of a change
    ("en", "Savings warning\n\nCentral bank chief Orrin Caskell said savers had planned too little for their "
           "retirement age.\n", "Caskell"),
    ("en", "Skipper carries on\n\nClub captain and chairman Jonah Treadwell says talk of retirement is premature.\n",
     "Treadwell"),
    # the copula with an adjective
    ("en", "Stadium plan\n\nChairman Ivo Pennick says the club has become increasingly "
           "worried about the cost of the new stand.\n", "Pennick"),
    # a death told first
    ("en", "Family feud\n\nThe firm has been divided since its founder and chairman Amos Vellacott died last spring, "
           "leaving two rival heirs.\n", "Vellacott"),
    # the first part of a compound
    ("de", "Niederlage\n\nDer frühere Präsident des Tennisclubs, Ralf Oberwinkler, plant ein Comeback-Konzert in "
           "Ostbad.\n", "Oberwinkler"),
    # "ausgeschieden" in the passive: a court separating a case
    ("de", "Prozess vertagt\n\nDas Verfahren gegen den früheren Vorstand Gero Lindquist wurde ausgeschieden.\n",
     "Lindquist"),
    # a separable verb's particle is a preposition when an object follows it
    ("de", "Neuer Studiengang\n\nLaut Rektorin Hanna Brevik gibt es viele Bewerbungen, die ab Oktober "
           "bearbeitet werden.\n", "Brevik"),
    # "Nachfolger*" does not match the compounds of "Nachfolge-"
    ("de", "Debatte\n\nParteichef Lorenz Aigenhuber verlangte eine Nachfolgeregelung bis "
           "Mai.\n", "Aigenhuber"),
])
def test_another_sense_is_no_change(lang: str, text: str, surname: str) -> None:
    assert rule_changes(text, lang, surname) == []


@pytest.mark.parametrize(("lang", "text", "surname", "kind"), [
    ("en", "Shake-up\n\nFinance director Tobias Quarrington left the company on Monday.\n", "Quarrington",
     EventType.DEPARTED),
    ("en", "Veteran goes\n\nChairman Jonah Treadwell announced his retirement from the board on Monday.\n",
     "Treadwell", EventType.DEPARTED),
    ("en", "New chief\n\nIvo Pennick became chief executive of Hollin Foods in May.\n", "Pennick", EventType.APPOINTED),
    ("de", "Abschied\n\nVorstand Gero Lindquist ist im Mai aus dem Vorstand der Fooburger Bank ausgeschieden.\n",
     "Lindquist", EventType.DEPARTED),
    ("de", "Rückzug\n\nRektorin Hanna Brevik gibt ihr Amt an der Universität Ostbad ab.\n", "Brevik", EventType.DEPARTED),
])
def test_the_same_words_with_a_post_still_report_a_change(lang: str, text: str, surname: str, kind: EventType) -> None:
    assert [e.type for e in rule_changes(text, lang, surname)] == [kind]


@pytest.mark.parametrize(("lang", "text", "surname"), [
    # the one acting on an unnamed object
    ("en", "Judges\n\nLord Quillan said the minister could hardly appoint a new registrar without the "
           "council's consent.\n", "Quillan"),
    ("en", "Row in the party\n\nParty chairman Ben Arkwright said it was wrong to fire someone over one "
           "speech.\n", "Arkwright"),
    ("en", "Blogger sues\n\nFormer chief steward Nell Ostrava said on Monday that she had hired a lawyer.\n", "Ostrava"),
    # the reporter of a passive founding
    ("de", "Vereine\n\nDer Soziologe Walter Kurzbein vom Institut für Stadtforschung sagt, in der Region wurden "
           "zuletzt viele Nachbarschaftsvereine gegründet.\n", "Kurzbein"),
    # a change noun with a common noun of its own as holder
    ("en", "By-election\n\nParty leader Owen Barrowby said he regretted the councillor's resignation.\n",
     "Barrowby"),
])
def test_someone_else_holds_the_change(lang: str, text: str, surname: str) -> None:
    assert rule_changes(text, lang, surname) == []


@pytest.mark.parametrize(("lang", "text", "surname", "kind"), [
    ("en", "New chair\n\nThe board appointed the former minister Ada Quist as chair on Monday.\n", "Quist",
     EventType.APPOINTED),
    ("en", "Envoy\n\nMr Fenwick's appointment of Clara Osgood as ambassador drew criticism.\n", "Osgood",
     EventType.APPOINTED),
    ("de", "Vereinsgeschichte\n\nDer Verein Fooburger Ruderer wurde 1990 von Anna Pfeilsticker gegründet.\n",
     "Pfeilsticker", EventType.FOUNDED),
])
def test_the_holder_the_trigger_has_is_kept(lang: str, text: str, surname: str, kind: EventType) -> None:
    assert kind in [e.type for e in rule_changes(text, lang, surname)]


def test_a_name_stays_on_its_line() -> None:
    """A headline's name and the next paragraph's first word are no person ("Portrait: Foo Bar\\n\\nUntil ...")."""
    text = ("Portrait: Daniel Tolliver\n\nUntil he resigned as chief executive of Hollin Foods on Monday, Daniel "
            "Tolliver had run the firm for a decade.\n")
    holders = {e.holder for e in annotated(text, "en").rule_events}
    assert holders == {"Daniel Tolliver"}


@pytest.mark.parametrize(("lang", "text", "surname"), [
    # the one asking is not the one asked to go
    ("en", "Assembly row\n\nParty chairman Lena Mossgrove asked the two councillors to resign on "
           "Monday.\n", "Mossgrove"),
    # a person named behind a subordinating word is the subject of another clause
    ("en", "Adviser goes\n\nIts auditor, Hollin Partners, resigned in May when chairman Owen Dray sold the "
           "firm.\n", "Dray"),
    # a chance set up, a contestant voted off a show
    ("en", "Cup tie\n\nClub director and winger Toby Marrick set up chances all afternoon.\n",
     "Marrick"),
    ("en", "Reality show\n\nFormer club chairman Rhoda Vance has been voted off the Channel Nine "
           "show.\n", "Vance"),
    # another verb with a particle at the end of its clause, a new thing, a former post
    ("de", "Vor der Wahl\n\nIm Wahlkampf holt die Ministerin Greta Feldhaus eine alte Affäre ein.\n", "Feldhaus"),
    ("de", "Neue Sendung\n\nPräsentiert wird die neue Sendung von der Journalistin und Vorsitzenden Petra Lindholm.\n",
     "Lindholm"),
    ("de", "Buch\n\nBekannt wurde die ehemalige Präsidentin des Landesgerichts, Ilse Varga, durch ein Buch über "
           "Gerichte.\n", "Varga"),
])
def test_no_change_of_the_one_named(lang: str, text: str, surname: str) -> None:
    assert rule_changes(text, lang, surname) == []


@pytest.mark.parametrize(("lang", "text", "surname", "other"), [
    # a name inside a closed relative clause is not what a later pronoun means
    ("en", "New manager\n\nArlo Pemberton, who met Nils Garrow in May, has had no job since he "
           "was sacked by Eastmoor Rovers last year.\n", "Pemberton", "Garrow"),
    # a verb coordinated with the sentence's first one has its subject
    ("en", "Profile: Edwin Marlowe\n\nEdwin Marlowe led the Reform Party for nine years. He lost the spring vote "
           "to Victor Hale, and resigned as party leader.\n", "Marlowe", "Hale"),
])
def test_the_pronoun_or_subject_is_the_holder(lang: str, text: str, surname: str, other: str) -> None:
    assert rule_changes(text, lang, surname)
    assert rule_changes(text, lang, other) == []


@pytest.mark.parametrize(("lang", "text", "surname"), [
    ("de", "Neuer Trainer\n\nJan Brock wird der neue Trainer des FC Ostbad.\n", "Brock"),
    ("de", "Neuer Trainer\n\nDer FC Ostbad holt den Trainer Jan Brock aus Westhafen.\n", "Brock"),
    ("en", "Sacked\n\nThe board asked chief executive Mina Coll to resign on Monday.\n", "Coll"),
])
def test_the_holder_is_still_found(lang: str, text: str, surname: str) -> None:
    assert rule_changes(text, lang, surname)


@pytest.mark.parametrize(("lang", "text", "surname"), [
    # a person moved to a prison, a state one is put into: no post
    ("en", "Court ruling\n\nThe label's founder Marcus Fennel will be transferred to a prison in the north "
           "next week.\n", "Fennel"),
    ("de", "Angst im Viertel\n\nDie Anrainer werden durch die Gruppe des Vorsitzenden Ferdl Rabensteiner in "
           "Aufregung versetzt.\n", "Rabensteiner"),
])
def test_a_place_or_a_state_is_no_post(lang: str, text: str, surname: str) -> None:
    assert rule_changes(text, lang, surname) == []


def test_a_possessive_alone_stands_for_nobody() -> None:
    """Someone named before stands in for a subject pronoun or a definite post, not for a possessive."""
    text = ("Wahl im Stadtrat\n\nDie Fraktionschefin Marta Kessel führt die stärkste Liste. Mit ihren Stimmen allein "
            "wird im Stadtrat kein Bürgermeister gewählt.\n")
    assert rule_changes(text, "de", "Kessel") == []
    text = ("Krise in Nordmark\n\nRegierungschef Thomas Lundqvist steht unter Druck. Am Dienstag ist der Regierungschef "
            "zurückgetreten, teilte sein Büro mit.\n")
    assert EventType.DEPARTED in [e.type for e in rule_changes(text, "de", "Lundqvist")]


@pytest.mark.parametrize(("lang", "text", "surname"), [
    # a demand with its own subject, a threat, an unnamed group that left, a part played
    ("en", "Pressure mounts\n\nChairman Bertram Lisk faces pressure. Former aide Ivy Dorran renewed her calls for him "
           "to resign on Friday.\n", "Dorran"),
    ("en", "Comeback\n\nDefender and club director Roy Pellow was threatened with dismissal twice.\n",
     "Pellow"),
    ("en", "New party\n\nParty chairman Ada Brill said the new group would copy the club the two have left.\n",
     "Brill"),
    ("de", "Außenpolitik\n\nKanzler Ewald Hintermayr sagte, Österreich müsse eine führende Rolle einnehmen.\n",
     "Hintermayr"),
])
def test_a_demand_a_threat_or_a_part_played_is_no_change(lang: str, text: str, surname: str) -> None:
    assert rule_changes(text, lang, surname) == []


def test_a_bare_start_at_an_organisation_its_sentence_names_is_no_repeat_of_a_return() -> None:
    """A bare start folds into the same person's kept start as a repeat at a fallback organisation, but not into
    a change of another type when its own sentence names where it happens ("offered a post at Bar")."""
    from dataclasses import replace

    from succession.learned import EventModel, LinearModel, decide
    from succession.learned.candidates import Candidate, OrgOption
    from succession.models import MentionKind, Modality, Span

    text = ("Chief back\n\nJana Roe returned as chief executive of Foo Labs. Before that Jana Roe was offered a post at "
            "Bar Systems.\n")

    def cand(trigger: str, org: str, role: str | None, etype: EventType, bias: float) -> Candidate:
        at = text.index(trigger)
        start = text.rfind(". ", 0, at) + 2 if ". " in text[:at] else text.index("\n\n") + 2
        end = text.index(".", at) + 1
        return Candidate(holder="Jana Roe", holder_kind=MentionKind.PERSON, etype=etype,
                         sentence=Span(start, end, text[start:end]), trigger=Span(at, at + len(trigger), trigger),
                         role=role, modality=Modality.ASSERTED, date=None, date_text=None, rule="test",
                         features={"bias": bias}, orgs=(OrgOption(org, {"rank": 1.0}),))

    model = EventModel(LinearModel({"bias": 1.0}, 0.0), LinearModel({"rank": 1.0}, 0.0), 0.15, {}, 0.6,
                       threshold_bare=0.25)
    back = cand("returned", "Foo Labs", "CEO", EventType.RETURNED, 3.0)
    offered = cand("offered", "Bar Systems", None, EventType.APPOINTED, 2.0)
    assert {(e.type, e.org) for e in decide("t", [back, offered], model)} == {
        (EventType.RETURNED, "Foo Labs"), (EventType.APPOINTED, "Bar Systems")}
    # the same bare start beside an appointment (same type) is still a repeat
    named = replace(back, etype=EventType.APPOINTED)
    assert [(e.type, e.org) for e in decide("t", [named, offered], model)] == [(EventType.APPOINTED, "Foo Labs")]
