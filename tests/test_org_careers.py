"""Where a change in a career happened (issue 8, the organisation of English changes), on fictional
articles written for these tests: a minister's government named anywhere in the article, the club one
leaves for, the one acting on a passive start however far after the trigger it stands, a step of a career
kept apart from the same person's other changes, and a club named by a common noun."""
from __future__ import annotations

from succession.learned.decide import _seat


def _candidates(lang: str, text: str) -> list:
    from succession.extract.pipeline import annotate, candidates_for, prepare
    from succession.models import Document

    return candidates_for(annotate(prepare(Document(id="careers", text=text, lang=lang))))


def _options(text: str, trigger: str) -> dict[str, dict[str, float]]:
    """The organisation options of the candidates of one trigger: name -> the union of its features."""
    out: dict[str, dict[str, float]] = {}
    for c in _candidates("en", text):
        if c.trigger.text == trigger:
            for o in c.orgs:
                out.setdefault(o.name, {}).update(o.features)
    return out


def test_a_minister_is_held_in_the_government_the_article_names() -> None:
    """No department named anywhere and none in the sentence: the government the article names by a common
    noun is the minister's organisation (the policy's), not the committee the article names most."""
    text = ("Minister steps down\n\nDale Merrow's resignation as fisheries minister was a loss, the Brindle Valley "
            "committee said. The Brindle Valley committee met on Monday. The prime minister said Mr Merrow might "
            "one day return to government.\n")
    mine = [c for c in _candidates("en", text) if c.holder == "Dale Merrow" and c.role == "minister"]
    assert mine
    assert any(o.features.get("doc_kind=BODY:government") for c in mine for o in c.orgs)
    assert {_seat(c) for c in mine} == {"government"}


def test_no_government_for_a_post_held_elsewhere() -> None:
    """A chief executive's options never take the article's government from elsewhere in the text."""
    text = ("Kestrel chief quits\n\nDale Merrow resigned as chief executive of Kestrel Foods on Monday. "
            "The government said it would review the sale.\n")
    mine = [c for c in _candidates("en", text) if c.holder == "Dale Merrow" and c.trigger.text == "resigned"]
    assert mine and not any(o.features.get("doc_kind=BODY:government") for c in mine for o in c.orgs)


def test_the_club_one_leaves_for_is_not_the_one_left() -> None:
    """ "left Foo for Bar": Bar is where the next post starts, never the organisation of the end."""
    text = ("Ashcombe in talks\n\nManager Roald Fenwick quit Ashcombe Town for Brindle Rovers in May. "
            "Ashcombe Town play on Saturday.\n")
    opts = _options(text, "quit")
    assert opts["Brindle Rovers"].get("moved_from") and not opts["Brindle Rovers"].get("moved_to")
    assert opts["Ashcombe Town"].get("moved_to")


def test_the_one_acting_on_a_passive_start() -> None:
    """ "hired for the Foo Park dugout by Bar": Bar acts on the start, past the ground's name."""
    text = ("Fenwick moves\n\nRoald Fenwick steadied Ashcombe Town before he was hired for the Merrow Park dugout "
            "by Brindle Rovers last year.\n")
    opts = _options(text, "hired")
    assert opts["Brindle Rovers"].get("moved_to")


def test_a_step_of_a_career_at_the_organisation_its_trigger_acts_on_is_not_folded() -> None:
    """Beside "Dale Merrow was named manager of Ashcombe Town", a later start naming no post whose trigger
    acts on another organisation ("hired for the Merrow Park dugout by Brindle Rovers") is a step of its own; a
    bare start the ranker merely places elsewhere is the same change seen again."""
    from succession.learned import decide
    from succession.learned.candidates import Candidate, OrgOption
    from succession.learned.model import EventModel, LinearModel
    from succession.models import EventType, MentionKind, Modality, Span

    def cand(text: str, role: str | None, orgs: list[OrgOption]) -> Candidate:
        s = Span(0, len(text), text)
        return Candidate("Dale Merrow", MentionKind.PERSON, EventType.APPOINTED, s, s, role, Modality.ASSERTED,
                         None, None, "test", {"bias": 1.0}, tuple(orgs))

    m = EventModel(LinearModel({"bias": 5.0}, 0.0), LinearModel({}, 0.0), 0.2, {}, threshold_new=0.6)
    named = cand("Dale Merrow was named manager of Ashcombe Town.", "manager",
                 [OrgOption("Ashcombe Town", {"role_linked": 1.0})])
    hired = cand("He was hired for the dugout by Brindle Rovers.", None,
                 [OrgOption("Brindle Rovers", {"moved_to": 1.0, "near_rank=0": 1.0})])
    again = cand("He took over in May.", None, [OrgOption("Brindle Rovers", {})])
    assert sorted(e.org for e in decide("doc", [named, hired], m)) == ["Ashcombe Town", "Brindle Rovers"]
    assert [e.org for e in decide("doc", [named, again], m)] == ["Ashcombe Town"]


def test_a_club_named_by_a_common_noun_is_the_one_named_last() -> None:
    """ "left the Wendtal club", "quit the club": the organisation the article named last before the trigger,
    not the place in the phrase, the phrase itself or an earlier phrase of the same noun."""
    text = ("Fenwick quits\n\nRoald Fenwick steadied Ashcombe Town before he was hired for the Merrow Park dugout "
            "by Brindle Rovers. The spell ended badly and Roald Fenwick left the Wendtal club in May. Dale Merrow "
            "quit the club in June.\n")
    for trigger in ("left", "quit"):
        opts = _options(text, trigger)
        assert [k for k, f in opts.items() if f.get("anaphor")] == ["Brindle Rovers"]
        assert [k for k, f in opts.items() if f.get("from_rule")] == ["Brindle Rovers"]
    assert not any(f.get("anaphor") for f in _options(text, "hired").values())


def test_a_company_named_like_a_person_is_an_option() -> None:
    """A bank the name model reads as a person ("two Foo shareholders") but the organisation model tags an
    organisation elsewhere is where its executives' changes happen: an option, placed in its sentence."""
    text = ("Trial of lender's chief opens\n\nThe trial of Lorcan Pettibone, the chairman of the lender Brackwater "
            "Norvell, opened in Dunmore on Monday. Two Brackwater shareholders complained about payments to Edda "
            "Quist, who stepped down in 2003. Brackwater's board rejected the charges. Ms Quist, a former finance "
            "director at Brackwater, asked for new evidence. Mr Pettibone still leads Brackwater.\n")
    opts = _options(text, "stepped down")
    assert opts["Brackwater"].get("in_sentence")


def test_a_surname_stays_a_person_whatever_the_organisation_model_says() -> None:
    """Only a name starting with no known given name, and no part of a name that starts with one, is taken
    for a company."""
    from succession.learned.candidates import _people_not_companies

    persons = {"brackwater", "anna quist", "quist", "martin lowe"}
    assert _people_not_companies(persons, {"brackwater", "quist", "martin lowe"}) == {"anna quist", "quist",
                                                                                      "martin lowe"}


def test_a_head_of_government_is_held_in_the_government_the_article_names() -> None:
    """A report naming no post ("Mr Foo had come into office") takes the holder's title the article gives
    elsewhere ("Chancellor Foo"): a head of government's office is the government the article names, before
    the country. Without such a title, no public office is assumed."""
    text = ("Jobless figures rise\n\nThe Fooish government is trying to cut joblessness with new reforms. Papers "
            "criticised Chancellor Varo Lindqvist's coalition. Mr Lindqvist had come into office in 2002 "
            "with a pledge to create new jobs.\n")
    mine = [c for c in _candidates("en", text) if c.holder == "Varo Lindqvist" and c.trigger.text == "come into office"]
    assert mine and {c.title for c in mine} == {"chancellor"} and {c.role for c in mine} == {None}
    assert {_seat(c) for c in mine} == {"government"}
    plain = text.replace("Chancellor Varo Lindqvist's coalition", "the coalition of Varo Lindqvist")
    mine = [c for c in _candidates("en", plain) if "Lindqvist" in c.holder and c.trigger.text == "come into office"]
    assert mine and {_seat(c) for c in mine} == {None}
