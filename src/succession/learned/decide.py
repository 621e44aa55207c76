"""From scored candidates to events: each candidate the model trusts enough becomes a change at the
organisation option it ranks first (or the rules' organisation, where they name one; for a public office,
the place the article names most); a change naming no post needs more trust; reports of one change (same
person, kind of change and organisation) fold into the one the model trusts most."""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from ..extract.coref import fold
from ..models import Event
from ..extract.events import distinct
from ..extract.posts import relative_clauses as _relative_clauses
from .candidates import COARSE, JURISDICTION_ROLES, Candidate, OrgOption
from .model import EventModel
from .seats import (BODY, ENVOY_ROLES, HEAD_OF_GOVERNMENT_ROLES, MINISTERIAL_ROLES, NATIONAL_ROLES, REGIONAL_ROLES,
                    STATE_OR_BODY_ROLES)

__all__ = ["decide"]


def decide(doc_id: str, cands: Sequence[Candidate], model: EventModel) -> list[Event]:
    best: dict[tuple[str, ...], tuple[float, Candidate, str | None]] = {}
    guesses: set[int] = set()  # id(candidate) whose organisation is only the ranker's guess
    for c in cands:
        if c.features.get("not_a_person"):
            continue  # a thing or a contest named like a person holds no post
        if c.features.get("no_post") and not c.role:
            continue  # "their candidate, Foo, was sacked": no post of leadership changed
        if c.features.get("object_after") and not c.features.get("rule"):
            continue  # "Foo hired Bar", "chose to part from coach Bar": Foo acts, the change is Bar's
        if c.features.get("conditional"):
            continue  # "Sollte Foo gewählt werden, ...", "if Foo were sacked": a condition, as the rules read it
        prob = model.event.probability(c.features)
        ruled = bool(c.features.get("rule")) and not c.features.get("other_subject")
        need = model.threshold_for(c.etype.value) if ruled else model.threshold_new_for(c.etype.value)
        if prob < need:
            continue
        org = _seat(c) or (_rule_org(c) if model.rule_org and ruled else None) or _linked(c) or _just_named(c)
        guessed = org is None  # no rule, seat or name of the sentence places it: the ranker's guess
        org = org or best_org(c, model)
        if prob < model.threshold_bare and _bare(c, org):
            continue
        if not c.role and _only_place(c, org):
            continue
        if not c.role and _fallback_beside_other(c, org):
            continue
        # one change per person, kind, organisation, post and year: "joined as CFO in 2016 ... CEO now" are two
        key = (fold(c.holder), c.coarse, fold(org or ""), c.role or "", c.date.value[:4] if c.date else "")
        if key not in best or (c.source is not None, prob) > (best[key][1].source is not None, best[key][0]):
            best[key] = (prob, c, org)
            if guessed:
                guesses.add(id(c))
    kept: list[Event] = []
    moves: set[int] = set()  # id(event) of kept changes placed at the organisation their trigger acts on
    bare: set[int] = set()  # id(event) of kept changes whose sentence names neither their post nor their organisation
    posted: set[int] = set()  # id(event) of kept changes whose sentence names their post
    placed: set[int] = set()  # id(event) of kept changes whose organisation a rule, a seat or its sentence gives
    again: set[int] = set()  # id(event) of kept changes told by a noun their holder owns ("Foo's appointment")
    # the rules' own reports first: what they read of a change (role, date, modality) is the better reading.
    # A report naming no post, of a person whose change of the same kind is kept already, is that change seen
    # again (beside "Foo was named manager of Baz", a bare start at the article's fallback organisation),
    # whatever organisation it fell back on: one change, not two (years apart, they stay two). So is a report
    # whose organisation nothing but the ranker's guess gives ("he was fired", the sentence naming none),
    # beside the same person's change of that kind placed by a rule, a seat or a name of its sentence
    for prob, c, org in sorted(best.values(), key=lambda t: (t[1].source is None, -t[0])):
        e = _event(doc_id, prob, c, org)
        guess = id(c) in guesses
        moved = _moved_to(c, org)
        if not any(fold(k.holder) == fold(e.holder) and COARSE[k.type.value] == COARSE[e.type.value]
                   and (_same_org(k.org, e.org)
                        or (e.role is None and not moved and (k.type is e.type or not _named_in(e)))
                        or (guess and id(k) in placed))
                   and not distinct(k, e)
                   for k in kept):
            kept.append(e)
            if not guess:
                placed.add(id(e))
            if _told_again(c):
                again.add(id(e))
            if moved:
                moves.add(id(e))
            if c.features.get("no_role_in_sentence"):
                if not _named_in(e) and not moved:
                    bare.add(id(e))
            elif e.role:
                posted.add(id(e))
    kept = [e for e in kept if not _repeat_of_placed(e, kept, moves, bare, posted)]
    kept = [e for e in kept if not (id(e) in again and any(
        k is not e and id(k) not in again and fold(k.holder) == fold(e.holder) and k.type is e.type
        and k.role == e.role and not distinct(k, e) for k in kept))]
    kept = [e for e in kept if not _twin_of_other_kind(e, kept)]
    return sorted(kept, key=lambda e: (e.evidence.start, e.holder))


def _told_again(c: Candidate) -> bool:
    """Whether a report is a noun of change owned by its holder ("once Foo's appointment is approved, Bar has its
    third coach in two years", "his appointment"): beside the same person's change of that kind and post told by a
    verb, one change told again, whatever organisation its sentence names."""
    return bool(c.features.get("nominal") and (c.features.get("genitive") or c.features.get("pronoun")))


def _repeat_of_placed(e: Event, kept: Sequence[Event], moves: set[int], bare: set[int], posted: set[int]) -> bool:
    """Whether a kept change is the same person's change of that kind told again, where another report of it
    is placed by its own sentence (the organisation its trigger acts on, or one the sentence names):
    - one naming no post, at an organisation its sentence does not name (the rules' fallback on the article's):
      "he was sacked in 2003" at the article's club beside "left Foo early last season". Folding keeps the first
      of two reports it meets; this is the same fold the other way round, whichever the model trusts more;
    - one whose sentence names neither its post nor its organisation, both taken from elsewhere in the article
      ("I congratulate Foo on his new appointment"), beside a report of that post whose sentence names the post.
      A post held at two organisations one after the other is two changes when each sentence names its own;
    - one at another organisation of the very sentence whose trigger acts on the other's ("the election of the
      new Fooland government under Bar party leader Baz": Baz starts at the government, not at the party his
      title names). Several organisations the triggers of one sentence act on stay several changes ("began
      with Foo before moving on to Bar")."""
    def same(k: Event) -> bool:
        return k is not e and fold(k.holder) == fold(e.holder) and COARSE[k.type.value] == COARSE[e.type.value]
    if id(e) in bare and any(same(k) and k.role == e.role and id(k) in posted and (id(k) in moves or _named_in(k))
                             for k in kept):
        return True
    if id(e) not in moves and any(same(k) and id(k) in moves and k.evidence.start == e.evidence.start
                                  and k.role == e.role for k in kept):
        return True
    if e.role is not None or id(e) in moves or _named_in(e):
        return False
    return any(same(k) and (id(k) in moves or _named_in(k)) and not distinct(k, e) for k in kept)


def _fallback_beside_other(c: Candidate, org: str | None) -> bool:
    """Whether a change naming no post stands only at the rules' fallback on the article's organisation while its
    own sentence names another one, tied to no other person's title ("Foo resigned after leaking details of
    the budget to a Barchester paper", "the Foo Association is to search for Bar's successor" in an article
    about Baz): nothing in the sentence places the change at the article's organisation, and nothing ties the
    one the sentence names to the trigger (that would be its object, the one acting, or the post's), so
    neither reading is a change of a post. With a post named, the post places it (a national coach at the
    country), and such reports stay."""
    opt = next((o for o in c.orgs if o.name == org), None)
    if opt is None or not (opt.features.get("from_rule") and opt.features.get("main")):
        return False
    if any(opt.features.get(k) for k in ("in_sentence", "moved_to", "role_linked", "agent", "role_compound")):
        return False
    return any(o.features.get("in_sentence") and not o.features.get("other_holder") and not _same_org(o.name, org)
               and not _in_relative_clause(c, o.name) for o in c.orgs)


def _in_relative_clause(c: Candidate, name: str) -> bool:
    """Whether every mention of ``name`` in the candidate's sentence stands in a relative clause that does not
    hold the trigger ("Foo, who often argued with the Bar Ministry, steps down"): said of the holder, not of the
    change."""
    text, at = c.sentence.text, c.sentence.start
    found = [m.start() for m in re.finditer(re.escape(name), text)]
    if not found:
        return False
    nested = _relative_clauses(c.sentence, c.trigger.start)
    return all(any(a <= at + i < b for a, b in nested) for i in found)


def _only_place(c: Candidate, org: str | None) -> bool:
    """Whether a change naming no post stands at a place named only elsewhere in the article (a country, a city),
    where nothing but the ranker's liking for the article's frequent names puts it: "Foo, who stepped down in
    2001" in an article set in Barland is no change at Barland. A place its own sentence names ("after the coup in
    Fooland"), the rules' fallback on the article's organisation and a place the trigger acts on ("joined
    Fooland") stay: there a country or a club named by its city is often the organisation itself."""
    opt = next((o for o in c.orgs if o.name == org), None)
    if opt is None:
        return False
    f = opt.features
    if any(f.get(k) for k in ("moved_to", "in_sentence", "from_rule", "main", "role_linked")):
        return False
    return bool(f.get("doc_kind=LOC") or f.get("kind=LOC") or f.get("country"))


def _twin_of_other_kind(e: Event, kept: Sequence[Event]) -> bool:
    """Whether a change is the other side of the same person's change of the opposite kind in the same sentence,
    read better there: a change only the model reads beside one the rules report naming a post ("Bar replaces
    Foo, who was relieved of his duties after a year in charge": Foo's dismissal, not a start of his too), and a
    change naming no post, at an organisation its sentence does not name, beside one naming a post ("Foo, who is to
    be sworn in as councillor, will take over Bar's portfolios": Foo's start, no end of his at the article's
    party). A rules' report naming no post is too weak a reading to outvote the model's naming one; a move to an
    organisation the sentence names ("Foo, co-founder of Bar, announced his move to Baz") is a change of its own."""
    def other_side(k: Event) -> bool:
        return (k is not e and fold(k.holder) == fold(e.holder) and k.evidence.start == e.evidence.start
                and COARSE[k.type.value] != COARSE[e.type.value] and bool(k.role))
    if e.rule.startswith("learned:") and any(other_side(k) and not k.rule.startswith("learned:") for k in kept):
        return True
    return e.role is None and not _named_in(e) and any(other_side(k) for k in kept)


def _moved_to(c: Candidate, org: str | None) -> bool:
    """Whether a change's organisation is the one its trigger acts on ("came back with Foo", "was hired ...
    by Foo", "quit Foo"): then a report of it naming no post is a step of its own in a career,
    not the same person's other change of that kind seen again."""
    return org is not None and any(o.name == org and o.features.get("moved_to") for o in c.orgs)


def _named_in(e: Event) -> bool:
    """Whether a change's organisation is named in its own sentence ("was offered a post at Foo"): then a bare
    report of it beside a change of another type (a return elsewhere) is a change of its own, not a repeat at an
    organisation the rules fell back on."""
    return bool(e.org) and e.org in e.evidence.text


def _bare(c: Candidate, org: str | None) -> bool:
    """A change that names no post needs stronger evidence: most are a player retiring, a claim dismissed
    or a show left. Joining a named organisation ("will join Foo") is a change without one."""
    return not c.role and not (org and c.coarse == "start")


def _event(doc_id: str, prob: float, c: Candidate, org: str | None) -> Event:
    if c.source is not None and (org or None) == (c.source.org or None):
        # the rules' own report, as they made it (role, date and modality read for this very change)
        return replace(c.source, confidence=round(prob, 3))
    return Event(doc_id=doc_id, type=c.etype, holder=c.holder, holder_kind=c.holder_kind, role=c.role, org=org,
                 date=c.date, modality=c.modality, evidence=c.sentence, trigger=c.trigger, rule="learned:" + c.rule,
                 confidence=round(prob, 3), date_text=c.date_text)


def _same_org(a: str | None, b: str | None) -> bool:
    """One organisation written two ways ("Foo", "Foo United"), or no organisation on one side."""
    if not a or not b:
        return True
    wa, wb = set(fold(a).split()), set(fold(b).split())
    return wa <= wb or wb <= wa


def _linked(c: Candidate) -> str | None:
    """Where the rules name no organisation: the one holding the post beside it ("chief executive of Foo",
    "Foostadts Polizeipräsident"), else the one the sentence names nearest the trigger (never the one a start
    comes from: "hired from Foo"), before the ranker's choice. The ranker learns from few examples and
    prefers the article's frequent names (a government body, a dateline) over the one the sentence itself ties
    to the change."""
    for flag in ("role_linked", "near_rank=0"):
        hit = next((o.name for o in c.orgs if o.features.get(flag) and not _left(o)), None)
        if hit is not None:
            return hit
    return None


def _rule_org(c: Candidate) -> str | None:
    """The rules' organisation; where it is only joined to a post word of the sentence ("applied for the Fooland
    manager's job and was linked with a return to Bar") and the trigger acts on another one, that one: the post
    word there may be another report's, the trigger's object is this change's."""
    ruled = next((o for o in c.orgs if o.features.get("from_rule") and not _left(o)), None)
    if ruled is None:
        return None
    f = ruled.features
    if f.get("role_compound") and not any(f.get(k) for k in ("moved_to", "role_linked", "agent")):
        # (not a place named by its adjective: "the designated Fooburg party whip" modifies the post)
        moved = next((o.name for o in c.orgs if o.features.get("moved_to") and not _left(o)
                      and not o.features.get("place_adjective")), None)
        if moved is not None:
            return moved
    return ruled.name


def _left(o: OrgOption) -> bool:
    """Whether a start comes from this organisation ("hired from Foo", "former Foo director X will join"):
    never the one joined; nor is a competition where a coach's or an unnamed post changes ("the Foo Cup")."""
    return bool(o.features.get("moved_from") or o.features.get("competition"))


def _flagged(c: Candidate, feature: str) -> str | None:
    """The first organisation option of ``c`` that bears ``feature``."""
    return next((o.name for o in c.orgs if o.features.get(feature)), None)


def _seat(c: Candidate) -> str | None:
    """A public office is held in a state, a region or a city, not in the holder's party: the place the
    article names most often, where it names one (the policy: a political post takes the state, city or
    government the text names). A report naming no post takes the holder's post the article names elsewhere."""
    # the head of a government its sentence names as led by the holder ("Landesregierung unter X")
    role = next((k[6:] for o in c.orgs for k in o.features if k.startswith("heads=")), None) or c.role or c.title
    if role in STATE_OR_BODY_ROLES:
        # a president is a state's unless the sentence names the organisation ("President Foo came to office",
        # not "Foo, president of Bar"): where the rules fell back on the article's, the country
        ruled = next((o for o in c.orgs if o.features.get("from_rule")), None)
        f = ruled.features if ruled is not None else {}
        if not (any(f.get(k) for k in ("role_linked", "moved_to", "agent"))
                or (f.get("role_compound") and not f.get("other_post_compound"))):
            # (a compound of the holder's other post, "Foo-Chef X ... zum Präsidenten", is no tie) where the
            # article names no state: the assembly it names, whose presidents it reports
            return _country(c) or _flagged(c, "doc_kind=" + BODY + ":assembly")
        return None
    if role not in JURISDICTION_ROLES:
        return None
    # a public body the trigger acts on is where the change happens, whatever the holder's office ("Rückzug des
    # Fooburger Bürgermeisters X aus dem Landtag": his seat in the assembly, not his town's office)
    joined = next((o.name for o in c.orgs if (o.features.get("moved_to") or o.features.get("vacancy_body"))
                   and not _left(o) and any(k.startswith("kind=" + BODY + ":") for k in o.features)), None)
    if joined is not None:
        return joined
    for roles, seat in _SEAT_LADDER:
        if role in roles and (named := seat(c)) is not None:
            return named
    # a city's or a region's office: the place its sentence names by its adjective ("bei der Fooburger
    # Partei, deren Bürgermeister X ging"), before the place the article names most
    named = _flagged(c, "place_adjective")
    if named is not None:
        return named
    places = [(rank, o) for o in c.orgs if (o.features.get("doc_kind=LOC") or o.features.get("kind=LOC"))
              and (rank := _doc_rank(o)) is not None]
    return min(places, key=lambda t: t[0])[1].name if places else None


# The policy's seats of a public office, tried in order; the first rung that names one holds the post.
_SEAT_LADDER: tuple[tuple[frozenset[str], Callable[[Candidate], str | None]], ...] = (
    # a regional government's post: the region the holder's own title names by its adjective ("der fooländische
    # Kultusminister X"), before any department, country or party
    (MINISTERIAL_ROLES | HEAD_OF_GOVERNMENT_ROLES | REGIONAL_ROLES, lambda c: _flagged(c, "own_title_region")),
    # a minister: the government body whose words name the post ("Ministry of Fisheries")
    (MINISTERIAL_ROLES, lambda c: _body(c)),
    # a head of government: the government the article names ("the Fooish government"), before the country
    (HEAD_OF_GOVERNMENT_ROLES, lambda c: _flagged(c, "head_of_government_seat")),
    (NATIONAL_ROLES, lambda c: _country(c)),
    # a minister with no department and no country named: the government the article names by a common noun
    # ("said he might return to government"), the policy's organisation of a minister
    (MINISTERIAL_ROLES, lambda c: _flagged(c, "doc_kind=" + BODY + ":government")),
    # an envoy: the state sending them, named with the title ("der palauische Botschafter") or most often
    (ENVOY_ROLES, lambda c: _flagged(c, "own_title_country") or _flagged(c, "country_rank=0")),
    # a region's office: the region the article names by its adjective ("der fooländische Landtag"), not the
    # capital city it names more often
    (REGIONAL_ROLES, lambda c: _flagged(c, "region_rank=0")),
)


def _country(c: Candidate) -> str | None:
    """The country the holder's own title names ("der fooländische Präsident X"), else the one the sentence
    names, else the one the article names most."""
    for flag in ("own_title_country", "country_in_sentence", "country_rank=0"):
        country = _flagged(c, flag)
        if country is not None:
            return country
    return None


def _body(c: Candidate) -> str | None:
    """A minister's government body: the one whose words name the post ("Ministry of Fisheries"
    for a fisheries minister), else one in the sentence (not the one a start comes from: "hired from the
    Fisheries Office"), else the government the sentence names by a common noun, else the body the article
    names most."""
    bodies = [o for o in c.orgs if o.features.get("gov_body")]
    for flag in ("gov_fits_role", "in_sentence"):
        named = [o for o in bodies if o.features.get(flag) and not _left(o)]
        if named:
            return named[0].name
    # no department named in the sentence: the government it names by a common noun (also in the plural:
    # "in beide Regierungen berufen"), the policy's organisation of a minister, before the one named most
    named = [o for o in c.orgs if o.features.get("kind=" + BODY + ":government")]
    if named:
        return named[0].name
    return next((o.name for o in bodies if o.features.get("gov_rank=0")), None)


def _doc_rank(o: OrgOption) -> int | None:
    """How often the article names an option, as its rank among the names it offers (0: most often)."""
    for k in o.features:
        if k.startswith("doc_rank=") and k[9:].isdigit():
            return int(k[9:])
    return None


def best_org(c: Candidate, model: EventModel) -> str | None:
    """The organisation option the model ranks first for one candidate."""
    orgs = [o for o in c.orgs if not _left(o)]
    if not orgs:
        return None
    return max(orgs, key=lambda o: model.org.probability(o.features)).name


def _just_named(c: Candidate) -> str | None:
    """Where nothing in the sentence places a change: the organisation the sentence before names last ("Bar
    are in a slump. Coach Foo, who took over in May, ..."), before the ranker's liking for the article's
    frequent names."""
    return next((o.name for o in c.orgs if o.features.get("prev_last|none_here") and not _left(o)
                 and not o.features.get("other_holder")), None)
