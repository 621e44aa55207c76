"""Fusion rules on hand-built analyses about fictional companies and people.

``Article`` (also used by test_store/test_query/test_export) builds an Analysis whose text is made of
the evidence sentences, so every offset is real.
"""
from __future__ import annotations

import datetime as dt

import pytest

from succession.timeline.fuse import (
    ASSERTED, CURRENT, ENDED, ON_LEAVE, RETRACTED, SUPERSEDED, Timeline, build_aliases, fuse_analyses,
    is_interim, name_key, role_family,
)
from succession.models import (
    Analysis, DateValue, Document, Entity, Event, EventType, MentionKind, Modality, RoleFact, Span,
)

ORG = "Lumora Systems"


class Article:
    """A fictional article, built sentence by sentence."""

    def __init__(self, doc_id: str, published: str | None, story: str | None = None, lang: str = "en",
                 title: str | None = None, url: str | None = None) -> None:
        self.doc_id, self.published, self.story, self.lang = doc_id, published, story, lang
        self.title, self.url = title or f"News {doc_id}", url
        self.text = ""
        self.events: list[Event] = []
        self.facts: list[RoleFact] = []
        self.entities: list[Entity] = []

    def _span(self, sentence: str) -> Span:
        start = len(self.text)
        self.text += sentence + " "
        return Span(start, start + len(sentence), sentence)

    def event(self, type_: str, holder: str, role: str | None, org: str | None, date: str | None = None,
              modality: str = "asserted", sentence: str | None = None, kind: str = "person",
              confidence: float = 0.6) -> Article:
        sentence = sentence or f"{holder} {type_} ({role or 'no role'}) at {org or 'somewhere'}."
        self.events.append(Event(self.doc_id, EventType(type_), holder, MentionKind(kind), role, org,
                                 DateValue(date) if date else None, Modality(modality), self._span(sentence),
                                 rule="test", confidence=confidence))
        return self

    def fact(self, holder: str, role: str, org: str | None, current: bool = True, as_of: str | None = None,
             sentence: str | None = None) -> Article:
        sentence = sentence or f"{'Former ' if not current else ''}{org} {role} {holder} spoke."
        self.facts.append(RoleFact(self.doc_id, holder, role, org, self._span(sentence), current,
                                   DateValue(as_of) if as_of else None))
        return self

    def entity(self, name: str, kind: str, *variants: str) -> Article:
        self.entities.append(Entity(name, MentionKind(kind), tuple(variants)))
        return self

    def build(self) -> Analysis:
        doc = Document(self.doc_id, self.text, self.title, self.url, self.published, self.lang,
                       source=f"{self.doc_id}.txt")
        return Analysis(doc, self.lang, DateValue(self.published) if self.published else None,
                        "given" if self.published else None, events=tuple(self.events),
                        facts=tuple(self.facts), entities=tuple(self.entities), story=self.story)


def crisis() -> list[Analysis]:
    """A CEO fired, an interim named, a denied return that happens after all, a chair replaced,
    a president on leave and a co-founder who moves on: four articles in three stories."""
    a = (Article("a", "2031-03-20", "s1")
         .event("dismissed", "Ada Quell", "CEO", ORG, "2031-03-17", sentence="The board fired CEO Ada Quell on Friday.")
         .event("appointed", "Bo Varga", "interim CEO", ORG, sentence="Bo Varga was named interim chief.")
         .event("returned", "Ada Quell", "CEO", ORG, modality="negated",
                sentence="A return of Ada Quell as CEO will not happen.")
         .event("departed", "Dara Pohl", "chair", ORG, "2031-03-17", sentence="Chair Dara Pohl quit the same day.")
         .event("appointed", "Ada Quell", None, "Vantor", "2031-03-19", sentence="Quell joins Vantor.")
         .fact("Cem Ilić", "CTO", ORG)
         .entity("Ada Quell", "person", "Quell", "Ada Quell")
         .entity("Cem Ilić", "person", "Ilić"))
    b = (Article("b", "2031-03-30", "s2")
         .event("returned", "Ada Quell", "CEO", ORG, "2031-03-29", sentence="Ada Quell is back as CEO since Wednesday.")
         .event("dismissed", "Ada Quell", "CEO", ORG, sentence="Quell had been fired by the board.")
         .event("appointed", "Eli Strand", "chair", ORG, sentence="Eli Strand now chairs the new board.")
         .fact("Ada Quell", "CEO", ORG))
    c = (Article("c", "2031-03-30", "s2")  # a copy of b in another language: same story, counts once
         .event("returned", "Ada Quell", "CEO", ORG, "2031-03-29", sentence="Ada Quell ist seit Mittwoch zurück.")
         .event("dismissed", "Ada Quell", "CEO", ORG, sentence="Quell war entlassen worden.")
         .fact("Ada Quell", "CEO", ORG))
    d = (Article("d", "2032-08-06", "s3")
         .event("leave", "Dara Pohl", "president", ORG, "2032-08-05", sentence="President Dara Pohl takes leave.")
         .event("departed", "Finn Oakes", "co-founder", ORG, "2032-08-05", sentence="Co-founder Finn Oakes leaves.")
         .event("appointed", "Finn Oakes", None, "Corvid", "2032-08-05", sentence="Oakes joins Corvid.")
         .event("dismissed", "Ada Quell", "CEO", ORG, "2031-03", sentence="Quell was fired in March last year.")
         .event("returned", "Ada Quell", "CEO", ORG, "2031-03", sentence="Quell came back in March last year.")
         .fact("Dara Pohl", "president", ORG).fact("Finn Oakes", "co-founder", ORG).fact("Ada Quell", "CEO", ORG))
    return [x.build() for x in (a, b, c, d)]


def holders(tl: Timeline, role_family_: str, day: str, org: str = ORG) -> list[str]:
    """Definite holders of a seat on a day, else possible ones (what query.who does)."""
    d = dt.date.fromisoformat(day)
    ts = [t for t in tl.tenures if name_key(t.org) == name_key(org) and role_family(t.role) == role_family_]
    definite = sorted({t.holder for t in ts if t.holds_on(d) == "definite"})
    return definite or sorted({t.holder for t in ts if t.holds_on(d)})


def tenures_of(tl: Timeline, holder: str, role: str | None = None) -> list:
    return [t for t in tl.tenures if t.holder == holder and (role is None or t.role == role)]


@pytest.fixture(scope="module")
def tl() -> Timeline:
    return fuse_analyses(crisis())


# ------------------------------------------------------------------------------------------ names

def test_name_key_ignores_case_accents_and_spacing() -> None:
    assert name_key("Zoë  Brandt-Ørsted") == name_key("ZOE brandt ørsted")
    assert name_key("Cem Ilić") == name_key("cem ilic")
    assert name_key(None) == ""


def test_role_family_puts_interim_in_the_base_seat() -> None:
    assert role_family("interim CEO") == role_family("Acting CEO") == role_family("CEO") == "ceo"


@pytest.mark.parametrize(("feminine", "base"), [
    ("Finanzministerin", "Finanzminister"), ("Bundespräsidentin", "Bundespräsident"), ("Intendantin", "Intendant"),
    ("Direktorin", "Direktor"), ("kommissarische Dekanin", "kommissarische Dekan"),
])
def test_role_family_puts_a_feminine_title_in_the_same_seat(feminine: str, base: str) -> None:
    assert role_family(feminine) == role_family(base)


@pytest.mark.parametrize(("title", "role"), [
    ("Finanzministerin", "finance minister"), ("Bürgermeisterin", "mayor"), ("acting Bürgermeister", "Mayor"),
    ("home secretary", "minister"), ("Bundespräsident", "head of state"),
])
def test_a_written_title_sits_in_its_class_seat_in_either_language(title: str, role: str) -> None:
    # a public office's role is the title as written: the seat, and the role a query types, is its class
    assert role_family(title) == role_family(role)


def test_a_canonical_role_keeps_its_own_seat() -> None:
    assert role_family("head coach") == "headcoach" and role_family("CEO") == "ceo"


@pytest.mark.parametrize("role", ["chaplain", "captain", "Admin", "Vorsitzende"])
def test_role_family_leaves_other_endings(role: str) -> None:
    assert role_family(role) == role.casefold()
    assert is_interim("interim CEO") and not is_interim("CEO") and not is_interim("interim")


def test_aliases_drop_ambiguous_variants() -> None:
    aliases = build_aliases([Entity("Ada Quell", MentionKind.PERSON, ("Quell", "A. Quell")),
                             Entity("Ben Quell", MentionKind.PERSON, ("Quell",))])
    assert aliases[name_key("A. Quell")] == "Ada Quell"
    assert name_key("Quell") not in aliases


# ----------------------------------------------------------------------------------- fused events

def test_same_change_from_several_articles_is_one_event(tl: Timeline) -> None:
    fired = [e for e in tl.events if e.type == EventType.DISMISSED and e.holder == "Ada Quell"]
    assert len(fired) == 1
    e = fired[0]
    assert e.date == DateValue("2031-03-17")  # the most precise date, not the month or undated reports
    assert {s.doc_id for s in e.sources} == {"a", "b", "c", "d"}
    assert e.stories == ("s1", "s2", "s3")


def test_copies_in_one_story_count_once() -> None:
    one = Article("x", "2031-01-02", "s").event("appointed", "Gus Hale", "CFO", ORG, "2031-01-01", confidence=0.5)
    copy = Article("y", "2031-01-02", "s").event("appointed", "Gus Hale", "CFO", ORG, "2031-01-01", confidence=0.5)
    other = Article("z", "2031-01-03", "t").event("appointed", "Gus Hale", "CFO", ORG, "2031-01-01", confidence=0.5)
    same_story = fuse_analyses([one.build(), copy.build()]).events[0]
    independent = fuse_analyses([one.build(), other.build()]).events[0]
    assert same_story.confidence == pytest.approx(0.5)
    assert independent.confidence == pytest.approx(0.75)


def test_disagreeing_dates_are_a_listed_conflict() -> None:
    x = Article("x", "2031-06-30", "s").event("appointed", "Gus Hale", "CFO", ORG, "2031-06-02")
    y = Article("y", "2031-06-30", "t").event("appointed", "Gus Hale", "CFO", ORG, "2031-06-04")
    z = Article("z", "2031-06-30", "u").event("appointed", "Gus Hale", "CFO", ORG, "2031-06-04")
    tl = fuse_analyses([x.build(), y.build(), z.build()])
    assert len(tl.events) == 1 and tl.events[0].date == DateValue("2031-06-04")  # two stories against one
    assert [c.kind for c in tl.conflicts] == ["date"]
    assert {s.doc_id for s in tl.conflicts[0].sources} == {"x", "y", "z"}


def test_changes_years_apart_stay_apart() -> None:
    x = Article("x", "2020-01-10").event("appointed", "Gus Hale", "CFO", ORG, "2020-01-05")
    y = Article("y", "2026-01-10").event("appointed", "Gus Hale", "CFO", ORG, "2026-01-05")
    assert len(fuse_analyses([x.build(), y.build()]).events) == 2


# --------------------------------------------------------------------------------------- tenures

def test_dismissal_ends_the_tenure_and_implies_it_was_held(tl: Timeline) -> None:
    first = tenures_of(tl, "Ada Quell", "CEO")[0]
    assert first.end == DateValue("2031-03-17") and not first.end_inferred
    assert first.start is None and first.start_inferred
    assert holders(tl, "ceo", "2031-03-10") == ["Ada Quell"]


def test_interim_ends_when_the_seat_is_filled_again(tl: Timeline) -> None:
    interim = tenures_of(tl, "Bo Varga")[0]
    assert interim.role == "interim CEO"
    assert interim.end == DateValue("2031-03-29") and interim.end_inferred
    assert "filled by Ada Quell" in interim.end_reason
    # undated appointment: after the predecessor left, on or before publication
    assert (interim.start_earliest, interim.start_latest) == (dt.date(2031, 3, 17), dt.date(2031, 3, 20))
    assert holders(tl, "ceo", "2031-03-25") == ["Bo Varga"]
    assert holders(tl, "ceo", "2031-04-15") == ["Ada Quell"]


def test_negated_report_is_superseded_by_the_later_assertion(tl: Timeline) -> None:
    returns = [e for e in tl.events if e.type == EventType.RETURNED and e.holder == "Ada Quell"]
    denied = [e for e in returns if e.modality == Modality.NEGATED]
    happened = [e for e in returns if e.status == ASSERTED]
    assert len(denied) == 1 and len(happened) == 1
    assert denied[0].status == SUPERSEDED and denied[0].superseded_by == happened[0].id
    again = tenures_of(tl, "Ada Quell", "CEO")[1]
    assert again.start == DateValue("2031-03-29") and again.status == CURRENT
    assert {s.doc_id for s in again.sources} >= {"b", "c", "d"}


def test_later_denial_retracts_an_earlier_assertion() -> None:
    said = Article("x", "2031-05-01", "s").event("appointed", "Gus Hale", "CFO", ORG, "2031-04-30")
    denied = Article("y", "2031-05-03", "t").event("appointed", "Gus Hale", "CFO", ORG, modality="negated",
                                                   sentence="Lumora denied that Gus Hale was appointed CFO.")
    tl = fuse_analyses([said.build(), denied.build()])
    assert [e.status for e in tl.events if e.modality == Modality.ASSERTED] == [RETRACTED]
    assert tl.tenures == ()
    assert [c.kind for c in tl.conflicts] == ["retracted"]


@pytest.mark.parametrize("modality", ["rumoured", "planned", "uncertain", "negated"])
def test_unasserted_events_never_make_tenures(modality: str) -> None:
    x = Article("x", "2031-05-01").event("appointed", "Gus Hale", "CFO", ORG, "2031-06-01", modality=modality)
    tl = fuse_analyses([x.build()])
    assert tl.tenures == () and tl.events[0].status == "marker"


def test_single_holder_successor_ends_the_open_tenure() -> None:
    old = Article("x", "2030-02-01").fact("Gus Hale", "CFO", ORG)
    new = Article("y", "2030-09-02").event("appointed", "Ivy Moss", "CFO", ORG, "2030-09-01")
    tl = fuse_analyses([old.build(), new.build()])
    gus = tenures_of(tl, "Gus Hale")[0]
    assert gus.end == DateValue("2030-09-01") and gus.end_inferred and "Ivy Moss" in gus.end_reason
    assert holders(tl, "cfo", "2030-05-01") == ["Gus Hale"]
    assert holders(tl, "cfo", "2030-10-01") == ["Ivy Moss"]


def test_shared_roles_are_not_single_holder() -> None:
    x = Article("x", "2030-02-01").event("appointed", "Gus Hale", "board member", ORG, "2030-01-15")
    y = Article("y", "2030-09-02").event("appointed", "Ivy Moss", "board member", ORG, "2030-09-01")
    tl = fuse_analyses([x.build(), y.build()])
    assert all(t.status == CURRENT for t in tl.tenures)
    assert holders(tl, "boardmember", "2030-10-01") == ["Gus Hale", "Ivy Moss"]


def test_leave_pauses_and_does_not_end(tl: Timeline) -> None:
    pres = tenures_of(tl, "Dara Pohl", "president")[0]
    assert pres.status == ON_LEAVE and pres.end is None
    assert pres.leaves[0].start == DateValue("2032-08-05") and pres.leaves[0].end is None
    assert holders(tl, "president", "2032-08-06") == ["Dara Pohl"]


def test_return_from_leave_closes_the_leave_not_the_tenure() -> None:
    x = (Article("x", "2031-01-01").event("appointed", "Gus Hale", "CFO", ORG, "2030-01-01")
         .event("leave", "Gus Hale", "CFO", ORG, "2030-06-01"))
    y = Article("y", "2031-01-01").event("returned", "Gus Hale", "CFO", ORG, "2030-09-01")
    tl = fuse_analyses([x.build(), y.build()])
    (t,) = tl.tenures
    assert t.status == CURRENT and t.leaves == ((DateValue("2030-06-01"), DateValue("2030-09-01")),)


def test_interim_stands_in_for_a_holder_on_leave() -> None:
    x = (Article("x", "2031-01-01").event("appointed", "Gus Hale", "CEO", ORG, "2030-01-01")
         .event("leave", "Gus Hale", "CEO", ORG, "2030-06-01")
         .event("appointed", "Ivy Moss", "interim CEO", ORG, "2030-06-02")
         .event("returned", "Gus Hale", "CEO", ORG, "2030-09-01"))
    tl = fuse_analyses([x.build()])
    gus, ivy = tenures_of(tl, "Gus Hale")[0], tenures_of(tl, "Ivy Moss")[0]
    assert gus.status == CURRENT
    assert ivy.end == DateValue("2030-09-01") and ivy.end_inferred


def test_departure_without_role_and_the_move_elsewhere(tl: Timeline) -> None:
    (left,) = [t for t in tenures_of(tl, "Finn Oakes") if t.org == ORG]
    assert left.end == DateValue("2032-08-05") and left.role is None
    (corvid,) = [t for t in tenures_of(tl, "Finn Oakes") if t.org == "Corvid"]
    assert corvid.status == CURRENT
    # the co-founder fact after the departure is a title, not a position
    assert not [t for t in tl.tenures if t.role == "co-founder"]


def test_joining_another_org_ends_plain_employment(tl: Timeline) -> None:
    (vantor,) = [t for t in tenures_of(tl, "Ada Quell") if t.role is None]
    assert vantor.org == "Vantor" and vantor.end == DateValue("2031-03-29") and vantor.end_inferred
    assert "moved to" in vantor.end_reason


def test_fact_after_a_reported_end_is_a_stale_conflict() -> None:
    x = Article("x", "2030-05-02").event("departed", "Gus Hale", "CFO", ORG, "2030-05-01")
    y = Article("y", "2030-07-01").fact("Gus Hale", "CFO", ORG)
    tl = fuse_analyses([x.build(), y.build()])
    assert len(tl.tenures) == 1 and tl.tenures[0].status == ENDED
    assert [c.kind for c in tl.conflicts] == ["stale_fact"]


def test_former_fact_ends_an_open_tenure() -> None:
    x = Article("x", "2030-01-02").fact("Gus Hale", "CFO", ORG)
    y = Article("y", "2030-07-01").fact("Gus Hale", "CFO", ORG, current=False)
    (t,) = fuse_analyses([x.build(), y.build()]).tenures
    assert t.status == ENDED and t.end_inferred
    assert (t.end_earliest, t.end_latest) == (dt.date(2030, 1, 2), dt.date(2030, 7, 1))


def test_two_holders_at_once_is_a_single_holder_conflict() -> None:
    x = Article("x", "2030-02-01").event("appointed", "Gus Hale", "CFO", ORG, "2030-01-01")
    y = Article("y", "2030-03-01").event("appointed", "Ivy Moss", "CFO", ORG, "2030-02-15")
    z = Article("z", "2030-04-01").fact("Gus Hale", "CFO", ORG)
    tl = fuse_analyses([x.build(), y.build(), z.build()])
    assert "single_holder" in [c.kind for c in tl.conflicts]


def test_variants_and_accents_merge_holders() -> None:
    x = Article("x", "2030-02-01").event("appointed", "Zoë Brandt", "CTO", "Ostwerk AG", "2030-01-01")
    y = (Article("y", "2030-06-01").event("departed", "Z. Brandt", "cto", "OSTWERK ag", "2030-05-31")
         .entity("Zoë Brandt", "person", "Z. Brandt"))
    (t,) = fuse_analyses([x.build(), y.build()]).tenures
    assert t.holder == "Zoë Brandt" and t.start == DateValue("2030-01-01") and t.end == DateValue("2030-05-31")


def test_year_precision_is_kept() -> None:
    x = Article("x", "2031-01-01").event("appointed", "Gus Hale", "CFO", ORG, "2019")
    (t,) = fuse_analyses([x.build()]).tenures
    assert t.start == DateValue("2019") and (t.start_earliest, t.start_latest) == (dt.date(2019, 1, 1), dt.date(2019, 12, 31))


def test_undated_articles_and_orgless_events_do_not_crash() -> None:
    x = (Article("x", None).event("appointed", "Gus Hale", "CFO", ORG)
         .event("departed", "Ivy Moss", "CEO", None).fact("Jo Pratt", "CTO", None).fact("Kai Lund", "CEO", ORG))
    tl = fuse_analyses([x.build()])
    assert {t.holder for t in tl.tenures} == {"Gus Hale", "Kai Lund"}
    assert len(tl.events) == 2


def test_fusion_is_deterministic() -> None:
    one, two = fuse_analyses(crisis()), fuse_analyses(list(reversed(crisis())))
    assert one == two


def test_report_without_role_joins_the_same_change_with_a_role() -> None:
    x = Article("x", "2031-02-02", "s").event("returned", "Gus Hale", "CFO", ORG, "2031-02-01")
    y = Article("y", "2031-02-03", "t").event("returned", "Gus Hale", None, ORG, sentence="Hale is back at Lumora.")
    tl = fuse_analyses([x.build(), y.build()])
    (e,) = tl.events
    assert e.role == "CFO" and {s.doc_id for s in e.sources} == {"x", "y"}
    assert [t.role for t in tl.tenures] == ["CFO"]


def test_undated_change_is_background_to_a_dated_one_in_the_same_article() -> None:
    x = (Article("x", "2031-02-10").event("returned", "Gus Hale", "CFO", ORG, "2031-02-09")
         .event("departed", "Gus Hale", None, ORG, sentence="Hale, who had left the firm, is back."))
    tl = fuse_analyses([x.build()])
    current = [t for t in tl.tenures if t.status == CURRENT]
    assert [(t.role, t.start) for t in current] == [("CFO", DateValue("2031-02-09"))]
