"""Changes of position from candidate sentences: trigger → holder → role → organisation → date → modality.

Rules, not a model: each step is a small function reading language data, so a learnt component can
replace any of them later without touching the rest.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from .coref import People, fold
from .dates import find_time_expressions
from .lang import get_language
from .lexicon import Lexicon, Trigger, lexicon
from .mentions import NameMention, RoleMention, SentenceMentions, possible_triggers
from .modality import clause, modality_of, negated_by_followup
from .ner import first_names
from .models import DateValue, Event, EventType, MentionKind, Modality, RoleFact, Span

__all__ = ["extract_events", "DocContext", "distinct", "person_roles", "tidy"]

_COORD = re.compile(r"^\s*(?:,|and|und|&|sowie|as well as)\s*(?:,\s*)?(?:(?:mr|mrs|ms|dr|herr|frau)\.?\s+)?$",
                    re.IGNORECASE)
_BOARD_ROLES = ("board member", "board observer")
_COARSE = {"appointed": "start", "returned": "start2", "departed": "end", "dismissed": "end", "leave": "leave",
           "reassigned": "re", "founded": "founded"}


@dataclass(frozen=True)
class DocContext:
    doc_id: str
    text: str
    lang: str
    anchor: dt.date | None
    people: People
    main_org: str | None
    title_end: int = 0  # end of the headline, when the document starts with one


@dataclass(frozen=True)
class _Hit:
    start: int  # sentence-relative
    end: int
    trigger: Trigger


def extract_events(ctx: DocContext, sents: Sequence[SentenceMentions]) -> tuple[list[Event], list[RoleFact]]:
    lx = lexicon(ctx.lang)
    facts = [f for sm in sents for f in _facts(ctx, sm)]
    known = person_roles(facts)
    events: list[Event] = []
    for i, sm in enumerate(sents):
        if sm.sentence.text.rstrip(" \"'”“»«)").endswith("?"):
            continue  # a question reports no change ("Would you return to the board?")
        new = [e for hit in _hits(sm.sentence.text, lx) for e in _events_for(ctx, sm, hit, lx, known)]
        if _refused(ctx, sm.sentence.text):
            new = [_negate(e) if e.type in (EventType.DEPARTED, EventType.DISMISSED) else e for e in new]
        nxt = _next_sentence(ctx.text, sm.sentence.end)
        if nxt and negated_by_followup(nxt, ctx.lang):
            new = [_negate(e) for e in new]
        events += new
    return tidy(events, ctx.title_end), facts


def tidy(events: list[Event], title_end: int) -> list[Event]:
    """The last pass over an article's changes, whoever decided them: a headline's repeat of the body goes,
    a change naming no role takes the one the same person's other changes name, one report per change."""
    return _dedupe(_shared_roles(_drop_headline_repeats(events, title_end)))


def _shared_roles(events: list[Event]) -> list[Event]:
    """A return, firing or departure that names no role is about the post the same person's other
    changes at the same organisation name ("fired as CEO ... his return")."""
    known: dict[tuple[str, str], str] = {}
    for e in events:
        if e.role and e.type in (EventType.DISMISSED, EventType.DEPARTED, EventType.RETURNED):
            known.setdefault((fold(e.holder), fold(e.org or "")), e.role)
    return [replace(e, role=known.get((fold(e.holder), fold(e.org or "")))) if e.role is None
            and e.type in (EventType.DISMISSED, EventType.DEPARTED, EventType.RETURNED) else e for e in events]


def _drop_headline_repeats(events: list[Event], title_end: int) -> list[Event]:
    """A headline repeats the lead: its event goes when the body reports the same change of the same person."""
    if title_end <= 0:
        return events
    body = {(fold(e.holder), _COARSE[e.type.value]) for e in events if e.evidence.start >= title_end}
    return [e for e in events if e.evidence.start >= title_end or (fold(e.holder), _COARSE[e.type.value]) not in body]


def _refused(ctx: DocContext, sentence: str) -> bool:
    """'offered his resignation, which the board rejected': the departure did not happen."""
    return bool(_cue_regex(ctx.lang, "modality", "REFUSAL", True).search(sentence))


@lru_cache(maxsize=None)
def _cue_regex(lang: str, concern: str, name: str, patterns: bool = False) -> re.Pattern[str]:
    """One compiled expression for a list of language data (whole words; ``patterns``: the trigger
    pattern syntax), built once per language rather than on every sentence."""
    from .lexicon import compile_pattern

    words = getattr(getattr(get_language(lang), concern), name)
    alts = [compile_pattern(w) if patterns else r"(?<![\w])" + re.escape(w) + r"(?![\w])" for w in words]
    return re.compile("|".join(f"(?:{a})" for a in alts) or r"(?!)", re.IGNORECASE)


def _next_sentence(text: str, end: int) -> str:
    return text[end:end + 120].strip()


def _negate(e: Event) -> Event:
    return replace(e, modality=Modality.NEGATED)


def _hits(sentence: str, lx: Lexicon) -> list[_Hit]:
    hits = []
    for trig in possible_triggers(sentence, lx):  # the others cannot match: same hits, far fewer searches
        for m in trig.regex.finditer(sentence):
            if _blocked(sentence, m.start(), m.end(), lx) or (lx.not_triggers and lx.not_triggers.fullmatch(m.group())):
                continue
            hits.append(_Hit(m.start(), m.end(), trig))
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    out: list[_Hit] = []
    for h in hits:  # overlapping matches: the longer, earlier one wins, but a gap is no match of its own
        if any(_covers(o, h, sentence) for o in out):
            continue
        out.append(h)
    return out


def _covers(a: _Hit, b: _Hit, sentence: str) -> bool:
    if not (b.start < a.end and a.start < b.end):
        return False
    if "..." not in a.trigger.pattern:
        return True
    words = list(re.finditer(r"\S+", sentence[a.start:a.end]))
    first_end, last_start = a.start + words[0].end(), a.start + words[-1].start()
    return b.start < first_end or b.end > last_start  # inside the gap: a trigger of its own


def _blocked(sentence: str, start: int, end: int, lx: Lexicon) -> bool:
    if lx.award_words and lx.award_words.search(sentence[end:end + 45]):
        return True  # "named Manager of the Year": an honour, not a post
    after = sentence[end:end + 30].lstrip(" ,")
    before = sentence[max(0, start - 15):start].rstrip(" -")
    if lx.block_after is not None:
        m = lx.block_after.match(after)
        if m:
            return True
    if lx.block_before is not None:
        for m in lx.block_before.finditer(before):
            if m.end() == len(before):
                return True
    return False


def _events_for(ctx: DocContext, sm: SentenceMentions, hit: _Hit, lx: Lexicon,
                known: dict[str, tuple[str, str | None]]) -> list[Event]:
    sent = sm.sentence
    abs_start, abs_end = sent.start + hit.start, sent.start + hit.end
    if "..." in hit.trigger.pattern:
        # a pattern with a gap ("kehrte ... zurück") holds the clause's middle, holder included: the verb is
        # where it starts
        first = re.match(r"\S+", sent.text[hit.start:hit.end])
        abs_end = abs_start + (first.end() if first else 0)
    left, right = clause(sent.text, hit.start, hit.end)
    if _is_lead_phrase(ctx, hit) and _led_body(ctx, sent, None, hit) is None:
        return []  # "a team led by Foo": leading something is no change of post; leading a board is chairing it
    if hit.trigger.pattern in lx.adjective_triggers and not any(
            _next_words(ctx.text, abs_end, r.start) <= 1 and r.role for r in sm.roles):
        return []  # "neue Funktionen", "new products": no post
    roles = [r for r in sm.roles if (not (r.start < abs_end and abs_start < r.end) or hit.trigger.type == "founded")
             and sent.start + left <= r.start < sent.start + right]
    # "took the helm": a role inside the trigger is the post, when the clause names no other
    roles = roles or [r for r in sm.roles if r.start < abs_end and abs_start < r.end]
    if hit.trigger.needs_role and not sm.roles and not _org_near(sm, abs_start, abs_end) \
            and not (lx.generic_role_regex and lx.generic_role_regex.search(sent.text)) \
            and not _org_noun_after(ctx, abs_end) \
            and _passive_replacement(ctx, sm, hit, abs_start, abs_end) is None:  # "X will be replaced by Y": a post
        return []
    if hit.trigger.side == "obj" and lx.not_holders and lx.not_holders.search(
            " ".join(sent.text[hit.end:].split()[:5])):
        return []  # "the sacking of 90 journalists", "Stellen streichen": not one person's post
    holders = _holders(ctx, sm, hit, abs_start, abs_end)
    passive = _passive_replacement(ctx, sm, hit, abs_start, abs_end)
    if passive is not None:  # "X is to be replaced by Y": Y starts, X is the one replaced
        holders = [passive[0]]
    if not holders:
        return _orphan_predecessor(ctx, sm, hit, lx, abs_start, abs_end)
    moved = hit.trigger.type == "moved"
    etype = EventType.APPOINTED if moved else EventType(hit.trigger.type)
    out = []
    for holder, kind, h_start in holders:
        if kind is MentionKind.PERSON and not _plausible_person(ctx, holder, sm):
            continue
        role_m = _role_for(ctx, roles or _titles_of(ctx, sm, h_start), h_start, abs_start, abs_end, etype)
        role = role_m.role if role_m else None
        if role is None and etype in (EventType.DEPARTED, EventType.DISMISSED, EventType.LEAVE, EventType.RETURNED) \
                and holder in known:
            role = known[holder][0]
        if etype is EventType.FOUNDED:
            role = "co-founder"
        role = _led_body(ctx, sent, role, hit) or role
        new_org = _org_after(ctx, sm, abs_end, etype, holder) or _agent_org(sm, hit, abs_start, h_start, holder, etype)
        old_org = _org_for(ctx, sm, role_m, abs_start, holder, known)
        org = new_org or old_org
        if kind is MentionKind.ORG and org == holder:
            org = ctx.main_org if ctx.main_org != holder else None
        if kind is MentionKind.PERSON and hit.trigger.needs_role and role is None and org is None:
            continue
        if _conditional(ctx, sent.text, hit.start):
            continue
        modality = modality_of(sent.text, hit.start, hit.end, lx,
                               ignore=tuple((r.start - sent.start, r.end - sent.start) for r in sm.roles))
        date, date_text = _date_for(ctx, sent, hit, modality)
        ev = Event(doc_id=ctx.doc_id, type=etype, holder=holder, holder_kind=kind, role=role, org=org,
                   date=date, modality=modality, evidence=sent,
                   trigger=Span(abs_start, abs_end, ctx.text[abs_start:abs_end]), rule=hit.trigger.pattern,
                   confidence=0.4 + 0.3 * (role is not None) + 0.2 * (org is not None), date_text=date_text)
        pred = passive[1] if passive is not None else (
            _predecessor(ctx, sm, hit, abs_start, abs_end, holder, lx) if etype is EventType.APPOINTED else None)
        if pred and known.get(pred) and not (role_m is not None and role_m.start >= abs_end):
            # "Foo's head Bar is set to replace Baz": Bar takes Baz's post, not a post of Bar's current title
            role, org = known[pred][0], known[pred][1] or org
            ev = replace(ev, role=role, org=org)
        if pred:
            # the one replaced leaves the post taken (a role named after the trigger), not the new holder's title
            post = role_m is not None and role_m.start >= abs_end
            out.append(replace(ev, holder=pred, type=EventType.DEPARTED, rule=hit.trigger.pattern + " (replaced)",
                               role=role if post else known.get(pred, (None, None))[0],
                               org=org if post else (known.get(pred, (None, None))[1] or ctx.main_org),
                               confidence=ev.confidence - 0.1))
        if moved and new_org and old_org and fold(old_org) != fold(new_org):
            # a move: the role held so far ends at the old organisation; the new post's role is rarely named
            out.append(replace(ev, type=EventType.DEPARTED, org=old_org))
            ev = replace(ev, role=None)
        out.append(ev)
    return out


def _passive_replacement(ctx: DocContext, sm: SentenceMentions, hit: _Hit, start: int, end: int
                         ) -> tuple[tuple[str, MentionKind, int], str] | None:
    """'X will be replaced by Y', 'X wird durch Y ersetzt': in the passive the agent is the successor and
    the subject the one replaced. None unless the trigger is a replacement in the passive with a named agent."""
    lx = lexicon(ctx.lang)
    names = get_language(ctx.lang).names
    if hit.trigger.pattern not in lx.replacement or hit.trigger.is_nominal(ctx.text[start:end]):
        return None
    left, right = clause(sm.sentence.text, start - sm.sentence.start, end - sm.sentence.start, main=True)
    lo, hi = sm.sentence.start + left, sm.sentence.start + right
    if not (_PASSIVE.search(ctx.text[lo:start]) or _PASSIVE_AUX.search(ctx.text[lo:start])):
        return None
    agents = [p for p in sm.persons if lo <= p.start < hi and not start <= p.start < end
              and _after_words(ctx, p.start, names.PASSIVE_AGENT_MARKERS)]
    if not agents:
        return None
    agent = agents[0]
    subjects = [p for p in [*sm.persons, *_pronouns(ctx, sm, start, end)] if lo <= p.start < min(start, agent.start)
                and p.start != agent.start]
    if not subjects:
        return None
    subject = ctx.people.canonical(subjects[-1].text)
    holder = ctx.people.canonical(agent.text)
    return ((holder, MentionKind.PERSON, agent.start), subject) if subject != holder else None


# a passive auxiliary earlier in the clause (German puts the participle last: "wird durch Y ersetzt")
_PASSIVE_AUX = re.compile(r"(?<![\w])(?:wird|wurde|werden|wurden|worden)(?![\w])", re.IGNORECASE)


def _agent_org(sm: SentenceMentions, hit: _Hit, t_start: int, h_start: int, holder: str, etype: EventType
               ) -> str | None:
    """'Foo hired X', 'Foo hat X mitgenommen': for a start done to someone, the organisation acting
    (named before both trigger and holder, in the same clause) is the one they join."""
    if hit.trigger.side != "obj" or etype not in (EventType.APPOINTED, EventType.RETURNED):
        return None
    first = min(t_start, h_start)
    if _PASSIVE.search(sm.sentence.text[:first - sm.sentence.start]):
        return None  # "X wurde eine Stelle angeboten": no organisation acts as subject
    before = [o for o in sm.orgs if o.end <= first and fold(o.text) != fold(holder)]
    return before[-1].text if before else None


def _is_lead_phrase(ctx: DocContext, hit: _Hit) -> bool:
    words = get_language(ctx.lang).roles.LEAD_WORDS
    return " ".join(hit.trigger.pattern.split()) in words


def _led_body(ctx: DocContext, sent: Span, role: str | None, hit: _Hit) -> str | None:
    """'the board, led by Foo', 'der Vorstand unter der Leitung von Foo': leading a body is chairing it."""
    roles = get_language(ctx.lang).roles
    low = sent.text.casefold()
    lead = any(w in low for w in roles.LEAD_WORDS)
    if lead and _cue_regex(ctx.lang, "roles", "BODY_WORDS").search(low):
        return "chair"
    return None


def _conditional(ctx: DocContext, sentence: str, start: int) -> bool:
    """'falls er zurückkehren sollte', 'if he returned': a condition, not a reported change."""
    left, _ = clause(sentence, start, start)
    head = sentence[left:start].casefold()
    return bool(_cue_regex(ctx.lang, "modality", "CONDITIONAL").search(head))


def _plausible_person(ctx: DocContext, name: str, sm: SentenceMentions) -> bool:
    """A one-word name needs support: a full name it belongs to, a first name, or a title or honorific
    before it somewhere (the models call many organisations and nouns persons)."""
    if len(name.split()) > 1:
        return True
    if name in ctx.people.surnames() or name in first_names():
        return True
    names = get_language(ctx.lang).names
    lx = lexicon(ctx.lang)
    for m in re.finditer(r"(\S+)\s+" + re.escape(name) + r"(?![\w])", ctx.text):
        prev = m.group(1).strip(".,").casefold()
        if prev in names.HONORIFICS or lx.canonical_role(prev) or lx.compound_role(m.group(1)) or (
                "-" in prev and lx.canonical_role(prev.split("-")[-1])):
            return True
    return False


def _org_noun_after(ctx: DocContext, end: int) -> bool:
    """'left the firm', 'verließ das Unternehmen': an organisation named by a common noun."""
    lx = lexicon(ctx.lang)
    after = ctx.text[end:end + 40]
    m = re.match(r"\s+(?:the|its|his|her|der|die|das|den|dem)\s+(\w+)", after, re.IGNORECASE)
    return bool(m and ctx.main_org and lx.org_noun_regex and lx.org_noun_regex.match(m.group(1) + " X"))


def _org_near(sm: SentenceMentions, start: int, end: int) -> bool:
    return any(abs(o.start - end) < 80 or abs(start - o.end) < 80 for o in sm.orgs)


def _holders(ctx: DocContext, sm: SentenceMentions, hit: _Hit, start: int, end: int
             ) -> list[tuple[str, MentionKind, int]]:
    persons = [p for p in sm.persons if not (p.start < end and start < p.end)] + _pronouns(ctx, sm, start, end)
    if hit.trigger.side == "obj":  # "appointed by Foo", "durch Foo berufen": the one acting
        persons = [p for p in persons if not _after_words(ctx, p.start, get_language(ctx.lang).names.AGENT_MARKERS)]
    lx = lexicon(ctx.lang)
    if not hit.trigger.is_nominal(ctx.text[start:end]):
        persons = [p for p in persons if not _genitive(ctx, p)]
    if hit.trigger.pattern in lx.replacement and not hit.trigger.is_nominal(ctx.text[start:end]):
        persons = [p for p in persons if not _after_marker(ctx, p.start)]
    elif hit.trigger.type in ("appointed", "returned", "moved"):
        # "the successor to Foo", "in place of Foo": Foo is not the one starting
        markers = tuple(m for m in get_language(ctx.lang).names.PREDECESSOR_MARKERS if " " in m)
        persons = [p for p in persons if not _after_words(ctx, p.start, markers)]
    if lx.successor_nouns and lx.successor_nouns.fullmatch(ctx.text[start:end]):
        return _successor_holders(ctx, sm, persons, start, end)
    if hit.trigger.pattern in lx.replacement:  # "succeeded Foo", "löst Foo ab": Foo is the one replaced
        follows = get_language(ctx.lang).triggers.OBJECT_FOLLOWS_VERB
        persons = [p for p in persons if not (follows and p.start >= end and len(ctx.text[end:p.start].split()) <= 1)
                   and not (start <= p.start < sm.sentence.start + hit.end and "..." in hit.trigger.pattern)]
    if hit.trigger.is_nominal(ctx.text[start:end]):
        return _nominal_holders(ctx, sm, persons, start, end)
    left, right = clause(sm.sentence.text, start - sm.sentence.start, end - sm.sentence.start, main=True)
    in_clause = [p for p in persons if sm.sentence.start + left <= p.start < sm.sentence.start + right]
    if not in_clause:  # the clause names no person: an organisation taking a seat, or someone named before
        org = _org_holder(sm, start, hit, sm.sentence.start + left)
        if org:
            return [(org.text, MentionKind.ORG, org.start)]
    persons = in_clause or persons
    if not persons:
        org = _org_holder(sm, start, hit)
        if org:
            return [(org.text, MentionKind.ORG, org.start)]
        prev = _previous_person(ctx, sm, start)
        return [(ctx.people.canonical(prev.text), MentionKind.PERSON, prev.start)] if prev else []
    penalty = get_language(ctx.lang).triggers.WRONG_SIDE_PENALTY
    if hit.trigger.pattern in lexicon(ctx.lang).adjective_triggers:
        persons = _adjective_holders(ctx, sm, persons, start, end)
        if not persons:
            return []
    companions = _companions(ctx, persons) if hit.trigger.type == "founded" else []
    main = [p for p in persons if p not in companions] or persons
    best = min(main, key=lambda p: _distance(p, start, end, hit.trigger.side, ctx.text, penalty))
    if companions:
        return [(ctx.people.canonical(p.text), MentionKind.PERSON, p.start) for p in [best, *companions]
                if p is best or p.start != best.start]
    group = _coordinated(ctx.text, [p for p in persons if ctx.text[p.start:p.end] == p.text], best, ctx.lang) \
        if ctx.text[best.start:best.end] == best.text else [best]
    return [(ctx.people.canonical(p.text), MentionKind.PERSON, p.start) for p in group]


_PASSIVE = re.compile(r"\b(?:was|were|been|being|be|is|are|wurde|wurden|worden|ist)(?:\s+\w+ly)?\s*$")
# "successor of (the chairman) Foo": the name right after the preposition, with at most a title between
_OF_DIRECT = re.compile(r"^\s*(?:of|to|von|vom|des|der|from|für)\s+(?:(?:the|der|den|dem|die)\s+)?(?:[\w\-]+\s+){0,3}$",
                        re.IGNORECASE)
def _of_direct(between: str) -> bool:
    """Whether a name after ``between`` is the object of 'of'/'von' (titles may stand between, no verb)."""
    return bool(_OF_DIRECT.match(between)) and not _COPULA.search(between)


_OF = re.compile(r"^(?:\s+(?:and|or|und|oder)\s+\w+)?\s*(?:of|to|von|vom|des|der|from|für)\b", re.IGNORECASE)


def _successor_holders(ctx: DocContext, sm: SentenceMentions, persons: list[NameMention], start: int, end: int
                       ) -> list[tuple[str, MentionKind, int]]:
    """'Foo's successor will be Bar', 'Nachfolger von Foo wird Bar', 'Bar wird Nachfolger von Foo': the
    successor is the person in the clause who is not the one succeeded."""
    text = ctx.text
    left, right = clause(sm.sentence.text, start - sm.sentence.start, end - sm.sentence.start)
    inside = [p for p in persons if sm.sentence.start + left <= p.start < sm.sentence.start + right]
    succeeded = {p.start for p in inside if (0 <= start - p.end <= 4 and (text[p.end:start].strip() in ("'s", "’s")
                                                                         or _genitive(ctx, p)))
                 or (p.start >= end and _of_direct(text[end:p.start]))}
    others = [p for p in inside if p.start not in succeeded and not _genitive(ctx, p)]
    prev_word = text[max(0, start - 20):start].split()[-1:]
    if prev_word and prev_word[0].casefold() in get_language(ctx.lang).names.PRONOUNS_POSSESSIVE + ("mein", "meinem", "meinen", "meiner", "my"):
        # "his successor", "meinem Nachfolger": the possessor is the one succeeded; a successor must be named
        others = [p for p in others if _COPULA.search(text[min(p.end, end):max(p.start, start)])]
    if not others:
        return []
    best = min(others, key=lambda p: abs(p.start - start))
    return [(ctx.people.canonical(best.text), MentionKind.PERSON, best.start)]


def _nominal_holders(ctx: DocContext, sm: SentenceMentions, persons: list[NameMention], start: int, end: int
                     ) -> list[tuple[str, MentionKind, int]]:
    """'Foo's resignation', 'his resignation', 'the appointment of Foo': who a noun trigger is about."""
    text = ctx.text
    before = [p for p in persons if 0 <= start - p.end <= 4 and text[p.end:start].strip() in ("'s", "’s", "'", "")]
    if before:
        return [(ctx.people.canonical(before[-1].text), MentionKind.PERSON, before[-1].start)]
    after = [p for p in persons if 0 <= p.start - end <= 70]
    if after and _OF.match(text[end:after[0].start]) and not re.search(r"[.;:]", text[end:after[0].start]):
        group = _coordinated(text, persons, after[0], ctx.lang)
        return [(ctx.people.canonical(p.text), MentionKind.PERSON, p.start) for p in group]
    # "Foo nimmt Auszeit", "Foo kündigt seinen Wechsel an": the subject of a light verb just before the noun
    subj = [p for p in persons if p.end <= start and len(text[p.end:start].split()) <= 3
            and not re.search(r"[,;:.]", text[p.end:start])]
    if subj:
        return [(ctx.people.canonical(subj[-1].text), MentionKind.PERSON, subj[-1].start)]
    names = get_language(ctx.lang).names
    prev_word = text[max(0, start - 20):start].split()[-1:]
    if prev_word and prev_word[0].casefold() in names.PRONOUNS_POSSESSIVE:
        prev = _previous_person(ctx, sm, start, require_pronoun=False)
        if prev:
            return [(ctx.people.canonical(prev.text), MentionKind.PERSON, prev.start)]
    return []


def _distance(p: NameMention, start: int, end: int, side: str, text: str, penalty: dict[str, float]) -> float:
    if p.end <= start:
        gap, after = len(text[p.end:start].split()) + 1, False
    else:
        gap, after = len(text[end:p.start].split()) + 1, True
    passive = bool(_PASSIVE.search(text[max(0, start - 20):start]))
    prefer_after = (side == "obj") != passive
    if side != "any" and after != prefer_after:
        gap = gap * penalty[side] + 0.5  # a tie goes to the usual side
    return gap


def _orphan_predecessor(ctx: DocContext, sm: SentenceMentions, hit: _Hit, lx: Lexicon, start: int, end: int
                        ) -> list[Event]:
    """'Sie übernimmt das Ruder von Foo' with no one to name as 'Sie': Foo still leaves the post."""
    if hit.trigger.pattern not in lx.replacement or hit.trigger.is_nominal(ctx.text[start:end]):
        return []
    left, right = clause(sm.sentence.text, hit.start, hit.end, main=True)
    for p in sm.persons:
        if sm.sentence.start + left <= p.start < sm.sentence.start + right and _after_marker(ctx, p.start):
            name = ctx.people.canonical(p.text)
            modality = modality_of(sm.sentence.text, hit.start, hit.end, lx)
            return [Event(doc_id=ctx.doc_id, type=EventType.DEPARTED, holder=name, holder_kind=MentionKind.PERSON,
                          role=None, org=ctx.main_org, date=None, modality=modality, evidence=sm.sentence,
                          trigger=Span(start, end, ctx.text[start:end]), rule=hit.trigger.pattern + " (replaced)",
                          confidence=0.4)]
    return []


def _predecessor(ctx: DocContext, sm: SentenceMentions, hit: _Hit, start: int, end: int, holder: str,
                 lx: Lexicon) -> str | None:
    """The one replaced: 'replaced Foo', 'löst Foo ab', 'takes over from Foo', 'successor to/of Foo'."""
    if hit.trigger.pattern not in lx.replacement and not (
            lx.successor_nouns and lx.successor_nouns.fullmatch(ctx.text[start:end])):
        return None
    succ = lx.successor_nouns and lx.successor_nouns.fullmatch(ctx.text[start:end])
    if succ:  # "Foo's successor", "Nachfolger von Foo"
        for p in sm.persons:
            if (0 <= start - p.end <= 4 and ctx.text[p.end:start].strip() in ("'s", "’s")) or (
                    p.start >= end and _of_direct(ctx.text[end:p.start])):
                name = ctx.people.canonical(p.text)
                if name != holder:
                    return name
        return None
    left, right = clause(sm.sentence.text, hit.start, hit.end)
    for p in sm.persons:
        if p.start < end - (end - start if hit.trigger.pattern.count("...") else 0) or p.start > sm.sentence.start + right:
            continue
        name = ctx.people.canonical(p.text)
        if name == holder:
            continue
        gap = ctx.text[end:p.start] if p.start >= end else ""
        inside = start <= p.start < end  # "löst Foo ab": the one replaced sits inside the pattern
        if inside or _after_marker(ctx, p.start) or len(gap.split()) <= 2:
            return name
    return None


def _after_marker(ctx: DocContext, at: int) -> bool:
    """A person right after "from"/"von": the predecessor in "takes over from Foo"."""
    return _after_words(ctx, at, get_language(ctx.lang).names.PREDECESSOR_MARKERS)


def _after_words(ctx: DocContext, at: int, words: tuple[str, ...]) -> bool:
    """Whether one of ``words`` (and at most a title word) stands right before offset ``at``."""
    return bool(_words_before(tuple(words)).search(ctx.text[max(0, at - 40):at].casefold()))


@lru_cache(maxsize=256)
def _words_before(words: tuple[str, ...]) -> re.Pattern[str]:
    """One of ``words``, then at most an article and a title word, at the end of a text."""
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(m) for m in words)
                      + r")\s+(?:(?:den|dem|der|the)\s+)?(?:[\w\-]+\s+)?$")


def _genitive(ctx: DocContext, p: NameMention) -> bool:
    """'Magaths Vorgänger', "Foo's deputy": a name in the genitive owns something; it does not act."""
    if ctx.text[p.end:p.end + 2] in ("'s", "’s"):
        return True
    if not p.text.endswith("s") or len(p.text) < 4:
        return False
    base = p.text[:-1]
    known = base in ctx.people.surnames() or ctx.people.canonical(base) != base
    return known and ctx.text[p.end:p.end + 1] == " " and ctx.text[p.end + 1:p.end + 2].isupper()


def _pronouns(ctx: DocContext, sm: SentenceMentions, start: int, end: int) -> list[NameMention]:
    """Subject pronouns as stand-ins for the person they most likely mean (the latest one named before)."""
    subj = get_language(ctx.lang).names.PRONOUNS_SUBJECT
    out = []
    for m in re.finditer(r"(?<![\w])(" + "|".join(subj) + r")(?![\w])", sm.sentence.text, re.IGNORECASE):
        s = sm.sentence.start + m.start()
        if start <= s < end:
            continue
        ref = _salient(ctx, s, gender=get_language(ctx.lang).names.PRONOUN_GENDER.get(m.group().casefold()))
        if ref:
            out.append(NameMention(s, s + len(m.group()), ref[2], "person"))
    return out


_COPULA = re.compile(r"(?<![\w])(?:wird|wurde|ist|wäre|soll|is|was|becomes|became|will be|would be)(?![\w])",
                     re.IGNORECASE)


def _next_words(text: str, end: int, start: int) -> int:
    """How many words stand between offset ``end`` and a later ``start`` (a large number if not later)."""
    return len(text[end:start].split()) if start >= end else 99


def _adjective_holders(ctx: DocContext, sm: SentenceMentions, persons: list[NameMention], start: int, end: int
                       ) -> list[NameMention]:
    """'der neue Trainer Foo', 'Foo wird der neue Chef', 'the new CEO, Foo': a 'new' post names its holder
    right after the role, or as the subject of a copula before it."""
    role = next((r for r in sm.roles if _next_words(ctx.text, end, r.start) <= 1), None)
    if role is None:
        return []
    after = [p for p in persons if 0 <= p.start - role.end <= 20 and not re.search(r"[.;:]", ctx.text[role.end:p.start])]
    if after:
        return after[:1]
    # "Foo, Favorit für den Posten des neuen Chefs": the head of an apposition the post belongs to
    appos = [p for p in persons if p.end <= start and ctx.text[p.end:p.end + 2].startswith(",")
             and not re.search(r"[.;:]", ctx.text[p.end:start]) and len(ctx.text[p.end:start].split()) <= 8]
    if appos:
        return appos[-1:]
    return [p for p in persons if p.end <= start and _COPULA.search(ctx.text[p.end:start])
            and not re.search(r"[.;:,]", ctx.text[p.end:start])]


def _companions(ctx: DocContext, persons: list[NameMention]) -> list[NameMention]:
    """'founded it together with Foo', 'gemeinsam mit Foo gegründet': the companions share the founding."""
    words = get_language(ctx.lang).names.COMPANION_WORDS
    return [p for p in persons if _after_words(ctx, p.start, words)]  # "with (engineer) Foo"


def _coordinated(text: str, persons: list[NameMention], best: NameMention, lang: str | None = None
                 ) -> list[NameMention]:
    """'A, B und C': every person in an enumeration with the chosen holder shares the event."""
    ordered = sorted(persons, key=lambda p: p.start)
    i = ordered.index(best)
    lo = hi = i
    while lo > 0 and _COORD.match(_untitled(text[ordered[lo - 1].end:ordered[lo].start], lang)):
        lo -= 1
    while hi < len(ordered) - 1 and _COORD.match(_untitled(text[ordered[hi].end:ordered[hi + 1].start], lang)):
        hi += 1
    return ordered[lo:hi + 1]


def _untitled(gap: str, lang: str | None) -> str:
    """The text between two names without the second one's title ('and production chief')."""
    if not lang:
        return gap
    lx = lexicon(lang)
    gap = lx.compound_role_regex.sub(" ", gap)
    return lx.role_regex.sub(" ", gap)


def _org_holder(sm: SentenceMentions, start: int, hit: _Hit, left: int = 0) -> NameMention | None:
    """An organisation taking a board seat: 'Foo plans to take a board seat'."""
    if not any(r.role in _BOARD_ROLES for r in sm.roles):
        return None
    before = [o for o in sm.orgs if left <= o.start and o.end <= start]
    return before[0] if before else None


def _previous_person(ctx: DocContext, sm: SentenceMentions, start: int, *, require_pronoun: bool = True
                     ) -> NameMention | None:
    """The person a pronoun most likely refers to: the latest one named before, not too far back."""
    words = {w.strip(",.").casefold() for w in sm.sentence.text.split()}
    names = get_language(ctx.lang).names
    if require_pronoun and not words & (set(names.PRONOUNS_SUBJECT) | set(names.PRONOUNS_POSSESSIVE)):
        return None
    ref = _salient(ctx, start)
    return NameMention(*ref, "person") if ref else None


def _salient(ctx: DocContext, offset: int, gender: str | None = None) -> tuple[int, int, str] | None:
    """Who a pronoun at ``offset`` most likely means: of the people named in the last few hundred
    characters, the one the article names most often (the latest on a tie)."""
    before = [m for m in ctx.people.mentions_before(offset) if offset - m[1] < 500]
    if not ctx.people.mentions_before(offset):
        # nobody named yet (a headline's "Sie übernimmt"): the pronoun points ahead, to the next name
        ahead = [m for m in ctx.people.mentions_near(offset, offset + 300, 0) if m[0] >= offset]
        return ahead[0] if ahead else None
    sentence_start = ctx.text.rfind("\n", 0, offset) + 1
    here = [m for m in before if m[0] >= max(sentence_start, offset - 200) and not re.search(r"[.!?]\s", ctx.text[m[1]:offset])]
    if here:
        return here[-1]  # named earlier in the same sentence: "Foo said his ..."
    everyone = ctx.people.mentions_before(len(ctx.text))
    if gender:  # "she" is not the man the honorifics call "Mr"
        fits = lambda m: ctx.people.gender(ctx.people.canonical(m[2])) in (None, gender)  # noqa: E731
        before, everyone = [m for m in before if fits(m)], [m for m in everyone if fits(m)]
        if not everyone:
            return None
    freq = Counter(ctx.people.canonical(m[2]) for m in everyone)
    # the article's protagonist (named first) is who most pronouns mean, however far back
    protagonist = everyone[0]
    freq[ctx.people.canonical(protagonist[2])] += 3
    cands = before if protagonist in before else [protagonist, *before]
    return max(enumerate(cands), key=lambda im: (freq[ctx.people.canonical(im[1][2])], im[0]))[1]


def _role_for(ctx: DocContext, roles: list[RoleMention], h_start: int, t_start: int, t_end: int, etype: EventType
              ) -> RoleMention | None:
    """The role the change is about: a role linked to the change ("as CEO", "zum Chef") wins; for a start,
    the post named after the trigger ("succeeds X as CEO of Foo") beats the title before the name (the
    post held now); otherwise the nearest role."""
    roles = [r for r in roles if not _title_of_other(ctx, r, holder_start=h_start)]
    if not roles:
        return None
    linked = [r for r in roles if abs(r.start - t_end) <= 60 or abs(t_start - r.end) <= 60]
    linked = [r for r in linked if _role_link(ctx.lang).search(ctx.text[max(0, r.start - 40):r.start])]
    if linked:
        return min(linked, key=lambda r: min(abs(r.start - t_end), abs(t_start - r.end)))
    if etype in (EventType.APPOINTED, EventType.RETURNED, EventType.REASSIGNED):
        after = [r for r in roles if 0 <= r.start - t_end <= 60 and not r.former]
        if after:
            return after[0]
    # a former title is the post left ("the former chairman announced his departure"), never one taken
    ending = etype in (EventType.DEPARTED, EventType.DISMISSED)
    return min(roles, key=lambda r: min(abs(r.start - h_start), abs(r.start - t_start))
               + ((-20 if ending else 40) if r.former else 0))


@lru_cache(maxsize=None)
def _role_link(lang: str) -> re.Pattern[str]:
    """'as', 'zum', 'the role of' (and up to two words) right before a role: the post a change is about."""
    links = get_language(lang).names.ROLE_LINKS
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(w) for w in links) + r")\s+(?:\w+\s+){0,2}$",
                      re.IGNORECASE)


def _titles_of(ctx: DocContext, sm: SentenceMentions, h_start: int) -> list[RoleMention]:
    """Roles written right before the holder's name in the sentence ("CTO Foo Bar, who quit")."""
    return [r for r in sm.roles if 0 <= h_start - r.end <= 3]


_RELATIVE = re.compile(r",\s+(?:who|which|whose|der|die|das|dessen|deren)\b[^,;:]*,")


def _relative_clauses(sentence: Span, trigger_at: int) -> list[tuple[int, int]]:
    """Relative clauses of the sentence that do not hold the trigger (", who argued with Foo,")."""
    out = []
    for m in _RELATIVE.finditer(sentence.text):
        a, b = sentence.start + m.start(), sentence.start + m.end()
        if not a <= trigger_at < b:
            out.append((a, b))
    return out


def _title_of_other(ctx: DocContext, r: RoleMention, *, holder_start: int) -> bool:
    """A role written right before or after another person's name is that person's title."""
    for p in ctx.people.mentions_near(r.start, r.end):
        if p[0] == holder_start:
            continue
        between = ctx.text[r.end:p[0]] if p[0] >= r.end else ctx.text[p[1]:r.start]
        if len(between) <= 3 and between.strip(" ,") == "":
            return ctx.people.canonical(p[2]) != ctx.people.canonical(ctx.text[holder_start:holder_start + len(p[2])])
    return False


def _org_for(ctx: DocContext, sm: SentenceMentions, role_m: RoleMention | None, t_start: int, holder: str,
             known: dict[str, tuple[str, str | None]]) -> str | None:
    if role_m and role_m.org:
        return role_m.org
    linked = _linked_org(ctx.text, sm, role_m) if role_m else None
    if linked and fold(linked) != fold(holder):
        return linked
    nested = _relative_clauses(sm.sentence, t_start)
    orgs = [o for o in sm.orgs if fold(o.text) != fold(holder) and fold(o.text) not in fold(holder)
            and not any(a <= o.start < b for a, b in nested)]
    anchor = role_m.start if role_m else t_start
    if ctx.main_org and any(fold(o.text) == fold(ctx.main_org) for o in orgs):
        return ctx.main_org  # the organisation the article is about, when this sentence names it
    near = [o for o in orgs if abs(o.start - anchor) <= 40]
    if near:
        return min(near, key=lambda o: abs(o.start - anchor)).text
    if holder in known and known[holder][1]:
        return known[holder][1]
    return ctx.main_org or (orgs[0].text if orgs else None)


_NAME_AFTER = re.compile(r"\s+(?:(?:the|der|die|das|dem|den)\s+)?([A-ZÄÖÜ][\w&.\-]*(?:\s+[A-ZÄÖÜ][\w&.\-]*){0,2})")


_LEFT_POST = re.compile(r"^\s*(?:(?:die|der|das|den|dem|the|its|his|her|their|seine[mn]?|ihre[mn]?)\s+)?"
                        r"(?:[\w\-]+\s+){0,2}(?:der|des|von|vom|of|at|with|for|bei|beim)\s+(?:(?:the|der|die|dem|den)\s+)?$",
                        re.IGNORECASE)


# "a return to former club Foo", "Wechsel zum Konkurrenten Foo": a linker, then up to two words, then the name
_LINKED_AFTER = re.compile(r"^\s*(?:[\w\-]+\s+)?(?:to|zu|zum|zur|at|bei|beim|for|with)\s+(?:(?:the|der|die|dem|den|its|his|her)\s+)?"
                           r"(?:[\w\-]+\s+){0,2}$", re.IGNORECASE)


def _org_after(ctx: DocContext, sm: SentenceMentions, t_end: int, etype: EventType, holder: str) -> str | None:
    """'moving on to Foo', 'joins Foo', 'Wechsel zu Foo', 'verlässt die Führung der Foo', 'leaves Foo':
    the organisation right after the trigger (a mention, or for a start capitalised words that are not
    a person or a role)."""
    after = [o for o in sm.orgs if 0 <= o.start - t_end <= 40 and fold(o.text) != fold(holder)]
    near = [o for o in after if o.start - t_end <= 12 or _LEFT_POST.match(ctx.text[t_end:o.start])
            or _LINKED_AFTER.match(ctx.text[t_end:o.start])]
    if near:
        return near[0].text
    trig = ctx.text[max(sm.sentence.start, t_end - 4):t_end].casefold()
    at = re.match(r"\s+(?:at|bei|beim)(?=\s)", ctx.text[t_end:t_end + 6])  # "sacked at Foo", "entlassen bei Foo"
    if at:
        t_end += at.end()
    elif etype not in (EventType.APPOINTED, EventType.RETURNED) or not re.search(r"(?:to|zu|zur|zum|bei|joins?|joined)$",
                                                                                   trig):
        return None
    m = _NAME_AFTER.match(ctx.text, t_end, sm.sentence.end)
    if not m or any(p.start <= m.start(1) < p.end for p in sm.persons):
        return None
    lx = lexicon(ctx.lang)
    name = m.group(1)
    if lx.canonical_role(name.split()[0]) or name.split()[0] in get_language(ctx.lang).names.NOT_NAMES:
        return None
    return name


@lru_cache(maxsize=4096)
def _times(sentence: str, lang: str, anchor: dt.date | None, tense: str | None) -> tuple:
    """Time expressions of a sentence (memoised: several triggers in one sentence ask for them)."""
    return tuple(find_time_expressions(sentence, lang, anchor, tense=tense))


def _date_for(ctx: DocContext, sent: Span, hit: _Hit, modality: Modality) -> tuple[DateValue | None, str | None]:
    # a planned change looks forward; otherwise the date grammar decides ("from May 1" still looks forward)
    tense = "future" if modality is Modality.PLANNED else None
    left, right = clause(sent.text, hit.start, hit.end)
    found = [x for x in _times(sent.text, ctx.lang, ctx.anchor, tense) if left <= x.start and x.end <= right]
    if hit.trigger.type == "founded":  # foundings are told by year, not "on Friday"
        found = [x for x in found if not x.relative]
    forward = get_language(ctx.lang).modality.FORWARD_PREPOSITIONS
    if tense is None and any(x.prep and x.prep.casefold() in forward for x in found):
        # "from May 1", "zum 30. April": a date introduced so lies ahead of the report
        found = [y for y in _times(sent.text, ctx.lang, ctx.anchor, "future") if left <= y.start and y.end <= right]
    exprs = [x for x in found if x.value is not None]
    if not exprs:
        # unresolved (an undated article): keep the words, so a date found later can resolve them
        near = min(found, key=lambda x: min(abs(x.start - hit.end), abs(hit.start - x.end)), default=None)
        return None, near.text if near else None
    best = min(exprs, key=lambda x: min(abs(x.start - hit.end), abs(hit.start - x.end)))
    return best.value, best.text


def _facts(ctx: DocContext, sm: SentenceMentions) -> list[RoleFact]:
    """'CTO Jane Roe', 'Foo-Chef Max Muster', 'Jane Roe, the CEO of Foo': roles stated as held."""
    out = []
    text = ctx.text
    for r in sm.roles:
        for p in sm.persons:
            if r.start <= p.start < r.end or (r.org and fold(p.text) == fold(r.org)):
                continue  # "Foo Corp chief": the organisation in the title is nobody
            between = text[r.end:p.start] if p.start >= r.end else text[p.end:r.start]
            if len(between) > 25 or not re.fullmatch(r"[\s,]*(?:(?:the|der|die|des|dem|den|of|von|bei|at)\s+)*"
                                                     r"(?:[A-ZÄÖÜ][\w\-]*\s*)*[\s,]*", between):
                continue
            if p.start >= r.end and re.search(r"(?<![\w])(?:of|von|vom)(?![\w])", between):
                continue  # "Leitung von Foo", "successor of Foo": the person is not titled by the role
            org = r.org or _linked_org(text, sm, r)
            out.append(RoleFact(ctx.doc_id, ctx.people.canonical(p.text), _led_body(ctx, sm.sentence, r.role, None)
                                or r.role, org or ctx.main_org,
                                Span(sm.sentence.start, sm.sentence.end, sm.sentence.text), current=not r.former))
            break
    return out


def _linked_org(text: str, sm: SentenceMentions, r: RoleMention) -> str | None:
    for o in sm.orgs:
        if 0 <= o.start - r.end <= 12 and re.fullmatch(r"\s*(?:of|at|von|bei|der|des)\s+(?:the\s+)?", text[r.end:o.start]):
            return o.text
        if 0 <= r.start - o.end <= 3:
            return o.text
    return None


def person_roles(facts: list[RoleFact]) -> dict[str, tuple[str, str | None]]:
    counts: dict[str, Counter[tuple[str, str | None]]] = {}
    for f in facts:
        counts.setdefault(f.holder, Counter())[(f.role, f.org)] += 1
    return {h: c.most_common(1)[0][0] for h, c in counts.items()}


def _dedupe(events: list[Event]) -> list[Event]:
    """One event per holder, kind of change, organisation and role; the most specific report wins."""
    coarse = _COARSE
    best: dict[tuple, Event] = {}
    order: list[tuple] = []
    for e in events:
        key = (fold(e.holder), coarse[e.type.value], fold(e.org or ""), e.modality is Modality.NEGATED)
        cur = best.get(key)
        if cur is not None and distinct(cur, e):  # two changes: "joined as CFO in 2016 ... named CEO now"
            key = (*key, e.role, e.date.value if e.date else "")
            cur = best.get(key)
        if cur is None:
            best[key] = e
            order.append(key)
        else:  # the better report wins; what it lacks (date, role) the other may give
            win, other = (e, cur) if _score(e) > _score(cur) else (cur, e)
            best[key] = replace(win, date=win.date or other.date, date_text=win.date_text or other.date_text,
                                role=win.role or other.role)
    # an event without a role folds into one with a role for the same holder, change and organisation
    out = _merge_short_org_forms([best[k] for k in order])
    with_role = {(fold(e.holder), coarse[e.type.value], fold(e.org or "")) for e in out if e.role}
    return [e for e in out if e.role or (fold(e.holder), coarse[e.type.value], fold(e.org or "")) not in with_role]


def _merge_short_org_forms(events: list[Event]) -> list[Event]:
    """'Foo' and 'Foo Aerospace' are one organisation: the same change reported with either is one."""
    out: list[Event] = []
    for e in events:
        twin = next((o for o in out if fold(o.holder) == fold(e.holder) and _COARSE[o.type.value] == _COARSE[e.type.value]
                     and o.modality == e.modality and _org_words_compatible(o.org, e.org) and not distinct(o, e)), None)
        if twin is None:
            out.append(e)
            continue
        win, other = (e, twin) if _score(e) > _score(twin) else (twin, e)
        merged = replace(win, date=win.date or other.date, date_text=win.date_text or other.date_text,
                         role=win.role or other.role, org=max((win.org or "", other.org or ""), key=len) or None)
        out[out.index(twin)] = merged
    return out


def _org_words_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return a == b
    wa, wb = set(fold(a).split()), set(fold(b).split())
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def distinct(a: Event, b: Event) -> bool:
    roles_differ = a.role is not None and b.role is not None and a.role != b.role
    years_differ = a.date is not None and b.date is not None and a.date.first_day.year != b.date.first_day.year
    return roles_differ or years_differ


def _score(e: Event) -> tuple:
    return (e.modality is Modality.ASSERTED, e.role is not None, e.date is not None, e.confidence,
            e.type is EventType.DISMISSED)
