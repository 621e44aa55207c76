"""The extras of a person whose real change is reported elsewhere (issue 8, scopes 1 and 5), on fictional
sentences written for these tests: a change naming no post placed at a place the article names, and the other
side of a change the rules report for the same person in the same sentence."""
from __future__ import annotations

from succession.learned import EventModel, LinearModel, decide
from succession.learned.candidates import Candidate, OrgOption
from succession.models import Event, EventType, MentionKind, Modality, Span

_MODEL = EventModel(LinearModel({"bias": 5.0}, 0.0), LinearModel({"doc_rank=0": 2.0}, 0.0), 0.2, {},
                    threshold_new=0.6)


def _candidate(text: str, etype: EventType, role: str | None, orgs: list[OrgOption],
               source: Event | None = None, start: int = 0, holder: str = "Orla Vennick") -> Candidate:
    sentence = Span(start, start + len(text), text)
    features = {"bias": 1.0, "rule": 1.0} if source is not None else {"bias": 1.0}
    return Candidate(holder, MentionKind.PERSON, etype, sentence, sentence, role, Modality.ASSERTED, None, None,
                     "test", features, tuple(orgs), source)


def test_a_change_naming_no_post_is_not_placed_at_a_place() -> None:
    """"Orla Vennick, who stepped down in 1999" in an article set in Quenland is no change at Quenland: with no
    post named and no organisation but the place the article names most, nothing is reported. A post-less start
    the trigger directs at the place ("joined Quenland", a national side), one at a place its own sentence names
    and one at a company stay."""
    text = "Shareholders complained about the payments to Orla Vennick, who stepped down in 1999."
    place = OrgOption("Quenland", {"doc_kind=LOC": 1.0, "doc_rank=0": 1.0})
    assert decide("doc", [_candidate(text, EventType.DEPARTED, None, [place])], _MODEL) == []
    company = OrgOption("Brask Holdings", {"doc_kind=ORG": 1.0, "doc_rank=0": 1.0})
    assert [e.org for e in decide("doc", [_candidate(text, EventType.DEPARTED, None, [company])], _MODEL)] \
        == ["Brask Holdings"]
    joined = "Orla Vennick joined Quenland last spring."
    side = OrgOption("Quenland", {"kind=LOC": 1.0, "moved_to": 1.0, "near_rank=0": 1.0})
    assert [e.org for e in decide("doc", [_candidate(joined, EventType.APPOINTED, None, [side])], _MODEL)] \
        == ["Quenland"]
    # a place its own sentence names may be the organisation itself ("after the fall of the regime in Quenland")
    named = OrgOption("Quenland", {"kind=LOC": 1.0, "in_sentence": 1.0, "doc_rank=0": 1.0})
    assert [e.org for e in decide("doc", [_candidate(text, EventType.DEPARTED, None, [named])], _MODEL)] \
        == ["Quenland"]
    # with a post named, the place may hold it ("Quenland coach"): the rule is for post-less reports only
    coach = _candidate(text, EventType.DEPARTED, "coach", [place])
    assert [e.org for e in decide("doc", [coach], _MODEL)] == ["Quenland"]


def test_the_other_side_of_a_ruled_change_in_its_sentence_is_dropped() -> None:
    """"Tam Olsky replaces Orla Vennick, who was relieved of her duties after a year in charge": the rules'
    dismissal of Orla Vennick stands; a start the model alone reads for her in the same sentence ("in charge")
    is its other side, not a change of its own. In another sentence it stays."""
    text = "Tam Olsky replaces Orla Vennick, who was relieved of her duties after a year in charge."
    club = OrgOption("Drellby Rovers", {"near_rank=0": 1.0})
    sentence = Span(0, len(text), text)
    ruled = Event("doc", EventType.DISMISSED, "Orla Vennick", MentionKind.PERSON, "manager", "Drellby Rovers", None,
                  Modality.ASSERTED, sentence, sentence, "relieved")
    dismissal = _candidate(text, EventType.DISMISSED, "manager", [club], source=ruled)
    start = _candidate(text, EventType.APPOINTED, "manager", [OrgOption("Harlow Athletic", {"near_rank=0": 1.0})])
    got = decide("doc", [dismissal, start], _MODEL)
    assert [(e.type, e.org) for e in got] == [(EventType.DISMISSED, "Drellby Rovers")]
    later = "Orla Vennick took charge of Harlow Athletic in May."
    elsewhere = _candidate(later, EventType.APPOINTED, "manager", [OrgOption("Harlow Athletic", {"near_rank=0": 1.0})],
                           start=len(text) + 1)
    got = decide("doc", [dismissal, elsewhere], _MODEL)
    assert sorted((e.type.value, e.org) for e in got) == [("appointed", "Harlow Athletic"),
                                                           ("dismissed", "Drellby Rovers")]


def test_a_report_naming_no_post_yields_to_its_other_side_naming_one() -> None:
    """"Orla Vennick, who is to be sworn in as councillor, will take over Tam Olsky's portfolios": the rules' end
    naming no post (the taking over read backwards) yields to the start naming a post in the same sentence,
    whoever reads it; two reports naming posts both stay."""
    text = "Orla Vennick, who is to be sworn in as councillor, will take over Tam Olsky's portfolios."
    sentence = Span(0, len(text), text)
    ruled = Event("doc", EventType.DEPARTED, "Orla Vennick", MentionKind.PERSON, None, "Brask Party", None,
                  Modality.ASSERTED, sentence, sentence, "take over")
    end = _candidate(text, EventType.DEPARTED, None, [OrgOption("Brask Party", {"from_rule": 1.0, "main": 1.0})],
                     source=ruled)
    start = _candidate(text, EventType.APPOINTED, "councillor", [OrgOption("Quenford", {"near_rank=0": 1.0})])
    assert [(e.type, e.org) for e in decide("doc", [end, start], _MODEL)] == [(EventType.APPOINTED, "Quenford")]
    posted = Event("doc", EventType.DEPARTED, "Orla Vennick", MentionKind.PERSON, "treasurer", "Brask Party", None,
                   Modality.ASSERTED, sentence, sentence, "take over")
    end = _candidate(text, EventType.DEPARTED, "treasurer",
                     [OrgOption("Brask Party", {"from_rule": 1.0, "main": 1.0})], source=posted)
    start = _candidate(text, EventType.APPOINTED, "councillor", [OrgOption("Quenford", {"near_rank=0": 1.0})],
                       source=Event("doc", EventType.APPOINTED, "Orla Vennick", MentionKind.PERSON, "councillor",
                                    "Quenford", None, Modality.ASSERTED, sentence, sentence, "sworn in"))
    assert sorted(e.type.value for e in decide("doc", [end, start], _MODEL)) == ["appointed", "departed"]
    # a move to an organisation its sentence names is a change of its own beside the end naming a post
    moving = "Brask Party co-founder Orla Vennick announced her move to Quenford Labs."
    where = Span(0, len(moving), moving)
    left = Event("doc", EventType.DEPARTED, "Orla Vennick", MentionKind.PERSON, "co-founder", "Brask Party", None,
                 Modality.ASSERTED, where, where, "move to")
    end = _candidate(moving, EventType.DEPARTED, "co-founder", [OrgOption("Brask Party", {"from_rule": 1.0})],
                     source=left)
    joined = Event("doc", EventType.APPOINTED, "Orla Vennick", MentionKind.PERSON, None, "Quenford Labs", None,
                   Modality.ASSERTED, where, where, "move to")
    start = _candidate(moving, EventType.APPOINTED, None, [OrgOption("Quenford Labs", {"moved_to": 1.0})],
                       source=joined)
    assert sorted((e.type.value, e.org) for e in decide("doc", [end, start], _MODEL)) == [
        ("appointed", "Quenford Labs"), ("departed", "Brask Party")]
