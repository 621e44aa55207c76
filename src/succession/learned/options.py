"""Where a candidate change may have happened: the organisation options of one candidate, each with the
features that speak for it (named in the sentence, acting on the holder, joined, holding the post beside it,
the article's main organisation, a government body, a country), and which one the rules' report names."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ..extract import events as rules
from ..extract.coref import fold
from ..extract.lexicon import Lexicon
from ..extract.mentions import NameMention, RoleMention, SentenceMentions
from ..extract.modality import clause
from ..lang import get_language
from ..models import Event
from .competitions import poor_seat
from .linkers import (PREP_BEFORE, adjective_stem, agent_gap, agent_linkers, anaphor, anaphor_before, aux_after,
                      leaves_for, linker_before, move_linkers, object_gap, origin_linkers)
from .orgnames import here_before, nominalised_adjective, place_before
from .previous import mark_previous_sentence
from .seats import (BODY, ENVOY_ROLES, GOV, HEAD_OF_GOVERNMENT_ROLES, MINISTERIAL_ROLES, NATIONAL_ROLES, REGIONAL_ROLES,
                    STATE_OR_BODY_ROLES, body_fits_role,
                    countries_named, country_key, government_led, region_before)
from .syntax import Parse

__all__ = ["DocView", "OrgOption", "JURISDICTION_ROLES", "bucket", "known_post", "org_options"]

# the kind of institution a canonical role belongs to: where a place may be the organisation (a
# minister's state, a mayor's city, a national coach's country)
_SECTORS = {r: "public" for r in ("prime minister", "deputy prime minister", "minister", "chancellor", "head of state",
                                  "mayor", "deputy mayor", "governor", "speaker", "ambassador", "commissioner",
                                  "attorney general", "police chief", "city councillor", "president")}
# offices held in a state, a region or a city (a president may as well be a company's or a club's)
JURISDICTION_ROLES = frozenset({"prime minister", "deputy prime minister", "minister", "chancellor", "head of state",
                                "mayor", "deputy mayor", "governor", "city councillor", "ambassador"})
_SECTORS.update({r: "sport" for r in ("coach", "manager", "assistant coach", "sporting director")})
_SECTORS.update({r: "party" for r in ("party leader", "leader", "deputy leader", "general secretary")})
_SECTORS.update({r: "company" for r in ("CEO", "interim CEO", "CFO", "CTO", "COO", "CPO", "CMO", "chair",
                                        "board member", "vice chair")})


@dataclass(frozen=True)
class OrgOption:
    """A place where the change may have happened, with what speaks for it."""

    name: str
    features: dict[str, float]


@dataclass
class DocView:
    """What every candidate of one article shares: the context, its organisations and the rules' verdicts."""

    ctx: rules.DocContext
    sents: Sequence[SentenceMentions]
    lx: Lexicon
    rule_events: Sequence[Event]
    facts: dict[str, tuple[str, str | None]]
    org_counts: Counter[str]
    org_names: dict[str, str]
    title_orgs: frozenset[str]
    names: Sequence[NameMention]  # organisations and places the model found anywhere it read
    name_counts: Counter[str]
    parse: Parse | None
    countries: Counter[str] = field(default_factory=Counter)  # how often each country is named (noun or adjective)
    regions: Counter[str] = field(default_factory=Counter)  # regions below a state named by adjective ("steirisch")
    # (post, country, person): a national title another person bears with its country ("die fooländische
    # Kanzlerin Foo"), see ``seats.titled_countries``
    claimed: frozenset[tuple[str, str, str]] = frozenset()


def known_post(view: DocView, holder: str) -> str | None:
    """The post the article gives the holder elsewhere (a title before the name: "Chancellor Foo" before "Mr
    Foo came into office"), where the language places a report naming no post by it; for a public office's
    seat only, never the event's role."""
    known = view.facts.get(holder)
    return known[0] if known and view.ctx.language.orgs.SEAT_FROM_TITLE else None


def bucket(n: int, edges: Sequence[int] = (0, 1, 2, 3, 5, 8, 13, 21)) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return "more"


def _antecedent(view: DocView, t0: int, t1: int, lo: int) -> tuple[str, str] | None:
    """An organisation a trigger's object names by a definite common noun ("left the club", "quit the Fooburg
    club"; in a verb-final clause before the trigger: "hat den Verein verlassen"): the noun phrase and the
    organisation the article named last before it (not the place the phrase itself names)."""
    rx = anaphor(view.ctx.lang)
    m = rx.match(view.ctx.text, t1) if rx is not None else None
    if m is None:
        before = anaphor_before(view.ctx.lang)
        m = before.search(view.ctx.text, max(lo, t0 - 90), t0) if before is not None else None
        if m is None:
            return None
        if any(0 <= n.start - m.end(1) <= 2 for n in view.names) or any(
                0 <= o.start - m.end(1) <= 2 for sm in view.sents for o in sm.orgs):
            return None  # "hat den Verein Foo verlassen": the club is named, the noun is no anaphor
        # in a verb-final clause, a name before the noun in its own sentence is the clause's subject or an
        # aside ("Nach dem Spiel gegen Foo hat X den Verein verlassen"): the club meant is one named before
        t0 = lo
    phrase = fold(m.group(1))
    text = view.ctx.text
    head = phrase.split()[-1]
    named = [(n.start, n.end, n.text) for n in view.names if n.end <= t0 and n.kind in ("ORG", "LOC")]
    named += [(o.start, o.end, o.text) for sm in view.sents for o in sm.orgs if o.end <= t0]
    # not the place the phrase names ("the Fooburg club"), nor a phrase of the same noun or its modifier
    named = [(at, name) for at, end, name in named if fold(name) not in phrase
             and fold(name).split()[-1:] != [head] and fold(text[end:end + len(head) + 1].strip()) != head]
    if not named:
        return None
    return m.group(1), max(named)[1]


_POST_OF = re.compile(r"\s*(?:of|at|for|von|bei|beim|der|des)\s+(?:the\s+)?", re.IGNORECASE)


def _names_post(text: str, r: RoleMention, a: int, b: int) -> bool:
    """Whether the name at a..b is where the post r is held: right after it with "of", "at", "bei", "der"
    ("chief executive of Foo", "Präsident der Foo"), or right before it as a possessive or genitive
    ("Foo's president", "Foo's new president", "Foostadts Bürgermeister")."""
    if 0 <= a - r.end <= 12 and _POST_OF.fullmatch(text[r.end:a]):
        return True
    return 0 <= r.start - b <= 30 and bool(_POSSESSIVE_POST.fullmatch(text[b:r.start]))


# "Foo Bürgermeister", "Foo's president", "Foo's new chief executive", "Foo's foreign minister": a name
# right before a post, or its possessive with at most one lower-case word between ("Foo's oldest
# shop assistant" is no post of Foo's)
_POSSESSIVE_POST = re.compile(r" |['’]s(?: [a-z][\w\-]*)? ")


def _beside_other(sm: SentenceMentions, r: RoleMention, holder: str, ctx: rules.DocContext) -> bool:
    """Whether role mention r is the title of another person than the holder, named right after it
    ("FWP-Chef Foo") or right before it ("Foo, Bar's foreign minister")."""
    for p in sm.persons:
        if fold(ctx.people.canonical(p.text)) == fold(holder):
            continue
        if 0 <= p.start - r.end <= 3 or 0 <= r.start - p.end <= 3:
            return True
    return False


def _names_post_name(text: str, sm: SentenceMentions, r: RoleMention, name: str) -> bool:
    """Whether a mention of ``name`` in the sentence holds post r (see ``_names_post``)."""
    at = sm.sentence.start
    while (i := text.find(name, at, sm.sentence.end)) >= 0:
        if _names_post(text, r, i, i + len(name)) or _names_post(text, r, i, i + len(name) + 1):
            return True
        at = i + 1
    return False


def _past_holder(text: str, sm: SentenceMentions, holder: str, ctx: rules.DocContext, t1: int, a: int) -> int:
    """The words between the holder's name and a name after a nominal trigger that the holder's genitive follows
    ("Rückzug des Fooburger Bürgermeisters X aus dem Landtag": two), else many: the linker after the holder
    still links the trigger ("the withdrawal of X from Foo")."""
    ends = [p.end for p in sm.persons if t1 <= p.start and p.end <= a
            and fold(ctx.people.canonical(p.text)) == fold(holder)]
    return len(text[max(ends):a].split()) if ends else 99


def _uninflected(view: DocView, name: str) -> str:
    """A name as the article names it elsewhere without a case ending ("Foostadts" -> "Foostadt")."""
    for ending in _genitive_endings(view.ctx.lang):
        stem = name[: -len(ending)]
        if name.endswith(ending) and len(stem) > 2 and (fold(stem) in view.name_counts or fold(stem) in view.org_counts):
            return view.org_names.get(fold(stem), stem)
    return name


def _title_of(text: str, sm: SentenceMentions, r: RoleMention, holder: str, ctx: rules.DocContext) -> bool:
    """Whether role mention r is the holder's own title: right before the holder's name ("former Foo chief
    X") or after it past a comma and former words ("X, bisher Sprecher der Foo")."""
    for p in sm.persons:
        if fold(ctx.people.canonical(p.text)) != fold(holder):
            continue
        if 0 <= p.start - r.end <= 3:
            return True
        if 0 <= r.start - p.end <= 30 and _TITLE_GAP.fullmatch(text[p.end:r.start]):
            return True
    return False


def _joins_person(text: str, sm: SentenceMentions, t0: int, t1: int, holder: str, ctx: rules.DocContext) -> bool:
    """Whether the trigger is a verb of joining whose object is another person ("expects to join Foo"): then
    the organisation joined is that person's, not the holder's present one."""
    verbs = ctx.language.orgs.JOIN_PERSON_VERBS
    if not verbs or text[t0:t1].casefold() not in verbs:
        return False
    return any(0 <= p.start - t1 <= 2 and fold(ctx.people.canonical(p.text)) != fold(holder) for p in sm.persons)


# between a name and its title: a comma, and at most two words ("X, bisher Sprecher", "X, the former chief")
_TITLE_GAP = re.compile(r"\s*,\s*(?:[\w\-]+\s+){0,2}")


@lru_cache(maxsize=None)
def _genitive_endings(lang: str) -> tuple[str, ...]:
    return tuple(get_language(lang).orgs.NAME_CASE_ENDINGS)


def org_options(view: DocView, sm: SentenceMentions, hit, t0: int, t1: int, holder: str, role: str | None,
                 rule_ev: Event | None, own: bool = True) -> tuple[OrgOption, ...]:
    ctx = view.ctx
    text = ctx.text
    opts: dict[str, dict[str, float]] = {}
    # where a public office is held: this report's post, else the holder's post the article names elsewhere
    seat = role or known_post(view, holder)
    # "die neue Landesregierung unter X": X heads it, whatever title he bears in the sentence
    led = government_led(text, sm, holder, ctx.people.canonical, ctx.lang)
    seat = led or seat
    heads = HEAD_OF_GOVERNMENT_ROLES if ctx.language.orgs.HEAD_OF_GOVERNMENT_IN_GOVERNMENT else frozenset()

    def add(name: str | None, **flags: float) -> dict[str, float] | None:
        if not name or fold(name) == fold(holder) or fold(name) in fold(holder).split():
            return None
        name = _uninflected(view, name)
        if name.isupper() and len(name) > 5 and " " not in name:
            return None  # a dateline ("STUTTGART -"), not an organisation
        if nominalised_adjective(name, ctx.lang):
            return None  # "Verunsicherter Trainer": an adjective opening a heading, not an organisation
        key = fold(name)
        f = opts.setdefault(key, {"_name": 0.0})
        f.update(flags)
        view.org_names.setdefault(key, name)
        return f

    if rule_ev is not None and own:
        add(rule_ev.org, from_rule=1.0)
    for r in sm.roles:
        if r.org and abs(r.start - t0) < 120:
            f = add(r.org, role_compound=1.0)
            if f is not None and role and r.role != role and not f.get("_own_post"):
                f["other_post_compound"] = 1.0  # "Foo-Chef X ... zum Präsidenten": Foo is his other post's
            elif f is not None and r.role == role:
                f["_own_post"] = 1.0
                f.pop("other_post_compound", None)
    here = [n for n in view.names if sm.sentence.start <= n.start < sm.sentence.end]
    left = clause(sm.sentence.text, hit.start, hit.end)[0] if hit is not None else 0
    posts_here = [r for r in sm.roles if role and r.role == role and not r.org]
    # a start or an end: the trigger's kind, else (a report only the rules hold) the kind they report
    kind_of = hit.trigger.type if hit is not None else (rule_ev.type.value if rule_ev is not None else "appointed")
    start = kind_of in ("appointed", "returned", "moved")
    for a, b, s, kind in [(o.start, o.end, o.text, "org") for o in sm.orgs] + [(n.start, n.end, n.text, n.kind)
                                                                                 for n in here]:
        f = add(s, in_sentence=1.0, **{"kind=" + kind: 1.0})
        if f is None:
            continue
        after = a >= t1
        d = len((text[t1:a] if after else text[b:t0]).split())
        if d < f.get("_dist", 99):
            f["_dist"], f["_after"] = d, float(after)
        f["opos=" + ("after" if after else "before") + bucket(d, (0, 1, 2, 4, 8, 16))] = 1.0
        m = PREP_BEFORE.search(text[max(sm.sentence.start, a - 20):a])
        if m:
            f["oprev=" + m.group(1).casefold()] = 1.0
        if text[b:b + 2] in ("'s", "’s") or text[b:b + 1] == "-":
            f["possessive_or_compound"] = 1.0
        linker = linker_before(text, max(sm.sentence.start, a - 30), a, ctx.lang)
        if not start and after and leaves_for(text[t1:a], ctx.lang):
            f["moved_from"] = 1.0  # "left Foo for Bar": Bar is where the next post starts
        elif after and ((min(d, _past_holder(text, sm, holder, ctx, t1, a)) <= 3 and linker in move_linkers(ctx.lang, start))
                        or (d <= 6 and linker in agent_linkers(ctx.lang) and agent_gap(text[t1:a]))):
            f["moved_to"] = 1.0  # "moving on to Foo", "hired for the Foo dugout by Bar", "Wechsel zu Foo", "sacked by Foo"
        elif after and hit is not None and object_gap(text[t1:a], ctx.lang):
            f["moved_to"] = 1.0  # the trigger's object: "quit the government", "verließ die Regierung"
        elif start and after and linker in origin_linkers(ctx.lang):
            # "hired from Foo", "kam vom Foo", "named chief in May, moving over from Foo": where the one
            # starting came from, however far after the trigger
            f["moved_from"] = 1.0
        if kind == "LOC" and adjective_stem(text, b, ctx.lang):
            f["place_adjective"] = 1.0  # "die Fooburger Partei": the place named by its adjective
        if any(_names_post(text, r, a, b) for r in posts_here):
            f["role_linked"] = 1.0  # "chief executive of Foo", "Foo's president", "Foostadts Polizeipräsident"
        if not after and hit is not None and hit.trigger.side == "obj" and not rules._PASSIVE.search(text[b:t0]) \
                and (d <= 1 or (a >= sm.sentence.start + left and aux_after(text, b, ctx.lang))):
            f["agent"] = 1.0  # "Foo recently ousted leader X", "Foo hat Trainer X entlassen": Foo acts
    for r in sm.roles:
        # "der dortige Parteichef X", "the local party chairman X": the holder's post is held in the place named
        # last before it, however far back (the place the article is telling of)
        if r.former or not here_before(text, sm.sentence.start, r.start, ctx.lang) \
                or not _title_of(text, sm, r, holder, ctx):
            continue
        place = place_before(view.names, r.start)
        f = add(place, role_linked=1.0, place_here=1.0) if place else None
        if f is not None:
            f.setdefault("_dist", 0)
    if start:
        # the holder's former title names where a start comes from, not the organisation joined ("former
        # Foo finance director X will join", "X, bisher Sprecher der Foo, rückt nach")
        joins_person = hit is not None and _joins_person(text, sm, t0, t1, holder, ctx)
        for r in sm.roles:
            # "Bar coach X expects to join Foo": a present title beside joining a person is the one left too
            if not ((r.former or joins_person) and _title_of(text, sm, r, holder, ctx)):
                continue
            for key, f in opts.items():
                name = view.org_names.get(key, key)
                if (r.org and fold(r.org) == key) or _names_post_name(text, sm, r, name):
                    f["moved_from"] = 1.0
    if start and hit is not None and hit.trigger.pattern in ctx.language.orgs.VACANCY_TRIGGERS:
        # "nach dem Rückzug des X aus dem Landtag ist Y nachgerückt": Y moves up into the public body the
        # sentence names, not into the post his title names ("der Bürgermeister von Foo, Y")
        for key, f in opts.items():
            if f.get("in_sentence") and any(k.startswith("kind=" + BODY + ":") for k in f):
                f["vacancy_body"] = 1.0
    if hit is not None:
        found = _antecedent(view, t0, t1, sm.sentence.start)
        if found is not None:
            # "left the club": the club named last is the one left, not the common noun nor the article's main
            phrase, name = found
            ruled = False
            for key in [k for k in opts if k in fold(phrase)]:
                ruled = bool(opts[key].pop("from_rule", None)) or ruled
                opts[key].pop("moved_to", None)
            f = add(name, anaphor=1.0, moved_to=1.0)
            if f is not None:
                f.setdefault("_dist", 0)
                mine = opts.get(fold(rule_ev.org)) if rule_ev is not None and own and rule_ev.org else None
                loose = mine is not None and mine is not f and not any(
                    mine.get(k) for k in ("role_compound", "role_linked", "agent", "moved_to"))
                # the rules' choice only the sentence's nearest or the article's organisation: the club the
                # noun names is the one left
                if ruled or loose or (rule_ev is not None and own and not rule_ev.org):
                    for other in opts.values():
                        other.pop("from_rule", None)
                    f["from_rule"] = 1.0
    # the organisation this trigger names as the one acting or the one joined, nearest first
    linked = sorted((f for f in opts.values() if f.get("moved_to") or f.get("agent") or f.get("role_linked")),
                    key=lambda f: (not f.get("role_linked"), f["_dist"]))
    if rule_ev is not None and not own:
        # another trigger's report: its organisation, unless this trigger names its own
        if linked:
            linked[0]["from_rule"] = 1.0
        else:
            add(rule_ev.org, from_rule=1.0)
    if rule_ev is not None and own and rule_ev.org and linked:
        mine = opts.get(fold(rule_ev.org))
        if mine is not None and not (mine.get("in_sentence") or mine.get("role_compound")):
            # the rules fell back on the article's or the holder's organisation: the one named here instead
            mine.pop("from_rule", None)
            linked[0]["from_rule"] = 1.0
    if ctx.main_org:
        add(ctx.main_org, main=1.0)
    near_first: dict[str, int] = {}
    for n in view.names:
        d = abs(n.start - sm.sentence.start)
        key = fold(n.text)
        if key not in near_first or d < near_first[key]:
            near_first[key] = d
    ranked = [k for k, _ in view.name_counts.most_common(6)]
    for n in view.names:
        key = fold(n.text)
        if n.kind.startswith(BODY):
            # a body named by a common noun is an option only where the sentence names it, but for a minister
            # the government the article names anywhere ("said he might return to government"): the policy's
            # organisation of a minister where the article names no department
            if n.kind == BODY + ":government" and (seat in MINISTERIAL_ROLES or seat in heads):
                f = add(n.text, **{"doc_kind=" + n.kind: 1.0})
                if f is not None and seat in heads:
                    f["head_of_government_seat"] = 1.0
            elif n.kind == BODY + ":assembly" and seat in STATE_OR_BODY_ROLES:
                # a president where the article names no state: the assembly it names ("der Landtag"), whose
                # presidents it reports
                add(n.text, **{"doc_kind=" + n.kind: 1.0})
            continue
        # a minister's government bodies are options wherever the article names them
        if key in ranked or near_first[key] < 400 or (n.kind == GOV and seat in MINISTERIAL_ROLES):
            f = add(n.text, **{"doc_kind=" + n.kind: 1.0})
            if f is not None:
                f["doc_rank=" + (str(ranked.index(key)) if key in ranked else "none")] = 1.0
                f["doc_near=" + bucket(near_first[key] // 100, (0, 1, 2, 3))] = 1.0
                f["doc_count=" + bucket(view.name_counts[key], (1, 2, 3, 5))] = 1.0
    for rank, (key, _) in enumerate(view.org_counts.most_common(3)):
        add(view.org_names[key], **{f"doc_rank{rank}": 1.0})
    known = view.facts.get(holder)
    if known and known[1]:
        add(known[1], holder_known_org=1.0)
    if seat in NATIONAL_ROLES or seat in STATE_OR_BODY_ROLES or seat in ENVOY_ROLES:
        # a national office: the country the article names most
        # not a country whose post the article gives another person by its adjective ("die fooländische
        # Kanzlerin Foo" beside Kanzler Bar): Bar holds his post elsewhere
        taken = {fold(k) for r, k, p in view.claimed if r == seat and p != fold(holder)}
        ranked_countries = [c for c, _ in view.countries.most_common() if country_key(c, ctx.lang) not in taken]
        for rank, country in enumerate(ranked_countries[:2]):
            add(country, country=1.0, **{f"country_rank={rank}": 1.0})
        # the country the holder's own title names ("der fooländische Präsident X"): his post's, before a country
        # the sentence names for another reason (a visit's destination)
        for r, country, p in view.claimed:
            if r == seat and p == fold(holder):
                add(next((c for c in view.countries if country_key(c, ctx.lang) == fold(country)), country),
                    country=1.0, own_title_country=1.0)
        for country in countries_named(sm.sentence.text, ctx.lang):
            add(country, country=1.0, country_in_sentence=1.0)
    if seat in MINISTERIAL_ROLES or seat in HEAD_OF_GOVERNMENT_ROLES or seat in REGIONAL_ROLES:
        # the region the holder's own title names by its adjective ("der fooländische Kultusminister X"): a
        # regional government's post, held in the region, not in the holder's party nor the capital city
        places = [n.text for n in view.names if n.kind == "LOC"]
        for r in sm.roles:
            if not r.former and _title_of(text, sm, r, holder, ctx):
                region = region_before(text, r.start, ctx.lang, places)
                f = add(region, region=1.0, own_title_region=1.0) if region else None
                if f is not None:
                    f.setdefault("_dist", 0)
    if seat in REGIONAL_ROLES:  # a region's office: the region the article names, most often first
        for rank, (region, _) in enumerate(view.regions.most_common(2)):
            add(region, region=1.0, **{f"region_rank={rank}": 1.0})
    # an organisation or country named with another person's title ("FWP-Chef Foo", "Barland's foreign
    # minister Foo") is that person's, not where this change happened: neither the rules' choice nor the
    # sentence's country
    others = [r for r in sm.roles if _beside_other(sm, r, holder, ctx)]
    for key, f in opts.items():
        name = view.org_names.get(key, key)
        if any(fold(r.org or "") == key or _names_post_name(text, sm, r, name) for r in others):
            f["other_holder"] = 1.0
            f.pop("country_in_sentence", None)
            if f.pop("from_rule", None) and linked and linked[0] is not f:
                linked[0]["from_rule"] = 1.0
    posts = [r.text for r in sm.roles if r.role == role] if role else []
    for key, f in opts.items():
        if f.get("doc_kind=" + GOV) or f.get("kind=" + GOV):
            f["gov_body"] = 1.0
            if any(body_fits_role(view.org_names.get(key, key), t, ctx.lang) for t in posts):
                f["gov_fits_role"] = 1.0
    bodies = sorted((k for k, f in opts.items() if f.get("gov_body")), key=lambda k: -view.name_counts.get(k, 0))
    for rank, key in enumerate(bodies[:2]):
        opts[key]["gov_rank=" + str(rank)] = 1.0
    in_sentence = sorted((k for k, f in opts.items() if f.get("in_sentence")), key=lambda k: opts[k].get("_dist", 99))
    for rank, key in enumerate(in_sentence[:3]):
        opts[key]["near_rank=" + str(rank)] = 1.0
    after = [k for k in in_sentence if opts[k].get("_after")]
    if after:
        opts[min(after, key=lambda k: opts[k]["_dist"])]["nearest_after"] = 1.0
    total = Counter({k: view.org_counts.get(k, 0) + view.name_counts.get(k, 0) for k in opts})
    for rank, (key, _) in enumerate(total.most_common(2)):
        opts[key]["count_rank=" + str(rank)] = 1.0
    mark_previous_sentence(ctx.text, sm.sentence.start, view.names, view.sents, opts)
    if led is not None:
        for f in opts.values():
            f["heads=" + led] = 1.0  # the seat's post for ``decide`` (the change's own post stays as read)
    sector = _SECTORS.get(role or "", "other")
    out = []
    for key, f in opts.items():
        for private in ("_name", "_dist", "_after", "_own_post"):
            f.pop(private, None)
        for k in [k for k in f if k.startswith(("kind=", "doc_kind="))]:
            f[k + "|" + sector] = 1.0
        name = view.org_names.get(key, key)
        f["freq=" + bucket(view.org_counts.get(key, 0) + view.name_counts.get(key, 0), (0, 1, 2, 4, 8))] = 1.0
        if key in view.title_orgs:
            f["in_title"] = 1.0
        words = name.split()
        f["len=" + bucket(len(words), (1, 2, 3))] = 1.0
        if any(c.isdigit() for c in name):
            f["digit"] = 1.0
        if poor_seat(name, role, ctx.lang, text):
            f["competition"] = 1.0  # "Foo Cup" employs no coach: decide() never places the change there
        if name.isupper() and len(name) <= 6:
            f["acronym"] = 1.0
        if view.lx.org_suffix_regex and view.lx.org_suffix_regex.search(name):
            f["org_suffix"] = 1.0
        if role:
            for k in [k for k in f if k.startswith("kind=")]:
                f[k + "|" + role] = 1.0
            if f.get("main"):
                f["main|" + role] = 1.0
        f["bias"] = 1.0
        out.append(OrgOption(name, f))
    return tuple(out)
