"""Candidate changes of position, each with the features a learned model decides on.

The rules of ``events.py`` are one source of candidates and one group of features, not the verdict: every
person (or pronoun standing for one) in a sentence with a trigger becomes a candidate for each trigger,
and every organisation the article offers becomes an option for where the change happened.
"""
from __future__ import annotations

import re
from functools import lru_cache
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..extract import events as rules
from ..extract import holders, replaced
from ..extract.context import cue_regex
from ..extract.coref import first_names_folded, fold
from ..extract.lexicon import lexicon
from ..extract.listed import after_plural_noun, listed_with_person
from ..extract.mentions import NameMention, SentenceMentions
from ..extract.modality import clause, modality_of
from ..models import DateValue, Event, EventType, MentionKind, Modality, Span
from .evidence import extra_features
from .lemmas import lemma_hits
from .orgnames import acronym_links, missed_names, places_apart
from .options import JURISDICTION_ROLES, DocView, OrgOption, _beside_other, bucket, known_post, org_options
from .seats import countries_named, government_bodies, regions_named, titled_countries
from .syntax import Parse

__all__ = ["Candidate", "OrgOption", "candidates_of", "COARSE", "JURISDICTION_ROLES"]

COARSE = {"appointed": "start", "returned": "start", "departed": "end", "dismissed": "end", "leave": "leave",
          "reassigned": "re", "founded": "founded"}
_WORD = re.compile(r"[\w][\w'’\-]*")


@dataclass(frozen=True)
class Candidate:
    """One person, one trigger, one sentence: a change that may have been reported."""

    holder: str
    holder_kind: MentionKind
    etype: EventType
    sentence: Span
    trigger: Span
    role: str | None
    modality: Modality
    date: DateValue | None
    date_text: str | None
    rule: str
    features: dict[str, float]
    orgs: tuple[OrgOption, ...] = field(default=())
    source: Event | None = None  # the rules' own event for this change, where they report it
    # the post: this report's, else the holder's as the article names it elsewhere ("Chancellor Foo" before
    # "Mr Foo came into office"): only where a public office is held, never the event's role
    title: str | None = None

    @property
    def coarse(self) -> str:
        return COARSE[self.etype.value]


def _words(s: str) -> list[str]:
    """The words of ``s`` as features: general language only; a capitalised word (a name, or a German
    noun) stands as its shape, so no name of a training article becomes part of a model."""
    return [w.casefold() if w[:1].islower() else "<Cap>" for w in _WORD.findall(s)]


def candidates_of(ctx: rules.DocContext, sents: Sequence[SentenceMentions], rule_events: Sequence[Event],
                  facts: dict[str, tuple[str, str | None]], names: Sequence[NameMention] = (),
                  parse: Parse | None = None, hits: Sequence[rules.SentenceHits] | None = None) -> list[Candidate]:
    """Every candidate change of an article, with features and organisation options (``hits``: the
    sentences' trigger hits where the document carries them)."""
    lx = lexicon(ctx.lang)
    counts: Counter[str] = Counter()
    spelled: dict[str, str] = {}
    for sm in sents:
        for o in sm.orgs:
            counts[fold(o.text)] += 1
            spelled.setdefault(fold(o.text), o.text)
    named = {fold(p.text) for sm in sents for p in sm.persons}
    everyone = [p for sm in sents for p in sm.persons]
    # a name the sentence lists among people is a person's wherever the model tags it (see ``listed``)
    listed = {fold(n.text) for n in names
              if n.kind == "ORG" and listed_with_person(ctx.text, n.start, n.end, everyone, ctx.lang)}
    persons = _people_not_companies(named, {fold(n.text) for n in names if n.kind == "ORG"} - listed)
    names = [part for n in names for part in places_apart(n)]
    # not a name the sentence lists among people ("die Spieler Foo Bar und Baz Qux"): a person's, see ``listed``
    # nor a name where the sentences read a person's ("Trainer Foo Bar" tagged a place whole, the rules reading
    # "Foo" and "Bar" as one person's name): as a sentence's organisations, so the article's places
    full = [p for p in everyone if fold(p.text) in persons and len(ctx.people.canonical(p.text).split()) > 1]
    found = [n for n in names if fold(n.text) not in persons and not lx.canonical_role(n.text)
             and not (n.kind == "ORG" and fold(n.text) in listed)
             and not any(p.start < n.end and n.start < p.end for p in full)]
    # such a company, wherever the name model read it as a person: counted and placed in its sentence
    seen = {n.start for n in found}
    found += [NameMention(p.start, p.end, p.text, "ORG") for sm in sents for p in sm.persons
              if fold(p.text) in named - persons and p.start not in seen]
    # the government bodies the text names anywhere: where a minister's post is held
    found += government_bodies(ctx.text, ctx.lang)
    # and what the named-entity model misses: bodies named by a common noun, names in apposition to a
    # kind of organisation, places named by their adjective (options only)
    found += missed_names(ctx.text, ctx.lang, found, [*names, *(o for sm in sents for o in sm.orgs)],
                          [p for sm in sents for p in sm.persons], lx)
    name_counts = Counter(fold(n.text) for n in found)
    for n in found:
        spelled.setdefault(fold(n.text), n.text)
    _count_acronyms(counts, name_counts, spelled)
    title = frozenset(fold(o.text) for o in [*(o for sm in sents for o in sm.orgs), *found]
                      if o.start < max(ctx.title_end, 1))
    view = DocView(ctx, sents, lx, rule_events, facts, counts, spelled, title, found, name_counts, parse,
                    countries_named(ctx.text, ctx.lang),
                    regions_named(ctx.text, ctx.lang, [n.text for n in found if n.kind == "LOC"]),
                    titled_countries(ctx.text, ctx.lang, sents, ctx.people.canonical))
    out: list[Candidate] = []
    for sm in sents:
        out += _sentence_candidates(view, sm, rules.carried_hits(hits, sm.sentence))
    return out


def _count_acronyms(counts: Counter[str], name_counts: Counter[str], spelled: dict[str, str]) -> None:
    """An acronym and its long form ("FRU", "Foo Rowing Union") name one organisation: each is counted as often
    as both together, so neither loses to a name the article repeats less."""
    for short, long in acronym_links(spelled.values()):
        a, b = fold(short), fold(long)
        for tally in (counts, name_counts):
            both = tally.get(a, 0) + tally.get(b, 0)
            if tally.get(a) and tally.get(b):
                tally[a] = tally[b] = both


def _people_not_companies(persons: set[str], orgs: set[str]) -> set[str]:
    """The names of people, without the company the name model took for one ("Foo shareholders", "a former
    CEO at Foo", Foo read as a person) where the organisation model tags it an organisation elsewhere: a
    name whose first word is no known given name and that is no part of a person's name with one (the
    surname of "Ada Foo" stays a person however the organisation model reads it). Otherwise a bank or a
    firm named like a person is never an option for where a change happened."""
    firsts = first_names_folded()
    named = [n.split() for n in persons if n.split() and n.split()[0] in firsts]

    def company(key: str) -> bool:
        words = key.split()
        return (key in orgs and bool(words) and words[0] not in firsts
                and not any(words == full[i:i + len(words)] for full in named for i in range(len(full))))

    return {p for p in persons if not company(p)}


def _sentence_candidates(view: DocView, sm: SentenceMentions, carried: rules.SentenceHits | None = None
                         ) -> list[Candidate]:
    ctx, lx, sent = view.ctx, view.lx, sm.sentence
    if carried is not None:
        hits = [*carried.patterns, *carried.lemmas]
    else:
        hits = rules.trigger_hits(sent.text, lx)
        hits += lemma_hits(sent.text, ctx.lang, [(h.start, h.end) for h in hits])
    if not hits:
        return []
    rule_here = [e for e in view.rule_events if e.evidence.start == sent.start]
    persons: list[tuple[NameMention, bool]] = [(p, False) for p in sm.persons]
    for p in rules._pronouns(ctx, sm, sent.start, sent.start):
        persons.append((p, True))
    anaphors = holders._anaphors(ctx, sm)
    persons += [(p, True) for p in anaphors]
    anaphor_at = {p.start for p in anaphors}
    question = sent.text.rstrip(" \"'”“»«)").endswith("?")
    out = []
    starts = {sent.start + h.start for h in hits}
    for hit in hits:
        t0, t1 = sent.start + hit.start, sent.start + hit.end
        if hit.trigger.is_nominal(ctx.text[t0:t1]) and not (lx.successor_nouns and lx.successor_nouns.fullmatch(
                ctx.text[t0:t1])) and holders.owned_by_other(ctx, t0, t1):
            continue  # "the councillor's resignation": the noun's own holder is unnamed; nobody in the sentence holds it
        ttype = "appointed" if hit.trigger.type == "moved" else hit.trigger.type
        etype = EventType(ttype)
        modality = modality_of(sent.text, hit.start, hit.end, lx,
                               ignore=tuple((r.start - sent.start, r.end - sent.start) for r in sm.roles))
        date, date_text = rules._date_for(ctx, sent, hit, modality)
        left, right = clause(sent.text, hit.start, hit.end)
        # a pattern with a gap ("trat ... an") holds the clause's middle: after a fronted phrase the subject
        # stands inside it ("Im Mai trat Foo das Amt an"), so, as the rules read it, the verb is the trigger
        head_end = _head_end(ctx.text, t0, t1) if "..." in hit.trigger.pattern else t1
        # of a replacement verb with a gap ("löste ... ab") only the subject after a fronted phrase starts there;
        # whoever else stands inside is the one replaced
        inverted = replaced.inverted_subject(ctx, sm, [p for p, _ in persons], t0, t1) \
            if head_end < t1 and hit.trigger.pattern in lx.replacement \
            and hit.trigger.pattern not in lx.language.triggers.REPLACED_IN_GAP else None
        # "Foo folgte auf Bar": only with someone right after "auf", who is the one replaced, never the one starting
        on = replaced.follows_on(ctx, sm, hit)
        if hit.trigger.pattern in lx.language.triggers.FOLLOWS_ON and on is None:
            continue
        seen: set[str] = set()
        here = persons
        if hit.trigger.pattern in lx.language.triggers.NAMED_AFTER_ROLE:
            # "der bisherige Premier Foo": only the one named right after the role; a headline's "Bisheriger
            # Assistent ..." or "die bisherige Koalition" names nobody's change
            named = holders.named_after_role(ctx, sm, [p for p, pr in persons if not pr], t1)
            here = [(p, pr) for p, pr in persons if not pr and p in named]
        for p, pronoun in here:
            if p.start < head_end and t0 < p.end and not pronoun:
                continue
            if on is not None and p.start == on.start and etype in (EventType.APPOINTED, EventType.RETURNED):
                continue
            # the one named inside the gap is read against the verb alone
            p_t1 = head_end if head_end <= p.start < t1 else t1
            if p_t1 < t1 and not pronoun and hit.trigger.pattern in lx.replacement and p is not inverted \
                    and etype in (EventType.APPOINTED, EventType.RETURNED):
                continue  # "Foo löste Bar ab": Bar is the one replaced, never the one starting
            if p_t1 < t1 and not pronoun and replaced._after_words(ctx, p.start, ctx.language.quotes.PREPOSITIONS):
                continue  # "kehrt er zu Foo zurück": a name in a prepositional phrase inside the gap is no subject
            # a pronoun stands for the name last written ("Mr Foo"): its canonical form ("Jane Foo") is the
            # one the rules' report of the same change bears, so the two are one candidate
            holder = ctx.people.canonical(p.text)
            if fold(holder) in seen:
                continue
            seen.add(fold(holder))
            # the rules' report of this person and kind of change; where they report this very trigger at
            # another organisation ("with Foo before moving on to Bar"), that one
            mine = [e for e in rule_here if fold(e.holder) == fold(holder) and COARSE[e.type.value] == COARSE[ttype]]
            rule_ev = mine[0] if mine else None
            rule_ev = next((e for e in mine if e.trigger is not None and e.trigger.start == t0
                            and fold(e.org or "") != fold(mine[0].org or "")), rule_ev)
            rule_other = next((e for e in rule_here if fold(e.holder) == fold(holder)), None)
            f = _person_features(view, sm, hit, p, pronoun, holder, t0, p_t1, left, right, question, modality)
            if f.get("succeeded") and etype in (EventType.APPOINTED, EventType.RETURNED) and rule_ev is None:
                continue  # "a successor to CTO Foo", "Foos Nachfolger": Foo is the one replaced, never the one starting
            f.update(extra_features(ctx, holder, hit, t0))  # the headline's word on this change
            if p.start in anaphor_at:
                f["anaphor"] = 1.0  # "Dieser", "der 54-Jährige": surer of the one meant than a pronoun
            if rule_ev is not None:
                f["rule"] = 1.0
                f["rule_exact=" + str(rule_ev.type.value == ttype)] = 1.0
            elif rule_other is not None:
                f["rule_other_type"] = 1.0
            if any(fold(e.holder) == fold(holder) and COARSE[e.type.value] == COARSE[ttype]
                   for e in view.rule_events):
                f["rule_in_doc"] = 1.0
            role = rule_ev.role if rule_ev else _role(view, sm, p, t0, p_t1, etype)
            if role is None and etype is EventType.APPOINTED and _takes_place(view, hit, t0, t1):
                role = _predecessors_post(view, sm, holder, t0)
            if etype is EventType.FOUNDED and rule_ev is None:
                role = "co-founder"  # as the rules name a founder's post: one founding, not a "founder" beside it
            if role:
                f["has_role"] = 1.0
                f["role=" + role] = 1.0
            elif _no_post(ctx, sm, p, pronoun, t1) or (not pronoun and after_plural_noun(
                    ctx.text, p.start, sm.persons, ctx.lang,
                    lambda w: lx.canonical_role(w) or lx.compound_role(w))):
                f["no_post"] = 1.0  # "their candidate, Foo, was sacked", "sacked the striker"
            # several changes in one sentence ("began with Foo before moving on to Bar") that the rules
            # report once: that report names its own trigger's organisation, not the others'
            own = rule_ev is not None and (rule_ev.trigger is None or rule_ev.trigger.start == t0
                                           or rule_ev.trigger.start not in starts)
            options = org_options(view, sm, hit, t0, t1, holder, role, rule_ev, own)
            out.append(Candidate(holder=holder, holder_kind=MentionKind.PERSON, etype=rule_ev.type if rule_ev else etype, sentence=sent,
                                 trigger=Span(t0, t1, ctx.text[t0:t1]), role=role,
                                 modality=rule_ev.modality if rule_ev else modality,
                                 date=(rule_ev.date if rule_ev else None) or date,
                                 date_text=(rule_ev.date_text if rule_ev else None) or date_text,
                                 rule=hit.trigger.pattern, features=f, orgs=options, source=rule_ev,
                                 title=role or known_post(view, holder)))
    # what the rules report that no person-and-trigger candidate holds (an organisation taking a seat, the
    # one a successor replaces) stays a candidate of its own
    held = {(fold(c.holder), c.coarse) for c in out}
    for e in rule_here:
        if (fold(e.holder), COARSE[e.type.value]) in held:
            continue
        f = {"bias": 1.0, "rule": 1.0, "rule_only": 1.0, "ttype=" + e.type.value: 1.0,
             "modality=" + e.modality.value: 1.0, "org_holder": float(e.holder_kind is MentionKind.ORG),
             "replaced": float(e.rule.endswith("(replaced)")), "has_role": float(e.role is not None),
             # "Foo Bar von FOO", "Ostlands Regierungschef": decide() reports no change of a name no person bears
             "not_a_person": float(e.holder_kind is MentionKind.PERSON and holders.not_a_person(e.holder, ctx.lang))}
        # the article's options, as a person's candidate has them: a public office's places, countries and
        # bodies; where the rules fell back on an organisation the sentence does not name, the one it does
        at = e.trigger or sent
        options = org_options(view, sm, None, at.start, at.end, e.holder, e.role, e)
        out.append(Candidate(e.holder, e.holder_kind, e.type, sent, e.trigger or sent, e.role, e.modality,
                             e.date, e.date_text, e.rule, {k: v for k, v in f.items() if v}, options, source=e,
                             title=e.role or known_post(view, e.holder)))
    return out


def _head_end(text: str, t0: int, t1: int) -> int:
    """Where the first word of a gapped trigger's match ends (its finite verb: "trat" of "trat ... an")."""
    m = re.match(r"\S+", text[t0:t1])
    return t0 + m.end() if m else t1


def _takes_place(view: DocView, hit, t0: int, t1: int) -> bool:
    """Whether the trigger makes its subject the successor of another ("ihr Nachfolger X", "An ihre Stelle
    tritt X", "Foo's successor X"): the one starting takes the predecessor's post."""
    lx = view.lx
    return hit.trigger.pattern in view.ctx.language.triggers.IN_PLACE_OF \
        or hit.trigger.pattern in view.ctx.language.triggers.FOLLOWS_ON \
        or bool(lx.successor_nouns and lx.successor_nouns.fullmatch(view.ctx.text[t0:t1]))


def _predecessors_post(view: DocView, sm: SentenceMentions, holder: str, t0: int) -> str | None:
    """The post a successor takes where the sentence names none of the successor's own: the title another
    person bears nearest the trigger in the sentence ("Bauministerin Foo ging, ihr Nachfolger X ..."), else the
    last title of a person in the sentence before ("Bauministerin Foo musste gehen. An ihre Stelle tritt X")."""
    ctx = view.ctx
    own = [r for r in sm.roles if _beside_other(sm, r, holder, ctx) and not r.former]
    if own:
        return min(own, key=lambda r: abs(r.start - t0)).role
    i = next((k for k, s in enumerate(view.sents) if s.sentence.start == sm.sentence.start), 0)
    if i == 0:
        return None
    before = view.sents[i - 1]
    titled = [r for r in before.roles if _beside_other(before, r, holder, ctx) and not r.former]
    if titled:
        return titled[-1].role
    # the sentence before names its person by a pronoun only ("Sie trat als Foo-Chefin zurück. Ihr Nachfolger
    # ist X"): the post it names is the one left, the one the successor takes
    if not before.persons:
        posts = [r for r in before.roles if not r.former]
        return posts[-1].role if posts else None
    return None


def _role(view: DocView, sm: SentenceMentions, p: NameMention, t0: int, t1: int, etype: EventType) -> str | None:
    role_m = rules._role_for(view.ctx, list(sm.roles), p.start, t0, t1, etype)
    if role_m is not None:
        return role_m.role
    known = view.facts.get(view.ctx.people.canonical(p.text))
    return known[0] if known else None


def _person_features(view: DocView, sm: SentenceMentions, hit, p: NameMention, pronoun: bool, holder: str,
                     t0: int, t1: int, left: int, right: int, question: bool, modality: Modality
                     ) -> dict[str, float]:
    ctx, sent = view.ctx, sm.sentence
    text = ctx.text
    trig = hit.trigger
    f: dict[str, float] = {"bias": 1.0, "trig=" + trig.pattern: 1.0, "ttype=" + trig.type: 1.0,
                           "side=" + trig.side: 1.0, "modality=" + modality.value: 1.0}
    if trig.needs_role:
        f["needs_role"] = 1.0
    if trig.is_nominal(text[t0:t1]):
        f["nominal"] = 1.0
    if pronoun:
        f["pronoun"] = 1.0
        last = [m for m in ctx.people.mentions_before(p.start) if ctx.people.canonical(m[2]) == holder]
        # how far back the one a pronoun stands for was last named: far back, it is often someone else
        f["pronoun_back=" + (bucket((p.start - last[-1][1]) // 100, (1, 3, 6)) if last else "none")] = 1.0
    before = p.end <= t0
    gap = text[p.end:t0] if before else text[t1:p.start]
    n = len(gap.split())
    f["pos=" + ("before" if before else "after") + bucket(n)] = 1.0
    f["side_pos=" + trig.side + ("before" if before else "after")] = 1.0
    others = [q for q in sm.persons if q is not p and min(p.start, t0) < q.start < max(p.end, t1)]
    f["between_persons=" + bucket(len(others), (0, 1))] = 1.0
    in_clause = sent.start + left <= p.start < sent.start + right
    f["in_clause"] = float(in_clause)
    if re.search(r"[,;:()–—]", gap):
        f["punct_between"] = 1.0
    if n <= 5:
        for w in _words(gap):
            f["btw=" + w] = 1.0
    for w in _words(text[max(sent.start, p.start - 25):p.start])[-2:]:
        f["pl=" + w] = 1.0
    for w in _words(text[p.end:min(sent.end, p.end + 25)])[:2]:
        f["pr=" + w] = 1.0
    for w in _words(text[max(sent.start, t0 - 30):t0])[-3:]:
        f["tl=" + w] = 1.0
    for w in _words(text[t1:min(sent.end, t1 + 20)])[:2]:
        f["tr=" + w] = 1.0
    if question:
        f["question"] = 1.0
    if sent.start < max(ctx.title_end, 1):
        f["title"] = 1.0
    if rules._conditional(ctx, sent.text, hit.start):
        f["conditional"] = 1.0
    f.update(_cue_features(ctx.lang, sent.text, hit.start, hit.end, left, right))
    if view.lx.successor_nouns and view.lx.successor_nouns.fullmatch(text[t0:t1]) and (
            (not before and replaced._of_direct(text[t1:p.start]))
            or (before and text[p.end:t0].strip() in ("'s", "’s"))):
        f["succeeded"] = 1.0  # "a successor to CTO Foo", "Foo's successor": Foo is the one replaced
    if before and holders.unnamed_object(ctx, hit, t0, t1):
        f["unnamed_object"] = 1.0  # "Foo appointed a new clerk": Foo acts on someone the sentence does not name
    lo, hi = sorted((p.end, t0) if before else (t1, p.start))
    if cue_regex(ctx.lang, "quotes", "SPEECH_VERBS").search(text[lo:hi]):
        f["speech_between"] = 1.0  # "Foo, the chief executive, said the sale ...": Foo speaks, no change
    if not pronoun:
        if len(p.text.split()) == 1 and len(holder.split()) > 1:
            # "Foo resigned" of a Jane Foo the article names in full elsewhere: a person, often a change told
            # again, but not the lone word the name model misreads as one ("Bar said ...")
            f["surname_only"] = 1.0
        elif len(p.text.split()) == 1:
            f["one_word"] = 1.0
            if not holders._plausible_person(ctx, holder, sm):
                f["implausible"] = 1.0
        if holders._genitive(ctx, p):
            f["genitive"] = 1.0
        if replaced._after_marker(ctx, p.start):
            f["after_from"] = 1.0
    if holders.not_a_person(holder, ctx.lang):
        # "Foo's Budget", "Foo League", also where a pronoun stands for it: decide() reports no change of it
        f["not_a_person"] = 1.0
    mentions = sum(1 for m in ctx.people.mentions_before(len(text)) if ctx.people.canonical(m[2]) == holder)
    f["mentions=" + bucket(mentions, (1, 2, 4, 8))] = 1.0
    if any(0 <= p.start - r.end <= 3 for r in sm.roles):
        f["titled"] = 1.0
    if trig.side == "subj" and (any(_unnamed_subject(text, r, p, t0, t1) for r in sm.roles)
                                or holders.unnamed_subject(ctx, sm, t0)):
        f["other_subject"] = 1.0  # "a previous chancellor resigned after he ...", "the two have left": unnamed
    if any(0 <= r.start - t1 <= 60 for r in sm.roles):
        f["role_after_trigger"] = 1.0
    if before and ((not pronoun and _object_after(view, sm, hit, holder, t0, t1))
                   or _participle_of_other(view, sm, hit, p, holder, t0, t1)):
        # "Foo hired Bar", "chose to part from coach Bar": Foo acts on Bar; "he waved away talk of
        # Bar, recently sacked as coach": the participle is Bar's
        f["object_after"] = 1.0
    if not sm.roles:
        f["no_role_in_sentence"] = 1.0
    if holder in view.facts:
        f["known_role"] = 1.0
    if view.parse is not None and not pronoun:
        f.update(view.parse.features(p.start, p.end, t0, t1))
    return f


def _object_after(view: DocView, sm: SentenceMentions, hit, holder: str, t0: int, t1: int) -> bool:  # type: ignore[no-untyped-def]
    """Whether an active trigger whose holder is its object ("hired", "part from") names another person right
    after it, past at most an article and that person's title ("to part from coach Bar"): that person is the one
    the change befalls, and a person named before the trigger is the one acting, not its holder. A passive
    ("Foo was sacked by Bar") and a noun ("Foo's appointment of Bar") are read elsewhere."""
    ctx, text = view.ctx, view.ctx.text
    if hit.trigger.side != "obj" or hit.trigger.is_nominal(text[t0:t1]) \
            or holders._PASSIVE.search(text[max(sm.sentence.start, t0 - 40):t0]):
        return False
    articles = ctx.language.orgs.OBJECT_ARTICLES
    for q in sm.persons:
        if q.start < t1 or q.start - t1 > 60 or fold(ctx.people.canonical(q.text)) == fold(holder):
            continue
        title = next((r for r in sm.roles if t1 <= r.start and 0 <= q.start - r.end <= 3), None)
        words = text[t1:title.start if title is not None else q.start].split()
        return not words or (len(words) == 1 and words[0].casefold() in articles)
    return False


def _no_post(ctx: rules.DocContext, sm: SentenceMentions, p: NameMention, pronoun: bool, t1: int) -> bool:
    """Whether the sentence calls the one a change befalls by a noun of no post (``NOT_POST_NOUNS``): the noun
    right before the name, past a comma ("their candidate, Foo"), or the trigger's object ("sacked the
    striker", "sacked their young winger")."""
    nouns = ctx.language.roles.NOT_POST_NOUNS
    if not nouns:
        return False
    before, after = _no_post_patterns(nouns)
    text = ctx.text
    if not pronoun and before.search(text[max(sm.sentence.start, p.start - 30):p.start]):
        return True
    return after.match(text[t1:min(sm.sentence.end, t1 + 40)]) is not None


@lru_cache(maxsize=None)
def _no_post_patterns(nouns: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The two expressions of ``_no_post``, compiled once per language (it runs for every candidate): the noun
    right before a name, and the noun as the trigger's object."""
    alt = "|".join(re.escape(n) for n in nouns)
    return (re.compile(r"(?<![\w\-])(?:" + alt + r")s?\s*,?\s*$", re.IGNORECASE),
            re.compile(r"\s+(?:the|his|her|their|its)\s+(?:[\w\-]+\s+)?(?:" + alt + r")(?![\w\-])", re.IGNORECASE))


def _participle_of_other(view: DocView, sm: SentenceMentions, hit, p: NameMention, holder: str, t0: int,  # type: ignore[no-untyped-def]
                         t1: int) -> bool:
    """Whether a trigger whose holder is its object is a participle set after another person's name and a comma,
    at most one word between ("talk of Bar, lately sacked as coach"): the change is that person's,
    not of one named before him."""
    ctx, text = view.ctx, view.ctx.text
    if hit.trigger.side != "obj" or hit.trigger.is_nominal(text[t0:t1]):
        return False
    return any(p.end <= q.start and q.end <= t0 and _PARTICIPLE_GAP.fullmatch(text[q.end:t0]) is not None
               and fold(ctx.people.canonical(q.text)) != fold(holder) for q in sm.persons)


# between a name and a participle that is its apposition: a comma and at most one word (", recently sacked")
_PARTICIPLE_GAP = re.compile(r"\s*,\s*(?:[\w\-]+\s+)?")


def _unnamed_subject(text: str, r, p: NameMention, t0: int, t1: int) -> bool:  # type: ignore[no-untyped-def]
    """Whether role mention ``r`` is the subject of the trigger and the candidate, named after the trigger,
    is not: the role stands right before the trigger (at most two words between: "a previous chancellor
    resigned after he ...", "chancellors had resigned"), not as a predicate ("as CTO takes over Foo"),
    and is not the candidate's own title."""
    if p.start < t1 or not (r.end <= t0 and len(text[r.end:t0].split()) <= 2):
        return False
    if re.search(r"[,;:()–—\"“”]", text[r.end:t0]) or 0 <= r.start - p.end <= 3 or 0 <= p.start - r.end <= 3:
        return False
    return not _PREDICATE.search(text[max(0, r.start - 12):r.start])


_PREDICATE = re.compile(r"(?<![\w])(?:as|als|zum|zur|to)\s+(?:\w+\s+)?$", re.IGNORECASE)


_CUES = ("DEMAND", "COUNTERFACTUAL", "CANDIDACY")


def _cue_features(lang: str, sentence: str, start: int, end: int, left: int, right: int) -> dict[str, float]:
    """Whether the change is demanded, weighed, counterfactual or a candidacy: cue words in the trigger's
    clause (German puts the auxiliary far before the participle: "wäre Foo im Mai ... gewählt worden") or
    only elsewhere in the sentence."""
    out = {}
    near = sentence[left:right]
    for name in _CUES:
        rx = cue_regex(lang, "modality", name, True)
        if rx.search(near):
            out["cue=" + name] = 1.0
        elif rx.search(sentence):
            out["cue_sent=" + name] = 1.0
    return out
