"""Issue 8, precision: other senses of the triggers are no change of post. Leaving or reaching a place, a
building or a trip ("returned home", "left the meeting", "ihre Häuser verlassen", "Rückkehr nach Foostadt",
"aus der Haft entlassen") is not leaving or returning to a post, and a player leaving a contest or a sport
("retired from athletics", "im Doppel ausgeschieden") is no departure (players hold no post, the annotation
policy says); the same verbs with a post still are changes. Every article here is fictional."""
from __future__ import annotations

import pytest

from succession.extract.pipeline import Annotated, annotate, candidates_for, prepare
from succession.models import Document, EventType

MOVES = (EventType.DEPARTED, EventType.RETURNED, EventType.APPOINTED, EventType.DISMISSED)


def annotated(text: str, lang: str) -> Annotated:
    p = prepare(Document(id="t", text=text, lang=lang, published="2025-03-14"))
    assert not hasattr(p, "warnings"), "the fictional article was not analysed"
    return annotate(p)  # type: ignore[arg-type]


def changes_of(text: str, lang: str, surname: str) -> tuple[list, list]:
    """The rules' changes and the learned candidates for one person."""
    a = annotated(text, lang)
    rules = [e for e in a.rule_events if e.holder.split()[-1] == surname and e.type in MOVES]
    cands = [c for c in candidates_for(a) if c.holder.split()[-1] == surname and c.etype in MOVES]
    return rules, cands


@pytest.mark.parametrize(("lang", "text", "surname"), [
    ("en", "Mayor's trip ends\n\nMayor Carla Brindwell of Eastmoor returned home from a trade trip on Monday, "
           "her office said.\n", "Brindwell"),
    ("en", "Budget talks stall\n\nFinance chief Tobias Quarrington left the meeting early on Tuesday after "
           "the vote was delayed.\n", "Quarrington"),
    ("en", "Film review\n\nThe chairman of the studio, Ned Folliwell, plays a baker who moves to a big city.\n",
     "Folliwell"),
    ("de", "Hochwasser in Ostrellingen\n\nBürgermeisterin Katrin Wendholz riet den Menschen, ihre Häuser nicht "
           "zu verlassen.\n", "Wendholz"),
    ("de", "Reise beendet\n\nNach seiner Rückkehr nach Südmarken sagte der Vorstandschef Jonas Hallerbach, die "
           "Gespräche seien gut verlaufen.\n", "Hallerbach"),
    ("de", "Protest in Nordhafen\n\nDer Kommandant Lukas Berngruber bewegte die Soldaten zur Rückkehr in ihre "
           "Kasernen.\n", "Berngruber"),
    ("de", "Urteil in Westhafen\n\nDer frühere Bürgermeister Anton Kreuzberger wurde am Montag aus der Haft "
           "entlassen.\n", "Kreuzberger"),
    ("en", "Sprinter calls it a day\n\nFormer European champion Dora Pellingham is to retire from athletics after "
           "a string of injuries.\n", "Pellingham"),
    ("en", "Harbour Cup blow\n\nTomas Ferrington has retired from Eastmoor's Harbour Cup team to focus on the tour.\n",
     "Ferrington"),
    ("de", "Aus in Ostbad\n\nDer Wiener Felix Hornbacher und der Brasilianer Davi Souzena sind im Doppel "
           "ausgeschieden.\n", "Hornbacher"),
    ("en", "Party conference\n\nParty leader Nora Kestleton began returning her party to the centre ground in "
           "May.\n", "Kestleton"),
    ("en", "Detainees freed\n\nForeign minister Owen Tallbridge welcomed the return of the four detainees on "
           "Tuesday.\n", "Tallbridge"),
    ("en", "Coalition talks\n\nThe Liberals offered support to Prime Minister Hugo Fennimore in return for "
           "electoral reform.\n", "Fennimore"),
    ("de", "Comeback verloren\n\nNeun Jahre nach seinem Rücktritt von der Profi-Tennis-Tour hat Marek Dolinsky in Ostbad "
           "sein erstes Spiel verloren.\n", "Dolinsky"),
])
def test_a_place_left_or_reached_is_no_change(lang: str, text: str, surname: str) -> None:
    rules, cands = changes_of(text, lang, surname)
    assert not rules, rules
    assert not cands, [c.trigger.text for c in cands]


@pytest.mark.parametrize(("lang", "text", "surname", "etype"), [
    ("en", "Shake-up at Eastmoor Foods\n\nChief executive Carla Brindwell left Eastmoor Foods on Monday after "
           "six years.\n", "Brindwell", EventType.DEPARTED),
    ("en", "Comeback at Quarrington Mills\n\nTobias Quarrington returned to Quarrington Mills as chairman on "
           "Tuesday.\n", "Quarrington", EventType.RETURNED),
    ("de", "Wechsel bei der Ostbank\n\nVorstandschefin Katrin Wendholz wird die Ostbank im Mai verlassen.\n",
     "Wendholz", EventType.DEPARTED),
    ("de", "Neuer Alter Chef\n\nJonas Hallerbach kehrt als Trainer zum FC Südmarken zurück.\n", "Hallerbach",
     EventType.RETURNED),
    ("en", "Old boss back\n\nThe board said the return of Owen Tallbridge as chief executive of Eastmoor Foods "
           "was agreed on Monday.\n", "Tallbridge", EventType.RETURNED),
    ("de", "Trainerwechsel in Westhafen\n\nDer SV Westhafen hat Trainer Anton Kreuzberger am Montag entlassen.\n",
     "Kreuzberger", EventType.DISMISSED),
    ("en", "Boardroom change\n\nDora Pellingham will retire as chairman of Eastmoor Foods in May.\n", "Pellingham",
     EventType.DEPARTED),
    ("de", "Wechsel bei der Ostbank\n\nFinanzvorstand Felix Hornbacher ist aus dem Vorstand der Ostbank "
           "ausgeschieden.\n", "Hornbacher", EventType.DEPARTED),
])
def test_the_same_verbs_with_a_post_are_still_changes(lang: str, text: str, surname: str,
                                                      etype: EventType) -> None:
    rules, cands = changes_of(text, lang, surname)
    assert any(e.type is etype for e in rules), [(e.type, e.holder) for e in rules]


@pytest.mark.parametrize(("lang", "name", "person"), [
    ("en", "Jane Roewood's Budget", False),  # a thing of Jane Roewood's, as the name pass may read it
    ("en", "Jane Roewood's BBC", False),
    ("en", "Northern Counties League", False),
    ("en", "Eastmoor Harbour Cup", False),
    ("de", "Ostliga Bundesliga", False),
    ("en", "Jane Roewood", True),
    ("de", "Katrin Wendholz", True),
])
def test_names_no_person_bears(lang: str, name: str, person: bool) -> None:
    """A possessive inside a name or a contest's word at its end: no holder of a post."""
    from succession.extract.holders import not_a_person

    assert not_a_person(name, lang) is not person


def _features(text: str, lang: str, surname: str) -> list[set[str]]:
    a = annotated(text, lang)
    return [set(c.features) for c in candidates_for(a) if c.holder.split()[-1] == surname]


@pytest.mark.parametrize(("lang", "text", "surname"), [
    ("en", "Leak inquiry\n\nA previous finance minister resigned after Owen Tallbridge leaked the budget.\n",
     "Tallbridge"),
    ("de", "Streit um Budget\n\nEin früherer Finanzminister trat 2004 zurück, nachdem Jonas Hallerbach das Budget "
           "verraten hatte.\n", "Hallerbach"),
])
def test_an_unnamed_holder_before_the_trigger_is_its_subject(lang: str, text: str, surname: str) -> None:
    """'A previous finance minister resigned after Foo ...': the minister resigned, not Foo; the rules'
    report of Foo's resignation then needs the model's own trust (decide)."""
    feats = _features(text, lang, surname)
    assert feats and all("other_subject" in f for f in feats)


def test_a_post_before_the_trigger_as_a_predicate_is_no_subject() -> None:
    """'as CTO takes over Foo': the post taken, not someone else taking it."""
    feats = _features("Change at Eastmoor Foods\n\nHis tasks as CTO takes over research head Dora Pellingham.\n",
                      "en", "Pellingham")
    assert feats and not any("other_subject" in f for f in feats)


@pytest.mark.parametrize(("lang", "text", "surname"), [
    # a clause opened by its verb is a condition: "Sollte Foo gewählt werden, ...", "Had Foo resigned, ..."
    ("de", "Wahl in Ostmark\n\nSollte Katrin Wendholz gewählt werden, wäre sie die erste Bürgermeisterin der "
           "Stadt.\n", "Wendholz"),
    ("de", "Wechsel in Ostmark\n\nSollte Bürgermeisterin Katrin Wendholz zurücktreten, übernimmt ihr Stellvertreter "
           "Jonas Hallerbach.\n", "Wendholz"),
    ("en", "Bank rescue\n\nHad chairman Owen Tallbridge resigned in May, the bank would have collapsed, the report "
           "says.\n", "Tallbridge"),
    # an honour named before a verb-final trigger: "wurde zum Werber des Jahres gewählt"
    ("de", "Branchenpreis vergeben\n\nJonas Hallerbach, Geschäftsführer der Agentur Nordlicht, wurde zum Werber des "
           "Jahres gewählt.\n", "Hallerbach"),
    ("en", "Awards night\n\nEastmoor United coach Owen Tallbridge won the Manager of the Year award and was elected "
           "by the league's coaches on Monday.\n", "Tallbridge"),
], ids=["de-condition-elected", "de-condition-resign", "en-condition", "de-honour", "en-honour"])
def test_a_condition_or_an_honour_is_no_change(lang: str, text: str, surname: str) -> None:
    rules, _ = changes_of(text, lang, surname)
    assert not rules, rules
