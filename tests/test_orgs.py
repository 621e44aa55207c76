"""Which organisation a change is attributed to (issue 8, organisation choice), on fictional articles
written for these tests, in English and German: a sentence of several changes, a role joined to its
organisation by a hyphen, the organisation acting on the holder or named with the post ("Foostadts Polizeipräsident") where the
rules fell back on the article's; a president with no organisation named in the sentence is the country's;
an organisation named with another person's title is not the holder's; where the rules name none, the
organisation holding the post beside it, else the one named nearest the trigger."""
from __future__ import annotations

import pytest
from conftest import events_by_article

from succession.extract.lexicon import lexicon
from succession.extract.rolewords import RoleMention, role_mentions
from succession.learned.options import _names_post
from succession.models import EventType, Span

START = (EventType.APPOINTED, EventType.RETURNED)

ARTICLES = {
    # a career in one sentence: each step at its own club, not all at the first one named
    "career-en": ("en", "Wendham Rovers appoint Merrow\n\n"
                        "Wendham Rovers have appointed Dale Merrow as their new manager. Merrow began his managerial "
                        "career as player-boss with Ashcombe Town before moving on to Brindle City. Wendham Rovers "
                        "are bottom of the league.\n"),
    # the party joined to the post by a hyphen, while the article is about another party
    "hyphen-de": ("de", "Führungswechsel in Ostrellingen\n\n"
                        "Die BPL in Ostrellingen ist zufrieden. Die BPL regiert seit Jahren. Der Wechsel folgte "
                        "nach dem Rücktritt von FWP-Parteichef Hans Mauler am Montag. Die BPL will nun verhandeln.\n"),
    # the one acting is named in the sentence; the article is about another organisation
    "agent-en": ("en", "Trade talks resume\n\n"
                       "Pacific Trade Council chairman Roald Fenwick welcomed the talks in Port Amberly on Monday. "
                       "Kiribati recently ousted long-serving leader Ellery Pascoe and has said it wants closer trade "
                       "links. The Pacific Trade Council will meet again in May.\n"),
    "agent-de": ("de", "Wechsel bei den Verkehrsbetrieben\n\n"
                       "Der Chef der Wendtaler Stahl AG Roald Fenstermann lobte am Montag in Ostrellingen die "
                       "Gespräche. Die Ostrellinger Verkehrsbetriebe GmbH hat den langjährigen Geschäftsführer Hauke "
                       "Tammesfeld abgesetzt. Die Wendtaler Stahl AG will im Mai investieren. Die Wendtaler Stahl AG "
                       "baut ein Werk.\n"),
    # the post named with its city in the genitive; the article is about a company
    "post-de": ("de", "Polizeichef abgesetzt\n\n"
                      "In Ostrellingen herrscht Unruhe. Ostrellingens Polizeipräsident Hauke Tammesfeld wurde am "
                      "Montag abgesetzt. Die Wendtaler Stahl AG baut in Ostrellingen ein Werk. Die Wendtaler Stahl AG "
                      "will im Mai investieren. Der Chef der Wendtaler Stahl AG Roald Fenstermann lobte die Stadt.\n"),
    # a president named with no organisation: the country's; one named with a company: the company's
    "president-en": ("en", "Budget gap widens\n\n"
                           "The Pacific Trade Council chairman Roald Fenwick warned on Monday that Tuvalu's deficit "
                           "had grown. Since President Ellery Pascoe came to office the budget has swung from a "
                           "surplus to a deficit. The Pacific Trade Council said Tuvalu must cut spending. Tuvalu "
                           "rejected the call.\n"),
    "president-de": ("de", "Haushaltsloch\n\n"
                           "Der Chef der Pazifischen Handels AG Roald Fenstermann warnte am Montag vor dem Defizit "
                           "Kiribatis. Präsident Hauke Tammesfeld ist am Montag überraschend zurückgetreten. Kiribati "
                           "wies die Kritik zurück. Die Pazifische Handels AG will investieren.\n"),
    "company-president-en": ("en", "Miner's chief quits\n\n"
                                   "Ellery Pascoe, president of Kestrel Mining, resigned on Monday after a row over a "
                                   "mine in Tuvalu. Tuvalu had demanded higher royalties. Kestrel Mining said a "
                                   "successor would be named soon.\n"),
}


@pytest.fixture(scope="module")
def events() -> dict[str, list]:
    return events_by_article(ARTICLES)


def test_each_step_of_a_career_at_its_own_club(events: dict[str, list]) -> None:
    starts = {e.org for e in events["career-en"] if e.holder.endswith("Merrow") and e.type in START}
    assert {"Wendham Rovers", "Ashcombe Town", "Brindle City"} <= starts


def test_a_post_joined_by_hyphen_is_held_at_that_party(events: dict[str, list]) -> None:
    ended = [e for e in events["hyphen-de"] if e.holder.endswith("Mauler")]
    assert ended and all(e.org == "FWP" for e in ended)


@pytest.mark.parametrize(("doc", "surname", "org"), [("agent-en", "Pascoe", "Kiribati"),
                                                  ("agent-de", "Tammesfeld", "Ostrellinger Verkehrsbetriebe GmbH")])
def test_the_organisation_acting_on_the_holder(events: dict[str, list], doc: str, surname: str, org: str) -> None:
    ended = [e for e in events[doc] if e.holder.endswith(surname)]
    assert ended and all(e.org == org for e in ended)


@pytest.mark.parametrize(("doc", "surname", "org"), [("president-en", "Pascoe", "Tuvalu"),
                                                  ("president-de", "Tammesfeld", "Kiribati"),
                                                  ("company-president-en", "Pascoe", "Kestrel Mining")])
def test_a_president_is_the_states_unless_an_organisation_is_named(events: dict[str, list], doc: str,
                                                                   surname: str, org: str) -> None:
    found = [e for e in events[doc] if e.holder.endswith(surname)]
    assert found and all(e.org == org for e in found)


def test_a_post_named_with_its_place_in_the_genitive(events: dict[str, list]) -> None:
    ended = [e for e in events["post-de"] if e.holder.endswith("Tammesfeld")]
    assert ended and all(e.org == "Ostrellingen" for e in ended)


def test_the_organisation_linked_to_a_trigger_depends_on_the_kind_of_change() -> None:
    from succession.extract.pipeline import annotate, candidates_for, prepare
    from succession.models import Document

    text = ("Ashcombe Town lose their manager\n\nAshcombe Town chairman Roald Fenwick thanked Dale Merrow on Monday. "
            "Merrow resigned to join Brindle City. Merrow was sacked by Wendham Rovers in 2019.\n")
    cands = candidates_for(annotate(prepare(Document(id="linkers", text=text, lang="en"))))
    linked = {(c.coarse, o.name) for c in cands for o in c.orgs if o.features.get("moved_to")}
    assert ("start", "Brindle City") in linked and ("end", "Wendham Rovers") in linked
    assert ("end", "Brindle City") not in linked  # "resigned to join Foo": Foo is where the next post starts


@pytest.mark.parametrize(("text", "name", "held"), [
    ("the chief executive of Kestrel Mining resigned", "Kestrel Mining", True),
    ("Kestrel Mining's chief executive resigned", "Kestrel Mining", True),
    ("Kestrel Mining's new chief executive resigned", "Kestrel Mining", True),
    ("Kestrel Mining's shareholders and the chief executive met", "Kestrel Mining", False),
    ("Der Präsident der Wendtaler Stahl AG trat zurück", "Wendtaler Stahl AG", True),
    ("the chief executive resigned, Kestrel Mining said", "Kestrel Mining", False),
])
def test_a_name_holds_the_post_beside_it(text: str, name: str, held: bool) -> None:
    post = next(w for w in ("chief executive", "Präsident") if w in text)
    r = RoleMention(text.index(post), text.index(post) + len(post), post, "CEO", None, False)
    a = text.index(name)
    assert _names_post(text, r, a, a + len(name)) is held


@pytest.mark.parametrize(("lang", "text", "found"), [
    ("de", "Der FWP-Parteichef trat zurück.", [("FWP-Parteichef", "FWP")]),
    ("de", "Der Ex-Parteichef trat zurück.", [("Parteichef", None)]),
    ("de", "Die Vize-Parteichefin trat zurück.", [("Parteichefin", None)]),
    ("de", "Der Parteichef trat zurück.", [("Parteichef", None)]),
])
def test_the_organisation_of_a_hyphenated_role(lang: str, text: str, found: list) -> None:
    roles = role_mentions(Span(0, len(text), text), lexicon(lang))
    assert [(r.text, r.org) for r in roles] == found


# another person's title names an organisation or country in the sentence of the change: that is where the
# other person holds a post, not where the holder's changed
OTHER_TITLE = {
    "en": ("Crisis deepens\n\nTuvalu's foreign minister Roald Fenwick said on Monday that the crisis in Kiribati "
           "had deepened since leader Ellery Pascoe was ousted in May. Tuvalu wants talks. Tuvalu will send an "
           "envoy.\n", "Ellery Pascoe"),
    "de": ("Krise in Kiribati\n\nTuvalus Außenminister Roald Fenstermann sprach am Montag über die Krise in "
           "Kiribati seit dem Rücktritt von Regierungschef Hauke Tammesfeld im Mai. Tuvalu will Gespräche. Tuvalu "
           "schickt einen Gesandten.\n", "Hauke Tammesfeld"),
}


@pytest.mark.parametrize("lang", sorted(OTHER_TITLE))
def test_an_organisation_in_another_persons_title_is_not_the_holders(lang: str) -> None:
    from succession.extract.pipeline import annotate, candidates_for, prepare
    from succession.learned.decide import decide
    from succession.learned.model import load_event_model
    from succession.models import Document

    text, holder = OTHER_TITLE[lang]
    cands = [c for c in candidates_for(annotate(prepare(Document(id="other-" + lang, text=text, lang=lang))))
             if c.holder == holder]
    assert cands
    for c in cands:
        tuvalu = next(o for o in c.orgs if o.name == "Tuvalu")
        assert tuvalu.features.get("other_holder")
        assert not tuvalu.features.get("from_rule") and not tuvalu.features.get("country_in_sentence")
    model = load_event_model("events_" + lang)
    assert model is not None
    found = [e for e in decide("other-" + lang, cands, model) if e.holder == holder]
    assert all(e.org == "Kiribati" for e in found)


def test_where_the_rules_name_no_organisation_the_sentence_decides() -> None:
    """The post's own organisation, else the one named nearest the trigger, before the ranker's choice."""
    from succession.learned.candidates import Candidate, OrgOption
    from succession.learned.decide import decide
    from succession.learned.model import EventModel, LinearModel
    from succession.models import MentionKind, Modality

    sent = Span(0, 60, "x" * 60)
    model = EventModel(LinearModel({}, 5.0), LinearModel({"main": 5.0}), 0.5, {})

    def cand(*orgs: OrgOption) -> Candidate:
        return Candidate("Hauke Tammesfeld", MentionKind.PERSON, EventType.DEPARTED, sent, Span(10, 20, "x" * 10),
                         "CEO", Modality.ASSERTED, None, None, "resigned", {"bias": 1.0}, orgs)

    main = OrgOption("Wendtaler Stahl AG", {"main": 1.0})
    near = OrgOption("Ostrellinger Verkehrsbetriebe", {"in_sentence": 1.0, "near_rank=0": 1.0})
    post = OrgOption("Kestrel Mining", {"in_sentence": 1.0, "near_rank=1": 1.0, "role_linked": 1.0})
    assert [e.org for e in decide("d", [cand(main)], model)] == ["Wendtaler Stahl AG"]
    assert [e.org for e in decide("d", [cand(main, near)], model)] == ["Ostrellinger Verkehrsbetriebe"]
    assert [e.org for e in decide("d", [cand(main, near, post)], model)] == ["Kestrel Mining"]
