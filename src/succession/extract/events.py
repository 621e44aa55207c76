"""Changes of position from candidate sentences: trigger → holder → role → organisation → date → modality.

Rules, not a model: each step is a small function reading language data, so a learnt component can
replace any of them later without touching the rest. The holder is found in ``holders.py``, the post, its
organisation and date in ``posts.py``; this module finds the triggers and puts a change together.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..models import Event, EventType, MentionKind, Modality, RoleFact, Span
from .context import _COARSE, DocContext, cue_regex, _Hit
from .coref import fold
from .holders import _PASSIVE, _holders, _next_words, _org_near, _org_noun_after, _plausible_person, _pronouns
from .replaced import _after_words, _orphan_predecessor, _predecessor, follows_on
from .lexicon import COPULA_MARK, Lexicon, lexicon
from .mentions import SentenceMentions
from .triggers import other_sense, possible_triggers
from .modality import clause, modality_of, negated_by_followup
from .posts import (_date_for, _facts, _is_lead_phrase, _led_body, _org_after, _org_for, _role_for, _titles_of,
                    person_roles)

__all__ = ["extract_events", "DocContext", "SentenceHits", "carried_hits", "distinct", "person_roles", "tidy",
           "trigger_hits"]


@dataclass(frozen=True)
class SentenceHits:
    """The trigger hits of one sentence, found once (the ``triggers`` component) and read by the rules and the
    learned candidates: the patterns' hits (``trigger_hits``; what the rules read), and the hits by lemma that
    no pattern hit covers (``learned.lemmas.lemma_hits``; the learned candidates read both). Offsets are
    sentence-relative, as the finders give them."""

    sentence: Span
    patterns: tuple[_Hit, ...]
    lemmas: tuple[_Hit, ...] = ()


def carried_hits(hits: Sequence[SentenceHits] | None, sentence: Span) -> SentenceHits | None:
    """The hits carried for ``sentence`` (same start and text; none found: a sentence without any), or None
    where the caller carries none (``hits`` None: a caller without a document finds them itself)."""
    if hits is None:
        return None
    for h in hits:
        if h.sentence.start == sentence.start and h.sentence.text == sentence.text:
            return h
    return SentenceHits(sentence, ())


def extract_events(ctx: DocContext, sents: Sequence[SentenceMentions], hits: Sequence[SentenceHits] | None = None
                   ) -> tuple[list[Event], list[RoleFact]]:
    """The rules' changes and stated roles of an article's candidate sentences (``hits``: their trigger hits
    where the caller has them, else each sentence is searched here)."""
    lx = lexicon(ctx.lang)
    facts = [f for sm in sents for f in _facts(ctx, sm)]
    known = person_roles(facts)
    events: list[Event] = []
    taken: dict[str, tuple[str, str | None]] = {}  # the posts reported taken so far, by holder
    for i, sm in enumerate(sents):
        if sm.sentence.text.rstrip(" \"'”“»«)").endswith("?"):
            continue  # a question reports no change ("Would you return to the board?")
        found = carried_hits(hits, sm.sentence)
        found_hits = found.patterns if found is not None else trigger_hits(sm.sentence.text, lx)
        new = [e for hit in found_hits for e in _events_for(ctx, sm, hit, lx, known, taken)]
        if _refused(ctx, sm.sentence.text):
            new = [_negate(e) if e.type in (EventType.DEPARTED, EventType.DISMISSED) else e for e in new]
        nxt = _next_sentence(ctx.text, sm.sentence.end)
        if nxt and negated_by_followup(nxt, ctx.lang):
            new = [_negate(e) for e in new]
        events += new
        for e in new:
            if e.role and e.type is EventType.APPOINTED and not e.rule.endswith("(replaced)"):
                taken[e.holder] = (e.role, e.org)
    return tidy(_term_ends(events, lx), ctx.title_end), facts


def _term_ends(events: list[Event], lx: Lexicon) -> list[Event]:
    """'Foo verzichtete auf eine zweite Amtszeit' with no post of Foo's named: the end of the one post the
    article's appointments name (a history of one office), none where they name several."""
    ends = lx.language.triggers.TERM_ENDS
    posts = {e.role for e in events if e.role and e.type is EventType.APPOINTED}
    if not ends or len(posts) != 1:
        return events
    post = next(iter(posts))
    return [replace(e, role=post) if e.role is None and e.rule in ends else e for e in events]


def tidy(events: list[Event], title_end: int) -> list[Event]:
    """The last pass over an article's changes, whoever decided them: a headline's repeat of the body goes,
    a change naming no role takes the one the same person's other changes name, one report per change."""
    return _dedupe(_shared_roles(_successor_posts(_drop_headline_repeats(events, title_end))))


def _successor_posts(events: list[Event]) -> list[Event]:
    """'Foo resigned as minister ... She will be replaced by Bar': a successor named with no post takes the
    post the one replaced is reported to leave elsewhere in the article (and so does that report)."""
    left: dict[str, tuple[str, str | None]] = {}
    for e in events:
        if e.role and e.type in (EventType.DEPARTED, EventType.DISMISSED):
            left.setdefault(fold(e.holder), (e.role, e.org))
    replaced = {e.evidence.start: left[fold(e.holder)] for e in events
                if e.rule.endswith("(replaced)") and fold(e.holder) in left}
    out = []
    for e in events:
        post = replaced.get(e.evidence.start)
        if e.role is None and post is not None and (e.type is EventType.APPOINTED or e.rule.endswith("(replaced)")):
            e = replace(e, role=post[0], org=e.org or post[1])
        out.append(e)
    return out


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
    return bool(cue_regex(ctx.lang, "modality", "REFUSAL", True).search(sentence))


def _next_sentence(text: str, end: int) -> str:
    return text[end:end + 120].strip()


def _negate(e: Event) -> Event:
    return replace(e, modality=Modality.NEGATED)


def trigger_hits(sentence: str, lx: Lexicon) -> list[_Hit]:
    """The trigger patterns' hits in one sentence (offsets relative to it), in order: matches of another
    sense, of a blocked context or of a not-trigger word left out; of overlapping matches the longer, earlier
    one (a gapped trigger's gap may hold a trigger of its own)."""
    hits = []
    for trig in possible_triggers(sentence, lx):  # the others cannot match: same hits, far fewer searches
        for m in trig.regex.finditer(sentence):
            if _blocked(sentence, m.start(), m.end(), lx, trig.pattern) or (lx.not_triggers and lx.not_triggers.fullmatch(m.group())):
                continue
            hits.append(_Hit(m.start(), m.end(), trig))
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    out: list[_Hit] = []
    for h in hits:  # overlapping matches: the longer, earlier one wins, but a gap is no match of its own
        if any(_covers(o, h, sentence) for o in out):
            continue
        out.append(h)
    return out


_hits = trigger_hits  # the former private name (tests still import it)


def _covers(a: _Hit, b: _Hit, sentence: str) -> bool:
    if not (b.start < a.end and a.start < b.end):
        return False
    if "..." not in a.trigger.pattern:
        return True
    words = list(re.finditer(r"\S+", sentence[a.start:a.end]))
    first_end, last_start = a.start + words[0].end(), a.start + words[-1].start()
    return b.start < first_end or b.end > last_start  # inside the gap: a trigger of its own


def _blocked(sentence: str, start: int, end: int, lx: Lexicon, pattern: str = "") -> bool:
    if other_sense(sentence, start, end, pattern, lx):
        return True  # "returned home", "retired from athletics": a place or a contest left, not a post
    trig = lx.language.triggers
    if pattern in trig.ROLE_NEXT_TRIGGERS and not _role_next(sentence, end, lx):
        return True  # "wird das neue Logo": a new thing, not a new holder of a post
    if (pattern in trig.COPULA_ROLE_TRIGGERS or pattern.endswith(COPULA_MARK)) and lx.former.search(sentence, start, end):
        return True  # "wurde die ehemalige Chefin ... gefeiert": a former post is background
    if _COMPOUND_HEAD.match(sentence, end):
        return True  # "Comeback-Tour", "new-look": the first part of a compound names no change
    if pattern in lx.adjective_triggers and _name_part(sentence, start, end, lx):
        return True  # "the New Year", "Neue Fooer Zeitung": part of a name, not a new holder
    if pattern in trig.NAMED_AFTER_ROLE and (not _NAME_AFTER_ROLE.match(sentence, end)
                                             or _LIST_ITEM_BEFORE.search(sentence, 0, start)):
        # "das bisherige Bündnis", a teaser's "Bisheriger Co-Trainer übernimmt ...": nobody's post named; "Foo Bar,
        # die bisherige Präsidentin Baz und Qux ziehen ein": one item of a list of people, not news of her post
        return True
    if lx.award_words and lx.award_words.search(sentence[end:end + 45]):
        return True  # "named Manager of the Year": an honour, not a post
    if lx.award_words and lx.award_words.search(re.split(r"[,;:.!?]", sentence[max(0, start - 40):start])[-1]):
        return True  # "zum Onliner des Jahres gewählt": the honour before a verb-final trigger
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


_COMPOUND_HEAD = re.compile(r"-[^\W\d_]")
# a name and a comma right before: one item of a list of people
_LIST_ITEM_BEFORE = re.compile(r"[A-ZÄÖÜ][\w\-]+,\s*$")
# a role of one or two capitalised words, then a capitalised name ("bisherige Premier Foo", "bisherigen Zweiten
# Präsidentin Foo")
_NAME_AFTER_ROLE = re.compile(r"\s+(?:[A-ZÄÖÜ][\w\-]*\s+){1,2}[A-ZÄÖÜ]")
_CAPITAL_NEXT = re.compile(r"\s+([A-ZÄÖÜ][\w\-]*)")


def _name_part(sentence: str, start: int, end: int, lx: Lexicon) -> bool:
    """Whether an adjective trigger is the capitalised first word of a name ("New Year", "Neue Fooer
    Zeitung"): capitalised inside a sentence (not its first word, nor after a colon, dash or quote, where a
    headline's capital stands) and followed by another capitalised word that is no role word."""
    if not sentence[start:start + 1].isupper() or not sentence[start + 1:end].islower():
        return False
    before = sentence[:start].rstrip()
    if not before or before[-1] in ".:;!?-–—\"“”„«»'‘’(":
        return False
    m = _CAPITAL_NEXT.match(sentence, end)
    return m is not None and not _role_next(sentence, end, lx)


_NEXT = re.compile(r"\s+([\w\-]+)")


def _role_next(sentence: str, end: int, lx: Lexicon) -> bool:
    """Whether a role word follows right after ``end`` ("wird der neue Trainer", "neue Vizebürgermeisterin")."""
    m = _NEXT.match(sentence, end)
    return bool(m) and bool(lx.canonical_role(m.group(1)) or lx.compound_role(m.group(1))
                            or (lx.generic_role_regex and lx.generic_role_regex.fullmatch(m.group(1))))


def _events_for(ctx: DocContext, sm: SentenceMentions, hit: _Hit, lx: Lexicon,
                known: dict[str, tuple[str, str | None]],
                taken: dict[str, tuple[str, str | None]] | None = None) -> list[Event]:
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
    # "took the helm": a role inside the trigger is the post, when the clause names no other; a trigger that
    # is a role phrase itself ("an die Macht", "mit der Regierungsbildung beauftragt") names the post in any case
    roles = [r for r in sm.roles if r.start == abs_start and r.end == abs_end] or roles \
        or [r for r in sm.roles if r.start < abs_end and abs_start < r.end]
    if hit.trigger.pattern.endswith(COPULA_MARK):  # "wird Vizebürgermeisterin": the role the copula names
        roles = [r for r in sm.roles if abs_start <= r.start < abs_end] or roles
    if hit.trigger.needs_role and not sm.roles and not _org_near(sm, abs_start, abs_end) \
            and not (lx.generic_role_regex and lx.generic_role_regex.search(sent.text)) \
            and not _org_noun_after(ctx, abs_end) \
            and _passive_replacement(ctx, sm, hit, abs_start, abs_end) is None:  # "X will be replaced by Y": a post
        return []
    if hit.trigger.side == "obj" and lx.not_holders and lx.not_holders.search(
            " ".join(sent.text[hit.end:].split()[:5])):
        return []  # "the sacking of 90 journalists", "Stellen streichen": not one person's post
    if hit.trigger.pattern in lx.language.triggers.FOLLOWS_ON and follows_on(ctx, sm, hit) is None:
        return []  # "folgte auf Platz zwei", "auf die Rede folgte Beifall": nobody followed on anyone
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
        if role is None and (etype in (EventType.DEPARTED, EventType.DISMISSED, EventType.LEAVE, EventType.RETURNED)
                             or hit.trigger.pattern in lx.language.triggers.KEEPS_POST) and holder in known:
            role = known[holder][0]
        if etype is EventType.FOUNDED:
            role = "co-founder"
        role = _led_body(ctx, sent, role, hit) or role
        new_org = _org_after(ctx, sm, abs_end, etype, holder) or _agent_org(sm, hit, abs_start, h_start, holder, etype)
        old_org = _org_for(ctx, sm, role_m, abs_start, holder, known,
                           gap_end=sent.start + hit.end if "..." in hit.trigger.pattern else None)
        org = new_org or old_org
        if kind is MentionKind.ORG and org == holder:
            org = ctx.main_org if ctx.main_org != holder else None
        if kind is MentionKind.PERSON and hit.trigger.needs_role and role is None and org is None:
            continue
        if _conditional(ctx, sent.text, hit.start) or _obliged(ctx, sent.text, hit.start):
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
        follows_on_pred = hit.trigger.pattern in lx.language.triggers.FOLLOWS_ON
        # "Bar wurde Staatschef ... Auf Bar folgte Foo": the post the one followed was reported to take
        pred_post = (known.get(pred) or (taken or {}).get(pred if follows_on_pred else "")) if pred else None
        # "Auf Baz folgte der frühere Minister Bar": Bar's former post is not the one taken
        if pred_post and not (role_m is not None and role_m.start >= abs_end
                              and not (role_m.former and follows_on_pred)):
            # "Foo's head Bar is set to replace Baz": Bar takes Baz's post, not a post of Bar's current title
            role, org = pred_post[0], pred_post[1] or org
            ev = replace(ev, role=role, org=org)
        if pred and not follows_on_pred:
            # (a holder followed on is history told: the end of that term is reported, if at all, elsewhere)
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
    names = ctx.language.names
    if hit.trigger.pattern not in lx.replacement or hit.trigger.is_nominal(ctx.text[start:end]):
        return None
    left, right = clause(sm.sentence.text, start - sm.sentence.start, end - sm.sentence.start, main=True)
    lo, hi = sm.sentence.start + left, sm.sentence.start + right
    if not (_PASSIVE.search(ctx.text[lo:start]) or cue_regex(ctx.lang, "triggers", "CLAUSE_PASSIVE_AUXILIARIES").search(
            ctx.text[lo:start])):
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


def _conditional(ctx: DocContext, sentence: str, start: int) -> bool:
    """'falls er zurückkehren sollte', 'if he returned': a condition, not a reported change."""
    left, _ = clause(sentence, start, start)
    head = sentence[left:start].casefold()
    if cue_regex(ctx.lang, "modality", "CONDITIONAL_VERB_FIRST").match(head.lstrip(" \"'„“”»«")):
        return True  # "Sollte Foo gewählt werden, ...", "Had Foo resigned, ..."
    return bool(cue_regex(ctx.lang, "modality", "CONDITIONAL").search(head))


def _obliged(ctx: DocContext, sentence: str, start: int) -> bool:
    """'should sack Foo', 'sollte zurücktreten': a modal of obligation at most one word before the trigger,
    in its clause, makes the change a demand or an opinion, not a reported change."""
    left, _ = clause(sentence, start, start)
    rx = cue_regex(ctx.lang, "modality", "OBLIGATION")
    return any(not sentence[m.end():start].strip() or len(sentence[m.end():start].split()) <= 1
               for m in rx.finditer(sentence, left, start))


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
            best[key] = replace(win, **_dated(win, other), role=win.role or other.role)
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
        merged = replace(win, **_dated(win, other), role=win.role or other.role,
                         org=max((win.org or "", other.org or ""), key=len) or None)
        out[out.index(twin)] = merged
    return out


def _dated(win: Event, other: Event) -> dict[str, object]:
    """The date of two reports of one change: the winner's, unless only the other's date is read from its
    words (a date without words is the publication day, given to a change told as news with none)."""
    source = other if other.date_text and not win.date_text else win if win.date else other
    return {"date": source.date, "date_text": source.date_text or win.date_text or other.date_text}


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
