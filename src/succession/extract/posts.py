"""Which post and where: the role a change is about, its organisation, the date in its sentence, and the
roles the article states as facts ("X, chief executive of Foo")."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from functools import lru_cache

from ..lang import get_language
from ..models import DateValue, EventType, Modality, RoleFact, Span
from .context import DocContext, cue_regex, _Hit
from .coref import fold
from .dates import find_time_expressions, reported_as_news
from .lexicon import lexicon
from .mentions import RoleMention, SentenceMentions
from .modality import clause

__all__ = ["person_roles", "relative_clauses"]


def _role_for(ctx: DocContext, roles: list[RoleMention], h_start: int, t_start: int, t_end: int, etype: EventType
              ) -> RoleMention | None:
    """The role the change is about: a role linked to the change ("as CEO", "zum Chef") wins; for a start,
    the post named after the trigger ("succeeds X as CEO of Foo") beats the title before the name (the
    post held now); otherwise the nearest role."""
    roles = [r for r in roles if not _title_of_other(ctx, r, holder_start=h_start)]
    if not roles:
        return None
    inside = [r for r in roles if t_start <= r.start < t_end]
    if inside:  # "wird Vizebürgermeisterin", "wurde ... Präsident": the post the trigger names
        return inside[-1]
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


def relative_clauses(sentence: Span, trigger_at: int) -> list[tuple[int, int]]:
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
             known: dict[str, tuple[str, str | None]], gap_end: int | None = None) -> str | None:
    """Where the post is held: the role's own organisation, the one joined to the role, else the
    organisation named in the gap of a split trigger ("wird ... leiten"), the article's, the nearest one,
    the holder's known one; ``gap_end``: where a split trigger's last word ends."""
    if role_m and role_m.org:
        return role_m.org
    linked = _linked_org(ctx.text, sm, role_m) if role_m else None
    if linked and fold(linked) != fold(holder):
        return linked
    nested = relative_clauses(sm.sentence, t_start)
    orgs = [o for o in sm.orgs if fold(o.text) != fold(holder) and fold(o.text) not in fold(holder)
            and not any(a <= o.start < b for a, b in nested)]
    if gap_end is not None:
        # a German verb-last trigger with a gap ("Foo wird den Beirat der Bar AG leiten", "trat als Chef der
        # Bar zurück"): the organisation inside the gap is the post's object, not one the clause before names;
        # the last one, nearest the verb that ends the gap
        inside = [o for o in orgs if t_start <= o.start and o.end <= gap_end]
        if inside:
            return inside[-1].text
    anchor = role_m.start if role_m else t_start
    # what follows a comma after the trigger is another clause ("hat Foo verlassen, teilte Bar mit"); the
    # clause before the trigger is not cut (a score "4:1" is no clause break)
    comma = sm.sentence.text.find(",", t_start - sm.sentence.start)
    own = [o for o in orgs if comma < 0 or o.start < sm.sentence.start + comma]
    main_here = [o for o in orgs if ctx.main_org and fold(o.text) == fold(ctx.main_org)]
    if main_here and (not own or any(o in own for o in main_here)):
        # the organisation the article is about, when this sentence names it, unless only another clause
        # does while the trigger's own names another ("Foo hat die Bar AG verlassen, teilte Baz mit")
        return ctx.main_org
    near = [o for o in own if abs(o.start - anchor) <= 40] or [o for o in orgs if abs(o.start - anchor) <= 40]
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


_CLAUSE_GAP = re.compile(r"[,;]|:\s|\s[–—-]\s")  # a colon in a score ("4:1") breaks nothing


def _org_after(ctx: DocContext, sm: SentenceMentions, t_end: int, etype: EventType, holder: str) -> str | None:
    """'moving on to Foo', 'joins Foo', 'Wechsel zu Foo', 'verlässt die Führung der Foo', 'leaves Foo':
    the organisation right after the trigger (a mention, or for a start capitalised words that are not
    a person or a role)."""
    # (past a comma, a colon or a dash the name belongs to another clause: "hat Foo verlassen, teilte Bar mit")
    after = [o for o in sm.orgs if 0 <= o.start - t_end <= 40 and fold(o.text) != fold(holder)
             and not _CLAUSE_GAP.search(ctx.text, t_end, o.start)]
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
    if lx.canonical_role(name.split()[0]) or name.split()[0] in ctx.language.names.NOT_NAMES:
        return None
    return name


@lru_cache(maxsize=4096)
def _times(sentence: str, lang: str, anchor: dt.date | None, tense: str | None) -> tuple:
    """Time expressions of a sentence (memoised: several triggers in one sentence ask for them)."""
    return tuple(find_time_expressions(sentence, lang, anchor, tense=tense))


# "after Saturday's defeat", "ahead of next week's vote": a date in the possessive dates the thing it owns
_POSSESSIVE = re.compile(r"['’]s?(?!\w)")


def _date_for(ctx: DocContext, sent: Span, hit: _Hit, modality: Modality) -> tuple[DateValue | None, str | None]:
    # a planned change looks forward; otherwise the date grammar decides ("from May 1" still looks forward)
    tense = "future" if modality is Modality.PLANNED else None
    left, right = clause(sent.text, hit.start, hit.end)
    found = [x for x in _times(sent.text, ctx.lang, ctx.anchor, tense) if left <= x.start and x.end <= right
             and not _POSSESSIVE.match(sent.text, x.end)]
    if hit.trigger.type == "founded":  # foundings are told by year, not "on Friday"
        found = [x for x in found if not x.relative]
    forward = ctx.language.modality.FORWARD_PREPOSITIONS
    if tense is None and any(x.prep and x.prep.casefold() in forward for x in found):
        # "from May 1", "zum 30. April": a date introduced so lies ahead of the report
        found = [y for y in _times(sent.text, ctx.lang, ctx.anchor, "future") if left <= y.start and y.end <= right]
    if not found:
        # "In 2001 Foo was beaten, and resigned", "2001 folgte ihm Bar: Er wurde ...": a date fronted in an
        # earlier clause of the sentence sets the time of what follows; the nearest such one, never a later one
        found = [x for x in _times(sent.text, ctx.lang, ctx.anchor, tense) if x.end <= left][-1:]
    if not found and ctx.published is not None and modality is Modality.ASSERTED and reported_as_news(
            sent.text[left:right], ctx.lang):
        return ctx.published, None  # "Foo has left Bar" with no date: the news of the publication day
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


def _is_lead_phrase(ctx: DocContext, hit: _Hit) -> bool:
    words = ctx.language.roles.LEAD_WORDS
    return " ".join(hit.trigger.pattern.split()) in words


def _led_body(ctx: DocContext, sent: Span, role: str | None, hit: _Hit) -> str | None:
    """'the board, led by Foo', 'der Vorstand unter der Leitung von Foo': leading a body is chairing it."""
    roles = ctx.language.roles
    low = sent.text.casefold()
    lead = any(w in low for w in roles.LEAD_WORDS)
    if lead and cue_regex(ctx.lang, "roles", "BODY_WORDS").search(low):
        return "chair"
    return None
