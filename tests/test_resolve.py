"""Names across articles: damaged spellings merge on shared context, namesakes stay apart.

All people and companies here are fictional.
"""
from __future__ import annotations

import pytest

from succession.models import (
    Analysis, DateValue, Document, Entity, Event, EventType, MentionKind, Modality, RoleFact, Span,
)
from succession.across.resolve import (
    SURNAME_MIN, find_entity, fold, name_similarity, org_display, org_key, person_key, phonetic_key, resolve_entities,
    translation_flags,
)

P, O = MentionKind.PERSON, MentionKind.ORG


def doc(doc_id: str, *, story: str | None, lang: str = "en", published: str | None = None,
        persons: dict[str, tuple[str, ...]] | None = None, orgs: dict[str, tuple[str, ...]] | None = None,
        roles: tuple[tuple[str, str, str], ...] = (), events: tuple[tuple[str, str, str], ...] = ()) -> Analysis:
    """An analysis as the extractor would give it: entities with variants, role facts (holder, role, org)
    and events (holder, type, org)."""
    ents = [Entity(n, P, v or (n,), (Span(0, 1, "x"),) * 2) for n, v in (persons or {}).items()]
    ents += [Entity(n, O, v or (n,), (Span(0, 1, "x"),)) for n, v in (orgs or {}).items()]
    ev = Span(0, 1, "x")
    facts = tuple(RoleFact(doc_id, h, r, o, ev) for h, r, o in roles)
    evs = tuple(Event(doc_id, EventType(t), h, P, None, o, None, Modality.ASSERTED, ev) for h, t, o in events)
    return Analysis(Document(doc_id, "x"), lang, DateValue(published) if published else None, None,
                    entities=tuple(ents), facts=facts, events=evs, story=story)


def entity_named(entities, name):  # type: ignore[no-untyped-def]
    hits = [e for e in entities if name in e.variants]
    assert len(hits) == 1, f"{name!r} is in {len(hits)} entities: {[e.name for e in hits]}"
    return hits[0]


# --- normalisation ---------------------------------------------------------------------------------

@pytest.mark.parametrize("a,b", [("Jan", "Jann"), ("Kolmar", "Kollmarr"), ("Pyotr", "Pjotr"), ("Pyotr", "Peter"),
                                 ("Jürgen", "Jurgen"), ("Jürgen", "Juergen"), ("Brammertz", "Brammerts")])
def test_damaged_spellings_are_close(a: str, b: str) -> None:
    assert name_similarity(a, b) >= 0.8


@pytest.mark.parametrize("a,b", [("Müller", "Meier"), ("Anna", "Bernd"), ("Kostadin", "Oduya")])
def test_different_names_are_not_close(a: str, b: str) -> None:
    assert name_similarity(a, b) < SURNAME_MIN


def test_fold_and_keys() -> None:
    assert fold("Jürgen  MÜLLER") == "jurgen muller"
    assert fold("Straße") == "strasse"
    assert person_key("Dr. Jann Taylorson") == (("jan",), "taylorson")
    assert person_key("Herr Jürgen Faltermaier") == (("jurgen",), "faltermaier")
    assert phonetic_key("Pyotr") == phonetic_key("Peter") == phonetic_key("Pjotr")
    assert person_key("") == ((), "")


@pytest.mark.parametrize("raw,display", [
    ("Foo Corp.", "Foo"), ("Foo Inc.", "Foo"), ("Kestrel Logistik AG", "Kestrel Logistik"),
    ("Veltrano-Vorstand", "Veltrano"), ("Veltrano-Chef", "Veltrano"), ("Veltrano-CEO", "Veltrano"),
    ("Kestrel-Logistik-Aufsichtsrat", "Kestrel-Logistik"), ("Harbour Gazette's", "Harbour Gazette's"),
    ("Mercedes-Benzel", "Mercedes-Benzel"), ("AG", "AG"),
])
def test_org_display(raw: str, display: str) -> None:
    assert org_display(raw) == display


def test_org_key_ignores_case_spacing_and_articles() -> None:
    assert org_key("Kestrel Logistik GmbH") == org_key("Kestrel-Logistik") == org_key("KESTREL LOGISTIK")
    assert org_key("The Harbour Gazette") == org_key("Harbour Gazette") == org_key("Harbour Gazette's")


# --- merging -----------------------------------------------------------------------------------------

def veltrano_story() -> list[Analysis]:
    """One story: an English original (dated), a German translation, a damaged English back-translation."""
    return [
        doc("en", story="s1", published="2031-03-04",
            persons={"Henrike Aldebrand": ("Henrike Aldebrand", "Aldebrand"), "Mirela Kostadin": (),
                     "Jürgen Faltermaier": (), "Pyotr Sorvanov": ()},
            orgs={"Veltrano Systems": ()}, roles=(("Mirela Kostadin", "CTO", "Veltrano Systems"),),
            events=(("Henrike Aldebrand", "dismissed", "Veltrano Systems"),)),
        doc("de", story="s1", lang="de",
            persons={"Henrike Aldebrand": ("Henrike Aldebrand", "Aldebrands"), "Mirela Kostadin": (),
                     "Jürgen Faltermaier": (), "Pjotr Sorvanov": ("Pjotr Sorvanov", "Pjotr")},
            orgs={"Veltrano-Vorstand": ()}),
        doc("back", story="s1",
            persons={"Henrike Aldebrant": ("Henrike Aldebrant", "Aldebrant"), "Mirella Kostadin": (),
                     "Jurgen Faltermeier": (), "Pyotr Sorvanov": (), "Peter": ()},
            orgs={"Veltrano System": ()}, roles=(("Mirella Kostadin", "CTO", "Veltrano System"),),
            events=(("Henrike Aldebrant", "dismissed", "Veltrano System"),)),
    ]


def test_damaged_spellings_merge_in_one_story() -> None:
    res = resolve_entities(veltrano_story())
    ceo = entity_named(res.entities, "Henrike Aldebrant")
    assert ceo.name == "Henrike Aldebrand"
    assert {"Aldebrand", "Aldebrands", "Aldebrant"} <= set(ceo.variants)
    assert entity_named(res.entities, "Mirella Kostadin").name == "Mirela Kostadin"
    assert entity_named(res.entities, "Jurgen Faltermeier").name == "Jürgen Faltermaier"
    pyotr = entity_named(res.entities, "Peter")
    assert {"Pyotr Sorvanov", "Pjotr Sorvanov", "Pjotr"} <= set(pyotr.variants)
    assert pyotr.name == "Pyotr Sorvanov"
    org = entity_named(res.entities, "Veltrano System")
    assert org.name == "Veltrano Systems" and "Veltrano-Vorstand" in org.variants
    persons = [e for e in res.entities if e.kind == P]
    assert len(persons) == 4


def test_merges_carry_evidence() -> None:
    res = resolve_entities(veltrano_story())
    ceo = find_entity(res.entities, "aldebrant")
    assert ceo is not None and ceo.evidence
    assert any("same story s1" in r for ev in ceo.evidence for r in ev.reasons)
    assert all(0.0 < ev.score <= 1.0 and ev.docs for ev in ceo.evidence)
    assert ceo.docs == ("back", "de", "en") and ceo.stories == ("s1",)
    assert find_entity(res.entities, "Henrike Aldebrandd") is ceo  # close spelling, not a variant
    assert find_entity(res.entities, "Somebody Else") is None


def test_name_for_maps_local_names_to_canonical() -> None:
    res = resolve_entities(veltrano_story())
    assert res.name_for("back", "Henrike Aldebrant", P) == "Henrike Aldebrand"
    assert res.name_for("back", "aldebrant") == "Henrike Aldebrand"
    assert res.name_for("de", "Veltrano-Vorstand", O) == "Veltrano Systems"
    assert res.name_for("elsewhere", "Veltrano System GmbH", O) == "Veltrano Systems"  # via org key
    assert res.name_for("back", "Nobody Known", P) == "Nobody Known"
    assert res.name_for("back", None) is None


def test_close_spelling_without_shared_context_stays_apart() -> None:
    res = resolve_entities([
        doc("a", story="s1", persons={"Jan Schmidtke": ()}, orgs={"Orvane Bank": ()},
            roles=(("Jan Schmidtke", "CFO", "Orvane Bank"),)),
        doc("b", story="s2", persons={"Jan Schmittke": ()}, orgs={"Kestrel Logistik": ()},
            roles=(("Jan Schmittke", "CEO", "Kestrel Logistik"),)),
    ])
    assert entity_named(res.entities, "Jan Schmidtke") is not entity_named(res.entities, "Jan Schmittke")


def test_close_spelling_merges_across_stories_on_shared_organisation() -> None:
    res = resolve_entities([
        doc("a", story="s1", persons={"Mirela Kostadin": (), "Tobias Wendergast": ()}, orgs={"Veltrano Systems": ()},
            roles=(("Mirela Kostadin", "CTO", "Veltrano Systems"),)),
        doc("b", story="s2", persons={"Mirela Kostadim": (), "Tobias Wendergast": ()}, orgs={"Veltrano": ()},
            roles=(("Mirela Kostadim", "interim CEO", "Veltrano"),)),
        doc("c", story="s3", persons={"Mirela Kostadin": ()}),
    ])
    assert entity_named(res.entities, "Mirela Kostadim").name == "Mirela Kostadin"


# --- namesakes -----------------------------------------------------------------------------------------

def mullers() -> list[Analysis]:
    return [
        doc("k1", story="s1", lang="de", persons={"Anna Müller": ("Anna Müller", "Müller"), "Lars Brenning": ()},
            orgs={"Kestrel Logistik AG": ()}, roles=(("Anna Müller", "CFO", "Kestrel Logistik AG"),)),
        doc("k2", story="s1", lang="de", persons={"Müller": ()}, orgs={"Kestrel Logistik": ()}),
        doc("o1", story="s2", persons={"Bernd Müller": ("Bernd Müller", "Mr Müller")}, orgs={"Orvane Bank": ()},
            roles=(("Bernd Müller", "CEO", "Orvane Bank"),)),
        doc("o2", story="s3", persons={"B. Müller": ()}, orgs={"Orvane Bank": ()},
            roles=(("B. Müller", "CEO", "Orvane Bank"),)),
        doc("k3", story="s4", persons={"A. Müller": ()}, orgs={"Kestrel Logistik": ()},
            roles=(("A. Müller", "CFO", "Kestrel Logistik"),)),
    ]


def test_two_mullers_at_two_companies_stay_apart() -> None:
    res = resolve_entities(mullers())
    anna, bernd = entity_named(res.entities, "Anna Müller"), entity_named(res.entities, "Bernd Müller")
    assert anna is not bernd
    assert anna.docs == ("k1", "k2", "k3")  # the lone "Müller" of k2 and "A. Müller" of k3 join Anna
    assert bernd.docs == ("o1", "o2")
    assert anna.name == "Anna Müller" and bernd.name == "Bernd Müller"


def test_initials_keep_namesakes_apart() -> None:
    res = resolve_entities([
        doc("x", story="s1", persons={"A. Müller": ()}, orgs={"Kestrel Logistik": ()},
            roles=(("A. Müller", "CFO", "Kestrel Logistik"),)),
        doc("y", story="s2", persons={"B. Müller": ()}, orgs={"Kestrel Logistik": ()},
            roles=(("B. Müller", "CFO", "Kestrel Logistik"),)),
    ])
    assert entity_named(res.entities, "A. Müller") is not entity_named(res.entities, "B. Müller")


def test_lone_surname_with_two_namesakes_in_the_story_stays_unattached() -> None:
    res = resolve_entities([
        doc("a", story="s1", persons={"Anna Müller": (), "Bernd Müller": (), "Müller": ()}),
    ])
    lone = entity_named(res.entities, "Müller")
    assert lone.variants == ("Müller",)


def test_identical_full_names_merge_without_context() -> None:
    res = resolve_entities([doc("a", story="s1", persons={"Lars Brenning": ()}),
                            doc("b", story="s2", persons={"Lars  Brenning": ()})])
    assert len(res.entities) == 1 and res.entities[0].docs == ("a", "b")


# --- canonical spelling --------------------------------------------------------------------------------

def test_canonical_counts_stories_not_copies() -> None:
    def partner(doc_id: str, story: str, name: str) -> Analysis:
        return doc(doc_id, story=story, persons={name: ()}, orgs={"Harrowgate Capital": ()},
                   roles=((name, "partner", "Harrowgate Capital"),))
    copies = [partner(f"c{i}", "s1", "Selim Oduyah") for i in range(4)]
    others = [partner("d1", "s2", "Selim Oduya"), partner("d2", "s3", "Selim Oduya")]
    ent = entity_named(resolve_entities(copies + others).entities, "Selim Oduyah")
    assert ent.name == "Selim Oduya"
    assert dict(ent.support) == {"Selim Oduya": 2.0, "Selim Oduyah": 1.0}


def test_canonical_prefers_the_original_over_a_translation() -> None:
    res = resolve_entities(veltrano_story())
    assert translation_flags(veltrano_story()) == {"en": False, "de": True, "back": True}
    faltermaier = entity_named(res.entities, "Jurgen Faltermeier")
    assert dict(faltermaier.support)["Jürgen Faltermaier"] > dict(faltermaier.support)["Jurgen Faltermeier"]


def test_canonical_ties_break_longer_then_lexicographic() -> None:
    res = resolve_entities([doc("a", story="s1", persons={"Ilse Brammertz": ()}),
                            doc("b", story="s2", persons={"Ilse Brammerts": ()}, orgs={}),
                            doc("c", story="s1", persons={"Ilse Bramertz": ()})])
    ent = entity_named(res.entities, "Ilse Bramertz")
    assert ent.name == "Ilse Brammertz"  # two stories beat one; then "Brammertz" vs "Brammerts" is lexicographic


def test_translation_flags_without_dates_use_majority_language() -> None:
    arts = [doc("a", story="s", lang="de"), doc("b", story="s", lang="de"), doc("c", story="s", lang="en"),
            doc("d", story="t", lang="de"), doc("e", story="t", lang="en"), doc("f", story=None)]
    assert translation_flags(arts) == {"a": False, "b": False, "c": True, "d": False, "e": False, "f": False}


# --- junk ---------------------------------------------------------------------------------------------------

def test_empty_and_odd_input() -> None:
    assert resolve_entities([]).entities == ()
    odd = Analysis(Document("j", ""), None, None, None, story=None,
                   entities=(Entity("", P), Entity("   ", O), Entity("2031", MentionKind.DATE), Entity("...", P)))
    res = resolve_entities([odd])
    assert all(e.name.strip() for e in res.entities)


def test_person_taken_for_an_organisation_is_resolved_as_a_person() -> None:
    res = resolve_entities([
        doc("a", story="s1", persons={"Henrike Aldebrand": ()}, orgs={"Mirela Kostadin": (), "Veltrano": ()}),
        doc("b", story="s1", persons={"Henrike Aldebrand": (), "Mirella Kostadin": ()}),
        doc("c", story="s2", orgs={"Mirela Kostadin": (), "Veltrano": ()}),
    ])
    ent = entity_named(res.entities, "Mirella Kostadin")
    assert ent.kind == P and ent.docs == ("a", "b", "c") and ent.name == "Mirela Kostadin"


def test_short_organisation_name_is_not_attached_when_ambiguous() -> None:
    res = resolve_entities([doc("a", story="s1", orgs={"Kestrel": (), "Kestrel Logistik": (), "Kestrel Bank": ()})])
    assert entity_named(res.entities, "Kestrel").variants == ("Kestrel",)


def test_event_holders_without_entities_still_get_names() -> None:
    a = doc("e", story="s1", events=(("Mirela Kostadin", "appointed", "Veltrano Systems"),))
    res = resolve_entities([a])
    assert {e.name for e in res.entities} == {"Mirela Kostadin", "Veltrano Systems"}
